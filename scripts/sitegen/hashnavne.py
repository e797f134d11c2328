"""Content-hashed names for the site's own scripts and stylesheets (extra_javascript, extra_css).

Material names its own bundle by its content (bundle.<hash>.min.js); ours were served under
fixed names, so the service worker had to ask the host about each of them on every page view
(network first: a fixed name may hold new content). With the hash in the name a new publish
has new names, and the service worker answers them from its cache at once (cache first, as
for every content-hashed file): on a repeat visit the calculator's script starts Python
without waiting for a round trip, and a page view sends no request for them at all.

Run on a finished build (after every step that changes these files, such as the worker's
address written into beregner.js), before the Content-Security-Policy and the service
worker's list of files. Every page's reference to a file is rewritten, relative or absolute.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath


class HashnavnFejl(Exception):
    pass


def navn_hash(indhold: bytes) -> str:
    """Ten hex digits of the content's SHA-256 with at least one decimal digit among them (the
    service worker takes only such a run for a hash, so an ordinary word is never one)."""
    h = hashlib.sha256(indhold).hexdigest()
    return next(h[i:i + 10] for i in range(len(h) - 9) if any(c.isdigit() for c in h[i:i + 10]))


def hashet_sti(sti: str, indhold: bytes) -> str:
    """assets/javascripts/beregner.js -> assets/javascripts/beregner.<hash>.js"""
    p = PurePosixPath(sti)
    return str(p.with_name(f"{p.stem}.{navn_hash(indhold)}{p.suffix}"))


def giv_hashnavne(site_dir: Path, stier: list[str]) -> dict[str, str]:
    """Rename each of `stier` (paths inside the built site) to its content-hashed name and
    point every HTML page at the new names. Returns {old path: new path}."""
    site_dir = Path(site_dir)
    nye = {}
    for sti in stier:
        fil = site_dir / sti
        if not fil.is_file():
            raise HashnavnFejl(f"{sti} er ikke i det byggede site")
        nye[sti] = hashet_sti(sti, fil.read_bytes())
    if not nye:
        return nye
    # An attribute value ending in one of the paths, after nothing or a "/" (../../assets/...,
    # /assets/..., https://host/assets/...), and followed by the closing quote.
    moenster = re.compile(r'''((?:src|href)=(["']))((?:[^"'<>]*/)?)(''' +
                          "|".join(re.escape(s) for s in sorted(nye, key=len, reverse=True)) + r")\2")
    for side in site_dir.rglob("*.html"):
        html = side.read_text(encoding="utf-8")
        ny = moenster.sub(lambda m: m[1] + m[3] + nye[m[4]] + m[2], html)
        if ny != html:
            side.write_text(ny, encoding="utf-8")
    for gammel, ny in nye.items():
        (site_dir / gammel).replace(site_dir / ny)
    return nye
