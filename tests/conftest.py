import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# calculators and sitegen are installed (editable) in .venv; the tests also import their
# own helpers and the command-line scripts in scripts/ (e.g. export_cases).
for p in (ROOT / "tests", ROOT / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))


def pytest_terminal_summary(terminalreporter):
    """The share of valid random examples per calculator (tests/unit/test_calculator_properties.py)."""
    modul = sys.modules.get("test_calculator_properties") or sys.modules.get("unit.test_calculator_properties")
    andele = getattr(modul, "ANDELE", None)
    if not andele:
        return
    terminalreporter.section("valid random examples per calculator")
    for navn, andel in sorted(andele.items()):
        terminalreporter.write_line(f"{navn:45} {andel:6.0%}")
