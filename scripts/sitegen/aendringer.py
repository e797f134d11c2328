""""Hvad er ændret": what differs between the previous edition of the catalogue and this one.

The previous edition is named by the plugin option `forrige_katalog`: a catalogue folder, or
`git:<ref>` for the catalogue/ folder at a git tag or commit (e.g.
`git:udgave-2025`). Standards are matched by id; a changed standard is shown
field by field, with long texts as the changed words only. Rates are compared
value by value, so a new dated value (gyldig_fra) shows as a change.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import ROOT, Katalog, indlaes_katalog

# soegeord are editorial search words, not the standard's text: a change to them is no change for readers.
IKKE_VIST = {"kilde", "rettelser", "soegeord"}


@dataclass
class FeltAendring:
    felt: str
    foer: Any
    nu: Any


@dataclass
class Aendringer:
    tilfoejet: list[dict[str, Any]] = field(default_factory=list)
    fjernet: list[dict[str, Any]] = field(default_factory=list)
    aendret: list[tuple[dict[str, Any], list[FeltAendring]]] = field(default_factory=list)
    satser: list[tuple[str, str, Any, Any]] = field(default_factory=list)  # (id, hvad, før, nu)

    @property
    def tom(self) -> bool:
        return not (self.tilfoejet or self.fjernet or self.aendret or self.satser)


def sammenlign(forrige: Katalog, ny: Katalog) -> Aendringer:
    gamle = {s.id: s.data for s in forrige.standarder}
    nye = {s.id: s.data for s in ny.standarder}
    a = Aendringer()
    a.tilfoejet = [nye[i] for i in nye if i not in gamle]
    a.fjernet = [gamle[i] for i in gamle if i not in nye]
    for i, nu in nye.items():
        if i not in gamle:
            continue
        foer = gamle[i]
        felter = [FeltAendring(k, foer.get(k), nu.get(k)) for k in _noegler(foer, nu)
                  if k not in IKKE_VIST and _tekst_del(foer.get(k)) != _tekst_del(nu.get(k))]
        if felter:
            a.aendret.append((nu, felter))
    for sats_id in sorted(set(forrige.satser) | set(ny.satser)):
        f, n = forrige.satser.get(sats_id), ny.satser.get(sats_id)
        if f is None:
            a.satser.append((sats_id, "ny sats", None, _vaerdier(n)))
        elif n is None:
            a.satser.append((sats_id, "fjernet", _vaerdier(f), None))
        elif _vaerdier(f) != _vaerdier(n):
            a.satser.append((sats_id, "ændret", _vaerdier(f), _vaerdier(n)))
    return a


def _noegler(a: dict, b: dict) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def _tekst_del(v: Any) -> Any:
    """What a reader sees of a field: its text and references, not its line numbers."""
    if isinstance(v, dict):
        return {k: _tekst_del(x) for k, x in v.items() if k != "linjer"}
    if isinstance(v, list):
        return [_tekst_del(x) for x in v]
    return v


def _vaerdier(sats: dict[str, Any]) -> list[tuple[str, str | None, Any]]:
    return [(v["gyldig_fra"], v.get("gyldig_til"), v["vaerdi"]) for v in sats["vaerdier"]]


def forrige_katalog(navn: str | None) -> tuple[Katalog | None, str | None]:
    """The previous edition named by `navn` (a catalogue folder or `git:<ref>`), and how it was named."""
    navn = (navn or "").strip()
    if not navn:
        return None, None
    if navn.startswith("git:"):
        ref = navn[4:]
        tmp = Path(tempfile.mkdtemp(prefix="kvh-forrige-"))
        try:
            tar = subprocess.run(["git", "archive", "--format=tar", ref, "catalogue"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            raise ForrigeFejl(f"forrige_katalog={navn}: git har ingen catalogue/ ved '{ref}' "
                              "(er navnet på tagget eller committen rigtigt?)") from None
        with tarfile.open(fileobj=io.BytesIO(tar)) as t:
            t.extractall(tmp, filter="data")
        return indlaes_katalog(tmp / "catalogue", aliaser=True), f"udgaven i git ({ref})"
    if not (Path(navn) / "standarder").is_dir():
        raise ForrigeFejl(f"forrige_katalog={navn}: ikke en katalogmappe (der er ingen standarder/ i den)")
    return indlaes_katalog(Path(navn), aliaser=True), "den forrige udgave"


class ForrigeFejl(Exception):
    """The previous edition named by `forrige_katalog` cannot be read."""


