"""The worker's content-hashed copy (scripts/sitegen/pyodide_assets.skriv_worker): a new name
whenever its code or its list of files changes, so a service worker may keep it for ever."""
from __future__ import annotations

import json

import pytest

from sitegen import pyodide_assets

FILER = {"runtime": "../pyodide/aaaaaaaaaaaaaaaa/", "hjul": {"url": "../pyodide/bbbbbbbbbbbbbbbb/k.whl", "sha256": "b" * 64},
         "snapshot": None}


WORKER = ('// beregner-worker.js\nimport FILER from "./beregner-filer.mjs";\n'
          'import { fraSnapshot, pakUd } from "./beregner-python.mjs";\nstart(FILER.runtime);\n')
PYTHON = ('// beregner-python.mjs\nexport const FORBERED = `\nimport calculators\n`;\n'
          'export async function fraSnapshot() {}\nexport function pakUd() {}\nexport class SnapshotFejl extends Error {}\n')


def _site(tmp_path, beregner='const WORKER = "beregner-worker.js";\n', worker=WORKER, python=PYTHON):
    js = tmp_path / "assets/javascripts"
    js.mkdir(parents=True)
    (js / "beregner-worker.js").write_text(worker)
    (js / "beregner-python.mjs").write_text(python)
    (js / "beregner-snapshot.js").write_text('// beregner-snapshot.js\nimport { pakUd } from "./beregner-python.mjs";\n')
    (js / "beregner.js").write_text("(() => {\n  " + beregner + "})();\n")
    return tmp_path


def test_the_copy_has_its_own_list_and_beregner_js_starts_it(tmp_path):
    site = _site(tmp_path)
    mappe = pyodide_assets.skriv_worker(site, FILER)
    kopi = site / "assets/pyodide" / mappe
    assert sorted(p.name for p in kopi.iterdir()) == sorted([*pyodide_assets.WORKER_MODULER, "beregner-filer.mjs"])
    liste = pyodide_assets.laes_filer(kopi / "beregner-filer.mjs")
    assert liste["runtime"] == "../aaaaaaaaaaaaaaaa/"  # from assets/pyodide/<hash>/, the same folder
    assert liste["hjul"]["url"] == "../bbbbbbbbbbbbbbbb/k.whl"
    beregner = (site / "assets/javascripts/beregner.js").read_text()
    assert f'const WORKER = "../pyodide/{mappe}/beregner-worker.js";' in beregner
    # A second build of the same files (a preview) keeps the name and finds the line again.
    assert pyodide_assets.skriv_worker(site, FILER) == mappe


def test_changed_code_or_list_gives_a_new_name(tmp_path):
    site = _site(tmp_path)
    foer = pyodide_assets.skriv_worker(site, FILER)
    assert pyodide_assets.skriv_worker(site, {**FILER, "runtime": "../pyodide/cccccccccccccccc/"}) != foer
    (site / "assets/javascripts/beregner-python.mjs").write_text("// changed\n")
    assert pyodide_assets.skriv_worker(site, FILER) != foer


def test_a_beregner_js_without_the_line_stops_the_build(tmp_path):
    site = _site(tmp_path, beregner='const workerURL = "beregner-worker.js";\n')
    with pytest.raises(pyodide_assets.PyodideFejl, match="const WORKER"):
        pyodide_assets.skriv_worker(site, FILER)


def test_the_copy_of_the_worker_is_one_file_with_its_list_and_functions_written_in(tmp_path):
    site = _site(tmp_path)
    kopi = site / "assets/pyodide" / pyodide_assets.skriv_worker(site, FILER)
    worker = (kopi / "beregner-worker.js").read_text()
    assert "import " not in worker.replace("\nimport calculators\n", "")  # no module left to fetch first
    liste = pyodide_assets.laes_filer(kopi / "beregner-filer.mjs")
    assert "const FILER = " + json.dumps(liste, indent=2) + ";" in worker
    for linje in ("const FORBERED = `\nimport calculators\n`;", "async function fraSnapshot() {}",
                  "function pakUd() {}", "class SnapshotFejl extends Error {}", "start(FILER.runtime);"):
        assert linje in worker, linje
    assert worker.index("const FILER") < worker.index("function pakUd") < worker.index("start(FILER.runtime)")
    # The helper still imports beregner-python.mjs, which is beside it.
    assert (kopi / "beregner-python.mjs").read_text() == PYTHON
    assert (kopi / "beregner-snapshot.js").read_text().startswith("// beregner-snapshot.js")


@pytest.mark.parametrize("worker, python", [
    (WORKER.replace('import FILER from "./beregner-filer.mjs";\n', ""), PYTHON),
    (WORKER.replace("import { fraSnapshot, pakUd }", "import * as python"), PYTHON),
    (WORKER, 'import { x } from "./andet.mjs";\n' + PYTHON),
    (WORKER, PYTHON + "export default 1;\n"),
])
def test_a_worker_the_build_cannot_write_into_one_file_stops_it_plainly(tmp_path, worker, python):
    site = _site(tmp_path, worker=worker, python=python)
    with pytest.raises(pyodide_assets.PyodideFejl, match="beregner-(worker.js|python.mjs)"):
        pyodide_assets.skriv_worker(site, FILER)
