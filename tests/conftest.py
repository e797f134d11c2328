import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# calculators and sitegen are installed (editable) in .venv; the tests also import their
# own helpers and the command-line scripts in scripts/ (e.g. export_cases).
for p in (ROOT / "tests", ROOT / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))
