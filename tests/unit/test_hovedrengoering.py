"""Hovedrengøring som årlig indsats (standard #22, lines 1861–1914; rules R042–R046, A9, A14)."""
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import calculators
from beregnerhjaelp import katalog_med_satser, poster

ROOT = Path(__file__).resolve().parents[2]
STANDARD = "hovedrengoering-som-aarlig-indsats"

OPFYLDT = {"lave_husligt_arbejde": "2", "har_rengoering": "ja", "antal_personlig_pleje": "1",
           "besoegsdage_pr_uge": "2", "bevilget_siden": "2025-01-01", "rehabilitering_83a": "nej"}


def svar(katalog=None, **raw):
    return calculators.beregn("hovedrengoering", {"dato": "2025-09-01"} | OPFYLDT | raw, katalog)


def tekster(s):
    return {p["id"]: p["tekst"] for p in s["result"]["poster"]}


def trin(s, linjer):
    return [t for t in s["forklaring"] if t["linjer"] == list(linjer)]


katalog_med = partial(katalog_med_satser, "hovedrengoering")


def test_all_conditions_met_and_the_answer_always_says_individual_assessment():
    s = svar()
    p = poster(s)
    assert p["opfylder"] is True
    for betingelse in ("funktionsniveau", "rengoering", "personlig_pleje", "besoegsdage",
                       "bevilget_laenge_nok", "en_gang_om_aaret", "ikke_rehabilitering_83a"):
        assert p[betingelse] is True, betingelse
    assert tekster(s)["opfylder"].startswith("Opfylder betingelserne")
    assert "konkret og individuel vurdering" in tekster(s)["opfylder"]
    nej = svar(rehabilitering_83a="ja")
    assert tekster(nej)["opfylder"].startswith("Opfylder ikke betingelserne")
    assert "konkret og individuel vurdering" in tekster(nej)["opfylder"]
    assert trin(s, (1904, 1906))[0]["standard"]["nummer"] == 22


def test_every_condition_cites_its_rule_line_and_rate():
    s = svar(seneste_hovedrengoering="2024-01-01")
    regler = {(t["regel"], tuple(t["linjer"])): t for t in s["forklaring"]}
    forventet = {("R042", (1877, 1878)): "hovedrengoering.niveau_lave_husligt_arbejde",
                 ("R043", (1880, 1881)): "hovedrengoering.personlig_pleje_min_indsatser",
                 ("R043", (1881, 1882)): "hovedrengoering.besoegsdage_min",
                 ("R044", (1884, 1884)): "hovedrengoering.bevilget_min_maaneder",
                 ("R045", (1899, 1899)): "hovedrengoering.gange_pr_aar"}
    for noegle, sats_id in forventet.items():
        assert noegle in regler, noegle
        assert regler[noegle]["standard"]["id"] == STANDARD
    brugte = {t["sats"]["id"] for t in s["forklaring"] if t["sats"]}
    assert brugte == set(forventet.values()) | {"hovedrengoering.niveau_varetage_egen_sundhed"}
    assert ("R046", (1901, 1902)) in regler
    for t in s["forklaring"]:
        if t["sats"]:
            assert t["sats"]["gyldig_fra"] == "2025-01-01" and t["sats"]["kilde"]["citat"]


def test_the_ambiguity_decisions_are_shown_to_the_reader():
    s = svar(seneste_hovedrengoering="2024-01-01")
    vist = {t["fortolkning"]["id"] for t in s["forklaring"] if t["fortolkning"]}
    assert vist == {"fsiii-udtryk", "fsiii-skala", "seks-maaneder", "en-gang-om-aaret", "rehabilitering-83a"}
    fsiii = trin(s, (1877, 1878))
    # The source's own expression is shown, not only the reduced one.
    assert "”Lave husligt arbejde” 2 og ”Varetage egen sundhed” 2 eller, ”Lave husligt arbejde” 2" in fsiii[0]["tekst"]
    assert "vejledende" in fsiii[1]["tekst"]


@settings(max_examples=60, deadline=None)
@given(lha=st.integers(0, 4), ves=st.one_of(st.none(), st.integers(0, 4)))
def test_fsiii_expression_reduces_to_lave_husligt_arbejde_at_least_2(lha, ves):
    """A9: (LHA ≥ 2 og VES ≥ 2) eller LHA ≥ 2 — "Varetage egen sundhed" never changes the answer."""
    raw = {"lave_husligt_arbejde": str(lha)} | ({} if ves is None else {"varetage_egen_sundhed": str(ves)})
    p = poster(svar(**raw))
    assert p["funktionsniveau"] is (lha >= 2)
    assert p["opfylder"] is (lha >= 2)


def test_levels_are_offered_with_their_danish_meaning():
    felter = {f.id: f for f in calculators.BEREGNERE["hovedrengoering"].felter}
    muligheder = dict(felter["lave_husligt_arbejde"].muligheder)
    assert list(muligheder) == ["0", "1", "2", "3", "4"]
    assert muligheder["2"] == "2 – Moderate begrænsninger"
    assert felter["varetage_egen_sundhed"].paakraevet is False
    assert felter["vurderingsdato"].paakraevet is False


@pytest.mark.parametrize("bevilget, vurdering, tidligst, opfyldt", [
    ("2025-03-01", "2025-09-01", "2025-09-01", True),    # exactly 6 months: "minimum 6 måneder"
    ("2025-03-01", "2025-08-31", "2025-09-01", False),   # one day short
    ("2025-03-15", "2025-09-14", "2025-09-15", False),
    ("2024-08-31", "2025-02-28", "2025-02-28", True),    # no 31 February: end of month
    ("2027-08-31", "2028-02-28", "2028-02-29", False),   # leap year: 29 February
    ("2027-08-31", "2028-02-29", "2028-02-29", True),
    ("2024-07-01", "2025-01-01", "2025-01-01", True),    # across the turn of the year
    ("2025-09-01", "2025-09-01", "2026-03-01", False),   # granted the same day
])
def test_six_month_boundary(bevilget, vurdering, tidligst, opfyldt):
    p = poster(svar(bevilget_siden=bevilget, vurderingsdato=vurdering, dato="2028-06-01"))
    assert p["bevilget_laenge_nok_fra"] == tidligst
    assert p["bevilget_laenge_nok"] is opfyldt
    assert p["opfylder"] is opfyldt


@pytest.mark.parametrize("seneste, vurdering, naeste, opfyldt", [
    ("2024-09-01", "2025-09-01", "2025-09-01", True),    # exactly a year later
    ("2024-09-02", "2025-09-01", "2025-09-02", False),   # one day short of a year
    ("2024-12-10", "2025-01-20", "2025-12-10", False),   # a new calendar year is not enough
    ("2024-01-15", "2025-01-14", "2025-01-15", False),
    ("2024-02-29", "2025-02-28", "2025-02-28", True),    # 29 February: 28 February the year after
    ("2024-02-29", "2025-02-27", "2025-02-28", False),
    ("2025-03-01", "2025-03-01", "2026-03-01", False),   # main cleaning the same day
])
def test_once_a_year_boundary(seneste, vurdering, naeste, opfyldt):
    p = poster(svar(bevilget_siden="2024-01-01", seneste_hovedrengoering=seneste, vurderingsdato=vurdering,
                    dato="2026-06-01"))
    assert p["naeste_hovedrengoering_fra"] == naeste
    assert p["en_gang_om_aaret"] is opfyldt
    assert p["opfylder"] is opfyldt


def test_the_calendar_year_reading_is_mentioned_only_when_it_would_answer_differently():
    def aar_trin(seneste, vurdering):
        s = svar(bevilget_siden="2024-01-01", seneste_hovedrengoering=seneste, vurderingsdato=vurdering)
        return trin(s, (1899, 1899))[0]["tekst"]
    assert "kalenderår, ville betingelsen være opfyldt" in aar_trin("2024-12-10", "2025-01-20")
    assert "kalenderår" not in aar_trin("2025-01-05", "2025-01-20")
    assert "kalenderår" not in aar_trin("2024-09-01", "2025-09-01")
    # Same calendar year under the 12-month reading is never allowed with one time a year.
    assert "kalenderår" not in aar_trin("2025-01-05", "2025-08-20")


def test_no_earlier_main_cleaning_meets_the_yearly_rule():
    s = svar()
    assert poster(s)["en_gang_om_aaret"] is True
    assert "naeste_hovedrengoering_fra" not in poster(s)
    assert "ingen tidligere hovedrengøring" in tekster(s)["en_gang_om_aaret"]


def test_each_part_of_the_existing_help_rule_fails_on_its_own():
    for raw, post in (({"har_rengoering": "nej"}, "rengoering"),
                      ({"antal_personlig_pleje": "0"}, "personlig_pleje"),
                      ({"besoegsdage_pr_uge": "1"}, "besoegsdage"),
                      ({"rehabilitering_83a": "ja"}, "ikke_rehabilitering_83a")):
        p = poster(svar(**raw))
        assert p[post] is False and p["opfylder"] is False, raw
        assert sum(1 for k, v in p.items() if v is False) == 2, raw  # the condition and the overall answer


def test_assessment_date_defaults_to_the_calculation_date():
    s = svar(bevilget_siden="2025-03-01", dato="2025-08-31")
    assert poster(s)["bevilget_laenge_nok"] is False
    s = svar(bevilget_siden="2025-03-01", dato="2025-09-01")
    assert poster(s)["bevilget_laenge_nok"] is True


def test_impossible_date_orders_give_danish_messages_next_to_the_field():
    s = svar(bevilget_siden="2025-06-01", vurderingsdato="2025-05-31")
    assert s["fejl"][0]["felt"] == "vurderingsdato" and "før" in s["fejl"][0]["besked"]
    s = svar(bevilget_siden="2025-10-01")  # after the calculation date, no assessment date typed
    assert s["fejl"][0]["felt"] == "bevilget_siden" and "efter" in s["fejl"][0]["besked"]
    s = svar(seneste_hovedrengoering="2025-09-02")
    assert s["fejl"] == [{"felt": "seneste_hovedrengoering", "besked": s["fejl"][0]["besked"]}]
    assert "kan ikke ligge efter vurderingsdatoen" in s["fejl"][0]["besked"]
    s = svar(bevilget_siden="2023-01-01", vurderingsdato="2024-12-31")
    assert s["fejl"][0]["felt"] == "vurderingsdato"


def test_limits_come_from_the_dated_rates_in_force_on_the_assessment_date():
    katalog = katalog_med(bevilget_min_maaneder=3, besoegsdage_min=3, niveau_lave_husligt_arbejde=3)
    raw = {"bevilget_siden": "2025-10-01", "besoegsdage_pr_uge": "2", "lave_husligt_arbejde": "2"}
    gammel = poster(svar(katalog, vurderingsdato="2025-12-31", dato="2026-02-01", **raw))
    ny = poster(svar(katalog, vurderingsdato="2026-01-01", dato="2026-02-01", **raw))
    assert gammel["bevilget_laenge_nok_fra"] == "2026-04-01" and ny["bevilget_laenge_nok_fra"] == "2026-01-01"
    assert ny["bevilget_laenge_nok"] is True
    assert gammel["besoegsdage"] is True and ny["besoegsdage"] is False
    assert gammel["funktionsniveau"] is True and ny["funktionsniveau"] is False


def test_the_standard_page_offers_the_calculator():
    import yaml
    data = yaml.safe_load((ROOT / "catalogue" / "standarder" / "personlig-og-praktisk-hjaelp" /
                           f"{STANDARD}.yaml").read_text("utf-8"))
    assert {"id": "hovedrengoering"} in data["beregnere"]


def test_the_first_alternative_is_judged_in_words_that_match_the_scores():
    """1877–1878: ”Lave husligt arbejde” 2 og ”Varetage egen sundhed” 2, eller ”Lave husligt arbejde” 2."""
    grund = {"har_rengoering": "ja", "antal_personlig_pleje": "1", "besoegsdage_pr_uge": "2",
             "bevilget_siden": "2025-01-01", "vurderingsdato": "2025-09-01", "rehabilitering_83a": "nej"}

    def foerste(**scores):
        s = calculators.beregn("hovedrengoering", grund | scores)
        return next(t["tekst"] for t in s["forklaring"] if "Første alternativ" in t["tekst"])
    assert "så første alternativ er opfyldt" in foerste(lave_husligt_arbejde="2", varetage_egen_sundhed="2")
    assert "så første alternativ er ikke opfyldt" in foerste(lave_husligt_arbejde="3", varetage_egen_sundhed="1")
    assert "så første alternativ er ikke opfyldt" in foerste(lave_husligt_arbejde="1", varetage_egen_sundhed="4")
    assert "kan ikke afgøres, men det ændrer ikke svaret" in foerste(lave_husligt_arbejde="2")
    assert "så første alternativ er ikke opfyldt" in foerste(lave_husligt_arbejde="1")


def test_without_an_assessment_date_a_date_before_the_rules_is_reported_at_the_date():
    s = calculators.beregn("hovedrengoering", {"lave_husligt_arbejde": "2", "har_rengoering": "ja",
                                               "antal_personlig_pleje": "1", "besoegsdage_pr_uge": "2",
                                               "bevilget_siden": "2024-01-01", "rehabilitering_83a": "nej",
                                               "dato": "2024-06-01"})
    assert s["ok"] is False and [f["felt"] for f in s["fejl"]] == ["dato"]
