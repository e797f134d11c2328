"""The navigator "Hvem har ansvaret?" in real Chromium: answers → category, who pays, sources."""
from playwright.sync_api import expect

ANSVAR = "ansvar/"


def svar(page, navn, vaerdi):
    page.locator(f'[data-beregner="ansvar"] [name="{navn}"][value="{vaerdi}"]').check()


def test_an_implanted_aid_is_the_hospitals_category_1_1_with_its_source(page, base_url):
    page.goto(base_url + ANSVAR)
    svar(page, "implanteret", "ja")
    page.locator('[data-beregner="ansvar"] button[type=submit]').click()
    resultat = page.locator('[data-beregner="ansvar"] [data-resultat]')
    expect(resultat.locator('[data-post="kategori"]')).to_contain_text("Kategori 1.1", timeout=60_000)
    expect(resultat.locator('[data-post="betaler"]')).to_contain_text("regionen")
    expect(resultat.locator(".kvh-forklaring")).to_contain_text("afgrænsningscirkulæret")
    expect(resultat).to_contain_text("ikke en afgørelse")


def test_an_impossible_combination_is_named_next_to_the_field(page, base_url):
    page.goto(base_url + ANSVAR)
    svar(page, "apv", "ja")
    svar(page, "implanteret", "ja")
    page.locator('[data-beregner="ansvar"] button[type=submit]').click()
    expect(page.locator('[data-beregner="ansvar"] [data-felt="apv"] [data-fejl]')).not_to_be_empty(timeout=60_000)
    expect(page.locator('[data-beregner="ansvar"] [data-resultat] .kvh-poster')).to_have_count(0)


def test_an_assistive_device_standard_links_to_the_navigator(page, base_url):
    page.goto(base_url + "standarder/rollatorer-og-gangbukke/")
    page.get_by_role("link", name="navigatoren Hvem har ansvaret?").click()
    expect(page.locator(".md-content h1")).to_be_visible()
    assert page.url.rstrip("/").endswith("ansvar")


def test_the_nordjylland_agreement_is_labelled_as_not_gladsaxes(page, base_url):
    page.goto(base_url + "ansvar/nordjylland/")
    expect(page.locator(".md-content .admonition").first).to_contain_text("Gladsaxe")
