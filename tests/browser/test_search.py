"""Danish search with stemming: an inflected word finds the standard."""
import pytest
from playwright.sync_api import expect


def test_inflected_danish_word_finds_the_standard(page, base_url):
    """The page says "lancetter"; "lancetterne" finds it only through a Danish stem."""
    page.goto(base_url)
    felt = page.locator("input.md-search__input")
    felt.click()
    page.keyboard.type("lancetterne", delay=20)  # Material searches on keyup
    resultater = page.locator(".md-search-result__item")
    expect(resultater.first).to_be_visible(timeout=30_000)
    expect(page.locator(".md-search-result")).to_contain_text("Diabetesmaterialer til tabletbehandlede diabetikere")


def test_fully_typed_word_finds_its_page(page, base_url):
    """Type-ahead adds a wildcard; the full word must still find the stemmed index entry."""
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("teststrimler", delay=20)
    expect(page.locator(".md-search-result")).to_contain_text("Diabetesmaterialer til tabletbehandlede diabetikere",
                                                              timeout=30_000)


@pytest.mark.parametrize("ord, titel", [
    ("rollator", "Rollatorer og gangbukke"),
    ("madservice", "Madservice"),
    ("kørestol", "Kørestole, manuelle – standard"),
    ("bil", "Støtte til køb af bil"),
])
def test_everyday_words_find_the_standard_first(page, base_url, ord, titel):
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(ord, delay=20)
    foerste = page.locator(".md-search-result__item > a h1").first
    expect(foerste).to_have_text(titel, timeout=30_000)


def test_teststrimler_finds_the_three_standards_that_grant_them_before_anything_else(page, base_url):
    """Three standards grant test strips; which of them ranks first depends on how
    often each mentions the word, but no other page may come before them."""
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("teststrimler", delay=20)
    titler = page.locator(".md-search-result__item > a h1")
    expect(titler.nth(2)).to_be_visible(timeout=30_000)
    assert {t.strip() for t in titler.all_text_contents()[:3]} == {
        "Glukosemålingssystem",
        "Diabetesmaterialer til tabletbehandlede diabetikere",
        "Diabetesmaterialer til insulinbehandlede eller kombinationsbehandlede diabetikere",
    }


def test_overview_lists_every_standard_and_filters_as_you_type(page, base_url):
    page.goto(base_url + "standarder/")
    rows = page.locator(".md-content table tbody tr")
    expect(rows).to_have_count(125)
    page.get_by_label("Filtrér standarderne").fill("kørestol")
    synlige = page.locator(".md-content table tbody tr:not([hidden])")
    expect(synlige.filter(has_text="Kørestole, manuelle – standard")).to_have_count(1)
    antal = synlige.count()
    assert 0 < antal < 125
    expect(page.locator("#kvh-filter-antal")).to_have_text(f"Viser {antal} af 125 standarder.")
    for i in range(antal):
        assert "kørestol" in synlige.nth(i).text_content().lower()


def test_hjemmehjaelp_finds_the_home_care_area_and_its_standards(page, base_url):
    """The source never titles anything "hjemmehjælp"; the area's search words do."""
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("hjemmehjælp", delay=20)
    titler = page.locator(".md-search-result__item > a h1")
    expect(titler.first).to_have_text("Rehabiliterende personlig hjælp og pleje, samt praktisk hjælp i hjemmet",
                                      timeout=30_000)
    expect(page.locator(".md-search-result")).to_contain_text("Personlig hygiejne")
