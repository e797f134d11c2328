"""A malformed catalogue file is reported with file, line and a plain message."""
from pathlib import Path

import pytest
from kataloghjaelp import erstat, kopi_af_kataloget
from kataloghjaelp import katalog_fejl as fejl

from sitegen.catalogue import indlaes_katalog

ROOT = Path(__file__).resolve().parents[2]
EKSEMPEL = "standarder/hjaelpemidler/diabetesmaterialer-til-tabletbehandlede-diabetikere.yaml"


@pytest.fixture
def katalog(tmp_path):
    return kopi_af_kataloget(tmp_path)


def test_the_real_catalogue_is_valid():
    k = indlaes_katalog()
    assert len(k.standarder) >= 18
    assert [s["nummer"] for s in k.standarder] == sorted(s["nummer"] for s in k.standarder)


def test_yaml_syntax_error_names_file_and_line(katalog):
    fil = katalog / EKSEMPEL
    linje = erstat(fil, "formaal:\n", "formaal: [\n")
    [besked] = fejl(katalog)
    assert besked.startswith(f"{fil}:")
    assert "YAML-syntaksfejl" in besked
    assert int(besked.split(":")[1]) in (linje, linje + 1, linje + 2)


def test_missing_required_field(katalog):
    fil = katalog / EKSEMPEL
    erstat(fil, "kriterier:\n  linjer: [3063, 3064]\n  tekst: Der skal foreligge dokumentation fra læge eller sygehus om behov.\n", "")
    assert fejl(katalog) == [f"{fil}:1: det påkrævede felt 'kriterier' mangler"]


def test_unknown_field_points_at_its_line(katalog):
    fil = katalog / EKSEMPEL
    linje = erstat(fil, "gyldig_fra: 2025-01-01\n", "gyldig_fra: 2025-01-01\nfarve: blå\n") + 1
    [besked] = fejl(katalog)
    assert besked.startswith(f"{fil}:{linje}: ukendt felt 'farve'")


def test_wrong_value_is_explained(katalog):
    fil = katalog / EKSEMPEL
    linje = erstat(fil, "{lov: serviceloven, paragraf: \"112\"}", "{lov: servicelov, paragraf: \"112\"}")
    [besked] = fejl(katalog)
    assert besked.startswith(f"{fil}:{linje}:")
    assert "lovgrundlag.henvisninger[0]" in besked and "'servicelov' er ikke tilladt" in besked


def test_bad_date_and_bad_type(katalog):
    fil = katalog / EKSEMPEL
    l1 = erstat(fil, "gyldig_fra: 2025-01-01", "gyldig_fra: 1. januar 2025")
    l2 = erstat(fil, "nummer: 39", "nummer: niogtredive")
    assert sorted(fejl(katalog)) == sorted([
        f"{fil}:{l1}: gyldig_fra: '1. januar 2025' er ikke en rigtig dato; skriv den ÅÅÅÅ-MM-DD, fx 2025-01-01",
        f"{fil}:{l2}: nummer: forventede et helt tal, fik teksten 'niogtredive'",
    ])


def test_references_must_exist(katalog):
    fil = katalog / EKSEMPEL
    l1 = erstat(fil, "omraade: hjaelpemidler", "omraade: hjaelpemiddelomraadet")
    l2 = erstat(fil, "  - id: diabetes\n", "  - id: diabetes_x\n")
    beskeder = fejl(katalog)
    assert any(b.startswith(f"{fil}:{l1}: ukendt omraade 'hjaelpemiddelomraadet'") for b in beskeder)
    assert any(b.startswith(f"{fil}:{l2 }: ukendt beregner 'diabetes_x'") for b in beskeder)


def test_file_name_must_match_id(katalog):
    fil = katalog / EKSEMPEL
    fil.rename(fil.with_name("diabetes.yaml"))
    [besked] = fejl(katalog)
    assert "omdøb filen til 'diabetesmaterialer-til-tabletbehandlede-diabetikere.yaml'" in besked


def test_rate_without_value_must_say_why(katalog):
    fil = katalog / "satser" / "diabetes.yaml"
    tekst = fil.read_text(encoding="utf-8")
    start = tekst.index("        mangler: >-")
    slut = tekst.index("        kilde:", start)
    fil.write_text(tekst[:start] + tekst[slut:], encoding="utf-8")
    beskeder = fejl(katalog)
    assert any("diabetes.yaml" in b and "'mangler' mangler" in b for b in beskeder), beskeder


def test_calculator_rate_must_exist(katalog):
    fil = katalog / "satser" / "diabetes.yaml"
    erstat(fil, "  diabetes.sensorer_pr_aar:", "  diabetes.sensorer_i_alt:")
    assert any("bruger satsen 'diabetes.sensorer_pr_aar'" in b for b in fejl(katalog))


def test_not_utf8(katalog):
    fil = katalog / EKSEMPEL
    fil.write_bytes("titel: Bækken".encode("latin-1"))
    [besked] = fejl(katalog)
    assert besked.startswith(f"{fil}:1: filen er ikke UTF-8-tekst")


def test_every_error_is_reported_not_just_the_first(katalog):
    a = katalog / EKSEMPEL
    erstat(a, "nummer: 39", "nummer: 0")
    erstat(katalog / "omraader.yaml", "    titel: Boliger\n", "")
    beskeder = fejl(katalog)
    assert any(EKSEMPEL in b for b in beskeder) and any("omraader.yaml" in b for b in beskeder)
