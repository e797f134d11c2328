"""Mutation testing of the calculators: are the tests able to see a small deliberate bug?

    .venv/bin/python scripts/mutation.py [module ...] [--jobs 2] [--list] [--timeout 60] [--linjer 150-170]

For every module of calculators/ (or the ones named) the script makes mutants from the syntax
tree — one small change each:
  - a comparison flipped (< and <=, > and >=, == and !=, in and not in, is and is not);
  - `and` and `or` swapped; `not` dropped; True and False swapped;
  - min() and max() swapped;
  - a whole-number constant + 1 (not source line numbers: constants of 1000 and up and
    (from, to) pairs, which the reference cases check by citation instead);
  - a `raise` dropped.
Not mutated: docstrings, decorators (@dataclass(frozen=True)), source line citations, and a form
field's sanity limits (FORMGRAENSER).
Each mutant runs, in a forked process with the mutated module imported in place of the real one,
the tests that can see it: the unit test files that name the module or its calculator, and the
reference cases and property tests of its calculators (`KVH_KUN_BEREGNER`, fewer hypothesis
examples: `KVH_EKSEMPLER`). A failing run kills the mutant; a run over the time limit kills it too
(--timeout, but at least four times the module's unmutated run, so a busy machine does not kill
mutants; the count of these is printed).

Survivors that are equivalent (no test can tell them apart because the behaviour is the same) are
listed with a reason in scripts/mutation_equivalents.yaml, named by their code (the mutated line's
text, the mutation and, for a repeat on the same line text, its occurrence), not by line number, so
edits elsewhere do not unlist them; entries that no longer name a survivor are reported as stale.
The score counts the others: killed / (killed + survived). Not part of `make test` (it takes
minutes): `make mutation`.
"""
from __future__ import annotations

import argparse
import ast
import copy
import importlib.abc
import importlib.util
import os
import re
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PAKKE = ROOT / "calculators"
TESTS = ROOT / "tests" / "unit"
EKVIVALENTE = ROOT / "scripts" / "mutation_equivalents.yaml"
FAELLES_TESTS = ("test_calculator_contract.py", "test_calculator_cases.py", "test_calculator_properties.py")
# Modules the calculators share: every calculator's cases and properties can see them.
UDEN_FILTER = {"felter", "datoer", "model", "katalog", "__init__"}
# Slow tests of the site and the catalogue data, not of a calculator's behaviour: left out.
LANGSOMME = {"test_pages.py", "test_build.py", "test_ansvar_data.py", "test_serve_preview.py", "test_fidelity.py",
             "test_catalogue_validation.py", "test_check.py", "test_katalog_export.py", "test_aendringer.py"}

# Keyword arguments of a field declaration that only bound what the form accepts (Heltal(max=100),
# Decimaltal(decimaler=1), Dato(min_aar=1900)): sanity limits chosen for the form, not values from the
# source, so they are not mutated. The parsing itself is mutated in felter.py and tested there.
FORMGRAENSER = {"min", "max", "decimaler", "min_aar", "max_aar"}

SAMMENLIGNING = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                 ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
TEGN = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
        ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}


_CASES: list = []


@dataclass(frozen=True)
class Mutant:
    modul: str
    nr: int
    linje: int
    beskrivelse: str
    kode: str = ""  # the mutated line's source text, stripped
    forekomst: int = 0  # how many earlier mutants of the module have the same code and mutation
    udtryk: str = ""  # the mutated expression (for the reader; not part of the key)

    def noegle(self) -> tuple[str, str, str, int]:
        """What identifies the mutant across edits elsewhere in the file: not the line number."""
        return (self.modul, self.kode, self.beskrivelse, self.forekomst)


class _Mutator(ast.NodeTransformer):
    """Walks the tree; numbers every mutation point; applies the one numbered `maal` (or none)."""

    def __init__(self, maal: int | None = None):
        self.maal, self.nr, self.fundne = maal, 0, []

    def _punkt(self, node, beskrivelse: str) -> bool:
        nr = self.nr
        self.nr += 1
        self.fundne.append((nr, node.lineno, beskrivelse, ast.unparse(node)))
        return nr == self.maal

    def visit_Tuple(self, node):
        if len(node.elts) == 2 and all(isinstance(e, ast.Constant) and type(e.value) is int for e in node.elts):
            return node  # (from, to): source lines a step cites; the reference cases check citations
        return self.generic_visit(node)

    def visit_keyword(self, node):
        if node.arg in FORMGRAENSER:
            return node  # a form field's sanity limit (see FORMGRAENSER)
        return self.generic_visit(node)

    def visit_ClassDef(self, node):
        node.decorator_list = [d for d in node.decorator_list]  # @dataclass(frozen=True): not behaviour
        node.body = [self.visit(b) for b in node.body]
        return node

    def visit_Expr(self, node):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return node  # a docstring
        return self.generic_visit(node)

    def visit_Compare(self, node):
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            ny = SAMMENLIGNING.get(type(op))
            if ny and self._punkt(node, f"{TEGN[type(op)]} -> {TEGN[ny]}"):
                node.ops[i] = ny()
        return node

    def visit_BoolOp(self, node):
        self.generic_visit(node)
        gammel = "and" if isinstance(node.op, ast.And) else "or"
        if self._punkt(node, f"{gammel} -> {'or' if gammel == 'and' else 'and'}"):
            node.op = ast.Or() if gammel == "and" else ast.And()
        return node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._punkt(node, "not dropped"):
            return node.operand
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
            ny = "max" if node.func.id == "min" else "min"
            if self._punkt(node, f"{node.func.id} -> {ny}"):
                node.func = ast.Name(id=ny, ctx=ast.Load())
        return node

    def visit_Constant(self, node):
        v = node.value
        if isinstance(v, bool):
            if self._punkt(node, f"{v} -> {not v}"):
                return ast.copy_location(ast.Constant(not v), node)
        elif isinstance(v, int) and v < 1000:
            if self._punkt(node, f"{v} -> {v + 1}"):
                return ast.copy_location(ast.Constant(v + 1), node)
        return node

    def visit_Raise(self, node):
        self.generic_visit(node)
        if self._punkt(node, "raise dropped"):
            return ast.copy_location(ast.Pass(), node)
        return node


def moduler() -> list[str]:
    return sorted(p.stem for p in PAKKE.glob("*.py") if p.stem != "__main__")


def mutanter(modul: str, kilde: str | None = None) -> list[Mutant]:
    """The mutants of a module of calculators/ (or of `kilde`, its text)."""
    kilde = (PAKKE / f"{modul}.py").read_text("utf-8") if kilde is None else kilde
    linjer = kilde.splitlines()
    m = _Mutator()
    m.visit(ast.parse(kilde))
    hidtil: dict[tuple[str, str], int] = {}
    ud = []
    for nr, linje, b, udtryk in m.fundne:
        kode = " ".join(linjer[linje - 1].split())
        forekomst = hidtil.get((kode, b), 0)
        hidtil[(kode, b)] = forekomst + 1
        ud.append(Mutant(modul, nr, linje, b, kode, forekomst, " ".join(udtryk.split())[:70]))
    return ud


def beskriv(m: Mutant) -> str:
    """One line for the reader, with what an entry of the equivalents file needs: the code, the mutation, the occurrence."""
    return (f"{m.modul}:{m.linje}: {m.beskrivelse} in `{m.udtryk}`"
            + (f" (forekomst {m.forekomst})" if m.forekomst else "") + f"\n      kode: {m.kode}")


def muteret_kode(mutant: Mutant):
    sti = PAKKE / f"{mutant.modul}.py"
    tree = ast.parse(sti.read_text("utf-8"))
    m = _Mutator(mutant.nr)
    tree = ast.fix_missing_locations(m.visit(tree))
    return compile(tree, str(sti), "exec")


class _Loader(importlib.abc.Loader):
    def __init__(self, kode):
        self.kode = kode

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.kode, module.__dict__)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, navn: str, sti: Path, kode):
        self.navn, self.sti, self.kode = navn, sti, kode

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.navn:
            return None
        pakke = [str(self.sti.parent)] if self.sti.name == "__init__.py" else None
        return importlib.util.spec_from_file_location(fullname, self.sti, loader=_Loader(self.kode),
                                                      submodule_search_locations=pakke)


def beregner_ider(modul: str) -> list[str]:
    """The calculator ids a module defines (read from its source, without importing it)."""
    tekst = (PAKKE / f"{modul}.py").read_text("utf-8")
    return re.findall(r"Beregner\(\s*id=\"([a-z0-9_]+)\"", tekst)


def testfiler(modul: str) -> tuple[list[str], list[str]]:
    """(test files, calculator ids to filter the shared tests on; [] = all)."""
    ider = beregner_ider(modul)
    if not ider and modul not in UDEN_FILTER:  # a helper of some calculators (helligdage): theirs
        brugere = [m for m in moduler() if m != modul
                   and re.search(rf"from \.{modul} import|from \. import .*\b{modul}\b|import \.{modul}\b",
                             (PAKKE / f"{m}.py").read_text("utf-8"))]
        ider = [i for m in brugere for i in beregner_ider(m)]
    filer = []
    moenstre = [rf"calculators\.{modul}\b", rf"from calculators import .*\b{modul}\b", rf"\b{modul}\.py\b"]
    moenstre += [rf"(beregn|BEREGNERE\[|beregner_id=?)\(?\s*[\"']{i}[\"']" for i in ider]
    for f in sorted(TESTS.glob("test_*.py")):
        if f.name in FAELLES_TESTS or f.name in LANGSOMME:
            continue
        tekst = f.read_text("utf-8")
        if any(re.search(m, tekst) for m in moenstre):
            filer.append(str(f.relative_to(ROOT)))
    if ider or modul in UDEN_FILTER:
        filer += [str((TESTS / n).relative_to(ROOT)) for n in FAELLES_TESTS]
    return filer, ([] if modul in UDEN_FILTER else ider)


def start_tests(mutant: Mutant | None, modul: str) -> int:
    """Fork a child that imports the mutant in place of the module and runs the tests; its pid."""
    filer, ider = testfiler(modul)
    kode = muteret_kode(mutant) if mutant is not None else None
    pid = os.fork()
    if pid:
        return pid
    try:  # the child: exits with pytest's code
        os.chdir(ROOT)
        os.environ["KVH_EKSEMPLER"] = os.environ.get("KVH_EKSEMPLER", "15")
        if ider:
            os.environ["KVH_KUN_BEREGNER"] = ",".join(ider)
        if kode is not None:
            navn = "calculators" if modul == "__init__" else f"calculators.{modul}"
            sys.meta_path.insert(0, _Finder(navn, PAKKE / f"{modul}.py", kode))
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        import export_cases  # the reference cases, read once by the parent (they do not change per mutant)
        export_cases.alle_cases = lambda: copy.deepcopy(_CASES)
        import pytest
        rc = pytest.main([*filer, "-x", "-q", "-p", "no:cacheprovider"])
        os._exit(int(rc))
    except BaseException:  # noqa: BLE001 - anything going wrong in the child is an error
        os._exit(99)


def udfald(rc: int) -> str:
    return {0: "survived", 1: "killed"}.get(rc, "error")


def koer_alle(opgaver: list[Mutant | None], modul: str, jobs: int, timeout: float) -> list[str]:
    """Run the tests for each mutant (None: unmutated), `jobs` at a time; 'killed', 'survived' or 'error'.
    A run over `timeout` seconds (e.g. an endless loop) is 'timeout', which counts as killed: the tests notice."""
    resultat: list[str | None] = [None] * len(opgaver)
    koerer: dict[int, tuple[int, float]] = {}
    naeste = 0
    while naeste < len(opgaver) or koerer:
        while naeste < len(opgaver) and len(koerer) < jobs:
            koerer[start_tests(opgaver[naeste], modul)] = (naeste, time.monotonic())
            naeste += 1
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid and pid in koerer:
            i, _ = koerer.pop(pid)
            resultat[i] = udfald(os.waitstatus_to_exitcode(status))
            continue
        for pid, (i, t0) in list(koerer.items()):
            if time.monotonic() - t0 > timeout:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                koerer.pop(pid)
                resultat[i] = "timeout"
        time.sleep(0.02)
    return resultat  # type: ignore[return-value]


def laes_ekvivalente() -> dict[tuple[str, str, str, int], dict]:
    """The listed equivalents by (module, code, mutation, occurrence); `linje` is only a hint for the reader."""
    if not EKVIVALENTE.exists():
        return {}
    data = yaml.safe_load(EKVIVALENTE.read_text("utf-8")) or []
    ud = {}
    for e in data:
        noegle = (e["modul"], " ".join(e["kode"].split()), e["mutation"], e.get("forekomst", 0))
        if noegle in ud:
            raise SystemExit(f"{EKVIVALENTE.name}: listed twice: {noegle}")
        ud[noegle] = e
    return ud


def _linjer(tekst: str) -> list[tuple[int, int]]:
    ud = []
    for del_ in tekst.split(","):
        fra, _, til = del_.partition("-")
        ud.append((int(fra), int(til or fra)))
    return ud


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("moduler", nargs="*")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--timeout", type=int, default=60)
    p.add_argument("--list", action="store_true", help="only list the mutants")
    p.add_argument("--linjer", type=_linjer, default=[],
                   help="only the mutants on these lines, e.g. 150-170,299 (while writing a test; no stale check)")
    a = p.parse_args(argv)
    valgte = a.moduler or moduler()
    # Import the test machinery once, before forking (but not the calculators: each child imports them).
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401
    global _CASES
    sys.path.insert(0, str(ROOT / "scripts"))
    import export_cases
    _CASES = export_cases.alle_cases()
    ekvivalente = laes_ekvivalente()
    brugte: set = set()
    i_alt = {"killed": 0, "survived": 0, "equivalent": 0, "error": 0}
    overlevende: list[tuple[Mutant, str]] = []
    start = time.monotonic()
    alle_noegler: set = set()
    for modul in valgte:
        alle = mutanter(modul)
        alle_noegler |= {m.noegle() for m in alle}
        if a.linjer:
            alle = [m for m in alle if any(fra <= m.linje <= til for fra, til in a.linjer)]
        if a.list:
            for m in alle:
                print(beskriv(m))
            continue
        if not alle:
            continue
        t0 = time.monotonic()
        if koer_alle([None], modul, 1, a.timeout * 10) != ["survived"]:
            print(f"{modul}: the tests fail without a mutant; fix them first", file=sys.stderr)
            return 2
        # A mutant's run may take as long as a few runs of the unmutated module (on a busy machine too)
        # before it counts as killed by the time limit.
        graense = max(a.timeout, 4 * (time.monotonic() - t0))
        tael = {"killed": 0, "survived": 0, "equivalent": 0, "error": 0}
        tid = 0
        # Run up to `jobs` mutants at once (each in its own forked child).
        for m, udfald in zip(alle, koer_alle(alle, modul, a.jobs, graense)):
            if udfald == "timeout":
                udfald, tid = "killed", tid + 1
            if udfald == "survived" and m.noegle() in ekvivalente:
                udfald = "equivalent"
                brugte.add(m.noegle())
            tael[udfald] += 1
            if udfald in ("survived", "error"):
                overlevende.append((m, udfald))
        for k in tael:
            i_alt[k] += tael[k]
        score = tael["killed"] / max(1, tael["killed"] + tael["survived"])
        print(f"{modul:28} killed {tael['killed']:4}  survived {tael['survived']:3}  "
              f"equivalent {tael['equivalent']:3}  error {tael['error']:2}  score {score:6.1%}"
              + (f"  ({tid} killed by the time limit of {graense:.0f} s)" if tid else ""))
        for m, udfald in overlevende[len(overlevende) - tael["survived"] - tael["error"]:]:
            print(f"  {udfald}: {beskriv(m)}")
        sys.stdout.flush()
    if a.list:
        return 0
    if not a.linjer:
        for k in ekvivalente:
            if k[0] in valgte and k not in brugte:
                hvorfor = "the tests kill it now" if k in alle_noegler else "no mutant has this code any more"
                print(f"  stale entry in {EKVIVALENTE.name} ({hvorfor}): {k[0]}:{ekvivalente[k].get('linje', '?')}: "
                      f"{k[2]}" + (f" (forekomst {k[3]})" if k[3] else "") + f"\n      kode: {k[1]}")
    score = i_alt["killed"] / max(1, i_alt["killed"] + i_alt["survived"])
    print(f"TOTAL killed {i_alt['killed']}  survived {i_alt['survived']}  equivalent {i_alt['equivalent']}  "
          f"error {i_alt['error']}  score {score:.1%}  ({time.monotonic() - start:.0f} s)")
    return 0 if score >= 0.95 and not i_alt["error"] else 1


if __name__ == "__main__":
    sys.exit(main())
