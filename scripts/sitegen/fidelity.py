"""How faithfully the catalogue carries the source text: word n-gram coverage.

For each standard, the words of its source lines (`kilde.linjer` in the seed text),
less the section labels, bare page numbers and the "Bilag N: …" reference lines,
are compared with the words of its catalogue text. Coverage is the share of the
source's word n-grams (default: 3-grams) that also occur in the catalogue text.
Repairs that change words (editorial titles, restored labels) are recorded in
the standard's `rettelser`, so a gap can be traced to one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .catalogue import ROOT, Katalog, Standard

SEEDS = ROOT.parent / "shared" / "seeds"

LABELS = ("Lovgrundlag", "Formål", "Kriterier for bevilling", "Indsatsen kan indeholde",
          "Leverandør", "Kompetencekrav til udfører", "Kompetencekra v til udfører", "Bemærkninger",
          "Yderligere information")
_LABEL_WORDS = [label.lower().split() for label in LABELS]
_WORD = re.compile(r"[0-9a-zæøåéüöäA-ZÆØÅÉÜÖÄ]+(?:[.,][0-9]+)*", re.IGNORECASE)
_BILAG_LINE = re.compile(r"^\s*Bilag \d+[:.]")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def source_lines(dokument: str) -> list[str]:
    return (SEEDS / dokument).read_text(encoding="utf-8").split("\n")


# Repairs that may change or drop words of the source (the others only re-join text).
WORD_CHANGING = {"orddeling", "gentaget_tekst", "andet"}


def source_tokens(lines: list[str], first: int, last: int) -> list[tuple[str, int]]:
    """(word, line number) for the words of the source lines, less labels, page numbers and Bilag lines."""
    out: list[tuple[str, int]] = []
    follows_bilag = False
    for nr, line in enumerate(lines[first - 1:last], first):
        line = re.sub(r"^\s*Yderligere information\s+(?=Bilag)", "", line)  # label and first item on one line
        stripped = line.strip()
        if re.fullmatch(r"\d{1,3}", stripped):
            continue  # bare page number
        if _BILAG_LINE.match(line):
            follows_bilag = True
            continue
        if follows_bilag and stripped and not re.search(r"[.:]$", stripped) and len(stripped.split()) <= 4 \
                and stripped[0].islower():
            continue  # the wrapped second line of a "Bilag N: …" title
        follows_bilag = False
        out.extend((w, nr) for w in words(re.sub(r"^\s*o\s+", "", line)))  # "o" marks a sub-bullet
    return _drop_label_tokens(out)


def source_words(lines: list[str], first: int, last: int) -> list[str]:
    return [w for w, _ in source_tokens(lines, first, last)]


def _drop_label_tokens(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Leave out the words of section labels ("kriterier for bevilling", …)."""
    ws = [w for w, _ in tokens]
    out = []
    i = 0
    while i < len(ws):
        for label in _LABEL_WORDS:
            if ws[i:i + len(label)] == label:
                i += len(label)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _drop_labels(ws: list[str]) -> list[str]:
    return [w for w, _ in _drop_label_tokens([(w, 0) for w in ws])]


def catalogue_words(s: Standard) -> list[str]:
    parts = [s["titel"], s["lovgrundlag"]["tekst"]]
    for felt in ("formaal", "kriterier", "indhold", "leverandoer", "kompetencekrav", "bemaerkninger"):
        if felt in s.data:
            parts.append(s[felt]["tekst"])
    yi = s["yderligere_information"]
    parts.append(yi.get("tekst", ""))
    for h in yi["henvisninger"]:
        parts += [h.get("tekst", ""), h.get("url", "")]
    tekst = "\n".join(parts).replace(IKKE_ANGIVET, " ")  # editorial placeholder, not source text
    return _drop_labels(words(tekst))


IKKE_ANGIVET = "(ikke angivet i kilden)"


def ngrams(ws: list[str], n: int) -> Counter:
    return Counter(tuple(ws[i:i + n]) for i in range(max(0, len(ws) - n + 1)))


@dataclass
class Coverage:
    standard: str
    nummer: int
    total: int
    covered: int
    missing: list[str]
    # The same, leaving out the source lines of documented word-changing repairs.
    total_outside: int
    covered_outside: int

    @property
    def ratio(self) -> float:
        return self.covered / self.total if self.total else 1.0

    @property
    def ratio_outside(self) -> float:
        return self.covered_outside / self.total_outside if self.total_outside else 1.0


def repaired_lines(s: Standard) -> set[int]:
    return {n for r in s.get("rettelser", []) if r["type"] in WORD_CHANGING
            for n in range(r["linjer"][0], r["linjer"][1] + 1)}


def coverage(s: Standard, lines: list[str], n: int = 3) -> Coverage:
    a, b = s["kilde"]["linjer"]
    cat = ngrams(catalogue_words(s), n)
    tokens = source_tokens(lines, a, b)
    grams = [(tuple(w for w, _ in tokens[i:i + n]), {nr for _, nr in tokens[i:i + n]})
             for i in range(max(0, len(tokens) - n + 1))]
    repaired = repaired_lines(s)
    ude = [g for g, nrs in grams if not nrs & repaired]
    missing = list(dict.fromkeys(" ".join(g) for g, _ in grams if g not in cat))
    return Coverage(s.id, s["nummer"], len(grams), sum(g in cat for g, _ in grams), missing,
                    len(ude), sum(g in cat for g in ude))


def report(katalog: Katalog, n: int = 3) -> list[Coverage]:
    cache: dict[str, list[str]] = {}
    out = []
    for s in katalog.standarder:
        doc = s["kilde"]["dokument"]
        lines = cache.setdefault(doc, source_lines(doc))
        out.append(coverage(s, lines, n))
    return out
