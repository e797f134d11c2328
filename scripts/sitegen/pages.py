"""Markdown for every generated page, and the navigation tree.

Pages live at stable addresses: /standarder/<id>/, /omraader/<område>/[<gruppe>/],
/bilag/bilag-<n>/. The navigation is area → group → standard, in source order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import calculators
from calculators.katalog import fra_data

from .catalogue import Katalog, Standard
from .export import katalog_data
from .forms import formular
from .frister_sider import bilag4_indhold, frister_afsnit, kort_frist

SEKTIONER = (
    ("formaal", "Formål"),
    ("kriterier", "Kriterier for bevilling"),
    ("indhold", "Indsatsen kan indeholde"),
    ("leverandoer", "Leverandør"),
    ("kompetencekrav", "Kompetencekrav til udfører"),
    ("bemaerkninger", "Bemærkninger"),
)

LOVNAVNE = {
    "serviceloven": "Serviceloven", "sundhedsloven": "Sundhedsloven",
    "almenboligloven": "Lov om almene boliger", "specialundervisningsloven": "Lov om specialundervisning for voksne",
    "trafikselskabsloven": "Lov om trafikselskaber", "arbejdsmiljoeloven": "Arbejdsmiljøloven",
}

RETTELSE_TYPER = {
    "tabt_titel": "Titel udledt", "sideskift": "Sideskift", "delt_punkt": "Delt punkt",
    "sammenflettet_punkt": "Sammenflettede punkter", "orddeling": "Orddeling",
    "tabt_etiket": "Tabt overskrift", "gentaget_tekst": "Gentaget tekst", "andet": "Andet",
}

KILDE_NAVN = "Kvalitetsstandarder 2025 – Sundhed og Rehabilitering"

MAANEDER = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
            "september", "oktober", "november", "december")


@dataclass
class Side:
    sti: str       # src_uri, e.g. "standarder/brokbind.md"
    markdown: str


def dansk_dato(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day}. {MAANEDER[d.month - 1]} {d.year}"


def gyldighed(gyldig_fra: str, gyldig_til: str | None, senest_aendret: date | None) -> str:
    """'Gældende fra 1. januar 2025 · Senest ændret 3. marts 2025' (and when it ended, if it has)."""
    dele = [f"Gældende fra {dansk_dato(gyldig_fra)}"]
    if gyldig_til:
        dele.append(f"Gældende til {dansk_dato(gyldig_til)}")
    if senest_aendret:
        dele.append(f"Senest ændret {dansk_dato(senest_aendret.isoformat())}")
    return " · ".join(dele)


def samlet_gyldighed(standarder: list[Standard]) -> str:
    """The meta line of a page that lists standards: its content is in force from the
    newest `gyldig_fra` among them and was last changed when the newest of them was."""
    fra = max(s["gyldig_fra"] for s in standarder)
    aendret = [s.senest_aendret for s in standarder if s.senest_aendret]
    return gyldighed(fra, None, max(aendret) if aendret else None)


def ogsaa_kaldet(*steder: dict | None) -> str:
    """'Også kaldet: hjemmehjælp, hjemmepleje' from the editorial search words of an area/group."""
    ord_ = [o for sted in steder if sted for o in sted.get("soegeord", [])]
    return f"Også kaldet: {', '.join(tekst(o) for o in dict.fromkeys(ord_))}" if ord_ else ""


ANSVAR_STI = "ansvar/index.md"
# The paragraphs of serviceloven on aids and consumer goods (hjælpemidler og forbrugsgoder).
HJAELPEMIDDEL_PARAGRAFFER = {"112", "113", "113b"}


def er_hjaelpemiddel(s: Standard) -> bool:
    """An assistive-device standard: in the Hjælpemiddelområdet, or resting on § 112/113/113 b."""
    return s["omraade"] == "hjaelpemidler" or any(
        h.get("lov") == "serviceloven" and h.get("paragraf") in HJAELPEMIDDEL_PARAGRAFFER
        for h in s["lovgrundlag"]["henvisninger"])


def standard_sti(standard_id: str) -> str:
    return f"standarder/{standard_id}.md"


def omraade_sti(omraade_id: str, gruppe_id: str | None = None) -> str:
    return f"omraader/{omraade_id}/{gruppe_id + '/' if gruppe_id else ''}index.md"


def bilag_sti(nummer: int) -> str:
    return f"bilag/bilag-{nummer}.md"


OVERSIGT = "standarder/index.md"


def om_sti(side_id: str) -> str:
    return f"om/{side_id}.md"


def lov_sti(h: dict[str, Any] | None = None) -> str:
    """The page of one law paragraph (all its stk. together), or the index of them."""
    if h is None:
        return "lovgrundlag/index.md"
    return f"lovgrundlag/{h['lov']}-{h.get('paragraf', 'hele-loven').replace(' ', '')}.md"


def lov_navn(h: dict[str, Any]) -> str:
    return LOVNAVNE[h["lov"]] + (f" § {h['paragraf']}" if "paragraf" in h else "")


def rel(fra: str, til: str) -> str:
    """Relative Markdown link from page `fra` to page `til` (both src_uris)."""
    op = fra.count("/")
    return "../" * op + til


def tekst(md: str) -> str:
    """Escape source text so Markdown shows it literally, but keep list markers."""
    ud = []
    for linje in md.splitlines():
        m = re.match(r"^(\s*(?:- |\d{1,2}\. ))?(.*)$", linje)
        markoer, rest = m.group(1) or "", m.group(2)
        rest = (rest.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                .replace("`", "\\`").replace("[", "\\[").replace("<", "&lt;").replace(">", "&gt;"))
        if not markoer:
            rest = re.sub(r"^(\d+)\. ", r"\1\\. ", rest)  # "2025. Året" is not a list item
            rest = re.sub(r"^([#+-]) ", r"\\\1 ", rest)
        ud.append(markoer + rest)
    return "\n".join(ud)


def lov_tekst(h: dict[str, Any]) -> str:
    if "dokument" in h:
        return h["dokument"]
    dele = [LOVNAVNE[h["lov"]]]
    if "paragraf" in h:
        dele.append(f"§ {h['paragraf']}")
    if "stk" in h:
        dele.append(f"stk. {h['stk']}")
    if "nr" in h:
        dele.append(f"nr. {h['nr']}")
    return " ".join(dele)


def byg_sider(katalog: Katalog) -> tuple[list[Side], list[Any]]:
    """All generated pages and the navigation (MkDocs `nav` structure)."""
    beregner_katalog = fra_data(katalog_data(katalog))
    beskrivelser = {b["id"]: b for b in calculators.alle()}
    titler = {s.id: s["titel"] for s in katalog.standarder}
    sider: list[Side] = [Side("index.md", forside(katalog))]
    nav: list[Any] = [{"Forside": "index.md"}]
    if katalog.indledning:
        om_nav = []
        for side in katalog.indledning:
            sider.append(Side(om_sti(side["id"]), indledende_side(side)))
            om_nav.append({side["titel"]: om_sti(side["id"])})
        nav.append({"Om kvalitetsstandarderne": om_nav})

    sider.append(Side(OVERSIGT, oversigt(katalog)))
    nav.append({"Alle standarder": OVERSIGT})

    for omr in katalog.omraader:
        i_omr = [s for s in katalog.standarder if s["omraade"] == omr["id"]]
        if not i_omr:
            continue
        omr_nav: list[Any] = [omraade_sti(omr["id"])]
        sider.append(Side(omraade_sti(omr["id"]), omraade_side(omr, None, i_omr)))
        uden_gruppe = [s for s in i_omr if "gruppe" not in s.data]
        omr_nav += [{s["titel"]: standard_sti(s.id)} for s in uden_gruppe]
        for g in omr.get("grupper", []):
            i_gruppe = [s for s in i_omr if s.get("gruppe") == g["id"]]
            if not i_gruppe:
                continue
            sider.append(Side(omraade_sti(omr["id"], g["id"]), omraade_side(omr, g, i_gruppe)))
            omr_nav.append({g["titel"]: [omraade_sti(omr["id"], g["id"])]
                            + [{s["titel"]: standard_sti(s.id)} for s in i_gruppe]})
        nav.append({omr["titel"]: omr_nav})

    for s in katalog.standarder:
        sider.append(Side(standard_sti(s.id), standard_side(s, katalog, beskrivelser, beregner_katalog, titler)))

    lov_sider, lov_nav = lovgrundlag_sider(katalog)
    sider += lov_sider
    nav.append({"Lovgrundlag": lov_nav})

    bilag_nav = []
    for n, b in sorted(katalog.bilag.items()):
        ekstra = bilag4_indhold(katalog, beskrivelser, beregner_katalog) if n == 4 else []
        sider.append(Side(bilag_sti(n), bilag_side(b, frozenset(s.sti for s in lov_sider), ekstra)))
        bilag_nav.append({f"Bilag {n}: {b['titel']}": bilag_sti(n)})
    nav.append({"Bilag": bilag_nav})

    from .ansvar_sider import ansvar_sider  # imports this module
    a_sider, a_nav = ansvar_sider(katalog)
    if a_sider:
        sider += a_sider
        nav.append({"Region eller kommune?": a_nav})

    from .om_sider import om_sider  # imports this module
    from .redaktoer import idag
    o_sider, o_nav = om_sider(katalog, idag())
    sider += o_sider
    nav.append({"Om håndbogen": o_nav})
    return sider, nav


def oversigt(katalog: Katalog) -> str:
    """Every standard in one table that the reader can filter by typing."""
    linjer = ["---", "title: Alle standarder", "---", "", "# Alle standarder", "",
              samlet_gyldighed(katalog.standarder), "{ .kvh-meta }", "",
              f"Alle {len(katalog.standarder)} kvalitetsstandarder med område, lovgrundlag og frist for "
              "afgørelse (Bilag 4). "
              "Skriv i feltet for at vise de standarder, hvis titel, område eller lovgrundlag indeholder ordet.",
              "",
              '<div class="kvh-filter" data-filter>'
              '<label for="kvh-filter-input">Filtrér standarderne</label>'
              '<input type="search" id="kvh-filter-input" autocomplete="off" '
              'aria-describedby="kvh-filter-antal">'
              f'<p id="kvh-filter-antal" role="status">Viser alle {len(katalog.standarder)} standarder.</p></div>',
              "",
              "| Nr. | Standard | Område | Lovgrundlag | Frist for afgørelse |", "| ---: | --- | --- | --- | --- |"]
    for s in katalog.standarder:
        omr = katalog.omraade(s["omraade"])
        gruppe = next((g for g in omr.get("grupper", []) if g["id"] == s.get("gruppe")), None)
        sted = tekst(omr["titel"]) + (f" › {tekst(gruppe['titel'])}" if gruppe else "")
        love = [h for h in s["lovgrundlag"]["henvisninger"] if "lov" in h]
        lov = ", ".join(f"[{tekst(lov_tekst(h))}]({rel(OVERSIGT, lov_sti(h))})" for h in love) \
            or tekst(s["lovgrundlag"]["tekst"])
        frist = kort_frist(katalog, s.id) or "–"
        linjer.append(f"| {s['nummer']} | [{tekst(s['titel'])}]({rel(OVERSIGT, standard_sti(s.id))}) | "
                      f"{sted} | {lov} | {tekst(frist)} |")
    linjer.append("")
    return "\n".join(linjer) + "\n"


def indledende_side(side: dict) -> str:
    a, b = side["linjer"]
    linjer = ["---", f"title: {_yaml_str(side['titel'])}", "---", "", f"# {tekst(side['titel'])}", ""]
    if side.get("gyldig_fra"):
        linjer += [gyldighed(side["gyldig_fra"], side.get("gyldig_til"), side.get("senest_aendret")),
                   "{ .kvh-meta }", ""]
    for afsnit in side["afsnit"]:
        if afsnit.get("overskrift"):
            linjer += [f"## {tekst(afsnit['overskrift'])}", ""]
        linjer += [tekst(afsnit["tekst"]).strip(), ""]
    linjer += [f'<p class="kvh-meta">Kilde: <em>{KILDE_NAVN}</em>, linje {a}–{b} i kildeteksten.</p>', ""]
    return "\n".join(linjer) + "\n"


def fejlside(fejl: list) -> str:
    """The preview's page while the catalogue has errors (only under `make serve`)."""
    linjer = ["---", "title: Kataloget har fejl", "---", "", "# Kataloget har fejl", "",
              f"Forhåndsvisningen kan ikke bygges, fordi kataloget har {len(fejl)} "
              f"{'fejl' if len(fejl) != 1 else 'fejl'}. Ret filen og gem den; siden opdateres af sig selv.", ""]
    linjer += [f"- `{f}`" for f in fejl]
    return "\n".join(linjer) + "\n"


def forside(katalog: Katalog) -> str:
    linjer = [
        "---", "title: Forside", "hide: [navigation]", "---", "",
        "# Kvalitetshåndbogen – Sundhed og Rehabilitering", "",
        samlet_gyldighed(katalog.standarder), "{ .kvh-meta }", "",
        "Gladsaxe Kommunes kvalitetsstandarder beskriver det politisk besluttede serviceniveau for "
        "sundhed, forebyggelse, rehabilitering, træning, pleje og hjælpemidler. Her kan du slå en "
        "standard op, se kriterierne for at få hjælp, og på nogle sider regne ud, hvad du kan få "
        "bevilget, og hvad det koster dig.", "",
        f"Indholdet er hentet fra *{KILDE_NAVN}*. Hver side viser, hvilke linjer i kildeteksten "
        f"den bygger på, og hvor teksten er repareret efter udtrækket fra PDF.", "",
    ]
    if katalog.indledning:
        linjer += ["## Om kvalitetsstandarderne", ""]
        linjer += [f"- [{tekst(s['titel'])}]({om_sti(s['id'])})" for s in katalog.indledning]
        linjer.append("")
    linjer += ["## Områder", ""]
    for omr in katalog.omraader:
        antal = sum(1 for s in katalog.standarder if s["omraade"] == omr["id"])
        if antal:
            linjer.append(f"- [{tekst(omr['titel'])}]({omraade_sti(omr['id'])}) – "
                          f"{antal} {'standard' if antal == 1 else 'standarder'}")
    med_beregner = [s for s in katalog.standarder if s.get("beregnere")]
    if med_beregner:
        linjer += ["", "## Sider med beregner", ""]
        linjer += [f"- [{tekst(s['titel'])}]({standard_sti(s.id)})" for s in med_beregner]
    linjer += ["", "## Bilag", ""]
    linjer += [f"- [Bilag {n}: {tekst(b['titel'])}]({bilag_sti(n)})" for n, b in sorted(katalog.bilag.items())]
    return "\n".join(linjer) + "\n"


def omraade_side(omr: dict, gruppe: dict | None, standarder: list[Standard]) -> str:
    sti = omraade_sti(omr["id"], gruppe["id"] if gruppe else None)
    titel = gruppe["titel"] if gruppe else omr["titel"]
    # The editorial search words go into the search index as tags (Material boosts
    # them above titles), so "hjemmehjælp" finds this page before pages that merely
    # mention the word.
    soegeord = (gruppe or omr).get("soegeord", [])
    tags = [f"tags: [{', '.join(_yaml_str(o) for o in soegeord)}]"] if soegeord else []
    linjer = ["---", f"title: {_yaml_str(titel)}", *tags, "---", "", f"# {tekst(titel)}", "",
              " · ".join(filter(None, [samlet_gyldighed(standarder), ogsaa_kaldet(omr, gruppe)])),
              "{ .kvh-meta }", ""]
    if gruppe:
        linjer += [f"Gruppe i området [{tekst(omr['titel'])}]({rel(sti, omraade_sti(omr['id']))}).", ""]
    elif omr["titel_kilde"] == "redaktionel":
        linjer += ['!!! note "Redaktionel overskrift"', f"    {tekst(omr['rettelse'])}", ""]
    linjer += ["| Nr. | Standard | Lovgrundlag |", "| ---: | --- | --- |"]
    for s in standarder:
        linjer.append(f"| {s['nummer']} | [{tekst(s['titel'])}]({rel(sti, standard_sti(s.id))}) | "
                      f"{tekst(s['lovgrundlag']['tekst'])} |")
    return "\n".join(linjer) + "\n"


def standard_side(s: Standard, katalog: Katalog, beskrivelser: dict, beregner_katalog,
                  titler: dict[str, str]) -> str:
    sti = standard_sti(s.id)
    omr = katalog.omraade(s["omraade"])
    gruppe = next((g for g in omr.get("grupper", []) if g["id"] == s.get("gruppe")), None)
    placering = f"[{tekst(omr['titel'])}]({rel(sti, omraade_sti(omr['id']))})"
    if gruppe:
        placering += f" › [{tekst(gruppe['titel'])}]({rel(sti, omraade_sti(omr['id'], gruppe['id']))})"
    beskrivelse = re.sub(r"\s+", " ", s["formaal"]["tekst"]).strip()[:160]
    linjer = [
        "---", f"title: {_yaml_str(s['titel'])}", f"description: {_yaml_str(beskrivelse)}", "---", "",
        f"# {tekst(s['titel'])}", "",
        f'Kvalitetsstandard nr. {s["nummer"]} · {placering} · '
        + gyldighed(s["gyldig_fra"], s.get("gyldig_til"), s.senest_aendret)
        + (f" · {ogsaa_kaldet(omr, gruppe)}" if ogsaa_kaldet(omr, gruppe) else ""),
        "{ .kvh-meta }",
        "",
    ]
    if s["titel_kilde"] == "redaktionel":
        grund = next(r for r in s["rettelser"] if r["type"] == "tabt_titel")
        # The editor's reason quotes source words from all over the standard; kept out of the
        # search index so the quotes do not outrank pages that are about the word.
        linjer += ['!!! note "Redaktionel titel"',
                   f"    Titlen står ikke i kildeteksten (den gik tabt ved udtrækket fra PDF) og er udledt "
                   f"af indholdet: {tekst(grund['beskrivelse'])}", "    { data-search-exclude }", ""]
    lov = s["lovgrundlag"]
    linjer += ["## Lovgrundlag", "", tekst(lov["tekst"]), ""]
    love = [h for h in lov["henvisninger"] if "lov" in h]
    med_tekst = [h for h in love if katalog.lovtekst(h["lov"], h.get("paragraf"))]
    if med_tekst:
        henv = ", ".join(f"[{tekst(lov_navn(h))}]({rel(sti, bilag_sti(1))}#{lov_anker(h)})"
                         for h in {lov_anker(h): h for h in med_tekst}.values())
        linjer += [f"Lovteksten: {henv} (Bilag 1).", ""]
    if love:
        henv = ", ".join(f"[{tekst(lov_tekst(h))}]({rel(sti, lov_sti(h))})" for h in love)
        linjer += [f"Andre standarder med samme lovgrundlag: {henv}.", ""]
    if er_hjaelpemiddel(s) and katalog.data.get("ansvar"):
        linjer += ['!!! tip "Region eller kommune?"',
                   "    Skal hospitalet (regionen) eller kommunen levere og betale hjælpemidlet? "
                   f"Svar på nogle spørgsmål i [navigatoren Hvem har ansvaret?]({rel(sti, ANSVAR_STI)}).", ""]
    for felt, overskrift in SEKTIONER:
        if felt in s.data:
            linjer += [f"## {overskrift}", "", tekst(s[felt]["tekst"]).strip(), ""]
    linjer += frister_afsnit(katalog, s.id, sti)
    linjer += _yderligere(s, katalog, sti, titler)
    for b in s.get("beregnere", []):
        linjer += [formular(beskrivelser[b["id"]], b.get("forvalg") or {}, beregner_katalog,
                            date.fromisoformat(s["gyldig_fra"])), ""]
    linjer += _kilde(s)
    return "\n".join(linjer) + "\n"


def _yderligere(s: Standard, katalog: Katalog, sti: str, titler: dict[str, str]) -> list[str]:
    yi = s["yderligere_information"]
    linjer = ["## Yderligere information", ""]
    if yi.get("tekst"):
        linjer += [tekst(yi["tekst"]).strip(), ""]
    for h in yi["henvisninger"]:
        if "bilag" in h:
            b = katalog.bilag[h["bilag"]]
            navn = f"Bilag {h['bilag']}: {tekst(h.get('tekst') or b['titel'])}"  # the source's words
            if b.get("mangler"):
                linjer.append(f"- {navn} – *bilaget findes ikke i kildedokumentet*")
            else:
                linjer.append(f"- [{navn}]({rel(sti, bilag_sti(h['bilag']))})")
        elif "standard" in h:
            navn = tekst(h.get("tekst") or titler.get(h["standard"], h["standard"]))
            if h["standard"] in titler:
                linjer.append(f"- Se standarden [{navn}]({rel(sti, standard_sti(h['standard']))})")
            else:
                grund = f" {tekst(h['fravaerende'])}" if h.get("fravaerende") else ""
                linjer.append(f"- {navn} – *standarden er ikke i kataloget.*{grund}")
        elif "url" in h:
            linjer.append(f"- [{tekst(h['tekst'])}]({h['url']})")
        else:
            linjer.append(f"- {tekst(h['tekst'])}")
    return linjer + [""]


def _kilde(s: Standard) -> list[str]:
    a, b = s["kilde"]["linjer"]
    linjer = ["## Kilde", "",
              f"*{KILDE_NAVN}*, linje {a}–{b} i kildeteksten ({s['kilde']['dokument']}).", ""]
    rettelser = s.get("rettelser", [])
    if rettelser:
        linjer += [f'??? info "Rettelser af kildeteksten ({len(rettelser)})"',
                   "    Teksten er udtrukket af en PDF. Disse steder er den repareret:", ""]
        for r in rettelser:
            linjer.append(f"    - **{RETTELSE_TYPER[r['type']]}** (linje {r['linjer'][0]}–{r['linjer'][1]}): "
                          f"{tekst(r['beskrivelse'])}")
        linjer.append("")
    return linjer


def lovgrundlag_sider(katalog: Katalog) -> tuple[list[Side], list[Any]]:
    """One page per law paragraph listing the standards that rest on it, and an index."""
    grupper: dict[str, tuple[dict, list[Standard]]] = {}
    for s in katalog.standarder:
        for h in s["lovgrundlag"]["henvisninger"]:
            if "lov" in h:
                _, liste = grupper.setdefault(lov_sti(h), (h, []))
                if s not in liste:
                    liste.append(s)
    orden = sorted(grupper.items(), key=lambda kv: (kv[1][0]["lov"], _paragraf_orden(kv[1][0])))
    sider, nav = [], [lov_sti()]
    indeks = ["---", "title: Lovgrundlag", "---", "", "# Lovgrundlag", "",
              samlet_gyldighed(katalog.standarder), "{ .kvh-meta }", "",
              "Standarderne samlet efter den lovparagraf, de hviler på. Lovteksten står i "
              f"[Bilag 1: Lovgrundlag]({rel(lov_sti(), bilag_sti(1))}).", "",
              "| Lov og paragraf | Standarder |", "| --- | ---: |"]
    for sti, (h, standarder) in orden:
        navn = lov_navn(h)
        indeks.append(f"| [{tekst(navn)}]({rel(lov_sti(), sti)}) | {len(standarder)} |")
        linjer = ["---", f"title: {_yaml_str(navn)}", "---", "", f"# {tekst(navn)}", "",
                  samlet_gyldighed(standarder), "{ .kvh-meta }", ""]
        lovtekst = katalog.lovtekst(h["lov"], h.get("paragraf"))
        if lovtekst:
            a, z = lovtekst["linjer"]
            linjer += ["## Lovteksten", "", tekst(lovtekst["tekst"]).strip(), "",
                       f"Fra [Bilag 1: Lovgrundlag]({rel(sti, bilag_sti(1))}#{lov_anker(lovtekst)}), "
                       f"linje {a}–{z} i kildeteksten.", "{ .kvh-meta }", ""]
        else:
            linjer += ['!!! info "Lovteksten er ikke gengivet"',
                       f"    Bilag 1 i kildeteksten gengiver ikke teksten til {tekst(navn)}.", ""]
        linjer += ["## Standarder", "", f"Standarder, der hviler på {tekst(navn)}:", "",
                  "| Nr. | Standard | Lovgrundlag som skrevet i standarden |", "| ---: | --- | --- |"]
        for s in standarder:
            linjer.append(f"| {s['nummer']} | [{tekst(s['titel'])}]({rel(sti, standard_sti(s.id))}) | "
                          f"{tekst(s['lovgrundlag']['tekst'])} |")
        sider.append(Side(sti, "\n".join(linjer) + "\n"))
        nav.append({navn: sti})
    sider.append(Side(lov_sti(), "\n".join(indeks) + "\n"))
    return sider, nav


def _paragraf_orden(h: dict) -> tuple[int, str]:
    m = re.match(r"(\d+)\s*([a-z]?)", h.get("paragraf", "0"))
    return int(m.group(1)), m.group(2)


def lov_anker(h: dict[str, Any]) -> str:
    """The anchor of a paragraph's text in Bilag 1, e.g. 'serviceloven-112'."""
    return f"{h['lov']}-{h['paragraf']}"


def bilag_side(b: dict, lov_stier: frozenset[str] = frozenset(), indhold: list[str] | None = None) -> str:
    """An appendix's page: its text and tables, or `indhold` built from structured data
    (Bilag 4 from catalogue/frister.yaml)."""
    titel = f"Bilag {b['nummer']}: {b['titel']}"
    linjer = ["---", f"title: {_yaml_str(titel)}", "---", "", f"# {tekst(titel)}", ""]
    if b.get("gyldig_fra"):
        linjer += [gyldighed(b["gyldig_fra"], b.get("gyldig_til"), b.get("senest_aendret")), "{ .kvh-meta }", ""]
    if b.get("mangler"):
        linjer += ['!!! warning "Bilaget findes ikke i kilden"', f"    {tekst(b['mangler'])}", ""]
    elif b.get("tekst"):
        for afsnit in b["tekst"]["afsnit"]:
            if afsnit.get("overskrift"):
                anker = f" {{ #{lov_anker(afsnit)} }}" if afsnit.get("lov") else ""
                linjer += [f"{'#' * afsnit.get('niveau', 2)} {tekst(afsnit['overskrift'])}{anker}", ""]
            if afsnit.get("tekst"):
                linjer += [tekst(afsnit["tekst"]).strip(), ""]
            if afsnit.get("lov"):
                sti = lov_sti(afsnit)
                linjer += [f"Standarder, der hviler på paragraffen: [{tekst(lov_navn(afsnit))}]"
                           f"({rel(bilag_sti(b['nummer']), sti)})" if sti in lov_stier else
                           "Ingen standard i kataloget henviser direkte til paragraffen.", "{ .kvh-meta }", ""]
            if afsnit.get("tabel"):
                linjer += [tabel_md(afsnit["tabel"]), ""]
        a, z = b["linjer"]
        linjer += ["## Kilde", "", f"*{KILDE_NAVN}*, linje {a}–{z} i kildeteksten.", ""]
        rettelser = b["tekst"].get("rettelser", [])
        if rettelser:
            linjer += [f'??? info "Rettelser af kildeteksten ({len(rettelser)})"', ""]
            linjer += [f"    - **{RETTELSE_TYPER[r['type']]}** (linje {r['linjer'][0]}–{r['linjer'][1]}): "
                       f"{tekst(r['beskrivelse'])}" for r in rettelser]
            linjer.append("")
    elif indhold:
        a, z = b["linjer"]
        linjer += indhold + ["## Kilde", "", f"*{KILDE_NAVN}*, linje {a}–{z} i kildeteksten.", ""]
    else:
        a, z = b["linjer"]
        linjer += ['!!! info "Bilagets indhold er endnu ikke overført"',
                   f"    Bilaget står i *{KILDE_NAVN}*, linje {a}–{z} i kildeteksten. Dets indhold "
                   "overføres til håndbogen som strukturerede data i en senere udgave.", ""]
    return "\n".join(linjer) + "\n"


def tabel_md(tabel: dict[str, Any]) -> str:
    """A real (Markdown) table; a cell's list items become lines within the cell."""
    def celle(t: str) -> str:
        dele = [re.sub(r"^- ", "• ", d.strip()) for d in t.strip().splitlines() if d.strip()]
        return "<br>".join(tekst(d).replace("|", "\\|") for d in dele) or " "
    ud = []
    if tabel.get("titel"):
        ud += [f"**{tekst(tabel['titel'])}**", ""]
    ud.append("| " + " | ".join(celle(k) for k in tabel["kolonner"]) + " |")
    ud.append("|" + "---|" * len(tabel["kolonner"]))
    ud += ["| " + " | ".join(celle(c) for c in r) + " |" for r in tabel["raekker"]]
    return "\n".join(ud)


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
