"""Chromium driven over its DevTools pipe, attached to nothing but the page it opens: the
bench's start-up timings.

Playwright, which the tests and the rest of the bench use, attaches to every worker and
service worker a page starts, holds each until it has set it up, and has Chromium report
every request to it (`Target.setAutoAttach` with `waitForDebuggerOnStart`, and
`Network.enable` in each). A reader's browser does none of this, and on two cores it is
measured as the page's own time. In one run on 3 December 2026 (4 second visits of the tablet
page each way, alternating), Chromium used 930–1,060 ms of CPU over a second visit with
Playwright attached, against 750–850 ms with this driver. Playwright's driver and client
used another 40–60 ms. The first result came at a median of 523 ms against 436 ms.

This driver starts the same Chromium with the same flags (scripts/chromium.py). It speaks
to one page target and uses only these commands:
- a fresh private context;
- a script that runs before the page's own (the reader typing);
- navigation, waited for until the new document is committed;
- evaluating a function in the page.
Nothing in the page, its workers or its requests reports back while the page starts.
"""
from __future__ import annotations

import fcntl
import itertools
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time

import chromium


class DevToolsFejl(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


def _over_9(fd: int) -> int:
    ny = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return ny


class PipeChromium:
    """Headless Chromium over `--remote-debugging-pipe` (fd 3: commands in, fd 4: answers and
    events out, each a JSON message ended by a NUL byte). Use it as a context manager."""

    def __init__(self, timeout: float = 120):
        self.timeout = timeout
        self._profil = tempfile.mkdtemp(prefix="kvh-chromium-")
        ind_r, ind_w = os.pipe()  # Chromium reads commands from fd 3
        ud_r, ud_w = os.pipe()  # and writes to fd 4
        # Chromium's ends moved above fd 9, so that putting them on 3 and 4 overwrites neither.
        ind_r, ud_w = (_over_9(fd) for fd in (ind_r, ud_w))
        args = [*chromium.ARGS, "--headless", "--remote-debugging-pipe",
                "--window-size=1280,720",  # Playwright's default viewport, as the rest of the bench
                f"--user-data-dir={self._profil}", "about:blank"]
        # Bash puts the pipes on fds 3 and 4 and becomes Chromium (dash takes fds 0-9 only; a
        # preexec_fn could deadlock the fork, and the bench has threads).
        self._proc = subprocess.Popen(
            ["/bin/bash", "-c", f'exec "$0" "$@" 3<&{ind_r} 4>&{ud_w} {ind_r}<&- {ud_w}>&-', chromium.STI, *args],
            pass_fds=(ind_r, ud_w),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(ind_r)
        os.close(ud_w)
        self._skriv = os.fdopen(ind_w, "wb", buffering=0)
        self._laes = os.fdopen(ud_r, "rb", buffering=0)
        self._ids = itertools.count(1)
        self._svar: dict[int, queue.Queue] = {}
        self._haendelser: queue.Queue = queue.Queue()
        self._laas = threading.Lock()
        self._lukket = False
        threading.Thread(target=self._laes_alt, daemon=True).start()
        self.send("Browser.getVersion")  # Chromium is up and listening

    def _laes_alt(self) -> None:
        rest = b""
        while chunk := self._laes.read(1 << 16):
            rest += chunk
            *beskeder, rest = rest.split(b"\0")
            for rå in beskeder:
                besked = json.loads(rå)
                kø = self._svar.pop(besked["id"], None) if "id" in besked else None
                (kø or self._haendelser).put(besked)
        # Chromium is gone: whoever waits for an answer gets one at once.
        self._lukket = True
        for kø in list(self._svar.values()):
            kø.put({"error": {"message": "Chromium closed its DevTools pipe (it ended)"}})

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float | None = None) -> dict:
        id_ = next(self._ids)
        kø: queue.Queue = queue.Queue()
        self._svar[id_] = kø
        besked = {"id": id_, "method": method, "params": params or {}}
        if session:
            besked["sessionId"] = session
        try:
            if self._lukket:
                raise BrokenPipeError
            with self._laas:
                self._skriv.write(json.dumps(besked).encode() + b"\0")
        except OSError:
            self._svar.pop(id_, None)
            raise DevToolsFejl(f"{method}: Chromium has ended") from None
        try:
            svar = kø.get(timeout=timeout or self.timeout)
        except queue.Empty:
            raise DevToolsFejl(f"{method}: no answer from Chromium in {timeout or self.timeout} s") from None
        if "error" in svar:
            raise DevToolsFejl(f"{method}: {svar['error'].get('message')}")
        return svar.get("result", {})

    def wait_for_event(self, method: str, session: str, match=lambda params: True,
                       timeout: float | None = None) -> dict:
        """The next event `method` of `session` whose params `match` (others are dropped)."""
        slut = time.monotonic() + (timeout or self.timeout)
        while (tilbage := slut - time.monotonic()) > 0:
            try:
                h = self._haendelser.get(timeout=tilbage)
            except queue.Empty:
                break
            if h.get("method") == method and h.get("sessionId") == session and match(h.get("params", {})):
                return h["params"]
        raise DevToolsFejl(f"no {method} in {timeout or self.timeout} s")

    def new_context(self, bypass_csp: bool = False) -> "Context":
        """A fresh private browser context (its own storage, as Playwright's new_context())."""
        return Context(self, self.send("Target.createBrowserContext")["browserContextId"], bypass_csp)

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
            self._proc.wait(timeout=10)
        except (DevToolsFejl, subprocess.TimeoutExpired, OSError):
            self._proc.kill()
            self._proc.wait()
        shutil.rmtree(self._profil, ignore_errors=True)

    def __enter__(self) -> "PipeChromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Context:
    def __init__(self, browser: PipeChromium, id_: str, bypass_csp: bool):
        self.browser = browser
        self.id = id_
        self.bypass_csp = bypass_csp
        self.init_scripts: list[str] = []

    def add_init_script(self, source: str) -> None:
        """Run `source` in every document of pages opened from now, before the page's scripts."""
        self.init_scripts.append(source)

    def new_page(self) -> "Page":
        page = Page(self.browser, self.browser.send(
            "Target.createTarget", {"url": "about:blank", "browserContextId": self.id})["targetId"])
        if self.bypass_csp:
            page._send("Page.setBypassCSP", {"enabled": True})
        for source in self.init_scripts:
            page._send("Page.addScriptToEvaluateOnNewDocument", {"source": source})
        return page

    def close(self) -> None:
        self.browser.send("Target.disposeBrowserContext", {"browserContextId": self.id})


class Page:
    """The subset of Playwright's Page the bench's timings use, with the same names."""

    def __init__(self, browser: PipeChromium, target: str):
        self.browser = browser
        self.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self._send("Page.enable")
        self._hovedramme = self._send("Page.getFrameTree")["frameTree"]["frame"]["id"]

    def _send(self, method: str, params: dict | None = None, **kw) -> dict:
        return self.browser.send(method, params, session=self.session, **kw)

    def goto(self, url: str, wait_until: str = "commit") -> None:
        """Navigate, and return once the new document is committed (Playwright's
        wait_until="commit"; the only wait this driver has)."""
        if wait_until != "commit":
            raise ValueError("this driver only waits for the commit")
        svar = self._send("Page.navigate", {"url": url})
        if svar.get("errorText"):
            raise DevToolsFejl(f"{url}: {svar['errorText']}")
        if svar.get("loaderId"):  # a new document (not a jump within this one)
            self.browser.wait_for_event(
                "Page.frameNavigated", self.session,
                lambda p: p["frame"]["id"] == self._hovedramme and p["frame"]["loaderId"] == svar["loaderId"])

    def evaluate(self, function: str, arg=None, timeout: float | None = None):
        """Call the JavaScript `function` (its source) with `arg` (as JSON) in the page, wait
        for it if it returns a promise, and return its value (as JSON)."""
        udtryk = f"({function})({json.dumps(arg)})"
        svar = self._send("Runtime.evaluate", {"expression": udtryk, "awaitPromise": True,
                                               "returnByValue": True}, timeout=timeout)
        if "exceptionDetails" in svar:
            d = svar["exceptionDetails"]
            raise DevToolsFejl(d.get("exception", {}).get("description") or d.get("text"))
        return svar["result"].get("value")

    def wait_for_timeout(self, ms: float) -> None:
        time.sleep(ms / 1000)
