"""The health reform of 2027 (catalogue/reform.yaml): faithful to its source, shown on exactly the
pages it touches in the right tense, on its overview page, and in the navigator for a date.

Quotes are checked against the seed files as in test_ansvar_data.py (same helpers).
"""
from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from kataloghjaelp import erstat, katalog_fejl, kopi_af_kataloget
import yaml

import calculators
from test_ansvar_data import SEEDS, _kildetekst, _linjer as _kilde_linjer, _punkter, _staar_der

ROD = Path(__file__).resolve().parents[2]
REFORM = ROD / "catalogue" / "reform.yaml"
FOER, EFTER = date(2026, 12, 2), date(2027, 1, 2)

# The pages the data links, written out by hand from catalogue/reform.yaml's links (and the
# reasons there): if a link is added or removed, this list must be changed deliberately.
BEROERTE_SIDER = {
    "standarder/tvaerkommunalt-akutteam.md",
    "standarder/sygepleje.md",
    "standarder/forebyggende-fysisk-traening-efter-sundhedsloven.md",
    "standarder/befordring-og-befordringsgodtgoerelse-ved-genoptraening-efter-sundhedsloven.md",
    "bilag/bilag-4.md", "bilag/bilag-7.md", "bilag/bilag-9.md",
    "ansvar/kategorier.md",  # the navigator's categories 3 and 4.2
}
# Notices per page: one, except on the categories page, one under each touched category.
NOTITSER = {"ansvar/kategorier.md": 2}


def _data() -> dict:
    return yaml.safe_load(REFORM.read_text(encoding="utf-8"))


def _norm(s: str) -> str:
    return " ".join(s.split())


# --- The data ------------------------------------------------------------------------------------

def test_the_data_file_matches_its_schema():
    from sitegen import schemas
    assert list(schemas.fejl("reform", _data())) == []


@pytest.mark.skipif(SEEDS is None, reason="the source texts (../shared/seeds) are not here")
def test_every_quoted_sentence_is_in_the_source_at_its_lines():
    punkter = [(sti, dok, p) for sti, dok, p in _punkter(_data(), None, "reform") if "citat" in p]
    assert len(punkter) >= 15
    for sti, dokument, p in punkter:
        a, b = p["linjer"]
        assert 1 <= a <= b <= len(_kilde_linjer(dokument)), sti
        assert any(_staar_der(p["citat"], k) for k in _kildetekst(dokument, a, b)), \
            f"{sti}: «{p['citat'][:70]}…» is not in {dokument} lines {a}–{b}"


@pytest.mark.skipif(SEEDS is None, reason="the source texts (../shared/seeds) are not here")
def test_the_date_is_the_sources_date():
    d = _data()
    assert d["gyldig_fra"] == "2027-01-01"
    assert "1. januar 2027" in d["ikrafttraedelse"]["citat"]
    # 004 l. 3664–3665: "… overdrage sundhedsopgaver til regionerne pr. 1. januar 2027."
    assert any("pr. 1. januar 2027" in k for k in _kildetekst("004_04cd5857750c0903.txt", 3664, 3665))
    for a in d["aendringer"]:
        assert a["gyldig_fra"] == "2027-01-01", a["id"]


def test_the_four_categories_of_the_source_each_have_a_change():
    d = _data()
    # 004 l. 3667–3670: akutte specialiserede sygepleje, patientrettet forebyggelse, rehabilitering
    # på specialiseret niveau samt dele af ansvaret for genoptræning, midlertidige ophold.
    assert [k["id"] for k in d["kategorier"]] == ["akutsygepleje", "forebyggelse", "genoptraening", "pladser"]
    for k in d["kategorier"]:
        assert any(a["kategori"] == k["id"] and a["sikkerhed"] == "ikke_defineret" for a in d["aendringer"]), k
    # "Opgaverne, som skal overdrages, er på nuværende tidspunkt ikke nærmere defineret" is quoted
    # with each of them.
    for a in (a for a in d["aendringer"] if a.get("ansvar_punkt") == "opgaver-til-regionerne"):
        assert any("ikke nærmere defineret" in k["citat"] for k in a["kilder"]), a["id"]


def test_the_certainty_levels_of_the_issue_are_named_as_such():
    from sitegen.sider.reform import _dokument_navn, SIKKERHED
    assert SIKKERHED["fastlagt"][0] == "Fastlagt i aftalen"
    assert SIKKERHED["ikke_defineret"][0] == "Endnu ikke nærmere defineret"
    assert SIKKERHED["kl_forudsaetning"][0] == "KL's forudsætning, ikke fastlagt"
    from calculators.reform import SIKKERHED as BEREGNER
    assert set(BEREGNER) == set(SIKKERHED)


def test_every_link_has_its_reason():
    for a in _data()["aendringer"]:
        for felt in ("standarder", "bilagsraekker", "navigator"):
            for h in a.get(felt, []):
                assert len(h["grund"].split()) >= 8, (a["id"], felt, h)


def test_the_export_carries_the_reform_to_the_calculators():
    from calculators.katalog import indlaest
    assert indlaest().data["reform"] == _data()


# --- Cross-checks with file and line -------------------------------------------------------------

@pytest.fixture
def katalog_kopi(tmp_path):
    return kopi_af_kataloget(tmp_path)


def test_a_row_that_is_not_in_the_appendix_is_an_error_at_its_line(katalog_kopi):
    fil = katalog_kopi / "reform.yaml"
    linje = erstat(fil, "raekke: Forebyggende fysisk træning jf. Sundhedslov § 119",
                    "raekke: Forebyggende fysisk træning jf. Sundhedslov § 120")
    assert katalog_fejl(katalog_kopi) == [f"{fil}:{linje}: Bilag 7 har ingen række 'Forebyggende fysisk træning jf. "
                                   "Sundhedslov § 120' (forventede teksten i en celle eller overskrift i bilag/bilag-7.yaml)"]


def test_unknown_standard_navigator_category_and_deadline_row_are_errors(katalog_kopi):
    fil = katalog_kopi / "reform.yaml"
    l1 = erstat(fil, "standard: sygepleje\n", "standard: sygeplejen\n")
    l2 = erstat(fil, 'kategori: "4.2"\n        svar: {genoptraening: [specialiseret_ambulant]}',
                 'kategori: "4.9"\n        svar: {genoptraening: [specialiseret_ambulant]}')
    l3 = erstat(fil, "raekke: rehabiliteringsplads\n", "raekke: rehabiliteringspladsen\n")
    fejl = katalog_fejl(katalog_kopi)
    assert f"{fil}:{l1}: 'sygeplejen' er ikke id'et på en standard i catalogue/standarder/" in fejl
    assert f"{fil}:{l2}: '4.9' er ikke en kategori i ansvar.yaml" in fejl
    assert any(f.startswith(f"{fil}:{l3}: Bilag 4 har ingen række 'rehabiliteringspladsen'") for f in fejl)


def test_a_cell_shared_by_several_rows_is_not_a_row(katalog_kopi):
    fil = katalog_kopi / "reform.yaml"
    linje = erstat(fil, "raekke: Genoptræning efter sundhedslovens §140\n", "raekke: Kildegården Genoptræning\n")
    [besked] = katalog_fejl(katalog_kopi)
    assert besked.startswith(f"{fil}:{linje}: 'Kildegården Genoptræning' passer på")


# --- The pages -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def katalog():
    from sitegen.catalogue import indlaes_katalog
    return indlaes_katalog()


@pytest.fixture(scope="module")
def sider(katalog):
    from sitegen.site import byg_sider
    ud = {}
    for dag in (FOER, EFTER):
        s, nav = byg_sider(katalog, dag)
        ud[dag] = ({x.sti: x.markdown for x in s}, nav)
    return ud


def _notits(md: str) -> str:
    """The reform's admonitions on a page (title line and its indented block), or ''."""
    return "".join(re.findall(r'^!!! warning kvh-reform "[^"]*"\n(?:    .*\n|\n)*', md, re.M))


SKJULT = re.compile(r'<span data-kvh-(?:foer|fra)="[^"]*" hidden data-pagefind-ignore>.*?</span>', re.S)


def _vist(md: str) -> str:
    """What a reader sees of `md` with the build's own choice of tense: the hidden variants of
    sentences written in both tenses left out."""
    return re.sub(r'</?span\b[^>]*>', "", SKJULT.sub("", md))


def _skjult(md: str) -> str:
    """Only the hidden variants: what the reader's own date may show instead (datoskift.js)."""
    return re.sub(r'</?span\b[^>]*>', "", "".join(SKJULT.findall(md)))


def test_the_notice_is_on_exactly_the_pages_the_data_links(sider):
    d = _data()
    fra_data = {f"standarder/{h['standard']}.md" for a in d["aendringer"] for h in a.get("standarder", [])}
    fra_data |= {f"bilag/bilag-{h['bilag']}.md" for a in d["aendringer"] for h in a.get("bilagsraekker", [])}
    navigator = {n["kategori"] for a in d["aendringer"] for n in a.get("navigator", [])}
    assert navigator == {"3", "4.2"}
    fra_data |= {"ansvar/kategorier.md"}
    assert fra_data == BEROERTE_SIDER
    for dag in (FOER, EFTER):
        md, _ = sider[dag]
        med = {sti for sti, t in md.items() if "kvh-reform" in t}
        assert med == BEROERTE_SIDER, dag
        for sti in BEROERTE_SIDER:
            assert md[sti].count("!!! warning kvh-reform") == NOTITSER.get(sti, 1), sti


def test_the_notice_is_in_the_future_before_the_date_and_in_the_present_after(sider):
    d = _data()
    for sti in BEROERTE_SIDER:
        hele_foer, hele_efter = _notits(sider[FOER][0][sti]), _notits(sider[EFTER][0][sti])
        foer, efter = _vist(hele_foer), _vist(hele_efter)
        # The title is true on both sides of the day.
        assert '"Sundhedsreformen: ændringer fra 1. januar 2027"' in foer, sti
        assert '"Sundhedsreformen: ændringer fra 1. januar 2027"' in efter, sti
        vist = 0
        for a in d["aendringer"]:
            if _norm(a["foer"]) in _norm(foer):
                vist += 1
                assert _norm(a["efter"]) in _norm(efter), (sti, a["id"])
                # Both tenses are in the page, so the reader's own date can show the other one.
                assert _norm(a["efter"]) in _norm(_skjult(hele_foer)), (sti, a["id"])
                assert _norm(a["foer"]) in _norm(_skjult(hele_efter)), (sti, a["id"])
            assert _norm(a["efter"]) not in _norm(foer), (sti, a["id"])
            assert _norm(a["foer"]) not in _norm(efter), (sti, a["id"])
        assert vist >= 1, sti
    # Tense markers in the editors' sentences of the four categories: "skal … overdrage" before,
    # "har … overdraget" / "tilbyder" after.
    akut = _vist(_notits(sider[FOER][0]["standarder/tvaerkommunalt-akutteam.md"]))
    assert "Kommunerne skal pr. 1. januar 2027 overdrage den akutte specialiserede sygepleje" in _norm(akut)
    akut = _vist(_notits(sider[EFTER][0]["standarder/tvaerkommunalt-akutteam.md"]))
    assert "har kommunerne pr. 1. januar 2027 overdraget den akutte specialiserede sygepleje" in _norm(akut)


def test_a_sentence_in_both_tenses_shows_the_one_for_the_build_date_and_hides_the_other():
    from sitegen.datotekst import foer_og_efter
    for dag, vist, skjult in ((date(2026, 12, 31), "vil", "har"), (date(2027, 1, 1), "har", "vil"),
                              (date(2027, 6, 1), "har", "vil")):
        html = foer_og_efter("vil", "har", "2027-01-01", dag)
        assert _vist(html) == vist and _skjult(html) == skjult, dag
        assert html.count(" hidden data-pagefind-ignore>") == 1  # hidden from the reader and from search
    assert 'data-kvh-foer="2027-01-01"' in html and 'data-kvh-fra="2027-01-01"' in html
    with pytest.raises(ValueError):  # the day is data: only a date gets into the attribute
        foer_og_efter("vil", "har", '2027-01-01" onmouseover="x', date(2027, 1, 1))


def test_each_notice_says_how_certain_and_where_it_is_written_and_why_here(sider):
    md, _ = sider[FOER]
    akut = _norm(_notits(md["standarder/tvaerkommunalt-akutteam.md"]))
    assert "Endnu ikke nærmere defineret" in akut
    assert "KL's høringssvar og mødepapirer om sundhedsreformen" in akut
    assert "linje 3664–3670 og 2221–2226" in akut
    assert "Hvorfor på denne side:" in akut
    syg = _norm(_notits(md["standarder/sygepleje.md"]))
    assert "KL's forudsætning, ikke fastlagt" in syg and "linje 2327–2329 og 2305–2307" in syg
    # The agreements on running a task for the region go with every category's notice.
    assert "1006–1016" in akut and "1006–1016" in syg
    b9 = _norm(_notits(md["bilag/bilag-9.md"]))
    assert "Rækken «Genoptræning efter sundhedslovens §140: Specialiseret rehabilitering»" in b9
    assert "Rækken «Forebyggende fysisk træning efter Sundhedslovens §119»" in b9
    kat = md["ansvar/kategorier.md"]
    for anker in ("kategori-3", "kategori-4-2"):
        afsnit = kat.split(f"{{ #{anker} }}", 1)[1].split("\n### ", 1)[0]
        assert "!!! warning kvh-reform" in afsnit, anker
    assert "Navigatorens svar «rehabilitering specialiseret»" in _norm(_notits(kat))
    b4 = _norm(_notits(md["bilag/bilag-4.md"]))
    assert "Rækken «Midlertidig plads/Aflastningsplads»" in b4
    assert "sundhedsreform-2027.md" in b4


def test_nothing_on_a_notice_claims_a_date_for_the_kmf_the_source_does_not_give(sider):
    md, _ = sider[FOER]
    side = _norm(md["sundhedsreform-2027.md"])
    assert "Kilden giver ingen særskilt dato for nedlæggelsen" in side


def test_the_overview_page_lists_every_touched_standard_and_row_by_category(sider, katalog):
    d = _data()
    for dag in (FOER, EFTER):
        md, nav = sider[dag]
        side = md["sundhedsreform-2027.md"]
        assert {"Sundhedsreformen 2027 i håndbogen": "sundhedsreform-2027.md"} in nav
        overskrifter = re.findall(r"^## (.+?) \{ #(\w[\w-]*) \}$", side, re.M)
        assert [o[1] for o in overskrifter][:4] == ["akutsygepleje", "forebyggelse", "genoptraening", "pladser"]
        dele = re.split(r"^## ", side, flags=re.M)
        for a in d["aendringer"]:
            del_ = next(x for x in dele if x.startswith(next(k["titel"] for k in d["kategorier"]
                                                             if k["id"] == a["kategori"])
                                                        if a["kategori"] else "På tværs"))
            for h in a.get("standarder", []):
                assert f"(standarder/{h['standard']}.md)" in del_, (a["id"], h["standard"])
            for h in a.get("bilagsraekker", []):
                assert f"(bilag/bilag-{h['bilag']}.md)" in del_, (a["id"], h)
            for k in a["kilder"]:
                # The document by its human name (the file name is for "Om teksten").
                from sitegen.catalogue import indlaes_katalog
                from sitegen.sider.reform import _dokument_navn
                navn = _dokument_navn(indlaes_katalog(), k["dokument"])
                assert f"*{navn}*, linje {k['linjer'][0]}–{k['linjer'][1]}." in del_
        assert "Endnu ikke nærmere defineret" in side and "KL's forudsætning, ikke fastlagt" in side
    assert "træder efter planen i kraft den 1. januar 2027" in _vist(sider[FOER][0]["sundhedsreform-2027.md"])
    assert "trådte efter planen i kraft den 1. januar 2027" in _vist(sider[EFTER][0]["sundhedsreform-2027.md"])
    assert "trådte efter planen" not in _vist(sider[FOER][0]["sundhedsreform-2027.md"])
    assert "træder efter planen" not in _vist(sider[EFTER][0]["sundhedsreform-2027.md"])


def test_the_front_page_links_the_overview_within_a_year_of_the_reform(katalog):
    from sitegen.sider.forside import forside
    link = "(sundhedsreform-2027.md)"
    for dag in (date(2026, 1, 2), FOER, EFTER, date(2027, 12, 31)):
        assert link in forside(katalog, dag), dag
    for dag in (date(2025, 12, 31), date(2028, 1, 2)):
        assert link not in forside(katalog, dag), dag
    assert "Sundhedsreformen flytter efter planen opgaver" in _vist(forside(katalog, FOER))
    assert "Sundhedsreformen har efter planen flyttet opgaver" in _skjult(forside(katalog, FOER))
    assert "Sundhedsreformen har efter planen flyttet opgaver" in _vist(forside(katalog, EFTER))
    assert "flytter efter planen" not in _vist(forside(katalog, EFTER))


def test_the_changes_page_links_the_overview(sider):
    md, _ = sider[FOER]
    assert "(../sundhedsreform-2027.md)" in md["om/hvad-er-aendret.md"]


# --- The navigator ---------------------------------------------------------------------------------

def _svar(dato: str | None, **felter):
    alle_nej = {f: "nej" for f in ("apv", "arbejdsgange", "kompression", "hoereapparat", "implanteret", "indlagt",
                                   "hospitalskontrol", "apparatur_hjemme", "venter", "genoptraening",
                                   "speciallaege", "hjemmesygepleje", "varigt_nedsat", "anden_sektor")}
    raw = alle_nej | felter | ({"dato": dato} if dato else {})
    s = calculators.beregn("ansvar", raw)
    assert s["ok"], s
    return s, {p["id"]: p for p in s["result"]["poster"]}


def test_the_navigator_answers_for_the_date_on_each_side_of_the_reform():
    _, foer = _svar("2026-12-31", genoptraening="rehabilitering_specialiseret")
    _, efter = _svar("2027-01-01", genoptraening="rehabilitering_specialiseret")
    # 001 l. 13: aids for rehabilitation at specialised level are handed out by the kommuner …
    assert foer["leverer"]["vaerdi"] == "kommune" and foer["betaler"]["vaerdi"] == "kommune"
    assert foer["aendring_2027"]["vaerdi"] == "kommende"
    # … and from 1 January 2027 the task moves (004 l. 3664–3669); no source says who supplies them.
    for rolle in ("vurderer", "leverer", "betaler"):
        assert efter[rolle]["vaerdi"] == "uafklaret", rolle
        assert "1. januar 2027" in efter[rolle]["tekst"]
    assert efter["aendring_2027"]["vaerdi"] == "gaeldende"


def test_the_navigators_reform_notice_leads_each_change_with_its_certainty():
    # Hjemmesygepleje (category 3) is touched by two changes: the acute specialised nursing
    # (ikke_defineret) and the general nursing that KL assumes stays (kl_forudsaetning).
    _, p = _svar("2026-12-04", hjemmesygepleje="ja", opstart="ja")
    tekst = p["aendring_2027"]["tekst"]
    assert tekst.startswith("Endnu ikke nærmere defineret: Kommunerne skal pr. 1. januar 2027 overdrage")
    assert "KL's forudsætning, ikke fastlagt: KL forudsætter" in tekst
    assert "(" not in tekst  # no bracketed label repeating the change's own words


def test_the_navigators_date_defaults_to_today():
    s, p = _svar(None, genoptraening="rehabilitering_specialiseret")
    assert s["result"]["dato"] == date.today().isoformat()
    assert p["aendring_2027"]["vaerdi"] == ("kommende" if date.today() < date(2027, 1, 1) else "gaeldende")


def test_the_navigators_reform_steps_cite_the_quoted_lines():
    d = _data()
    foerste = {tuple(a["kilder"][0]["linjer"]) for a in d["aendringer"]}
    s, _ = _svar("2027-01-01", genoptraening="specialiseret_ambulant")
    reform = [t for t in s["forklaring"] if t["regel"] == "REFORM"]
    assert reform and all(tuple(t["linjer"]) in foerste for t in reform)
    assert any("Sikkerhed: fastlagt i aftalen" in t["tekst"] for t in reform)


def test_the_navigator_cites_each_change_once_at_its_first_source():
    # Category 4.2, rehabilitation at specialised level: only the change "genoptraening" touches it, and
    # it has more than one source; the step cites the first, as for every change.
    genoptraening = next(a for a in _data()["aendringer"] if a["id"] == "genoptraening")
    assert len(genoptraening["kilder"]) >= 2
    s, _ = _svar("2027-01-01", genoptraening="rehabilitering_specialiseret")
    reform = [t for t in s["forklaring"] if t["regel"] == "REFORM"]
    assert [tuple(t["linjer"]) for t in reform] == [tuple(genoptraening["kilder"][0]["linjer"])]


def test_the_navigator_form_asks_for_the_day_the_question_is_about(sider):
    md, _ = sider[FOER]
    form = md["ansvar/index.md"]
    assert 'name="dato"' in form and "Hvilken dag gælder spørgsmålet?" in form


# --- Catalogue text is data ---------------------------------------------------------------------------

def test_hostile_text_in_the_reform_data_renders_as_text(tmp_path, sider):
    from fixtures.fjendtlig import BLOK_PAYLOAD, LINJE_PAYLOADS
    from sitegen.catalogue import indlaes_katalog
    from sitegen.site import byg_sider
    from test_katalogtekst_som_data import elementer, render

    kopi = tmp_path / "catalogue"
    shutil.copytree(ROD / "catalogue", kopi)
    data = _data()
    a = data["aendringer"][0]
    a["emne"] = " ".join(LINJE_PAYLOADS)
    a["foer"] = a["efter"] = BLOK_PAYLOAD
    a["standarder"][0]["grund"] = BLOK_PAYLOAD
    a["bilagsraekker"][0]["grund"] = " ".join(LINJE_PAYLOADS)
    a["navigator"][0]["grund"] = BLOK_PAYLOAD
    a["kilder"][0]["citat"] = BLOK_PAYLOAD
    (kopi / "reform.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fjendtlige = {s.sti: s.markdown for s in byg_sider(indlaes_katalog(kopi), FOER)[0]}
    for sti in ("standarder/tvaerkommunalt-akutteam.md", "bilag/bilag-4.md", "ansvar/kategorier.md",
                "sundhedsreform-2027.md"):
        html = render(fjendtlige[sti].split("---", 2)[2])
        for tag, attrs in elementer(html):
            assert tag not in {"script", "img", "svg"}, (sti, tag)
            assert not any(n.startswith("on") for n, _ in attrs), (sti, tag, attrs)
            assert not any((v or "").strip().lower().startswith("javascript:") for _, v in attrs), (sti, tag)
        # The same admonitions and collapsible blocks as the page built from the real data.
        ren = render(sider[FOER][0][sti].split("---", 2)[2])
        for blok in ('<div class="admonition ', "<details", "<h2", "<h3", "<table"):
            assert html.count(blok) == ren.count(blok), (sti, blok)


@pytest.mark.parametrize("vaerdi", [date(2027, 1, 2), "2027-01-02"])
def test_the_build_date_option_takes_kvh_idag_as_mkdocs_reads_it(vaerdi):
    # MkDocs' !ENV reads KVH_IDAG=2027-01-02 as YAML, i.e. as a date; written in mkdocs.yml it may be text.
    from sitegen.plugin import KvalitetshaandbogPlugin
    plugin = KvalitetshaandbogPlugin()
    fejl, _ = plugin.load_config({"idag": vaerdi})
    assert fejl == []
    assert plugin._idag() == date(2027, 1, 2)


def test_the_overview_links_the_same_point_on_the_reform_timeline_page(sider):
    md, _ = sider[FOER]
    oversigt, tidslinje = md["sundhedsreform-2027.md"], md["ansvar/sundhedsreform.md"]
    for a in _data()["aendringer"]:
        if a.get("ansvar_punkt"):
            assert f"(ansvar/sundhedsreform.md#reform-{a['ansvar_punkt']})" in oversigt, a["id"]
            assert f"{{ #reform-{a['ansvar_punkt']} }}" in tidslinje, a["id"]
