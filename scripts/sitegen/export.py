"""Export what the calculators need from the catalogue into the package.

`calculators/data/katalog.json` holds the dated rates and the number and title of
every standard a calculator cites. The calculators are standard-library only (they
also run in Pyodide), so they read this JSON rather than the YAML catalogue.
The file is rewritten only when its content changes, so `mkdocs serve` does not
loop on its own output.
"""
from __future__ import annotations

import json
from pathlib import Path

from .catalogue import DATAFILER, ROOT, Katalog

KATALOG_JSON = ROOT / "calculators" / "data" / "katalog.json"


def katalog_data(katalog: Katalog) -> dict:
    return {
        "genereret_fra": "catalogue/satser/ og catalogue/standarder/ — rediger ikke denne fil",
        "satser": katalog.satser,
        "standarder": {s.id: {"nummer": s["nummer"], "titel": s["titel"],
                              "omraade": s["omraade"], "gruppe": s.get("gruppe")}
                       for s in katalog.standarder},
        "data": {navn: data for navn, data in katalog.data.items() if DATAFILER[navn]["eksporteres"]},
    }


def skriv_katalog_json(katalog: Katalog, fil: Path = KATALOG_JSON) -> bool:
    """Write the export; return True if the file changed."""
    tekst = json.dumps(katalog_data(katalog), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if fil.exists() and fil.read_text(encoding="utf-8") == tekst:
        return False
    fil.parent.mkdir(parents=True, exist_ok=True)
    tmp = fil.with_suffix(".tmp")
    tmp.write_text(tekst, encoding="utf-8")
    tmp.replace(fil)
    return True
