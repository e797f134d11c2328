"""MkDocs hooks: the catalogue and the calculators become the site.

on_startup     remember whether this is `mkdocs serve` (live preview for editors)
on_config      load and validate the catalogue (a bad file stops the build with
               file:line and a plain message; under `serve` the preview shows the
               errors as a page instead, and rebuilds when the file is fixed),
               export rates for the calculators, build the calculators wheel
on_files       add one generated Markdown page per standard, area, group and appendix
               (under `serve --dirty`, pages whose Markdown did not change are not rebuilt),
               and the open data files (JSON, JSON Schema, CSV) under data/;
               patch Material's Danish search so stemming works with type-ahead
on_nav-config  the navigation is area → group → standard (set in on_files)
on_post_build  copy the self-hosted Pyodide runtime, the wheel and the lock file;
               after a build from another catalogue, put the package's rates back
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the calculators package

from calculators.katalog import indlaest  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from sitegen import aabne_data, aendringer, catalogue, pages, pyodide_assets, redaktoer  # noqa: E402
from sitegen.catalogue import KatalogFejl, indlaes_katalog  # noqa: E402
from sitegen.export import KATALOG_JSON, skriv_katalog_json  # noqa: E402

_state: dict = {"command": "build"}


def on_startup(command, dirty):
    _state["command"] = command
    _state["dirty"] = dirty
    if dirty:
        # MkDocs warns that a dirty build may leave navigation stale; these hooks rebuild
        # every page whenever the navigation changes, and the warning would stop the
        # preview in strict mode.
        logging.getLogger("mkdocs.commands.build").addFilter(_uden_dirty_advarsel)


def _uden_dirty_advarsel(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config):
    _state.pop("fejl", None)
    try:
        katalog = indlaes_katalog(catalogue.CATALOGUE_DIR)
    except KatalogFejl as e:
        if _state["command"] == "serve":
            _state["fejl"] = e.fejl  # shown in the browser by on_files; the preview keeps running
            return config
        raise PluginError(f"The catalogue has {len(e.fejl)} error(s):\n  "
                          + "\n  ".join(map(str, e.fejl))) from None
    _gem_pakkens_katalog()
    skriv_katalog_json(katalog)
    indlaest.cache_clear()  # the calculators read the export just written
    try:
        _state["wheel"] = pyodide_assets.byg_wheel()
    except pyodide_assets.PyodideFejl as e:
        raise PluginError(str(e)) from None
    _state["katalog"] = katalog
    return config


def on_files(files, config):
    if "fejl" in _state:
        _state.pop("forrige", None)  # the fixed catalogue's first build rebuilds every page
        files.append(File.generated(config, "index.md", content=pages.fejlside(_state["fejl"])))
        config["nav"] = ["index.md"]
        return files
    try:
        sider, nav = pages.byg_sider(_state["katalog"])
    except (aendringer.ForrigeFejl, KatalogFejl) as e:
        raise PluginError(f"The previous edition (KVH_FORRIGE_KATALOG) cannot be compared: {e}") from None
    stempel = _kodestempel()
    forrige = _forrige_sider(nav, stempel)
    for side in sider:
        klasse = UaendretSide if forrige.get(side.sti) == side.markdown else File
        files.append(klasse.generated(config, side.sti, content=side.markdown))
    _state["forrige"] = {"stempel": stempel, "nav": nav, "sider": {side.sti: side.markdown for side in sider}}
    _tilfoej_aabne_data(files, config)
    config["nav"] = nav
    _patch_danish_search(files, config)
    return files


def _tilfoej_aabne_data(files, config):
    katalog = _state["katalog"]
    indhold = aabne_data.filer(katalog, config["site_url"] or "", redaktoer.idag())
    for navn, tekst in indhold.items():
        files.append(File.generated(config, f"{aabne_data.MAPPE}/{navn}", content=tekst))


LUNR_DA = "assets/javascripts/lunr/min/lunr.da.min.js"


def _patch_danish_search(files, config):
    """Append sitegen/lunr_da_typeahead.js to Material's Danish lunr language file."""
    original = files.get_file_from_path(LUNR_DA)
    if original is None:
        raise PluginError(f"Material no longer ships {LUNR_DA}; update the Danish search patch.")
    patch = (Path(__file__).parent / "sitegen" / "lunr_da_typeahead.js").read_text(encoding="utf-8")
    files.remove(original)
    files.append(File.generated(config, LUNR_DA, content=original.content_string + patch))


class UaendretSide(File):
    """A generated page whose Markdown is the same as in the previous preview build.

    Under `mkdocs serve --dirty` (`make serve`) MkDocs skips pages that are not
    modified, so an edit to one YAML file rebuilds only the pages whose Markdown it
    changes (the standard, its area, the overview, ...) instead of all of them.
    """

    def is_modified(self) -> bool:
        return False


def _forrige_sider(nav, stempel: tuple) -> dict[str, str]:
    """The previous build's Markdown per page, when this build may reuse its HTML: a
    `serve --dirty` rebuild with the same navigation (it is on every page) and the
    same templates and page code. Otherwise {} and every page is built."""
    forrige = _state.get("forrige")
    if not (_state["command"] == "serve" and _state.get("dirty") and forrige):
        return {}
    if forrige["nav"] != nav or forrige["stempel"] != stempel:
        return {}
    return forrige["sider"]


def _kodestempel() -> tuple:
    """When the code or templates that shape every page were last changed."""
    steder = [ROOT / "mkdocs.yml", *(ROOT / "overrides").rglob("*"), *(ROOT / "scripts").rglob("*.py"),
              *(ROOT / "scripts").rglob("*.js"), *(ROOT / "calculators").rglob("*.py")]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in steder if p.is_file()))


def on_post_build(config):
    try:
        if "fejl" in _state:
            return
        try:
            pyodide_assets.installer_runtime(_state["wheel"], Path(config["site_dir"]) / "assets" / "pyodide")
        except pyodide_assets.PyodideFejl as e:
            raise PluginError(str(e)) from None
    finally:
        if _state.get("fremmed_katalog"):
            _genskab_pakkens_katalog()
    _state.pop("pakkens_katalog", None)  # built from the package's own catalogue: the export stays


def on_build_error(error):
    _genskab_pakkens_katalog()


# A one-off build from another catalogue (KVH_CATALOGUE, e.g. the tests' 2026 edition)
# puts that catalogue's rates into the site's calculators, but must not leave them in
# the package's committed calculators/data/katalog.json; nor may a failed build. Under
# `serve` the file stays (restoring it would trigger the watcher again).
def _gem_pakkens_katalog():
    if _state["command"] == "build" and KATALOG_JSON.exists():
        _state["pakkens_katalog"] = KATALOG_JSON.read_bytes()
        _state["fremmed_katalog"] = catalogue.CATALOGUE_DIR.resolve() != (ROOT / "catalogue").resolve()


def _genskab_pakkens_katalog():
    gemt = _state.pop("pakkens_katalog", None)
    _state.pop("fremmed_katalog", None)
    if gemt is not None and (not KATALOG_JSON.exists() or KATALOG_JSON.read_bytes() != gemt):
        KATALOG_JSON.write_bytes(gemt)
        indlaest.cache_clear()
