"""Every page says when its text took effect and when it last changed (from git)."""
import subprocess
from datetime import date
from pathlib import Path

from sitegen.datotekst import dansk_dato, gyldighed
from sitegen.site import byg_sider
from sitegen.stier import OVERSIGT, bilag_sti, lov_sti, om_sti, omraade_sti, standard_sti
from sitegen.catalogue import indlaes_katalog
from sitegen.historik import Historik

ROOT = Path(__file__).resolve().parents[2]


def git_dato(fil: Path) -> date:
    ud = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(fil)], cwd=ROOT,
                        capture_output=True, text=True, check=True).stdout.strip()
    return date.fromisoformat(ud)


def rent(fil: Path) -> bool:
    return subprocess.run(["git", "status", "--porcelain", "--", str(fil)], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout == ""


def test_last_change_is_the_last_commit_of_a_clean_file_and_the_save_date_of_an_edited_one(tmp_path):
    katalog = indlaes_katalog()
    s = next(s for s in katalog.standarder if rent(s.dok.fil))
    assert s.senest_aendret == git_dato(s.dok.fil)
    # Outside git (or with uncommitted edits) the file's own save date counts.
    kopi = tmp_path / "x.yaml"
    kopi.write_text("a: 1\n")
    assert Historik(tmp_path).senest_aendret(kopi) == date.today()


def test_standard_bilag_and_front_matter_pages_show_valid_from_and_last_change():
    katalog = indlaes_katalog()
    sider = dict((side.sti, side.markdown) for side in byg_sider(katalog, date.today())[0])
    s = katalog.standarder[0]
    md = sider[standard_sti(s.id)]
    assert f"Gældende fra {dansk_dato(s['gyldig_fra'])}" in md
    assert f"Senest ændret {dansk_dato(s.senest_aendret.isoformat())}" in md
    for sti in (bilag_sti(2), om_sti(katalog.indledning[0]["id"])):
        assert "Gældende fra 1. januar 2025 · Senest ændret " in sider[sti], sti


def test_gyldighed_names_the_end_date_when_there_is_one():
    assert gyldighed("2025-01-01", "2025-12-31", date(2025, 3, 4)) == (
        "Gældende fra 1. januar 2025 · Gældende til 31. december 2025 · Senest ændret 4. marts 2025")


def test_pages_that_list_standards_show_the_newest_validity_and_change_of_what_they_list():
    katalog = indlaes_katalog()
    sider = dict((side.sti, side.markdown) for side in byg_sider(katalog, date.today())[0])
    omr = katalog.omraader[0]
    i_omr = [s for s in katalog.standarder if s["omraade"] == omr["id"]]
    nyeste = max(s.senest_aendret for s in i_omr)
    md = sider[omraade_sti(omr["id"])]
    assert f"Senest ændret {dansk_dato(nyeste.isoformat())}" in md
    alle_nyeste = max(s.senest_aendret for s in katalog.standarder)
    for sti in ("index.md", OVERSIGT, lov_sti()):
        assert f"Gældende fra {dansk_dato('2025-01-01')}" in sider[sti], sti
        assert f"Senest ændret {dansk_dato(alle_nyeste.isoformat())}" in sider[sti], sti
