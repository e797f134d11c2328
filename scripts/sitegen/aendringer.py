""""Hvad er ændret": what differs between the previous edition of the catalogue and this one.

The previous edition is named by KVH_FORRIGE_KATALOG: a catalogue folder, or
`git:<ref>` for the catalogue/ folder at a git tag or commit (e.g.
`git:udgave-2025`). Standards are matched by id; a changed standard is shown
field by field, with long texts as the changed words only. Rates are compared
value by value, so a new dated value (gyldig_fra) shows as a change.
"""
from __future__ import annotations

import difflib
import io
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import ROOT, Katalog, indlaes_katalog

FELTNAVNE = {
    "titel": "Titel", "titel_kilde": "Titlens oprindelse", "omraade": "Område", "gruppe": "Gruppe",
    "gyldig_fra": "Gældende fra", "gyldig_til": "Gældende til", "lovgrundlag": "Lovgrundlag",
    "formaal": "Formål", "kriterier": "Kriterier for bevilling", "indhold": "Indsatsen kan indeholde",
    "leverandoer": "Leverandør", "kompetencekrav": "Kompetencekrav til udfører",
    "bemaerkninger": "Bemærkninger", "yderligere_information": "Yderligere information",
    "beregnere": "Beregnere", "nummer": "Nummer", "kilde": "Kilde i kildeteksten",
    "rettelser": "Rettelser af kildeteksten",
}
# Bookkeeping that changes with every re-extraction and says nothing to a reader.
IKKE_VIST = {"kilde", "rettelser"}


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


def forrige_katalog() -> tuple[Katalog | None, str | None]:
    """The previous edition named by KVH_FORRIGE_KATALOG, and how it was named."""
    navn = os.environ.get("KVH_FORRIGE_KATALOG", "").strip()
    if not navn:
        return None, None
    if navn.startswith("git:"):
        ref = navn[4:]
        tmp = Path(tempfile.mkdtemp(prefix="kvh-forrige-"))
        try:
            tar = subprocess.run(["git", "archive", "--format=tar", ref, "catalogue"], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            raise ForrigeFejl(f"KVH_FORRIGE_KATALOG={navn}: git has no catalogue/ at '{ref}' "
                              "(is the tag or commit name right?)") from None
        with tarfile.open(fileobj=io.BytesIO(tar)) as t:
            t.extractall(tmp, filter="data")
        return indlaes_katalog(tmp / "catalogue", aliaser=True), f"udgaven i git ({ref})"
    if not (Path(navn) / "standarder").is_dir():
        raise ForrigeFejl(f"KVH_FORRIGE_KATALOG={navn}: not a catalogue folder (no standarder/ in it)")
    return indlaes_katalog(Path(navn), aliaser=True), "den forrige udgave"


class ForrigeFejl(Exception):
    """The previous edition named by KVH_FORRIGE_KATALOG cannot be read."""


def side_markdown(a: Aendringer | None, beskrivelse: str | None, titler: dict[str, str]) -> str:
    from .pages import dansk_dato, rel, standard_sti, tekst
    sti = "om/hvad-er-aendret.md"
    l = ["---", "title: Hvad er ændret", "---", "", "# Hvad er ændret", ""]
    if a is None:
        return "\n".join(l + ["Denne udgave af håndbogen er ikke sammenlignet med en tidligere udgave.", ""]) + "\n"
    l += [f"Ændringer i forhold til {beskrivelse}: standarder, der er kommet til eller udgået, "
          "ændrede felter og ændrede satser.", ""]
    if a.tom:
        return "\n".join(l + ["Der er ingen ændringer.", ""]) + "\n"
    if a.tilfoejet:
        l += ["## Nye standarder", ""]
        l += [f"- [{tekst(s['titel'])}]({rel(sti, standard_sti(s['id']))}) (nr. {s['nummer']}, gældende fra "
              f"{dansk_dato(s['gyldig_fra'])})" for s in a.tilfoejet]
        l.append("")
    if a.fjernet:
        l += ["## Udgåede standarder", ""]
        l += [f"- {tekst(s['titel'])} (nr. {s['nummer']})" for s in a.fjernet]
        l.append("")
    if a.aendret:
        l += ["## Ændrede standarder", ""]
        for s, felter in a.aendret:
            l += [f"### [{tekst(s['titel'])}]({rel(sti, standard_sti(s['id']))})", ""]
            for f in felter:
                l += [f"**{FELTNAVNE.get(f.felt, f.felt)}**", ""] + _felt_diff(f.foer, f.nu) + [""]
    if a.satser:
        l += ["## Ændrede satser", "", "| Sats | Ændring | Før | Nu |", "| --- | --- | --- | --- |"]
        for sats_id, hvad, foer, nu in a.satser:
            l.append(f"| `{sats_id}` | {hvad} | {_sats_tekst(foer)} | {_sats_tekst(nu)} |")
        l.append("")
    return "\n".join(l) + "\n"


def _som_tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        dele = [v.get("tekst", "")] if "tekst" in v else []
        for k, x in v.items():
            if k not in ("tekst", "linjer"):
                dele.append(f"{k}: {_som_tekst(x)}")
        return " ".join(d for d in dele if d)
    if isinstance(v, list):
        return "; ".join(_som_tekst(x) for x in v)
    return str(v)


def _felt_diff(foer: Any, nu: Any) -> list[str]:
    """The changed words, with a few words of context, as 'Før' and 'Nu'."""
    from .pages import tekst
    a, b = _som_tekst(foer).split(), _som_tekst(nu).split()
    if not a:
        return [f"Tilføjet: {tekst(' '.join(b))}"]
    if not b:
        return [f"Fjernet: {tekst(' '.join(a))}"]
    ud = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        foran, bagved = tekst(" ".join(a[max(0, i1 - 6):i1])), tekst(" ".join(a[i2:i2 + 6]))
        gammel, ny = tekst(" ".join(a[i1:i2])), tekst(" ".join(b[j1:j2]))
        if op == "insert":
            ud.append(f"- Tilføjet: …{foran} <ins>{ny}</ins> {bagved}…")
        elif op == "delete":
            ud.append(f"- Fjernet: …{foran} <del>{gammel}</del> {bagved}…")
        else:
            ud.append(f"- Før: …{foran} <del>{gammel}</del> {bagved}…  \n"
                      f"  Nu: …{foran} <ins>{ny}</ins> {bagved}…")
    return ud


def _sats_tekst(v: Any) -> str:
    if not v:
        return "–"
    return "<br>".join(f"{'mangler' if x is None else x} fra {fra}" + (f" til {til}" if til else "")
                       for fra, til, x in v)
