"""Print word 3-gram coverage of the source text per standard and in total."""
from __future__ import annotations

import sys

from sitegen.catalogue import indlaes_katalog
from sitegen.fidelity import report


def main() -> int:
    rows = report(indlaes_katalog())
    total = sum(r.total for r in rows)
    covered = sum(r.covered for r in rows)
    for r in rows:
        print(f"#{r.nummer:3} {r.ratio:7.2%} ({r.ratio_outside:7.2%} outside documented repairs)  {r.standard}")
        for m in r.missing[:8]:
            print(f"         missing: {m}")
    ude = sum(r.covered_outside for r in rows) / sum(r.total_outside for r in rows)
    print(f"total: {covered}/{total} source 3-grams covered = {covered / total:.2%} over {len(rows)} standards; "
          f"{ude:.2%} outside documented repairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
