"""The service worker (`sw.js` at the site's root): repeat visits and the handbook offline.

Written into a built site after everything else (by scripts/build_site.py; any step that
adds files to the site, e.g. a search index, must come before it). The worker is the
template `sw.js` beside this module with two things filled in:

- the build id, a hash of every listed file's path and content: a publish that changes
  anything changes the worker's bytes, so browsers install the new one, which deletes
  the old build's caches;
- the files to keep for offline use: every page (as its folder address) and every asset
  a page needs, the search index (pagefind/ and its word list) included, without source
  maps and the open-data downloads.

How the worker answers is in the template: network first for pages and every file whose
name is not content-hashed (so a reader online never sees an old page or an old rate),
cache first only for content-hashed files.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
from pathlib import Path

SKABELON = Path(__file__).with_name("sw.js")
SW_NAVN = "sw.js"
# Not kept for offline use (patterns on the path inside the site).
# Material's theme copies its lunr search (1.2 MB) into every site; search here is Pagefind's
# (pagefind/, kept), so a reader's device is not filled with files no page loads.
UDEN = ("*.map", "sitemap.xml", "sitemap.xml.gz", "content-security-policy.txt", SW_NAVN, "data/*",
        "assets/javascripts/lunr/*", "assets/javascripts/workers/search.*")


def offline_filer(site_dir: Path) -> list[str]:
    """The addresses (relative to the site's root) a reader needs offline, sorted."""
    ud = []
    for fil in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        sti = fil.relative_to(site_dir).as_posix()
        if any(fnmatch.fnmatch(sti, m) for m in UDEN):
            continue
        if fil.name == "index.html":
            sti = sti.removesuffix("index.html") or "./"
        ud.append(sti)
    return ud


def bygge_id(site_dir: Path, filer: list[str]) -> str:
    h = hashlib.sha256()
    for sti in filer:
        fil = site_dir / (sti + "index.html" if sti.endswith("/") else sti)
        h.update(sti.encode())
        h.update(hashlib.sha256(fil.read_bytes()).digest())
    return h.hexdigest()[:16]


def skriv_serviceworker(site_dir: Path) -> dict:
    """Write sw.js into the built site; returns its build id and file count."""
    filer = offline_filer(Path(site_dir))
    bid = bygge_id(Path(site_dir), filer)
    tekst = (SKABELON.read_text(encoding="utf-8")
             .replace('"__BYGGE_ID__"', json.dumps(bid))
             .replace("[/*__FILER__*/]", json.dumps(filer, separators=(",", ":"))))
    (Path(site_dir) / SW_NAVN).write_text(tekst, encoding="utf-8")
    return {"bygge_id": bid, "filer": len(filer)}
