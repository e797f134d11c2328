"""Read a YAML file and remember the line of every value, for error messages.

Dates stay text (`2025-01-01` is the string "2025-01-01"): the schema checks their
form, and nothing downstream has to care whether PyYAML made a `date` of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


# libyaml's parser (PyYAML's C extension) when installed: same nodes and line marks,
# several times faster on the whole catalogue (matters for `make serve`'s rebuilds).
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Drop the implicit timestamp resolver so dates are loaded as plain strings.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Bounds for a catalogue file: the largest real file is far below them.
MAKS_BYTES = 2_000_000
MAKS_DYBDE = 50
MAKS_CIFRE = 100
# With aliases allowed (an earlier edition from git, see indlaes): values after expansion.
MAKS_UDFOLDET = 200_000
ALIAS_BESKED = ("ankre og aliasser (&navn / *navn) er ikke tilladt i kataloget; skriv værdien ud, "
                "hvor den skal bruges")


class YamlFejl(Exception):
    def __init__(self, fil: Path, linje: int, besked: str):
        super().__init__(f"{fil}:{linje}: {besked}")
        self.fil, self.linje, self.besked = fil, linje, besked


@dataclass
class YamlDokument:
    fil: Path
    data: Any
    linjer: dict[tuple, int]  # path of keys/indexes -> 1-based line

    def linje(self, sti) -> int:
        """Line of the value at `sti`, or of its nearest parent that has one."""
        sti = tuple(sti)
        while sti and sti not in self.linjer:
            sti = sti[:-1]
        return self.linjer.get(sti, 1)


def indlaes(fil: Path, aliaser: bool = False) -> YamlDokument:
    """Load one catalogue file. Anchors and aliases are refused unless `aliaser` (for an
    earlier edition, written before they were refused); even then the expanded document
    is bounded (MAKS_UDFOLDET values, MAKS_DYBDE levels)."""
    try:
        if fil.stat().st_size > MAKS_BYTES:
            raise YamlFejl(fil, 1, f"filen er større end {MAKS_BYTES // 1_000_000} MB; et katalog-dokument "
                                   "er langt mindre. Del filen op, eller fjern det, der ikke hører til")
        tekst = fil.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise YamlFejl(fil, 1, f"filen er ikke UTF-8-tekst ({e.reason})") from None
    except OSError as e:  # e.g. a folder named *.yaml
        raise YamlFejl(fil, 1, f"filen kan ikke læses ({e.strerror})") from None
    loader = _Loader(tekst)
    linjer: dict[tuple, int] = {}
    try:
        node = _komponer(loader, fil, aliaser)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        linje, begyndt = _fejllinje(e)
        besked = f"YAML-syntaksfejl: {e.problem or e.context}"
        citat = getattr(loader, "sidste_haendelse", None)
        if begyndt:
            besked += (" (det, der begynder i denne linje, er ikke afsluttet: mangler der et "
                       "anførselstegn, ']', '}' eller ':'?)")
        elif (isinstance(citat, yaml.ScalarEvent) and citat.style in ('"', "'")
              and citat.start_mark.line < citat.end_mark.line < linje):
            # A quote left open runs on to the next quote character, often lines below.
            linje, slut = citat.start_mark.line + 1, citat.end_mark.line + 1
            besked += (f" (anførselstegnet i denne linje lukkes først i linje {slut}; mangler der et "
                       "anførselstegn?)")
        raise YamlFejl(fil, linje, besked) from None
    except yaml.YAMLError as e:
        raise YamlFejl(fil, 1, f"YAML-fejl: {e}") from None
    finally:
        loader.dispose()
    if node is not None:
        _saml_linjer(node, (), linjer)
    return YamlDokument(fil, data, linjer)


def _fejllinje(e: yaml.MarkedYAMLError) -> tuple[int, bool]:
    """The line to show for a syntax error.

    The parser notices an unclosed quote, bracket or a key without ':' only where the
    next token starts (often the next line, or the end of the file); the line where
    the unfinished construct began is where the editor has to look.
    """
    if e.context_mark and (e.context or "").startswith(_BEGYNDT_HER):
        return e.context_mark.line + 1, e.context_mark.line != getattr(e.problem_mark, "line", None)
    mark = e.problem_mark or e.context_mark
    return (mark.line + 1 if mark else 1), False


_BEGYNDT_HER = ("while scanning a simple key", "while scanning a quoted scalar",
                "while parsing a flow sequence", "while parsing a flow mapping",
                "while parsing a flow node")


def _komponer(loader, fil: Path, aliaser: bool = False):
    """The document's node tree, built from the parser's events without recursion.

    Like PyYAML's composer, but for a catalogue: anchors and aliases are refused
    (an alias can make a few lines stand for billions of values) or, with `aliaser`,
    counted as expanded; nesting deeper than MAKS_DYBDE is refused, and a key written
    twice in one mapping is an error (YAML would silently keep the last one).
    Messages name the offending line.
    """
    def fejl(event, besked: str):
        return YamlFejl(fil, event.start_mark.line + 1, besked)

    loader.get_event()  # StreamStart
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # DocumentStart
    rod = None
    # Open collections: [node, keys seen (mapping only) as {(tag, value): line}, pending key]
    stak: list[list] = []
    ankre: dict[str, Any] = {}
    # Finished nodes (only tracked when aliases are allowed): id -> (values when expanded, depth)
    maal: dict[int, tuple[int, int]] = {}
    while True:
        event = loader.sidste_haendelse = loader.get_event()
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            node = stak.pop()[0]
            node.end_mark = event.end_mark
            if aliaser:
                boern = [m for par in node.value for m in (par if isinstance(par, tuple) else (par,))]
                antal = 1 + sum(maal[id(b)][0] for b in boern)
                if antal > MAKS_UDFOLDET:
                    graense = f"{MAKS_UDFOLDET:,}".replace(",", ".")
                    raise YamlFejl(fil, node.start_mark.line + 1, f"værdien her bliver til mere end {graense} "
                                   "værdier, når dens aliasser udfoldes")
                maal[id(node)] = (antal, 1 + max((maal[id(b)][1] for b in boern), default=0))
        elif isinstance(event, yaml.AliasEvent) and aliaser:
            node = ankre.get(event.anchor)
            if node is None or id(node) not in maal:
                raise fejl(event, f"aliasset *{event.anchor} henviser ikke til et færdigt anker (&{event.anchor})")
            if len(stak) + maal[id(node)][1] > MAKS_DYBDE:
                raise fejl(event, f"teksten er indlejret mere end {MAKS_DYBDE} niveauer dybt")
            _tilfoej(stak, node, event, fejl)
        else:
            if isinstance(event, yaml.AliasEvent) or (event.anchor is not None and not aliaser):
                raise fejl(event, ALIAS_BESKED)
            tag = event.tag
            if isinstance(event, yaml.ScalarEvent):
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
                if tag == "tag:yaml.org,2002:int" and len(event.value) > MAKS_CIFRE:
                    raise fejl(event, f"tallet har mere end {MAKS_CIFRE} cifre")
                node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
                maal[id(node)] = (1, 0)
            elif isinstance(event, yaml.SequenceStartEvent):
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.SequenceNode, None, event.implicit)
                node = yaml.SequenceNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
            elif isinstance(event, yaml.MappingStartEvent):
                if tag is None or tag == "!":
                    tag = loader.resolve(yaml.MappingNode, None, event.implicit)
                node = yaml.MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
            else:  # pragma: no cover - the parser emits nothing else inside a document
                raise fejl(event, f"uventet YAML-element {type(event).__name__}")
            if event.anchor is not None:
                ankre[event.anchor] = node
            if stak:
                _tilfoej(stak, node, event, fejl)
            else:
                rod = node
            if isinstance(node, yaml.CollectionNode):
                if len(stak) >= MAKS_DYBDE:
                    raise fejl(event, f"teksten er indlejret mere end {MAKS_DYBDE} niveauer dybt; "
                                      "så dybt går intet i kataloget")
                stak.append([node, {}, None])
        if not stak:
            break
    loader.get_event()  # DocumentEnd
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise fejl(event, "filen må kun indeholde ét YAML-dokument (fjern '---' og det, der står efter)")
    return rod


def _tilfoej(stak: list[list], node, event, fejl) -> None:
    """Put a node into the open collection on top of the stack (a mapping takes key, then value)."""
    foraelder = stak[-1]
    if isinstance(foraelder[0], yaml.SequenceNode):
        foraelder[0].value.append(node)
    elif foraelder[2] is None:
        if isinstance(node, yaml.ScalarNode):
            noegle = (node.tag, node.value)
            if noegle in foraelder[1]:
                raise fejl(event, f"nøglen '{node.value}' står to gange i samme afsnit (første gang "
                                  f"i linje {foraelder[1][noegle]}); slet eller omdøb den ene")
            foraelder[1][noegle] = event.start_mark.line + 1
        foraelder[2] = node
    else:
        foraelder[0].value.append((foraelder[2], node))
        foraelder[2] = None


def _saml_linjer(node, sti: tuple, linjer: dict[tuple, int]) -> None:
    linjer[sti] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = sti + (key.value,)
                linjer[child] = key.start_mark.line + 1
                _saml_linjer_vaerdi(value, child, linjer)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _saml_linjer(item, sti + (i,), linjer)


def _saml_linjer_vaerdi(node, sti: tuple, linjer: dict[tuple, int]) -> None:
    key_line = linjer[sti]
    _saml_linjer(node, sti, linjer)
    # Errors about a value point at its key's line (a block value starts below it).
    linjer[sti] = key_line
