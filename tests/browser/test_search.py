"""Search in the built site (Pagefind behind the header's search box; issue 12).

The hit rates over the evaluation set are in tests/search/; these tests check the
behaviour a reader sees: Danish inflections, compounds and typos, what a result says,
that result text is never markup, the phone, the keyboard, instant navigation, and that
a page fetches nothing of search until someone searches.
"""
import re

import pytest
from playwright.sync_api import expect

from wcag import wcag_overtraedelser

TITLER = ".kvh-soeg-titel"


def soeg(page, tekst: str):
    """Type `tekst` into the search box as a person would, and wait for its results."""
    felt = page.locator("#kvh-soeg-felt")
    lup = page.locator("label.md-header__button[for=__search]")
    if lup.is_visible():
        lup.click()  # a phone: the magnifier opens the search
    felt.click()
    felt.fill("")
    page.keyboard.type(tekst, delay=15)
    expect(page.locator("#kvh-soeg-resultater")).to_have_attribute("data-soegning", tekst.strip(), timeout=30_000)


def titler(page) -> list[str]:
    return [t.strip() for t in page.locator(TITLER).all_inner_texts()]


def test_inflected_danish_word_finds_the_standard(page, base_url):
    """The page says "lancetter"; "lancetterne" finds it only through a Danish stem."""
    page.goto(base_url)
    soeg(page, "lancetterne")
    assert "Diabetesmaterialer til tabletbehandlede diabetikere" in titler(page)


@pytest.mark.parametrize("ord, titel", [
    ("rollator", "Rollatorer og gangbukke"),
    ("madservice", "Madservice"),
    ("Støtte til køb af bil", "Støtte til køb af bil"),
])
def test_everyday_words_find_the_standard_first(page, base_url, ord, titel):
    page.goto(base_url)
    soeg(page, ord)
    assert titler(page)[0] == titel


def test_teststrimler_finds_the_three_standards_that_grant_them_before_anything_else(page, base_url):
    """Three standards grant test strips; which of them ranks first depends on how
    often each mentions the word, but no other page may come before them."""
    page.goto(base_url)
    soeg(page, "teststrimler")
    assert set(titler(page)[:3]) == {
        "Glukosemålingssystem",
        "Diabetesmaterialer til tabletbehandlede diabetikere",
        "Diabetesmaterialer til insulinbehandlede eller kombinationsbehandlede diabetikere",
    }


def test_a_misspelt_word_is_corrected_and_the_reader_is_told(page, base_url):
    page.goto(base_url)
    soeg(page, "rolllator")
    expect(page.locator("#kvh-soeg-status")).to_contain_text("Viser resultater for »rollator« (du skrev »rolllator«)")
    assert titler(page)[0] == "Rollatorer og gangbukke"


def test_a_compound_nobody_wrote_is_split_into_the_handbooks_words(page, base_url):
    """No page says "badeværelsesombygning"; the bathroom standard is what it means."""
    page.goto(base_url)
    soeg(page, "badeværelsesombygning")
    assert titler(page)[0] == "Badeværelsesændringer"


def test_a_hyphenated_title_is_found_written_as_one_word(page, base_url):
    page.goto(base_url)
    soeg(page, "elkørestole")
    assert titler(page)[0] == "El-kørestole med joystick"


def test_the_second_half_of_a_compound_finds_it(page, base_url):
    """"stole" is the head of "brusestole"; the shower chair standard is among the results."""
    page.goto(base_url)
    soeg(page, "badestole")
    assert titler(page)[0] == "Bade- og brusestole (med og uden hjul)"


def test_each_result_says_which_standard_and_area_it_is(page, base_url):
    page.goto(base_url)
    soeg(page, "rollator")
    foerste = page.locator("#kvh-soeg-resultater li").first
    expect(foerste.locator(".kvh-soeg-hvor")).to_have_text("Standard nr. 67 · Hjælpemiddelområdet")


@pytest.mark.parametrize("ord", ["bade", "brusestole", "kørestol", "egenbetaling", "frist"])
def test_result_text_is_never_broken_markup(page, base_url, ord):
    """Titles and excerpts are built as text: no tag fragments such as "k>" (the lunr bug),
    no entities shown as text, and each title is the title of the page it links to."""
    page.goto(base_url)
    soeg(page, ord)
    resultater = page.locator("#kvh-soeg-resultater li")
    assert resultater.count() > 0
    for tekst in [*titler(page), *page.locator(".kvh-soeg-uddrag").all_inner_texts()]:
        assert "<" not in tekst and ">" not in tekst and "&lt;" not in tekst and "&amp;" not in tekst, tekst
    html = page.locator("#kvh-soeg-resultater").inner_html()
    assert "<script" not in html and " on" not in html.replace(" one", "")
    assert page.locator("#kvh-soeg-resultater mark").count() > 0, "the hits are marked"
    link = resultater.first.locator("a")
    titel = link.locator(TITLER).inner_text().strip()
    link.click()
    expect(page.locator("article h1").first).to_have_text(titel)


def test_a_page_fetches_nothing_of_search_until_someone_searches(page, base_url):
    page.goto(base_url + "standarder/madservice/")
    page.wait_for_load_state("networkidle")
    assert page.recorder.fetched("/pagefind/") == [] and page.recorder.fetched("ordliste") == []
    soeg(page, "madservice")
    assert page.recorder.fetched("/pagefind/pagefind.js") and page.recorder.fetched("ordliste.json")


def test_keyboard_only_search_and_instant_navigation(page, base_url):
    page.goto(base_url)
    page.keyboard.press("/")
    expect(page.locator("#kvh-soeg-felt")).to_be_focused()
    page.keyboard.type("madservice", delay=15)
    expect(page.locator("#kvh-soeg-resultater")).to_have_attribute("data-soegning", "madservice", timeout=30_000)
    page.keyboard.press("ArrowDown")
    expect(page.locator("#kvh-soeg-resultater a").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "standarder/madservice/")
    expect(page.locator("#__search")).not_to_be_checked()
    # Instant navigation kept the page alive: search still works without a reload.
    assert page.evaluate("!!window.kvhSoeg")
    soeg(page, "rollator")
    assert titler(page)[0] == "Rollatorer og gangbukke"
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_enter_opens_the_first_result(page, base_url):
    page.goto(base_url)
    soeg(page, "madservice")
    page.keyboard.press("Enter")
    expect(page).to_have_url(base_url + "standarder/madservice/")


def test_no_result_says_so_in_danish(page, base_url):
    page.goto(base_url)
    soeg(page, "qwxzvq")
    expect(page.locator("#kvh-soeg-status")).to_contain_text("Ingen sider fundet for »qwxzvq«")
    assert page.locator("#kvh-soeg-resultater li").count() == 0


@pytest.mark.parametrize("bredde", [390, 1280])
def test_search_results_fit_the_screen_and_have_no_accessibility_violations(browser, base_url, bredde):
    context = browser.new_context(locale="da-DK", service_workers="block", viewport={"width": bredde, "height": 844})
    page = context.new_page()
    page.goto(base_url + "standarder/")
    soeg(page, "kørestol")
    resultater = page.locator("#kvh-soeg-resultater li")
    expect(resultater.first).to_be_visible()
    for i in range(min(resultater.count(), 5)):
        kasse = resultater.nth(i).bounding_box()
        assert kasse["x"] >= 0 and kasse["x"] + kasse["width"] <= bredde, (i, kasse)
    assert page.evaluate("document.documentElement.scrollWidth") <= bredde
    resultat = wcag_overtraedelser(page)
    context.close()
    assert resultat.violations_count == 0, resultat.generate_report()


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


def test_hjemmehjaelp_finds_the_home_care_area(page, base_url):
    """The source never titles anything "hjemmehjælp"; the area's search words do."""
    page.goto(base_url)
    soeg(page, "hjemmehjælp")
    assert titler(page)[0] == "Rehabiliterende personlig hjælp og pleje, samt praktisk hjælp i hjemmet"
    foerste = page.locator("#kvh-soeg-resultater li").first
    expect(foerste.locator(".kvh-soeg-hvor")).to_have_text("Område")


def test_when_the_index_cannot_be_fetched_the_reader_gets_the_overview(browser, base_url):
    context = browser.new_context(locale="da-DK", service_workers="block")
    context.route("**/pagefind/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + "standarder/madservice/")
    page.locator("#kvh-soeg-felt").fill("rollator")
    status = page.locator("#kvh-soeg-status")
    expect(status).to_contain_text("Søgningen kunne ikke hentes (er du offline?)", timeout=20_000)
    expect(status.get_by_role("link", name="oversigten over alle standarder")).to_have_attribute("href", "/standarder/")
    context.close()


def test_the_exact_word_ranks_above_longer_words_that_begin_with_it(page, base_url):
    """"støtte" is a word of two titles; "støttebøjler" and "støttestole" only begin with it."""
    page.goto(base_url)
    soeg(page, "støtte")
    foerste_to = titler(page)[:2]
    for titel in foerste_to:
        assert "støtte" in titel.lower().replace(",", " ").split(), foerste_to


@pytest.mark.parametrize("aabner", ["knappen på forsiden", "luppen i toppen"])
def test_search_opened_on_a_phone_stays_inside_the_screen_and_leaves_the_page_where_it_was(browser, base_url, aabner):
    # The front page's button focused the search box while the phone's search panel was still
    # sliding in from the right: the browser scrolled the page sideways to show the box, the
    # results were cut off at the right, and the front page stayed shifted after closing.
    context = browser.new_context(locale="da-DK", service_workers="block", viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url)
    if aabner == "knappen på forsiden":
        page.locator("[data-kvh-soeg]").first.tap()
    else:
        page.locator("label.md-header__button[for=__search]").tap()
    if aabner == "knappen på forsiden":  # the button puts the cursor in the box
        page.wait_for_function("() => document.activeElement?.id === 'kvh-soeg-felt'")
    else:  # the magnifier opens the panel; the reader taps the box
        page.locator("#kvh-soeg-felt").tap()
    page.keyboard.type("rollator", delay=15)
    expect(page.locator("#kvh-soeg-resultater")).to_have_attribute("data-soegning", "rollator", timeout=30_000)
    kasse = page.locator("#kvh-soeg-resultater li").first.bounding_box()
    assert kasse["x"] >= 0 and kasse["x"] + kasse["width"] <= 390, kasse
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Escape")
    expect(page.locator("#kvh-soeg-felt")).not_to_be_focused()
    page.wait_for_timeout(400)  # the panel slides out
    assert page.locator("h1").bounding_box()["x"] >= 0
    assert page.evaluate("[visualViewport.offsetLeft, scrollX, document.documentElement.scrollWidth]") == [0, 0, 390]
    page.mouse.wheel(0, 400)  # and the page scrolls again (the open panel locks it on a phone)
    page.wait_for_function("() => scrollY > 0")
    context.close()


def test_a_result_chosen_on_a_phone_opens_a_page_that_scrolls(browser, base_url):
    context = browser.new_context(locale="da-DK", service_workers="block", viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url)
    page.locator("label.md-header__button[for=__search]").tap()
    page.locator("#kvh-soeg-felt").tap()
    page.keyboard.type("rollator", delay=15)
    expect(page.locator("#kvh-soeg-resultater")).to_have_attribute("data-soegning", "rollator", timeout=30_000)
    page.wait_for_timeout(600)  # the theme locks the page's scrolling while the panel is open
    page.locator("#kvh-soeg-resultater a").first.tap()
    expect(page).to_have_url(re.compile(r"/standarder/rollatorer-og-gangbukke/$"))
    page.wait_for_timeout(400)
    page.mouse.wheel(0, 400)
    page.wait_for_function("() => scrollY > 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_a_filter_that_matches_no_standard_offers_the_handbooks_search(page, base_url):
    # "hjemmehjælp" is in no standard's title, area or law; the search knows it (the test above).
    page.goto(base_url + "standarder/")
    knap = page.locator("[data-kvh-filter-soeg]")
    expect(knap).to_be_hidden()
    page.get_by_label("Filtrér standarderne").fill("hjemmehjælp")
    expect(page.locator("#kvh-filter-antal")).to_have_text("Viser 0 af 125 standarder.")
    expect(knap).to_have_text("Søg efter »hjemmehjælp« i hele håndbogen")
    knap.click()
    expect(page.locator("#kvh-soeg-resultater")).to_have_attribute("data-soegning", "hjemmehjælp", timeout=30_000)
    assert titler(page)[0] == "Rehabiliterende personlig hjælp og pleje, samt praktisk hjælp i hjemmet"
    page.keyboard.press("Escape")
    page.get_by_label("Filtrér standarderne").fill("kørestol")
    expect(knap).to_be_hidden()
