"""Serve the built site on 127.0.0.1 and drive Debian's Chromium with Playwright.

Playwright's own browsers are never installed: the tests launch /usr/bin/chromium
through `executable_path`. Every request and console message is recorded so the
tests can assert that nothing leaves the site's origin and nothing errors.
"""
from __future__ import annotations

import functools
import http.server
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

import chromium
from tjener import Server

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, *args):
        pass


def _site_url() -> urllib.parse.SplitResult:
    """The site_url the site was built with (first <loc> of its sitemap)."""
    sitemap = SITE / "sitemap.xml"
    if not sitemap.exists():
        pytest.fail("site/ is not built: run `make site` first (make test does)")
    loc = ET.parse(sitemap).getroot().find("{*}url/{*}loc").text
    return urllib.parse.urlsplit(loc)


@pytest.fixture(scope="session")
def base_url():
    # Material's instant navigation only works at the built site_url's port and
    # path, so serve the site exactly there (make test builds it for 127.0.0.1:8765).
    url = _site_url()
    if url.hostname != "127.0.0.1" or url.path != "/":
        pytest.fail(f"build the site for http://127.0.0.1:<port>/ to test it (got {url.geturl()})")
    try:
        server = Server(("127.0.0.1", url.port or 80), functools.partial(_Handler, directory=str(SITE)))
    except OSError as e:
        pytest.fail(f"cannot serve the site on port {url.port}: {e}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{url.port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = chromium.start(p)
        yield b
        b.close()


@dataclass
class Recorder:
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def fetched(self, part: str) -> list[str]:
        return [u for u in self.requests if part in u]


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(locale="da-DK", service_workers="block")
    pg = context.new_page()
    rec = Recorder()
    context.on("request", lambda r: rec.requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and rec.console_errors.append(m.text))
    pg.on("pageerror", lambda e: rec.console_errors.append(str(e)))
    pg.recorder = rec
    yield pg
    context.close()
    # No test may leave a console error or a request outside the site behind it.
    assert rec.console_errors == []
    external = [u for u in rec.requests if not u.startswith(base_url) and not u.startswith(("data:", "blob:"))]
    assert external == []
