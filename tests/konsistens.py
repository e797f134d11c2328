"""Consistency of an answer with itself, for every calculator.

A result row's text is what the reader reads; its value is what the tests compare. They must agree:
  - a number (an amount, a count, a percentage) written in the text is the value: the first number
    in the text, read the Danish way (1.250,50), equals the value ("Et"/"Én" at the start count as 1);
  - a date value is the first date written in the text (1. marts 2025, as felter.formater_dato writes it);
  - a yes/no value agrees with the verdict the text starts or ends with (Ja/Nej, Opfyldt/Ikke opfyldt,
    "– opfyldt"/"– ikke opfyldt"); a "ja"/"nej"/"konkret_vurdering" code likewise.
And a step that cites a rate cites the rate in force on the answer's date, one the calculator declares,
and an interpretation the calculator declares.

tests/pyodide/cases.test.mjs applies `raekke_afvigelser` with the same rules (keep them in step).
"""
from __future__ import annotations

import re
from datetime import date

MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december")
TAL = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d])")
DATO = re.compile(r"(\d{1,2})\. (" + "|".join(MAANEDER) + r") (\d{4})")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
ET = re.compile(r"^(et|ét|én|en)\b", re.IGNORECASE)


def tal_i_tekst(tekst: str) -> float | None:
    """The first number written in the text (dates left out), or None."""
    uden_datoer = DATO.sub(" ", tekst)
    if ET.match(uden_datoer) and not TAL.match(uden_datoer):
        return 1.0
    m = TAL.search(uden_datoer)
    if not m:
        return None
    return float(m[1].replace(".", "").replace(",", "."))


def dato_i_tekst(tekst: str) -> str | None:
    m = DATO.search(tekst)
    if not m:
        return None
    return date(int(m[3]), MAANEDER.index(m[2]) + 1, int(m[1])).isoformat()


def dom_i_tekst(tekst: str) -> bool | None:
    """The yes/no verdict a row's text states, or None if it states none."""
    t = tekst.strip().lower()
    if re.match(r"(nej|som hovedregel nej|ikke opfyldt|opfylder ikke)\b", t) or re.search(r"– ikke opfyldt\.?$", t):
        return False
    if re.match(r"(ja|opfyldt|opfylder)\b", t) or re.search(r"– opfyldt\.?$", t):
        return True
    return None


KODER = {"ja": ("ja",), "nej": ("nej", "som hovedregel nej"), "konkret_vurdering": ("kræver konkret vurdering",)}


def raekke_afvigelser(p: dict) -> list[str]:
    """What is wrong with one result row (as in the JSON answer): its text against its value."""
    tekst, v, pid = p["tekst"], p["vaerdi"], p["id"]
    if not isinstance(tekst, str) or not tekst.strip():
        return [f"{pid} has no text"]
    if isinstance(v, bool):
        dom = dom_i_tekst(tekst)
        if dom is not None and dom is not v:
            return [f"{pid}={v} but its text says {tekst!r}"]
    elif isinstance(v, (int, float)):
        tal = tal_i_tekst(tekst)
        if tal is None or abs(tal - v) > 0.005:
            return [f"{pid}={v} but its text says {tekst!r}"]
    elif isinstance(v, str) and ISO.fullmatch(v):
        if dato_i_tekst(tekst) != v:
            return [f"{pid}={v} but its text says {tekst!r}"]
    elif isinstance(v, str) and v in KODER:
        if not tekst.strip().lower().startswith(KODER[v]):
            return [f"{pid}={v!r} but its text says {tekst!r}"]
    return []


def poster_afvigelser(poster: list[dict]) -> list[str]:
    """Every row consistent, and no row twice."""
    ud = [f"result row {pid} appears twice" for pid in {p["id"] for p in poster}
          if sum(p["id"] == pid for p in poster) > 1]
    for p in poster:
        ud += raekke_afvigelser(p)
    return ud


def svar_afvigelser(beregner, svar: dict, katalog, dato: date) -> list[str]:
    """Every row consistent; every cited rate declared and in force on `dato`; every interpretation declared."""
    ud = poster_afvigelser(svar["result"]["poster"])
    fortolkninger = {f.id for f in beregner.fortolkninger}
    for t in svar["forklaring"]:
        if t["sats"] is not None:
            sid = t["sats"]["id"]
            if sid not in beregner.satser:
                ud.append(f"step cites rate {sid}, which {beregner.id} does not declare")
            elif t["sats"] != katalog.sats(sid, dato).som_data():
                ud.append(f"step cites {t['sats']} but {katalog.sats(sid, dato).som_data()} is in force on {dato}")
        if t["fortolkning"] is not None and t["fortolkning"]["id"] not in fortolkninger:
            ud.append(f"step uses undeclared interpretation {t['fortolkning']['id']}")
        if not t["tekst"].strip():
            ud.append("a step has no text")
    return ud
