"""The catalogue carries the source text faithfully (../shared/seeds/003_…txt).

Every standard of the source is in the catalogue, its words are on its page,
and every number in the catalogue is in the source at the lines it cites.
"""
import re

import pytest

from sitegen import fidelity
from sitegen.catalogue import indlaes_katalog

DOKUMENT = "003_a9efded0fbb87759.txt"


@pytest.fixture(scope="module")
def kilde():
    return fidelity.source_lines(DOKUMENT)


@pytest.fixture(scope="module")
def katalog():
    return indlaes_katalog()


def test_every_standard_in_the_source_is_in_the_catalogue(kilde, katalog):
    # A standard is a "Lovgrundlag" label before the appendices. The appendix heading
    # "Bilag 1: Lovgrundlag" is the first such line followed by prose, not by "Bilag 2: …".
    bilag_start = next(i for i, l in enumerate(kilde, 1) if l.strip() == "Bilag 1: Lovgrundlag"
                       and not kilde[i].strip().startswith("Bilag"))
    labels = [i for i, l in enumerate(kilde[:bilag_start - 1], 1) if l.strip().startswith("Lovgrundlag")]
    assert len(labels) == len(katalog.standarder)
    assert sorted(s["nummer"] for s in katalog.standarder) == list(range(1, len(labels) + 1))
    for s, label in zip(katalog.standarder, labels):
        a, b = s["kilde"]["linjer"]
        assert a <= label <= b, f"#{s['nummer']} {s.id}: its Lovgrundlag (line {label}) is outside {a}–{b}"


def test_source_titles_are_the_sources_words(kilde, katalog):
    for s in katalog.standarder:
        if s["titel_kilde"] != "kilde":
            continue
        a, _ = s["kilde"]["linjer"]
        omkring = " ".join(kilde[a - 1:s["lovgrundlag"]["linjer"][0]])
        assert set(fidelity.words(s["titel"])) <= set(fidelity.words(omkring)), s.id


def test_word_coverage_per_standard_and_in_total(katalog, capsys):
    rows = fidelity.report(katalog)
    total = sum(r.total for r in rows)
    covered = sum(r.covered for r in rows)
    ude = sum(r.covered_outside for r in rows) / sum(r.total_outside for r in rows)
    with capsys.disabled():
        print(f"\nsource word 3-gram coverage: {covered}/{total} = {covered / total:.2%} over {len(rows)} "
              f"standards, {ude:.2%} outside documented repairs; lowest: "
              + ", ".join(f"#{r.nummer} {r.ratio:.1%}" for r in sorted(rows, key=lambda r: r.ratio)[:3]))
    for r in rows:
        assert r.ratio_outside >= 0.99, f"#{r.nummer} {r.standard}: {r.ratio_outside:.2%}; missing {r.missing[:5]}"
    assert covered / total >= 0.99 and ude >= 0.995


def _tal(tekst: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)*", tekst))


def test_every_number_in_a_section_is_in_its_source_lines(kilde, katalog):
    for s in katalog.standarder:
        for felt in ("lovgrundlag", "formaal", "kriterier", "indhold", "leverandoer", "kompetencekrav",
                     "bemaerkninger"):
            if felt not in s.data:
                continue
            a, b = s[felt]["linjer"]
            i_kilden = _tal(" ".join(kilde[a - 1:b]))
            ekstra = _tal(s[felt]["tekst"]) - i_kilden
            # Markdown list numbers ("1. ") stand for the source's "1)".
            ekstra -= {m for m in re.findall(r"^\s*(\d{1,2})\. ", s[felt]["tekst"], re.M)}
            assert not ekstra, f"#{s['nummer']} {s.id} {felt}: {sorted(ekstra)} not in lines {a}–{b}"


def test_every_rate_value_is_in_the_source_at_its_lines(kilde, katalog):
    for sats_id, sats in katalog.satser.items():
        for v in sats["vaerdier"]:
            a, b = v["kilde"]["linjer"]
            dokument = v["kilde"].get("dokument")
            linjer = kilde if dokument is None else fidelity.source_lines(dokument)
            tekst = " ".join(linjer[a - 1:b])
            assert re.sub(r"\s+", " ", v["kilde"]["citat"]) in re.sub(r"\s+", " ", tekst), sats_id
            if v["vaerdi"] is not None:
                assert str(v["vaerdi"]) in _tal(tekst), f"{sats_id}: {v['vaerdi']} not in lines {a}–{b}"


def test_front_matter_carries_every_word_of_lines_1_to_100(kilde, katalog):
    cat = " ".join(" ".join([s["titel"]] + [a.get("overskrift", "") + " " + a["tekst"] for a in s["afsnit"]])
                   for s in katalog.indledning)
    src = fidelity.ngrams(fidelity.words(" ".join(kilde[0:100])), 3)
    have = fidelity.ngrams(fidelity.words(cat), 3)
    missing = [g for g in src if g not in have]
    assert missing == []


def test_appendix_texts_carry_every_word_of_their_lines(kilde, katalog):
    tekster = {n: b["tekst"] for n, b in katalog.bilag.items() if b.get("tekst")}
    assert {2, 5, 6, 11, 12} <= set(tekster)
    for n, t in tekster.items():
        a, b = katalog.bilag[n]["linjer"]
        cat = fidelity.words(katalog.bilag[n]["titel"] + " " + " ".join(
            x.get("overskrift", "") + " " + x["tekst"] for x in t["afsnit"]))
        src = fidelity.ngrams(fidelity.words(" ".join(kilde[a - 1:b]).replace(f"Bilag {n}:", "")), 3)
        have = fidelity.ngrams(cat, 3)
        assert [g for g in src if g not in have] == [], f"Bilag {n}"
