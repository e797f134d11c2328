"""The navigator "Hvem har ansvaret? Region eller kommune" (calculators/ansvar.py).

The reference cases (calculators/cases/ansvar.yaml) are run by test_calculator_cases.py for
numbers, booleans and cited lines; here we check the text codes of each case (category and who
assesses, supplies, pays, instructs), the citations, the Nordjylland caveat, the dated rates and
the impossible combinations.
"""
import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

import calculators
from calculators.katalog import fra_data

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
CASES = yaml.safe_load((ROOT / "calculators" / "cases" / "ansvar.yaml").read_text("utf-8"))["cases"]
BEREGNER = calculators.BEREGNERE["ansvar"]
ALLE_NEJ = {f.id: f.startvaerdi for f in BEREGNER.felter if f.startvaerdi is not None}
D000, D001, D002 = "000_b7034effe3a86ee6.txt", "001_12cf25b66c9038a7.txt", "002_b0559527e517640d.txt"


def kilde_linjer(dokument):
    return (SEEDS / dokument).read_text("utf-8").splitlines()


def svar(dato="2025-06-01", katalog=None, **felter):
    return calculators.beregn("ansvar", ALLE_NEJ | felter | {"dato": dato}, katalog)


def poster(s):
    assert s["ok"], s.get("fejl")
    return {p["id"]: p for p in s["result"]["poster"]}


def koder(s):
    return {pid: p["vaerdi"] for pid, p in poster(s).items()}


@pytest.mark.parametrize("case", [c for c in CASES if c["forventet"]["ok"]], ids=lambda c: c["navn"])
def test_case_text_codes(case):
    raw = dict(case["input"])
    if "dato" in case:
        raw["dato"] = case["dato"].isoformat() if isinstance(case["dato"], date) else case["dato"]
    s = calculators.beregn("ansvar", raw)
    faktisk = koder(s)
    for pid, forventet in case["forventet"]["vaerdier"].items():
        assert faktisk.get(pid) == forventet, (pid, faktisk.get(pid))


def _case_svar(case):
    raw = dict(case["input"])
    if "dato" in case:
        raw["dato"] = case["dato"].isoformat() if isinstance(case["dato"], date) else case["dato"]
    return calculators.beregn("ansvar", raw)


def test_every_successful_case_states_and_gets_its_category():
    for case in (c for c in CASES if c["forventet"]["ok"]):
        forventet = case["forventet"]["vaerdier"]["kategori"]  # every case says which category it expects
        assert koder(_case_svar(case))["kategori"] == forventet, case["navn"]


def test_the_answers_to_the_cases_cover_every_category():
    """Computed by the navigator, not read from the case file."""
    kategorier = {koder(_case_svar(c))["kategori"] for c in CASES if c["forventet"]["ok"]}
    assert kategorier == {"apv", "arbejdsgange", "1.1", "1.2", "1.3", "1.4", "2.1", "3", "4.1", "4.2", "5",
                          "kompression", "ingen", "privathospital"}


def test_every_answer_has_category_who_and_legal_basis():
    for felter in ({}, {"implanteret": "ja"}, {"genoptraening": "almindelig"}, {"apv": "ja"},
                   {"kompression": "kompression", "kompression_behandling": "ingen"}):
        p = poster(svar(**felter))
        assert {"kategori", "vurderer", "leverer", "betaler", "lovgrundlag"} <= set(p), felter
        assert all(x["tekst"].strip() for x in p.values())


def test_every_step_cites_real_lines_of_a_source_document():
    for case in (c for c in CASES if c["forventet"]["ok"]):
        s = calculators.beregn("ansvar", dict(case["input"]))
        assert s["forklaring"], case["navn"]
        for t in s["forklaring"]:
            assert t["standard"] is None and t["bilag"] is None
            assert t["dokument"] in calculators.DOKUMENTER
            a, b = t["linjer"]
            linjer = kilde_linjer(t["dokument"])
            assert 1 <= a <= b <= len(linjer), (t["dokument"], a, b)
            assert " ".join(linjer[a - 1:b]).strip(), (t["dokument"], a, b)
            assert t["regel"], t["tekst"]


def test_nordjylland_rules_always_say_they_are_an_example():
    for case in (c for c in CASES if c["forventet"]["ok"]):
        s = calculators.beregn("ansvar", dict(case["input"]))
        for t in s["forklaring"]:
            if t["dokument"] == D002:
                assert "Nordjylland" in t["tekst"] and "ikke Gladsaxes" in t["tekst"], t["tekst"]
                assert t["fortolkning"] is not None
        for pid in ("instruerer", "instruerer_personale", "reparation", "tvist", "forundersoegelse"):
            p = poster(s).get(pid)
            if p:
                assert "Nordjylland" in p["tekst"] and "ikke Gladsaxes" in p["tekst"], (pid, p["tekst"])


def test_cited_lines_contain_the_rule():
    """Spot checks: the words the step rests on are at the cited lines."""
    def tekst(dokument, a, b):
        return re.sub(r"\s+", " ", " ".join(kilde_linjer(dokument)[a - 1:b]))
    assert "som indopereres" in tekst(D001, 25, 33)
    assert "indtil tilstanden er stationær" in tekst(D001, 37, 39)
    assert "imens patienten venter på sygehusbehandling" in tekst(D001, 76, 86)
    assert "skal leveres og finansieres af sygehuset (regionen)" in tekst(D001, 144, 153)
    assert "afholdes af kommunen" in tekst(D001, 166, 166)
    assert "arbejdsgiveren" in tekst(D001, 211, 218)
    assert "den instans, der skal tilrettelægge arbejdet" in tekst(D001, 195, 202)
    assert "betales af borgeren selv" in tekst(D001, 187, 187)
    assert "også hvis behandlingen varer længere end ét år" in tekst(D000, 17, 21)
    assert "skal forsynes af kommunen" in tekst(D000, 23, 29)
    assert "har ansvaret for instruktion af borgeren" in tekst(D002, 275, 277)
    assert "herunder vedligeholdelse og reparationer" in tekst(D002, 118, 119)


def test_region_keeps_compression_for_the_first_year_then_kommune():
    for maaneder, betaler in ((0, "region"), (11, "region"), (12, "kommune"), (13, "kommune"), (120, "kommune")):
        k = koder(svar(kompression="kompression", kompression_behandling="afsluttet",
                       maaneder_siden=str(maaneder), varigt_nedsat="ja", kriterium_112="nr1",
                       saedvanligt_indbo="nej"))
        assert k["betaler"] == betaler, maaneder
        if betaler == "region":
            assert k["maaneder_til_overgang"] == 12 - maaneder
            assert k["forsyning_aar"] == 1


def test_compression_steps_name_the_rates():
    s = svar(kompression="kompression", kompression_behandling="afsluttet", maaneder_siden="3")
    brugte = {sats["id"] for sats in s["result"]["satser"]}
    assert brugte == {"ansvar.kompression_regionens_forsyning", "ansvar.kompression_overgang_til_kommunen"}
    for sats in s["result"]["satser"]:
        assert sats["kilde"]["dokument"] == D000 and sats["vaerdi"] == 1


def _katalog_med(sats_id, vaerdi):
    data = json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8"))
    data = copy.deepcopy(data)
    data["satser"][sats_id]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": vaerdi, "kilde": {"dokument": D000, "linjer": [35, 39], "citat": "test"}})
    return fra_data(data)


def test_the_one_year_limit_comes_from_the_dated_rate():
    katalog = _katalog_med("ansvar.kompression_overgang_til_kommunen", 2)
    raw = dict(kompression="kompression", kompression_behandling="afsluttet", maaneder_siden="12",
               varigt_nedsat="ja", kriterium_112="nr1", saedvanligt_indbo="nej")
    assert koder(svar(dato="2025-12-31", katalog=katalog, **raw))["betaler"] == "kommune"
    k = koder(svar(dato="2026-01-01", katalog=katalog, **raw))
    assert k["betaler"] == "region" and k["maaneder_til_overgang"] == 12


def test_no_rate_before_2025_is_a_date_error():
    s = svar(dato="2024-06-01", kompression="kompression", kompression_behandling="afsluttet", maaneder_siden="3")
    assert s["ok"] is False and s["fejl"][0]["felt"] == "dato"


def test_rates_quote_the_agreement_at_their_lines():
    data = yaml.safe_load((ROOT / "catalogue" / "satser" / "ansvar.yaml").read_text("utf-8"))
    for sats_id in BEREGNER.satser:
        v = data["satser"][sats_id]["vaerdier"][0]
        assert v["kilde"]["dokument"] == D000 and v["vaerdi"] == 1
        a, b = v["kilde"]["linjer"]
        tekst = re.sub(r"\s+", " ", " ".join(kilde_linjer(D000)[a - 1:b]))
        assert v["kilde"]["citat"] in tekst
        assert "et år" in v["kilde"]["citat"] or "et års" in v["kilde"]["citat"]


@pytest.mark.parametrize("felter, felt", [
    ({"apv": "ja", "implanteret": "ja"}, "apv"),
    ({"apv": "ja", "kompression": "stoettestroempe"}, "apv"),
    ({"apv": "ja", "hoereapparat": "ja", "over_18": "nej", "oere_henvisning": "nej"}, "apv"),
    ({"implanteret": "ja", "kompression": "kompression", "kompression_behandling": "igang"}, "kompression"),
    ({"hoereapparat": "ja", "over_18": "ja", "oere_henvisning": "ja", "kompression": "stoettestroempe"},
     "hoereapparat"),
    ({"arbejdsgange": "ja", "kompression": "stoettestroempe"}, "arbejdsgange"),
])
def test_impossible_combinations_are_rejected_in_danish_next_to_the_field(felter, felt):
    s = svar(**felter)
    assert s["ok"] is False
    assert [f["felt"] for f in s["fejl"]] == [felt]
    besked = s["fejl"][0]["besked"]
    assert besked.endswith(".") and ("Ret" in besked or "ret" in besked)


def test_hidden_follow_up_questions_are_not_read():
    # "stationaer" is only asked when the aid is under the hospital's control.
    s = svar(stationaer="måske", opstart="x", maaneder_siden="-1", kriterium_112="nr9")
    assert koder(s)["kategori"] == "ingen"


def test_more_than_one_category_is_said_not_hidden():
    p = poster(svar(venter="ja", genoptraening="almindelig", varigt_nedsat="ja", kriterium_112="nr1",
                    saedvanligt_indbo="nej"))
    assert p["kategori"]["vaerdi"] == "1.4"
    tekst = p["andre_kategorier"]["tekst"]
    assert "Kategori 4.2" in tekst and "Kilderne siger ikke, hvilken kategori der går forud" in tekst
    assert "Kategori 2.1 (serviceloven). Den kommer kun i betragtning" in tekst
    assert "tvist" in p
    # Serviceloven is subsidiary (001 l. 108): with only 2.1 besides, there is no open question of order.
    p = poster(svar(implanteret="ja", varigt_nedsat="ja", kriterium_112="nr1", saedvanligt_indbo="nej"))
    assert p["kategori"]["vaerdi"] == "1.1" and "Kilderne siger ikke" not in p["andre_kategorier"]["tekst"]
    assert "tvist" not in p


def test_silences_are_stated():
    # Nursing aids after the start of care (F12), APV employer of private providers (F13),
    # specialised ambulant rehab after co-financing ends (F3).
    assert "opstart" in poster(svar(hjemmesygepleje="ja", opstart="nej"))["tavshed"]["tekst"]
    assert "privat leverandør" in poster(svar(apv="ja"))["tavshed"]["tekst"]
    assert "medfinansiering" in poster(svar(genoptraening="specialiseret_ambulant"))["tavshed"]["tekst"]


def test_field_ids_and_options_for_linking():
    felter = {f.id: f for f in BEREGNER.felter}
    # The common situations first; the staff's work-environment questions (APV) last.
    assert list(felter) == ["kompression", "kompression_behandling", "maaneder_siden",
                            "hoereapparat", "over_18", "oere_henvisning", "privathospital", "implanteret", "indlagt",
                            "hospitalskontrol", "stationaer", "apparatur_hjemme", "apparatur_oplaering", "venter",
                            "genoptraening", "speciallaege", "hjemmesygepleje", "opstart", "varigt_nedsat",
                            "kriterium_112", "saedvanligt_indbo", "anden_sektor", "apv", "arbejdsgange"]
    assert [v for v, _ in felter["genoptraening"].muligheder] == [
        "nej", "almindelig", "specialiseret_ambulant", "rehabilitering_specialiseret"]
    assert [v for v, _ in felter["kompression_behandling"].muligheder] == ["igang", "afsluttet", "ingen"]


def test_instruction_of_the_kommunes_staff_is_reachable_for_devices_under_hospital_control():
    """002 l. 278–280 names ROMbandage and special håndledsskinne: category 1.2 devices."""
    p = poster(svar(hospitalskontrol="ja", stationaer="nej"))
    assert p["instruerer_personale"]["vaerdi"] == "region"
    assert "håndledsskinne" in p["instruerer_personale"]["tekst"]


def test_private_hospitals_are_said_to_be_out_of_scope():
    s = svar(privathospital="ja", implanteret="ja")
    p = poster(s)
    assert p["kategori"]["vaerdi"] == "privathospital"
    assert "dækker kun de offentlige sygehuse" in p["uden_for"]["tekst"]
    assert "1.1" not in {x["vaerdi"] for x in p.values()}


def _kompression(**felter):
    return svar(kompression="kompression", kompression_behandling="afsluttet", **felter)


def test_the_first_year_step_counts_months_in_the_singular_and_plural_and_names_a_non_lasting_need():
    def trin(s):
        return next(t["tekst"] for t in s["forklaring"] if t["linjer"] == [35, 39])
    en = _kompression(maaneder_siden="1", varigt_nedsat="ja", kriterium_112="nr1", saedvanligt_indbo="nej")
    assert trin(en).startswith("Der er gået 1 hel måned af 12.")
    assert "om 11 måneder" in trin(en) and "ikke varigt nedsat" not in trin(en)
    to = _kompression(maaneder_siden="2", varigt_nedsat="nej")
    assert trin(to).startswith("Der er gået 2 hele måneder af 12.")
    assert "Du har svaret, at funktionsevnen ikke er varigt nedsat." in trin(to)


def test_after_the_year_the_reason_nobody_is_responsible_is_the_one_answered():
    def tekster(s):
        return " ".join(p["tekst"] for p in s["result"]["poster"])
    ikke_varigt = _kompression(maaneder_siden="12", varigt_nedsat="nej")
    assert "Du har svaret, at funktionsevnen ikke er varigt nedsat." in tekster(ikke_varigt)
    ingen_kriterier = _kompression(maaneder_siden="12", varigt_nedsat="ja", kriterium_112="ingen", saedvanligt_indbo="nej")
    assert "Du har svaret, at hjælpemidlet ikke opfylder et af kriterierne i § 112, stk. 1." in tekster(ingen_kriterier)


def test_a_catalogue_without_the_agreements_time_limit_is_a_clear_error():
    data = json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8"))
    uden = copy.deepcopy(data)
    for v in uden["satser"]["ansvar.kompression_overgang_til_kommunen"]["vaerdier"]:
        v["vaerdi"] = None
    s = svar(katalog=fra_data(uden), kompression="kompression", kompression_behandling="afsluttet",
             maaneder_siden="3")
    assert s["ok"] is False and [f["felt"] for f in s["fejl"]] == ["kompression_behandling"]
    assert "tidsgrænse" in s["fejl"][0]["besked"]
