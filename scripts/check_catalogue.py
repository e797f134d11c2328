"""Validate the whole catalogue without building the site.

Prints every error as file:line: message and exits 1 if there is any;
warnings are listed separately and do not fail the check, and so is the list of
values the source does not give, which an editor still has to supply.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the calculators package

import calculators  # noqa: E402
from sitegen import redaktoer  # noqa: E402
from sitegen.catalogue import KatalogFejl, indlaes_katalog  # noqa: E402


def main() -> int:
    try:
        katalog = indlaes_katalog()
    except KatalogFejl as e:
        print(f"The catalogue has {len(e.fejl)} error(s):", file=sys.stderr)
        for f in e.fejl:
            print(f"  {f}", file=sys.stderr)
        return 1
    advarsler = katalog.advarsler + redaktoer.advarsler(katalog, calculators.BEREGNERE)
    if advarsler:
        print(f"{len(advarsler)} warning(s):")
        for f in advarsler:
            print(f"  {f}")
    mangler = redaktoer.manglende_vaerdier(katalog)
    if mangler:
        print(f"{len(mangler)} value(s) the source does not give, still to be supplied by an editor:")
        for m in mangler:
            print(f"  {m}")
    print(f"Catalogue OK: {len(katalog.standarder)} standards, {len(katalog.satser)} rates.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
