"""The sections of a standard in the source text, found from its labels alone.

Independent of the catalogue: the sections are cut where the source prints a label,
so a test can check that each section's words are in the same section of the catalogue
and the page. A label counts only where the source prints it as a label:

- at the start of a line, with its capital letter ("Leverandør Gladsaxe Kommune …"),
  followed by a space or the end of the line — a line that begins with the word inside a
  sentence ("leverandør af førerhund") is text;
- a two-line label ("Indsatsen kan" / "indeholde") needs its second part at the start of
  the next non-blank line; the one label the source prints in lower case (#85,
  " indsatsen kan" / "indeholde") is recognised only because both lines carry nothing
  but the label;
- each label opens its section once: a later line that starts with the same words
  ("Indsatsen kan indeholde genoptræning på hold, …" inside #2's "Indsatsen kan
  indeholde") is text of the open section.
"""
from __future__ import annotations

import re

# (field, first part at the start of a line, second part on the same or the next line)
LABELS = [
    ("lovgrundlag", "Lovgrundlag", None),
    ("formaal", "Formål", None),
    ("kriterier", "Kriterier for", "bevilling"),
    ("indhold", "Indsatsen kan", "indeholde"),
    ("leverandoer", "Leverandør", None),
    ("kompetencekrav", "Kompetencekrav til", "udfører"),
    ("kompetencekrav", "Kompetencekra", "v til udfører"),  # split inside the word (line 479)
    ("bemaerkninger", "Bemærkninger", None),
    ("yderligere_information", "Yderligere", "information"),
]

FELTER = ("lovgrundlag", "formaal", "kriterier", "indhold", "leverandoer", "kompetencekrav",
          "bemaerkninger", "yderligere_information")


def _next_nonblank(lines: list[str], i: int) -> int:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _label_at(lines: list[str], i: int, last: int) -> tuple[str, int, str] | None:
    """(field, line index where the content starts, content on that line) if line i opens a label."""
    s = lines[i].lstrip()
    for felt, start, cont in LABELS:
        if s.startswith(start):
            rest = s[len(start):]
            if rest and not rest[0].isspace():
                continue  # "Formålet …", "Leverandøren …", "Kompetencekrav" read as "Kompetencekra"
            if cont is None:
                return felt, i, rest
            if rest.strip().startswith(cont):
                return felt, i, rest.strip()[len(cont):]
            if not rest.strip():
                j = _next_nonblank(lines, i)
                if j < last and lines[j].lstrip().startswith(cont):
                    return felt, j, lines[j].lstrip()[len(cont):]
        elif s.lower().startswith(start.lower()) and cont and not s[len(start):].strip():
            # A label printed in lower case: only as two lines holding nothing but the label.
            j = _next_nonblank(lines, i)
            if j < last and lines[j].strip() == cont:
                return felt, j, ""
    return None


def sections(lines: list[str], first: int, last: int) -> dict[str, list[tuple[int, str]]]:
    """{field: [(line number, text)]} for the source lines first..last (1-based, inclusive).

    Text before the first label (the title) belongs to no section.
    """
    out: dict[str, list[tuple[int, str]]] = {}
    current = None
    i = first - 1
    while i < last:
        label = _label_at(lines, i, last)
        if label and label[0] not in out:
            current, j, rest = label
            out[current] = [(j + 1, rest)]
            i = j + 1
            continue
        if current:
            out[current].append((i + 1, lines[i]))
        i += 1
    return out


def move_from(secs: dict[str, list[tuple[int, str]]], felt: str, line: int) -> None:
    """A label lost in the source (a documented `tabt_etiket` repair): `felt` starts at `line`.

    The lines from `line` to the end of the section that holds it move to `felt`.
    """
    for other, ls in secs.items():
        if other != felt and any(nr == line for nr, _ in ls):
            secs[felt] = sorted(secs.get(felt, []) + [x for x in ls if x[0] >= line])
            secs[other] = [x for x in ls if x[0] < line]
            return
