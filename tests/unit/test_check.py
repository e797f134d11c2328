"""`make check`: errors fail it; warnings and the values an editor must still supply are listed."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIABETES = "satser/diabetes.yaml"


@pytest.fixture
def katalog(tmp_path):
    kopi = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kopi)
    return kopi


def check(katalog: Path, idag: str = "2025-06-01") -> subprocess.CompletedProcess:
    env = os.environ | {"KVH_CATALOGUE": str(katalog), "KVH_IDAG": idag}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_catalogue.py")],
                          capture_output=True, text=True, env=env, cwd=ROOT)


def test_a_valid_catalogue_passes_and_lists_the_values_still_missing(katalog):
    proc = check(katalog)
    assert proc.returncode == 0, proc.stderr
    assert "som en redaktør stadig skal udfylde" in proc.stdout
    assert "diabetes.standardpris_blodsukkerapparat" in proc.stdout


def test_an_expired_rate_used_by_a_calculator_is_a_warning_with_file_and_line(katalog):
    fil = katalog / DIABETES
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("      - gyldig_fra: 2025-01-01\n        vaerdi: 27\n",
                                 "      - gyldig_fra: 2025-01-01\n        gyldig_til: 2025-12-31\n        vaerdi: 27\n"),
                   encoding="utf-8")
    linje = next(i for i, l in enumerate(tekst.splitlines(), 1) if l.startswith("  diabetes.sensorer_pr_aar:"))
    proc = check(katalog, idag="2026-01-01")
    assert proc.returncode == 0
    assert (f"{fil}:{linje}: satsen 'diabetes.sensorer_pr_aar' (bruges af diabetes) har ingen værdi, der gælder "
            "2026-01-01: den seneste værdi sluttede 2025-12-31") in proc.stdout
    # The day before, it is still in force, but ends soon without a successor.
    proc = check(katalog, idag="2025-12-31")
    assert "slutter 2025-12-31 og har ingen værdi efter den dato" in proc.stdout
    assert "har ingen værdi, der gælder" not in proc.stdout


def test_an_error_fails_the_check_and_is_not_mixed_with_warnings(katalog):
    fil = katalog / DIABETES
    fil.write_text(fil.read_text(encoding="utf-8").replace("enhed: stk. pr. år", "enhed: ''", 1), encoding="utf-8")
    proc = check(katalog)
    assert proc.returncode == 1
    assert f"{fil}:" in proc.stderr and "advarsel" not in proc.stderr


PLEJEBOLIG = "standarder/boliger/plejebolig.yaml"


def test_a_reference_to_an_absent_standard_warns_unless_the_editor_has_explained_it(katalog):
    assert "midlertidige-pladser" not in check(katalog).stdout  # explained in the data: no warning
    fil = katalog / PLEJEBOLIG
    tekst = fil.read_text(encoding="utf-8")
    start = tekst.index("      fravaerende:")
    slut = tekst.index("    - bilag: 1")
    fil.write_text(tekst[:start] + tekst[slut:], encoding="utf-8")
    proc = check(katalog)
    assert proc.returncode == 0
    assert "henvisning til standarden 'midlertidige-pladser'" in proc.stdout


def test_marking_an_existing_standard_as_absent_is_an_error(katalog):
    fil = katalog / PLEJEBOLIG
    fil.write_text(fil.read_text(encoding="utf-8").replace("standard: midlertidige-pladser",
                                                           "standard: plejebolig"), encoding="utf-8")
    proc = check(katalog)
    assert proc.returncode == 1
    assert "plejebolig.yaml" in proc.stderr and "markeret som fraværende" in proc.stderr
