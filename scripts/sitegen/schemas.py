"""Schema validation with messages an editor can act on."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import yaml

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "catalogue" / "schema"

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "object": "a mapping (key: value)", "array": "a list", "boolean": "true or false",
               "null": "empty"}

_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lowercase letters a–z, digits and single hyphens (æ→ae, ø→oe, å→aa)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD, e.g. 2025-01-01",
    '^https?://[^\\s<>"\'`{}|\\\\^\\[\\]]+$': "en hel webadresse, der begynder med https:// eller http:// og "
                                       "ikke indeholder mellemrum, anførselstegn eller klammer",
}


@cache
def schema(navn: str) -> dict[str, Any]:
    return yaml.safe_load((SCHEMA_DIR / f"{navn}.schema.yaml").read_text(encoding="utf-8"))


def fejl(navn: str, data: Any) -> Iterator[tuple[tuple, str]]:
    """Yield (path, plain message) for every schema violation in `data`."""
    validator = jsonschema.Draft202012Validator(schema(navn),
                                                format_checker=jsonschema.FormatChecker())
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        yield from _beskriv(error)


def _beskriv(error: jsonschema.ValidationError) -> Iterator[tuple[tuple, str]]:
    sti = tuple(error.absolute_path)
    felt = _felt(sti)
    v, arg = error.validator, error.validator_value
    if v == "required":
        mangler = [k for k in arg if isinstance(error.instance, dict) and k not in error.instance]
        for k in mangler:
            yield sti, f"{_i(felt)}the required field '{k}' is missing"
    elif v == "additionalProperties":
        kendte = sorted(error.schema.get("properties", {}))
        for k in sorted(set(error.instance) - set(kendte)):
            tip = f" (allowed: {', '.join(kendte)})" if kendte else ""
            yield sti + (k,), f"unknown field '{k}'{tip}"
    elif v == "enum":
        yield sti, f"{_for(felt)}'{error.instance}' is not allowed; use one of: {', '.join(map(str, arg))}"
    elif v == "type":
        forventet = arg if isinstance(arg, list) else [arg]
        yield sti, (f"{_for(felt)}expected {' or '.join(_TYPE_NAMES.get(t, t) for t in forventet)}, "
                    f"got {_hvad(error.instance)}")
    elif v == "pattern":
        hint = _PATTERN_HINTS.get(arg, f"text matching {arg}")
        yield sti, f"{_for(felt)}'{error.instance}' has the wrong form; expected {hint}"
    elif v == "format" and arg == "date":
        yield sti, f"{_for(felt)}'{error.instance}' is not a real date; write it YYYY-MM-DD, e.g. 2025-01-01"
    elif v == "minLength":
        yield sti, f"{_for(felt)}must not be empty"
    elif v in ("minimum", "maximum"):
        yield sti, f"{_for(felt)}{error.instance} is {'below the minimum' if v == 'minimum' else 'above the maximum'} {arg}"
    elif v in ("minItems", "maxItems"):
        yield sti, f"{_for(felt)}has {len(error.instance)} items; {error.message.split(' ', 1)[1]}"
    elif v == "oneOf" and error.context:
        # Report the alternative that came closest (fewest, deepest errors).
        yield sti, (f"{_for(felt)}does not match any allowed form"
                    f"{': ' + error.schema['description'] if 'description' in error.schema else ''}; "
                    f"closest: {_naermeste(error)}")
    else:
        yield sti, f"{_for(felt)}{error.message}"


def _naermeste(error: jsonschema.ValidationError) -> str:
    """Describe the alternative of a oneOf that failed on the fewest points."""
    grupper: dict[int, list] = {}
    for e in error.context:
        grupper.setdefault(e.relative_schema_path[0], []).append(e)
    if not grupper:
        return error.message
    bedste = min(grupper.values(), key=lambda fejl: (len(fejl), sum(e.validator in ("required", "additionalProperties") for e in fejl)))
    return "; ".join(m for e in bedste for _, m in _beskriv(e))


def _felt(sti: tuple) -> str:
    out = ""
    for p in sti:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _for(felt: str) -> str:
    return f"{felt}: " if felt else ""


def _i(felt: str) -> str:
    return f"in {felt}: " if felt else ""


def _hvad(vaerdi: Any) -> str:
    if vaerdi is None:
        return "nothing (empty value)"
    if isinstance(vaerdi, bool):
        return "true/false"
    if isinstance(vaerdi, (int, float)):
        return f"the number {vaerdi}"
    if isinstance(vaerdi, str):
        return f"the text '{vaerdi[:40]}'"
    return {"dict": "a mapping", "list": "a list"}.get(type(vaerdi).__name__, type(vaerdi).__name__)
