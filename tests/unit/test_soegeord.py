"""Search words (`soegeord`): editorial data on a standard, checked by the schema and by `make check`.

They are the words readers use for what a standard covers, for the search only. A word that leads
to more than 3 standards, or that is already in the standard's title, is a warning (like the other
editorial problems `make check` lists), not an error: the catalogue still builds.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from kataloghjaelp import katalog_fejl, kopi_af_kataloget

from sitegen import aendringer, fidelity
from sitegen.catalogue import indlaes_katalog
from sitegen.redaktoer import soegeord_advarsler

ROOT = Path(__file__).resolve().parents[2]
ROLLATOR = "standarder/hjaelpemidler/rollatorer-og-gangbukke.yaml"
# Four standards with nothing in common but a made-up word put on them below.
FIRE = ["standarder/hjaelpemidler/brokbind.yaml", "standarder/hjaelpemidler/parykker.yaml",
        "standarder/boliger/plejebolig.yaml", "standarder/sygepleje/sygepleje.yaml"]


@pytest.fixture
def katalog(tmp_path):
    return kopi_af_kataloget(tmp_path)


def saet_soegeord(fil: Path, linje: str) -> int:
    """Give the standard in `fil` the soegeord line `linje` (replacing any it has); return its line number."""
    tekst = fil.read_text(encoding="utf-8")
    if re.search(r"^soegeord:.*\n", tekst, flags=re.M):
        tekst = re.sub(r"^soegeord:.*\n", linje + "\n", tekst, count=1, flags=re.M)
    else:
        tekst += linje + "\n"
    fil.write_text(tekst, encoding="utf-8")
    return tekst.splitlines().index(linje) + 1


def advarsler_om(rod: Path, ord_: str) -> list[str]:
    return [str(f) for f in soegeord_advarsler(indlaes_katalog(rod)) if f"'{ord_}'" in f.besked]


# --- The data model -----------------------------------------------------------------------------

def test_the_words_are_a_plain_attribute_of_the_standard(katalog):
    saet_soegeord(katalog / ROLLATOR, "soegeord: [gangstativ, gå-stativ, rolator]")
    fil = katalog / FIRE[0]
    fil.write_text(re.sub(r"^soegeord:.*\n", "", fil.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    k = indlaes_katalog(katalog)
    assert k.standard("rollatorer-og-gangbukke").soegeord == ("gangstativ", "gå-stativ", "rolator")
    assert k.standard("brokbind").soegeord == ()


def test_every_real_standard_has_three_to_ten_words_none_of_them_a_warning():
    k = indlaes_katalog()
    uden = [s.id for s in k.standarder if not 3 <= len(s.soegeord) <= 10]
    assert uden == []
    assert [str(f) for f in soegeord_advarsler(k)] == []


# --- The schema: errors with file and line ------------------------------------------------------

@pytest.mark.parametrize("linje, besked", [
    ("soegeord: [Gangstativ]", "soegeord[0]: 'Gangstativ' har forkert form; forventede små bogstaver og tal"),
    ("soegeord: [gang stativ!]", "soegeord[0]: 'gang stativ!' har forkert form"),
    ("soegeord: ['gangstativ ']", "soegeord[0]: 'gangstativ ' har forkert form"),
    ("soegeord: ['']", "soegeord[0]: '' har forkert form"),
    ("soegeord: [gangstativ, rolator, gangstativ]", "soegeord: 'gangstativ' står mere end én gang"),
    ("soegeord: [" + "a" * 41 + "]", "er for lang; højst 40 tegn"),
    ("soegeord: gangstativ", "soegeord: forventede en liste"),
    ("soegeord: []", "soegeord: har 0 elementer; mindst 1 er tilladt"),
])
def test_a_malformed_word_is_an_error_at_its_line(katalog, linje, besked):
    fil = katalog / ROLLATOR
    nr = saet_soegeord(fil, linje)
    [f] = katalog_fejl(katalog)
    assert f.startswith(f"{fil}:{nr}: ") and besked in f, f


# --- make check: warnings -----------------------------------------------------------------------

def test_a_word_on_more_than_three_standards_is_a_warning_at_the_first(katalog):
    linjer = [saet_soegeord(katalog / f, "soegeord: [fællesord]") for f in FIRE]
    # The first by number (the catalogue's order) carries the warning and names the others.
    foerste = min(FIRE, key=lambda f: indlaes_katalog(katalog).standard(Path(f).stem)["nummer"])
    [besked] = advarsler_om(katalog, "fællesord")
    assert besked.startswith(f"{katalog / foerste}:{linjer[FIRE.index(foerste)]}: søgeordet 'fællesord' står på "
                             "4 standarder")
    for f in FIRE:
        if f != foerste:
            assert Path(f).stem in besked
    assert "mere end 3" in besked


def test_a_word_on_three_standards_is_fine(katalog):
    for f in FIRE[:3]:
        saet_soegeord(katalog / f, "soegeord: [fællesord]")
    assert advarsler_om(katalog, "fællesord") == []


def test_a_word_from_the_title_is_a_warning(katalog):
    fil = katalog / ROLLATOR  # titel: Rollatorer og gangbukke
    nr = saet_soegeord(fil, "soegeord: [gangstativ, gangbukke, rollatorer og gangbukke, rollator]")
    assert advarsler_om(katalog, "gangbukke") == [
        f"{fil}:{nr}: søgeordet 'gangbukke' står allerede i standardens titel \"Rollatorer og gangbukke\", "
        "så søgningen finder standarden uden det; fjern det"]
    assert len(advarsler_om(katalog, "rollatorer og gangbukke")) == 1
    # Another form of a title word, or a new word, is what search words are for.
    assert advarsler_om(katalog, "rollator") == [] and advarsler_om(katalog, "gangstativ") == []


def test_make_check_lists_the_warnings_and_passes(katalog):
    for f in FIRE:
        saet_soegeord(katalog / f, "soegeord: [fællesord]")
    saet_soegeord(katalog / ROLLATOR, "soegeord: [gangbukke]")
    env = os.environ | {"KVH_CATALOGUE": str(katalog), "KVH_IDAG": "2025-06-01"}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_catalogue.py")],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "søgeordet 'fællesord' står på 4 standarder" in proc.stdout
    assert f"{katalog / ROLLATOR}:" in proc.stdout and "søgeordet 'gangbukke' står allerede" in proc.stdout


# --- Never source text --------------------------------------------------------------------------

def test_the_words_are_not_source_text(katalog):
    saet_soegeord(katalog / ROLLATOR, "soegeord: [gangstativ, rolator]")
    ny = indlaes_katalog(katalog)
    s = ny.standard("rollatorer-og-gangbukke")
    ord_ = fidelity.catalogue_words(s)
    assert "gangstativ" not in ord_ and "rolator" not in ord_
    # Changing only the search words is no change to the standard for "Hvad er ændret".
    saet_soegeord(katalog / ROLLATOR, "soegeord: [gangstativ]")
    assert aendringer.sammenlign(ny, indlaes_katalog(katalog)).tom
