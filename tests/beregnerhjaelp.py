"""Small helpers shared by the calculator unit tests."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from calculators.katalog import fra_data

KATALOG_JSON = Path(__file__).resolve().parents[1] / "calculators" / "data" / "katalog.json"


def poster(svar: dict) -> dict:
    """The result items of a successful answer as {id: value}; fails the test on an error answer."""
    assert svar["ok"], svar.get("fejl")
    return {p["id"]: p["vaerdi"] for p in svar["result"]["poster"]}


def katalog_med_satser(emne: str, gyldig_fra: str = "2026-01-01", **vaerdier):
    """The exported catalogue with a new dated value for rates `<emne>.<id>`, in force from `gyldig_fra`."""
    data = copy.deepcopy(json.loads(KATALOG_JSON.read_text("utf-8")))
    for sats_id, vaerdi in vaerdier.items():
        data["satser"][f"{emne}.{sats_id}"]["vaerdier"].append(
            {"gyldig_fra": gyldig_fra, "vaerdi": vaerdi, "kilde": {"linjer": [1, 1], "citat": "test"}})
    return fra_data(data)
