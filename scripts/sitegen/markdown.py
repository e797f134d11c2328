"""Building Markdown from catalogue text: escaping, tables, front matter, links and the page record.

Catalogue text is data, never markup. Every string from the catalogue goes through
`tekst` before it lands in a page's Markdown, through `html_tekst` before it reaches
MkDocs or Material as a title, a navigation entry or a description (their templates
insert those as HTML, unescaped), and through `sikker_url` before it becomes a link.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

# The link schemes a catalogue URL may have.
URL_SKEMAER = {"http", "https", "mailto"}


@dataclass
class Side:
    sti: str       # src_uri, e.g. "standarder/brokbind.md"
    markdown: str


def tekst(md: str) -> str:
    """Escape catalogue text so Markdown shows it literally, but keep list markers.

    Nothing in it becomes markup: no emphasis, code, link or raw HTML, no attribute
    list (`{: onfocus=… }`), no admonition (`!!!`, `???`), no table cell border (`|`),
    no heading or rule from a line of its own.
    """
    ud = []
    for linje in md.splitlines():
        m = re.match(r"^(\s*(?:- |\d{1,2}\. ))?(.*)$", linje)
        markoer, rest = m.group(1) or "", m.group(2)
        rest = (rest.replace("\\", "\\\\").replace("&", "&amp;").replace("*", "\\*").replace("_", "\\_")
                .replace("`", "\\`").replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
                .replace(">", "&gt;").replace("{", "\\{").replace("}", "\\}").replace("|", "&#124;"))
        rest = re.sub(r"^(\s*)([!?])", lambda m: m.group(1) + f"&#{ord(m.group(2))};", rest)  # !!! / ??? blocks
        if not markoer:
            rest = re.sub(r"^(\d+)\. ", r"\1\\. ", rest)  # "2025. Året" is not a list item
            rest = re.sub(r"^(\s*)([#+-])", r"\1\\\2", rest)  # no heading, list item or rule
            rest = re.sub(r"^(\s*)=", r"\1&#61;", rest)  # no setext heading
        ud.append(markoer + rest)
    return "\n".join(ud)


def html_tekst(s: str) -> str:
    """Catalogue text for a place MkDocs' templates insert as HTML without escaping it:
    a page title or description in the front matter, a navigation entry."""
    return html.escape(s, quote=True)


def sikker_url(url: str) -> str | None:
    """The URL as a safe link target, or None if it is not an http(s) or mailto link.

    Characters that could end a Markdown link or an HTML attribute are percent-encoded."""
    url = url.strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        return None
    try:
        dele = urlsplit(url)
    except ValueError:
        return None
    if dele.scheme.lower() not in URL_SKEMAER or (dele.scheme.lower() != "mailto" and not dele.netloc):
        return None
    return quote(url, safe=":/?#@!$&*+,;=%~-._")


def om_teksten(indhold: list[str]) -> list[str]:
    """Where a page's text comes from (source, lines, repairs), in the one place every page
    keeps it: a folded section at the foot titled "Om teksten", kept out of search.
    `indhold` is Markdown lines (already escaped)."""
    return ['<details class="kvh-om-teksten" id="om-teksten" data-search-exclude markdown="1">',
            "<summary>Om teksten</summary>", "", *indhold, "", "</details>", ""]


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


def front_matter_vaerdi(s: str) -> str:
    """Catalogue text as a value in a page's front matter (title, description, tags):
    escaped as HTML, since MkDocs and Material insert those values unescaped, then
    written as a double-quoted YAML scalar."""
    s = html_tekst(re.sub(r"[\x00-\x1f\x7f]", " ", s))
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
