"""The service worker's file list and build id (sitegen/offline.py), and a snapshot that
cannot be made is a plain build message (sitegen/snapshot.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen import offline, snapshot


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for sti, tekst in {
        "index.html": "forside", "standarder/brokbind/index.html": "brokbind", "404.html": "404",
        "assets/javascripts/bundle.a5f9d56c.min.js": "js", "assets/javascripts/bundle.a5f9d56c.min.js.map": "map",
        "assets/pyodide/88f2763c0dd6a250/pyodide.asm.wasm": "wasm", "data/satser.csv": "csv",
        "pagefind/pagefind.js": "pf", "pagefind/fragment/da_1a2b3c4.pf_fragment": "frag",
        "assets/soeg/ordliste.json": "{}",
        "sitemap.xml": "<urlset/>", "content-security-policy.txt": "csp",
        # Material's lunr search, which no page of ours loads
        "assets/javascripts/lunr/min/lunr.da.min.js": "lunr", "assets/javascripts/workers/search.a7633da7.min.js": "w",
    }.items():
        (site / sti).parent.mkdir(parents=True, exist_ok=True)
        (site / sti).write_text(tekst)
    return site


def test_offline_list_has_every_page_by_its_address_and_the_assets_pages_need(tmp_path):
    assert sorted(offline.offline_filer(_site(tmp_path))) == [
        "./", "404.html", "assets/javascripts/bundle.a5f9d56c.min.js", "assets/pyodide/88f2763c0dd6a250/pyodide.asm.wasm",
        "assets/soeg/ordliste.json", "pagefind/fragment/da_1a2b3c4.pf_fragment", "pagefind/pagefind.js",
        "standarder/brokbind/"]


def test_the_service_worker_changes_when_any_listed_file_changes(tmp_path):
    site = _site(tmp_path)
    foer = offline.skriv_serviceworker(site)
    sw = (site / "sw.js").read_text("utf-8")
    assert f'const BYGGE_ID = "{foer["bygge_id"]}";' in sw
    assert json.loads(re.search(r"const FILER = (\[.*?\]);", sw).group(1)) == offline.offline_filer(site)
    assert offline.skriv_serviceworker(site) == foer  # the same site: the same worker
    (site / "standarder/brokbind/index.html").write_text("brokbind, ny sats")
    assert offline.skriv_serviceworker(site)["bygge_id"] != foer["bygge_id"]
    assert "__BYGGE_ID__" not in (site / "sw.js").read_text("utf-8")


def test_a_snapshot_that_cannot_be_made_is_a_plain_message(tmp_path):
    hjul = tmp_path / "x.whl"
    hjul.write_bytes(b"not a wheel")
    with pytest.raises(snapshot.SnapshotFejl) as fejl:
        snapshot.lav_snapshot(tmp_path / "no-runtime", hjul, "0" * 64, "test", cache=tmp_path / "cache")
    assert str(fejl.value).startswith("Making the calculators' snapshot in Node failed:")
    assert not list((tmp_path / "cache").glob("*.gz"))
