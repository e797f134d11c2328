"""The invariants ARCHITECTURE.md states, checked on the code's own imports.

Imports are read with `ast` (module level and inside functions alike), so a cycle
hidden in a function-level import counts too.
"""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"sitegen": ROOT / "scripts" / "sitegen", "calculators": ROOT / "calculators"}

# ARCHITECTURE.md's layers of the generator, lowest first. A module may import from its
# own layer or a lower one, never from a higher one.
LAYERS = [
    {"sitegen.yamlsource", "sitegen.schemas", "sitegen.historik"},
    {"sitegen.catalogue"},
    {"sitegen.fidelity", "sitegen.export", "sitegen.redaktoer", "sitegen.aendringer", "sitegen.aabne_data",
     "sitegen.pyodide_assets", "sitegen.snapshot", "sitegen.csp", "sitegen.scriptindlaesning", "sitegen.hashnavne", "sitegen.offline", "sitegen.ordforraad",
     "sitegen.soegeindeks"},
    {"sitegen.markdown", "sitegen.stier", "sitegen.datotekst", "sitegen.begreber", "sitegen.forms",
     "sitegen.soegefakta"},
    {"sitegen.sider"},  # and every sitegen.sider.* module
    {"sitegen.site"},
    {"sitegen.plugin"},
]


def _modules() -> dict[str, Path]:
    ud = {}
    for pakke, mappe in PACKAGES.items():
        for fil in mappe.rglob("*.py"):
            dele = fil.relative_to(mappe).with_suffix("").parts
            navn = ".".join((pakke, *dele))
            ud[navn.removesuffix(".__init__")] = fil
    return ud


MODULES = _modules()


def _imports(navn: str, fil: Path) -> set[str]:
    """The project modules `navn` imports (resolved to module names, not attributes)."""
    er_pakke = fil.name == "__init__.py"
    pakke = navn if er_pakke else navn.rpartition(".")[0]
    ud = set()
    for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            kandidater = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                op = pakke.split(".")
                op = op[:len(op) - (node.level - 1)]
                base = ".".join(op + ([base] if base else []))
            kandidater = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        for k in kandidater:
            while k and k not in MODULES:
                k = k.rpartition(".")[0]
            if k and k != navn:
                ud.add(k)
    return ud


GRAPH = {navn: _imports(navn, fil) for navn, fil in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, ud, teller = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = teller[0]
        teller[0] += 1
        stack.append(v)
        on.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            komp = []
            while True:
                w = stack.pop()
                on.discard(w)
                komp.append(w)
                if w == v:
                    break
            if len(komp) > 1:
                ud.append(sorted(komp))

    for v in GRAPH:
        if v not in index:
            visit(v)
    return ud


def test_the_imports_form_no_circle():
    assert _cycles() == []


def test_the_cycle_check_finds_a_circle():
    GRAPH["sitegen.stier"].add("sitegen.plugin")
    try:
        assert _cycles(), "a circle through the plugin should be found"
    finally:
        GRAPH["sitegen.stier"].discard("sitegen.plugin")


def _layer(navn: str) -> int:
    navn = "sitegen.sider" if navn.startswith("sitegen.sider") else navn
    return next(i for i, lag in enumerate(LAYERS) if navn in lag)


def test_every_generator_module_has_a_layer_and_imports_only_downwards():
    forkerte = []
    for navn, imports in GRAPH.items():
        if not navn.startswith("sitegen") or navn == "sitegen":
            continue
        for i in imports:
            if i.startswith("sitegen") and i != "sitegen" and _layer(i) > _layer(navn):
                forkerte.append(f"{navn} -> {i}")
    assert forkerte == []


def test_calculators_use_only_the_standard_library_and_never_the_generator():
    fremmede = set()
    for navn, fil in MODULES.items():
        if not navn.startswith("calculators"):
            continue
        for node in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                tops = [node.module.split(".")[0]]
            else:
                continue
            fremmede |= {f"{navn}: {t}" for t in tops if t != "calculators" and t not in sys.stdlib_module_names}
    assert fremmede == set()


def test_only_the_plugin_knows_mkdocs_and_no_module_reads_settings_from_the_environment():
    for navn, fil in MODULES.items():
        kilde = fil.read_text(encoding="utf-8")
        if navn != "sitegen.plugin":
            assert not re.search(r"^\s*(from|import) mkdocs", kilde, re.M), navn
        assert "os.environ" not in kilde and "getenv" not in kilde, navn


def test_architecture_md_names_every_generator_module():
    kort = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for navn, fil in MODULES.items():
        if navn.startswith("sitegen") and fil.name != "__init__.py":
            assert f"`{fil.relative_to(ROOT).as_posix()}`" in kort, f"ARCHITECTURE.md does not name {fil}"


def test_no_file_is_left_with_merge_conflict_markers():
    """A merge that committed its conflict markers leaves text no tool complains about
    (ARCHITECTURE.md once had two blocks of both sides)."""
    markoer = re.compile(r"^(<{7} |={7}$|>{7} )", re.M)
    steder = [ROOT / n for n in ("README.md", "ARCHITECTURE.md", "Makefile", "mkdocs.yml", "pyproject.toml")]
    for mappe in ("catalogue", "calculators", "scripts", "docs", "overrides", "tests"):
        steder += [p for p in (ROOT / mappe).rglob("*") if p.is_file() and p.suffix in
                   {".py", ".md", ".yaml", ".yml", ".js", ".mjs", ".json", ".html", ".css", ".toml"}]
    fundet = [str(p.relative_to(ROOT)) for p in steder if markoer.search(p.read_text(encoding="utf-8"))]
    assert fundet == []
