"""Command line: `python -m calculators list` and `python -m calculators run ID --json '{...}'`."""
from __future__ import annotations

import argparse
import json
import sys

from . import alle, beregn, laes_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m calculators",
                                     description="Beregnere til kvalitetsstandarderne.")
    sub = parser.add_subparsers(dest="kommando", required=True)
    sub.add_parser("list", help="vis alle beregnere og deres felter som JSON")
    run = sub.add_parser("run", help="kør en beregner")
    run.add_argument("id")
    run.add_argument("--json", required=True, help="felternes værdier som JSON-objekt")
    args = parser.parse_args(argv)

    if args.kommando == "list":
        _skriv(alle())
        return 0
    raw, fejl = laes_json(args.json)
    svar = fejl or beregn(args.id, raw)
    _skriv(svar)
    return 0 if svar["ok"] else 2


def _skriv(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
