"""Print every calculator's reference cases as JSON (for the Pyodide test under Node)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml



class LOADER(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: the same data, faster
    """Refuses a key written twice in one mapping: YAML would keep the last silently, so a
    case's first expectation would never be checked."""

    def construct_mapping(self, node, deep=False):
        # Only the mapping's own keys: a key given here over one merged in with `<<:` is YAML's
        # way of overriding a shared default, not a mistake.
        noegler = [self.construct_object(k, deep=deep) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"]
        dobbelt = sorted({str(k) for k in noegler if noegler.count(k) > 1})
        if dobbelt:
            raise yaml.constructor.ConstructorError(None, None, f"nøglen {', '.join(dobbelt)} står to gange",
                                                    node.start_mark)
        return super().construct_mapping(node, deep)
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
