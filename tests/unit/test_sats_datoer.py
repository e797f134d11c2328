"""A date no rate covers: a Danish field error in the calculators, an error in `make check`,
and a failed build that leaves the committed calculators/data/katalog.json as it was."""
import copy
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import calculators
from beregnerhjaelp import KATALOG_JSON
from calculators.katalog import fra_data

ROOT = Path(__file__).resolve().parents[2]
DIABETES = "satser/diabetes.yaml"
STANDARDPRIS = "  diabetes.standardpris_blodsukkerapparat:"


def cli(*args):
    return subprocess.run([sys.executable, "-m", "calculators", *args], cwd=ROOT, capture_output=True, text=True)


# Every rate in the catalogue starts on 1 January 2025, when the 2025 standards took effect.
MED_SATSER = [b.id for b in calculators.BEREGNERE.values() if b.satser]


@pytest.mark.parametrize("beregner", MED_SATSER)
def test_a_date_before_every_rate_is_a_field_error_saying_which_dates_work(beregner):
    proc = cli("run", beregner, "--json", '{"dato": "2024-12-31"}')
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ""
    svar = json.loads(proc.stdout)
    assert svar == {"ok": False, "fejl": [{"felt": "dato", "besked": (
        "Beregneren har ikke de satser, der gælder den 31. december 2024. Vælg en dato fra 1. januar 2025.")}]}


def test_the_first_day_of_the_rates_is_accepted():
    svar = calculators.beregn("flexhandicap", {"dato": "2025-01-01"})
    assert all(f["felt"] != "dato" for f in svar["fejl"])


def _katalog(**aendringer):
    data = copy.deepcopy(json.loads(KATALOG_JSON.read_text("utf-8")))
    for sats_id, vaerdier in aendringer.items():
        data["satser"][sats_id]["vaerdier"] = vaerdier
    return fra_data(data)


def _vaerdi(fra, til=None, vaerdi=1):
    v = {"gyldig_fra": fra, "vaerdi": vaerdi, "kilde": {"linjer": [1, 1], "citat": "test"}}
    return v | ({"gyldig_til": til} if til else {})


def test_the_message_names_every_period_in_which_all_the_calculators_rates_hold():
    # One rate has a gap in 2026; another only starts in March 2025.
    katalog = _katalog(**{
        "diabetes.sensorer_pr_aar": [_vaerdi("2025-01-01", "2025-12-31"), _vaerdi("2027-01-01")],
        "diabetes.tilskud_blodsukkerapparat_procent": [_vaerdi("2025-03-01", vaerdi=50)],
    })
    svar = calculators.beregn("diabetes", {"dato": "2026-06-01"}, katalog)
    assert svar["fejl"] == [{"felt": "dato", "besked": (
        "Beregneren har ikke de satser, der gælder den 1. juni 2026. Vælg en dato fra 1. marts 2025 til og med "
        "31. december 2025 eller fra 1. januar 2027.")}]
    assert katalog.perioder(["diabetes.sensorer_pr_aar"]) == [(date(2025, 1, 1), date(2025, 12, 31)),
                                                              (date(2027, 1, 1), None)]


def test_adjoining_values_make_one_period():
    katalog = _katalog(**{"diabetes.sensorer_pr_aar": [_vaerdi("2025-01-01", "2025-12-31"),
                                                       _vaerdi("2026-01-01", "2026-06-30")]})
    assert katalog.perioder(["diabetes.sensorer_pr_aar"]) == [(date(2025, 1, 1), date(2026, 6, 30))]
    svar = calculators.beregn("diabetes", {"dato": "2026-07-01"}, katalog)
    assert svar["fejl"][0]["besked"].endswith("Vælg en dato fra 1. januar 2025 til og med 30. juni 2026.")


def _perioder(*vaerdier):
    return _katalog(**{"diabetes.sensorer_pr_aar": list(vaerdier)}).perioder(["diabetes.sensorer_pr_aar"])


def test_a_gap_of_one_day_is_not_joined():
    # 31 December 2025 has no value: two periods.
    assert _perioder(_vaerdi("2025-01-01", "2025-12-30"), _vaerdi("2026-01-01")) == [
        (date(2025, 1, 1), date(2025, 12, 30)), (date(2026, 1, 1), None)]


def test_a_value_inside_another_values_period_does_not_shorten_it():
    assert _perioder(_vaerdi("2025-01-01", "2025-12-31"), _vaerdi("2025-06-01", "2025-06-30")) == [
        (date(2025, 1, 1), date(2025, 12, 31))]
    assert _perioder(_vaerdi("2025-01-01"), _vaerdi("2025-06-01", "2025-06-30")) == [(date(2025, 1, 1), None)]
    assert _perioder(_vaerdi("2025-01-01", "2025-12-31"), _vaerdi("2025-06-01")) == [(date(2025, 1, 1), None)]


def test_two_rates_that_hold_together_on_one_day_only():
    katalog = _katalog(**{
        "diabetes.sensorer_pr_aar": [_vaerdi("2025-01-01", "2025-06-30")],
        "diabetes.tilskud_blodsukkerapparat_procent": [_vaerdi("2025-06-30", vaerdi=50)],
    })
    assert katalog.perioder(["diabetes.sensorer_pr_aar", "diabetes.tilskud_blodsukkerapparat_procent"]) == [
        (date(2025, 6, 30), date(2025, 6, 30))]
    assert calculators.beregn("diabetes", {"dato": "2025-07-01"}, katalog)["fejl"][0]["besked"].endswith(
        "Vælg en dato fra 30. juni 2025 til og med 30. juni 2025.")


def test_rates_that_never_hold_together_say_so():
    katalog = _katalog(**{
        "diabetes.sensorer_pr_aar": [_vaerdi("2025-01-01", "2025-06-29")],
        "diabetes.tilskud_blodsukkerapparat_procent": [_vaerdi("2025-06-30", vaerdi=50)],
    })
    assert katalog.perioder(["diabetes.sensorer_pr_aar", "diabetes.tilskud_blodsukkerapparat_procent"]) == []
    assert calculators.beregn("diabetes", {"dato": "2025-06-01"}, katalog)["fejl"] == [{"felt": "dato", "besked": (
        "Beregneren har ikke de satser, der gælder den 1. juni 2025. Kataloget har ingen dato, hvor alle dens "
        "satser gælder.")}]


def test_two_bounded_rates_hold_together_where_both_do():
    katalog = _katalog(**{
        "diabetes.sensorer_pr_aar": [_vaerdi("2025-01-01", "2025-06-30")],
        "diabetes.tilskud_blodsukkerapparat_procent": [_vaerdi("2025-03-01", "2025-12-31", vaerdi=50)],
    })
    assert katalog.perioder(["diabetes.sensorer_pr_aar", "diabetes.tilskud_blodsukkerapparat_procent"]) == [
        (date(2025, 3, 1), date(2025, 6, 30))]


def test_the_source_texts_amount_is_its_newest_and_is_named_only_for_a_later_sources_value():
    """calculators/katalog.py: the source text's amount is given "when the value in force comes from a
    later source and differs"; values the text itself gives have none."""
    takstblad = {"gyldig_fra": "2027-01-01", "vaerdi": 130,
                 "kilde": {"titel": "Takstblad 2027", "dato": "2026-12-10", "reference": "Punkt 7"}}
    katalog = _katalog(**{"diabetes.sensorer_pr_aar": [
        _vaerdi("2025-01-01", "2025-12-31", vaerdi=100), _vaerdi("2026-01-01", "2026-12-31", vaerdi=120),
        takstblad]})
    kildens = [katalog.sats("diabetes.sensorer_pr_aar", date(aar, 6, 1)).kildens_vaerdi for aar in (2025, 2026, 2027)]
    assert kildens == [None, None, 120]


def test_a_rates_value_is_shown_as_written_whole_or_with_decimals():
    katalog = _katalog(**{"diabetes.sensorer_pr_aar": [_vaerdi("2025-01-01", "2025-12-31", vaerdi=50),
                                                       _vaerdi("2026-01-01", vaerdi=12.5)]})
    hel = katalog.sats("diabetes.sensorer_pr_aar", date(2025, 6, 1)).som_data()["vaerdi"]
    halv = katalog.sats("diabetes.sensorer_pr_aar", date(2026, 6, 1)).som_data()["vaerdi"]
    assert json.dumps([hel, halv]) == "[50, 12.5]"


# --- make check and make site ----------------------------------------------------------

@pytest.fixture
def fra_2030(tmp_path):
    """A catalogue whose blood glucose meter price (a field the diabetes form asks while the
    rate is missing) only has a value from 2030, while the diabetes standards hold from 2025."""
    kat = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kat)
    fil = kat / DIABETES
    tekst = fil.read_text("utf-8")
    start = tekst.index(STANDARDPRIS)
    slut = tekst.index("gyldig_fra: 2025-01-01", start)
    fil.write_text(tekst[:slut] + "gyldig_fra: 2030-01-01" + tekst[slut + len("gyldig_fra: 2025-01-01"):], "utf-8")
    linje = tekst[:start].count("\n") + 1
    return kat, fil, linje


def _miljoe(katalog: Path, **ekstra) -> dict:
    return os.environ | {"KVH_CATALOGUE": str(katalog), "KVH_IDAG": "2025-06-01"} | ekstra


def test_make_check_refuses_a_rate_a_form_needs_that_is_not_in_force_when_the_standard_starts(fra_2030):
    kat, fil, linje = fra_2030
    proc = subprocess.run([sys.executable, "scripts/check_catalogue.py"], cwd=ROOT, env=_miljoe(kat),
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert (f"{fil}:{linje}: satsen 'diabetes.standardpris_blodsukkerapparat' har ingen værdi, der gælder "
            "2025-01-01") in proc.stderr
    assert "'glukosemaalingssystem' (diabetes)" in proc.stderr


def _byg(tmp_path, katalog: Path, **ekstra):
    return subprocess.run([sys.executable, "scripts/build_site.py", str(tmp_path / "site")], cwd=ROOT,
                          env=_miljoe(katalog, **ekstra), capture_output=True, text=True)


def test_a_build_that_would_crash_on_the_rate_fails_with_file_and_line_and_writes_nothing(tmp_path, fra_2030):
    kat, fil, linje = fra_2030
    foer = KATALOG_JSON.read_bytes()
    proc = _byg(tmp_path, kat)
    assert proc.returncode == 1
    assert f"{fil}:{linje}: satsen 'diabetes.standardpris_blodsukkerapparat'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert KATALOG_JSON.read_bytes() == foer
    assert cli("run", "diabetes", "--json", '{"behandling": "insulin", "apparat": "ingen"}').returncode == 0


def test_a_build_failing_after_the_export_was_written_puts_the_file_back(tmp_path):
    kat = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kat)
    fil = kat / DIABETES
    # A new dated value, so the export of this catalogue differs from the committed one.
    fil.write_text(fil.read_text("utf-8").replace(
        "      - gyldig_fra: 2025-01-01\n        vaerdi: 27\n",
        "      - gyldig_fra: 2025-01-01\n        vaerdi: 27\n"
        "        kilde: {standard: glukosemaalingssystem, linjer: [1, 1], citat: test}\n"
        "      - gyldig_fra: 2026-01-01\n        vaerdi: 30\n", 1), "utf-8")
    foer = KATALOG_JSON.read_bytes()
    proc = _byg(tmp_path, kat, KVH_FORRIGE_KATALOG=str(tmp_path / "findes-ikke"))
    assert proc.returncode == 1, proc.stderr
    assert "KVH_FORRIGE_KATALOG" in proc.stderr
    assert KATALOG_JSON.read_bytes() == foer


def test_a_failed_build_of_the_packages_own_catalogue_restores_the_export(tmp_path, monkeypatch):
    from sitegen import plugin
    eksport = tmp_path / "katalog.json"
    eksport.write_bytes(b'{"committed": true}\n')
    monkeypatch.setattr(plugin, "KATALOG_JSON", eksport)
    p = plugin.KvalitetshaandbogPlugin()
    p.load_config({"catalogue": str(ROOT / "catalogue")}, config_file_path=str(ROOT / "mkdocs.yml"))
    p.command = "build"
    p._gem_pakkens_katalog()
    eksport.write_bytes(b'{"half": "way"}\n')  # written by on_config, then a later step fails
    p.on_build_error(error=RuntimeError("later step"))
    assert eksport.read_bytes() == b'{"committed": true}\n'
