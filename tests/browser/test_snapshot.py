"""Starting Python in Chromium: from the build's memory snapshot, and the normal way when
the snapshot is missing, stale or does not restore. Both ways answer every reference case.

The worker starts when a calculator page loads (not when the reader types), the status
line says what is happening, and an answer typed while it starts is computed once ready.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import time

import pytest
from playwright.sync_api import expect

from browserhjaelp import vent_paa
from casecheck import afvigelser
from export_cases import alle_cases
from sitegen.pyodide_assets import laes_filer

TABLET = "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"
SNAPSHOT = "**/beregnere.snapshot.gz"

# Every reference case, sent to the page's worker; answers come back in order.
KOER_CASES = """async (cases) => {
  const s = window.__kvhBeregner;
  const w = s.worker;
  const svar = new Map();
  const alle = new Promise((ok) => {
    w.addEventListener("message", (e) => {
      if (e.data.type !== "svar" || e.data.id < 1e6) return;
      svar.set(e.data.id, e.data.svar);
      if (svar.size === cases.length) ok();
    });
  });
  cases.forEach((c, i) => w.postMessage({ id: 1e6 + i, beregner: c.beregner, input: c.input }));
  await alle;
  return cases.map((c, i) => svar.get(1e6 + i));
}"""


def felt(page, navn):
    return page.locator(f'[data-beregner="diabetes"] [name="{navn}"]')


def udfyld(page, strimler="30"):
    felt(page, "strimler_hidtil").fill("0")
    felt(page, "strimler_ansoegt").fill(strimler)
    felt(page, "lancetter_hidtil").fill("0")
    felt(page, "lancetter_ansoegt").fill("10")


def vent_paa_klar(page):
    page.wait_for_function("() => window.__kvhBeregner && window.__kvhBeregner.klar === true", timeout=60_000)
    return page.evaluate("window.__kvhBeregner.maade")


def koer_alle_cases(page) -> list[str]:
    cases = json.loads(json.dumps(alle_cases(), default=str))
    for c in cases:
        if "dato" in c:
            c["input"] = {**c["input"], "dato": c["dato"]}
    svar = page.evaluate(KOER_CASES, [{"beregner": c["beregner"], "input": c["input"]} for c in cases])
    return [f"{c['beregner']}: {c['navn']}: {a}" for c, s in zip(cases, svar) for a in afvigelser(c, s)]


def test_python_starts_from_the_snapshot_and_every_reference_case_passes(page, base_url):
    page.goto(base_url + TABLET)
    assert vent_paa_klar(page) == "snapshot"
    assert koer_alle_cases(page) == []
    # The wheel is inside the snapshot: not fetched.
    assert [u for u in page.recorder.requests if u.endswith(".whl")] == []


def _gammel_filer(route):
    """The worker (its list of files is written into it) as if the snapshot had been made from
    another wheel (stale)."""
    tekst = route.fetch().text()
    tekst = re.sub(r'("snapshot": \{[^}]*"hjul": ")[0-9a-f]{64}', lambda m: m.group(1) + "0" * 64, tekst)
    assert '"hjul": "' + "0" * 64 in tekst
    route.fulfill(body=tekst, content_type="text/javascript")


def _snapshot_url() -> str:
    """The snapshot's address in the built site, from assets/javascripts/."""
    from conftest import SITE
    return laes_filer(SITE / "assets/javascripts/beregner-filer.mjs")["snapshot"]["url"]


def _afkortet(route):
    """The build's snapshot, cut off half-way (a connection that dropped)."""
    from conftest import SITE
    data = (SITE / "assets/javascripts" / _snapshot_url()).resolve().read_bytes()
    route.fulfill(body=data[: len(data) // 2], content_type="application/gzip")


def _uden_hjaelper(route):
    """The worker as if its helper (which unpacks the snapshot) could not be loaded. (Playwright
    does not see a worker's own workers' requests, so the worker asks for a file that is not there.)"""
    tekst = route.fetch().text()
    assert '"./beregner-snapshot.js"' in tekst
    route.fulfill(body=tekst.replace('"./beregner-snapshot.js"', '"./beregner-snapshot-findes-ikke.js"'),
                  content_type="text/javascript")


UDEN_SNAPSHOT = {
    "missing": lambda page: page.route(SNAPSHOT, lambda r: r.fulfill(status=404, body="")),
    "not a snapshot": lambda page: page.route(SNAPSHOT, lambda r: r.fulfill(
        body=gzip.compress(os.urandom(4096)), content_type="application/gzip")),
    "stale": lambda page: page.route("**/beregner-worker.js", _gammel_filer),
    "cut off": lambda page: page.route(SNAPSHOT, _afkortet),
    "no helper": lambda page: page.route("**/beregner-worker.js", _uden_hjaelper),
}


@pytest.mark.parametrize("hvorfor", list(UDEN_SNAPSHOT))
def test_without_a_usable_snapshot_python_starts_the_normal_way_and_answers(page, base_url, hvorfor):
    UDEN_SNAPSHOT[hvorfor](page)
    page.goto(base_url + TABLET)
    udfyld(page)
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("30 stk.", timeout=60_000)
    assert page.evaluate("window.__kvhBeregner.maade") == "normal"
    assert page.evaluate("window.__kvhBeregner.snapshotfejl")
    expect(page.locator('[data-beregner="diabetes"] [data-status]')).to_have_text("Beregneren er klar.")


def test_the_normal_start_answers_every_reference_case(page, base_url):
    UDEN_SNAPSHOT["missing"](page)
    page.goto(base_url + TABLET)
    assert vent_paa_klar(page) == "normal"
    assert koer_alle_cases(page) == []


def test_python_starts_when_the_page_loads_not_when_the_reader_types(page, base_url):
    page.goto(base_url + TABLET)
    assert vent_paa_klar(page) == "snapshot"  # nothing typed
    assert page.evaluate("performance.getEntriesByName('kvh-input').length") == 0
    expect(page.locator('[data-beregner="diabetes"] [data-status]')).to_have_text("Beregneren er klar.")


def test_status_says_what_happens_and_an_early_answer_comes_when_python_is_ready(page, base_url):
    holdt = []
    page.route(SNAPSHOT, lambda route: holdt.append(route))
    page.goto(base_url + TABLET)
    status = page.locator('[data-beregner="diabetes"] [data-status]')
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(re.compile(r"^Beregneren indlæses: henter filer … Du kan udfylde felterne imens\.$"))
    udfyld(page, strimler="40")  # typed while Python is still on its way
    page.wait_for_timeout(300)
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_count(0)
    assert len(holdt) == 1
    holdt[0].continue_()
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("40 stk.", timeout=60_000)
    expect(status).to_have_text("Beregneren er klar.")


def test_the_page_does_not_shift_while_python_starts(page, base_url):
    page.add_init_script("""
      window.__skift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__skift += e.value; })
        .observe({ type: "layout-shift", buffered: true });
    """)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + TABLET)
    page.locator('[data-beregner="diabetes"]').scroll_into_view_if_needed()
    vent_paa_klar(page)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__skift") < 0.01


def _udpakket_url(base_url: str) -> str:
    return base_url + "assets/" + _snapshot_url().removeprefix("../").removesuffix(".gz") + ".udpakket"


HAR_UDPAKKET = "async (u) => !!(await (await caches.open('kvh-hashede')).match(u))"


def _foerste_besoeg_gemmer_udpakket(page, base_url) -> tuple[str, int]:
    """A first visit to a calculator page, which keeps the unpacked snapshot; then away to another
    page. Returns the kept copy's address and how many times the snapshot was fetched so far."""
    udpakket = _udpakket_url(base_url)
    page.goto(base_url + TABLET)
    assert vent_paa_klar(page) == "snapshot"
    vent_paa(page, HAR_UDPAKKET, 30, udpakket)  # 15 MB written after the start
    page.goto(base_url + "404.html")
    return udpakket, len(page.recorder.fetched("beregnere.snapshot.gz"))


def test_the_unpacked_snapshot_is_kept_for_the_next_visit_and_a_broken_copy_is_dropped(page, base_url):
    udpakket, foer = _foerste_besoeg_gemmer_udpakket(page, base_url)
    # The next visit starts from the kept copy without fetching the snapshot.
    page.goto(base_url + TABLET)
    assert vent_paa_klar(page) == "snapshot"
    assert len(page.recorder.fetched("beregnere.snapshot.gz")) == foer
    # A damaged copy: Python starts the normal way, answers, and the copy is gone.
    page.evaluate("async (u) => (await caches.open('kvh-hashede')).put(u, new Response(new Uint8Array(4096)))", udpakket)
    page.goto(base_url + TABLET)
    udfyld(page)
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("30 stk.", timeout=60_000)
    assert page.evaluate("window.__kvhBeregner.maade") == "normal"
    assert not page.evaluate(HAR_UDPAKKET, udpakket)


def test_a_repeat_visit_whose_helper_cannot_load_reads_the_kept_copy_itself(page, base_url):
    # The helper reads the kept copy without being asked; without a helper the worker reads it.
    udpakket, foer = _foerste_besoeg_gemmer_udpakket(page, base_url)
    UDEN_SNAPSHOT["no helper"](page)
    page.goto(base_url + TABLET)
    udfyld(page)
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("30 stk.", timeout=60_000)
    assert page.evaluate("window.__kvhBeregner.maade") == "snapshot"
    assert len(page.recorder.fetched("beregnere.snapshot.gz")) == foer
    assert page.evaluate(HAR_UDPAKKET, udpakket)


def test_an_answer_typed_before_a_start_that_outlived_the_bound_comes_when_python_does(page, base_url):
    page.add_init_script("window.__kvhStartgraense = 1500")
    holdt = []
    page.route(SNAPSHOT, lambda route: holdt.append(route))
    page.goto(base_url + TABLET)
    udfyld(page, strimler="45")
    status = page.locator('[data-beregner="diabetes"] [data-status]')
    expect(status).to_contain_text("kunne ikke starte", timeout=10_000)
    holdt[0].continue_()  # the slow network delivers after all
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("45 stk.", timeout=60_000)
    expect(status).to_have_text("Beregneren er klar.")


def test_a_first_visit_over_a_3g_class_connection_starts_the_normal_way(page, base_url):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    # 450 ms round trips: Chromium rates the connection 3G (navigator.connection.effectiveType).
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 450, "downloadThroughput": -1, "uploadThroughput": -1})
    page.goto(base_url + TABLET)
    assert page.evaluate("navigator.connection.effectiveType") == "3g"
    udfyld(page)
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("30 stk.", timeout=120_000)
    assert page.evaluate("window.__kvhBeregner.maade") == "normal"
    assert "3g" in page.evaluate("window.__kvhBeregner.snapshotfejl")
    assert page.recorder.fetched("beregnere.snapshot.gz") == []


def test_a_helper_that_fails_before_pyodide_is_loaded_leaves_no_unhandled_error(page, base_url):
    # The helper's failure can come before the worker has imported pyodide.mjs and begun to
    # wait for the snapshot: held back here, so it always does. The page fixture fails the test
    # on any console error, an unhandled rejection in the worker included.
    UDEN_SNAPSHOT["no helper"](page)

    def langsom(route):
        time.sleep(1.5)
        route.continue_()

    page.route("**/pyodide.mjs", langsom)
    page.goto(base_url + TABLET)
    udfyld(page)
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("30 stk.", timeout=60_000)
    assert page.evaluate("window.__kvhBeregner.maade") == "normal"
