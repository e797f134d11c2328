"""The front matter of the source (indledning, vision, hverdagsteknologi, læsevejledning), a page each."""
from __future__ import annotations

from ..begreber import KILDE_NAVN
from ..datotekst import gyldighed
from ..markdown import front_matter_vaerdi, om_teksten, tekst


def indledende_side(side: dict) -> str:
    a, b = side["linjer"]
    linjer = ["---", f"title: {front_matter_vaerdi(side['titel'])}", "---", "", f"# {tekst(side['titel'])}", ""]
    if side.get("gyldig_fra"):
        linjer += [gyldighed(side["gyldig_fra"], side.get("gyldig_til"), side.get("senest_aendret")),
                   "{ .kvh-meta }", ""]
    for afsnit in side["afsnit"]:
        if afsnit.get("overskrift"):
            linjer += [f"## {tekst(afsnit['overskrift'])}", ""]
        linjer += [tekst(afsnit["tekst"]).strip(), ""]
    linjer += om_teksten([f"Teksten er Gladsaxe Kommunes *{KILDE_NAVN}*, linje {a}–{b} i kildeteksten."])
    return "\n".join(linjer) + "\n"
