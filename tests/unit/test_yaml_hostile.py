"""Hostile or broken YAML in the catalogue: refused with file:line, never a memory bomb or a traceback."""
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kataloghjaelp import kopi_af_kataloget
from kataloghjaelp import katalog_fejl as fejl

from sitegen.catalogue import indlaes_katalog
from sitegen.yamlsource import YamlFejl, indlaes

ROOT = Path(__file__).resolve().parents[2]
EKSEMPEL = "standarder/hjaelpemidler/diabetesmaterialer-til-tabletbehandlede-diabetikere.yaml"

# The classic "billion laughs": nine lines, each alias list ten times the one before (10^9 leaves).
BILLION_LAUGHS = """\
lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &lol2 [*lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1]
lol3: &lol3 [*lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2]
lol4: &lol4 [*lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3]
lol5: &lol5 [*lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4]
lol6: &lol6 [*lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5]
lol7: &lol7 [*lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6]
lol8: &lol8 [*lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7]
lol9: &lol9 [*lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8]
"""
ALIAS_BESKED = "ankre og aliasser (&navn / *navn) er ikke tilladt i kataloget"


@pytest.fixture
def katalog(tmp_path):
    return kopi_af_kataloget(tmp_path)


def linje_med(fil: Path, tekst: str) -> int:
    return next(i for i, l in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1) if l.startswith(tekst))


def _begraens_hukommelse():
    grense = 1 << 30  # 1 GB of address space: the unbounded walk needed 6 GB and more
    resource.setrlimit(resource.RLIMIT_AS, (grense, grense))


def test_billion_laughs_is_refused_fast_and_in_bounded_memory_with_file_and_line(katalog):
    fil = katalog / EKSEMPEL
    fil.write_text(fil.read_text(encoding="utf-8") + BILLION_LAUGHS, encoding="utf-8")
    foerste_anker = linje_med(fil, "lol1: &lol1")
    env = os.environ | {"KVH_CATALOGUE": str(katalog), "KVH_IDAG": "2025-06-01"}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_catalogue.py")], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, preexec_fn=_begraens_hukommelse)
    assert time.monotonic() - start < 60
    assert proc.returncode == 1, proc.stderr
    assert f"{fil}:{foerste_anker}: {ALIAS_BESKED}" in proc.stderr
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr


def test_an_alias_alone_is_refused_at_its_line(tmp_path):
    fil = tmp_path / "a.yaml"
    fil.write_text("a: 1\nb:\n  - x\n  - *y\n", encoding="utf-8")
    with pytest.raises(YamlFejl) as e:
        indlaes(fil)
    assert (e.value.linje, e.value.besked.split(";")[0]) == (4, ALIAS_BESKED)


def test_the_real_catalogue_uses_no_anchors_or_aliases():
    # Refusing them must not break the catalogue itself (every file is loaded and valid).
    indlaes_katalog(ROOT / "catalogue")


def test_a_duplicate_key_is_an_error_at_the_duplicate(katalog):
    fil = katalog / EKSEMPEL
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("gyldig_fra: 2025-01-01\n", "gyldig_fra: 2025-01-01\ntitel: Noget andet\n", 1),
                   encoding="utf-8")
    titel = linje_med(fil, "titel: Diabetesmaterialer")
    dublet = linje_med(fil, "titel: Noget andet")
    assert fejl(katalog) == [f"{fil}:{dublet}: nøglen 'titel' står to gange i samme afsnit (første gang i "
                             f"linje {titel}); slet eller omdøb den ene"]


def test_a_duplicate_key_inside_a_nested_mapping_is_found(tmp_path):
    fil = tmp_path / "a.yaml"
    fil.write_text("x:\n  a: 1\n  b:\n    a: 2\n  a: 3\n", encoding="utf-8")
    with pytest.raises(YamlFejl) as e:
        indlaes(fil)
    assert e.value.linje == 5 and "'a'" in e.value.besked and "linje 2" in e.value.besked


@pytest.mark.parametrize("gammel, ny, ved", [
    # An unclosed quote: the parser only notices at the end of the file.
    ("titel: Diabetesmaterialer", 'titel: "Diabetesmaterialer', "titel:"),
    # A key without ':' is noticed on the next line.
    ("titel_kilde: kilde\n", "titel_kilde kilde\n", "titel_kilde kilde"),
    # An unclosed flow list is noticed where the next key starts.
    ("  linjer: [3060, 3061]\n", "  linjer: [3060, 3061\n", "  linjer: [3060, 3061"),
    # Text continuing at the key's indentation.
    ("titel_kilde: kilde\n", "titel_kilde: kilde\n  omraade: x\n", "  omraade: x"),
])
def test_a_syntax_error_is_reported_at_the_line_of_the_mistake(katalog, gammel, ny, ved):
    fil = katalog / EKSEMPEL
    fil.write_text(fil.read_text(encoding="utf-8").replace(gammel, ny, 1), encoding="utf-8")
    [besked] = fejl(katalog)
    assert besked.startswith(f"{fil}:{linje_med(fil, ved)}: YAML-syntaksfejl")


def test_yaml_nested_20000_deep_is_refused_without_a_traceback(katalog):
    fil = katalog / EKSEMPEL
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst + "dyb: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    linje = linje_med(fil, "dyb:")
    [besked] = fejl(katalog)
    assert besked == f"{fil}:{linje}: teksten er indlejret mere end 50 niveauer dybt; så dybt går intet i kataloget"


def test_deep_block_nesting_is_refused_at_the_first_line_too_deep(tmp_path):
    fil = tmp_path / "a.yaml"
    fil.write_text("".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "v\n", encoding="utf-8")
    with pytest.raises(YamlFejl) as e:
        indlaes(fil)
    assert e.value.linje == 51  # k50 opens the 51st mapping


def test_a_whole_number_with_thousands_of_digits_is_refused(katalog):
    fil = katalog / EKSEMPEL
    fil.write_text(fil.read_text(encoding="utf-8").replace("nummer: 39\n", "nummer: " + "9" * 5000 + "\n"),
                   encoding="utf-8")
    assert fejl(katalog) == [f"{fil}:2: tallet har mere end 100 cifre"]


def test_a_file_over_two_megabytes_is_refused_before_it_is_read(katalog):
    fil = katalog / EKSEMPEL
    fil.write_text(fil.read_text(encoding="utf-8") + "# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    [besked] = fejl(katalog)
    assert besked.startswith(f"{fil}:1: filen er større end 2 MB")


def test_more_than_one_document_in_a_file_is_refused(tmp_path):
    fil = tmp_path / "a.yaml"
    fil.write_text("a: 1\n---\nb: 2\n", encoding="utf-8")
    with pytest.raises(YamlFejl) as e:
        indlaes(fil)
    assert e.value.linje == 2 and "ét YAML-dokument" in e.value.besked


def test_ordinary_yaml_still_loads_with_lines():
    d = indlaes(ROOT / "catalogue" / EKSEMPEL)
    assert d.data["nummer"] == 39 and d.data["gyldig_fra"] == "2025-01-01"
    assert d.linje(("formaal", "tekst")) == 18


# --- an earlier edition (KVH_FORRIGE_KATALOG) may have used aliases; they stay bounded ------

def test_an_earlier_edition_may_use_aliases_but_a_billion_laughs_is_still_refused(tmp_path):
    fil = tmp_path / "a.yaml"
    fil.write_text("a: &x {b: [1, 2]}\nc: *x\n", encoding="utf-8")
    assert indlaes(fil, aliaser=True).data == {"a": {"b": [1, 2]}, "c": {"b": [1, 2]}}
    fil.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(YamlFejl) as e:
        indlaes(fil, aliaser=True)
    assert time.monotonic() - start < 5
    assert e.value.linje == 6 and "200.000 værdier" in e.value.besked  # lol6 expands to over a million
    fil.write_text("a: &x [1, *x]\n", encoding="utf-8")
    with pytest.raises(YamlFejl):
        indlaes(fil, aliaser=True)


def test_an_earlier_edition_written_with_aliases_can_still_be_compared(katalog, monkeypatch):
    # Until aliases were refused, frister.yaml shared the list of personal care standards this way.
    fil = katalog / "frister.yaml"
    tekst = fil.read_text(encoding="utf-8")
    liste = ("standarder: [personlig-hygiejne, udskillelser, ernaering, mobilitet, hverdagens-aktiviteter, "
             "tilsyn-og-omsorg]")
    assert tekst.count(liste) >= 2
    foerst = tekst.index(liste)
    tekst = (tekst[:foerst] + liste.replace("standarder: ", "standarder: &personlig ")
             + tekst[foerst + len(liste):].replace(liste, "standarder: *personlig"))
    fil.write_text(tekst, encoding="utf-8")
    assert any(ALIAS_BESKED in f for f in fejl(katalog))
    from sitegen import aendringer
    forrige, _ = aendringer.forrige_katalog(str(katalog))
    assert forrige.data["frister"] == indlaes_katalog(ROOT / "catalogue").data["frister"]
