"""Waiting in the browser tests for a condition only an async function can check."""
from __future__ import annotations

import time


def vent_paa(page, js: str, frist: float = 120, *args):
    """Until the async function `js` (given `args`) returns true in the page (Playwright's
    wait_for_function does not wait for a promise)."""
    slut = time.monotonic() + frist
    while not page.evaluate(js, *args):
        assert time.monotonic() < slut, f"timed out waiting for {js}"
        page.wait_for_timeout(250)
