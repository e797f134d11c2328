"""Print every calculator's reference cases as JSON (for the Pyodide test under Node)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: the same data, faster
CASES = Path(__file__).resolve().parents[1] / "calculators" / "cases"


def alle_cases() -> list[dict]:
    ud = []
    for fil in sorted(CASES.glob("*.yaml")):
        data = yaml.load(fil.read_text(encoding="utf-8"), Loader=LOADER)
        for case in data["cases"]:
            ud.append({"fil": fil.name, "beregner": data["beregner"], **case})
    return ud


if __name__ == "__main__":
    json.dump(alle_cases(), sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")
