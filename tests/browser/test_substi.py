"""Published under a sub-path (site_url with a path), the site, its search and its calculators work.

The site is built for http://127.0.0.1:8767/haandbog/ into build/substi-site and
served only under /haandbog/, so any link or asset that assumes the root fails.
"""
import functools
import http.server
import os
import subprocess
import sys
import threading

import pytest
from playwright.sync_api import expect

from conftest import ROOT, Recorder, _Handler

PORT = 8767
PREFIX = "/haandbog/"
SITE = ROOT / "build" / "substi-site"


class _UnderPrefix(_Handler):
    def translate_path(self, path):
        if not path.startswith(PREFIX):
            return str(SITE / "__findes_ikke__")
        return super().translate_path("/" + path[len(PREFIX):])


@pytest.fixture(scope="module")
def substi_url():
    env = os.environ | {"KVH_SITE_URL": f"http://127.0.0.1:{PORT}{PREFIX}"}
    proc = subprocess.run([sys.executable, "scripts/build_site.py", str(SITE)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT),
                                             functools.partial(_UnderPrefix, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{PORT}{PREFIX}"
    server.shutdown()


@pytest.fixture
def side(browser, substi_url):
    context = browser.new_context(locale="da-DK", service_workers="block")
    pg = context.new_page()
    rec = Recorder()
    context.on("request", lambda r: rec.requests.append(r.url))
    context.on("requestfinished", lambda r: r.response() and r.response().status >= 400
               and rec.console_errors.append(f"{r.response().status} {r.url}"))
    pg.on("pageerror", lambda e: rec.console_errors.append(str(e)))
    pg.recorder = rec
    yield pg
    context.close()
    assert rec.console_errors == []
    assert [u for u in rec.requests if not u.startswith(substi_url) and not u.startswith(("data:", "blob:"))] == []


def test_navigation_and_calculator_work_under_the_sub_path(side, substi_url):
    side.goto(substi_url)
    side.locator("article").get_by_role("link", name="Hjælpemiddelområdet", exact=True).first.click()
    expect(side.locator(".md-content h1")).to_have_text("Hjælpemiddelområdet")
    side.get_by_role("link", name="Alle standarder").first.click()
    expect(side.locator(".md-content h1")).to_have_text("Alle standarder")
    side.get_by_role("link", name="Diabetesmaterialer til tabletbehandlede diabetikere").first.click()
    assert side.url == substi_url + "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"
    beregner = side.locator("[data-beregner=\"diabetes\"]")
    expect(beregner.locator("[data-status]")).to_have_text("Beregneren er klar.", timeout=60_000)
    beregner.get_by_label("Teststrimler der søges om nu").fill("200")
    beregner.get_by_label("Fingerprikker (lancetter) der søges om nu").fill("10")
    expect(beregner.locator('[data-post="strimler_bevilget"]')).to_have_text("150 stk.")
    assert [u for u in side.recorder.fetched(PREFIX + "assets/pyodide/") if u.endswith("/pyodide.asm.wasm")]


def test_search_finds_a_standard_under_the_sub_path(side, substi_url):
    side.goto(substi_url)
    side.locator("#kvh-soeg-felt").click()
    side.keyboard.type("rollator", delay=20)
    foerste = side.locator("#kvh-soeg-resultater a").first
    expect(foerste.locator(".kvh-soeg-titel")).to_have_text("Rollatorer og gangbukke", timeout=30_000)
    assert foerste.get_attribute("href") == PREFIX + "standarder/rollatorer-og-gangbukke/"
    assert side.recorder.fetched(PREFIX + "pagefind/pagefind.js")
    foerste.click()
    expect(side.locator(".md-content h1")).to_have_text("Rollatorer og gangbukke")
    assert side.url.startswith(substi_url + "standarder/")
