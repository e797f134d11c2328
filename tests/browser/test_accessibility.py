"""axe-core finds no WCAG 2.1 A/AA violations on the home page and a standard page."""
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("sti", ["", "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/",
                                 "standarder/glukosemaalingssystem/", "standarder/", "lovgrundlag/serviceloven-112/",
                                 "bilag/bilag-6/", "om/indledning/"])
def test_no_wcag_violations(page, base_url, sti):
    page.goto(base_url + sti)
    page.wait_for_load_state("networkidle")
    if sti.startswith("standarder/") and sti != "standarder/":
        # Check the page as a reader sees it after a calculation, result included.
        expect(page.locator("[data-beregner] [data-status]")).to_have_text("Beregneren er klar.", timeout=60_000)
        page.locator("[data-beregner] button[type=submit]").click()
        expect(page.locator("[data-beregner] [data-resultat]")).not_to_be_empty()
    resultat = Axe().run(page, options=WCAG)
    assert resultat.violations_count == 0, resultat.generate_report()
