"""The service worker: repeat visits fetch nothing unchanged, the handbook works offline after
a calculator has been used once, and a new publish is never hidden behind old content.

The site is served by scripts/tjener.py (like a real host: gzip, ETag revalidation), which
counts what it sends; each test has its own browser context (its own service worker and
caches) and its own server.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browserhjaelp import vent_paa
from conftest import ROOT, SITE
from kataloghjaelp import NY_SATS_2026
from tjener import Tjener

TABLET = "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"
BEFORDRING = "standarder/befordring-og-befordringsgodtgoerelse-ved-genoptraening-efter-sundhedsloven/"
FRISTER = "bilag/bilag-4/"
PYODIDE = lambda sti: sti.startswith("/assets/pyodide/")  # noqa: E731  runtime, wheel, snapshot

@pytest.fixture
def tjener():
    with Tjener(SITE) as t:
        yield t


@pytest.fixture
def kontekst(browser):
    ctx = browser.new_context(locale="da-DK", service_workers="allow")
    fejl = []
    ctx.on("weberror", lambda e: fejl.append(str(e.error)))
    yield ctx
    ctx.close()
    assert fejl == []


def felt(page, beregner, navn):
    return page.locator(f'[data-beregner="{beregner}"] [name="{navn}"]')


def diabetes(page, strimler="30"):
    felt(page, "diabetes", "strimler_hidtil").fill("0")
    felt(page, "diabetes", "strimler_ansoegt").fill(strimler)
    felt(page, "diabetes", "lancetter_hidtil").fill("0")
    felt(page, "diabetes", "lancetter_ansoegt").fill("10")
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text(f"{strimler} stk.", timeout=60_000)


def befordring(page, udgift="60"):
    page.locator('[data-beregner="befordring_genoptraening"] [name="pensionist"][value="ja"]').check()
    page.locator('[data-beregner="befordring_genoptraening"] [name="kan_klare"][value="ja"]').check()
    felt(page, "befordring_genoptraening", "udgift").fill(udgift)
    return page.locator('[data-beregner="befordring_genoptraening"] [data-post="graense"]')


def vent_paa_alt_gemt(page):
    """Until the service worker has kept every page and asset of the build."""
    vent_paa(page, """async () => {
      const c = await caches.open("kvh-hashede");
      return !!(await c.match(new URL("__kvh-alt-gemt", location.origin + "/").href));
    }""")


def styret(page):
    page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=30_000)


def test_a_plain_page_fetches_no_python_on_a_first_visit(kontekst, tjener):
    page = kontekst.new_page()
    page.goto(tjener.url)
    styret(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert tjener.bytes(PYODIDE) == 0
    assert not any("beregner-worker" in s.sti for s in tjener.svar)


REGISTRERET = "async () => !!(await navigator.serviceWorker.getRegistration())"


def test_the_service_worker_waits_for_the_calculator_to_start_but_not_for_ever(kontekst, tjener):
    # Installing the service worker (and the files it fetches) would take the processor from
    # Python's start on a first visit: on a calculator page it is registered once Python has
    # started, or once the start has failed. Here the start stalls (a worker that never answers)
    # and the page gives up after 3 s.
    kontekst.add_init_script("window.__kvhStartgraense = 3000;")
    kontekst.route("**/beregner-worker.js", lambda r: r.fulfill(body="// never ready\n", content_type="text/javascript"))
    page = kontekst.new_page()
    page.goto(tjener.url + TABLET, wait_until="load")
    page.wait_for_timeout(1000)
    assert not page.evaluate(REGISTRERET)
    expect(page.locator('[data-beregner="diabetes"] [data-status]')).to_contain_text("kunne ikke starte", timeout=10_000)
    vent_paa(page, REGISTRERET, frist=10)


def test_a_second_visit_fetches_none_of_pyodide_the_wheel_or_the_snapshot(kontekst, tjener):
    page = kontekst.new_page()
    page.goto(tjener.url + TABLET)
    diabetes(page)
    assert tjener.bytes(PYODIDE) > 5_000_000  # the first visit did fetch them
    vent_paa_alt_gemt(page)
    tjener.nulstil()
    page.goto(tjener.url + TABLET)
    diabetes(page, "25")
    assert page.evaluate("window.__kvhBeregner.maade") == "snapshot"
    assert [s.sti for s in tjener.svar if PYODIDE(s.sti)] == []
    # The page was asked for again (network first: a reader online gets the newest page and
    # rates); our scripts and stylesheets, named by their content, were not asked for at all
    # (cache first), and anything else with an unhashed name cost a 304 without a body.
    assert any(s.sti == "/" + TABLET for s in tjener.svar)
    assert not [s.sti for s in tjener.svar if s.sti.startswith(("/assets/javascripts/", "/assets/stylesheets/"))]
    assert all(s.status == 304 for s in tjener.svar if s.sti != "/" + TABLET)


def test_after_one_calculation_every_page_and_calculator_works_offline(kontekst, tjener):
    page = kontekst.new_page()
    page.goto(tjener.url + TABLET)
    diabetes(page)
    vent_paa_alt_gemt(page)
    # Every page the build lists is kept.
    sw = (SITE / "sw.js").read_text("utf-8")
    filer = json.loads(re.search(r"const FILER = (\[.*?\]);", sw).group(1))
    sider = [f for f in filer if f.endswith("/") or f.endswith(".html")]
    assert len(sider) > 150
    mangler = page.evaluate("""async (sider) => {
      const ud = [];
      for (const s of sider) if (!(await caches.match(new URL(s, location.origin + "/").href))) ud.push(s);
      return ud;
    }""", sider)
    assert mangler == []

    kontekst.set_offline(True)
    tjener.stop()  # and the host is gone too: nothing can come from the network
    page.goto(tjener.url)
    expect(page.locator("h1")).to_contain_text("Kvalitetshåndbogen")
    page.goto(tjener.url + "standarder/")
    expect(page.locator("h1")).to_be_visible()
    # Another calculator, on a page not visited before, in a fresh start of Python.
    page.goto(tjener.url + BEFORDRING)
    expect(befordring(page)).to_have_text(re.compile(r"^48,00 kr"), timeout=60_000)
    page.goto(tjener.url + FRISTER)
    felt(page, "frister", "modtaget").fill("2025-03-03")
    expect(page.locator('[data-beregner="frister"] [data-resultat] .kvh-hovedsvar')).to_be_visible(timeout=60_000)
    # A page reached by a link (Material's instant navigation, or a full load).
    page.goto(tjener.url + TABLET)
    page.locator('.md-nav a[href*="glukosemaalingssystem"]').first.click()
    expect(page).to_have_url(re.compile("glukosemaalingssystem"))
    expect(page.locator('[data-beregner="diabetes"] [name="voksen"]').first).to_be_visible()
    # Search works offline too: its index is among the kept files.
    page.goto(tjener.url + FRISTER)
    page.locator("#kvh-soeg-felt").fill("rolllator")
    expect(page.locator("#kvh-soeg-resultater .kvh-soeg-titel").first).to_have_text("Rollatorer og gangbukke",
                                                                                   timeout=30_000)


MARKØR = """async () => {
  const m = await (await caches.open("kvh-hashede")).match(new URL("__kvh-alt-gemt", location.origin + "/").href);
  return m ? m.text() : null;
}"""
GEMT = "async (sti) => !!(await caches.match(new URL(sti, location.origin + '/').href))"


def test_a_page_that_could_not_be_kept_is_tried_again_at_the_next_calculation(kontekst, tmp_path):
    # Once every file of a build is kept, the marker holds the build id, and later visits of
    # that build look nothing up. A file that failed must not be marked kept: here a page is
    # missing on the host during the first keep, and is back for the next calculation.
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    side = site / FRISTER / "index.html"
    indhold = side.read_bytes()
    side.unlink()
    with Tjener(site) as tjener:
        page = kontekst.new_page()
        page.goto(tjener.url + TABLET)
        diabetes(page)
        vent_paa_alt_gemt(page)
        assert page.evaluate(MARKØR) == f"ufuldstændig {bygge_id(site)}"
        assert not page.evaluate(GEMT, FRISTER)
        side.write_bytes(indhold)
        page.goto(tjener.url + TABLET)
        diabetes(page, "25")
        vent_paa(page, f"async () => ({MARKØR})().then((m) => m === {json.dumps(bygge_id(site))})", 60)
        assert page.evaluate(GEMT, FRISTER)


KEPT_COPY = """async (sti) => {
  const navn = (await caches.keys()).find((k) => k.startsWith("kvh-sider-"));
  const r = navn && await (await caches.open(navn)).match(new URL(sti, location.origin + "/").href);
  return r ? { dato: r.headers.get("Date"), etag: r.headers.get("ETag"), tekst: await r.text() } : null;
}"""


def test_a_page_is_written_to_the_cache_again_only_when_the_host_has_changed_it(kontekst, tmp_path):
    # Network first: every visit revalidates the page with the host. A 304 means the kept copy
    # is still the page, and writing it again would only cost the reader's disk and processor.
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    with Tjener(site) as tjener:
        page = kontekst.new_page()
        page.goto(tjener.url + FRISTER)
        styret(page)
        page.reload()
        vent_paa(page, f"async () => !!(await ({KEPT_COPY})({json.dumps(FRISTER)}))")
        foer = page.evaluate(KEPT_COPY, FRISTER)
        page.wait_for_timeout(1100)  # the host's Date header counts seconds
        tjener.nulstil()
        page.reload()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        assert [s.status for s in tjener.svar if s.sti == "/" + FRISTER] == [304]
        efter = page.evaluate(KEPT_COPY, FRISTER)
        assert efter["dato"] == foer["dato"], "an unchanged page was written to the cache again"
        # A changed page is written (a new ETag), and the kept copy is the new page.
        side = site / FRISTER / "index.html"
        side.write_text(side.read_text("utf-8").replace("</body>", "<p id=ny-udgave>Ny udgave</p></body>"), "utf-8")
        page.reload()
        vent_paa(page, f"async () => (await ({KEPT_COPY})({json.dumps(FRISTER)})).tekst.includes('ny-udgave')")
        assert page.evaluate(KEPT_COPY, FRISTER)["etag"] != foer["etag"]


UDPAKKEDE = """async () => (await (await caches.open("kvh-hashede")).keys())
  .map((r) => r.url).filter((u) => u.endsWith(".udpakket"))"""


def den_udpakkede_kopi(page) -> list[str]:
    """The unpacked snapshot kept by the worker (one address), once it is written (15 MB)."""
    vent_paa(page, f"async () => ({UDPAKKEDE})().then((u) => u.length === 1)", 30)
    return page.evaluate(UDPAKKEDE)


def bygge_id(site: Path) -> str:
    return re.search(r'const BYGGE_ID = "([^"\n]+)";', (site / "sw.js").read_text("utf-8")).group(1)


def vent_paa_aktiveret(page, site: Path):
    """Until the service worker of the edition in `site` has activated, its clean-up done:
    only its pages' cache is left, and nothing is installing or waiting."""
    vent_paa(page, """async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const sider = (await caches.keys()).filter((k) => k.startsWith("kvh-sider-"));
      return sider.join() === "kvh-sider-%s" && reg.active?.state === "activated" && !reg.installing && !reg.waiting;
    }""" % bygge_id(site))


def _samme_udgave_igen(tmp_path: Path) -> Path:
    """The same build published again: the same files, and a service worker with another
    build id, which replaces the old one and clears what that one kept."""
    ny = tmp_path / "igen"
    shutil.copytree(SITE, ny)
    sw = ny / "sw.js"
    tekst = sw.read_text("utf-8")
    linje = f'const BYGGE_ID = "{bygge_id(SITE)}";'
    assert linje in tekst
    sw.write_text(tekst.replace(linje, linje[:-2] + '-igen";'), "utf-8")
    return ny


def test_the_unpacked_snapshot_outlives_a_new_service_worker_of_a_build_with_the_same_snapshot(
        kontekst, tjener, tmp_path):
    # The first visit's worker keeps the snapshot unpacked while the service worker is being
    # registered; a service worker that activates afterwards must not clear that copy.
    page = kontekst.new_page()
    page.goto(tjener.url + TABLET)
    diabetes(page)
    vent_paa_alt_gemt(page)
    udpakket = den_udpakkede_kopi(page)

    # Published again; the new service worker takes over on a page without a calculator, so
    # no worker can keep the copy anew meanwhile.
    tjener.site = igen = _samme_udgave_igen(tmp_path)
    page.goto(tjener.url + "om/indledning/")
    vent_paa_aktiveret(page, igen)
    assert page.evaluate(UDPAKKEDE) == udpakket
    page.goto(tjener.url + TABLET)
    diabetes(page, "25")
    assert page.evaluate("window.__kvhBeregner.maade") == "snapshot"


def _ny_udgave(tmp_path: Path, port: int) -> Path:
    """The handbook with the pensioners' limit raised from 48 to 52 kr. from 2026, built as a
    new publish for the same address."""
    kat = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kat)
    fil = kat / "satser" / "befordring.yaml"
    tekst = fil.read_text("utf-8")
    citat = "          citat: kan søge om godtgørelse*, hvis udgiften overstiger 48 kr. t/r.\n"
    assert citat in tekst
    fil.write_text(tekst.replace(citat, citat + NY_SATS_2026, 1), "utf-8")
    site = tmp_path / "site"
    env = os.environ | {"KVH_CATALOGUE": str(kat), "KVH_SITE_URL": f"http://127.0.0.1:{port}/"}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return site


def test_after_a_publish_a_reload_shows_the_new_rate_and_the_calculator_uses_it(kontekst, tjener, tmp_path):
    ny = _ny_udgave(tmp_path, tjener.port)
    page = kontekst.new_page()
    page.goto(tjener.url + BEFORDRING)
    expect(befordring(page)).to_have_text(re.compile(r"^48,00 kr"), timeout=60_000)
    vent_paa_alt_gemt(page)  # the old edition is kept offline, Python and all
    gammel_kopi = den_udpakkede_kopi(page)

    tjener.site = ny  # publish
    page.reload()
    expect(befordring(page)).to_have_text(re.compile(r"^52,00 kr"), timeout=60_000)
    assert "52" in page.locator('[data-beregner="befordring_genoptraening"] .kvh-forklaring').inner_text()
    satser = page.evaluate("() => fetch('../../data/satser.csv').then((r) => r.text())")
    raekker = [r for r in satser.splitlines() if r.startswith("befordring.genoptraening_graense_pensionist,")]
    assert any(",52,,2026-01-01," in r for r in raekker), raekker
    # The new service worker took over and dropped the old edition's caches, the old
    # snapshot's unpacked copy too; offline, the reader has the new edition, not the old one.
    vent_paa_aktiveret(page, ny)
    assert not set(gammel_kopi) & set(page.evaluate(UDPAKKEDE))
    vent_paa_alt_gemt(page)
    kontekst.set_offline(True)
    tjener.stop()
    page.goto(tjener.url + BEFORDRING)
    expect(befordring(page, "61")).to_have_text(re.compile(r"^52,00 kr"), timeout=60_000)
