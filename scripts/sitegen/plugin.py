"""The MkDocs plugin `kvalitetshaandbogen`: the catalogue and the calculators become the site.

Configured in mkdocs.yml (each option can be overridden from the command line through
the `!ENV` variable named there):

    plugins:
      - kvalitetshaandbogen:
          catalogue: catalogue            # KVH_CATALOGUE
          idag: null                      # KVH_IDAG, e.g. 2027-01-01; null = today
          forrige_katalog: null           # KVH_FORRIGE_KATALOG: a folder or git:<ref>
          pyodide: node_modules/pyodide   # the npm package the runtime is copied from
          snapshot: true                  # KVH_SNAPSHOT: make the calculators' memory snapshot

on_startup     remember whether this is `mkdocs serve` (live preview for editors)
on_config      load and validate the catalogue (a bad file stops the build with
               file:line and a plain message; under `serve` the preview shows the
               errors as a page instead, and rebuilds when the file is fixed),
               export rates for the calculators, build the calculators wheel
on_files       add one generated Markdown page per standard, area, group and appendix
               (under `serve --dirty`, pages whose Markdown did not change are not rebuilt),
               and the open data files (JSON, JSON Schema, CSV) under data/
on_post_page   no script file holds up the parser (`defer`: scriptindlaesning.py; also
               on_post_template, for 404.html); a page with a calculator loads beregner.js
               from its <head> too (Python starts early)
on_post_build  copy the self-hosted Pyodide runtime and the wheel, make the memory snapshot
               (not under `serve`); give our own scripts and stylesheets content-hashed
               names, build the search index (Pagefind) and put the Content-Security-Policy
               into every page (these three not under `serve`); after a
               build from another catalogue, put the package's rates back. (The service
               worker is written last, by scripts/build_site.py, from the finished site.)
"""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from calculators.katalog import indlaest
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import aabne_data, aendringer, csp, hashnavne, pyodide_assets, scriptindlaesning, soegeindeks
from .catalogue import ROOT, KatalogFejl, indlaes_katalog
from .export import KATALOG_JSON, skriv_katalog_json
from .sider.fejl import fejlside
from .site import byg_sider
from .soegefakta import sidefakta

BEREGNER_JS = "assets/javascripts/beregner.js"


class KvalitetshaandbogConfig(base.Config):
    catalogue = c.Dir(exists=True, default="catalogue")
    """The catalogue folder to build from (relative to mkdocs.yml)."""
    # A date written in mkdocs.yml, or given as KVH_IDAG through !ENV, is read by YAML as a date.
    idag = c.Optional(c.Type((str, date)))
    """The day the site is built for, YYYY-MM-DD; unset means today. Tests and previews
    use it to look at the handbook as it will be on another day."""
    forrige_katalog = c.Optional(c.Type(str))
    """The previous edition for the "Hvad er ændret" page: a catalogue folder or
    `git:<tag or commit>`. Unset: the page says the edition is not compared."""
    pyodide = c.Dir(exists=False, default="node_modules/pyodide")
    """The npm package `pyodide` (pinned in package-lock.json) the runtime is copied from."""
    snapshot = c.Type((bool, str), default=True)
    """Make the calculators' memory snapshot (a fast start in the browser). `make serve`
    never makes one (the preview stays fast; its calculators start the normal way)."""


class KvalitetshaandbogPlugin(BasePlugin[KvalitetshaandbogConfig]):
    def __init__(self):
        self.command = "build"
        self.dirty = False
        self.fejl: list | None = None      # catalogue errors shown by the preview
        self.forrige: dict | None = None   # the last preview build's pages (serve --dirty)
        self.pakkens_katalog: bytes | None = None
        self.fremmed_katalog = False
        self.kendte_sider: set[str] = set()  # pages shown by this preview (serve) so far

    # -- MkDocs events -------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty
        if dirty:
            # MkDocs warns that a dirty build may leave navigation stale; this plugin rebuilds
            # every page whenever the navigation changes, and the warning would stop the
            # preview in strict mode.
            logging.getLogger("mkdocs.commands.build").addFilter(_uden_dirty_advarsel)

    def on_config(self, config):
        self.fejl = None
        self.idag = self._idag()
        try:
            self.katalog = indlaes_katalog(Path(self.config.catalogue))
        except KatalogFejl as e:
            if self.command == "serve":
                self.fejl = e.fejl  # shown in the browser by on_files; the preview keeps running
                return config
            raise PluginError(f"Kataloget har {len(e.fejl)} fejl:\n  "
                              + "\n  ".join(map(str, e.fejl))) from None
        try:
            self.forrige_udgave = aendringer.forrige_katalog(self.config.forrige_katalog)
        except (aendringer.ForrigeFejl, KatalogFejl) as e:
            raise PluginError(f"Den forrige udgave (forrige_katalog, KVH_FORRIGE_KATALOG) kan ikke sammenlignes: {e}") from None
        self._gem_pakkens_katalog()
        skriv_katalog_json(self.katalog)
        indlaest.cache_clear()  # the calculators read the export just written
        try:
            self.wheel = pyodide_assets.byg_wheel()
        except pyodide_assets.PyodideFejl as e:
            raise PluginError(str(e)) from None
        return config

    def on_files(self, files, *, config):
        if self.fejl is not None:
            # Every page the preview has shown gets the error page, so the page an editor has
            # open reloads to the errors instead of silently showing old content.
            stier = {"index.md", *(self.forrige or {}).get("sider", {}), *self.kendte_sider}
            self.kendte_sider = stier
            self.forrige = None  # the fixed catalogue's first build rebuilds every page
            for sti in sorted(stier):
                files.append(File.generated(config, sti, content=fejlside(self.fejl)))
            config["nav"] = ["index.md"]
            return files
        sider, nav = byg_sider(self.katalog, self.idag, *self.forrige_udgave)
        stempel = _kodestempel()
        forrige = self._forrige_sider(nav, stempel)
        for side in sider:
            klasse = UaendretSide if forrige.get(side.sti) == side.markdown else File
            files.append(klasse.generated(config, side.sti, content=side.markdown))
        self.forrige = {"stempel": stempel, "nav": nav, "sider": {side.sti: side.markdown for side in sider}}
        indhold = aabne_data.filer(self.katalog, config["site_url"] or "", self.idag)
        for navn, tekst in indhold.items():
            files.append(File.generated(config, f"{aabne_data.MAPPE}/{navn}", content=tekst))
        config["nav"] = nav
        return files

    def on_post_template(self, output_content, *, template_name, config):
        # Pages from a template of their own (Material's 404.html) load the same scripts.
        return scriptindlaesning.udsaet_scripts(output_content)

    def on_post_page(self, output, *, page, config):
        output = scriptindlaesning.udsaet_scripts(output)
        # A page with a calculator also loads beregner.js early, at the top of its <head>, so
        # Python starts while the rest of the page loads (the copy at the end of <body> then
        # does nothing; instant navigation to a calculator page starts it from there). At the
        # top, the parser meets it before Material's inline scripts, which wait for the
        # stylesheets; fetchpriority, as an async script is otherwise fetched after them.
        if 'data-beregner="' not in output or "</head>" not in output:
            return output
        src = get_relative_url(BEREGNER_JS, page.url)
        # (The security policy, put first in <head> after this, comes before it.)
        return csp.foerst_i_head(output, f'<script src="{src}" async fetchpriority="high" data-start="ja"></script>')

    def on_post_build(self, *, config):
        try:
            if self.fejl is not None:
                return
            try:
                pyodide_assets.installer_runtime(self.wheel, Path(config["site_dir"]), Path(self.config.pyodide),
                                                 med_snapshot=self._med_snapshot())
            except pyodide_assets.PyodideFejl as e:
                raise PluginError(str(e)) from None
            if self.command == "build":
                # Not under `serve` (its pages reload with every edit, and have no service worker).
                try:
                    hashnavne.giv_hashnavne(Path(config["site_dir"]), egne_filer(config))
                except hashnavne.HashnavnFejl as e:
                    raise PluginError(str(e)) from None
                # Not under `serve`: indexing takes a few seconds (the preview's search box
                # says search needs `make site`), and the preview's live reload is an inline
                # script of MkDocs', which the policy would block.
                try:
                    soegeindeks.byg_indeks(Path(config["site_dir"]), sidefakta(self.katalog))
                except soegeindeks.SoegeFejl as e:
                    raise PluginError(str(e)) from None
                csp.beskyt_site(Path(config["site_dir"]))
        finally:
            if self.fremmed_katalog:
                self._genskab_pakkens_katalog()
        self.pakkens_katalog = None  # built from the package's own catalogue: the export stays

    def on_build_error(self, *, error):
        self._genskab_pakkens_katalog()

    # -- helpers -------------------------------------------------------------------------

    def _idag(self) -> date:
        if not self.config.idag:
            return date.today()
        if isinstance(self.config.idag, date):
            return self.config.idag
        try:
            return date.fromisoformat(self.config.idag)
        except ValueError:
            raise PluginError(f"idag (KVH_IDAG) skal være en dato skrevet ÅÅÅÅ-MM-DD, ikke '{self.config.idag}'") from None

    def _med_snapshot(self) -> bool:
        if self.command == "serve":
            return False
        vaerdi = self.config.snapshot
        if isinstance(vaerdi, bool):
            return vaerdi
        if vaerdi.lower() in ("ja", "true", "1"):
            return True
        if vaerdi.lower() in ("nej", "false", "0"):
            return False
        raise PluginError(f"snapshot (KVH_SNAPSHOT) skal være ja eller nej, ikke '{vaerdi}'")

    def _forrige_sider(self, nav, stempel: tuple) -> dict[str, str]:
        """The previous build's Markdown per page, when this build may reuse its HTML: a
        `serve --dirty` rebuild with the same navigation (it is on every page) and the
        same templates and page code. Otherwise {} and every page is built."""
        forrige = self.forrige
        if not (self.command == "serve" and self.dirty and forrige):
            return {}
        if forrige["nav"] != nav or forrige["stempel"] != stempel:
            return {}
        return forrige["sider"]

    # A one-off build from another catalogue (e.g. the tests' 2026 edition) puts that
    # catalogue's rates into the site's calculators, but must not leave them in the
    # package's committed calculators/data/katalog.json; nor may a failed build. Under
    # `serve` the file stays (restoring it would trigger the watcher again).
    def _gem_pakkens_katalog(self):
        if self.command == "build" and KATALOG_JSON.exists():
            self.pakkens_katalog = KATALOG_JSON.read_bytes()
            self.fremmed_katalog = Path(self.config.catalogue).resolve() != (ROOT / "catalogue").resolve()

    def _genskab_pakkens_katalog(self):
        gemt, self.pakkens_katalog, self.fremmed_katalog = self.pakkens_katalog, None, False
        if gemt is not None and (not KATALOG_JSON.exists() or KATALOG_JSON.read_bytes() != gemt):
            KATALOG_JSON.write_bytes(gemt)
            indlaest.cache_clear()


def egne_filer(config) -> list[str]:
    """The site's own scripts and stylesheets (mkdocs.yml's extra_javascript and extra_css)."""
    return [str(f) for f in (*config["extra_javascript"], *config["extra_css"])]


def _uden_dirty_advarsel(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class UaendretSide(File):
    """A generated page whose Markdown is the same as in the previous preview build.

    Under `mkdocs serve --dirty` (`make serve`) MkDocs skips pages that are not
    modified, so an edit to one YAML file rebuilds only the pages whose Markdown it
    changes (the standard, its area, the overview, ...) instead of all of them.
    """

    def is_modified(self) -> bool:
        return False


def _kodestempel() -> tuple:
    """When the code or templates that shape every page were last changed."""
    steder = [ROOT / "mkdocs.yml", *(ROOT / "overrides").rglob("*"), *(ROOT / "scripts").rglob("*.py"),
              *(ROOT / "scripts").rglob("*.js"), *(ROOT / "calculators").rglob("*.py")]
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in steder if p.is_file()))
