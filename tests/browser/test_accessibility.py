"""axe-core finds no WCAG 2.1 A/AA violations on the home page and a standard page."""
import pytest
from playwright.sync_api import expect

from wcag import wcag_overtraedelser


@pytest.mark.parametrize("sti", ["", "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/",
                                 "standarder/glukosemaalingssystem/", "standarder/", "lovgrundlag/serviceloven-112/",
                                 "bilag/bilag-6/", "om/indledning/", "om/tilgaengelighedserklaering/",
                                 "om/udskrift/", "om/hvad-er-aendret/", "om/aabne-data/", "404.html",
                                 "ansvar/", "ansvar/kategorier/", "ansvar/nordjylland/", "ansvar/sundhedsreform/",
                                 "bilag/bilag-1/", "bilag/bilag-9/", "standarder/rollatorer-og-gangbukke/",
                                 "standarder/personlig-hygiejne/", "standarder/hovedrengoering-som-aarlig-indsats/",
                                 "standarder/befordring-til-traening-og-behandling/", "bilag/bilag-4/",
                                 "bilag/bilag-3/", "bilag/bilag-7/", "bilag/bilag-8/"])
def test_no_wcag_violations(page, base_url, sti):
    page.goto(base_url + sti)
    page.wait_for_load_state("networkidle")
    if sti.startswith("standarder/") and sti != "standarder/":
        # Check the page as a reader sees it after a calculation, result included.
        beregner = page.locator("[data-beregner]").first
        expect(beregner.locator("[data-status]")).to_have_text("Beregneren er klar.", timeout=60_000)
        beregner.locator("button[type=submit]").click()
        expect(beregner.locator("[data-resultat]")).not_to_be_empty()
    resultat = wcag_overtraedelser(page)
    assert resultat.violations_count == 0, resultat.generate_report()


def test_print_edition_has_every_standard_the_date_it_was_made_and_a_strict_heading_order(page, base_url):
    page.goto(base_url + "om/udskrift/")
    titler = page.locator(".md-content article h3").all_inner_texts()
    assert len([t for t in titler if t.split(".")[0].isdigit()]) == 125
    assert page.locator(".kvh-produceret").inner_text().count("produceret") == 1
    niveauer = page.eval_on_selector_all(".md-content article :is(h1, h2, h3, h4)",
                                         "hs => hs.map(h => Number(h.tagName[1]))")
    assert niveauer[0] == 1 and all(b - a <= 1 for a, b in zip(niveauer, niveauer[1:]))


def test_print_stylesheet_hides_the_site_chrome_and_keeps_the_text(page, base_url):
    page.goto(base_url + "standarder/brokbind/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator(".md-content h1").is_visible()


def test_every_page_links_the_accessibility_statement_in_its_footer(page, base_url):
    page.goto(base_url + "standarder/brokbind/")
    page.locator("footer").get_by_role("link", name="Tilgængelighedserklæring").click()
    expect(page.locator("h1")).to_have_text("Tilgængelighedserklæring")
