"""The search index: Pagefind over the built pages, plus what the pages don't write.

After the build, every page's article goes to Pagefind (github.com/Pagefind/pagefind,
pinned in requirements.lock): Danish stemming, an index split into small chunks that the
browser fetches only when someone searches, and an excerpt per result. Before a page is
handed over, hidden metadata is added to the copy Pagefind reads (the page on the site
is not changed):

- `type`, `nummer`, `omraade`: what the result list shows, so siblings can be told apart;
- `soegeord`: the catalogue's editorial search words (never shown as source text);
- `former`: the words the page implies (parts of its compounds, hyphenated words as one;
  see `ordforraad`), so "stole" finds "brusestole" and "elkørestole" finds "El-kørestole";
  `titelformer` the same for its title alone (the ranking asks whether a query is the title).

Metadata is searchable in Pagefind, so these words find the page. `ordliste.json` gives
the browser the index's words with their page counts, for the query side (compound
splitting and the typo retry in `soeg-forstaaelse.js`).

Left out of the index: calculators and "Om teksten" (`data-search-exclude`), the pages
that only list other pages (front page, overview of all standards), the print edition
(the whole handbook on one page) and the 404 page.
"""
from __future__ import annotations

import asyncio
import gzip
import html
import json
import re
import shutil
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from . import ordforraad

MAPPE = "pagefind"
ORDLISTE = "assets/soeg/ordliste.json"
# Lists of other pages (the front page, the overview of all standards), the print edition (the
# whole handbook on one page) and the 404 page: a result should be the page itself.
UDELADT = ("404.html", "index.html", "standarder/index.html", "om/udskrift/index.html")
UDELUK = "[data-search-exclude]"
_ARTIKEL = re.compile(r'<article class="md-content__inner[^"]*">')


class SoegeFejl(Exception):
    """The index could not be built; the message says why, in Danish."""


@dataclass(frozen=True)
class Sidefakta:
    """What the result list says about a page, and its editorial search words."""
    type: str                      # "Standard", "Område", "Bilag", "Side"
    nummer: str = ""               # a standard's number in the source, e.g. "12"
    omraade: str = ""              # the area a standard belongs to
    soegeord: tuple[str, ...] = field(default_factory=tuple)


class _ArtikelTekst(HTMLParser):
    """The text of a page's article, without the parts search leaves out."""
    TOMME = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.dybde = 0          # depth inside <article>
        self.udeladt = 0        # depth inside an excluded element (0: not inside)
        self.dele: list[str] = []
        self.h1: list[str] | None = None   # the first <h1>'s text, while and after reading it
        self.i_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag in self.TOMME:
            return
        if self.dybde:
            self.dybde += 1
            if self.udeladt:
                self.udeladt += 1
            elif any(navn in ("data-search-exclude", "data-pagefind-ignore") for navn, _ in attrs):
                self.udeladt = 1
        elif tag == "article":
            self.dybde = 1
        if tag == "h1" and self.dybde and self.h1 is None:
            self.h1, self.i_h1 = [], True

    def handle_endtag(self, tag):
        if tag in self.TOMME or not self.dybde:
            return
        if tag == "h1":
            self.i_h1 = False
        self.dybde -= 1
        if self.udeladt:
            self.udeladt -= 1

    def handle_data(self, data):
        if self.dybde and not self.udeladt:
            self.dele.append(data)
            if self.i_h1 and self.h1 is not None:
                self.h1.append(data)


def _artikel(side_html: str) -> _ArtikelTekst:
    p = _ArtikelTekst()
    p.feed(side_html)
    return p


def artikel_tekst(side_html: str) -> str:
    return " ".join(_artikel(side_html).dele)


def artikel_titel(side_html: str) -> str:
    """The text of the article's first <h1> (Pagefind's title), or ""."""
    return "".join(_artikel(side_html).h1 or []).strip()


def url_for(relativ: str) -> str:
    """The site-relative URL of a built file: "standarder/x/index.html" -> "/standarder/x/"."""
    return "/" + relativ.removesuffix("index.html")


def med_metadata(side_html: str, meta: dict[str, str]) -> str:
    """The page with hidden Pagefind metadata at the start of its article."""
    m = list(_ARTIKEL.finditer(side_html))
    if len(m) != 1:
        raise SoegeFejl("siden har ikke præcis én <article class=\"md-content__inner\"> (har Material ændret sin skabelon?)")
    felter = [(n, v) for n, v in meta.items() if v]
    if not felter:
        return side_html
    attrs = " ".join(f'data-kvh-{n}="{html.escape(v, quote=True)}"' for n, v in felter)
    spec = ", ".join(f"{n}[data-kvh-{n}]" for n, _ in felter)
    span = f'<span hidden data-pagefind-meta="{spec}" data-pagefind-filter="type[data-kvh-type]" {attrs}></span>'
    slut = m[0].end()
    return side_html[:slut] + span + side_html[slut:]


def byg_indeks(site: Path, fakta: dict[str, Sidefakta]) -> dict[str, int]:
    """Index every page of the built site in `site`; write `pagefind/` and the word list.

    `fakta` maps a page's site-relative URL ("/standarder/x/") to what the results show.
    Returns the word list (word -> pages).
    """
    sider: dict[str, str] = {}
    for fil in sorted(site.rglob("*.html")):
        relativ = fil.relative_to(site).as_posix()
        if relativ in UDELADT or relativ.startswith((MAPPE + "/", "assets/")):
            continue
        sider[url_for(relativ)] = fil.read_text(encoding="utf-8")
    laest = {url: _artikel(h) for url, h in sider.items()}
    tekster = {url: " ".join(p.dele) for url, p in laest.items()}
    titler = {url: "".join(p.h1 or []).strip() for url, p in laest.items()}
    redaktionelle = {url: " ".join(f.soegeord) for url, f in fakta.items()}
    antal = ordforraad.ordforraad([*tekster.values(), *redaktionelle.values()])
    kendte = set(antal)

    klar: list[tuple[str, str]] = []
    for url, h in sider.items():
        f = fakta.get(url, Sidefakta(type="Side"))
        former = sorted(ordforraad.ekstra_former(tekster[url] + " " + redaktionelle.get(url, ""), kendte))
        titelformer = sorted(ordforraad.ekstra_former(titler[url], kendte))
        meta = {"type": f.type, "nummer": f.nummer, "omraade": f.omraade,
                "soegeord": " ".join(f.soegeord), "former": " ".join(former), "titelformer": " ".join(titelformer)}
        klar.append((url, med_metadata(h, meta)))
        for o in former:
            antal.setdefault(o, 0)
            antal[o] += 1
    ud = site / MAPPE
    for _ in range(FORSOEG):
        shutil.rmtree(ud, ignore_errors=True)  # Pagefind skips a hashed file that is there already
        try:
            asyncio.run(_skriv(klar, ud))
        except (OSError, RuntimeError, ValueError, AssertionError) as e:  # the binary missing, refusing a page, ...
            raise SoegeFejl(f"søgeindekset kunne ikke bygges: {e}") from None
        mangel = ufuldstaendigt_indeks(ud)
        if mangel is None:
            break
    else:
        raise SoegeFejl(f"Pagefind skrev et ufuldstændigt søgeindeks {FORSOEG} gange i træk: {mangel}")
    ordliste = site / ORDLISTE
    ordliste.parent.mkdir(parents=True, exist_ok=True)
    ordliste.write_text(json.dumps({"ord": dict(sorted(antal.items())), "stopord": sorted(ordforraad.STOPORD),
                                    "sider": len(klar)}, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    return antal


# Pagefind's service can answer "written" while its last writes are still under way (a tokio
# File, write_all and no flush in its output/mod.rs), and the Python API then ends the service:
# a file still being written is left empty or cut off. Seen twice here on 3 December 2026 (an
# empty pagefind-entry.json; pagefind.js cut off at 40,960 of 45,555 bytes), and search did
# not work. Pagefind has fixed it upstream (commit fab688b, "flush output files before they
# drop", #1272, August 2026), but no release has it yet (the newest is 1.5.2, pinned here).
# Until one does, the index is checked after every build and built again if it is not whole;
# once one does, pin it and keep the check (it costs about 0.1 s).
FORSOEG = 3
_GZ_MAERKE = b"pagefind_dcd"  # how every gzipped Pagefind file begins, unpacked (the index and the WebAssembly)
# Its two scripts, which are not gzipped, and how Pagefind 1.5.2 ends them (the module with its
# export list, the worker with a closed function call): a script cut off after some blocks ends
# otherwise.
_SKRIPTER = {"pagefind.js": re.compile(rb"export\{[\w,]+\};?\s*$"),
             "pagefind-worker.js": re.compile(rb"\}\)\(\);?\s*$")}


def ufuldstaendigt_indeks(ud: Path) -> str | None:
    """What is missing or broken in the Pagefind index in `ud`, or None if it is whole: the
    entry file names the Danish index's metadata and WebAssembly, which are there, and no more
    pages than there are fragments; the two scripts are there and end as Pagefind ends them;
    every gzipped file (the index's and the WebAssembly) unpacks completely."""
    try:
        indgang = json.loads((ud / "pagefind-entry.json").read_text("utf-8"))
        hash_ = indgang["languages"]["da"]["hash"]
        sider = int(indgang["languages"]["da"]["page_count"])
        wasm = ud / f"wasm.{indgang['languages']['da']['wasm']}.pagefind"
    except (OSError, ValueError):
        return "pagefind-entry.json mangler, er tom eller er ikke gyldig JSON"
    except (KeyError, TypeError):
        return "pagefind-entry.json nævner intet dansk indeks"
    for fil in (ud / f"pagefind.{hash_}.pf_meta", wasm):
        if not fil.is_file():
            return f"{fil.name}, som pagefind-entry.json nævner, findes ikke"
    # One fragment per page (each names its page's address, so no two are the same file).
    fragmenter = len(list(ud.glob("fragment/*.pf_fragment")))
    if fragmenter < sider:
        return f"{sider - fragmenter} af {sider} sidefragmenter mangler"
    for navn, slut in _SKRIPTER.items():
        fil = ud / navn
        if not fil.is_file() or fil.stat().st_size == 0:
            return f"{navn} mangler eller er tom"
        if not slut.search(fil.read_bytes()[-400:]):
            return f"{navn} er afbrudt midt i"
    for fil in (wasm, *sorted(ud.rglob("*.pf_*"))):
        try:
            indhold = fil.read_bytes()
            if not indhold:
                return f"{fil.relative_to(ud)} er tom"
            if not gzip.decompress(indhold).startswith(_GZ_MAERKE):
                return f"{fil.relative_to(ud)} er ikke en Pagefind-fil"
        except (OSError, EOFError, zlib.error):
            return f"{fil.relative_to(ud)} er afbrudt midt i eller ødelagt"
    return None


async def _skriv(sider: list[tuple[str, str]], ud: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex  # only the build needs the binary

    config = IndexConfig(root_selector="article", exclude_selectors=[UDELUK], force_language="da",
                         output_path=str(ud))
    async with PagefindIndex(config=config) as indeks:
        svar = await asyncio.gather(*(indeks.add_html_file(content=h, url=url) for url, h in sider))
        fejl = [s for s in svar if not s or s.get("errors")]
        if fejl:
            raise ValueError(f"Pagefind afviste {len(fejl)} sider: {fejl[0]}")
    # Pagefind also writes its own search interfaces; the site uses its search API only.
    for fil in ud.glob("pagefind-*ui.*"):
        fil.unlink()
    for fil in ("pagefind-highlight.js", "wasm.unknown.pagefind"):
        (ud / fil).unlink(missing_ok=True)
