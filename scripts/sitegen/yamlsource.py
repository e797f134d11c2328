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


def indlaes(fil: Path) -> YamlDokument:
    try:
        tekst = fil.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise YamlFejl(fil, 1, f"the file is not UTF-8 text ({e.reason})") from None
    loader = _Loader(tekst)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        linje = mark.line + 1 if mark else 1
        raise YamlFejl(fil, linje, f"YAML syntax error: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise YamlFejl(fil, 1, f"YAML error: {e}") from None
    finally:
        loader.dispose()
    linjer: dict[tuple, int] = {}
    if node is not None:
        _saml_linjer(node, (), linjer)
    return YamlDokument(fil, data, linjer)


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
