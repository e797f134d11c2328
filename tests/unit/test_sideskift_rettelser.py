"""Structure the source does not show is a recorded repair.

The source marks a paragraph with a blank line. Where a page of the PDF begins, the
extraction starts the line with one space and often drops the blank line before it
(line 603: "… egenomsorg og handlekompetence." / " Der udarbejdes mål og handleplan …").
Reading such a line as a new paragraph is a repair of the source (`sideskift`), and like
every repair it is recorded in the standard's `rettelser`, so a reader can see it under
"Om teksten". This test finds every such line from the source alone and checks that where
the catalogue starts a paragraph or list item at it, a repair covers the line. In the same
way, a list item in the catalogue whose line has no bullet in the source (#79: three lines
"0-2 år: 75 % af købsprisen" …) is a recorded repair.
"""
import re

import pytest

import kildesektioner
from sitegen import fidelity
from sitegen.catalogue import indlaes_katalog

DOKUMENT = "003_a9efded0fbb87759.txt"
PUNKT = re.compile(r"\s*(•|o\s|-\s|\d+\))")
# A law's subsection ("Stk. 2.") begins a line of its own in Bilag 1's law texts, with or
# without a blank line before it, on a page start or not: it is the law's structure, like a bullet.
STK = re.compile(r"\s*Stk\. \d+\.")
ORD_I_START = 4


def sidestarter(ls: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines of a source section that begin a page (one leading space) right after a
    line of text: no blank line, no bullet and no bare page number shows a break there."""
    ud = []
    for (_, forrige), (nr, linje) in zip(ls, ls[1:]):
        if not re.match(r" \S", linje) or PUNKT.match(linje) or STK.match(linje):
            continue
        if not forrige.strip() or re.fullmatch(r"\s*\d{1,3}\s*", forrige):
            continue
        ud.append((nr, linje.strip()))
    return ud


def aabner_afsnit(tekst: str, linje: str) -> bool:
    """Whether the catalogue's text starts a paragraph or a list item with the line's first words."""
    start = " ".join(linje.split()[:ORD_I_START])
    for blok in re.split(r"\n\s*\n", tekst):
        for del_ in re.split(r"\n(?=\s*(?:- |\d+\. ))", blok):
            if " ".join(re.sub(r"^\s*(?:- |\d+\. )", "", del_).split()).startswith(start):
                return True
    return False


def daekket(s, felt: str, nr: int) -> bool:
    """Whether a repair of this section records line `nr` (a repair of the title covers the
    whole standard's lines, and says nothing of its sections)."""
    return any(r["felt"] == felt and r["linjer"][0] <= nr <= r["linjer"][1] for r in s.get("rettelser", []))


@pytest.fixture(scope="module")
def kilde():
    return fidelity.source_lines(DOKUMENT)


def ikke_registreret(kilde, fund) -> list[str]:
    """For every section of every standard with text, the source lines `fund(tekst, lines)` finds
    that no repair of that section covers, as "#nr id section, linje n: 'text'"."""
    mangler = []
    for s in indlaes_katalog().standarder:
        a, b = s["kilde"]["linjer"]
        for felt, ls in kildesektioner.sections(kilde, a, b).items():
            tekst = s.data.get(felt, {}).get("tekst")
            if not tekst:
                continue  # yderligere_information is links, checked elsewhere
            mangler += [f"#{s['nummer']} {s.id} {felt}, linje {nr}: {linje[:50]!r}"
                        for nr, linje in fund(tekst, ls) if not daekket(s, felt, nr)]
    return mangler


def afsnit_ved_sidestart(tekst: str, ls: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The page-start lines the catalogue shows as a new paragraph or list item."""
    return [(nr, linje) for nr, linje in sidestarter(ls) if aabner_afsnit(tekst, linje)]


def test_every_paragraph_made_at_a_page_start_is_a_recorded_repair(kilde):
    mangler = ikke_registreret(kilde, afsnit_ved_sidestart)
    assert mangler == [], "new paragraphs at a page start with no recorded repair:\n" + "\n".join(mangler)


def punkter_uden_punkttegn(tekst: str, ls: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The source lines the catalogue shows as list items although the source prints no bullet."""
    ud = []
    for punkt in re.findall(r"^\s*(?:- |\d+\. )(.+)$", tekst, re.M):
        start = " ".join(punkt.split()[:ORD_I_START])
        for nr, linje in ls:
            if " ".join(PUNKT.sub("", linje, count=1).split()).startswith(start):
                if not PUNKT.match(linje):
                    ud.append((nr, linje.strip()))
                break
    return ud


def test_every_list_item_without_a_bullet_in_the_source_is_a_recorded_repair(kilde):
    mangler = ikke_registreret(kilde, punkter_uden_punkttegn)
    assert mangler == [], "list items with no bullet in the source and no recorded repair:\n" + "\n".join(mangler)


def test_the_check_sees_a_paragraph_made_at_a_page_start():
    kildelinjer = [(10, "Første afsnit slutter her."), (11, " Nyt afsnit på ny side."),
                   (12, "fortsat tekst."), (13, ""), (14, " Efter en tom linje."),
                   (15, "• Et punkt"), (16, " Efter et punkt.")]
    assert sidestarter(kildelinjer) == [(11, "Nyt afsnit på ny side."), (16, "Efter et punkt.")]
    assert aabner_afsnit("Første afsnit slutter her.\n\nNyt afsnit på ny side.\nfortsat tekst.",
                         " Nyt afsnit på ny side.")
    assert not aabner_afsnit("Første afsnit slutter her. Nyt afsnit på\nny side. fortsat tekst.",
                             " Nyt afsnit på ny side.")
    assert aabner_afsnit("- Et punkt\n- Efter et punkt.", " Efter et punkt.")


def test_the_check_sees_a_list_made_of_plain_lines():
    kildelinjer = [(20, "inden for følgende brugsperioder: "), (21, "0-2 år: 75 % af købsprisen "),
                   (22, "• Et rigtigt punkt "), (23, "1) Et nummereret punkt")]
    tekst = "inden for følgende brugsperioder:\n\n- 0-2 år: 75 % af købsprisen\n- Et rigtigt punkt\n1. Et nummereret punkt"
    assert punkter_uden_punkttegn(tekst, kildelinjer) == [(21, "0-2 år: 75 % af købsprisen")]


def test_every_paragraph_made_at_a_page_start_in_an_appendix_is_a_recorded_repair(kilde):
    """The same in the appendices' running text. Their repairs name no section, and some
    cover a whole appendix (lost figures), so here the repair must be a `sideskift`."""
    mangler = []
    for nummer, b in sorted(indlaes_katalog().bilag.items()):
        rettelser = (b.get("tekst") or {}).get("rettelser", [])
        for afsnit in (b.get("tekst") or {}).get("afsnit", []):
            if not afsnit.get("tekst"):
                continue
            a, z = afsnit["linjer"]
            ls = [(nr, kilde[nr - 1]) for nr in range(a, z + 1)]
            foerste = " ".join(afsnit["tekst"].split()[:ORD_I_START])
            for nr, linje in sidestarter(ls):
                if afsnit.get("overskrift") and " ".join(linje.split()[:ORD_I_START]) == foerste:
                    continue  # the section's first paragraph, after its heading
                if aabner_afsnit(afsnit["tekst"], linje) and not any(
                        r["type"] == "sideskift" and r["linjer"][0] <= nr <= r["linjer"][1] for r in rettelser):
                    mangler.append(f"Bilag {nummer}, linje {nr}: {linje[:50]!r}")
    assert mangler == [], "new paragraphs at a page start with no recorded repair:\n" + "\n".join(mangler)
