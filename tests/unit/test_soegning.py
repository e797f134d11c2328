"""The index side of search: words, compounds, the metadata Pagefind reads, the index files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import pagefind_indeks

from sitegen import ordforraad, soegeindeks
from sitegen.catalogue import indlaes_katalog
from sitegen.soegefakta import sidefakta, url
from sitegen.stier import standard_sti

ROOT = Path(__file__).resolve().parents[2]
SAMMENSAETNINGER = json.loads((ROOT / "tests" / "search" / "sammensaetninger.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("t", SAMMENSAETNINGER["tilfaelde"], ids=lambda t: t["ord"])
def test_compounds_split_by_the_shared_rule(t):
    kendte = set(SAMMENSAETNINGER["ordliste"])
    dele = ordforraad.del_sammensat(t["ord"], kendte)
    assert (list(dele) if dele else None) == t["dele"], t["hvorfor"]


def test_words_are_lower_case_and_a_hyphen_splits():
    assert ordforraad.ord_i("El-kørestole: Bade- og brusestole, § 112") == [
        "el", "kørestole", "bade", "og", "brusestole", "112"]


def test_stop_words_are_snowballs_danish_list():
    assert {"til", "og", "for", "med", "på", "af"} <= ordforraad.STOPORD
    assert not {"bil", "hjælp", "rollator"} & ordforraad.STOPORD


def test_implied_forms_of_a_text():
    kendte = {"bade", "bruse", "stole", "brusestole", "kørestole", "el", "køre", "hjælp", "middel"}
    former = ordforraad.ekstra_former("El-kørestole. Bade- og brusestole. Hjælpemiddel.", kendte)
    assert "elkørestole" in former                    # a hyphenated word written as one
    assert "badestole" in former                      # the shared half of "Bade- og brusestole"
    assert {"bruse", "stole", "hjælp", "middel"} <= former   # parts of compounds
    assert "kørestole" not in former, "a word the text writes is not added again"


def test_a_compound_whose_first_part_is_unknown_still_gives_its_head():
    kendte = {"stole", "kørestole", "bade"}
    assert ordforraad.efterled("brusestole", kendte) == "stole"
    assert ordforraad.efterled("stole", kendte) is None, "a word is not its own head"
    assert ordforraad.efterled("xyzstole", kendte) == "stole"
    assert ordforraad.efterled("xystole", kendte) is None, "the first part has at least 3 letters"
    assert ordforraad.efterled("xytil", kendte | {"til"}) is None, "stop words and words under 4 letters are no heads"
    former = ordforraad.ekstra_former("Bade- og brusestole", kendte)
    assert {"badestole", "stole"} <= former


def test_word_counts_count_pages_not_occurrences():
    antal = ordforraad.ordforraad(["rollator rollator bil", "rollator", "en"])
    assert antal == {"rollator": 2, "bil": 1}, "words under 3 letters are left out"


SIDE = ('<html><body><article class="md-content__inner md-typeset"><h1>Rollatorer</h1><p>Tekst om rollator.</p>'
        '<section data-search-exclude><p>beregnerord</p><input name="x"><br></section>'
        '<p>Efter<br>formularen</p></article><footer>fod</footer></body></html>')


def test_article_text_leaves_out_excluded_parts_and_the_page_frame():
    tekst = soegeindeks.artikel_tekst(SIDE)
    assert "Rollatorer" in tekst and "rollator" in tekst and "formularen" in tekst
    assert "beregnerord" not in tekst and "fod" not in tekst


def test_the_title_is_the_articles_first_h1():
    assert soegeindeks.artikel_titel(SIDE) == "Rollatorer"
    assert soegeindeks.artikel_titel("<article><p>ingen</p></article>") == ""


def test_metadata_is_hidden_escaped_and_placed_in_the_article():
    ud = soegeindeks.med_metadata(SIDE, {"type": "Standard", "nummer": "67", "soegeord": 'gangstativ "><script>x'})
    start = ud.index('<article class="md-content__inner md-typeset">')
    span = ud[start:].split(">", 2)[1]
    assert span.startswith("<span hidden data-pagefind-meta=")
    assert "type[data-kvh-type], nummer[data-kvh-nummer], soegeord[data-kvh-soegeord]" in ud
    assert "<script>" not in ud and "&quot;&gt;&lt;script&gt;x" in ud
    assert soegeindeks.med_metadata(SIDE, {"type": ""}) == SIDE, "nothing to add: the page is unchanged"


def test_a_page_without_the_article_is_a_plain_error():
    with pytest.raises(soegeindeks.SoegeFejl, match="article"):
        soegeindeks.med_metadata("<html><body><main>x</main></body></html>", {"type": "Side"})


def test_every_standard_has_its_number_and_area_in_search():
    katalog = indlaes_katalog()
    fakta = sidefakta(katalog)
    for s in katalog.standarder:
        f = fakta[url(standard_sti(s.id))]
        assert (f.type, f.nummer) == ("Standard", str(s["nummer"]))
        assert f.omraade == katalog.omraade(s["omraade"])["titel"]
        assert f.soegeord == tuple(s.get("soegeord", ()))


def test_urls_of_pages():
    assert url("standarder/rollatorer-og-gangbukke.md") == "/standarder/rollatorer-og-gangbukke/"
    assert url("omraader/hjaelpemidler/index.md") == "/omraader/hjaelpemidler/"
    assert url("index.md") == "/"


def _side(titel: str, tekst: str) -> str:
    return (f'<html lang="da"><body><article class="md-content__inner md-typeset"><h1>{titel}</h1>'
            f"<p>{tekst}</p></article></body></html>")


def _lille_site(rod: Path) -> None:
    (rod / "standarder" / "rollator").mkdir(parents=True)
    (rod / "standarder" / "rollator" / "index.html").write_text(
        _side("Rollatorer", "Bade- og brusestole og rollatorer."), encoding="utf-8")


def test_the_index_is_built_with_metadata_and_a_word_list(tmp_path):
    _lille_site(tmp_path)
    (tmp_path / "om").mkdir()
    (tmp_path / "om" / "index.html").write_text(_side("Om", "Velkommen til brusestole. Stole."), encoding="utf-8")
    (tmp_path / "404.html").write_text(_side("Ikke fundet", "fejlside"), encoding="utf-8")
    (tmp_path / "index.html").write_text(_side("Forside", "forsideord"), encoding="utf-8")
    (tmp_path / "om" / "udskrift").mkdir(parents=True)
    (tmp_path / "om" / "udskrift" / "index.html").write_text(_side("Udskrift", "hele bogen"), encoding="utf-8")
    fakta = {"/standarder/rollator/": soegeindeks.Sidefakta(type="Standard", nummer="67", omraade="Hjælpemidler",
                                                            soegeord=("gangstativ",))}
    antal = soegeindeks.byg_indeks(tmp_path, fakta)
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert list((tmp_path / "pagefind" / "fragment").iterdir())
    assert not list((tmp_path / "pagefind").glob("pagefind-*ui.*")), "Pagefind's own UIs are not published"
    ordliste = json.loads((tmp_path / soegeindeks.ORDLISTE).read_text(encoding="utf-8"))
    assert ordliste["sider"] == 2, "404, the front page and the print edition are not indexed"
    assert ordliste["ord"]["brusestole"] == 2 and ordliste["ord"]["gangstativ"] == 1
    assert ordliste["ord"]["badestole"] == 1, "an implied form is a word of the index too"
    assert not {"fejlside", "bogen", "forsideord"} & set(ordliste["ord"])
    assert "til" in ordliste["stopord"]
    assert antal == ordliste["ord"]
    meta = pagefind_indeks.fragmenter(tmp_path)["/standarder/rollator/"]["meta"]
    assert meta["type"] == "Standard" and meta["soegeord"] == "gangstativ"
    assert "badestole" in meta["former"].split()


def test_a_whole_index_passes_the_check_and_each_kind_of_broken_file_is_named(tmp_path):
    _lille_site(tmp_path)
    soegeindeks.byg_indeks(tmp_path, {})
    ud = tmp_path / "pagefind"
    assert soegeindeks.ufuldstaendigt_indeks(ud) is None
    indgang = (ud / "pagefind-entry.json").read_bytes()
    # what Pagefind's service leaves when it is ended before a write lands: an empty file
    (ud / "pagefind-entry.json").write_bytes(b"")
    assert "pagefind-entry.json" in soegeindeks.ufuldstaendigt_indeks(ud)
    (ud / "pagefind-entry.json").write_bytes(indgang)
    fragment = next((ud / "fragment").iterdir())
    hel = fragment.read_bytes()
    fragment.write_bytes(hel[: len(hel) // 2])  # cut off halfway
    assert fragment.name in soegeindeks.ufuldstaendigt_indeks(ud)
    fragment.write_bytes(hel[:10] + bytes([hel[10] ^ 0xFF]) + hel[11:])  # a byte gone wrong
    assert fragment.name in soegeindeks.ufuldstaendigt_indeks(ud)
    fragment.write_bytes(b"")
    assert soegeindeks.ufuldstaendigt_indeks(ud).endswith(f"{fragment.name} er tom")
    fragment.unlink()  # never created: the entry file counts one page more than there are fragments
    assert soegeindeks.ufuldstaendigt_indeks(ud) == "1 af 1 sidefragmenter mangler"
    fragment.write_bytes(hel)
    assert soegeindeks.ufuldstaendigt_indeks(ud) is None
    js = (ud / "pagefind.js").read_bytes()
    (ud / "pagefind.js").write_bytes(js[:4096])  # cut off after a block, as seen in a build
    assert soegeindeks.ufuldstaendigt_indeks(ud) == "pagefind.js er afbrudt midt i"
    (ud / "pagefind.js").write_bytes(b"")
    assert "pagefind.js" in soegeindeks.ufuldstaendigt_indeks(ud)
    (ud / "pagefind.js").write_bytes(js)
    wasm = (ud / "wasm.da.pagefind").read_bytes()
    (ud / "wasm.da.pagefind").write_bytes(wasm[: len(wasm) // 2])  # Pagefind's WebAssembly, cut off
    assert soegeindeks.ufuldstaendigt_indeks(ud) == "wasm.da.pagefind er afbrudt midt i eller ødelagt"
    (ud / "wasm.da.pagefind").unlink()
    assert soegeindeks.ufuldstaendigt_indeks(ud) == "wasm.da.pagefind, som pagefind-entry.json nævner, findes ikke"
    (ud / "wasm.da.pagefind").write_bytes(wasm)
    assert soegeindeks.ufuldstaendigt_indeks(ud) is None


def _skriv_der_afbrydes(monkeypatch, afbryd) -> list[int]:
    """Pagefind's writing, after which `afbryd(ud, n)` may break the index of write n (as an
    ended service leaves it). Returns the list of writes so far."""
    skriv = soegeindeks._skriv
    gange: list[int] = []

    async def skriv_og_afbryd(sider, ud):
        await skriv(sider, ud)
        gange.append(len(gange) + 1)
        afbryd(ud, len(gange))

    monkeypatch.setattr(soegeindeks, "_skriv", skriv_og_afbryd)
    return gange


def test_an_index_pagefind_left_unfinished_is_built_again(tmp_path, monkeypatch):
    _lille_site(tmp_path)

    def foerste_gang(ud, n):
        if n == 1:  # a hashed file cut off: Pagefind would keep it if it were left there
            fragment = next((ud / "fragment").iterdir())
            fragment.write_bytes(fragment.read_bytes()[:10])

    gange = _skriv_der_afbrydes(monkeypatch, foerste_gang)
    soegeindeks.byg_indeks(tmp_path, {})
    assert len(gange) == 2
    assert soegeindeks.ufuldstaendigt_indeks(tmp_path / "pagefind") is None


def test_an_index_that_stays_unfinished_stops_the_build_with_a_plain_message(tmp_path, monkeypatch):
    _lille_site(tmp_path)
    gange = _skriv_der_afbrydes(monkeypatch, lambda ud, n: (ud / "pagefind-entry.json").write_bytes(b""))
    with pytest.raises(soegeindeks.SoegeFejl, match="ufuldstændigt søgeindeks 3 gange i træk: pagefind-entry.json"):
        soegeindeks.byg_indeks(tmp_path, {})
    assert len(gange) == 3
