"""Validate the whole catalogue without building the site.

Prints every error as file:line: message and exits 1 if there is any;
warnings are listed separately and do not fail the check, and so is the list of
values the source does not give, which an editor still has to supply.
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

import calculators
from sitegen import redaktoer
from sitegen.catalogue import CATALOGUE_DIR, KatalogFejl, indlaes_katalog


def _argumenter(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__)
    # The same environment variables as mkdocs.yml's plugin options, so
    # `KVH_IDAG=2026-01-01 make check` checks the catalogue as of that day.
    p.add_argument("--katalog", type=Path, default=Path(os.environ.get("KVH_CATALOGUE") or CATALOGUE_DIR),
                   help="the catalogue folder (default: KVH_CATALOGUE or catalogue/)")
    p.add_argument("--idag", type=date.fromisoformat, default=os.environ.get("KVH_IDAG") or date.today(),
                   help="check as of this day, YYYY-MM-DD (default: KVH_IDAG or today)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _argumenter(argv)
    try:
        katalog = indlaes_katalog(args.katalog)
    except KatalogFejl as e:
        print(f"Kataloget har {len(e.fejl)} fejl:", file=sys.stderr)
        for f in e.fejl:
            print(f"  {f}", file=sys.stderr)
        return 1
    advarsler = katalog.advarsler + redaktoer.advarsler(katalog, calculators.BEREGNERE, args.idag)
    if advarsler:
        print(f"{len(advarsler)} {'advarsel' if len(advarsler) == 1 else 'advarsler'}:")
        for f in advarsler:
            print(f"  {f}")
    mangler = redaktoer.manglende_vaerdier(katalog)
    if mangler:
        print(f"{len(mangler)} værdier, som kilden ikke giver, og som en redaktør stadig skal udfylde:")
        for m in mangler:
            print(f"  {m}")
    print(f"Kataloget er i orden: {len(katalog.standarder)} standarder, {len(katalog.satser)} satser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
