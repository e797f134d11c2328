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
    ("teststrimler", "Diabetesmaterialer til tabletbehandlede diabetikere"),
    ("kørestol", "Kørestole, manuelle – standard"),
    ("bil", "Støtte til køb af bil"),
])
def test_everyday_words_find_the_standard_first(page, base_url, ord, titel):
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(ord, delay=20)
    foerste = page.locator(".md-search-result__item > a h1").first
    expect(foerste).to_have_text(titel, timeout=30_000)
