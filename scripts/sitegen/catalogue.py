"""Load and check the whole catalogue; report every problem with file and line.

Nothing is built from a catalogue with errors. Warnings (e.g. a reference to a
standard that is not in the catalogue yet) are reported but do not stop a build;
such references are shown on the page as absent, never as broken links.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import schemas
from .historik import Historik
from .yamlsource import YamlDokument, YamlFejl, indlaes

# The repository this package belongs to (it is installed in editable mode from it).
ROOT = Path(__file__).resolve().parents[2]
# The repository's own catalogue; a build or check may name another (plugin option
# `catalogue`, `make check`'s --katalog).
CATALOGUE_DIR = ROOT / "catalogue"


@dataclass(frozen=True)
class Fund:
    fil: Path
    linje: int
    besked: str

    def __str__(self) -> str:
        try:
            fil = self.fil.relative_to(ROOT)
        except ValueError:
            fil = self.fil
        return f"{fil}:{self.linje}: {self.besked}"


class KatalogFejl(Exception):
    """The catalogue has errors; `fejl` lists them all."""

    def __init__(self, fejl: list[Fund]):
        super().__init__("\n".join(map(str, fejl)))
        self.fejl = fejl


@dataclass
class Standard:
    data: dict[str, Any]
    dok: YamlDokument
    senest_aendret: date | None = None

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def soegeord(self) -> tuple[str, ...]:
        """The editorial search words (`soegeord`): what readers call the thing when they do not use
        the standard's own words. For the search only; never source text."""
        return tuple(self.data.get("soegeord", ()))

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass
class Katalog:
    rod: Path
    omraader: list[dict[str, Any]]
    standarder: list[Standard]
    bilag: dict[int, dict[str, Any]]
    satser: dict[str, Any]
    indledning: list[dict[str, Any]] = field(default_factory=list)
    advarsler: list[Fund] = field(default_factory=list)
    # The structured data files of DATAFILER that exist, by name.
    data: dict[str, Any] = field(default_factory=dict)
    # The file each rate is defined in (for messages with file and line).
    sats_dok: dict[str, YamlDokument] = field(default_factory=dict)

    @property
    def sats_kilde(self) -> dict[str, tuple[Path, int]]:
        return {k: (d.fil, d.linje(("satser", k))) for k, d in self.sats_dok.items()}

    def sats_linje(self, sats_id: str, i: int) -> int:
        return self.sats_dok[sats_id].linje(("satser", sats_id, "vaerdier", i))

    def standard(self, standard_id: str) -> Standard | None:
        return next((s for s in self.standarder if s.id == standard_id), None)

    def lovtekst(self, lov: str, paragraf: str | None) -> dict[str, Any] | None:
        """The section of Bilag 1 that quotes this paragraph of the law, if it does."""
        b1 = self.bilag.get(1, {}).get("tekst")
        if not b1 or paragraf is None:
            return None
        return next((a for a in b1["afsnit"] if a.get("lov") == lov and a.get("paragraf") == paragraf), None)

    def omraade(self, omraade_id: str) -> dict[str, Any]:
        return next(o for o in self.omraader if o["id"] == omraade_id)


# Structured data beside the standards: catalogue/<name>.yaml, validated by
# catalogue/schema/<name>.schema.yaml. Every `standard:` (text) and `standarder:`
# (list) inside them must name a standard of the catalogue. Those with
# `eksporteres` are also exported to the calculators (calculators/data/katalog.json).
DATAFILER: dict[str, dict[str, Any]] = {
    "frister": {"beskrivelse": "Bilag 4: tidsfrister pr. ansøgningstype", "eksporteres": True, "bilag": 4},
    "ansvar": {"beskrivelse": "Region eller kommune: kilderne bag ansvarsnavigatoren", "eksporteres": False},
    "funktionsniveau": {"beskrivelse": "Vejledende funktionsniveau (FSIII) pr. standard", "eksporteres": True},
    "forside": {"beskrivelse": "Forsidens genveje: det, læserne oftest spørger om", "eksporteres": False},
    "reform": {"beskrivelse": "Sundhedsreformen 2027: ændringer og de sider, de rører", "eksporteres": True},
}


def indlaes_katalog(rod: Path = CATALOGUE_DIR, beregnere: dict | None = None, aliaser: bool = False) -> Katalog:
    """Load, validate and cross-check the catalogue under `rod`.

    `beregnere` maps calculator ids to calculators (default: the calculators
    package), so references from standards and rates can be checked. `aliaser`
    lets YAML anchors and aliases through (bounded), for earlier editions that used them.
    """
    if beregnere is None:
        import calculators
        beregnere = calculators.BEREGNERE
    fejl: list[Fund] = []
    advarsler: list[Fund] = []

    def doc(fil: Path, skema: str) -> YamlDokument | None:
        if not fil.exists():
            fejl.append(Fund(fil, 1, "filen mangler"))
            return None
        try:
            d = indlaes(fil, aliaser)
        except YamlFejl as e:
            fejl.append(Fund(e.fil, e.linje, e.besked))
            return None
        n = len(fejl)
        for sti, besked in schemas.fejl(skema, d.data):
            fejl.append(Fund(fil, d.linje(sti), besked))
        return d if len(fejl) == n else None

    omr_doc = doc(rod / "omraader.yaml", "omraader")
    bilag_doc = doc(rod / "bilag.yaml", "bilag")
    satser_docs = [d for f in sorted((rod / "satser").glob("*.yaml")) if (d := doc(f, "satser"))]
    indledning_doc = doc(rod / "indledning.yaml", "indledning")
    std_filer = sorted((rod / "standarder").rglob("*.yaml"))
    std_docs = [d for f in std_filer if (d := doc(f, "standard")) is not None]
    alle_standarder_indlaest = len(std_docs) == len(std_filer)

    omraader = omr_doc.data["omraader"] if omr_doc else []
    bilag = {b["nummer"]: b for b in bilag_doc.data["bilag"]} if bilag_doc else {}
    for fil in sorted((rod / "bilag").glob("bilag-*.yaml")):
        d = doc(fil, "bilagtekst")
        if d is None:
            continue
        if bilag_doc is None:
            continue  # bilag.yaml is unreadable: reported once, not once per appendix
        if d.data["nummer"] not in bilag or fil.stem != f"bilag-{d.data['nummer']}":
            fejl.append(Fund(fil, d.linje(("nummer",)), f"Bilag {d.data['nummer']} skal stå i bilag.yaml, "
                             f"og filen skal hedde bilag-{d.data['nummer']}.yaml"))
            continue
        for i, afsnit in enumerate(d.data["afsnit"]):
            tabel = afsnit.get("tabel")
            for j, raekke in enumerate((tabel or {}).get("raekker", [])):
                if len(raekke) != len(tabel["kolonner"]):
                    fejl.append(Fund(fil, d.linje(("afsnit", i, "tabel", "raekker", j)),
                                     f"rækken har {len(raekke)} celler, men tabellen har "
                                     f"{len(tabel['kolonner'])} columns"))
        bilag[d.data["nummer"]] = {**bilag[d.data["nummer"]], "tekst": d.data}
    data_docs = {navn: d for navn in DATAFILER
                  if (rod / f"{navn}.yaml").exists() and (d := doc(rod / f"{navn}.yaml", navn))}
    satser: dict[str, Any] = {}
    sats_dok: dict[str, YamlDokument] = {}
    for d in satser_docs:
        for sats_id in d.data["satser"]:
            if sats_id in satser:
                fejl.append(Fund(d.fil, d.linje(("satser", sats_id)),
                                 f"satsen '{sats_id}' står også i {sats_dok[sats_id].fil.name}"))
            sats_dok[sats_id] = d
        satser |= d.data["satser"]
    standarder = [Standard(d.data, d) for d in std_docs]
    if fejl:
        # A file that cannot be read or breaks its schema is reported alone: checks across
        # files would only add follow-on errors (every standard of an unreadable
        # omraader.yaml "has an unknown area"). They run once every file reads.
        raise KatalogFejl(fejl)

    _tjek_standarder(rod, standarder, omraader, bilag, beregnere, fejl, advarsler)
    for d in data_docs.values() if alle_standarder_indlaest else ():  # else a broken file shows up twice
        _tjek_standard_henvisninger(d, {s.id for s in standarder}, fejl)
    for d in satser_docs:
        _tjek_satser(d, {s.id for s in standarder}, fejl, advarsler)
    if "reform" in data_docs:
        _tjek_reform(data_docs["reform"], bilag, data_docs, fejl)
    _tjek_beregner_satser(beregnere, satser, rod / "satser", fejl)
    _tjek_formularernes_satser(standarder, beregnere, satser, sats_dok, fejl)
    if alle_standarder_indlaest:  # otherwise a broken file would also show up as "missing"
        _tjek_beregner_standarder(beregnere, {s.id for s in standarder}, rod, fejl)
    if fejl:
        raise KatalogFejl(fejl)
    standarder.sort(key=lambda s: s["nummer"])
    historik = Historik(rod)
    for s in standarder:
        s.senest_aendret = historik.senest_aendret(s.dok.fil)
    for n, b in bilag.items():
        filer = [rod / "bilag.yaml", rod / "bilag" / f"bilag-{n}.yaml"]
        filer += [rod / f"{navn}.yaml" for navn, d in DATAFILER.items() if d.get("bilag") == n]
        b |= {"gyldig_fra": bilag_doc.data["gyldig_fra"], "gyldig_til": bilag_doc.data.get("gyldig_til"),
              "senest_aendret": historik.senest_aendret(*filer)}
    indledning = []
    if indledning_doc:
        aendret = historik.senest_aendret(indledning_doc.fil)
        indledning = [side | {"gyldig_fra": indledning_doc.data["gyldig_fra"],
                              "gyldig_til": indledning_doc.data.get("gyldig_til"), "senest_aendret": aendret}
                      for side in indledning_doc.data["sider"]]
    return Katalog(rod, omraader, standarder, bilag, satser, indledning, advarsler,
                   {navn: d.data for navn, d in data_docs.items()}, sats_dok)


def _tjek_standard_henvisninger(d: YamlDokument, standard_ids: set[str], fejl) -> None:
    def gaa(node: Any, sti: tuple) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "standard" and isinstance(v, str):
                    hvilke = [(sti + (k,), v)]
                elif k == "standarder" and isinstance(v, list):
                    hvilke = [(sti + (k, i), x) for i, x in enumerate(v) if isinstance(x, str)]
                    for i, x in enumerate(v):  # a list of links, each with its own `standard:`
                        if not isinstance(x, str):
                            gaa(x, sti + (k, i))
                else:
                    gaa(v, sti + (k,))
                    continue
                for s, std in hvilke:
                    if std not in standard_ids:
                        fejl.append(Fund(d.fil, d.linje(s), f"'{std}' er ikke id'et på en standard i "
                                         "catalogue/standarder/"))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                gaa(v, sti + (i,))
    gaa(d.data, ())


def _tjek_standarder(rod, standarder, omraader, bilag, beregnere, fejl, advarsler) -> None:
    omr = {o["id"]: o for o in omraader}
    ids: dict[str, Standard] = {}
    numre: dict[int, Standard] = {}
    for s in standarder:
        d, fil = s.dok, s.dok.fil
        if fil.stem != s.id:
            fejl.append(Fund(fil, d.linje(("id",)), f"filnavnet skal være id'et: omdøb filen til '{s.id}.yaml'"))
        if s.id in ids:
            fejl.append(Fund(fil, d.linje(("id",)), f"id '{s.id}' bruges også af {ids[s.id].dok.fil.name}"))
        ids[s.id] = s
        if s["nummer"] in numre:
            fejl.append(Fund(fil, d.linje(("nummer",)),
                             f"nummer {s['nummer']} bruges også af {numre[s['nummer']].dok.fil.name}"))
        numre[s["nummer"]] = s
        o = omr.get(s["omraade"])
        if o is None:
            fejl.append(Fund(fil, d.linje(("omraade",)),
                             f"ukendt omraade '{s['omraade']}'; se catalogue/omraader.yaml"))
        else:
            if fil.parent.name != o["id"]:
                fejl.append(Fund(fil, d.linje(("omraade",)),
                                 f"en standard i omraade '{o['id']}' hører til i catalogue/standarder/{o['id']}/"))
            grupper = {g["id"] for g in o.get("grupper", [])}
            if "gruppe" in s.data and s["gruppe"] not in grupper:
                tilladt = f"one of: {', '.join(sorted(grupper))}" if grupper else "none (the area has no groups)"
                fejl.append(Fund(fil, d.linje(("gruppe",)),
                                 f"ukendt gruppe '{s['gruppe']}' i omraade '{o['id']}'; tilladt: {tilladt}"))
        for felt in ("kilde", "lovgrundlag", "formaal", "kriterier", "indhold", "leverandoer",
                     "kompetencekrav", "bemaerkninger", "yderligere_information"):
            linjer = (s.get(felt) or {}).get("linjer")
            if linjer and linjer[0] > linjer[1]:
                fejl.append(Fund(fil, d.linje((felt, "linjer")),
                                 f"{felt}.linjer: den første linje ({linjer[0]}) er efter den sidste ({linjer[1]})"))
        if s["titel_kilde"] == "redaktionel" and not any(
                r["type"] == "tabt_titel" for r in s.get("rettelser", [])):
            fejl.append(Fund(fil, d.linje(("titel_kilde",)),
                             "en redaktionel titel skal forklares af en post i 'rettelser' af typen tabt_titel"))
        for i, b in enumerate(s.get("beregnere", [])):
            beregner = beregnere.get(b["id"])
            if beregner is None:
                fejl.append(Fund(fil, d.linje(("beregnere", i, "id")),
                                 f"ukendt beregner '{b['id']}'; kendte: {', '.join(sorted(beregnere))}"))
                continue
            felter = {f.id: f for f in beregner.felter}
            for k, v in (b.get("forvalg") or {}).items():
                if k not in felter:
                    fejl.append(Fund(fil, d.linje(("beregnere", i, "forvalg", k)),
                                     f"beregneren '{b['id']}' har intet felt '{k}'"))
                else:
                    try:
                        felter[k].fortolk(v)
                    except Exception as e:  # the field's own Danish message
                        fejl.append(Fund(fil, d.linje(("beregnere", i, "forvalg", k)),
                                         f"forvalg {k}={v!r} er ikke gyldigt: {getattr(e, 'besked', e)}"))
    for s in standarder:
        yi = s["yderligere_information"]
        for i, h in enumerate(yi.get("henvisninger", [])):
            sti = ("yderligere_information", "henvisninger", i)
            if "bilag" in h and h["bilag"] not in bilag:
                fejl.append(Fund(s.dok.fil, s.dok.linje(sti), f"Bilag {h['bilag']} står ikke i catalogue/bilag.yaml"))
            if "standard" in h and h["standard"] in ids and h.get("fravaerende"):
                fejl.append(Fund(s.dok.fil, s.dok.linje(sti + ("fravaerende",)),
                                 f"standarden '{h['standard']}' er markeret som fraværende (fravaerende), men den er i kataloget"))
            if "standard" in h and h["standard"] not in ids and not h.get("fravaerende"):
                advarsler.append(Fund(s.dok.fil, s.dok.linje(sti),
                                      f"henvisning til standarden '{h['standard']}', som ikke er i kataloget; "
                                      "den vises som fraværende (forklar det med 'fravaerende')"))


def _tjek_satser(d: YamlDokument, standard_ids: set[str], fejl, advarsler) -> None:
    for sats_id, sats in d.data["satser"].items():
        forrige: tuple[date, date | None] | None = None
        for i, v in enumerate(sats["vaerdier"]):
            sti = ("satser", sats_id, "vaerdier", i)
            try:
                fra = date.fromisoformat(v["gyldig_fra"])
                til = date.fromisoformat(v["gyldig_til"]) if "gyldig_til" in v else None
            except ValueError as e:
                fejl.append(Fund(d.fil, d.linje(sti), f"{sats_id}: ikke en rigtig dato ({e})"))
                continue
            if til and til < fra:
                fejl.append(Fund(d.fil, d.linje(sti + ("gyldig_til",)),
                                 f"{sats_id}: gyldig_til {til} er før gyldig_fra {fra}"))
            if forrige and fra <= forrige[0]:
                fejl.append(Fund(d.fil, d.linje(sti + ("gyldig_fra",)),
                                 f"{sats_id}: værdierne skal stå med den ældste gyldig_fra først"))
            forrige = (fra, til)
            std = v["kilde"].get("standard")
            if std and std not in standard_ids:
                advarsler.append(Fund(d.fil, d.linje(sti + ("kilde", "standard")),
                                      f"{sats_id}: kildestandarden '{std}' er ikke i kataloget"))


def _tjek_beregner_satser(beregnere: dict, satser: dict, fil: Path, fejl) -> None:
    for b in beregnere.values():
        for sats_id in b.satser:
            if sats_id not in satser:
                fejl.append(Fund(fil, 1, f"beregneren '{b.id}' bruger satsen '{sats_id}', som ikke står i nogen fil "
                                 "i denne mappe"))


def _tjek_beregner_standarder(beregnere: dict, standard_ids: set[str], rod: Path, fejl) -> None:
    for b in beregnere.values():
        for std in b.standarder:
            if std not in standard_ids:
                fejl.append(Fund(rod / "standarder", 1, f"beregneren '{b.id}' henviser til standarden '{std}', "
                                 "som ikke er i kataloget"))


def _tjek_formularernes_satser(standarder, beregnere: dict, satser: dict, sats_dok: dict, fejl) -> None:
    """A standard's page shows its calculators' forms as of the standard's gyldig_fra; a field
    that stands in for a missing rate (`erstatter_sats`) needs that rate to have a value
    (a number or null) in force that day, or the page cannot be built."""
    mangler: dict[tuple[str, str], list[str]] = {}
    for s in standarder:
        dag = s["gyldig_fra"]
        for b in s.get("beregnere", []):
            for felt in getattr(beregnere.get(b["id"]), "felter", ()):
                sats_id = felt.erstatter_sats
                if not sats_id or sats_id not in satser:
                    continue
                if not any(v["gyldig_fra"] <= dag and (not v.get("gyldig_til") or dag <= v["gyldig_til"])
                           for v in satser[sats_id]["vaerdier"]):
                    mangler.setdefault((sats_id, dag), []).append(f"'{s.id}' ({b['id']})")
    for (sats_id, dag), hvor in mangler.items():
        d = sats_dok[sats_id]
        fejl.append(Fund(d.fil, d.linje(("satser", sats_id)),
                         f"satsen '{sats_id}' har ingen værdi, der gælder {dag}, men beregneren på "
                         f"{'standarden' if len(hvor) == 1 else 'standarderne'} {', '.join(sorted(hvor))}, "
                         f"der gælder fra {dag}, skal bruge den. Giv satsen en værdi med gyldig_fra senest "
                         f"{dag} (vaerdi: null med mangler, hvis kilden ikke giver tallet)"))


def bilag_raekker(bilag: dict[int, dict[str, Any]], frister: dict | None, nummer: int) -> dict[str, list[str]]:
    """The rows of an appendix that a reform change may name: for Bilag 4 the row ids of
    frister.yaml (with their titles), for the others every table row (by the text of each of
    its cells) and every section heading, each with the text shown for it."""
    if nummer == 4:
        return {f["id"]: [f.get("visningsnavn") or f["titel"]["tekst"]] for f in (frister or {}).get("frister", [])}
    raekker: dict[str, list[str]] = {}
    for afsnit in (bilag.get(nummer, {}).get("tekst") or {}).get("afsnit", []):
        if afsnit.get("overskrift"):
            raekker.setdefault(_samlet(afsnit["overskrift"]), []).append(afsnit["overskrift"])
        for raekke in (afsnit.get("tabel") or {}).get("raekker", []):
            vist = next((c for c in raekke if c.strip()), "")
            for celle in raekke:
                raekker.setdefault(_samlet(celle), []).append(vist)
    return raekker


def _samlet(t: str) -> str:
    return " ".join(t.split())


def _tjek_reform(d: YamlDokument, bilag, data_docs: dict[str, YamlDokument], fejl) -> None:
    """Dates are real, ids unique, and every appendix row, navigator category and page of
    ansvar.yaml a change names exists."""
    data = d.data
    frister = data_docs["frister"].data if "frister" in data_docs else None
    ansvar = data_docs["ansvar"].data if "ansvar" in data_docs else None
    kategorier = {k["id"] for k in data["kategorier"]}
    for sti in [("gyldig_fra",)] + [("aendringer", i, "gyldig_fra") for i in range(len(data["aendringer"]))]:
        v = data
        for k in sti:
            v = v[k]
        try:
            date.fromisoformat(v)
        except ValueError:
            fejl.append(Fund(d.fil, d.linje(sti), f"'{v}' er ikke en rigtig dato"))
    ids: set[str] = set()
    for i, a in enumerate(data["aendringer"]):
        sti = ("aendringer", i)
        if a["id"] in ids:
            fejl.append(Fund(d.fil, d.linje(sti + ("id",)), f"ændringens id '{a['id']}' bruges to gange"))
        ids.add(a["id"])
        for felt, vaerdier in (("kategori", [a["kategori"]] if a["kategori"] else []),
                               ("foelger_med", a.get("foelger_med", []))):
            for v in vaerdier:
                if v not in kategorier:
                    fejl.append(Fund(d.fil, d.linje(sti + (felt,)), f"'{v}' er ikke en af kategorierne: "
                                     f"{', '.join(sorted(kategorier))}"))
        if a.get("ansvar_punkt") and ansvar is not None and a["ansvar_punkt"] not in {
                p["id"] for p in ansvar.get("sundhedsreform", {}).get("punkter", [])}:
            fejl.append(Fund(d.fil, d.linje(sti + ("ansvar_punkt",)), f"'{a['ansvar_punkt']}' er ikke id'et på "
                             "et punkt under sundhedsreform i ansvar.yaml"))
        for j, r in enumerate(a.get("bilagsraekker", [])):
            raekker = bilag_raekker(bilag, frister, r["bilag"])
            noegle = r["raekke"] if r["bilag"] == 4 else _samlet(r["raekke"])
            if noegle not in raekker:
                hvor = "et id i frister.yaml" if r["bilag"] == 4 else \
                    f"teksten i en celle eller overskrift i bilag/bilag-{r['bilag']}.yaml"
                fejl.append(Fund(d.fil, d.linje(sti + ("bilagsraekker", j, "raekke")),
                                 f"Bilag {r['bilag']} har ingen række '{r['raekke']}' (forventede {hvor})"))
            elif len(raekker[noegle]) > 1:
                fejl.append(Fund(d.fil, d.linje(sti + ("bilagsraekker", j, "raekke")),
                                 f"'{r['raekke']}' passer på {len(raekker[noegle])} rækker i Bilag {r['bilag']}; "
                                 "nævn en celle, som kun én række har"))
        nav_ids = {k["id"] for k in ansvar.get("kategorier", [])} if ansvar else set()
        for j, n in enumerate(a.get("navigator", [])):
            if ansvar is not None and n["kategori"] not in nav_ids:
                fejl.append(Fund(d.fil, d.linje(sti + ("navigator", j, "kategori")),
                                 f"'{n['kategori']}' er ikke en kategori i ansvar.yaml"))
