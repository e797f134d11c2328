"""The catalogue's words as a reader sees them: section headings, kinds of repair,
the source's name, law names and what makes a standard one about assistive devices."""
from __future__ import annotations

from typing import Any

from .catalogue import Standard
from .markdown import tekst

SEKTIONER = (
    ("formaal", "Formål"),
    ("kriterier", "Kriterier for bevilling"),
    ("indhold", "Indsatsen kan indeholde"),
    ("leverandoer", "Leverandør"),
    ("kompetencekrav", "Kompetencekrav til udfører"),
    ("bemaerkninger", "Bemærkninger"),
)

RETTELSE_TYPER = {
    "tabt_titel": "Titel udledt", "sideskift": "Sideskift", "delt_punkt": "Delt punkt",
    "sammenflettet_punkt": "Sammenflettede punkter", "orddeling": "Orddeling",
    "tabt_etiket": "Tabt overskrift", "gentaget_tekst": "Gentaget tekst", "andet": "Andet",
}

KILDE_NAVN = "Kvalitetsstandarder 2025 – Sundhed og Rehabilitering"

LOVNAVNE = {
    "serviceloven": "Serviceloven", "sundhedsloven": "Sundhedsloven",
    "almenboligloven": "Lov om almene boliger", "specialundervisningsloven": "Lov om specialundervisning for voksne",
    "trafikselskabsloven": "Lov om trafikselskaber", "arbejdsmiljoeloven": "Arbejdsmiljøloven",
}

# The paragraphs of serviceloven on aids and consumer goods (hjælpemidler og forbrugsgoder).
HJAELPEMIDDEL_PARAGRAFFER = {"112", "113", "113b"}


def lov_navn(h: dict[str, Any]) -> str:
    return LOVNAVNE[h["lov"]] + (f" § {h['paragraf']}" if "paragraf" in h else "")


def lov_tekst(h: dict[str, Any]) -> str:
    if "dokument" in h:
        return h["dokument"]
    dele = [LOVNAVNE[h["lov"]]]
    if "paragraf" in h:
        dele.append(f"§ {h['paragraf']}")
    if "stk" in h:
        dele.append(f"stk. {h['stk']}")
    if "nr" in h:
        dele.append(f"nr. {h['nr']}")
    return " ".join(dele)


def er_hjaelpemiddel(s: Standard) -> bool:
    """An assistive-device standard: in the Hjælpemiddelområdet, or resting on § 112/113/113 b."""
    return s["omraade"] == "hjaelpemidler" or any(
        h.get("lov") == "serviceloven" and h.get("paragraf") in HJAELPEMIDDEL_PARAGRAFFER
        for h in s["lovgrundlag"]["henvisninger"])


def ogsaa_kaldet(*steder: dict | None) -> str:
    """'Også kaldet: hjemmehjælp, hjemmepleje' from the editorial search words of an area/group."""
    ord_ = [o for sted in steder if sted for o in sted.get("soegeord", [])]
    return f"Også kaldet: {', '.join(tekst(o) for o in dict.fromkeys(ord_))}" if ord_ else ""
