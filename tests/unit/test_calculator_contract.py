"""The public contract: `python -m calculators list|run`, JSON in and out."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import calculators

ROOT = Path(__file__).resolve().parents[2]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "calculators", *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_list_prints_every_calculator_with_danish_labelled_inputs():
    proc = cli("list")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert [b["id"] for b in data] == list(calculators.BEREGNERE)
    diabetes = next(b for b in data if b["id"] == "diabetes")
    felter = {f["id"]: f for f in diabetes["felter"]}
    assert felter["behandling"]["type"] == "valg"
    assert {m["vaerdi"] for m in felter["behandling"]["muligheder"]} >= {"tablet", "insulin", "glukosemaaling"}
    assert felter["strimler_ansoegt"]["enhed"] == "stk."
    assert felter["strimler_ansoegt"]["min"] == 0
    assert all(f["label"] for f in diabetes["felter"])


def test_run_ok_prints_result_and_explanation():
    proc = cli("run", "diabetes", "--json", json.dumps(
        {"behandling": "tablet", "strimler_hidtil": "0", "strimler_ansoegt": "200",
         "lancetter_hidtil": "0", "lancetter_ansoegt": "10", "dato": "2025-05-01"}))
    assert proc.returncode == 0, proc.stderr
    svar = json.loads(proc.stdout)
    assert svar["ok"] is True
    poster = {p["id"]: p["vaerdi"] for p in svar["result"]["poster"]}
    assert poster["strimler_bevilget"] == 150 and poster["strimler_over_kvote"] == 50
    trin = svar["forklaring"][0]
    assert trin["standard"]["nummer"] == 39 and trin["linjer"] == [3075, 3077]
    assert trin["sats"]["vaerdi"] == 150 and trin["sats"]["gyldig_fra"] == "2025-01-01"
    assert "ikke en afgørelse" in svar["result"]["vejledning"]


def test_run_bad_input_exits_2_with_danish_field_messages():
    proc = cli("run", "diabetes", "--json", '{"behandling": "tablet", "strimler_hidtil": "x"}')
    assert proc.returncode == 2
    svar = json.loads(proc.stdout)
    assert svar["ok"] is False
    beskeder = {f["felt"]: f["besked"] for f in svar["fejl"]}
    assert beskeder["strimler_hidtil"].startswith("Skriv et helt tal")
    # The quantity asked for may be left out (the answer is then what is left of the quota).
    assert "strimler_ansoegt" not in beskeder
    assert proc.stderr == ""


def test_run_unparseable_json_and_unknown_calculator_are_plain_errors():
    proc = cli("run", "diabetes", "--json", "{not json")
    assert proc.returncode == 2 and json.loads(proc.stdout)["fejl"][0]["felt"] == "input"
    proc = cli("run", "nope", "--json", "{}")
    assert proc.returncode == 2 and "ingen beregner" in json.loads(proc.stdout)["fejl"][0]["besked"]


def test_unknown_field_and_bad_date_are_reported():
    svar = calculators.beregn("diabetes", {"behandling": "insulin", "apparat": "ingen", "farve": "blå"})
    assert svar["fejl"] == [{"felt": "farve", "besked": "Ukendt felt."}]
    svar = calculators.beregn("diabetes", {"behandling": "insulin", "apparat": "ingen", "dato": "31-12-2025"})
    assert svar["fejl"][0]["felt"] == "dato"


def test_rate_is_taken_on_the_date_asked_about():
    from calculators.katalog import fra_data
    import copy
    data = copy.deepcopy(_katalog_data())
    data["satser"]["diabetes.teststrimler_og_lancetter_pr_aar"]["vaerdier"].append(
        {"gyldig_fra": "2026-01-01", "vaerdi": 200, "kilde": {"linjer": [1, 1], "citat": "test"}})
    katalog = fra_data(data)
    raw = {"behandling": "tablet", "strimler_hidtil": "0", "strimler_ansoegt": "500",
           "lancetter_hidtil": "0", "lancetter_ansoegt": "0"}
    def bevilget(dato):
        svar = calculators.beregn("diabetes", raw | {"dato": dato}, katalog)
        return {p["id"]: p["vaerdi"] for p in svar["result"]["poster"]}["strimler_bevilget"]
    assert bevilget("2025-12-31") == 150
    assert bevilget("2026-01-01") == 200
    svar = calculators.beregn("diabetes", raw | {"dato": "2024-12-31"}, katalog)
    assert svar["ok"] is False and svar["fejl"][0]["felt"] == "dato"


def _katalog_data():
    return json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8"))


def test_a_step_without_a_source_is_refused():
    import pytest
    from calculators.model import Resultat
    r = Resultat("x")
    with pytest.raises(ValueError):
        r.forklar("Uden kilde", None, (1, 1))
    r.forklar("Med bilag", None, (1, 1), bilag=4)
    assert len(r.trin) == 1


def test_every_declared_rate_is_a_rate_in_the_catalogue():
    from calculators.katalog import indlaest
    satser = indlaest().satser
    for b in calculators.BEREGNERE.values():
        for s in b.satser:
            assert isinstance(s, str) and s in satser, (b.id, s)


# The page shows a result's first row as the answer, in one line (beregner.js). What the reader
# asked, from the calculator's question: not the age, price or size difference that leads up to it.
@pytest.mark.parametrize("beregner_id, indtastet, svar", [
    ("beklaedning", {"samme_varekategori": "ja", "pris_valgt": "1.800", "pris_bedst_billigst": "1.200",
                     "almindeligt_tilsvarende": "ja", "pris_almindelig": "600"}, ("tilskud", "600,00 kr.")),
    ("forebyggende_hjemmebesoeg", {"foedselsdato": "1950-09-01", "besoegsdato": "2025-03-01",
                                   "hjemmehjaelp": "ingen", "bor_alene": "nej", "situation": "ingen"}, ("tilbydes", None)),
    ("foererhund", {"anden_kommune": "ja", "koebspris": "200.000", "placeringsdato": "2023-03-01",
                    "omplaceringsdato": "2025-02-28"}, ("refusion", None)),
    ("flexhandicap", {"alder": "70", "ture_brugt": "110", "ture_oensket": "3", "ledsagere": "0", "medbring": "nej",
                      "koeretoej": "nej", "trappe": "nej"}, ("ture_tilbage", None)),
    ("flexhandicap", {"alder": "12", "ture_brugt": "0", "ture_oensket": "3", "ledsagere": "0", "medbring": "nej",
                      "koeretoej": "nej", "trappe": "nej"}, ("maalgruppe", None)),
    # A support stocking under § 112: the compression agreement's scope note must not lead.
    ("ansvar", {"kompression": "stoettestroempe", "hoereapparat": "nej", "privathospital": "nej",
                "implanteret": "nej", "indlagt": "nej", "hospitalskontrol": "nej", "stationaer": "nej",
                "genoptraening": "nej", "speciallaege": "nej", "hjemmesygepleje": "nej", "varigt_nedsat": "ja",
                "kriterium_112": "nr1", "saedvanligt_indbo": "nej", "anden_sektor": "nej", "apv": "nej",
                "dato": "2026-12-04"}, ("kategori", "Kategori 2.1: Hjælpemiddel efter serviceloven")),
])
def test_the_first_row_of_a_result_answers_the_readers_question(beregner_id, indtastet, svar):
    out = calculators.beregn(beregner_id, indtastet)
    assert out["ok"], out
    foerste = out["result"]["poster"][0]
    assert foerste["id"] == svar[0], [p["id"] for p in out["result"]["poster"]]
    if svar[1]:
        assert foerste["tekst"] == svar[1]


def test_a_missing_amount_is_asked_for_in_plain_danish_with_the_date_written_out():
    out = calculators.beregn("diabetes", {"behandling": "insulin", "apparat": "foerste", "apparat_pris": "400",
                                          "dato": "2025-03-04"})
    besked = next(f["besked"] for f in out["fejl"] if f["felt"] == "standardpris")
    assert "håndbogen har det ikke for 4. marts 2025" in besked, besked
    assert "kataloget" not in besked.lower() and "04.03.2025" not in besked
