"""The generated pages carry the catalogue faithfully, and the site config is Danish."""
from datetime import date
from pathlib import Path

import yaml

import calculators

from sitegen.begreber import SEKTIONER, er_hjaelpemiddel
from sitegen.datotekst import dansk_dato
from sitegen.markdown import tekst
from sitegen.site import byg_sider
from sitegen.stier import OVERSIGT, bilag_sti, lov_sti, standard_sti
from sitegen.catalogue import indlaes_katalog

ROOT = Path(__file__).resolve().parents[2]


def sider():
    return {s.sti: s.markdown for s in byg_sider(indlaes_katalog(), date.today())[0]}


def test_every_standard_has_a_page_with_all_its_sections():
    k = indlaes_katalog()
    alle = sider()
    for s in k.standarder:
        md = alle[standard_sti(s.id)]
        assert f"# {tekst(s['titel'])}" in md
        for felt, overskrift in SEKTIONER:
            if felt in s.data:
                assert f"## {overskrift}" in md
                # Every paragraph of the section is on the page.
                for afsnit in s[felt]["tekst"].split("\n\n"):
                    assert tekst(afsnit.strip()) in md, (s.id, felt)
        assert f"Gældende fra {dansk_dato(s['gyldig_fra'])}" in md
        assert f"linje {s['kilde']['linjer'][0]}–{s['kilde']['linjer'][1]}" in md


def test_calculator_form_is_on_the_pages_that_name_it():
    md = sider()["standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere.md"]
    assert 'data-beregner="diabetes"' in md
    assert '<option value="tablet" selected>' in md
    assert 'for="diabetes-strimler_ansoegt"' in md
    # Status and the one-line answer are announced (role=status); the whole result is not.
    assert md.count('role="status"') == 2 * md.count('data-beregner=') and "data-annonce" in md and "aria-live" not in md
    # The calculator is a heading of the page (in its table of contents), out of search.
    assert "## Beregner: Diabetesmaterialer" in md and "#diabetes-titel" in md


def test_navigation_is_area_then_group_then_standard():
    _, nav = byg_sider(indlaes_katalog(), date.today())
    omr = next(n for n in nav if "Hjælpemiddelområdet" in n)["Hjælpemiddelområdet"]
    gruppe = next(n for n in omr if isinstance(n, dict) and "Kropsbårne og personlige hjælpemidler" in n)
    standarder = gruppe["Kropsbårne og personlige hjælpemidler"]
    assert {"Diabetesmaterialer til tabletbehandlede diabetikere":
            "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere.md"} in standarder


def test_source_text_is_shown_literally():
    assert tekst("Se *) og <b> og _x_") == "Se \\*) og &lt;b&gt; og \\_x\\_"
    assert tekst("- punkt med *") == "- punkt med \\*"
    assert tekst("2025. Året") == "2025\\. Året"


def test_site_is_danish_with_its_own_search_and_instant_navigation():
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    cfg = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    assert cfg["theme"]["language"] == "da"
    assert "navigation.instant" in cfg["theme"]["features"]
    # Search is Pagefind (Danish stemming), built by our plugin; Material's lunr search is off.
    navne = {next(iter(p)) if isinstance(p, dict) else p for p in cfg["plugins"]}
    assert "kvalitetshaandbogen" in navne and not {"search", "material/search"} & navne
    assert cfg["theme"]["font"] is False  # no Google Fonts


def test_everyday_words_of_an_area_are_shown_on_its_standards():
    """'hjemmehjælp' is not in the home-care titles; the area's editorial search words
    put it, visibly, on every standard of the area (so search finds them)."""
    katalog = indlaes_katalog()
    sider = dict((side.sti, side.markdown) for side in byg_sider(katalog, date.today())[0])
    omr = katalog.omraade("personlig-og-praktisk-hjaelp")
    assert "hjemmehjælp" in omr["soegeord"]
    for s in katalog.standarder:
        md = sider[standard_sti(s.id)]
        assert ("Også kaldet: hjemmehjælp" in md) == (s["omraade"] == omr["id"]), s.id


def test_lovgrundlag_links_to_the_paragraph_text_in_bilag_1():
    katalog = indlaes_katalog()
    s = sider()
    bilag1 = s[bilag_sti(1)]
    citeret = 0
    for st in katalog.standarder:
        md = s[standard_sti(st.id)]
        for h in st["lovgrundlag"]["henvisninger"]:
            if "lov" not in h:
                continue
            tekst = katalog.lovtekst(h["lov"], h.get("paragraf"))
            if tekst is None:
                assert "Bilag 1 i kildeteksten gengiver ikke" in s[lov_sti(h)]
                continue
            citeret += 1
            anker = f"{h['lov']}-{h['paragraf']}"
            assert f"bilag-1.md#{anker})" in md or f"bilag-1/#{anker})" in md, (st.id, anker)
            assert f"{{ #{anker} }}" in bilag1
            # The paragraph's own page quotes the law.
            assert tekst["tekst"].split()[3] in s[lov_sti(h)]
    assert citeret > 100
    # § 112 (hjælpemidler) is quoted from the source lines, not summarised.
    assert "Kommunalbestyrelsen skal yde støtte til hjælpemidler til personer med varigt nedsat fysisk" \
        in katalog.lovtekst("serviceloven", "112")["tekst"]


def test_every_assistive_device_standard_links_to_the_responsibility_navigator():
    katalog = indlaes_katalog()
    s = sider()
    assert "ansvar/index.md" in s and 'data-beregner="ansvar"' in s["ansvar/index.md"]
    hjaelpemidler = [st for st in katalog.standarder if st["omraade"] == "hjaelpemidler"]
    assert len(hjaelpemidler) > 70
    for st in katalog.standarder:
        md = s[standard_sti(st.id)]
        assert ("](../ansvar/index.md)" in md) == er_hjaelpemiddel(st), st.id
    for st in hjaelpemidler:
        assert er_hjaelpemiddel(st)


def test_each_standard_shows_its_deadlines_from_bilag_4_and_the_overview_has_them():
    katalog = indlaes_katalog()
    s = sider()
    raekker = katalog.data["frister"]["frister"]
    fristvalg = {v for f in calculators.BEREGNERE["frister"].felter if f.id == "ansoegningstype"
                 for v, _ in f.muligheder}
    for st in katalog.standarder:
        egne = [r for r in raekker if st.id in r["standarder"]]
        assert egne, f"{st.id} has no row in Bilag 4"
        md = s[standard_sti(st.id)].replace("<wbr>", "")  # a break opportunity after "/", no text
        assert "## Tidsfrister" in md
        for r in egne:
            if r.get("afgoerelse"):
                assert " ".join(r["afgoerelse"]["tekst"].split())[:30] in md, (st.id, r["id"])
            # ... and a link that opens the deadline calculator with this row chosen.
            assert f"bilag-4.md?ansoegningstype={r['id']}#frister-titel)" in md, (st.id, r["id"])
            assert r["id"] in fristvalg, r["id"]
    oversigt = s[OVERSIGT]
    assert "| Frist for afgørelse |" in oversigt
    raekke = next(l for l in oversigt.splitlines() if "(../standarder/rengoering.md)" in l)
    assert raekke.endswith("| 20 arbejdsdage |")
    bilag4 = s[bilag_sti(4)]
    assert 'data-beregner="frister"' in bilag4 and "ikke overført" not in bilag4
    assert bilag4.count("\n| ") >= len(raekker)


def test_an_editors_note_in_an_appendix_is_marked_as_the_editors_and_is_not_markup():
    from sitegen.sider.bilag import bilag_side
    b = {"nummer": 9, "titel": "Befordring", "linjer": [1, 9], "tekst": {"afsnit": [
        {"linjer": [1, 9], "overskrift": "Guide", "redaktionel_note": "Sådan læses <b>tabellen</b>.\n\n!!! Ja og Nej.",
         "tekst": "Kildens egen tekst."}]}}
    md = bilag_side(b)
    note = md.index('!!! note "Redaktionens note"')
    assert note < md.index("    Sådan læses &lt;b&gt;tabellen&lt;/b&gt;.") < md.index("Kildens egen tekst.")
    assert "    &#33;!! Ja og Nej." in md  # the note's own text opens no block
    # Bilag 9's guide: the editors' explanation is the note, not the source's text.
    k = indlaes_katalog()
    guide = next(a for a in k.bilag[9]["tekst"]["afsnit"] if "Guide" in a.get("overskrift", ""))
    assert "rutediagram" in guide["redaktionel_note"] and "tekst" not in guide
    assert '!!! note "Redaktionens note"' in sider()[bilag_sti(9)]


def test_a_deadline_cell_may_break_after_a_slash_on_a_phone_and_stays_escaped():
    from sitegen.sider.frister import frister_afsnit
    k = indlaes_katalog()
    md = "\n".join(frister_afsnit(k, "rollatorer-og-gangbukke", standard_sti("rollatorer-og-gangbukke")))
    assert "hjælpemidler/<wbr>forbrugsgoder" in md
    frister = {**k.data["frister"], "frister": [{**k.data["frister"]["frister"][0], "standarder": ["x"],
                                                 "afgoerelse": {"tekst": "<b>a</b>/b", "linjer": [1, 1]}}]}
    k.data["frister"] = frister
    md = "\n".join(frister_afsnit(k, "x", "standarder/x.md"))
    assert "&lt;b&gt;a&lt;/<wbr>b&gt;/<wbr>b" in md and "<b>" not in md
