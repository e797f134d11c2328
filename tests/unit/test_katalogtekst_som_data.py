"""Catalogue text is data, never markup: hostile payloads in the catalogue are refused
with file:line or rendered as plain text (escaping, URLs, CSP, the preview's error page).

The built pages of a hostile catalogue are checked in a real browser in
tests/browser/test_fjendtligt_katalog.py (the browser).
"""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from fixtures.fjendtlig import BLOK_PAYLOAD, FJENDTLIG_URL, LINJE_PAYLOADS, lav_fjendtligt_katalog
from sitegen import csp
from sitegen.markdown import front_matter_vaerdi, html_tekst, sikker_url, tabel_md, tekst
from sitegen.sider.fejl import fejlside

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _extensions() -> tuple[list, dict]:
    navne, indstillinger = [], {}
    for e in CONFIG["markdown_extensions"]:
        if isinstance(e, dict):
            (navn, konf), = e.items()
            navne.append(navn)
            indstillinger[navn] = konf or {}
        else:
            navne.append(e)
    indstillinger.get("toc", {}).pop("permalink", None)
    return navne, indstillinger


def render(md: str) -> str:
    navne, indstillinger = _extensions()
    return markdown.markdown(md, extensions=navne, extension_configs=indstillinger)


class Elementer(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def elementer(html: str) -> list[tuple[str, list]]:
    p = Elementer()
    p.feed(html)
    return p.tags


TEKST_TAGS = {"p", "ul", "ol", "li", "br", "strong", "em", "h1", "h2", "h3"}


@pytest.mark.parametrize("payload", LINJE_PAYLOADS + [BLOK_PAYLOAD])
def test_escaped_catalogue_text_renders_as_text_only(payload):
    html = render(tekst(payload))
    tags = elementer(html)
    assert {t for t, _ in tags} <= {"p", "ul", "li"}, html
    assert all(not attrs for _, attrs in tags), html
    # The reader sees the words as written.
    synlig = re.sub(r"<[^>]+>", "", html)
    for ord_ in re.findall(r"[A-Za-zæøå]{4,}", payload):
        assert ord_ in synlig.replace("&lt;", "<").replace("&gt;", ">"), ord_


def test_a_payload_at_the_end_of_a_heading_gets_no_attributes():
    for payload in LINJE_PAYLOADS:
        html = render(f"# {tekst('Brokbind ' + payload)}")
        tags = elementer(html)
        assert [t for t, _ in tags] == ["h1"], html
        assert all(k == "id" for _, attrs in tags for k, _ in attrs), html


def test_table_cells_keep_payloads_inside_their_cell():
    tabel = {"kolonner": ["A", "B"], "raekker": [[p, "x"] for p in LINJE_PAYLOADS + [BLOK_PAYLOAD]]}
    html = render(tabel_md(tabel))
    tags = elementer(html)
    assert {t for t, _ in tags} <= {"table", "thead", "tbody", "tr", "th", "td", "br"}, html
    assert all(len(re.findall(r"<td", r)) == 2 for r in re.findall(r"<tr>.*?</tr>", html, re.S)[1:])


def test_text_for_mkdocs_templates_is_html_escaped():
    for payload in LINJE_PAYLOADS:
        assert "<" not in html_tekst(payload) and '"' not in html_tekst(payload)
        vaerdi = yaml.safe_load(f"title: {front_matter_vaerdi(payload)}")["title"]
        assert vaerdi == html_tekst(payload)
    assert yaml.safe_load(f"t: {front_matter_vaerdi('a' + chr(0) + chr(27) + 'b')}")["t"] == "a  b"


@pytest.mark.parametrize("url,forventet", [
    ("https://www.gladsaxe.dk/borger", "https://www.gladsaxe.dk/borger"),
    ("https://sundhed.dk/x?a=1&b=(2)", "https://sundhed.dk/x?a=1&b=%282%29"),
    ("mailto:hjaelpemidler@gladsaxe.dk", "mailto:hjaelpemidler@gladsaxe.dk"),
    (FJENDTLIG_URL, None),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("https://x.dk/\"onmouseover=alert(1)", "https://x.dk/%22onmouseover=alert%281%29"),
    ("http:/mangler-vaert", None),
    ("https://x.dk/\nhttps://y.dk", None),
])
def test_urls_are_parsed_and_only_http_https_and_mailto_kept(url, forventet):
    assert sikker_url(url) == forventet


def _check(katalog: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_catalogue.py"), "--katalog", str(katalog)],
                          capture_output=True, text=True, timeout=120)


def test_a_url_that_breaks_out_of_its_link_is_refused_with_file_and_line(tmp_path):
    katalog = lav_fjendtligt_katalog(tmp_path, med_url=True)
    proc = _check(katalog)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    linjer = (katalog / "standarder/hjaelpemidler/brokbind.yaml").read_text(encoding="utf-8").splitlines()
    url_linje = next(i for i, l in enumerate(linjer, 1) if FJENDTLIG_URL.split(")")[0] + ")" in l and "url" in l)
    # The error points at the reference (its first line) or at the url itself.
    assert re.search(rf"brokbind\.yaml:({url_linje - 1}|{url_linje}): ", proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr


def test_text_payloads_pass_the_check_because_they_are_shown_as_text(tmp_path):
    proc = _check(lav_fjendtligt_katalog(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_preview_error_page_shows_messages_as_text():
    md = fejlside(["catalogue/x.yaml:3: unknown field '`<img src=x onerror=alert(1)>`' (allowed: ...)"])
    html = render(md.split("---", 2)[2])
    assert {t for t, _ in elementer(html)} <= {"h1", "p", "ul", "li"}, html
    assert "onerror" in html and "<img" not in html


def test_csp_hashes_exactly_the_inline_scripts_that_run():
    html = ('<html><head><meta charset="utf-8"><script>var a=1</script>'
            '<script src="x.js"></script><script type="application/json">{"a":1}</script>'
            '<script type="module">import "./y.js"</script></head><body></body></html>')
    assert csp.inline_scripts(html) == ["var a=1", 'import "./y.js"']
    politik = csp.politik({csp.script_hash(s) for s in csp.inline_scripts(html)})
    assert "'sha256-" in politik and "'unsafe-inline'" not in politik.split("script-src")[1].split(";")[0]
    assert "frame-ancestors" not in politik and "frame-ancestors" in csp.politik(set(), header=True)
    ud = csp.indsaet_meta(html, politik)
    assert ud.index('http-equiv="Content-Security-Policy"') < ud.index("<script")
