"""Danish search with stemming: an inflected word finds the standard."""
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
