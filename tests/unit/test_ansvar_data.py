"""catalogue/ansvar.yaml quotes its four source texts faithfully, and the ansvar/ pages are built from it.

The seed files are read directly (../shared/seeds/, line numbers 1-based as `sed -n`). For every
item with `linjer` the range must exist in its document (`dokument` on the item or the nearest
enclosing one), and every quoted text of the item must occur within those lines. PDF line breaks
are joined with a space; a word split over two lines with a hyphen ("opga-" / "veflytning") may be
quoted joined. " … " in a quote marks left-out words: the pieces must occur in order.
"""
from __future__ import annotations

from datetime import date

import re
from pathlib import Path

import pytest
import yaml

ROD = Path(__file__).resolve().parents[2]
SEEDS = next((p for p in (ROD.parent / "shared" / "seeds", ROD / "seeds") if p.is_dir()), None)
ANSVAR = ROD / "catalogue" / "ansvar.yaml"



@pytest.fixture(autouse=True)
def _kilderne_er_her():
    """The source texts are beside the repository in CI and on every machine: missing is an error, not a skip."""
    if SEEDS is None:
        pytest.fail("the source texts (../shared/seeds) are not here")

# `citat` is always a verbatim quote of the item's lines; `tekst` only in a category's `beskrivelse`
# (in the timeline `tekst` is the editors' plain-language summary).


def _data() -> dict:
    return yaml.safe_load(ANSVAR.read_text(encoding="utf-8"))


def _linjer(dokument: str) -> list[str]:
    return (SEEDS / dokument).read_text(encoding="utf-8").splitlines()


def _norm(s: str) -> str:
    s = s.replace("•", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def _kildetekst(dokument: str, a: int, b: int) -> tuple[str, str]:
    """The lines a..b joined: as they are, and with words split by a hyphen at a line end rejoined."""
    linjer = [l.strip() for l in _linjer(dokument)[a - 1:b] if l.strip()]
    som_er = _norm(" ".join(linjer))
    samlet = ""
    for l in linjer:
        if re.search(r"\w-$", samlet) and re.match(r"[a-zæøå]", l):
            samlet = samlet[:-1] + l
        else:
            samlet = f"{samlet} {l}" if samlet else l
    return som_er, _norm(samlet)


def _citat_norm(citat: str) -> str:
    # A quote may show list items on their own lines as "- …"; the source has "•" or "1." there.
    return _norm(re.sub(r"(?m)^- ", "", citat))


def _staar_der(citat: str, kilde: str) -> bool:
    pos = 0
    for stykke in (_citat_norm(s) for s in citat.split("…")):
        if not stykke:
            continue
        i = kilde.find(stykke, pos)
        if i < 0:
            return False
        pos = i + len(stykke)
    return True


def _punkter(node, dokument=None, sti="ansvar"):
    """Every mapping with `linjer`, with its document and a readable path."""
    if isinstance(node, dict):
        dokument = node.get("dokument") or node.get("fil") or dokument
        if "linjer" in node:
            yield sti, dokument, node
        for k, v in node.items():
            if k != "linjer":
                yield from _punkter(v, dokument, f"{sti}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _punkter(v, dokument, f"{sti}[{i}]")


def test_the_data_file_matches_its_schema():
    from sitegen import schemas
    assert list(schemas.fejl("ansvar", _data())) == []


def test_every_line_range_exists_in_its_document():
    punkter = list(_punkter(_data()))
    assert len(punkter) > 80
    for sti, dokument, p in punkter:
        assert dokument, f"{sti}: has linjer but no dokument"
        a, b = p["linjer"]
        n = len(_linjer(dokument))
        assert 1 <= a <= b <= n, f"{sti}: lines {a}–{b} are not within {dokument} (1–{n})"
        assert any(l.strip() for l in _linjer(dokument)[a - 1:b]), f"{sti}: lines {a}–{b} are empty"


def test_every_quote_occurs_in_its_lines():
    for sti, dokument, p in _punkter(_data()):
        kilder = _kildetekst(dokument, *p["linjer"])
        citater = [("citat", p["citat"])] if "citat" in p else []
        if ".beskrivelse[" in sti:
            citater.append(("tekst", p["tekst"]))
        if "punkter" in p and all(isinstance(x, str) for x in p["punkter"]):  # eksempler
            citater += [("punkter", x) for x in p["punkter"]]
        if "hovedkategori" in p or re.fullmatch(r"ansvar\.hovedkategorier\[\d+\]", sti):
            citater.append(("titel", p["titel"]))  # a category's heading is quoted
        if p.get("titel_kilde") == "kilde":
            citater.append(("titel", p["titel"]))
        for felt, citat in citater:
            assert any(_staar_der(citat, k) for k in kilder), \
                f"{sti}.{felt}: «{citat[:70]}…» is not in {dokument} lines {p['linjer']}"


def test_categories_without_main_category_quote_their_heading_too():
    for k in _data()["kategorier"]:
        som_er, _ = _kildetekst(k["dokument"], *k["linjer"])
        assert _staar_der(k["titel"], som_er), k["id"]


def test_the_quote_checker_rejects_invented_text():
    # A self-check of the helper, so a lax comparison cannot pass everything.
    kilder = _kildetekst("001_12cf25b66c9038a7.txt", 146, 146)
    assert any(_staar_der("skal leveres og finansieres af sygehuset (regionen).", k) for k in kilder)
    assert not any(_staar_der("skal leveres og finansieres af kommunen.", k) for k in kilder)
    assert not any(_staar_der("sygehuset (regionen) … Træning af en patient", k) for k in kilder)
    # Words split over two lines are found joined (004 l. 3667–3668: "pa-" / "tientrettet").
    assert any(_staar_der("patientrettet forebyggelse", k)
               for k in _kildetekst("004_04cd5857750c0903.txt", 3667, 3668))


def test_the_expected_content_is_there():
    d = _data()
    assert [k["id"] for k in d["kategorier"]] == ["1.1", "1.2", "1.3", "1.4", "2.1", "3", "4.1", "4.2", "5",
                                                  "arbejdsgange", "apv"]
    for k in d["kategorier"]:
        assert k.get("hovedkategori") in {h["id"] for h in d["hovedkategorier"]} | {None}
    assert len(d["kompression"]["punkter"]) >= 8
    assert {e["id"] for e in d["nordjylland"]["emner"]} >= {"instruktion", "reparation", "levering", "betaling"}
    assert "ikke Gladsaxes" in d["nordjylland"]["bemaerkning"]
    datoer = [t["dato"] for t in d["reform_tidslinje"]]
    # A year (or month) without a day sorts before the dated entries of that year.
    assert datoer == sorted(datoer, key=lambda x: (x + "-00-00")[:10]), "the timeline is in date order"
    assert "2027-01-01" in datoer


def test_every_uafklaret_reference_exists_and_every_flag_is_used():
    d = _data()
    ids = [u["id"] for u in d["uafklaret"]]
    assert len(ids) == len(set(ids))
    brugt = set()

    def gaa(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "uafklaret" and isinstance(v, list) and all(isinstance(x, str) for x in v):
                    brugt.update(v)
                else:
                    gaa(v)
        elif isinstance(node, list):
            for v in node:
                gaa(v)
    gaa({k: v for k, v in d.items() if k != "uafklaret"})
    assert brugt <= set(ids), f"unknown: {brugt - set(ids)}"
    assert set(ids) - brugt <= {"F1"}, f"flags shown on no page except the list: {set(ids) - brugt - {'F1'}}"


# --- The pages -----------------------------------------------------------------------------------

SIDER = {"ansvar/index.md", "ansvar/kategorier.md", "ansvar/kompression.md", "ansvar/nordjylland.md",
         "ansvar/sundhedsreform.md"}


@pytest.fixture(scope="module")
def sider():
    from sitegen.sider.ansvar import ansvar_sider
    from sitegen.catalogue import Katalog, KatalogFejl, indlaes_katalog

    try:
        katalog = indlaes_katalog()
    except KatalogFejl:  # another file of the shared catalogue is broken: use the rates alone
        from sitegen.yamlsource import indlaes
        satser = {}
        for f in sorted((ROD / "catalogue" / "satser").glob("*.yaml")):
            satser |= indlaes(f).data["satser"]
        katalog = Katalog(ROD / "catalogue", [], [], {}, satser, [], [], {"ansvar": _data()})
    assert "ansvar" in katalog.data
    s, nav = ansvar_sider(katalog, date.today())
    return {x.sti: x.markdown for x in s}, nav


def _nav_stier(nav):
    for n in nav:
        if isinstance(n, str):
            yield n
        elif isinstance(n, dict):
            for v in n.values():
                yield from _nav_stier(v if isinstance(v, list) else [v])


def test_the_five_pages_and_their_navigation(sider):
    md, nav = sider
    assert set(md) == SIDER
    assert set(_nav_stier(nav)) == SIDER
    for sti, tekst in md.items():
        assert tekst.startswith("---\ntitle: "), sti
        assert re.search(r"^# ", tekst, re.M), sti


def test_relative_links_between_the_pages_resolve(sider):
    md, _ = sider
    for sti, tekst in md.items():
        for maal in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", tekst):
            if maal.startswith(("http:", "https:")):
                continue
            fuld = (Path(sti).parent / maal).as_posix()
            dele = []
            for d in fuld.split("/"):
                if d == "..":
                    assert dele, f"{sti}: link {maal} leaves the site"
                    dele.pop()
                elif d != ".":
                    dele.append(d)
            maal_sti = "/".join(dele)
            assert maal_sti in SIDER or (ROD / "docs" / maal_sti).exists() or maal_sti.startswith(
                ("standarder/", "bilag/", "om/", "lovgrundlag/", "omraader/", "sundhedsreform-2027")), \
                f"{sti}: dead link {maal}"
        for ankre in re.findall(r"\]\(#([^)]+)\)", tekst):
            assert f"{{ #{ankre} }}" in tekst or f'id="{ankre}"' in tekst, f"{sti}: no anchor #{ankre}"


def test_every_page_names_its_source_by_its_human_name_and_lines(sider):
    md, _ = sider
    d = _data()
    titler = {x["fil"]: x["titel"] for x in d["dokumenter"]}
    for sti, tekst in md.items():
        assert "linje" in tekst, sti
        assert any(t in tekst for t in titler.values()), f"{sti}: names no source document"
        # A reader sees the document's name, not the file it was extracted to.
        krop = tekst.split('<details class="kvh-om-teksten"', 1)[0]
        assert not any(f in krop for f in titler), f"{sti}: a file name stands in the text"
    assert titler["000_b7034effe3a86ee6.txt"] in md["ansvar/kompression.md"]
    assert titler["002_b0559527e517640d.txt"] in md["ansvar/nordjylland.md"]
    assert titler["004_04cd5857750c0903.txt"] in md["ansvar/sundhedsreform.md"]


def test_the_example_agreement_is_labelled_at_the_top(sider):
    md, _ = sider
    nj = md["ansvar/nordjylland.md"]
    foerste_afsnit = nj.split("\n## ", 1)[0]
    assert "!!! warning" in foerste_afsnit and "ikke Gladsaxe" in foerste_afsnit


def test_quotes_on_the_pages_are_escaped_source_text(sider):
    md, _ = sider
    # The 2.1 criteria start with "1." in the source; escaped they stay text, not a new list.
    assert "kommunalbestyrelsen yde støtte" in md["ansvar/kategorier.md"]
    # "< 80.000 borgere" (004 l. 2586) must not become an HTML tag.
    assert "&lt; 80.000 borgere" in md["ansvar/sundhedsreform.md"]
    # Every open question has its anchor on the index page, and the other pages link to them.
    for u in _data()["uafklaret"]:
        assert f"{{ #{u['id'].lower()} }}" in md["ansvar/index.md"]
    assert "index.md#f7)" in md["ansvar/kompression.md"]
    for t in md.values():
        assert "<script" not in t


def test_the_calculator_form_appears_only_if_the_calculator_exists(sider):
    import calculators
    md, _ = sider
    har_form = 'data-beregner="ansvar"' in md["ansvar/index.md"]
    assert har_form == ("ansvar" in calculators.BEREGNERE)


def test_timeline_is_shown_in_order_with_sources(sider):
    md, _ = sider
    side = md["ansvar/sundhedsreform.md"].split("## Tidslinje", 1)[1].split("\n## ", 1)[0]
    assert side.index("15. november 2024") < side.index("1. januar 2027")
    for t in _data()["reform_tidslinje"]:
        a, b = t["linjer"]
        navn = next(d["titel"] for d in _data()["dokumenter"] if d["fil"] == t["dokument"])
        assert f"*{navn}*, linje {a}–{b} |" in side or (a == b and f"*{navn}*, linje {a} |" in side), t["dato"]
