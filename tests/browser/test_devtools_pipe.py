"""The bench's lean Chromium driver (scripts/devtools_pipe.py): it must do what the bench's
timings need of it, and attach to nothing but the page it opens."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devtools_pipe import DevToolsFejl, PipeChromium, playwright_command


@pytest.fixture(scope="module")
def lean():
    with PipeChromium(timeout=30) as b:
        yield b


def test_the_init_script_runs_before_the_pages_own_scripts_in_every_new_document(lean):
    ctx = lean.new_context()
    ctx.add_init_script("window.__laeser = (window.__laeser || 0) + 40")
    page = ctx.new_page()
    for n in (1, 2):
        url = f"data:text/html,<p>side {n}</p><script>window.__set = window.__laeser + 2</script>"
        page.goto(url)
        # goto returned once the new document was committed: not an answer from the one before
        assert page.evaluate("() => location.href") == url
        assert page.evaluate("""() => new Promise((ok) => document.readyState === "loading"
          ? addEventListener("DOMContentLoaded", ok) : ok())
          .then(() => [window.__laeser, window.__set, document.querySelector("p").textContent])""") == [40, 42, f"side {n}"]
    ctx.close()


def test_evaluate_passes_its_argument_waits_for_a_promise_and_reports_a_thrown_error(lean):
    ctx = lean.new_context()
    page = ctx.new_page()
    assert page.evaluate("(a) => new Promise((ok) => setTimeout(() => ok(a.x * 2), 30))", {"x": 21}) == 42
    with pytest.raises(DevToolsFejl, match="ikke regnet"):
        page.evaluate("() => { throw new Error('ikke regnet') }")
    ctx.close()


def test_each_context_has_its_own_storage(lean, base_url):
    a, b = lean.new_context(), lean.new_context()
    pa, pb = a.new_page(), b.new_page()
    for page in (pa, pb):
        page.goto(base_url + "content-security-policy.txt")
    pa.evaluate("() => localStorage.setItem('kvh', 'a')")
    assert pa.evaluate("() => localStorage.getItem('kvh')") == "a"
    assert pb.evaluate("() => localStorage.getItem('kvh')") is None
    a.close()
    b.close()


def test_a_worker_the_page_starts_runs_with_nothing_attached_to_it(lean, base_url):
    ctx = lean.new_context(bypass_csp=True)
    page = ctx.new_page()
    page.goto(base_url + "content-security-policy.txt")
    svar = page.evaluate("""async () => {
      window.__w = new Worker(URL.createObjectURL(new Blob(["onmessage = (e) => postMessage(e.data + 1)"])));
      return await new Promise((ok) => { __w.onmessage = (e) => ok(e.data); __w.postMessage(41); });
    }""")
    assert svar == 42
    workers = [t for t in lean.send("Target.getTargets")["targetInfos"] if t["type"] == "worker"]
    assert workers, "the page's worker is not among Chromium's targets"
    assert not any(t["attached"] for t in workers)
    ctx.close()


def test_a_failed_navigation_is_reported():
    with PipeChromium(timeout=30) as b:
        page = b.new_context().new_page()
        with pytest.raises(DevToolsFejl, match="ERR_"):
            page.goto("http://127.0.0.1:9/")  # the discard port: nothing listens there


def test_closing_ends_chromium_and_removes_its_profile():
    b = PipeChromium(timeout=30)
    profil, proc = b._profil, b._proc
    assert os.path.isdir(profil)
    b.close()
    assert proc.poll() is not None
    assert not os.path.exists(profil)


def test_it_starts_from_a_process_with_no_other_files_open():
    # There the pipes' own descriptors are 3 to 6, the very numbers Chromium must find them on.
    scripts = Path(__file__).resolve().parents[2] / "scripts"
    kode = ("from devtools_pipe import PipeChromium\n"
            "with PipeChromium(timeout=30) as b:\n"
            "    print(b.send('Browser.getVersion')['product'])\n")
    svar = subprocess.run([sys.executable, "-c", kode], cwd=scripts, capture_output=True, text=True, timeout=90)
    assert svar.returncode == 0, svar.stderr
    assert svar.stdout.startswith("Chrome/")


def test_a_command_to_a_chromium_that_has_ended_fails_at_once():
    b = PipeChromium(timeout=30)
    try:
        b._proc.kill()
        b._proc.wait()
        start = time.monotonic()
        with pytest.raises(DevToolsFejl, match="ended"):
            b.send("Browser.getVersion", timeout=20)
        assert time.monotonic() - start < 5, "it failed when it was sent, not when its 20 s ran out"
    finally:
        b.close()


def test_started_with_playwrights_command_it_has_playwrights_switches_and_a_profile_of_its_own(browser):
    kommando = playwright_command()  # the session's Playwright browser is running
    assert kommando and "--disable-back-forward-cache" in kommando
    with PipeChromium(timeout=30, command=kommando) as b:
        with open(f"/proc/{b._proc.pid}/cmdline", "rb") as f:  # bash became Chromium: same process
            egen = f.read().decode().split("\0")
    assert "--disable-back-forward-cache" in egen and "--disable-renderer-backgrounding" in egen
    assert not [a for a in egen if "playwright_chromiumdev_profile" in a]
    assert [a for a in egen if a.startswith("--user-data-dir=") and "kvh-chromium-" in a]
