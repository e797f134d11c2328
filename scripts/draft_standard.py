"""Draft a catalogue file for one standard from the source text (an editor's aid).

    python scripts/draft_standard.py FIRST LAST --nummer N --omraade ID [--gruppe ID]

prints a YAML draft: labels found, sections re-flowed, bullets as Markdown, and
"Bilag N" lines as references. The draft is a starting point: an editor checks
it against the source, restores what the PDF extraction broke, records each
repair under `rettelser`, and runs `make check`. Nothing here is used by the
build.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from sitegen.fidelity import SEEDS

DOKUMENT = "003_a9efded0fbb87759.txt"
LABELS = [  # (field, label, second line of a label printed over two lines, or None)
    ("lovgrundlag", "Lovgrundlag", None),
    ("formaal", "Formål", None),
    ("kriterier", "Kriterier for bevilling", None),
    ("kriterier", "Kriterier for", "bevilling"),
    # ("Indsatsen kan indeholde" on one line only ever starts a sentence of text.)
    ("indhold", "Indsatsen kan", "indeholde"),
    ("leverandoer", "Leverandør", None),
    ("kompetencekrav", "Kompetencekrav til udfører", None),
    ("kompetencekrav", "Kompetencekrav til", "udfører"),
    ("bemaerkninger", "Bemærkninger", None),
    ("yderligere_information", "Yderligere information", None),
    ("yderligere_information", "Yderligere", "information"),
]


def slug(titel: str) -> str:
    s = titel.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "u"), ("ö", "oe"), ("ä", "ae")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


REQUIRED = ("formaal", "kriterier", "indhold", "leverandoer", "bemaerkninger")


def find_sections(lines: list[str], first: int, last: int, lost: dict[int, str] | None = None):
    """[(field, label line, line the content starts on, content on the label line)] in source order.

    `lost` maps a line number to the field whose label the extraction lost there.
    """
    found = []
    n = first
    while n <= last:
        text = lines[n - 1].strip()
        text = text[:1].upper() + text[1:]  # a label can start a page in lower case
        if lost and n in lost:
            found.append((lost[n], n, n, text))
            n += 1
            continue
        seen = {f for f, *_ in found}
        for field, label, second in LABELS:
            if field in seen:
                continue  # a later "Leverandør …" or "Formål …" starts a sentence, not a section
            if second is None and (text == label or text.startswith(label + " ")):
                found.append((field, n, n, text[len(label):].strip()))
                break
            if second is not None and text == label and n < len(lines) \
                    and lines[n].strip().startswith(second):
                found.append((field, n, n + 1, lines[n].strip()[len(second):].strip()))
                n += 1
                break
        n += 1
    return found


SHORT_LINE = 58  # a content line shorter than this that ends a sentence ends its paragraph


def reflow(raw: list[tuple[int, str]], joins: list[int] | None = None, punktum_lister: bool = False) -> str:
    """Join PDF lines into paragraphs and Markdown bullets.

    `raw` is (line number, text). Line numbers where text continued across a
    blank line (a split bullet or sentence) are appended to `joins`.
    """
    blocks: list[list[str]] = []  # each block: lines of one paragraph or bullet
    kinds: list[str] = []
    blank = False
    hard_break = False
    for nr, line in raw:
        t = line.strip()
        if not t or re.fullmatch(r"\d{1,3}", t):
            blank = bool(blocks)
            continue
        if t.startswith("•"):
            blocks.append([t.lstrip("• ").strip()])
            kinds.append("bullet")
        elif re.match(r"^o\s", t):
            blocks.append([t[1:].strip()])
            kinds.append("sub")
        elif re.match(r"^\d{1,2}\)\s", t) or (punktum_lister and re.match(r"^\d{1,2}\.\s", t)):
            nummer, rest = re.match(r"^(\d{1,2})[.)]\s*(.*)$", t).groups()
            blocks.append([rest.strip()])
            kinds.append(f"num{nummer}")
        elif blocks and (t[0].islower() or t[0] in "(/" or (not blank and not hard_break)):
            if blank and joins is not None:
                joins.append(nr)
            blocks[-1].append(t)
        else:
            blocks.append([t])
            kinds.append("para")
        blank = False
        in_item = kinds[-1] != "para"
        hard_break = len(t) < SHORT_LINE and (t.endswith((".", ":")) or in_item)
    out: list[str] = []
    prev = None
    for kind, block in zip(kinds, blocks):
        text = " ".join(block)
        if kind == "para" and out:
            out.append("")
        elif kind != "para" and prev == "para":
            out.append("")
        prefix = f"{kind[3:]}. " if kind.startswith("num") else {"bullet": "- ", "sub": "    - ", "para": ""}[kind]
        out.append(prefix + text)
        prev = kind
    return "\n".join(out).strip() + "\n"


def draft(first: int, last: int, nummer: int, omraade: str, gruppe: str | None,
          titel: str | None = None, grundlag: str | None = None, lost: dict[int, str] | None = None) -> dict:
    """`titel`/`grundlag`: an editorial title and what it was inferred from, for a lost title.
    `lost`: line → field, where a section label was lost in the extraction."""
    lines = (SEEDS / DOKUMENT).read_text(encoding="utf-8").split("\n")
    sections = find_sections(lines, first, last, lost)
    felter = [f for f, *_ in sections]
    for f in set(felter):
        if felter.count(f) > 1:
            print(f"warning: {f} found {felter.count(f)} times (lines "
                  f"{[n for g, n, *_ in sections if g == f]}); check the draft", file=sys.stderr)
    title_lines = [l.strip() for l in lines[first - 1:sections[0][1] - 1] if l.strip()]
    dobbelt_titel = len(title_lines) == 2 and title_lines[0] == title_lines[1]
    if dobbelt_titel:
        title_lines = title_lines[:1]
    redaktionel = not title_lines
    if not redaktionel:
        titel = " ".join(title_lines)
    elif not titel:
        titel = "[TITEL MANGLER]"
    data: dict = {
        "id": slug(titel), "nummer": nummer, "titel": titel,
        "titel_kilde": "redaktionel" if redaktionel else "kilde",
        "omraade": omraade, **({"gruppe": gruppe} if gruppe else {}),
        "gyldig_fra": "2025-01-01", "kilde": {"dokument": DOKUMENT, "linjer": [first, last]},
    }
    rettelser = []
    if redaktionel:
        rettelser.append({"felt": "titel", "linjer": [first, last], "type": "tabt_titel",
                          "beskrivelse": f"Titlen står ikke i kildeteksten; standarden begynder direkte med "
                                         f"'Lovgrundlag' (linje {sections[0][1]}). Titlen er udledt af indholdet"
                                         + (f": {grundlag}" if grundlag else f", linje {first}–{last}.")})
    elif dobbelt_titel:
        rettelser.append({"felt": "titel", "linjer": [first, sections[0][1] - 1], "type": "gentaget_tekst",
                          "beskrivelse": "Titlen står to gange i kilden; den vises én gang."})
    elif len(title_lines) > 1:
        rettelser.append({"felt": "titel", "linjer": [first, sections[0][1] - 1], "type": "andet",
                          "beskrivelse": "Titlen er ombrudt over flere linjer i kilden og er samlet til én."})
    for linje, field in (lost or {}).items():
        rettelser.append({"felt": field, "linjer": [linje, linje], "type": "tabt_etiket",
                          "beskrivelse": f"Etiketten for afsnittet gik tabt ved et sideskift; teksten fra linje "
                                         f"{linje} hører efter indholdet til dette afsnit og er flyttet hertil."})
    for i, (field, label_line, content_line, rest) in enumerate(sections):
        end = (sections[i + 1][1] - 1) if i + 1 < len(sections) else last
        while end > label_line and not lines[end - 1].strip():
            end -= 1
        numbered = ([(content_line, rest)] if rest else []) + [
            (n + 1, lines[n]) for n in range(content_line, end)]
        raw = [t for _, t in numbered]
        if field == "lovgrundlag":
            tekst = " ".join(l.strip() for l in raw if l.strip())
            if not tekst:
                tekst = "(ikke angivet i kilden)"
                rettelser.append({"felt": "lovgrundlag", "linjer": [label_line, label_line], "type": "andet",
                                  "beskrivelse": "Kilden har etiketten 'Lovgrundlag' uden tekst."})
            data[field] = {"linjer": [label_line, end], "tekst": tekst, "henvisninger": lovhenvisninger(tekst)}
        elif field == "yderligere_information":
            henv, tekst = [], []
            for l in raw:
                t = l.strip()
                m = re.match(r"Bilag (\d+)[:.]", t)
                if m:
                    henv.append({"bilag": int(m.group(1))})
                elif re.match(r"https?://", t):
                    henv.append({"tekst": t, "url": t.replace(" ", "%20")})  # a bare URL is its own link text
                elif t and not (henv and "bilag" in henv[-1] and t[0].islower()):
                    tekst.append(t)
            data[field] = {"linjer": [label_line, end], **({"tekst": " ".join(tekst)} if tekst else {}),
                           "henvisninger": henv}
        else:
            joins: list[int] = []
            tekst = reflow(numbered, joins)
            if not tekst.strip():
                if field in REQUIRED:
                    tekst = "(ikke angivet i kilden)"
                    besked = "Kilden har etiketten uden tekst; afsnittet vises som 'ikke angivet i kilden'."
                else:
                    besked = "Kilden har etiketten uden tekst; afsnittet er udeladt."
                rettelser.append({"felt": field, "linjer": [label_line, label_line], "type": "andet",
                                  "beskrivelse": besked})
                if field not in REQUIRED:
                    continue
            data[field] = {"linjer": [label_line, end], "tekst": tekst}
            if joins:
                rettelser.append({"felt": field, "linjer": [min(joins) - 2, max(joins)], "type": "delt_punkt",
                                  "beskrivelse": "Tekst delt over en tom linje i udtrækket (fortsat linje "
                                                 + ", ".join(map(str, joins)) + ") er samlet."})
    if rettelser:
        data["rettelser"] = rettelser
    return data


LOVE = [  # (pattern for the law's name as written, id in the schema)
    (r"Serviceloven", "serviceloven"),
    (r"Sundhedsloven", "sundhedsloven"),
    (r"Arbejdsmiljøloven", "arbejdsmiljoeloven"),
    (r"Lov om almene boliger", "almenboligloven"),
    (r"(?:Bekendtgørelse af )?lov om trafikselskaber", "trafikselskabsloven"),
    (r"Lov om specialundervisning for voksne", "specialundervisningsloven"),
]
_NAVNE = "|".join(f"(?P<l{i}>(?i:{p}))" for i, (p, _) in enumerate(LOVE))
# The paragraph part runs until the next capital letter (the next law or sentence).
_HENVISNING = re.compile(rf"(?:{_NAVNE})\s*(?P<rest>(?:§§?\s*[^A-ZÆØÅ]*)?)")


def lovhenvisninger(tekst: str) -> list[dict]:
    """'Serviceloven § 83, stk. 1, nr. 2' -> [{lov: serviceloven, paragraf: '83', stk: 1, nr: 2}].

    '§§ 112 og 113b' gives one entry per paragraph, 'stk. 1, 2 og 4' one per stk.;
    a basis that is not a law ('… - Nationale kliniske anbefalinger og retningslinjer')
    becomes {dokument: …}.
    """
    out: list[dict] = []
    for m in _HENVISNING.finditer(tekst):
        lov = next(LOVE[i][1] for i in range(len(LOVE)) if m.group(f"l{i}"))
        rest = m.group("rest")
        if "§" not in rest:
            out.append({"lov": lov})
            continue
        rest = rest.split("§", 1)[1].lstrip("§ ")
        stk_del = re.split(r"stk\.?", rest, maxsplit=1)
        paragraffer = ["".join(m) for m in re.findall(r"(\d+)(?!\d)\s?([a-z](?![a-z]))?", stk_del[0])]
        stk, nr = [], None
        if len(stk_del) > 1:
            nr_del = re.split(r"nr\.?", stk_del[1], maxsplit=1)
            stk = [int(x) for x in re.findall(r"\d+", nr_del[0])]
            if len(nr_del) > 1 and re.search(r"\d+", nr_del[1]):
                nr = int(re.search(r"\d+", nr_del[1]).group())
        for p in paragraffer:
            for st in (stk or [None]):
                h = {"lov": lov, "paragraf": p}
                if st:
                    h["stk"] = st
                if nr and len(stk) == 1:
                    h["nr"] = nr
                out.append(h)
    for dok in re.findall(r"-\s*(Nationale kliniske anbefalinger og retningslinjer)", tekst):
        if {"dokument": dok} not in out:
            out.append({"dokument": dok})
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, s):
    return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None)


_Dumper.add_representer(str, _str)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("first", type=int)
    p.add_argument("last", type=int)
    p.add_argument("--nummer", type=int, required=True)
    p.add_argument("--omraade", required=True)
    p.add_argument("--gruppe")
    p.add_argument("--titel", help="editorial title, when the source lost it")
    p.add_argument("--grundlag", help="what the editorial title was inferred from (with line numbers)")
    p.add_argument("--tabt-etiket", action="append", default=[], metavar="FELT:LINJE",
                   help="a section label lost in the extraction, e.g. bemaerkninger:5148")
    a = p.parse_args()
    lost = {int(x.split(":")[1]): x.split(":")[0] for x in a.tabt_etiket}
    d = draft(a.first, a.last, a.nummer, a.omraade, a.gruppe, a.titel, a.grundlag, lost)
    sys.stdout.write(yaml.dump(d, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
