"""`make serve` shows catalogue errors in the browser instead of dying, and recovers."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EKSEMPEL = "standarder/hjaelpemidler/brokbind.yaml"


def _fri_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hent(url: str, indeholder: str, frist: float = 90) -> str:
    slut = time.monotonic() + frist
    sidste = ""
    while time.monotonic() < slut:
        try:
            sidste = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if indeholder in sidste:
                return sidste
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never contained {indeholder!r}; last page: {sidste[:300]}")


def test_preview_shows_errors_and_recovers(tmp_path):
    kat = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kat)
    fil = kat / EKSEMPEL
    god = fil.read_text("utf-8")
    fil.write_text(god.replace("titel_kilde: kilde", "titel_kilde: maaske"), "utf-8")
    port = _fri_port()
    env = {**os.environ, "KVH_CATALOGUE": str(kat), "NO_MKDOCS_2_WARNING": "1",
           "KVH_SITE_URL": f"http://127.0.0.1:{port}/"}
    # The same command as `make serve` (which adds --dirty: only changed pages are rebuilt).
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--dev-addr",
                             f"127.0.0.1:{port}", "--watch", str(kat)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        side = _hent(f"http://127.0.0.1:{port}/", "Kataloget har fejl")
        assert "brokbind.yaml:4: titel_kilde: &#39;maaske&#39; er ikke tilladt" in side \
            or "brokbind.yaml:4: titel_kilde: 'maaske' er ikke tilladt" in side
        assert proc.poll() is None, "serve stopped on a catalogue error"
        fil.write_text(god, "utf-8")  # the editor fixes the file
        _hent(f"http://127.0.0.1:{port}/standarder/brokbind/", "Brokbind")

        # An edit to one standard reaches its page and every page that carries its text
        # (the print edition), while the pages it does not touch are still served.
        assert "Der gives 2 stk. bind ved bevilling" in god
        fil.write_text(god.replace("Der gives 2 stk. bind ved bevilling",
                                   "Der gives 2 stk. bind ved bevilling (redigeret)"), "utf-8")
        _hent(f"http://127.0.0.1:{port}/standarder/brokbind/", "ved bevilling (redigeret)")
        _hent(f"http://127.0.0.1:{port}/om/udskrift/", "ved bevilling (redigeret)")
        _hent(f"http://127.0.0.1:{port}/standarder/rollatorer-og-gangbukke/", "Rollatorer og gangbukke")
        # An error while a standard's page is open: that page (not only the front page) shows it.
        fil.write_text(god.replace("titel_kilde: kilde", "titel_kilde: maaske"), "utf-8")
        _hent(f"http://127.0.0.1:{port}/standarder/rollatorer-og-gangbukke/", "Kataloget har fejl")
        fil.write_text(god, "utf-8")
        _hent(f"http://127.0.0.1:{port}/standarder/rollatorer-og-gangbukke/", "Kvalitetsstandard nr.")
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(timeout=20)
