"""Chromium driven over its DevTools pipe, attached to nothing but the page it opens: the
bench's start-up timings.

Playwright, which the tests and the rest of the bench use, attaches to every worker and
service worker a page starts, holds each until it has set it up, and has Chromium report
every request to it (`Target.setAutoAttach` with `waitForDebuggerOnStart`, and
`Network.enable` in each). A reader's browser does none of this, and on two cores it is
measured as the page's own time.

Started with `command=playwright_command()`, the driver runs the same Chromium with the
same switches as the Playwright browser running beside it, so the two differ only in what
is attached. It speaks to one page target: a fresh private context, a script that runs
before the page's own (the reader typing), navigation waited for until the new document is
committed, and evaluating a function in the page. Of the page only its own lifecycle events
come back (`Page.enable`, for the navigation wait); nothing from its workers or requests.
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


# A browser's own: its profile, its DevTools connection, whether it opens a window.
_EGNE = ("--user-data-dir=", "--remote-debugging-pipe", "--remote-debugging-port", "--no-startup-window")


def playwright_command() -> list[str] | None:
    """The command line (executable first) of a Chromium that Playwright has started and that
    is running now, read from /proc; None if there is none. Playwright adds about 40 switches
    of its own (no back/forward cache, no renderer backgrounding, no field trials, ...): started
    with the same ones, a PipeChromium differs from Playwright's only in what is attached."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                kommando = f.read().decode(errors="replace").split("\0")[:-1]
        except OSError:
            continue
        if (any(a.startswith("--user-data-dir=") and "playwright_chromiumdev_profile" in a for a in kommando)
                and "--remote-debugging-pipe" in kommando and not any(a.startswith("--type=") for a in kommando)):
            return kommando
    return None


def _over_9(fd: int) -> int:
    ny = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return ny


class PipeChromium:
    """Headless Chromium over `--remote-debugging-pipe` (fd 3: commands in, fd 4: answers and
    events out, each a JSON message ended by a NUL byte). Use it as a context manager."""

    def __init__(self, timeout: float = 120, command: list[str] | None = None):
        """`command`: the executable and switches to start (default: scripts/chromium.py's, headless);
        its own profile and DevTools pipe are added. playwright_command() gives Playwright's."""
        self.timeout = timeout
        self._profil = tempfile.mkdtemp(prefix="kvh-chromium-")
        ind_r, ind_w = os.pipe()  # Chromium reads commands from fd 3
        ud_r, ud_w = os.pipe()  # and writes to fd 4
        # Chromium's ends moved above fd 9, so that putting them on 3 and 4 overwrites neither.
        ind_r, ud_w = (_over_9(fd) for fd in (ind_r, ud_w))
        program, *switches = command or [chromium.STI, *chromium.ARGS, "--headless"]
        args = [*(a for a in switches if not a.startswith(_EGNE)), "--remote-debugging-pipe",
                "--window-size=1280,720",  # Playwright's default viewport, as the rest of the bench
                f"--user-data-dir={self._profil}", "about:blank"]
        # Bash puts the pipes on fds 3 and 4 and becomes Chromium (dash takes fds 0-9 only; a
        # preexec_fn could deadlock the fork, and the bench has threads).
        self._proc = subprocess.Popen(
            ["/bin/bash", "-c", f'exec "$0" "$@" 3<&{ind_r} 4>&{ud_w} {ind_r}<&- {ud_w}>&-', program, *args],
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
        try:
            self.send("Browser.getVersion")  # Chromium is up and listening
        except DevToolsFejl:
            self.close()  # not left running, nor its profile behind
            raise

    def _laes_alt(self) -> None:
        grund = "Chromium closed its DevTools pipe (it ended)"
        try:
            rest = b""
            while chunk := self._laes.read(1 << 16):
                rest += chunk
                *beskeder, rest = rest.split(b"\0")
                for rå in beskeder:
                    besked = json.loads(rå)
                    kø = self._svar.pop(besked["id"], None) if "id" in besked else None
                    (kø or self._haendelser).put(besked)
        except (OSError, ValueError) as e:  # closed by close(), or not a DevTools message
            grund = f"reading Chromium's DevTools pipe failed, so it is treated as ended: {e}"
        finally:
            # Whoever waits for an answer gets one at once, and later commands fail at once.
            self._lukket = True
            for kø in list(self._svar.values()):
                kø.put({"error": {"message": grund}})

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
        for rør in (self._skriv, self._laes):
            rør.close()
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
