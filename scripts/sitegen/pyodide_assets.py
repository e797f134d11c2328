"""Self-hosted Pyodide: the npm runtime files, the calculators wheel and the snapshot.

Nothing is loaded from a CDN. The core runtime comes from `node_modules/pyodide`
(pinned in package-lock.json); the calculators wheel is built with the standard
PEP 517 frontend (`python -m build`). Each goes into the site under a folder named
by its content's hash (assets/pyodide/<hash>/), so a browser or service worker may
keep it for ever: new content is a new name. The worker unpacks the wheel itself
(beregner-python.mjs), so Pyodide's lock file stays as npm ships it; the build's
memory snapshot (snapshot.py) is made from these same files.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from . import snapshot
from .catalogue import ROOT

PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
WHEEL_DIR = ROOT / "build" / "wheel"
# The files the browser needs from the npm package (source maps for debugging).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.mjs.map", "pyodide.asm.mjs", "pyodide.asm.wasm",
                 "python_stdlib.zip", "pyodide-lock.json")
PACKAGE_NAME = "kvalitetshaandbogen"
PYODIDE_MAPPE = Path("assets/pyodide")
FILER_MJS = Path("assets/javascripts/beregner-filer.mjs")
WORKER_MODULER = ("beregner-worker.js", "beregner-python.mjs", "beregner-snapshot.js")  # with beregner-filer.mjs, the worker's code
WORKER_LINJE = re.compile(r'const WORKER = "[^"\n]*beregner-worker\.js";')
# The worker's imports, which its copy has written into it (skriv_worker).
IMPORT_FILER = re.compile(r'^import FILER from "\./beregner-filer\.mjs";$', re.M)
IMPORT_PYTHON = re.compile(r'^import \{[^}\n]*\} from "\./beregner-python\.mjs";$', re.M)
SNAPSHOT_NAVN = "beregnere.snapshot.gz"
HASH_LAENGDE = 16  # hex digits in a content-hashed folder's name


class PyodideFejl(Exception):
    pass


def kilde_hash() -> str:
    """Hash of everything that goes into the wheel."""
    h = hashlib.sha256()
    for f in sorted([ROOT / "pyproject.toml", *(ROOT / "calculators").rglob("*.py"),
                     *(ROOT / "calculators" / "data").glob("*.json")]):
        h.update(f.relative_to(ROOT).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def byg_wheel() -> Path:
    """Build the calculators wheel, reusing the last one if its sources are unchanged."""
    stempel = WHEEL_DIR / f".kilde-{kilde_hash()}"
    hjul = sorted(WHEEL_DIR.glob(f"{PACKAGE_NAME}-*.whl"))
    if stempel.exists() and len(hjul) == 1:
        return hjul[0]
    shutil.rmtree(WHEEL_DIR, ignore_errors=True)
    WHEEL_DIR.mkdir(parents=True)
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(WHEEL_DIR), str(ROOT)],
        cwd=ROOT, capture_output=True, text=True)
    # setuptools leaves these beside the sources; they are not ours to keep.
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    shutil.rmtree(ROOT / "build" / f"bdist.{sys.platform}", ignore_errors=True)
    for egg in ROOT.glob("*.egg-info"):
        shutil.rmtree(egg, ignore_errors=True)
    if proc.returncode != 0:
        raise PyodideFejl("Building the calculators wheel failed:\n" + proc.stdout[-2000:] + proc.stderr[-2000:])
    hjul = sorted(WHEEL_DIR.glob(f"{PACKAGE_NAME}-*.whl"))
    if len(hjul) != 1:
        raise PyodideFejl(f"Expected one wheel in {WHEEL_DIR}, found {len(hjul)}")
    stempel.touch()
    return hjul[0]


def _kort_hash(indhold: dict[str, bytes]) -> str:
    """A content-hashed folder's name: the hash of its files' names and contents."""
    h = hashlib.sha256()
    for navn, data in indhold.items():
        h.update(navn.encode())
        h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:HASH_LAENGDE]


def installer_runtime(hjul: Path, site_dir: Path, npm: Path = PYODIDE_NPM, med_snapshot: bool = True) -> dict:
    """Copy the runtime (from the npm package in `npm`), the wheel and the snapshot into
    the site under content-hashed folders, and write the list the worker reads
    (assets/javascripts/beregner-filer.mjs). Returns that list."""
    if not (npm / "pyodide-lock.json").exists():
        raise PyodideFejl(f"{npm} is missing: run `npm ci` (the Makefile does this).")
    maal = site_dir / PYODIDE_MAPPE
    runtime = {navn: (npm / navn).read_bytes() for navn in RUNTIME_FILES}
    rt = _kort_hash(runtime)
    hjul_data = hjul.read_bytes()
    hjul_sha = hashlib.sha256(hjul_data).hexdigest()
    hj = hjul_sha[:HASH_LAENGDE]
    _skriv_mappe(maal / rt, runtime)
    _skriv_mappe(maal / hj, {hjul.name: hjul_data})
    filer = {
        "runtime": f"../pyodide/{rt}/",
        "hjul": {"url": f"../pyodide/{hj}/{hjul.name}", "sha256": hjul_sha},
        "snapshot": None,
    }
    behold = {rt, hj}
    if med_snapshot:
        try:
            snap = snapshot.lav_snapshot(maal / rt, hjul, hjul_sha, noegle=f"{rt}-{hj}")
        except snapshot.SnapshotFejl as e:
            raise PyodideFejl(f"{e}\nBuild without it with KVH_SNAPSHOT=nej (the calculators then start "
                              "the slower, normal way).") from None
        indhold = {SNAPSHOT_NAVN: snap.fil.read_bytes()}
        sn = _kort_hash(indhold)
        _skriv_mappe(maal / sn, indhold)
        behold.add(sn)
        filer["snapshot"] = {"url": f"../pyodide/{sn}/{SNAPSHOT_NAVN}", "pyodide": snap.pyodide,
                             "hjul": hjul_sha, "bytes": snap.gzip, "raa": snap.raa}
    behold.add(skriv_worker(site_dir, filer))
    # A preview rebuilds into the same folder: older hashed folders go.
    for mappe in maal.iterdir():
        if mappe.name not in behold:
            shutil.rmtree(mappe) if mappe.is_dir() else mappe.unlink()
    (site_dir / FILER_MJS).write_text(_filer_mjs(filer), encoding="utf-8")
    return filer


def skriv_worker(site_dir: Path, filer: dict) -> str:
    """Copy the worker and its modules into a content-hashed folder beside the runtime, with
    their own list of files, and point beregner.js at that copy; returns the folder's name.
    The service worker can then answer the worker's files from its cache without asking the
    host (on a repeat visit: three round trips fewer before Python starts), and a new build
    is a new folder. The copy of the worker is one file (_en_fil). The copies in
    assets/javascripts stay for tools and tests."""
    js = site_dir / "assets" / "javascripts"
    # From assets/pyodide/<hash>/ the runtime is ../<hash>/ (from assets/javascripts, ../pyodide/<hash>/).
    tekster = {navn: (js / navn).read_bytes() for navn in WORKER_MODULER}
    kopiens_filer = json.loads(json.dumps(filer).replace('"../pyodide/', '"../'))
    tekster[FILER_MJS.name] = _filer_mjs(kopiens_filer).encode()
    tekster["beregner-worker.js"] = _en_fil(tekster["beregner-worker.js"].decode(), tekster["beregner-python.mjs"].decode(),
                                            kopiens_filer).encode()
    mappe = _kort_hash(tekster)
    _skriv_mappe(site_dir / PYODIDE_MAPPE / mappe, tekster)
    beregner = js / "beregner.js"
    tekst = beregner.read_text(encoding="utf-8")
    ny, n = WORKER_LINJE.subn(f'const WORKER = "../pyodide/{mappe}/beregner-worker.js";', tekst)
    if n != 1:
        raise PyodideFejl(f"{beregner} has no line `const WORKER = \"...beregner-worker.js\";` for the build to fill in.")
    if ny != tekst:
        beregner.write_text(ny, encoding="utf-8")
    return mappe


def _en_fil(worker: str, python: str, filer: dict) -> str:
    """The worker with its two modules written into it: its list of files (beregner-filer.mjs)
    and beregner-python.mjs, whose exports become plain declarations. A module worker fetches
    its static imports before any of its code runs; as one file it starts its downloads (the
    runtime, the snapshot) a round trip sooner, which a first visit waits for. The helper
    worker (beregner-snapshot.js) still imports beregner-python.mjs beside it."""
    liste = f"const FILER = {json.dumps(filer, indent=2)};"
    kode = re.sub(r"^export (?=(async function|function|class|const|let) )", "", python, flags=re.M)
    # (An import statement of JavaScript, not a line of the Python code it carries as text.)
    if re.search(r"""^\s*(export\b|import\s*["']|import\b[^\n]*\bfrom\s*["'])""", kode, re.M):
        raise PyodideFejl("beregner-python.mjs imports or exports in a way the build cannot write into the worker.")
    ud, n_filer = IMPORT_FILER.subn(lambda _: liste, worker)
    ud, n_python = IMPORT_PYTHON.subn(lambda _: kode.rstrip(), ud)
    if (n_filer, n_python) != (1, 1):
        raise PyodideFejl('beregner-worker.js has no line `import FILER from "./beregner-filer.mjs";` and one '
                          '`import { ... } from "./beregner-python.mjs";` for the build to fill in.')
    return ud


def _filer_mjs(filer: dict) -> str:
    return ("// Written by the build (scripts/sitegen/pyodide_assets.py): where the worker finds Python.\n"
            f"export default {json.dumps(filer, indent=2)};\n")


def laes_filer(sti: Path) -> dict:
    """The worker's list of files (a beregner-filer.mjs the build wrote), for tools and tests."""
    tekst = Path(sti).read_text(encoding="utf-8")
    return json.loads(tekst[tekst.index("{"):tekst.rindex("}") + 1])


def _skriv_mappe(mappe: Path, indhold: dict[str, bytes]) -> None:
    """Write a content-hashed folder whole or not at all (one already there is the same)."""
    if mappe.exists():
        return
    tmp = mappe.with_name(mappe.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for navn, data in indhold.items():
        (tmp / navn).write_bytes(data)
    tmp.rename(mappe)
