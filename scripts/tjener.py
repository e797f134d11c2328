"""A static server for a built site that behaves like a real host, and counts what it sends.

Used by `make bench` (bytes transferred, speed with compression) and the browser tests of
repeat visits and offline use (tests/browser/test_offline.py):

- gzip for text types (HTML, CSS, JavaScript, JSON, XML, SVG, WebAssembly), as hosts such as
  GitHub Pages, Netlify and Cloudflare do; nothing for what is already compressed (.gz, .zip,
  .whl, images);
- ETag revalidation (304 Not Modified), `Cache-Control: max-age=0, must-revalidate` unless
  told otherwise, and the redirect from `folder` to `folder/`;
- every response is counted: path, status and the bytes of its body as sent (compressed).

    with Tjener(Path("site"), port=8766) as t:
        ...                      # drive a browser at t.url
        t.bytes()                # body bytes sent since the start (or the last t.nulstil())
        t.bytes(lambda sti: sti.startswith("/assets/pyodide/"))

`t.site` may be changed while it runs (a new publish in the same place).
"""
from __future__ import annotations

import gzip
import hashlib
import http.server
import mimetypes
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

KOMPRIMERBAR = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/wasm", "application/manifest+json")
TYPER = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
         ".gz": "application/gzip", ".whl": "application/zip", ".zip": "application/zip", ".map": "application/json"}


class Server(http.server.ThreadingHTTPServer):
    """A threading HTTP server that does not report a browser closing a connection it no longer
    needs as an error (the tests' server uses it too)."""
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection it no longer needs (or goes offline) is normal.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@dataclass
class Svar:
    sti: str
    status: int
    bytes: int
    gzip: bool


class Tjener:
    def __init__(self, site: Path, port: int = 0, komprimer: bool = True,
                 cache_control: str = "max-age=0, must-revalidate"):
        self.site = Path(site)
        self.komprimer = komprimer
        self.cache_control = cache_control
        self.svar: list[Svar] = []
        self._laas = threading.Lock()
        self._cache: dict[tuple, tuple[bytes, str]] = {}
        self._server = Server(("127.0.0.1", port), self._handler())
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self._traad: threading.Thread | None = None

    # -- running ------------------------------------------------------------------------

    def start(self) -> "Tjener":
        self._traad = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._traad.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "Tjener":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- counting -----------------------------------------------------------------------

    def nulstil(self) -> None:
        with self._laas:
            self.svar.clear()

    def bytes(self, hvilke=lambda sti: True) -> int:
        with self._laas:
            return sum(s.bytes for s in self.svar if hvilke(s.sti))

    def _noter(self, s: Svar) -> None:
        with self._laas:
            self.svar.append(s)

    # -- serving ------------------------------------------------------------------------

    def _indhold(self, fil: Path, gz: bool) -> tuple[bytes, str]:
        """The body to send and its ETag. Read, compressed and hashed once per version of a
        file (a real host serves from memory or with sendfile; the bench should not measure
        this server's CPU, which shares the machine with the browser)."""
        st = fil.stat()
        noegle = (str(fil), st.st_mtime_ns, st.st_size, gz)
        if noegle not in self._cache:
            data = fil.read_bytes()
            if gz:
                data = gzip.compress(data, compresslevel=6, mtime=0)
            etag = '"' + hashlib.sha1(data).hexdigest()[:20] + ('-gz"' if gz else '"')
            self._cache[noegle] = (data, etag)
        return self._cache[noegle]

    def _handler(self):
        tjener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                self._svar(krop=False)

            def do_GET(self):
                self._svar(krop=True)

            def _svar(self, krop: bool):
                sti = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                fil = (tjener.site / sti.lstrip("/")).resolve()
                if not fil.is_relative_to(tjener.site.resolve()):
                    return self._fejl(sti, 403)
                if fil.is_dir():
                    if not sti.endswith("/"):
                        self.send_response(301)
                        self.send_header("Location", sti + "/")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return tjener._noter(Svar(sti, 301, 0, False))
                    fil = fil / "index.html"
                if not fil.is_file():
                    return self._fejl(sti, 404)
                type_ = TYPER.get(fil.suffix) or mimetypes.guess_type(fil.name)[0] or "application/octet-stream"
                gz = (tjener.komprimer and type_.startswith(KOMPRIMERBAR)
                      and "gzip" in self.headers.get("Accept-Encoding", ""))
                data, etag = tjener._indhold(fil, gz)
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Cache-Control", tjener.cache_control)
                    self.end_headers()
                    return tjener._noter(Svar(sti, 304, 0, gz))
                self.send_response(200)
                self.send_header("Content-Type", type_ + ("; charset=utf-8" if type_.startswith("text/") else ""))
                self.send_header("Content-Length", str(len(data)))
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", tjener.cache_control)
                self.send_header("Vary", "Accept-Encoding")
                if gz:
                    self.send_header("Content-Encoding", "gzip")
                self.end_headers()
                tjener._noter(Svar(sti, 200, len(data) if krop else 0, gz))
                if krop:
                    try:
                        self.wfile.write(data)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

            def _fejl(self, sti: str, status: int):
                tekst = b"Not found" if status == 404 else b"Forbidden"
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(tekst)))
                self.end_headers()
                self.wfile.write(tekst)
                tjener._noter(Svar(sti, status, len(tekst), False))

        return Handler
