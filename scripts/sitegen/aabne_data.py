"""The catalogue as open data: JSON (with its JSON Schema) and CSV, published with the site.

Other municipal systems can reuse the handbook without scraping it:
  data/kvalitetsstandarder.json         every standard, area, appendix and dated rate
  data/kvalitetsstandarder.schema.json  JSON Schema (2020-12) of that file, built from catalogue/schema/
  data/standarder.csv                   one row per standard (UTF-8, comma-separated, header row)
  data/satser.csv                       one row per dated value of a rate
The files carry the same text as the pages; a test checks that they match.
"""
from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date
from typing import Any

from . import schemas
from .catalogue import Katalog

MAPPE = "data"
JSON_FIL = "kvalitetsstandarder.json"
SCHEMA_FIL = "kvalitetsstandarder.schema.json"
STANDARDER_CSV = "standarder.csv"
SATSER_CSV = "satser.csv"

STANDARD_KOLONNER = ("nummer", "id", "titel", "titel_kilde", "omraade", "gruppe", "lovgrundlag",
                     "gyldig_fra", "gyldig_til", "senest_aendret", "url", "kilde_linje_fra", "kilde_linje_til")
SATS_KOLONNER = ("sats_id", "beskrivelse", "enhed", "vaerdi", "mangler", "gyldig_fra", "gyldig_til",
                 "kilde_standard", "kilde_bilag", "kilde_linje_fra", "kilde_linje_til", "kilde_citat",
                 "kilde_titel", "kilde_dato", "kilde_reference")


def standard_url(site_url: str, standard_id: str) -> str:
    return f"{site_url.rstrip('/')}/standarder/{standard_id}/"


def katalog_json(katalog: Katalog, site_url: str, produceret: date) -> dict[str, Any]:
    return {
        "titel": "Kvalitetsstandarder 2025 – Sundhed og Rehabilitering, Gladsaxe Kommune",
        "produceret": produceret.isoformat(),
        "schema": SCHEMA_FIL,
        "omraader": katalog.omraader,
        "standarder": [s.data | {"url": standard_url(site_url, s.id),
                                 "senest_aendret": s.senest_aendret.isoformat() if s.senest_aendret else None}
                       for s in katalog.standarder],
        "bilag": [{k: v for k, v in b.items() if k not in ("tekst", "senest_aendret")}
                  for _, b in sorted(katalog.bilag.items())],
        "satser": katalog.satser,
    }


def katalog_schema() -> dict[str, Any]:
    """One bundled schema for the published file: the editors' schemas as embedded resources.

    Each keeps an `$id` of its own, so its internal references (#/$defs/…) resolve
    inside it (JSON Schema 2020-12 bundling).
    """
    def indlejret(navn: str, nyt_id: str) -> dict[str, Any]:
        s = copy.deepcopy(schemas.schema(navn))
        s.pop("$schema", None)
        s["$id"] = nyt_id
        return s
    standard = indlejret("standard", "data-standard.schema.json")
    standard["properties"] |= {"url": {"type": "string", "format": "uri"},
                               "senest_aendret": {"type": ["string", "null"]}}
    bilag = indlejret("bilag", "data-bilag.schema.json")
    bilag_punkt = bilag["properties"]["bilag"]["items"]
    bilag_punkt["properties"] |= {"gyldig_fra": {"type": "string"}, "gyldig_til": {"type": ["string", "null"]}}
    satser = indlejret("satser", "data-satser.schema.json")
    omraader = indlejret("omraader", "data-omraader.schema.json")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_FIL,
        "title": "Kvalitetsstandarder som åbne data",
        "description": "Alle kvalitetsstandarder, områder, bilag og daterede satser fra Kvalitetshåndbogen.",
        "type": "object",
        "required": ["titel", "produceret", "omraader", "standarder", "bilag", "satser"],
        "additionalProperties": False,
        "properties": {
            "titel": {"type": "string"},
            "produceret": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "schema": {"type": "string"},
            "omraader": {"$ref": "data-omraader.schema.json#/properties/omraader"},
            "standarder": {"type": "array", "items": {"$ref": "data-standard.schema.json"}},
            "bilag": {"$ref": "data-bilag.schema.json#/properties/bilag"},
            "satser": {"$ref": "data-satser.schema.json#/properties/satser"},
        },
        "$defs": {"standard": standard, "bilag": bilag, "satser": satser, "omraader": omraader},
    }


def standarder_csv(katalog: Katalog, site_url: str) -> str:
    rows = []
    for s in katalog.standarder:
        rows.append({
            "nummer": s["nummer"], "id": s.id, "titel": s["titel"], "titel_kilde": s["titel_kilde"],
            "omraade": s["omraade"], "gruppe": s.get("gruppe", ""), "lovgrundlag": s["lovgrundlag"]["tekst"],
            "gyldig_fra": s["gyldig_fra"], "gyldig_til": s.get("gyldig_til", ""),
            "senest_aendret": s.senest_aendret.isoformat() if s.senest_aendret else "",
            "url": standard_url(site_url, s.id),
            "kilde_linje_fra": s["kilde"]["linjer"][0], "kilde_linje_til": s["kilde"]["linjer"][1],
        })
    return _csv(STANDARD_KOLONNER, rows)


def satser_csv(katalog: Katalog) -> str:
    rows = []
    for sats_id, sats in katalog.satser.items():
        for v in sats["vaerdier"]:
            k = v["kilde"]
            rows.append({
                "sats_id": sats_id, "beskrivelse": sats["beskrivelse"], "enhed": sats["enhed"],
                "vaerdi": "" if v["vaerdi"] is None else v["vaerdi"], "mangler": " ".join(v.get("mangler", "").split()),
                "gyldig_fra": v["gyldig_fra"], "gyldig_til": v.get("gyldig_til", ""),
                "kilde_standard": k.get("standard", ""), "kilde_bilag": k.get("bilag", ""),
                "kilde_linje_fra": k["linjer"][0] if "linjer" in k else "",
                "kilde_linje_til": k["linjer"][1] if "linjer" in k else "",
                "kilde_citat": " ".join(k.get("citat", "").split()),
                # A value from a later document than the source text (e.g. a takstblad).
                "kilde_titel": k.get("titel", ""), "kilde_dato": k.get("dato", ""),
                "kilde_reference": k.get("reference", ""),
            })
    return _csv(SATS_KOLONNER, rows)


def _csv(kolonner: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    ud = io.StringIO()
    # CRLF line ends (RFC 4180): the writer then also quotes a cell holding a lone carriage return.
    w = csv.DictWriter(ud, fieldnames=kolonner, lineterminator="\r\n")
    w.writeheader()
    w.writerows({k: _celle(v) for k, v in row.items()} for row in rows)
    return ud.getvalue()


# A spreadsheet opening the CSV runs a text cell starting with one of these as a formula.
FORMEL_TEGN = ("=", "+", "-", "@", "\t", "\r")


def _celle(vaerdi: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula gets a leading ' (as OWASP
    recommends for CSV injection), so it shows as the text it is. Numbers stay numbers."""
    if isinstance(vaerdi, str) and vaerdi.startswith(FORMEL_TEGN):
        return "'" + vaerdi
    return vaerdi


def filer(katalog: Katalog, site_url: str, produceret: date) -> dict[str, str]:
    """The published files by name (under data/), as text."""
    return {
        JSON_FIL: json.dumps(katalog_json(katalog, site_url, produceret), ensure_ascii=False, indent=1),
        SCHEMA_FIL: json.dumps(katalog_schema(), ensure_ascii=False, indent=1),
        STANDARDER_CSV: standarder_csv(katalog, site_url),
        SATSER_CSV: satser_csv(katalog),
    }


def side_markdown(antal_standarder: int, antal_satser: int) -> str:
    """The 'Åbne data' page: what is published and how to read it."""
    return "\n".join([
        "---", "title: Åbne data", "---", "",
        "# Åbne data", "",
        "Hele håndbogen kan hentes som data, så andre systemer kan genbruge den. Filerne "
        "opdateres, hver gang sitet udgives, og indeholder den samme tekst som siderne.", "",
        "| Fil | Indhold |", "| --- | --- |",
        f"| [{JSON_FIL}](../{MAPPE}/{JSON_FIL}) | Alle {antal_standarder} standarder med al tekst, områder, "
        f"bilag og {antal_satser} daterede satser (JSON) |",
        f"| [{SCHEMA_FIL}](../{MAPPE}/{SCHEMA_FIL}) | JSON Schema (2020-12), der beskriver JSON-filen |",
        f"| [{STANDARDER_CSV}](../{MAPPE}/{STANDARDER_CSV}) | Én række pr. standard: nummer, titel, område, "
        "lovgrundlag, gyldighed og adresse (CSV, UTF-8, komma) |",
        f"| [{SATSER_CSV}](../{MAPPE}/{SATSER_CSV}) | Én række pr. dateret værdi af en sats med kilde (CSV) |", "",
        "Linjenumre henviser til tekstudgaven af *Kvalitetsstandarder 2025 – Sundhed og Rehabilitering*. "
        "En sats uden værdi (`vaerdi` tom) findes ikke i kilden; feltet `mangler` forklarer hvorfor.", "",
    ]) + "\n"
