"""Bilag 4 (Tidsfrister): the data in catalogue/frister.yaml, the deadline calculator and the
"Tidsfrister" section of a standard's page.

Expected dates are counted by hand on a calendar (see calculators/cases/frister.yaml for more).
"""
import re
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

import calculators
from calculators.frister import BEREGNER

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from sitegen.catalogue import indlaes_katalog  # noqa: E402
from sitegen.frister_sider import frister_afsnit  # noqa: E402
from sitegen.redaktoer import _raekker, advarsler  # noqa: E402

KILDE = (ROOT.parent / "shared" / "seeds" / "003_a9efded0fbb87759.txt")
DATA = yaml.safe_load((ROOT / "catalogue" / "frister.yaml").read_text(encoding="utf-8"))
TALORD = {"en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "syv": 7, "ti": 10}


@pytest.fixture(scope="module")
def katalog():
    return indlaes_katalog()


def _alle_raekker():
    return DATA["frister"] + DATA["borgerens_frister"]


def _tekster(node, sti=()):
    if isinstance(node, dict):
        if "tekst" in node and "linjer" in node:
            yield sti, node
        for k, v in node.items():
            yield from _tekster(v, sti + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _tekster(v, sti + (i,))


def test_every_text_is_verbatim_at_its_lines():
    assert KILDE.exists(), f"the source text is not beside the repository: {KILDE}"
    linjer = KILDE.read_text(encoding="utf-8").split("\n")
    uden_mellemrum = lambda t: re.sub(r"\s+", "", t)  # noqa: E731 - PDF line breaks and split words
    for sti, node in _tekster(DATA):
        a, b = node["linjer"]
        assert a <= b, sti
        assert uden_mellemrum(node["tekst"]) in uden_mellemrum(" ".join(linjer[a - 1:b])), sti


def test_cell_lines_lie_inside_their_row():
    for r in _alle_raekker():
        a, b = r["linjer"]
        for noegle in ("titel", "lovgrundlag", "afgoerelse", "start", "kommentar", "frist"):
            celle = r.get(noegle)
            if celle:
                assert a <= celle["linjer"][0] <= celle["linjer"][1] <= b, (r["id"], noegle)


def test_every_structured_deadline_is_a_number_in_its_text():
    for r in _alle_raekker():
        for noegle in ("afgoerelse", "start", "kommentar", "frist"):
            celle = r.get(noegle) or {}
            ord_ = re.findall(r"\w+", celle.get("tekst", "").lower())
            tal = {int(w) for w in ord_ if w.isdigit()} | {TALORD[w] for w in ord_ if w in TALORD}
            if "dagen" in ord_ and "efter" in ord_:  # "senest dagen efter"
                tal.add(1)
            for f in celle.get("frister", []):
                if f["enhed"] == "straks":
                    assert "straks" in ord_, (r["id"], noegle)
                elif f["enhed"] == "samme_dag":
                    assert "samme" in ord_ and "dag" in ord_, (r["id"], noegle)
                else:
                    assert f["antal"] in tal, (r["id"], noegle, f)


def test_ids_and_rules_are_unique_and_sub_rows_point_at_a_row():
    ids = [r["id"] for r in _alle_raekker()]
    assert len(ids) == len(set(ids))
    regler = [r["regel"] for r in _alle_raekker()]
    assert len(regler) == len(set(regler))
    for r in _alle_raekker():
        if "under" in r:
            assert r["under"] in ids and r["under"] != r["id"]


def test_every_standard_has_a_row_and_the_default_row_is_10_working_days(katalog):
    med_frist = {s for r in DATA["frister"] for s in r["standarder"]}
    assert med_frist == {s.id for s in katalog.standarder}
    oevrige = next(r for r in DATA["frister"] if r["id"] == "oevrige")
    assert oevrige["regel"] == "R-B4-0" and oevrige["linjer"] == [11639, 11640]
    assert oevrige["afgoerelse"]["frister"] == [{"antal": 10, "enhed": "arbejdsdage"}]
    # a standard with its own row is not also given the default row
    egne = {s for r in DATA["frister"] if r["id"] != "oevrige" for s in r["standarder"]}
    assert not egne & set(oevrige["standarder"])


def test_the_editor_warning_finds_the_rows(katalog):
    assert len(_raekker(katalog.data["frister"])) == len(DATA["frister"])
    fund = [f for f in advarsler(katalog, calculators.BEREGNERE) if "deadline table" in f.besked]
    assert fund == []


def test_the_deadlines_are_exported_to_the_calculators():
    assert calculators.indlaest().data["frister"]["frister"][0]["id"] == "oevrige"


# --- The calculator ------------------------------------------------------------------------

def _svar(**raw):
    return calculators.beregn("frister", raw)


def _poster(svar):
    assert svar["ok"], svar
    return {p["id"]: p for p in svar["result"]["poster"]}


def test_the_options_are_the_rows_of_bilag_4():
    valg = next(f for f in BEREGNER.felter if f.id == "ansoegningstype")
    assert [v for v, _ in valg.muligheder] == [r["id"] for r in DATA["frister"]]
    labels = dict(valg.muligheder)
    assert labels["personlig-pleje-ny-leverandoer"] == "Hjælp til personlig pleje – Ny leverandør"
    assert labels["noedkald"] == "Nødkald (SEL 112)"


def test_rehabilitation_across_easter_and_the_given_decision_date():
    # Vederlagsfri fysioterapi: 10 arbejdsdage fra tor 10/4 2025: 11, 14, 15, 16, 22, 23, 24, 25,
    # 28, 29/4. Afgørelse truffet 14/4: kontakt inden 3 arbejdsdage = 15, 16, 22/4;
    # start inden 10 = 15, 16, 22, 23, 24, 25, 28, 29, 30/4, 1/5 (1. maj er ikke en helligdag).
    p = _poster(_svar(ansoegningstype="vederlagsfri-fysioterapi", modtaget="2025-04-10",
                      afgoerelse_dato="2025-04-14"))
    assert p["afgoerelse"]["vaerdi"] == "2025-04-29"
    assert p["start_1"]["vaerdi"] == "2025-04-22"
    assert p["start_2"]["vaerdi"] == "2025-05-01"
    assert p["start_1"]["label"] == "Borgeren er kontaktet senest"


def test_text_only_deadlines_have_no_date_and_quote_the_source():
    p = _poster(_svar(ansoegningstype="selvudpeget-hjaelp", modtaget="2025-03-03"))
    assert p["start"]["vaerdi"] is None
    assert "Umiddelbart efter ansættelse af den selvudpegede medarbejder" in p["start"]["tekst"]
    p = _poster(_svar(ansoegningstype="socialpaedagogisk-stoette", modtaget="2025-03-03"))
    assert p["afgoerelse"]["vaerdi"] is None and "voksne med særlige behov" in p["afgoerelse"]["tekst"]


def test_the_explanation_names_the_holidays_skipped_and_the_interpretations():
    svar = _svar(ansoegningstype="praktisk-hjaelp", modtaget="2025-12-19")
    tekster = " ".join(t["tekst"] for t in svar["forklaring"])
    assert "juledag 25. december 2025" in tekster and "nytårsdag 1. januar 2026" in tekster
    assert all(t["bilag"] == 4 and t["regel"] == "R-B4-7" for t in svar["forklaring"])
    fortolkninger = {t["fortolkning"]["id"] for t in svar["forklaring"] if t["fortolkning"]}
    assert {"arbejdsdage", "start-fra-afgoerelse"} <= fortolkninger
    arbejdsdage = next(f for f in BEREGNER.fortolkninger if f.id == "arbejdsdage")
    assert "Grundlovsdag, juleaftensdag og nytårsaftensdag" in arbejdsdage.tekst


def test_conflicting_rows_for_a_car_adaptation_are_both_available_and_flagged():
    a = _poster(_svar(ansoegningstype="saerlig-indretning", modtaget="2025-03-03"))
    b = _poster(_svar(ansoegningstype="saerlige-indretninger-i-bil", modtaget="2025-03-03"))
    assert a["afgoerelse_1"]["vaerdi"] > b["afgoerelse_1"]["vaerdi"]
    svar = _svar(ansoegningstype="saerlige-indretninger-i-bil", modtaget="2025-03-03")
    assert any(t["fortolkning"] and t["fortolkning"]["id"] == "saerlig-indretning-a21"
               for t in svar["forklaring"])


def test_a_decision_before_the_receipt_date_is_refused_in_danish():
    svar = _svar(ansoegningstype="daghjem", modtaget="2025-03-10", afgoerelse_dato="2025-03-07")
    assert svar["ok"] is False
    assert svar["fejl"][0]["felt"] == "afgoerelse_dato"
    assert "før" in svar["fejl"][0]["besked"]


def test_every_row_computes_for_any_weekday_of_a_year():
    for r in DATA["frister"]:
        for d in (date(2025, 1, 1), date(2025, 4, 17), date(2025, 12, 24), date(2100, 12, 31)):
            svar = _svar(ansoegningstype=r["id"], modtaget=d.isoformat())
            assert svar["ok"], (r["id"], d, svar)
            for p in svar["result"]["poster"]:
                if p["vaerdi"] is not None:
                    assert p["vaerdi"] >= d.isoformat(), (r["id"], p)


# --- The section of a standard's page ----------------------------------------------------------

def test_section_for_a_standard_with_its_own_rows(katalog):
    md = "\n".join(frister_afsnit(katalog, "plejebolig", "standarder/plejebolig.md"))
    assert md.startswith("## Tidsfrister")
    assert "| Plejebolig (Lov om almene boliger §54 §57) | 20 arbejdsdage. |" in md
    assert "Indenfor 2 måneder tilbydes bolig" in md
    assert "| Plejebolig | Frist fra tilbudt pleje- eller demensplejebolig" in md
    assert "(../bilag/bilag-4.md)" in md


def test_section_for_a_standard_under_the_default_row(katalog):
    md = "\n".join(frister_afsnit(katalog, "foererhund", "standarder/foererhund.md"))
    assert "gælder der en sagsbehandlingstid på 10 arbejdsdage" in md
    assert "ingen særskilt række" in md


def test_section_flags_the_conflict_once_and_is_empty_for_an_unknown_standard(katalog):
    md = "\n".join(frister_afsnit(katalog, "saerlig-indretning-af-bil", "standarder/x.md"))
    assert md.count("Bemærk:") == 1 and "125 arbejdsdage" in md and "60 arbejdsdage" in md
    assert frister_afsnit(katalog, "findes-ikke", "standarder/x.md") == []
