"""The calculators' memory snapshot, made at build time in Node (`snapshot.mjs`).

A snapshot is Pyodide's memory after the calculators have been imported and their rates
read; restoring it in the browser takes well under a second where a normal start takes
several. It is made from the site's own runtime files and wheel, kept in build/snapshot/
under the hashes of both (so an unchanged build reuses it), and stored gzip-compressed.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .catalogue import ROOT

SKRIPT = Path(__file__).with_name("snapshot.mjs")
# The code that makes a snapshot and decides what is in it (FORBERED) and how it is packed.
KODE = (SKRIPT, ROOT / "docs" / "assets" / "javascripts" / "beregner-python.mjs")
CACHE = ROOT / "build" / "snapshot"


class SnapshotFejl(Exception):
    pass


@dataclass(frozen=True)
class Snapshot:
    fil: Path        # the gzip-compressed snapshot
    pyodide: str     # the Pyodide version it was made with
    raa: int         # bytes in memory
    gzip: int        # bytes compressed


def lav_snapshot(runtime: Path, hjul: Path, hjul_sha: str, noegle: str, cache: Path = CACHE) -> Snapshot:
    """The snapshot for the runtime in `runtime` and the wheel `hjul` (reused from `cache`
    when one was made from the same files by the same code; `noegle` names the files)."""
    noegle = f"{noegle}-{kode_hash()}"
    fil, meta = cache / f"{noegle}.bin.gz", cache / f"{noegle}.json"
    if not (fil.exists() and meta.exists()):
        if shutil.which("node") is None:
            raise SnapshotFejl("Node is not installed; it makes the calculators' snapshot.")
        cache.mkdir(parents=True, exist_ok=True)
        tmp = fil.with_suffix(".tmp")
        try:
            proc = subprocess.run(["node", str(SKRIPT), str(runtime), str(hjul), hjul_sha, str(tmp)],
                                  capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            raise SnapshotFejl("Making the calculators' snapshot took more than 5 minutes.") from None
        if proc.returncode != 0:
            tmp.unlink(missing_ok=True)
            # The last lines say what went wrong (a JavaScript or Python error).
            fejl = "\n".join(proc.stderr.strip().splitlines()[-6:])[-1500:]
            raise SnapshotFejl(f"Making the calculators' snapshot in Node failed:\n{fejl}")
        try:
            tal = json.loads(proc.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise SnapshotFejl(f"snapshot.mjs printed no result: {proc.stdout[-500:]!r}") from None
        tmp.rename(fil)
        meta.write_text(json.dumps(tal), encoding="utf-8")
        _ryd_op(cache, behold=fil)
    tal = json.loads(meta.read_text(encoding="utf-8"))
    return Snapshot(fil, tal["pyodide"], tal["raa"], tal["gzip"])


def kode_hash() -> str:
    h = hashlib.sha256()
    for f in KODE:
        h.update(f.read_bytes())
    return h.hexdigest()[:8]


def _ryd_op(cache: Path, behold: Path, antal: int = 3) -> None:
    """Keep the newest few snapshots (each is megabytes), and always `behold`."""
    gamle = sorted(cache.glob("*.bin.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for f in gamle[antal:]:
        if f != behold:
            f.unlink(missing_ok=True)
            f.with_name(f.name.removesuffix(".bin.gz") + ".json").unlink(missing_ok=True)
