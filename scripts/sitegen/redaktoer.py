"""What an editor should look at before publishing, beyond schema errors.

Warnings do not stop the build; they are listed by `make check`:
- a rate a calculator uses that has no value in force today (expired, or not yet
  in force), or whose value in force ends within `VARSEL_DAGE` days with no successor;
- a standard without a row in the deadline table (Bilag 4, catalogue/frister.yaml);
- a search word (`soegeord`) on more than `MAKS_STANDARDER_PR_SOEGEORD` standards (it no longer
  tells the reader which one to open), or one made only of words of the standard's own title
  (the search finds the title anyway);
- and, separately, every value the source does not give (`vaerdi: null` + `mangler`)
  that an editor still has to supply.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .catalogue import Fund, Katalog, Standard

VARSEL_DAGE = 60
# A search word that leads to more standards than this is too broad to help (catalogue/README.md).
MAKS_STANDARDER_PR_SOEGEORD = 3


@dataclass(frozen=True)
class ManglendeVaerdi:
    sats_id: str
    beskrivelse: str
    gyldig_fra: str
    mangler: str
    fil: str
    linje: int

    def __str__(self) -> str:
        return f"{self.fil}:{self.linje}: {self.sats_id} ({self.beskrivelse}), fra {self.gyldig_fra}: {self.mangler}"


def advarsler(katalog: Katalog, beregnere: dict[str, Any], dag: date | None = None) -> list[Fund]:
    dag = dag or date.today()
    ud: list[Fund] = []
    brugt_af: dict[str, list[str]] = {}
    for b in beregnere.values():
        for sats_id in b.satser:
            brugt_af.setdefault(sats_id, []).append(b.id)
    for sats_id, brugere in sorted(brugt_af.items()):
        if sats_id not in katalog.satser:
            continue  # a missing rate is an error, reported by the loader
        fil, linje = katalog.sats_kilde.get(sats_id, (katalog.rod / "satser", 1))
        vaerdier = katalog.satser[sats_id]["vaerdier"]
        i_kraft = [v for v in vaerdier if _gaelder(v, dag)]
        hvem = ", ".join(brugere)
        if not i_kraft:
            senest = max(vaerdier, key=lambda v: v["gyldig_fra"])
            if senest.get("gyldig_til") and date.fromisoformat(senest["gyldig_til"]) < dag:
                hvorfor = (f"den seneste værdi sluttede {senest['gyldig_til']}. Tilføj en værdi med gyldig_fra "
                           "for den nye periode")
            else:
                hvorfor = f"ingen værdi begynder før {min(v['gyldig_fra'] for v in vaerdier)}"
            ud.append(Fund(fil, linje, f"satsen '{sats_id}' (bruges af {hvem}) har ingen værdi, der gælder {dag}: "
                                       f"{hvorfor}."))
            continue
        nu = max(i_kraft, key=lambda v: v["gyldig_fra"])
        if nu.get("gyldig_til"):
            slut = date.fromisoformat(nu["gyldig_til"])
            efterfoelger = any(date.fromisoformat(v["gyldig_fra"]) > slut for v in vaerdier)
            if not efterfoelger and slut - dag <= timedelta(days=VARSEL_DAGE):
                ud.append(Fund(fil, linje, f"satsen '{sats_id}' (bruges af {hvem}) slutter {slut} og har ingen "
                                           "værdi efter den dato"))
    frister = katalog.data.get("frister")
    if frister is not None:
        med_frist = {std for raekke in _raekker(frister) for std in raekke.get("standarder", [])}
        for s in katalog.standarder:
            if s.id not in med_frist:
                ud.append(Fund(s.dok.fil, 1, f"standard nr. {s['nummer']} har ingen række i tabellen over tidsfrister "
                                             "(catalogue/frister.yaml, Bilag 4)"))
    return ud + soegeord_advarsler(katalog)


def soegeord_advarsler(katalog: Katalog) -> list[Fund]:
    """Search words that do not help: on too many standards, or already in the standard's title."""
    ud: list[Fund] = []
    brugt: dict[str, list[tuple[Standard, int]]] = {}
    for s in katalog.standarder:
        titel = set(_ord(s["titel"]))
        for i, o in enumerate(s.soegeord):
            brugt.setdefault(o, []).append((s, i))
            if _ord(o) and set(_ord(o)) <= titel:
                ud.append(Fund(s.dok.fil, s.dok.linje(("soegeord", i)),
                               f"søgeordet '{o}' står allerede i standardens titel \"{s['titel']}\", så søgningen "
                               "finder standarden uden det; fjern det"))
    for o, hvor in brugt.items():
        if len(hvor) > MAKS_STANDARDER_PR_SOEGEORD:
            (s, i), andre = hvor[0], hvor[1:]
            ud.append(Fund(s.dok.fil, s.dok.linje(("soegeord", i)),
                           f"søgeordet '{o}' står på {len(hvor)} standarder (også {', '.join(a.id for a, _ in andre)}); "
                           f"et søgeord, der fører til mere end {MAKS_STANDARDER_PR_SOEGEORD}, hjælper ikke læseren "
                           "med at vælge. Behold det kun på de standarder, det passer bedst til"))
    return ud


def _ord(tekst: str) -> list[str]:
    """The words of a text, in lower case (a hyphen or slash separates words)."""
    return re.findall(r"[^\W_]+", tekst.lower())


def manglende_vaerdier(katalog: Katalog) -> list[ManglendeVaerdi]:
    ud = []
    for sats_id, sats in katalog.satser.items():
        fil, _ = katalog.sats_kilde.get(sats_id, (katalog.rod / "satser", 1))
        for i, v in enumerate(sats["vaerdier"]):
            if v["vaerdi"] is None:
                linje = katalog.sats_linje(sats_id, i)
                ud.append(ManglendeVaerdi(sats_id, sats["beskrivelse"], v["gyldig_fra"],
                                          " ".join(v["mangler"].split()), _vis(fil, katalog), linje))
    return ud


def _gaelder(v: dict[str, Any], dag: date) -> bool:
    fra = date.fromisoformat(v["gyldig_fra"])
    til = date.fromisoformat(v["gyldig_til"]) if v.get("gyldig_til") else None
    return fra <= dag and (til is None or dag <= til)


def _raekker(frister: Any) -> list[dict[str, Any]]:
    """The rows of the deadline table, wherever the file nests them."""
    if isinstance(frister, dict):
        for noegle in ("frister", "raekker", "rows"):
            if isinstance(frister.get(noegle), list):
                return [r for r in frister[noegle] if isinstance(r, dict)]
        return [r for v in frister.values() if isinstance(v, list) for r in v if isinstance(r, dict)]
    return [r for r in frister if isinstance(r, dict)] if isinstance(frister, list) else []


def _vis(fil, katalog: Katalog) -> str:
    try:
        return str(fil.relative_to(katalog.rod.parent))
    except ValueError:
        return str(fil)
