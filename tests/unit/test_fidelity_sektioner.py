"""Each section of a standard carries the words of the same section of the source.

Word coverage over the whole standard cannot see text in the wrong section (a bullet
under "Leverandør" that the source prints under "Indsatsen kan indeholde"). Here the
source is cut into sections at its labels (tests/kildesektioner.py, independent of the
catalogue), and for every standard and every section the words of the source section
must be the words of the catalogue section and of the page's section — no more, no fewer.
"""
import re
from collections import Counter

import pytest

import kildesektioner
from datetime import date

from sitegen import fidelity
from sitegen.begreber import SEKTIONER
from sitegen.markdown import tekst
from sitegen.site import byg_sider
from sitegen.stier import standard_sti
from sitegen.catalogue import indlaes_katalog

DOKUMENT = "003_a9efded0fbb87759.txt"
IKKE_ANGIVET = "(ikke angivet i kilden)"

# Page numbers of the PDF survive as bare number lines. In the standards (lines 102–10402)
# the page is about line / 43 (" 46" at line 1856, " 85" at 3603, " 161" at 7228); a bare
# number far from that is text, e.g. "114" of "servicelovens § / 114" (line 9880).
SIDER_PR_LINJE = 1 / 43


def er_sidetal(nr: int, linje: str) -> bool:
    m = re.fullmatch(r"\s*(\d{1,3})\s*", linje)
    return bool(m) and abs(int(m.group(1)) - nr * SIDER_PR_LINJE) < 25


def _ord(tekst: str) -> list[str]:
    return fidelity.words(tekst)


def kilde_ord(ls: list[tuple[int, str]]) -> Counter:
    c = Counter()
    for nr, linje in ls:
        if er_sidetal(nr, linje):
            continue
        c.update(_ord(re.sub(r"^\s*o\s+", "", linje)))  # "o" marks a sub-bullet
    return c


def orddelinger(ls: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(end of a line, start of the next): a word may be split over the line break
    ("efteruddan" / "nelse", "NF-" / "walkeren")."""
    tekst = [t for _, t in ls if t.strip()]
    par = []
    for a, b in zip(tekst, tekst[1:]):
        ma = re.search(r"(\w+)-?\s*$", a)
        mb = re.match(r"\s*([a-zæøå]\w*)", b)
        if ma and mb:
            par.append((ma.group(1).lower(), mb.group(1)))
    return par


def forskel(kilde: Counter, katalog: Counter, delinger: list[tuple[str, str]]) -> tuple[Counter, Counter]:
    mangler, ekstra = kilde - katalog, katalog - kilde
    for a, b in delinger:  # "efteruddan-" / "nelse" joined to "efteruddannelse"
        if mangler[a] and mangler[b] and ekstra[a + b]:
            mangler -= Counter([a, b])
            ekstra -= Counter([a + b])
    return mangler, ekstra


@pytest.fixture(scope="module")
def katalog():
    return indlaes_katalog()


@pytest.fixture(scope="module")
def kilde():
    return fidelity.source_lines(DOKUMENT)


@pytest.fixture(scope="module")
def sidetekst(katalog):
    return {s.sti: s.markdown for s in byg_sider(katalog, date.today())[0]}


def sektioner(s, kilde):
    a, b = s["kilde"]["linjer"]
    secs = kildesektioner.sections(kilde, a, b)
    for r in s.get("rettelser", []):
        if r["type"] == "tabt_etiket":
            kildesektioner.move_from(secs, r["felt"], r["linjer"][0])
    return secs


def side_sektion(md: str, overskrift: str) -> str:
    m = re.search(rf"^## {re.escape(overskrift)}\n(.*?)(?=^## |\Z)", md, re.M | re.S)
    return m.group(1) if m else ""


def test_the_source_has_every_label_once_per_standard(katalog, kilde):
    for s in katalog.standarder:
        secs = sektioner(s, kilde)
        assert list(secs)[:2] == ["lovgrundlag", "formaal"], s.id
        assert {"kriterier", "indhold", "leverandoer", "bemaerkninger", "yderligere_information"} <= set(secs), \
            (s["nummer"], s.id, sorted(secs))


def test_each_section_has_the_words_of_the_same_source_section(katalog, kilde, sidetekst):
    fejl = []
    for s in katalog.standarder:
        secs = sektioner(s, kilde)
        md = sidetekst[standard_sti(s.id)]
        for felt in kildesektioner.FELTER[:-1]:
            if felt not in secs:
                assert felt not in s.data, f"#{s['nummer']} {s.id}: {felt} is in the catalogue, not in the source"
                continue
            ls = secs[felt]
            src = kilde_ord(ls)
            if felt not in s.data:
                assert not src, f"#{s['nummer']} {s.id}: the source has text under {felt}; the catalogue has none"
                continue
            tekst = s[felt]["tekst"]
            if IKKE_ANGIVET in tekst:
                assert not src, f"#{s['nummer']} {s.id} {felt}: says {IKKE_ANGIVET}, the source has {dict(src)}"
            cat = Counter(_ord(tekst.replace(IKKE_ANGIVET, " ")))
            mangler, ekstra = forskel(src, cat, orddelinger(ls))
            if mangler or ekstra:
                fejl.append(f"#{s['nummer']} {s.id} {felt}: missing {dict(mangler)}, not in this source "
                            f"section {dict(ekstra)}")
            if felt != "lovgrundlag":
                overskrift = dict(SEKTIONER)[felt]
                side = Counter(_ord(side_sektion(md, overskrift).replace(IKKE_ANGIVET, " ")))
                if side != cat:
                    fejl.append(f"#{s['nummer']} {s.id} {felt}: the page's section '{overskrift}' differs from "
                                f"the catalogue: {dict(side - cat)} / {dict(cat - side)}")
    assert fejl == []


def test_no_section_opens_with_a_label(katalog):
    labels = [" ".join(filter(None, (start, cont))) for _, start, cont in kildesektioner.LABELS]
    for s in katalog.standarder:
        for felt in kildesektioner.FELTER[1:-1]:
            if felt in s.data:
                første = s[felt]["tekst"].lstrip("- \n").split("\n")[0]
                for label in labels:
                    assert not re.match(rf"{re.escape(label)}(\s|$)", første), \
                        f"#{s['nummer']} {s.id} {felt} opens with the label '{label}': {første[:60]}"


def test_the_parser_reads_labels_as_the_source_prints_them():
    linjer = ["Titel", "Lovgrundlag Serviceloven § 112.", "", "Formål At hjælpe.", "",
              "Kriterier for", "bevilling", "", "• Vurderingen foretages af ekstern", "leverandør", "",
              "Indsatsen kan", "indeholde", "• Et punkt, som vurderes af", "leverandør af hund",
              "Indsatsen kan indeholde mere tekst.", "", "Leverandør Gladsaxe Kommune.",
              "Leverandør af indkøb: privat.", "Bemærkninger Ingen.", " 46 ", "Yderligere", "information",
              "Bilag 1: Lovgrundlag"]
    secs = kildesektioner.sections(linjer, 1, len(linjer))
    tekst = {f: " ".join(t for _, t in ls).split() for f, ls in secs.items()}
    assert list(secs) == ["lovgrundlag", "formaal", "kriterier", "indhold", "leverandoer", "bemaerkninger",
                          "yderligere_information"]
    assert tekst["kriterier"][-1] == "leverandør"
    assert tekst["indhold"][-6:] == ["hund", "Indsatsen", "kan", "indeholde", "mere", "tekst."]
    assert tekst["leverandoer"] == ["Gladsaxe", "Kommune.", "Leverandør", "af", "indkøb:", "privat."]
    assert er_sidetal(1856, " 46 ") and not er_sidetal(9880, "114 ")


def bilag_citater(ls: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], set[int]]:
    """The source's "Bilag N: words" citations in a "Yderligere information" block, with a
    title's wrapped second line joined ("… direkte fra" / "Hjælpemiddeldepotet"), and the
    line numbers they take up."""
    linjer = [(nr, t.strip()) for nr, t in ls if t.strip()]
    citater: list[list] = []
    brugt: set[int] = set()
    aaben = False
    for nr, t in linjer:
        m = re.match(r"Bilag (\d+)\s*[:.]\s*(.*)", t)
        if m:
            citater.append([int(m.group(1)), m.group(2)])
            brugt.add(nr)
            aaben = True
        elif aaben and len(t.split()) <= 3 and not re.match(r"(Bilag|Se |https?:|www)", t):
            citater[-1][1] += " " + t
            brugt.add(nr)
            aaben = False
        else:
            aaben = False
    return [(n, re.sub(r"\s+", " ", w).strip()) for n, w in citater], brugt


def test_bilag_citations_keep_the_sources_words_and_nothing_else_is_made_of_them(katalog, kilde, sidetekst):
    for s in katalog.standarder:
        ls = sektioner(s, kilde)["yderligere_information"]
        citater, brugt = bilag_citater(ls)
        yi = s["yderligere_information"]
        assert [n for n, _ in citater] == [h["bilag"] for h in yi["henvisninger"] if "bilag" in h], s.id
        md = side_sektion(sidetekst[standard_sti(s.id)], "Yderligere information")
        for n, ord_ in citater:
            navn = f"Bilag {n}: {tekst(ord_)}"
            assert f"[{navn}](" in md or f"- {navn} –" in md, f"#{s['nummer']} {s.id}: '{navn}' is not the link text"
        # Running text is the block's other lines, never a piece of a Bilag title.
        rest = Counter(w for nr, t in ls if nr not in brugt for w in _ord(t))
        assert not Counter(_ord(yi.get("tekst", ""))) - rest, f"#{s['nummer']} {s.id}: {yi.get('tekst')!r}"


def test_a_link_in_the_source_is_one_link_on_the_page(katalog):
    # #117: the link text (line 9577) and its address (line 9581) are split by the extraction.
    s117 = next(s for s in katalog.standarder if s["nummer"] == 117)
    assert {"tekst": "Kvalitetsstandarder for voksne med særlige behov",
            "url": "https://gladsaxe.dk/kommunen/politik/planer-politikker-og-visioner/social-og-sundhed/"
                   "kvalitetsstandarder"} in s117["yderligere_information"]["henvisninger"]


# A hyphen before a space is the first half of a word the source split over a line break
# ("NF-" / "walkeren") unless the source prints it so inside a line ("MBT- fodtøj") or
# it is a suspended compound before "og"/"eller" ("handicap- og ældrebolig").
def test_no_word_is_left_split_at_a_line_end_hyphen(katalog, kilde, sidetekst):
    fejl = []
    for s in katalog.standarder:
        a, b = s["kilde"]["linjer"]
        inde_i_linjen = " ".join(l.strip() for l in kilde[a - 1:b])  # lines joined: a mid-line "x- y" stays
        md = sidetekst[standard_sti(s.id)]
        tekster = [md] + [s[f]["tekst"] for f in kildesektioner.FELTER[:-1] if f in s.data]
        for t in tekster:
            for m in re.finditer(r"(\S+)- ([a-zæøå]\w*)", t):
                if m.group(2) in ("og", "eller", "til"):
                    continue
                midt = [l for l in kilde[a - 1:b] if m.group(0) in l]
                if not midt:
                    fejl.append(f"#{s['nummer']} {s.id}: '{m.group(0)}'")
    assert fejl == []


def test_lines_the_source_prints_one_under_another_stay_apart(katalog, kilde):
    """#79's refund bands (lines 6491–6493) are three lines in the source, not one run of text."""
    s = next(s for s in katalog.standarder if s["nummer"] == 79)
    baand = [l.strip() for l in kilde[6490:6493]]
    assert baand[0].startswith("0-2 år") and baand[2].startswith("4-6 år")
    linjer = [l.lstrip("- ").strip() for l in s["bemaerkninger"]["tekst"].split("\n")]
    for b in baand:
        assert b in linjer, b
