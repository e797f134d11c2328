"""How a page loads its scripts: no script file holds up the parser (`defer`).

Every page carries its Content-Security-Policy as `<meta http-equiv>` (csp.py: it must hold on
any host). Chromium's preload scanner stops at such a tag (crbug.com/1458493), so the script
files at the end of <body> – Material's bundle, then ours – were fetched one at a time: each
only once the one before had arrived and run. On a first visit over a 40 ms connection that
put DOMContentLoaded at about 0.65 s on a standard's page, where a deferred script is asked
for the moment the parser meets it, all of them at once (about 0.35 s, measured 3 December
2026; `make bench` prints the figure).

A deferred script runs once the page is parsed, in the order the scripts stand in and before
DOMContentLoaded, which is when Material starts and when ours look for the page's
calculators, filters and tables: the same order and the same moment as at the end of <body>.
Scripts that are async already (beregner.js in a calculator page's <head>), modules
(deferred by nature) and inline scripts are left as they are.
"""
from __future__ import annotations

import re

_SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
_VAERDI = re.compile(r"""=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""")
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_KLASSISK = {"", "text/javascript", "application/javascript"}


def parserblokerende(attrs: str) -> bool:
    """Whether a <script> tag with these attributes is a file the parser waits for."""
    navne = set(re.findall(r"[\w-]+", _VAERDI.sub("", attrs).lower()))
    if "src" not in navne or navne & {"async", "defer"}:
        return False
    type_ = _TYPE.search(attrs)
    return type_ is None or type_[1].lower() in _KLASSISK


def udsaet_scripts(html: str) -> str:
    """`html` with `defer` on every script file the parser would otherwise wait for."""
    return _SCRIPT_TAG.sub(lambda m: f"<script{m[1]} defer>" if parserblokerende(m[1]) else m[0], html)
