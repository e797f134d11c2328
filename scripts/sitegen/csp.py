"""The Content-Security-Policy of the published site.

Only the site's own scripts run: files from the site ('self'), Pyodide's WebAssembly
('wasm-unsafe-eval'), and the few inline scripts Material writes into every page,
each allowed by the hash of its exact text. An injected inline script, event-handler
attribute or `javascript:` link does not run, even if one got past the escaping.

The policy goes into every page as `<meta http-equiv>` (so it holds on any host) and
into `content-security-policy.txt` for hosts that can send it as a header, which
can also say `frame-ancestors` (a meta policy cannot).
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Styles: Markdown tables align cells with style attributes, and Material sets inline
# styles; they cannot run code, so 'unsafe-inline' is allowed for styles only.
GRUNDPOLITIK = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
KUN_HEADER = (("frame-ancestors", "'self'"),)
POLITIK_FIL = "content-security-policy.txt"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_KOERBAR_TYPE = re.compile(r"""\btype\s*=\s*["']?(?:module|text/javascript|application/javascript)\b""", re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run."""
    ud = []
    for attrs, krop in _SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        if re.search(r"\btype\s*=", attrs, re.I) and not _KOERBAR_TYPE.search(attrs):
            continue  # data, e.g. Material's <script type="application/json"> configuration
        ud.append(krop)
    return ud


def script_hash(krop: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(krop.encode("utf-8")).digest()).decode("ascii") + "'"


def politik(hashes: set[str], header: bool = False) -> str:
    direktiver = dict(GRUNDPOLITIK + (KUN_HEADER if header else ()))
    direktiver["script-src"] += "".join(f" {h}" for h in sorted(hashes))
    return "; ".join(f"{k} {v}" for k, v in direktiver.items())


def foerst_i_head(html: str, element: str) -> str:
    """`html` with `element` first in <head>: right after <meta charset> (which must stay in
    the first bytes), or after <head> if there is none."""
    m = _CHARSET.search(html) or re.search(r"<head[^>]*>", html, re.I)
    if m is None:
        raise ValueError("the page has no <head>")
    return html[:m.end()] + element + html[m.end():]


def indsaet_meta(html: str, tekst: str) -> str:
    """`html` with the policy as the first element after <meta charset>, before any script."""
    return foerst_i_head(html, f'<meta http-equiv="Content-Security-Policy" content="{tekst}">')


def beskyt_site(site_dir: Path) -> str:
    """Put the policy into every HTML page of the built site; returns the header policy."""
    sider = sorted(site_dir.rglob("*.html"))
    indhold = {p: p.read_text(encoding="utf-8") for p in sider}
    hashes = {script_hash(s) for html in indhold.values() for s in inline_scripts(html)}
    meta = politik(hashes)
    for p, html in indhold.items():
        p.write_text(indsaet_meta(html, meta), encoding="utf-8")
    header = politik(hashes, header=True)
    (site_dir / POLITIK_FIL).write_text(header + "\n", encoding="utf-8")
    return header
