"""The worker's content-hashed copy (scripts/sitegen/pyodide_assets.skriv_worker): a new name
whenever its code or its list of files changes, so a service worker may keep it for ever."""
from __future__ import annotations

import pytest

from sitegen import pyodide_assets

FILER = {"runtime": "../pyodide/aaaaaaaaaaaaaaaa/", "hjul": {"url": "../pyodide/bbbbbbbbbbbbbbbb/k.whl", "sha256": "b" * 64},
         "snapshot": None}


def _site(tmp_path, beregner='const WORKER = "beregner-worker.js";\n'):
    js = tmp_path / "assets/javascripts"
    js.mkdir(parents=True)
    for navn in pyodide_assets.WORKER_MODULER:
        (js / navn).write_text(f"// {navn}\n")
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
