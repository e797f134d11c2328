"""Speed and size figures for the site (a benchmark that prints, not a test).

Prints:
  - full build time (cold: wheel and snapshot made anew; warm: both reused)
  - `make serve`'s preview: time from saving one standard's YAML to its page showing the edit
    (target: a couple of seconds)
  - bytes transferred (gzip, like a real host: scripts/tjener.py) by a page without a calculator
    (of which Pyodide: target 0 B) and a calculator page, first and second visit, and what the
    service worker fetches to keep the whole handbook offline after a first calculation
  - first live result on a cold calculator page, and on a second visit (warm: service worker),
    each divided by a bare `loadPyodide()` from the same files in the same run
    (targets <= 0.35 and <= 0.2), and the floor: a restore with every file already in memory;
    and Python ready on a second visit, on the tablet page and with the same worker on an empty
    page (what the page itself adds to a start).
    These starts are timed in a Chromium with nothing attached but the page
    (scripts/devtools_pipe.py: Playwright's instrumentation of every worker and request costs
    CPU a reader's browser does not spend); the same starts with Playwright are printed beside
  - time to result on a second calculator page reached by instant navigation (target <= 100 ms)
  - memory after 200 calculations (the page's JavaScript heap and Python's WebAssembly heap)
  - first live result at 10 Mbit/s (Chromium's network emulation), with and without the snapshot,
    and when a first visit's page is parsed and its scripts have run (DOMContentLoaded)
  - search: hit@1, hit@3, MRR and queries without a result on tests/search/queries.yaml, and what
    a first search fetches (a page fetches nothing of search until someone searches)

Run with `make bench` (`scripts/bench.py --port N` to serve elsewhere than 8766). It builds its
own copy of the site in build/bench-site.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import socket
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

import chromium
import devtools_pipe
import soegemaaling
from sitegen.pyodide_assets import laes_filer
from tjener import Tjener

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "bench-site"
PORT = 8766
BASE = f"http://127.0.0.1:{PORT}/"  # set by main() from --port
TABLET = "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"
RUNS = 5
PLAYWRIGHT_RUNS = 3  # the same starts with Playwright attached, for comparison


def build(cold: bool) -> float:
    if cold:
        shutil.rmtree(ROOT / "build" / "wheel", ignore_errors=True)
        shutil.rmtree(ROOT / "build" / "snapshot", ignore_errors=True)
    env = {**os.environ, "KVH_SITE_URL": BASE}
    t = time.perf_counter()
    subprocess.run([sys.executable, "scripts/build_site.py", str(SITE.relative_to(ROOT))],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t


def preview_rebuild(runs: int = RUNS) -> list[float]:
    """Seconds from saving an edited standard to `mkdocs serve --dirty` serving the edit,
    on a copy of the catalogue (the real one is never touched)."""
    kat = ROOT / "build" / "bench-catalogue"
    shutil.rmtree(kat, ignore_errors=True)
    shutil.copytree(ROOT / "catalogue", kat)
    fil = kat / "standarder" / "hjaelpemidler" / "brokbind.yaml"
    original = fil.read_text("utf-8")
    port = _fri_port()
    env = {**os.environ, "KVH_CATALOGUE": str(kat), "KVH_SITE_URL": f"http://127.0.0.1:{port}/",
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}",
                             "--watch", str(kat)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/standarder/brokbind/"

    def vent_paa(tekst: str, frist: float = 120) -> None:
        slut = time.monotonic() + frist
        while time.monotonic() < slut:
            try:
                if tekst in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the preview never showed {tekst!r}")

    tider = []
    try:
        vent_paa("Brokbind")
        time.sleep(2)  # let the file watcher settle after the first build
        for i in range(runs):
            maerke = f"Bench-redigering {i}"
            t = time.perf_counter()
            fil.write_text(original.replace("Der gives 2 stk. bind ved bevilling",
                                            f"Der gives 2 stk. bind ved bevilling {maerke}"), "utf-8")
            vent_paa(maerke)
            tider.append(time.perf_counter() - t)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(kat, ignore_errors=True)
    return tider


# The answers typed into the tablet calculator: 100 strips and 100 lancets, none before.
SVAR = (("strimler_hidtil", "0"), ("strimler_ansoegt", "100"), ("lancetter_hidtil", "0"), ("lancetter_ansoegt", "100"))


def fill_tablet(page):
    for name, value in SVAR:
        page.fill(f'[data-beregner] [name="{name}"]', value)


def _fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Opening a window makes Chromium load its own omnibox popup (a web UI in a renderer of its
# own, about a second of CPU on this machine). A reader's browser is open already, and on two
# cores that load would be measured as the page's: each timed page waits for it to finish.
ROLIG_MS = 2000


def ny_side(ctx):
    page = ctx.new_page()
    page.goto("about:blank")
    page.wait_for_timeout(ROLIG_MS)
    return page


def forvarm(tjener) -> None:
    """Have the server compress and hash the runtime files before anything is timed, as a
    real host has them ready (scripts/tjener.py does it once per file)."""
    for fil in sorted((SITE / "assets" / "pyodide").rglob("*")):
        if fil.is_file():
            urllib.request.urlopen(urllib.request.Request(
                BASE + fil.relative_to(SITE).as_posix(), headers={"Accept-Encoding": "gzip"})).read()
    tjener.nulstil()


# The reader types the tablet calculator's answers the moment the page's HTML is parsed (an
# init script, at DOMContentLoaded): the same input events as typing. Typing with Playwright's
# page.fill() and waiting with wait_for_selector() would run Playwright's own injected scripts in
# the page while it starts (≈ 130 ms of CPU on a second visit, measured on 2 cores), which a
# reader's browser never runs, and which the bare loadPyodide() it is divided by does not pay.
SKRIV = """(() => {
  if (!location.pathname.endsWith("/%s")) return;
  document.addEventListener("DOMContentLoaded", () => {
    for (const [navn, værdi] of %s) {
      const felt = document.querySelector(`[data-beregner] [name="${navn}"]`);
      felt.value = værdi;
      felt.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
})();""" % (TABLET, json.dumps(SVAR))


def kontekst(browser, **kw):
    """A browser context whose reader types the tablet calculator's answers at once (SKRIV)."""
    ctx = browser.new_context(**kw)
    ctx.add_init_script(SKRIV)
    return ctx


def first_result_ms(page) -> float:
    """Navigation start to the first result on the tablet page, typed as soon as the form is there
    (in a context from kontekst())."""
    page.goto(BASE + TABLET, wait_until="commit")
    ms = mark_ms(page, "kvh-resultat")
    vist = page.evaluate("""() => document.querySelector('[data-post="strimler_bevilget"]').innerText""")
    if "100 stk." not in vist:
        raise RuntimeError(f"the first result is not for the typed answers: {vist!r}")
    return ms


FASER = """() => Object.fromEntries(performance.getEntriesByType('mark')
  .filter((m) => m.name.startsWith('kvh-worker-') || ['kvh-klar', 'kvh-resultat'].includes(m.name))
  .map((m) => [m.name.replace('kvh-worker-', '').replace('kvh-', ''), Math.round(m.startTime)]))"""


def phases(page) -> str:
    """When the start reached each step, ms from navigation start (beregner.js and the worker mark them):
    worker created (ny), its modules loaded (worker), pyodide.mjs imported, snapshot bytes in hand,
    Python ready (klar), first result."""
    return ", ".join(f"{k} {v}" for k, v in sorted(page.evaluate(FASER).items(), key=lambda kv: kv[1]))


# A page with nothing on it but the calculators' worker (the build's copy, the one beregner.js
# starts): written into the bench's own site, under the service worker's scope, so a second
# visit to it finds everything the tablet page's second visit finds. It shows what the start
# costs without the page around it (Material's layout and scripts, on the same two cores).
TOM_SIDE = "__bench-tom-side.html"
TOM_SIDE_HTML = """<!doctype html><html lang="da"><meta charset="utf-8"><title>Tom side (make bench)</title>
<script>
performance.mark("kvh-worker-ny");
const w = new Worker(%s, { type: "module" });
w.onmessage = (e) => {
  if (e.data.type === "klar") { window.__kvhMaade = e.data.måde; performance.mark("kvh-klar"); }
  if (e.data.type === "startfejl") fejl(e.data.besked);
};
w.onerror = () => fejl("the worker did not load");
function fejl(besked) { window.__kvhMaade = "startfejl: " + besked; performance.mark("kvh-startfejl"); }
</script></html>"""


def skriv_tom_side() -> None:
    """Write TOM_SIDE into the bench's site, pointing at the worker the build made."""
    workers = sorted(SITE.glob("assets/pyodide/*/beregner-worker.js"))
    if len(workers) != 1:
        raise RuntimeError(f"expected one worker copy in the bench site, found {len(workers)}")
    adresse = workers[0].relative_to(SITE).as_posix()
    (SITE / TOM_SIDE).write_text(TOM_SIDE_HTML % json.dumps(adresse), encoding="utf-8")


def mark_ms(page, *navne: str) -> float:
    """When the first of the page's performance marks `navne` is set, ms from navigation start
    (waits for it with a PerformanceObserver: no polling, which would spend the page's CPU while
    it starts)."""
    return page.evaluate("""(navne) => new Promise((ok) => {
      const tid = () => navne.map((n) => performance.getEntriesByName(n)[0]?.startTime).find((t) => t !== undefined);
      if (tid() !== undefined) return ok(tid());
      new PerformanceObserver((_, o) => { if (tid() !== undefined) { o.disconnect(); ok(tid()); } }).observe({ type: "mark" });
    })""", list(navne))


def empty_page_ready_ms(browser) -> float:
    """Python ready on a second visit to TOM_SIDE, after a first visit that used the tablet
    calculator (so the service worker has kept everything, as for the tablet's second visit)."""
    ctx = kontekst(browser)
    page = ny_side(ctx)
    first_result_ms(page)
    wait_until_kept_offline(page)
    forlad_siden(page)
    page.goto(BASE + TOM_SIDE, wait_until="commit")
    ms = mark_ms(page, "kvh-klar", "kvh-startfejl")  # a failed start is reported below, not waited on
    maade = page.evaluate("() => window.__kvhMaade")
    ctx.close()
    if maade != "snapshot":
        raise RuntimeError(f"the empty page's worker did not start from the snapshot: {maade!r}")
    return ms


def forlad_siden(page) -> None:
    """Leave a calculator page before a second visit, and give its worker the second it takes
    after start to store the unpacked snapshot (a second visit reads that copy)."""
    page.goto(BASE + "404.html", wait_until="commit")
    page.wait_for_timeout(1000)


def wait_until_kept_offline(page, limit: float = 300) -> None:
    """Until the service worker has kept the whole handbook (after a first calculation)."""
    end = time.monotonic() + limit
    while not page.evaluate("""async () => !!(await (await caches.open("kvh-hashede"))
        .match(new URL("__kvh-alt-gemt", location.origin + "/").href))"""):
        if time.monotonic() > end:
            raise RuntimeError("the service worker did not keep the handbook offline")
        page.wait_for_timeout(250)


def settle(page, tjener: Tjener, quiet_ms: int = 1000, limit: float = 60) -> None:
    """Until the server has sent nothing for quiet_ms."""
    end = time.monotonic() + limit
    n = -1
    while time.monotonic() < end:
        if len(tjener.svar) == n:
            return
        n = len(tjener.svar)
        page.wait_for_timeout(quiet_ms)


def filer() -> dict:
    """The worker's list of files in the bench's site."""
    return laes_filer(SITE / "assets" / "javascripts" / "beregner-filer.mjs")


def runtime_dir() -> str:
    return "assets/pyodide/" + filer()["runtime"].rstrip("/").rsplit("/", 1)[1] + "/"


# Starts a module worker from `src` and resolves, once it posts, to [what it posted, ms from
# creating it]. The measurement's own worker is a blob: URL, which the site's
# Content-Security-Policy (worker-src 'self') rightly refuses; the context bypasses it.
I_WORKER = """async (src) => {
  const start = performance.now();
  const w = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })), { type: "module" });
  const data = await new Promise((ok) => w.onmessage = (e) => ok(e.data));
  return [data, performance.now() - start];
}"""
# A document of the site's origin that runs no script of its own (no service worker registers).
UDEN_SCRIPT = "content-security-policy.txt"


def i_worker(browser, src: str):
    """Run the module `src` in a worker on a fresh page: no service worker, a cold cache."""
    ctx = browser.new_context(bypass_csp=True)
    page = ny_side(ctx)
    page.goto(BASE + UDEN_SCRIPT, wait_until="commit")
    svar = page.evaluate(I_WORKER, src)
    ctx.close()
    return svar


def bare_ms(browser) -> float:
    """A bare loadPyodide() from the site's runtime files, timed from creating its worker."""
    runtime = BASE + runtime_dir()
    src = f"""import {{ loadPyodide }} from "{runtime}pyodide.mjs";
    await loadPyodide({{ indexURL: "{runtime}" }});
    postMessage(0);"""
    return i_worker(browser, src)[1]


def restore_floor_ms(browser) -> float:
    """Restoring the snapshot as the worker does (fraSnapshot) and one calculation with every
    file already in the worker's memory (nothing fetched, read or unpacked while timed; the
    WebAssembly compiled without a cache):
    what Pyodide itself needs, the floor for a start from the snapshot on this machine."""
    runtime = BASE + runtime_dir()
    snapshot = filer()["snapshot"]
    src = f"""
    import {{ loadPyodide }} from "{runtime}pyodide.mjs";
    import {{ fraSnapshot }} from "{BASE}assets/javascripts/beregner-python.mjs";
    import filer from "{BASE}assets/javascripts/beregner-filer.mjs";
    const i_hukommelsen = {{}};
    for (const f of ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"])
      i_hukommelsen["{runtime}" + f] = new Uint8Array(await (await fetch("{runtime}" + f)).arrayBuffer());
    await import("{runtime}pyodide.asm.mjs");
    const gz = await fetch("{BASE}assets/{snapshot["url"].removeprefix("../")}");
    const pakket = new Uint8Array(await new Response(gz.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    const net = fetch;
    globalThis.fetch = async (u, o) => i_hukommelsen[String(u)] ? new Response(i_hukommelsen[String(u)],
      {{ headers: {{ "Content-Type": String(u).endsWith(".wasm") ? "application/wasm" : "application/octet-stream" }} }}) : net(u, o);
    const t = performance.now();
    const py = await fraSnapshot(loadPyodide, "{runtime}", pakket, filer);
    py.pyimport("calculators").beregn_json("diabetes", "{{}}");
    postMessage(performance.now() - t);"""
    return i_worker(browser, src)[0]


def second_page_ms(page) -> float:
    page.goto(BASE + TABLET)
    fill_tablet(page)
    page.wait_for_selector('[data-post="strimler_bevilget"]', timeout=120_000)
    page.locator('.md-nav a[href*="glukosemaalingssystem"]').first.click()
    page.wait_for_selector('[data-beregner] [name="voksen"]')
    page.evaluate("performance.clearMarks()")
    page.check('[data-beregner] [name="voksen"][value="ja"]')
    page.fill('[data-beregner] [name="sensorer_hidtil"]', "0")
    page.fill('[data-beregner] [name="sensorer_ansoegt"]', "27")
    page.wait_for_selector('[data-post="sensorer_bevilget"]:has-text("27 stk.")')
    page.wait_for_timeout(200)
    return page.evaluate("""() => {
      const inputs = performance.getEntriesByName('kvh-input');
      const last = inputs[inputs.length - 1].startTime;
      const res = performance.getEntriesByName('kvh-resultat').filter(m => m.startTime >= last);
      return res[0].startTime - last;
    }""")


def er_pyodide(sti: str) -> bool:
    """Pyodide, the calculators' wheel and the snapshot (their content-hashed folders)."""
    return sti.startswith("/assets/pyodide/")


def soegefil(sti: str) -> bool:
    return sti.startswith(("/pagefind/", "/assets/soeg/")) or sti.endswith("/soeg-forstaaelse.mjs")


def soege_tal(browser, tjener) -> None:
    """Search: hit rates on tests/search/queries.yaml, and what a first search fetches (gzip)."""
    ctx = browser.new_context()
    res = soegemaaling.maal(ctx.new_page(), BASE, soegemaaling.forespoergsler())
    ctx.close()
    print(f"search, {res.tekst()} (targets: hit@1 >= 90 %, hit@3 >= 98 %, none without result)")
    ctx = browser.new_context(service_workers="block")  # only what search itself fetches
    page = ctx.new_page()
    hentet: list[str] = []
    page.on("request", lambda r: hentet.append(r.url))
    page.goto(BASE + "bilag/bilag-6/")
    page.wait_for_load_state("networkidle")
    foer = [u for u in hentet if "/pagefind/" in u or "ordliste" in u]
    tjener.nulstil()
    t0 = time.perf_counter()
    page.locator("#kvh-soeg-felt").fill("rollator")
    page.wait_for_function("() => document.getElementById('kvh-soeg-resultater').dataset.soegning === 'rollator'")
    ms = (time.perf_counter() - t0) * 1000
    settle(page, tjener)
    efter = [u for u in hentet if "/pagefind/" in u or "ordliste" in u]
    ctx.close()
    print(f"search files fetched by a page before anyone searches: {len(foer)} (target 0); "
          f"first search on a fresh page: {len(efter)} files, {kib(tjener.bytes(soegefil))} transferred, "
          f"first results after {ms:.0f} ms")




WASM_HEAP = """() => new Promise((ok) => {
  const w = window.__kvhBeregner.worker;
  const lyt = (e) => { if (e.data.type === "hukommelse") { w.removeEventListener("message", lyt); ok(e.data.bytes); } };
  w.addEventListener("message", lyt);
  w.postMessage({ type: "hukommelse", id: 0 });
})"""


def memory_after_calculations(browser, checkpoints=(10, 50, 100, 200)) -> list[tuple[int, float, float]]:
    """(calculations, page JS heap MB after GC, Python's WebAssembly heap MB) at each checkpoint."""
    ctx = browser.new_context(service_workers="block")
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(BASE + TABLET)
    fill_tablet(page)
    page.wait_for_selector('[data-post="strimler_bevilget"]', timeout=120_000)
    ud = []
    for n in range(1, max(checkpoints) + 1):
        value = str(100 + n)
        page.fill('[data-beregner] [name="strimler_ansoegt"]', value)
        page.wait_for_selector(f'[data-post="strimler_bevilget"]:has-text("{min(int(value), 150)} stk.")')
        if n in checkpoints:
            cdp.send("HeapProfiler.collectGarbage")
            metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
            ud.append((n, metrics["JSHeapUsedSize"] / 1e6, page.evaluate(WASM_HEAP) / 1e6))
    ctx.close()
    return ud


def emuler_forbindelse(ctx, page, mbit: float, latency_ms: float) -> None:
    """Give `page` a connection of `mbit` down (half that up) and `latency_ms` per round trip
    (Chromium's network emulation)."""
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency_ms,
        "downloadThroughput": mbit * 1e6 / 8, "uploadThroughput": mbit * 1e6 / 8 / 2})


def throttled_first_result_ms(browser, snapshot: bool, mbit: float = 10, latency_ms: float = 40) -> float:
    """First result on a cold calculator page over an emulated connection."""
    ctx = kontekst(browser, service_workers="block")
    page = ny_side(ctx)
    if not snapshot:
        page.route("**/beregnere.snapshot.gz", lambda r: r.fulfill(status=404, body=""))
    emuler_forbindelse(ctx, page, mbit, latency_ms)
    ms = first_result_ms(page)
    assert page.evaluate("window.__kvhBeregner.maade") == ("snapshot" if snapshot else "normal")
    ctx.close()
    return ms


PLAIN = "standarder/brokbind/"


def throttled_dcl_ms(browser, sti: str, mbit: float = 10, latency_ms: float = 40) -> float:
    """DOMContentLoaded (the page parsed and its scripts run: Material and ours start) on a first
    visit to `sti` over an emulated connection, ms from navigation start."""
    ctx = browser.new_context(service_workers="block")
    page = ny_side(ctx)
    emuler_forbindelse(ctx, page, mbit, latency_ms)
    page.goto(BASE + sti, wait_until="domcontentloaded")
    ms = page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
    ctx.close()
    return ms


def start_times(browser, tjener: Tjener, runs: int, report: bool = False, floor: bool = True):
    """First results on a cold calculator page and on a second visit, bare loadPyodide()s and
    restore floors, `runs` of each, alternating, with `browser` (Playwright's or
    devtools_pipe's). With `report`, print each start's phases and the bytes of the first run.
    With `floor`, also the restore floor and Python ready on a second visit to the empty page."""
    cold, warm, bare, gulv, klar, tom = [], [], [], [], [], []
    for run in range(runs):
        ctx = kontekst(browser)
        page = ny_side(ctx)
        tjener.nulstil()
        cold.append(first_result_ms(page))
        if report:
            print(f"  cold start, ms: {phases(page)}")
        if report and run == 0:
            foer, foer_py = tjener.bytes(), tjener.bytes(er_pyodide)
            print(f"  calculator page, first visit (to the first result): {kib(foer)}, "
                  f"of which Pyodide, wheel and snapshot {kib(foer_py)}")
        wait_until_kept_offline(page)
        if report and run == 0:
            settle(page, tjener, quiet_ms=500)
            print(f"  then kept for offline use by the service worker (every page and calculator): "
                  f"{kib(tjener.bytes() - foer)} more")
        forlad_siden(page)
        tjener.nulstil()
        warm.append(first_result_ms(page))  # a second visit: the service worker has it all
        klar.append(mark_ms(page, "kvh-klar"))
        if report:
            print(f"  second visit, ms: {phases(page)}")
        if report and run == 0:
            settle(page, tjener, quiet_ms=500)
            print(f"  calculator page, second visit: {kib(tjener.bytes())} in {len(tjener.svar)} requests "
                  f"({sum(s.status == 304 for s in tjener.svar)} of them 304 Not Modified), "
                  f"of which Pyodide, wheel and snapshot {tjener.bytes(er_pyodide)} B (target 0 B)")
        ctx.close()
        bare.append(bare_ms(browser))
        if floor:
            gulv.append(restore_floor_ms(browser))
            tom.append(empty_page_ready_ms(browser))
    return {"cold": cold, "warm": warm, "bare": bare, "gulv": gulv, "klar": klar, "tom": tom}


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB".replace(",", " ")


def main(argv: list[str]) -> int:
    global BASE
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--port", type=int, default=PORT, help="serve the bench site here (default %(default)s)")
    port = args.parse_args(argv).port
    BASE = f"http://127.0.0.1:{port}/"

    cold_build = build(cold=True)
    warm_build = build(cold=False)
    print(f"build: cold {cold_build:.1f} s (wheel and snapshot made), warm {warm_build:.1f} s")
    preview = preview_rebuild()
    print(f"preview (make serve): edit one standard -> page updated, median of {len(preview)}: "
          f"{statistics.median(preview):.1f} s (target: a couple of seconds)")

    with Tjener(SITE, port) as tjener, sync_playwright() as p:
        browser = chromium.start(p)
        print("bytes transferred (served with gzip like a real host):")

        ctx = browser.new_context()
        page = ctx.new_page()
        tjener.nulstil()
        page.goto(BASE)
        page.wait_for_load_state("networkidle")
        settle(page, tjener)
        print(f"  page without calculator, first visit: {kib(tjener.bytes())}, "
              f"of which Pyodide {tjener.bytes(er_pyodide)} B (target 0 B)")
        tjener.nulstil()
        page.goto(BASE + "standarder/")
        page.wait_for_load_state("networkidle")
        settle(page, tjener)
        print(f"  another page without calculator, same visit: {kib(tjener.bytes())}")
        ctx.close()

        forvarm(tjener)
        skriv_tom_side()
        # Started with the switches Playwright gave `browser`: the two differ only in what is attached.
        with devtools_pipe.PipeChromium(command=devtools_pipe.playwright_command()) as lean:
            starts = start_times(lean, tjener, RUNS, report=True)
        cold, warm, bare = starts["cold"], starts["warm"], starts["bare"]
        c, w, b = statistics.median(cold), statistics.median(warm), statistics.median(bare)
        print(f"first live result (median of {RUNS}; Chromium with nothing attached but the page, "
              f"scripts/devtools_pipe.py): cold {c:.0f} ms, second visit {w:.0f} ms; "
              f"bare loadPyodide() from the same files, cold: {b:.0f} ms")
        print(f"  ratio cold first result / bare: {c / b:.2f} (target <= 0.35)")
        print(f"  ratio second-visit first result / bare: {w / b:.2f} (target <= 0.2)")
        g = statistics.median(starts["gulv"])
        print(f"  floor: restore + one calculation with every file already in memory {g:.0f} ms "
              f"= {g / b:.2f} of bare (the rest of a start is the page, fetching and reading files, on shared cores)")
        k, t = statistics.median(starts["klar"]), statistics.median(starts["tom"])
        print(f"  second visit, Python ready: on the tablet page {k:.0f} ms = {k / b:.2f} of bare; "
              f"the same worker on an empty page {t:.0f} ms = {t / b:.2f} (the difference is the page "
              f"itself: Material's layout, paint and scripts on the same cores)")
        print(f"  bare runs: {', '.join(f'{x:.0f}' for x in bare)} ms; cold: {', '.join(f'{x:.0f}' for x in cold)}; "
              f"second visit: {', '.join(f'{x:.0f}' for x in warm)}")
        pw = start_times(browser, tjener, PLAYWRIGHT_RUNS, floor=False)
        c, w, b = statistics.median(pw["cold"]), statistics.median(pw["warm"]), statistics.median(pw["bare"])
        print(f"  the same with Playwright attached to the page, its workers and requests (median of "
              f"{PLAYWRIGHT_RUNS}, after the runs above, for comparison): cold {c:.0f} ms, "
              f"second visit {w:.0f} ms, bare {b:.0f} ms; ratios {c / b:.2f} and {w / b:.2f}")

        ctx = browser.new_context(service_workers="block")
        nav = [second_page_ms(ctx.new_page()) for _ in range(RUNS)]
        ctx.close()
        print(f"second calculator page via instant navigation, input to result (median): "
              f"{statistics.median(nav):.0f} ms (target <= 100 ms)")

        for n, js, wasm in memory_after_calculations(browser):
            print(f"memory after {n:3} calculations: page JS heap {js:5.1f} MB, Python (WebAssembly) {wasm:5.1f} MB")

        med = [throttled_first_result_ms(browser, True) for _ in range(2)]
        uden = [throttled_first_result_ms(browser, False) for _ in range(2)]
        print(f"first live result at 10 Mbit/s, 40 ms latency, cold (mean of 2): with snapshot "
              f"{statistics.mean(med):.0f} ms, without {statistics.mean(uden):.0f} ms")
        plain = [throttled_dcl_ms(browser, PLAIN) for _ in range(3)]
        tablet = [throttled_dcl_ms(browser, TABLET) for _ in range(3)]
        print(f"page parsed and its scripts run (DOMContentLoaded) at 10 Mbit/s, 40 ms latency, first "
              f"visit (median of 3): a standard without calculator {statistics.median(plain):.0f} ms, "
              f"the tablet calculator page {statistics.median(tablet):.0f} ms")
        soege_tal(browser, tjener)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


