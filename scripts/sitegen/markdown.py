"""Building Markdown from catalogue text: escaping, tables, front matter, and the page record.

Catalogue text is data, never markup: every string from the catalogue goes through
`tekst` (or `yaml_str` in front matter) before it lands in a page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass
class Side:
    sti: str       # src_uri, e.g. "standarder/brokbind.md"
    markdown: str


def tekst(md: str) -> str:
    """Escape source text so Markdown shows it literally, but keep list markers."""
    ud = []
    for linje in md.splitlines():
        m = re.match(r"^(\s*(?:- |\d{1,2}\. ))?(.*)$", linje)
        markoer, rest = m.group(1) or "", m.group(2)
        rest = (rest.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                .replace("`", "\\`").replace("[", "\\[").replace("<", "&lt;").replace(">", "&gt;"))
        if not markoer:
            rest = re.sub(r"^(\d+)\. ", r"\1\\. ", rest)  # "2025. Året" is not a list item
            rest = re.sub(r"^([#+-]) ", r"\\\1 ", rest)
        ud.append(markoer + rest)
    return "\n".join(ud)


def tabel_md(tabel: dict[str, Any]) -> str:
    """A real (Markdown) table; a cell's list items become lines within the cell."""
    def celle(t: str) -> str:
        dele = [re.sub(r"^- ", "• ", d.strip()) for d in t.strip().splitlines() if d.strip()]
        return "<br>".join(tekst(d).replace("|", "\\|") for d in dele) or " "
    ud = []
    if tabel.get("titel"):
        ud += [f"**{tekst(tabel['titel'])}**", ""]
    ud.append("| " + " | ".join(celle(k) for k in tabel["kolonner"]) + " |")
    ud.append("|" + "---|" * len(tabel["kolonner"]))
    ud += ["| " + " | ".join(celle(c) for c in r) + " |" for r in tabel["raekker"]]
    return "\n".join(ud)


def yaml_str(s: str) -> str:
    """A string as a double-quoted YAML scalar, for a page's front matter."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
