"""Self-hosted Pyodide: the npm runtime files, the calculators wheel and its lock entry.

Nothing is loaded from a CDN. The core runtime comes from `node_modules/pyodide`
(pinned in package-lock.json); the calculators wheel is built with the standard
PEP 517 frontend (`python -m build`) and registered in a copy of
`pyodide-lock.json` by writing its lock entry, so the worker loads it with
`pyodide.loadPackage("kvalitetshaandbogen")` from the same folder.

The entry is written here rather than with the `pyodide-lock` library: the
release that runs on Python 3.11 (0.1.2) rejects the lock format of Pyodide 314
(new `tool` fields), and the releases that accept it need a newer Python than
a fresh machine has.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from .catalogue import ROOT

PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
WHEEL_DIR = ROOT / "build" / "wheel"
# The files the browser needs from the npm package (source maps for debugging).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.mjs.map", "pyodide.asm.mjs", "pyodide.asm.wasm",
                 "python_stdlib.zip")
PACKAGE_NAME = "kvalitetshaandbogen"


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


def installer_runtime(hjul: Path, maal: Path, npm: Path = PYODIDE_NPM) -> None:
    """Copy the runtime (from the npm package in `npm`) and the wheel into `maal` and
    write the extended lock file."""
    if not (npm / "pyodide-lock.json").exists():
        raise PyodideFejl(f"{npm} is missing: run `npm ci` (the Makefile does this).")
    maal.mkdir(parents=True, exist_ok=True)
    for navn in RUNTIME_FILES:
        shutil.copy2(npm / navn, maal / navn)
    shutil.copy2(hjul, maal / hjul.name)
    lock = json.loads((npm / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock["packages"][PACKAGE_NAME] = lock_entry(hjul)
    (maal / "pyodide-lock.json").write_text(json.dumps(lock, separators=(",", ":")), encoding="utf-8")


def lock_entry(hjul: Path) -> dict:
    """The pyodide-lock.json entry for a pure-Python wheel (same fields as Pyodide's own)."""
    navn, version = hjul.name.split("-")[:2]
    with zipfile.ZipFile(hjul) as z:
        imports = sorted({n.split("/")[0] for n in z.namelist()
                          if "/" in n and n.split("/")[0].isidentifier() and n.endswith("/__init__.py")})
    return {
        "name": PACKAGE_NAME,
        "version": version,
        "file_name": hjul.name,
        "install_dir": "site",
        "sha256": hashlib.sha256(hjul.read_bytes()).hexdigest(),
        "package_type": "package",
        "imports": imports,
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }
