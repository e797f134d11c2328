"""Schema validation with messages an editor can act on."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import yaml

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "catalogue" / "schema"

_TYPE_NAMES = {"string": "tekst", "integer": "et helt tal", "number": "et tal",
               "object": "en tabel af felter (nøgle: værdi)", "array": "en liste", "boolean": "true eller false",
               "null": "tom"}

_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "små bogstaver a–z, tal og enkelte bindestreger (æ→ae, ø→oe, å→aa)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "en dato skrevet ÅÅÅÅ-MM-DD, fx 2025-01-01",
    "^[a-z0-9æøåäöüéèáóíú]+([ -][a-z0-9æøåäöüéèáóíú]+)*$": "små bogstaver og tal, ord adskilt af ét mellemrum eller "
                                                       "én bindestreg (ingen store bogstaver, tegnsætning "
                                                       "eller mellemrum i enderne)",
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
            yield sti, f"{_i(felt)}det påkrævede felt '{k}' mangler"
    elif v == "additionalProperties":
        kendte = sorted(error.schema.get("properties", {}))
        for k in sorted(set(error.instance) - set(kendte)):
            tip = f" (tilladt: {', '.join(kendte)})" if kendte else ""
            yield sti + (k,), f"ukendt felt '{k}'{tip}"
    elif v == "enum":
        yield sti, f"{_for(felt)}'{error.instance}' er ikke tilladt; brug en af: {', '.join(map(str, arg))}"
    elif v == "type":
        forventet = arg if isinstance(arg, list) else [arg]
        yield sti, (f"{_for(felt)}forventede {' eller '.join(_TYPE_NAMES.get(t, t) for t in forventet)}, "
                    f"fik {_hvad(error.instance)}")
    elif v == "pattern":
        hint = _PATTERN_HINTS.get(arg, f"tekst på formen {arg}")
        yield sti, f"{_for(felt)}'{error.instance}' har forkert form; forventede {hint}"
    elif v == "format" and arg == "date":
        yield sti, f"{_for(felt)}'{error.instance}' er ikke en rigtig dato; skriv den ÅÅÅÅ-MM-DD, fx 2025-01-01"
    elif v == "minLength":
        yield sti, f"{_for(felt)}må ikke være tom"
    elif v == "maxLength":
        yield sti, f"{_for(felt)}'{error.instance[:40]}…' er for lang; højst {arg} tegn"
    elif v == "uniqueItems":
        dobbelt = next((x for i, x in enumerate(error.instance) if x in error.instance[:i]), None)
        yield sti, f"{_for(felt)}{'' if dobbelt is None else repr(dobbelt) + ' '}står mere end én gang"
    elif v in ("minimum", "maximum"):
        yield sti, f"{_for(felt)}{error.instance} er {'under mindsteværdien' if v == 'minimum' else 'over højsteværdien'} {arg}"
    elif v in ("minItems", "maxItems"):
        yield sti, f"{_for(felt)}har {len(error.instance)} elementer; {'mindst' if v == 'minItems' else 'højst'} {arg} er tilladt"
    elif v == "oneOf" and error.context:
        # Report the alternative that came closest (fewest, deepest errors).
        yield sti, (f"{_for(felt)}passer ikke til nogen af de tilladte former"
                    f"{': ' + error.schema['description'] if 'description' in error.schema else ''}; "
                    f"nærmest: {_naermeste(error)}")
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
    return f"i {felt}: " if felt else ""


def _hvad(vaerdi: Any) -> str:
    if vaerdi is None:
        return "ingenting (tom værdi)"
    if isinstance(vaerdi, bool):
        return "true/false"
    if isinstance(vaerdi, (int, float)):
        return f"tallet {vaerdi}"
    if isinstance(vaerdi, str):
        return f"teksten '{vaerdi[:40]}'"
    return {"dict": "en tabel af felter", "list": "en liste"}.get(type(vaerdi).__name__, type(vaerdi).__name__)
