"""When each catalogue file last changed, for the "Senest ændret" line on every page.

The history is git's: the date of the last commit that touched the file. A file
with uncommitted edits (an editor previewing a change) counts as changed on the
day it was last saved, and outside a git checkout every file does.
"""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


class Historik:
    def __init__(self, rod: Path):
        self.rod = rod.resolve()
        self._commits, self._aendret = _git_datoer(self.rod)

    def senest_aendret(self, *filer: Path) -> date | None:
        """The newest change date among `filer` (a page may be built from several)."""
        datoer = [d for f in filer if (d := self._dato(Path(f).resolve())) is not None]
        return max(datoer) if datoer else None

    def _dato(self, fil: Path) -> date | None:
        if not fil.exists():
            return None
        if fil in self._aendret or fil not in self._commits:
            return date.fromtimestamp(fil.stat().st_mtime)
        return self._commits[fil]


def _git_datoer(rod: Path) -> tuple[dict[Path, date], set[Path]]:
    """(last commit date per file, files with uncommitted changes) under `rod`; empty outside git."""
    try:
        top = Path(_git(rod, "rev-parse", "--show-toplevel").strip())
        log = _git(rod, "log", "--format=@%cs", "--name-only", "--", ".")
        status = _git(rod, "status", "--porcelain", "--untracked-files=all", "--", ".")
    except (OSError, subprocess.CalledProcessError):
        return {}, set()
    commits: dict[Path, date] = {}
    dag = None
    for linje in log.splitlines():
        if linje.startswith("@"):
            dag = date.fromisoformat(linje[1:])
        elif linje.strip() and dag is not None:
            commits.setdefault((top / linje.strip()).resolve(), dag)  # newest first
    aendret = {(top / l[3:].split(" -> ")[-1].strip('"')).resolve() for l in status.splitlines() if len(l) > 3}
    return commits, aendret


def _git(rod: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=rod, capture_output=True, text=True, check=True).stdout
