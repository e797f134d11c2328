"""A citizen on a phone: quick facts first, provenance folded, the GOV.UK error summary
and focus pattern, only the headline announced, and no WCAG violation at 390 px."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from wcag import wcag_overtraedelser

TABLET = "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"


def klar(page):
    beregner = page.locator('[data-beregner="diabetes"]')
    expect(beregner.locator("[data-status]")).to_have_text("Beregneren er klar.", timeout=60_000)
    return beregner


def test_quick_facts_come_before_the_text_and_provenance_is_folded_at_the_foot(page, base_url):
    page.goto(base_url + TABLET)
    fakta = page.locator(".kvh-fakta")
    expect(fakta).to_contain_text("Frist for afgørelse")
    expect(fakta).to_contain_text("Serviceloven § 112")
    expect(fakta.get_by_role("link", name=re.compile("Diabetesmaterialer"))).to_have_attribute("href", re.compile(r"#diabetes-titel$"))
    assert page.evaluate("document.querySelector('.kvh-fakta').compareDocumentPosition("
                         "document.querySelector('h2')) & Node.DOCUMENT_POSITION_FOLLOWING")
    om = page.locator("details#om-teksten")
    expect(om).not_to_have_attribute("open", "")
    expect(om.locator("summary")).to_have_text("Om teksten")
    # No file name or line number in the text above it.
    artikel = page.locator("article").inner_text().split("Om teksten")[0]
    assert "003_a9efded0fbb87759.txt" not in artikel and "i kildeteksten" not in artikel
    # The calculator is in the page's table of contents.
    expect(page.locator(".md-sidebar--secondary a[href$='#diabetes-titel']")).to_have_count(1)


def test_an_invalid_submit_shows_a_summary_that_takes_focus_and_links_to_the_field(page, base_url):
    page.goto(base_url + TABLET)
    beregner = klar(page)
    beregner.locator('[name="strimler_hidtil"]').fill("mange")
    beregner.locator("button[type=submit]").click()
    resume = beregner.locator("[data-fejlresume]")
    expect(resume).to_be_visible()
    expect(resume).to_be_focused()
    link = resume.get_by_role("link", name=re.compile("Teststrimler bevilget i år"))
    link.click()
    expect(beregner.locator('[name="strimler_hidtil"]')).to_be_focused()
    beregner.locator('[name="strimler_hidtil"]').fill("0")
    expect(resume).to_be_hidden()


def test_a_result_takes_focus_and_only_its_headline_is_announced(page, base_url):
    page.goto(base_url + TABLET)
    beregner = klar(page)
    beregner.locator('[name="strimler_hidtil"]').fill("100")
    beregner.locator("button[type=submit]").click()
    overskrift = beregner.locator("[data-resultat] h3")
    expect(overskrift).to_be_focused()
    # The year's remaining quota, without a requested quantity (150 − 100).
    expect(beregner.locator('[data-post="strimler_tilbage"]')).to_have_text("50 stk.")
    annonce = beregner.locator("[data-annonce]")
    expect(annonce).to_have_text(re.compile(r"Teststrimler der kan bevilges resten af året: 50 stk\.$"))
    assert beregner.locator("[data-resultat]").get_attribute("aria-live") is None


@pytest.mark.parametrize("sti", ["", TABLET, "bilag/bilag-4/", "ansvar/", "omraader/hjaelpemidler/",
                                 "sundhedsreform-2027/"])
def test_no_wcag_violations_on_a_phone(browser, base_url, sti):
    context = browser.new_context(locale="da-DK", service_workers="block", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + sti)
    page.wait_for_load_state("networkidle")
    if sti == TABLET:
        beregner = klar(page)
        beregner.locator("button[type=submit]").click()
        expect(beregner.locator("[data-resultat] h3")).to_be_visible()
    resultat = wcag_overtraedelser(page)
    context.close()
    assert resultat.violations_count == 0, resultat.generate_report()
