"""The handbook's words: what search knows beyond what Pagefind sees in a page.

Pure text functions, shared by the index (`soegeindeks`) and described for the
browser's query side (`docs/assets/javascripts/soeg-forstaaelse.js`, which splits a
typed word with the same rule; both are tested on `tests/search/sammensaetninger.yaml`).

- `ord_i`: the words of a text, lower case (letters and digits; a hyphen splits).
- `STOPORD`: Danish words that carry no meaning in a query ("til", "og", "en", ...):
  Snowball's Danish stop word list.
- `del_sammensat`: a Danish compound split into words of the handbook:
  "badeværelsesombygning" -> ("badeværelse", "ombygning"), each part at least 3
  letters, an "s" or "e" allowed between parts ("hjælp-e-middel").
- `ekstra_former`: the words a text implies but does not write: the parts of its
  compounds (or, when the first part is not a word of the handbook, the known word a
  compound ends with: "brusestole" -> "stole"), a hyphenated word written as one
  ("El-kørestole" -> "elkørestole"), and the shared half of "Bade- og brusestole"
  ("badestole").
"""
from __future__ import annotations

import re
from collections.abc import Container, Iterable

MINDSTE_DEL = 3
HOEJST_DELE = 3
FUGER = ("", "s", "e")

# Snowball's Danish stop words (snowballstem.org/algorithms/danish/stop.txt).
STOPORD = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos
blive mange ad bliver hendes været thi jer sådan
""".split())

_ORD = re.compile(r"[0-9a-zæøåéüöä]+")
_BINDESTREG = re.compile(r"\b([a-zæøåéüöä]+)-([a-zæøåéüöä]+)\b")
_HAENGENDE = re.compile(r"\b([a-zæøåéüöä]+)- (?:og|eller) ([a-zæøåéüöä]+)\b")


def ord_i(tekst: str) -> list[str]:
    """The words of `tekst` in lower case, in order."""
    return _ORD.findall(tekst.lower())


def er_ord(o: str) -> bool:
    """A word search can use on its own: at least 3 letters, not a number."""
    return len(o) >= MINDSTE_DEL and not o.isdigit()


def del_sammensat(ord_: str, kendte: Container[str]) -> tuple[str, ...] | None:
    """`ord_` split into 2–3 known words (fewest parts, then the longest first part), or None.

    A part is a word in `kendte` of at least 3 letters that is not a stop word; between
    two parts an "s" or an "e" may join them, as Danish compounds do.
    """
    ord_ = ord_.lower()
    if len(ord_) < 2 * MINDSTE_DEL:
        return None
    return _del(ord_, kendte, HOEJST_DELE, hel_tilladt=False)


def _del(rest: str, kendte: Container[str], hoejst: int, hel_tilladt: bool = True) -> tuple[str, ...] | None:
    if hel_tilladt and _brugbar(rest, kendte):
        return (rest,)
    if hoejst < 2:
        return None
    bedste: tuple[str, ...] | None = None
    for i in range(len(rest) - MINDSTE_DEL, MINDSTE_DEL - 1, -1):
        hoved = rest[:i]
        if not _brugbar(hoved, kendte):
            continue
        for fuge in FUGER:
            if not rest.startswith(fuge, i):
                continue
            hale = rest[i + len(fuge):]
            if len(hale) < MINDSTE_DEL:
                continue
            dele = _del(hale, kendte, hoejst - 1)
            if dele and (bedste is None or 1 + len(dele) < len(bedste)):
                bedste = (hoved, *dele)
        if bedste is not None and len(bedste) == 2:
            break  # the longest first part of a two-part split: nothing shorter can beat it
    return bedste


def efterled(ord_: str, kendte: Container[str]) -> str | None:
    """The longest known word (4+ letters) that `ord_` ends with after at least 3 letters of
    its own: the head of a compound whose first part is not a word of the handbook
    ("brusestole" -> "stole" when "bruse" is not)."""
    for i in range(MINDSTE_DEL, len(ord_) - 3):
        hale = ord_[i:]
        if _brugbar(hale, kendte):
            return hale
    return None


def _brugbar(o: str, kendte: Container[str]) -> bool:
    return len(o) >= MINDSTE_DEL and o not in STOPORD and o in kendte


def ekstra_former(tekst: str, kendte: Container[str]) -> set[str]:
    """Words `tekst` implies without writing them (see the module's docstring)."""
    lav = tekst.lower()
    skrevne = set(ord_i(lav))
    ud: set[str] = set()
    for a, b in _BINDESTREG.findall(lav):
        ud.add(a + b)
    for forled, andet in _HAENGENDE.findall(lav):
        dele = del_sammensat(andet, kendte)
        hoved = dele[-1] if dele else efterled(andet, kendte)
        if hoved:
            ud.add(forled + hoved)
    for o in skrevne:
        dele = del_sammensat(o, kendte)
        if dele:
            ud.update(dele)
        elif (hoved := efterled(o, kendte)):
            ud.add(hoved)
    return {o for o in ud if er_ord(o)} - skrevne


def ordforraad(tekster: Iterable[str]) -> dict[str, int]:
    """Every usable word and the number of texts (pages) it occurs in."""
    antal: dict[str, int] = {}
    for t in tekster:
        for o in set(ord_i(t)):
            if er_ord(o):
                antal[o] = antal.get(o, 0) + 1
    return antal
