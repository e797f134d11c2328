"""Bilag 4 (Tidsfrister): the data in catalogue/frister.yaml, the deadline calculator and the
"Tidsfrister" section of a standard's page.

Expected dates are counted by hand on a calendar (see calculators/cases/frister.yaml for more).
"""
import copy
import dataclasses
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

import calculators
from calculators.frister import BEREGNER

ROOT = Path(__file__).resolve().parents[2]
from sitegen.catalogue import indlaes_katalog
from sitegen.redaktoer import _raekker, advarsler
from sitegen.sider.frister import frister_afsnit

KILDE = (ROOT.parent / "shared" / "seeds" / "003_a9efded0fbb87759.txt")
DATA = yaml.safe_load((ROOT / "catalogue" / "frister.yaml").read_text(encoding="utf-8"))
TALORD = {"en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "syv": 7, "ti": 10}


@pytest.fixture(scope="module")
def katalog():
    return indlaes_katalog()


def _alle_raekker():
    return DATA["frister"] + DATA["borgerens_frister"]


def _tekster(node, sti=()):
    if isinstance(node, dict):
        if "tekst" in node and "linjer" in node:
            yield sti, node
        for k, v in node.items():
            yield from _tekster(v, sti + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _tekster(v, sti + (i,))


def test_every_text_is_verbatim_at_its_lines():
    assert KILDE.exists(), f"the source text is not beside the repository: {KILDE}"
    linjer = KILDE.read_text(encoding="utf-8").split("\n")
    uden_mellemrum = lambda t: re.sub(r"\s+", "", t)  # noqa: E731 - PDF line breaks and split words
    for sti, node in _tekster(DATA):
        a, b = node["linjer"]
        assert a <= b, sti
        tekst = re.sub(r"^- ", "• ", node["tekst"], flags=re.M)  # a Markdown bullet is the source's "•"
        assert uden_mellemrum(tekst) in uden_mellemrum(" ".join(linjer[a - 1:b])), sti


def test_cell_lines_lie_inside_their_row():
    for r in _alle_raekker():
        a, b = r["linjer"]
        for noegle in ("titel", "lovgrundlag", "afgoerelse", "start", "kommentar", "frist"):
            celle = r.get(noegle)
            if celle:
                assert a <= celle["linjer"][0] <= celle["linjer"][1] <= b, (r["id"], noegle)


def test_every_structured_deadline_is_a_number_in_its_text():
    for r in _alle_raekker():
        for noegle in ("afgoerelse", "start", "kommentar", "frist"):
            celle = r.get(noegle) or {}
            ord_ = re.findall(r"\w+", celle.get("tekst", "").lower())
            tal = {int(w) for w in ord_ if w.isdigit()} | {TALORD[w] for w in ord_ if w in TALORD}
            if "dagen" in ord_ and "efter" in ord_:  # "senest dagen efter"
                tal.add(1)
            for f in celle.get("frister", []):
                if f["enhed"] == "straks":
                    assert "straks" in ord_, (r["id"], noegle)
                elif f["enhed"] == "samme_dag":
                    assert "samme" in ord_ and "dag" in ord_, (r["id"], noegle)
                else:
                    assert f["antal"] in tal, (r["id"], noegle, f)


def test_ids_and_rules_are_unique_and_sub_rows_point_at_a_row():
    ids = [r["id"] for r in _alle_raekker()]
    assert len(ids) == len(set(ids))
    regler = [r["regel"] for r in _alle_raekker()]
    assert len(regler) == len(set(regler))
    for r in _alle_raekker():
        if "under" in r:
            assert r["under"] in ids and r["under"] != r["id"]


def test_every_standard_has_a_row_and_the_default_row_is_10_working_days(katalog):
    med_frist = {s for r in DATA["frister"] for s in r["standarder"]}
    assert med_frist == {s.id for s in katalog.standarder}
    oevrige = next(r for r in DATA["frister"] if r["id"] == "oevrige")
    assert oevrige["regel"] == "R-B4-0" and oevrige["linjer"] == [11639, 11640]
    assert oevrige["afgoerelse"]["frister"] == [{"antal": 10, "enhed": "arbejdsdage"}]
    # a standard with its own row is not also given the default row
    egne = {s for r in DATA["frister"] if r["id"] != "oevrige" for s in r["standarder"]}
    assert not egne & set(oevrige["standarder"])


def test_the_editor_warning_finds_the_rows(katalog):
    assert len(_raekker(katalog.data["frister"])) == len(DATA["frister"])

    def uden_raekke(k):
        return [f for f in advarsler(k, calculators.BEREGNERE) if "ingen række i tabellen over tidsfrister" in f.besked]

    assert uden_raekke(katalog) == []
    # The check can fire: a table that forgets one standard gets a warning for exactly that one.
    frister = copy.deepcopy(katalog.data["frister"])
    antal = Counter(s for r in _raekker(frister) for s in r.get("standarder", []))
    raekke, glemt = next((r, s) for r in _raekker(frister) for s in r.get("standarder", []) if antal[s] == 1)
    raekke["standarder"].remove(glemt)
    uden = dataclasses.replace(katalog, data={**katalog.data, "frister": frister})
    fund = uden_raekke(uden)
    nummer = katalog.standard(glemt)["nummer"]
    assert [f.besked.split(" har ")[0] for f in fund] == [f"standard nr. {nummer}"]


def test_the_deadlines_are_exported_to_the_calculators():
    assert calculators.indlaest().data["frister"]["frister"][0]["id"] == "oevrige"


# --- The calculator ------------------------------------------------------------------------

def _svar(**raw):
    return calculators.beregn("frister", raw)


def _poster(svar):
    assert svar["ok"], svar
    return {p["id"]: p for p in svar["result"]["poster"]}


def test_the_options_are_the_rows_of_bilag_4():
    valg = next(f for f in BEREGNER.felter if f.id == "ansoegningstype")
    assert [v for v, _ in valg.muligheder] == [r["id"] for r in DATA["frister"]]
    labels = dict(valg.muligheder)
    assert labels["personlig-pleje-ny-leverandoer"] == "Hjælp til personlig pleje – Ny leverandør"
    assert labels["noedkald"] == "Nødkald (SEL 112)"


def test_rehabilitation_across_easter_and_the_given_decision_date():
    # Vederlagsfri fysioterapi: 10 arbejdsdage fra tor 10/4 2025: 11, 14, 15, 16, 22, 23, 24, 25,
    # 28, 29/4. Afgørelse truffet 14/4: kontakt inden 3 arbejdsdage = 15, 16, 22/4;
    # start inden 10 = 15, 16, 22, 23, 24, 25, 28, 29, 30/4, 1/5 (1. maj er ikke en helligdag).
    p = _poster(_svar(ansoegningstype="vederlagsfri-fysioterapi", modtaget="2025-04-10",
                      afgoerelse_dato="2025-04-14"))
    assert p["afgoerelse"]["vaerdi"] == "2025-04-29"
    assert p["start_1"]["vaerdi"] == "2025-04-22"
    assert p["start_2"]["vaerdi"] == "2025-05-01"
    assert p["start_1"]["label"] == "Borgeren er kontaktet senest"


def test_text_only_deadlines_have_no_date_and_quote_the_source():
    p = _poster(_svar(ansoegningstype="selvudpeget-hjaelp", modtaget="2025-03-03"))
    assert p["start"]["vaerdi"] is None
    assert "Umiddelbart efter ansættelse af den selvudpegede medarbejder" in p["start"]["tekst"]
    p = _poster(_svar(ansoegningstype="socialpaedagogisk-stoette", modtaget="2025-03-03"))
    assert p["afgoerelse"]["vaerdi"] is None and "voksne med særlige behov" in p["afgoerelse"]["tekst"]


def test_the_explanation_names_the_holidays_skipped_and_the_interpretations():
    svar = _svar(ansoegningstype="praktisk-hjaelp", modtaget="2025-12-19")
    tekster = " ".join(t["tekst"] for t in svar["forklaring"])
    assert "juledag 25. december 2025" in tekster and "nytårsdag 1. januar 2026" in tekster
    assert all(t["bilag"] == 4 and t["regel"] == "R-B4-7" for t in svar["forklaring"])
    fortolkninger = {t["fortolkning"]["id"] for t in svar["forklaring"] if t["fortolkning"]}
    assert {"arbejdsdage", "start-fra-afgoerelse"} <= fortolkninger
    arbejdsdage = next(f for f in BEREGNER.fortolkninger if f.id == "arbejdsdage")
    assert "Grundlovsdag, juleaftensdag og nytårsaftensdag" in arbejdsdage.tekst


def test_conflicting_rows_for_a_car_adaptation_are_both_available_and_flagged():
    a = _poster(_svar(ansoegningstype="saerlig-indretning", modtaget="2025-03-03"))
    b = _poster(_svar(ansoegningstype="saerlige-indretninger-i-bil", modtaget="2025-03-03"))
    assert a["afgoerelse_1"]["vaerdi"] > b["afgoerelse_1"]["vaerdi"]
    svar = _svar(ansoegningstype="saerlige-indretninger-i-bil", modtaget="2025-03-03")
    assert any(t["fortolkning"] and t["fortolkning"]["id"] == "saerlig-indretning-a21"
               for t in svar["forklaring"])


def test_a_decision_before_the_receipt_date_is_refused_in_danish():
    svar = _svar(ansoegningstype="daghjem", modtaget="2025-03-10", afgoerelse_dato="2025-03-07")
    assert svar["ok"] is False
    assert svar["fejl"][0]["felt"] == "afgoerelse_dato"
    assert "før" in svar["fejl"][0]["besked"]


def test_every_row_computes_for_any_weekday_of_a_year():
    for r in DATA["frister"]:
        for d in (date(2025, 1, 1), date(2025, 4, 17), date(2025, 12, 24), date(2100, 12, 31)):
            svar = _svar(ansoegningstype=r["id"], modtaget=d.isoformat())
            assert svar["ok"], (r["id"], d, svar)
            for p in svar["result"]["poster"]:
                if p["vaerdi"] is not None:
                    assert p["vaerdi"] >= d.isoformat(), (r["id"], p)


# --- The section of a standard's page ----------------------------------------------------------

def test_section_for_a_standard_with_its_own_rows(katalog):
    md = "\n".join(frister_afsnit(katalog, "plejebolig", "standarder/plejebolig.md"))
    assert md.startswith("## Tidsfrister")
    assert "| Plejebolig (Lov om almene boliger §54 §57) | 20 arbejdsdage. |" in md
    assert "Indenfor 2 måneder tilbydes bolig" in md
    assert "| Plejebolig | Lov om almene boliger §§ 54 og 57 | Frist fra tilbudt pleje- eller demensplejebolig" in md
    assert "(../bilag/bilag-4.md)" in md


def test_section_for_a_standard_under_the_default_row(katalog):
    md = "\n".join(frister_afsnit(katalog, "foererhund", "standarder/foererhund.md"))
    assert "gælder der en sagsbehandlingstid på 10 arbejdsdage" in md
    assert "ingen særskilt række" in md


def test_section_flags_the_conflict_once_and_is_empty_for_an_unknown_standard(katalog):
    md = "\n".join(frister_afsnit(katalog, "saerlig-indretning-af-bil", "standarder/x.md"))
    assert md.count("Bemærk:") == 1 and "125 arbejdsdage" in md and "60 arbejdsdage" in md
    assert frister_afsnit(katalog, "findes-ikke", "standarder/x.md") == []


# --- Bilag 4 as printed: every word of the table region is in exactly one cell -------------

# The column headers repeat at every page break of the table; the data gives them once.
SIDEHOVED = (11744, 11752)


def _celler():
    """(path, cell) for every cell of the two tables, the headings and the introduction.

    The general rule (R-B4-0) restates the introduction's sentence (11639–11640) as a row for
    the calculator; it is not a cell of the table."""
    for sti, node in _tekster(DATA):
        if sti[:2] == ("frister", 0) and DATA["frister"][0]["id"] == "oevrige":
            continue
        yield sti, node


@pytest.mark.skipif(not KILDE.exists(), reason="the source text is not beside the repository")
def test_bilag_4_cell_by_cell_every_source_character_lands_in_exactly_one_cell():
    linjer = KILDE.read_text(encoding="utf-8").split("\n")
    a, b = DATA["linjer"]
    tegn, linje_af = [], []
    for nr in range(a + 1, b + 1):  # a is the appendix heading "Bilag 4: Tidsfrister"
        for c in linjer[nr - 1]:
            if not c.isspace():
                tegn.append(c)
                linje_af.append(nr)
    g = "".join(tegn)
    start_af = {}
    for i, nr in enumerate(linje_af):
        start_af.setdefault(nr, i)
    brugt = [0] * len(g)
    for sti, celle in _celler():
        fra, til = celle["linjer"]
        lo = start_af[fra]
        hi = max(i for i, nr in enumerate(linje_af) if nr <= til) + 1
        t = re.sub(r"\s+", "", re.sub(r"^- ", "• ", celle["tekst"], flags=re.M))
        i = g.find(t, lo, hi)
        while i >= 0 and any(brugt[i:i + len(t)]):
            i = g.find(t, i + 1, hi)
        assert i >= 0, f"{sti}: '{celle['tekst'][:60]}' is not (again) at lines {fra}–{til}"
        for j in range(i, i + len(t)):
            brugt[j] += 1
    hoved = re.sub(r"\s+", "", " ".join(linjer[SIDEHOVED[0] - 1:SIDEHOVED[1]]))
    for m in re.finditer(re.escape(hoved), g):
        if linje_af[m.start()] != SIDEHOVED[0]:
            for j in range(m.start(), m.end()):
                brugt[j] += 1  # a repeated page header
    tilbage: dict[int, str] = {}
    for j, n in enumerate(brugt):
        if n != 1 and not re.fullmatch(r"\d{1,3}", linjer[linje_af[j] - 1].strip()):
            tilbage[linje_af[j]] = tilbage.get(linje_af[j], "") + g[j]
    assert tilbage == {}, "source characters in no cell (or two): " + "; ".join(
        f"{nr}: {s}" for nr, s in list(tilbage.items())[:15])


def test_the_sygepleje_sub_rows_have_their_own_cells():
    raekker = {r["id"]: r for r in DATA["frister"]}
    hoved = raekker["sygepleje"]
    assert "2 arbejdsdage" not in hoved["start"]["tekst"] and "Straks." != hoved["start"]["tekst"]
    lev = raekker["sygepleje-leverandoerskift"]
    assert lev["under"] == "sygepleje" and lev["start"]["tekst"] == "2 arbejdsdage."
    assert raekker["sygepleje-udskrevet-fra-hospital"]["titel"]["linjer"] == [12381, 12384]


def test_the_citizens_table_is_as_printed(katalog):
    from datetime import date

    from sitegen.site import byg_sider
    from sitegen.stier import bilag_sti
    md = {s.sti: s.markdown for s in byg_sider(katalog, date.today())[0]}[bilag_sti(4)]
    assert "| Ved ansøgning om | Hvilke paragraffer | Kommentar | Frist | Linjer |" in md
    assert "| Plejebolig | Lov om almene boliger §§ 54 og 57 |" in md
    assert "| Aflastningsplads | § 84 | Ansøgning skal være modtaget i Visitationen | " \
           "10 arbejdsdage før behov for aflastningsplads |" in md
    # The sub-rows' first cells are empty, and the comment is not repeated as a title.
    assert md.count("Indflytning fra egen bolig") == 1
    assert "|  |  | Indflytning fra egen bolig:" in md
    assert "refererer kolonnen ”Hvilke paragraffer” til Lov om social service" in md
    assert "skal borgeren og evt. de pårørende orienteres om årsagen hertil" in md


# --- What the calculator does with rows Bilag 4 does not have (yet): a test catalogue ---------------

def _katalog_med(aendring):
    """The exported catalogue with its Bilag 4 data changed by `aendring(frister_data)`."""
    import copy
    import json

    from calculators.katalog import fra_data
    data = json.loads((ROOT / "calculators" / "data" / "katalog.json").read_text("utf-8"))
    data = copy.deepcopy(data)
    aendring(data["data"]["frister"])
    return fra_data(data)


def _raekke(frister_data, rid):
    return next(r for r in frister_data["frister"] + frister_data["borgerens_frister"] if r["id"] == rid)


def test_a_start_after_a_decision_without_a_date_asks_for_the_decision_date():
    """Fortolkning start-fra-afgoerelse: the start counts from the decision; when the decision column is
    text only and no decision date is typed, there is nothing to count from."""
    def aendring(d):
        r = _raekke(d, "praktisk-hjaelp")
        r["afgoerelse"] = {"tekst": "Hurtigst muligt.", "linjer": [11861, 11861]}
        r["start"]["frister"] = [{"antal": 5, "enhed": "arbejdsdage"}, {"antal": 2, "enhed": "uger"}]
    k = _katalog_med(aendring)
    p = _poster(calculators.beregn("frister", {"ansoegningstype": "praktisk-hjaelp", "modtaget": "2025-03-03"}, k))
    assert p["afgoerelse"]["vaerdi"] is None and "Hurtigst muligt." in p["afgoerelse"]["tekst"]
    assert {pid for pid in p if pid.startswith("start")} == {"start_1", "start_2"}
    assert p["start_1"]["vaerdi"] is None and p["start_2"]["vaerdi"] is None
    assert p["start_1"]["tekst"] == "5 arbejdsdage efter afgørelsen – skriv datoen for afgørelsen for at få en dato"
    assert p["start_2"]["tekst"].startswith("2 uger efter afgørelsen")
    # With the decision date (Mon 10/3 2025): 5 working days 11, 12, 13, 14, 17/3; 2 weeks 24/3.
    p = _poster(calculators.beregn("frister", {"ansoegningstype": "praktisk-hjaelp", "modtaget": "2025-03-03",
                                               "afgoerelse_dato": "2025-03-10"}, k))
    assert p["start_1"]["vaerdi"] == "2025-03-17" and p["start_2"]["vaerdi"] == "2025-03-24"


def test_the_start_counts_from_the_latest_of_two_decision_deadlines():
    """Fortolkning start-fra-afgoerelse: "den seneste af fristerne for afgørelsen"."""
    def aendring(d):
        _raekke(d, "praktisk-hjaelp")["afgoerelse"]["frister"] = [
            {"antal": 10, "enhed": "arbejdsdage"}, {"antal": 3, "enhed": "uger"}]
    svar = calculators.beregn("frister", {"ansoegningstype": "praktisk-hjaelp", "modtaget": "2025-03-03"},
                              _katalog_med(aendring))
    p = _poster(svar)
    # Mon 3/3 2025: 10 working days -> 17/3; 3 weeks -> 24/3; the start, 5 working days from the later
    # (24/3): 25, 26, 27, 28, 31/3.
    assert p["afgoerelse_1"]["vaerdi"] == "2025-03-17" and p["afgoerelse_2"]["vaerdi"] == "2025-03-24"
    assert p["start"]["vaerdi"] == "2025-03-31"
    assert any("regnet fra den seneste dato for afgørelsen, 24. marts 2025 er 31. marts 2025." in t["tekst"]
               for t in svar["forklaring"])


def test_a_complaint_date_without_bilag_4s_complaint_row_is_refused_next_to_the_field():
    k = _katalog_med(lambda d: d.update(borgerens_frister=[r for r in d["borgerens_frister"] if r["id"] != "klage"]))
    svar = calculators.beregn("frister", {"ansoegningstype": "praktisk-hjaelp", "modtaget": "2025-06-02",
                                          "afgoerelse_modtaget": "2025-06-02"}, k)
    assert svar["ok"] is False
    assert [(f["felt"], "klagefrist" in f["besked"]) for f in svar["fejl"]] == [("afgoerelse_modtaget", True)]


@pytest.mark.parametrize("frist", [None, {"tekst": "Se kommentaren.", "linjer": [12599, 12599]}])
def test_a_complaint_row_with_only_the_comments_4_weeks_gives_one_deadline(frist):
    k = _katalog_med(lambda d: _raekke(d, "klage").update(frist=frist))
    p = _poster(calculators.beregn("frister", {"ansoegningstype": "praktisk-hjaelp", "modtaget": "2025-06-02",
                                               "afgoerelse_modtaget": "2025-06-02"}, k))
    assert p["klagefrist"]["vaerdi"] == "2025-06-30"  # 4 weeks = 28 days after Mon 2/6 2025
    assert "klagefrist_arbejdsdage" not in p
