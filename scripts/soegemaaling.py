"""How well search finds the page a person means: tests/search/queries.yaml typed into the
search box of a built site in Chromium.

    .venv/bin/python scripts/soegemaaling.py http://127.0.0.1:8765/ [--motor lunr] [--vis-fejl]

(the site must be served at that address). For each query the first results' pages are
read from the result list; a query is a hit at k when its expected page (or one of its
`ogsaa`) is among the first k. Prints hit@1, hit@3, MRR and the queries that found nothing.
Used by `make bench` and by tests/search/ (which holds the targets).

`--motor lunr` reads Material's own lunr search box instead (only a site built before
search moved to Pagefind has one), `--motor pagefind-raa` asks Pagefind directly with its
defaults (without our query understanding and ranking): how the engines were compared
(README, "Søgning").
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

import chromium

ROOT = Path(__file__).resolve().parents[1]
FORESPOERGSLER = ROOT / "tests" / "search" / "queries.yaml"


@dataclass
class Udfald:
    soeg: str
    forventet: list[str]
    fundet: list[str]
    klasse: str = ""

    @property
    def plads(self) -> int | None:
        """1-based rank of the first right page, or None."""
        return next((i + 1 for i, s in enumerate(self.fundet) if s in self.forventet), None)


@dataclass
class Resultat:
    udfald: list[Udfald] = field(default_factory=list)
    sekunder: list[float] = field(default_factory=list)

    def hit(self, k: int) -> float:
        return sum(1 for u in self.udfald if u.plads and u.plads <= k) / len(self.udfald)

    @property
    def mrr(self) -> float:
        return sum(1 / u.plads for u in self.udfald if u.plads) / len(self.udfald)

    @property
    def tomme(self) -> list[str]:
        return [u.soeg for u in self.udfald if not u.fundet]

    def tekst(self) -> str:
        n = len(self.udfald)
        median = sorted(self.sekunder)[len(self.sekunder) // 2] * 1000 if self.sekunder else 0
        return (f"{n} forespørgsler: hit@1 {self.hit(1):.1%}, hit@3 {self.hit(3):.1%}, MRR {self.mrr:.3f}, "
                f"uden resultat {len(self.tomme)}; median tid til resultat {median:.0f} ms")


def forespoergsler(fil: Path = FORESPOERGSLER) -> list[dict]:
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    return data["soegninger"] if isinstance(data, dict) else data


def _sti(url: str, rod: str) -> str:
    sti = urlsplit(url).path
    return sti[len(rod):] if sti.startswith(rod) else sti.lstrip("/")


def maal(page, base_url: str, queries: list[dict], motor: str = "pagefind") -> Resultat:
    """Type every query into the search box of the page at `base_url` and read the results."""
    rod = urlsplit(base_url).path
    page.goto(base_url)
    res = Resultat()
    for q in queries:
        forventet = [q["forventet"], *q.get("ogsaa", [])]
        t0 = time.perf_counter()
        fundet = {"pagefind": _pagefind, "pagefind-raa": _pagefind_raa, "lunr": _lunr}[motor](page, q["soeg"])
        res.sekunder.append(time.perf_counter() - t0)
        res.udfald.append(Udfald(q["soeg"], forventet, [_sti(u, rod) for u in fundet], q.get("klasse", "")))
    return res


def _pagefind(page, tekst: str) -> list[str]:
    felt = page.locator("#kvh-soeg-felt")
    felt.fill("")
    felt.fill(tekst)
    page.wait_for_function("t => document.getElementById('kvh-soeg-resultater').dataset.soegning === t",
                           arg=tekst.strip(), timeout=30_000)
    return page.eval_on_selector_all("#kvh-soeg-resultater a", "as => as.map(a => a.href)")


def _pagefind_raa(page, tekst: str) -> list[str]:
    """Pagefind's own search with its default settings: no query understanding, no ranking of ours."""
    return page.evaluate("""async (q) => {
        const rod = new URL(document.querySelector("[data-kvh-soegning]").dataset.rod, location.href).pathname;
        const pf = await import(rod + "pagefind/pagefind.js");
        const svar = await pf.search(q);
        const data = await Promise.all(svar.results.slice(0, 10).map((r) => r.data()));
        return data.map((d) => new URL(d.url, location.href).href);
    }""", tekst)


def _lunr(page, tekst: str) -> list[str]:
    felt = page.locator("input.md-search__input")
    felt.click()
    felt.fill("")
    page.keyboard.type(tekst, delay=5)
    # Material renders on each keyup; wait until the list stops changing.
    forrige, stabil = None, 0
    for _ in range(100):
        page.wait_for_timeout(100)
        nu = page.eval_on_selector_all(".md-search-result__item > a", "as => as.map(a => a.href)")
        meta = page.locator(".md-search-result__meta").text_content() or ""
        if nu == forrige and "Initialiserer" not in meta and "Initializing" not in meta:
            stabil += 1
            if stabil >= 3:
                break
        else:
            stabil = 0
        forrige = nu
    return [u.split("#")[0] for u in (forrige or [])]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("url")
    p.add_argument("--motor", choices=("pagefind", "pagefind-raa", "lunr"), default="pagefind")
    p.add_argument("--vis-fejl", action="store_true", help="list the queries whose page was not first")
    p.add_argument("--fil", type=Path, default=FORESPOERGSLER, help="the queries (default: tests/search/queries.yaml)")
    a = p.parse_args(argv)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = chromium.start(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        res = maal(page, a.url, forespoergsler(a.fil), a.motor)
        browser.close()
    print(res.tekst())
    if a.vis_fejl:
        for u in res.udfald:
            if u.plads != 1:
                print(f"  {u.soeg!r} [{u.klasse}] plads {u.plads}: ventede {u.forventet[0]}, fik {u.fundet[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
