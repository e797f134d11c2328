"""The health reform of 2027 in real Chromium: the overview page and a touched page pass axe,
the notice is on the touched page, the front page leads to the overview, and the navigator
answers for a date after the reform. The notices' tense follows the reader's own date."""
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from wcag import wcag_overtraedelser

OVERSIGT = "sundhedsreform-2027/"
BEROERT = "standarder/befordring-og-befordringsgodtgoerelse-ved-genoptraening-efter-sundhedsloven/"


@pytest.mark.parametrize("sti", [OVERSIGT, BEROERT, "standarder/tvaerkommunalt-akutteam/"])
def test_no_wcag_violations_on_the_overview_and_touched_pages(page, base_url, sti):
    page.goto(base_url + sti)
    page.wait_for_load_state("networkidle")
    # With the quotes opened, so their content is checked too.
    for detalje in page.locator(".md-content details").all():
        detalje.evaluate("d => d.open = true")
    resultat = wcag_overtraedelser(page)
    assert resultat.violations_count == 0, resultat.generate_report()


def test_a_touched_page_shows_the_notice_with_certainty_and_source(page, base_url):
    page.goto(base_url + BEROERT)
    notits = page.locator(".md-content .admonition.kvh-reform")
    expect(notits).to_have_count(1)
    expect(notits).to_contain_text("1. januar 2027")
    expect(notits).to_contain_text("Endnu ikke nærmere defineret")
    expect(notits).to_contain_text("KL's høringssvar og mødepapirer om sundhedsreformen")
    notits.get_by_role("link", name="alt, hvad reformen rører i håndbogen").click()
    expect(page.locator(".md-content h1")).to_have_text("Sundhedsreformen 2027 i håndbogen")


# Noon, so the day is the same in every time zone a test machine may have.
FOER_DAGEN, FRA_DAGEN = datetime(2026, 12, 31, 12), datetime(2027, 1, 1, 12)


@pytest.mark.parametrize("dag", [FOER_DAGEN, FRA_DAGEN])
def test_the_readers_own_date_decides_the_tense_without_a_new_build(page, base_url, dag):
    """The site is built once; a reader before 1 January 2027 reads the future, a reader from
    that day the present, on the same page (also one kept offline from before the day)."""
    page.clock.set_fixed_time(dag)
    page.goto(base_url + "standarder/tvaerkommunalt-akutteam/")
    notits = page.locator(".md-content .admonition.kvh-reform")
    foer, efter = notits.locator("[data-kvh-foer]"), notits.locator("[data-kvh-fra]")
    expect(foer.first).to_contain_text("Kommunerne skal pr. 1. januar 2027 overdrage den akutte")
    expect(efter.first).to_contain_text("har kommunerne pr. 1. januar 2027 overdraget den akutte")
    vist, skjult = (foer, efter) if dag == FOER_DAGEN else (efter, foer)
    assert vist.count() == skjult.count() >= 2
    for i in range(vist.count()):
        expect(vist.nth(i)).to_be_visible()
        expect(skjult.nth(i)).to_be_hidden()


def test_a_tab_left_open_over_the_day_turns_when_the_reader_returns_to_it(page, base_url):
    page.clock.set_fixed_time(FOER_DAGEN)
    page.goto(base_url + "standarder/tvaerkommunalt-akutteam/")
    notits = page.locator(".md-content .admonition.kvh-reform")
    expect(notits.locator("[data-kvh-foer]").first).to_be_visible()
    page.clock.set_fixed_time(FRA_DAGEN)  # the night passes with the tab in the background
    page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")  # and the reader is back
    expect(notits.locator("[data-kvh-fra]").first).to_be_visible()
    expect(notits.locator("[data-kvh-foer]").first).to_be_hidden()


def test_the_tense_follows_the_readers_date_after_instant_navigation(page, base_url):
    if abs((date.today() - date(2027, 1, 1)).days) > 365:  # the front page no longer names the reform
        pytest.skip("the site is built more than a year from the reform")
    page.clock.set_fixed_time(FRA_DAGEN)
    page.goto(base_url)
    page.wait_for_load_state("networkidle")  # Material's instant navigation is set up
    page.evaluate("() => { window.__samme_side = true; }")
    forside = page.locator(".md-content")
    expect(forside.get_by_text("Sundhedsreformen har efter planen flyttet opgaver")).to_be_visible()
    expect(forside.get_by_text("Sundhedsreformen flytter efter planen opgaver")).to_be_hidden()
    forside.get_by_role("link", name="Sundhedsreformen 2027 i håndbogen").click()
    expect(page.locator(".md-content h1")).to_have_text("Sundhedsreformen 2027 i håndbogen")
    assert page.evaluate("() => window.__samme_side === true"), "not an instant navigation"
    expect(page.locator(".md-content").get_by_text("Sundhedsreformen trådte efter planen i kraft")).to_be_visible()
    expect(page.locator(".md-content").get_by_text("Sundhedsreformen træder efter planen i kraft")).to_be_hidden()


def test_the_front_page_leads_to_the_overview_within_a_year_of_the_reform(page, base_url):
    page.goto(base_url)
    link = page.locator(".md-content").get_by_role("link", name="Sundhedsreformen 2027 i håndbogen")
    if abs((date.today() - date(2027, 1, 1)).days) > 365:  # the site is built for today
        expect(link).to_have_count(0)
        return
    link.click()
    expect(page.locator(".md-content h1")).to_have_text("Sundhedsreformen 2027 i håndbogen")
    expect(page.locator(".md-content h2").first).to_be_visible()


def test_the_navigator_says_the_sources_do_not_settle_it_after_the_reform(page, base_url):
    page.goto(base_url + "ansvar/")
    beregner = page.locator('[data-beregner="ansvar"]')
    beregner.locator('select[name="genoptraening"]').select_option("rehabilitering_specialiseret")
    beregner.locator('input[name="dato"]').fill("2027-01-02")
    beregner.locator("button[type=submit]").click()
    resultat = beregner.locator("[data-resultat]")
    expect(resultat.locator('[data-post="leverer"]')).to_contain_text("Ikke afklaret i kilderne", timeout=60_000)
    expect(resultat.locator('[data-post="aendring_2027"]')).to_contain_text("1. januar 2027")
    beregner.locator('input[name="dato"]').fill("2026-12-31")
    beregner.locator("button[type=submit]").click()
    expect(resultat.locator('[data-post="leverer"]')).not_to_contain_text("Ikke afklaret", timeout=60_000)
    expect(resultat.locator('[data-post="leverer"]')).to_contain_text("Kommunen")
