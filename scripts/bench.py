"""Speed and size figures for the site (a benchmark that prints, not a test).

Prints:
  - full build time (cold: wheel rebuilt; warm: wheel reused)
  - `make serve`'s preview: time from saving one standard's YAML to its page showing the edit
    (target: a couple of seconds)
  - bytes fetched by a page without a calculator, and how many of them are Pyodide (target 0 B)
  - on a calculator page: time to first live result, cold and warm cache, and a bare
    `loadPyodide()` from the same files in the same run; the ratio cold/bare (target <= 1.2)
  - time to result on a second calculator page reached by instant navigation (target <= 100 ms)

Run with `make bench`. It builds its own copy of the site in build/bench-site.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

import soegemaaling

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "bench-site"
PORT = 8766
BASE = f"http://127.0.0.1:{PORT}/"
TABLET = "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"
RUNS = 3
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build(cold: bool) -> float:
    if cold:
        shutil.rmtree(ROOT / "build" / "wheel", ignore_errors=True)
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
    port = PORT + 1
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


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")  # let the warm run use the HTTP cache
        super().end_headers()

    def log_message(self, *args):
        pass


def fetched_bytes(page, url) -> tuple[int, int]:
    total = {"all": 0, "pyodide": 0}

    def on_response(resp):
        try:
            n = len(resp.body())
        except Exception:
            n = 0
        total["all"] += n
        if "/assets/pyodide/" in resp.url or "beregner-worker" in resp.url:
            total["pyodide"] += n

    page.on("response", on_response)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    return total["all"], total["pyodide"]


def fill_tablet(page):
    for name, value in (("strimler_hidtil", "0"), ("strimler_ansoegt", "100"),
                        ("lancetter_hidtil", "0"), ("lancetter_ansoegt", "100")):
        page.fill(f'[data-beregner] [name="{name}"]', value)


def first_result_ms(page) -> float:
    page.goto(BASE + TABLET, wait_until="domcontentloaded")
    fill_tablet(page)
    page.wait_for_selector('[data-post="strimler_bevilget"]', timeout=120_000)
    return page.evaluate("performance.getEntriesByName('kvh-resultat')[0].startTime")


BARE = """async (base) => {
  const src = `import { loadPyodide } from "${base}assets/pyodide/pyodide.mjs";
    const t = performance.now();
    await loadPyodide({ indexURL: "${base}assets/pyodide/" });
    postMessage(performance.now() - t);`;
  const start = performance.now();
  const w = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })), { type: "module" });
  return await new Promise((ok) => w.onmessage = () => ok(performance.now() - start));
}"""


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


def soege_tal(browser) -> None:
    """Search: hit rates on tests/search/queries.yaml, and what the first search fetches."""
    ctx = browser.new_context()
    res = soegemaaling.maal(ctx.new_page(), BASE, soegemaaling.forespoergsler())
    ctx.close()
    print(f"search, {res.tekst()} (targets: hit@1 >= 90 %, hit@3 >= 98 %, none without result)")
    ctx = browser.new_context()
    page = ctx.new_page()
    hentet: list[str] = []
    page.on("request", lambda r: hentet.append(r.url))
    page.goto(BASE + "standarder/madservice/")
    page.wait_for_load_state("networkidle")
    foer = [u for u in hentet if "/pagefind/" in u or "ordliste" in u]
    t0 = time.perf_counter()
    page.locator("#kvh-soeg-felt").fill("rollator")
    page.wait_for_function("document.getElementById('kvh-soeg-resultater').dataset.soegning === 'rollator'")
    ms = (time.perf_counter() - t0) * 1000
    efter = [u for u in hentet if "/pagefind/" in u or "ordliste" in u]
    ctx.close()
    print(f"search files fetched by a page before anyone searches: {len(foer)} (target 0); "
          f"first search on a fresh page: {len(efter)} files, first results after {ms:.0f} ms")


def main() -> int:
    cold_build = build(cold=True)
    warm_build = build(cold=False)
    print(f"build: cold {cold_build:.1f} s (wheel rebuilt), warm {warm_build:.1f} s")
    preview = preview_rebuild()
    print(f"preview (make serve): edit one standard -> page updated, median of {len(preview)}: "
          f"{statistics.median(preview):.1f} s (target: a couple of seconds)")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(Handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)

            ctx = browser.new_context()
            total, pyo = fetched_bytes(ctx.new_page(), BASE)
            ctx.close()
            print(f"page without calculator: {total / 1024:.0f} KiB fetched, of which Pyodide {pyo} B (target 0 B)")

            ctx = browser.new_context()
            total, pyo = fetched_bytes(ctx.new_page(), BASE + TABLET)
            ctx.close()
            print(f"calculator page: {total / 1024:.0f} KiB fetched, of which Pyodide+wheel {pyo / 1024:.0f} KiB")

            cold, warm, bare = [], [], []
            for _ in range(RUNS):
                ctx = browser.new_context()
                page = ctx.new_page()
                cold.append(first_result_ms(page))
                warm.append(first_result_ms(page))  # same context: HTTP cache is warm
                ctx.close()
                # The measurement's own worker is a blob: URL, which the site's
                # Content-Security-Policy (worker-src 'self') rightly refuses.
                ctx = browser.new_context(bypass_csp=True)
                page = ctx.new_page()
                page.goto(BASE + "404.html")
                bare.append(page.evaluate(BARE, BASE))
                ctx.close()
            c, w, b = statistics.median(cold), statistics.median(warm), statistics.median(bare)
            print(f"first live result (median of {RUNS}): cold {c:.0f} ms, warm {w:.0f} ms")
            print(f"bare loadPyodide() from the same files, cold: {b:.0f} ms")
            print(f"ratio first result / bare loadPyodide (cold): {c / b:.2f} (target <= 1.2)")

            ctx = browser.new_context()
            nav = [second_page_ms(ctx.new_page()) for _ in range(RUNS)]
            ctx.close()
            print(f"second calculator page via instant navigation, input to result (median): "
                  f"{statistics.median(nav):.0f} ms (target <= 100 ms)")

            soege_tal(browser)
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
