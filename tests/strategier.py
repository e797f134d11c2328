"""Hypothesis strategies built from a calculator's field declarations.

Each field is drawn in declaration order the way a reader fills the form: a choice from its
options, ja/nej, a whole number or an amount inside its range (mostly small), a date inside its
years (later dates mostly after earlier ones). A field is left out when it is hidden (its
`vis_hvis` rule, read with calculators.felter.synligt on the values drawn so far) or when the rate
it stands in for is in the catalogue; an optional field is sometimes left empty. So most examples
are valid input; the few invalid ones are combinations the calculation itself rejects.
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from calculators.felter import Beloeb, Dato, Decimaltal, Heltal, JaNej, Valg, synligt

# Every rate is in force from 2025-01-01; the answer's date is drawn after that.
FOERSTE_DATO = date(2025, 1, 1)
SIDSTE_DATO = date(2030, 12, 31)


def _dansk(tal: Decimal) -> str:
    return f"{tal:f}".replace(".", ",")


@st.composite
def _heltal(draw, f: Heltal) -> int:
    lille = min(f.max, f.min + 12)
    return draw(st.one_of(st.integers(f.min, lille), st.integers(f.min, f.max)))


@st.composite
def _beloeb(draw, f: Beloeb) -> Decimal:
    kroner = draw(st.one_of(st.integers(0, 1_000), st.integers(0, 60_000), st.integers(0, min(f.max, 400_000))))
    oere = draw(st.sampled_from([0, 0, 50, 25, 99]))
    return Decimal(kroner) + Decimal(oere) / 100


@st.composite
def _decimaltal(draw, f: Decimaltal) -> Decimal:
    skala = Decimal(1).scaleb(-f.decimaler)
    lav, hoej = int(f.min / skala), int(f.max / skala)
    heltal = draw(st.one_of(st.integers(lav, min(hoej, lav + int(40 / skala))), st.integers(lav, hoej)))
    return (Decimal(heltal) * skala).normalize()


# Where a field's declaration does not say enough to draw a sensible value, a hint does.
# "ja" is less likely than "nej" (several "ja" together are often a contradiction the calculator
# rightly rejects, e.g. an implant that is also a compression product): "nej" per "ja", by calculator.
NEJ_PR_JA = {"ansvar": 8}


def _skonummer(draw, vaerdier, dato):
    n = Decimal(draw(st.integers(30 * 2, 48 * 2))) / 2
    return _dansk(n.normalize()), n


def _foer_vurdering(draw, vaerdier, dato):
    """The last main cleaning happened before the day of the assessment."""
    v = (vaerdier.get("vurderingsdato") or dato) - timedelta(days=draw(st.integers(0, 900)))
    return v.isoformat(), v


def _foer_datoen(draw, vaerdier, dato):
    """A date before the answer's date (e.g. when the help was granted)."""
    v = dato - timedelta(days=draw(st.integers(0, 1_500)))
    return v.isoformat(), v


def _efter(felt):
    def hint(draw, vaerdier, dato):
        """A date on or after `felt` and inside the catalogue's rates (from 2025)."""
        v = max(vaerdier[felt], FOERSTE_DATO) + timedelta(days=draw(st.integers(0, 1_500)))
        return v.isoformat(), v
    return hint


def _mest_nej(draw, vaerdier, dato):
    """Most aids are not compression products (two of the three options are)."""
    v = "nej" if draw(st.integers(0, 3)) else draw(st.sampled_from(["kompression", "stoettestroempe"]))
    return v, v


HINT = {
    ("ansvar", "kompression"): _mest_nej,
    ("hovedrengoering", "bevilget_siden"): _foer_datoen,
    ("hovedrengoering", "vurderingsdato"): _efter("bevilget_siden"),
    ("fodtoej", "str_venstre"): _skonummer,
    ("fodtoej", "str_hoejre"): _skonummer,
    ("hovedrengoering", "seneste_hovedrengoering"): _foer_vurdering,
}


@st.composite
def input_til(draw, beregner, katalog) -> tuple[dict, dict]:
    """(raw input as the reader types it, the values it should be read as)."""
    dato = draw(st.dates(FOERSTE_DATO, SIDSTE_DATO))
    raw: dict = {"dato": dato.isoformat()}
    vaerdier: dict = {}
    forrige_dato: date | None = None
    for f in beregner.felter:
        if not synligt(f, vaerdier):
            continue
        if f.erstatter_sats and katalog.sats(f.erstatter_sats, dato).vaerdi is not None:
            continue
        if not f.paakraevet and draw(st.integers(0, 4)) == 0:
            continue  # an optional field left empty
        if (beregner.id, f.id) in HINT:
            raw[f.id], v = HINT[beregner.id, f.id](draw, vaerdier, dato)
        elif isinstance(f, Valg):
            v = draw(st.sampled_from([x for x, _ in f.muligheder]))
            raw[f.id] = v
        elif isinstance(f, JaNej):
            nej_pr_ja = NEJ_PR_JA.get(beregner.id, 2)
            v = draw(st.sampled_from([False] * nej_pr_ja + [True]))
            raw[f.id] = "ja" if v else "nej"
        elif isinstance(f, Heltal):
            v = draw(_heltal(f))
            raw[f.id] = str(v)
        elif isinstance(f, Beloeb):
            v = draw(_beloeb(f))
            raw[f.id] = _dansk(v)
        elif isinstance(f, Decimaltal):
            v = draw(_decimaltal(f))
            raw[f.id] = _dansk(v)
        elif isinstance(f, Dato):
            lav, hoej = date(max(f.min_aar, 1990), 1, 1), date(min(f.max_aar, 2035), 12, 31)
            if forrige_dato is not None and lav <= forrige_dato <= hoej and draw(st.integers(0, 9)):
                v = forrige_dato + timedelta(days=draw(st.integers(0, 3_000)))
                v = min(v, hoej)
            else:
                v = draw(st.dates(lav, hoej))
            forrige_dato = v
            raw[f.id] = f"{v.day}.{v.month}.{v.year}" if draw(st.booleans()) else v.isoformat()
        else:  # pragma: no cover - a new field type needs a strategy here
            raise AssertionError(f"no strategy for field type {type(f).__name__} ({f.id})")
        vaerdier[f.id] = v
    return raw, vaerdier
