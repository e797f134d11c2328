"""A site built from a hostile catalogue runs no script from it, and a calculator whose
runtime cannot start says so in Danish within a bounded time.

The hostile catalogue (tests/fixtures/fjendtlig.py) has attack payloads in titles,
section texts, repairs, legal basis, references, an area, a group, search words and a
front-matter page. Its site is built once for these tests and served on its own port.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import _Handler
from fixtures.fjendtlig import lav_fjendtligt_katalog

ROOT = Path(__file__).resolve().parents[2]
SIDER = ["standarder/brokbind/", "omraader/hjaelpemidler/", "omraader/hjaelpemidler/kropsbaarne-og-personlige-hjaelpemidler/",
         "", "om/indledning/", "om/udskrift/", "standarder/", "lovgrundlag/serviceloven-112/"]

# Every attribute of every element, and every link target, after scripts have run.
FUND_JS = """() => {
  const fund = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) fund.push(el.tagName + ' ' + a.name);
      if (/^\\s*javascript:/i.test(a.value)) fund.push(el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  return fund;
}"""


def _fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def fjendtligt_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fjendtlig")
    katalog = lav_fjendtligt_katalog(tmp)
    port = _fri_port()
    site = tmp / "site"
    env = os.environ | {"KVH_CATALOGUE": str(katalog), "KVH_SITE_URL": f"http://127.0.0.1:{port}/"}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/", site
    server.shutdown()


def test_no_script_from_the_catalogue_runs_on_any_page(browser, fjendtligt_site):
    base, _ = fjendtligt_site
    context = browser.new_context(locale="da-DK", service_workers="block")
    page = context.new_page()
    dialoger, fejl = [], []
    page.on("dialog", lambda d: (dialoger.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: fejl.append(str(e)))
    for sti in SIDER:
        page.goto(base + sti)
        page.wait_for_load_state("networkidle")
        expect(page.locator("h1").first).to_be_visible()
        assert page.evaluate(FUND_JS) == [], sti
        # The payload is on the page as text.
        assert "onerror=alert" in page.content() or sti in ("", "lovgrundlag/serviceloven-112/"), sti
    # Search renders titles and text from the index as HTML: search for the payload itself.
    page.goto(base + "standarder/brokbind/")
    page.locator(".md-search__input").click() if page.locator(".md-search__input").is_visible() \
        else page.locator("label[for='__search']").first.click()
    page.locator(".md-search__input").fill("Brokbind")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20000)
    assert page.evaluate(FUND_JS) == []
    page.wait_for_timeout(500)
    assert dialoger == []
    assert fejl == []
    context.close()


def test_the_hostile_title_is_text_in_the_document_title_and_navigation(browser, fjendtligt_site):
    base, site = fjendtligt_site
    context = browser.new_context(locale="da-DK", service_workers="block")
    page = context.new_page()
    page.goto(base + "standarder/brokbind/")
    assert "</title><script>" in page.title()
    nav = page.locator(".md-nav__link", has_text="Brokbind").first
    expect(nav).to_contain_text("<img src=x onerror=alert('img')>")
    html = (site / "standarder/brokbind/index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]*script-src \'self\' '
                     r'\'wasm-unsafe-eval\' \'sha256-', html)
    context.close()


@pytest.mark.parametrize("blokeret", ["**/pyodide.asm.wasm", "**/pyodide.mjs"])
def test_a_calculator_that_cannot_start_says_so_within_the_bound(browser, base_url, blokeret):
    context = browser.new_context(locale="da-DK", service_workers="block")
    page = context.new_page()
    page.route(blokeret, lambda route: route.abort())
    page.goto(base_url + "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/")
    status = page.locator('[data-beregner="diabetes"] [data-status]')
    expect(status).to_have_text(re.compile("kunne ikke starte"), timeout=20000)
    expect(status).to_contain_text("Reglerne står i teksten ovenfor")
    # Typing afterwards keeps the start failure's message, not a generic one.
    page.locator('[data-beregner="diabetes"] input[name="strimler_hidtil"]').fill("10")
    page.wait_for_timeout(300)
    expect(status).to_have_text(re.compile("kunne ikke starte"))
    context.close()
