"""Where every generated page lives (its src_uri) and relative links between pages.

Pages live at stable addresses: /standarder/<id>/, /omraader/<område>/[<gruppe>/],
/bilag/bilag-<n>/, /lovgrundlag/<lov>-<paragraf>/, /om/<side>/, /ansvar/, /sundhedsreform-2027/.
"""
from __future__ import annotations

from typing import Any

OVERSIGT = "standarder/index.md"
ANSVAR_STI = "ansvar/index.md"
REFORM_STI = "sundhedsreform-2027.md"


def standard_sti(standard_id: str) -> str:
    return f"standarder/{standard_id}.md"


def omraade_sti(omraade_id: str, gruppe_id: str | None = None) -> str:
    return f"omraader/{omraade_id}/{gruppe_id + '/' if gruppe_id else ''}index.md"


def bilag_sti(nummer: int) -> str:
    return f"bilag/bilag-{nummer}.md"


def om_sti(side_id: str) -> str:
    return f"om/{side_id}.md"


def lov_sti(h: dict[str, Any] | None = None) -> str:
    """The page of one law paragraph (all its stk. together), or the index of them."""
    if h is None:
        return "lovgrundlag/index.md"
    return f"lovgrundlag/{h['lov']}-{h.get('paragraf', 'hele-loven').replace(' ', '')}.md"


def lov_anker(h: dict[str, Any]) -> str:
    """The anchor of a paragraph's text in Bilag 1, e.g. 'serviceloven-112'."""
    return f"{h['lov']}-{h['paragraf']}"


def rel(fra: str, til: str) -> str:
    """Relative Markdown link from page `fra` to page `til` (both src_uris)."""
    op = fra.count("/")
    return "../" * op + til
