""""Hvad er ændret": two editions of the catalogue, compared standard by standard and rate by rate."""
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fixtures.udgave_2026 import AENDRET, FJERNET, NY_ID, lav_udgave_2026
from sitegen import aendringer
from sitegen.sider import aendringer as aendringer_side
from sitegen.catalogue import indlaes_katalog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def udgave_2026(tmp_path_factory):
    return lav_udgave_2026(tmp_path_factory.mktemp("udgaver"))


def test_added_removed_changed_standards_and_changed_rates_are_found(udgave_2026):
    a = aendringer.sammenlign(indlaes_katalog(), indlaes_katalog(udgave_2026))
    assert [s["id"] for s in a.tilfoejet] == [NY_ID]
    assert [s["id"] for s in a.fjernet] == [Path(FJERNET).stem]
    [(s, felter)] = a.aendret
    assert s["id"] == Path(AENDRET).stem
    assert sorted(f.felt for f in felter) == ["gyldig_fra", "indhold"]
    assert a.satser == [("diabetes.sensorer_pr_aar", "ændret", [("2025-01-01", None, 27)],
                         [("2025-01-01", None, 27), ("2026-01-01", None, 26)])]


def test_the_same_catalogue_has_no_changes():
    assert aendringer.sammenlign(indlaes_katalog(), indlaes_katalog()).tom


def test_the_page_shows_the_changed_words_and_links_the_standards(udgave_2026):
    a = aendringer.sammenlign(indlaes_katalog(), indlaes_katalog(udgave_2026))
    md = aendringer_side.side_markdown(a, "den forrige udgave", {})
    assert "## Nye standarder" in md and f"(../standarder/{NY_ID}.md)" in md
    assert "## Udgåede standarder" in md and "Tøjvask" in md
    assert "<del>150</del>" in md and "<ins>200</ins>" in md
    assert "| `diabetes.sensorer_pr_aar` | ændret |" in md and "26 fra 2026-01-01" in md


def test_the_built_site_has_the_page_when_a_previous_edition_is_named(tmp_path, udgave_2026):
    env = os.environ | {"KVH_CATALOGUE": str(udgave_2026), "KVH_FORRIGE_KATALOG": str(ROOT / "catalogue")}
    pakkens_katalog = (ROOT / "calculators/data/katalog.json").read_bytes()
    proc = subprocess.run([sys.executable, "scripts/build_site.py", str(tmp_path / "site")], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "site/om/hvad-er-aendret/index.html").read_text(encoding="utf-8")
    assert "Digitale hjælpemidler til kommunikation" in html and "<ins>200</ins>" in html
    # The site's calculators got the 2026 rates; the package's own export is left as it was.
    hjul = next((tmp_path / "site/assets/pyodide").glob("*/kvalitetshaandbogen-*.whl"))
    with zipfile.ZipFile(hjul) as z:
        satser = json.loads(z.read("calculators/data/katalog.json"))["satser"]
    assert any(v["gyldig_fra"] == "2026-01-01" for v in satser["diabetes.sensorer_pr_aar"]["vaerdier"])
    assert (ROOT / "calculators/data/katalog.json").read_bytes() == pakkens_katalog


def test_a_wrong_previous_edition_fails_the_build_plainly(tmp_path):
    env = os.environ | {"KVH_FORRIGE_KATALOG": str(tmp_path)}
    proc = subprocess.run([sys.executable, "scripts/build_site.py", str(tmp_path / "site")], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "ikke en katalogmappe" in proc.stderr and "Traceback" not in proc.stderr
