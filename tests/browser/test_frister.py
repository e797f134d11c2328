"""A standard page's deadlines link to the Bilag 4 calculator with the type already chosen."""
from playwright.sync_api import expect

FRISTER = '[data-beregner="frister"]'


def test_a_standard_page_opens_the_deadline_calculator_with_its_type_of_application(page, base_url):
    page.goto(base_url + "standarder/rengoering/")
    page.locator(".md-content a[href*='ansoegningstype=rengoering']").click()
    expect(page.locator(f'{FRISTER} select[name="ansoegningstype"]')).to_have_value("rengoering", timeout=30_000)
    assert "bilag-4" in page.url

    # Bilag 4, lines 11857: 20 working days for a decision. Monday 3 March 2025 + 20
    # working days (no public holiday in March 2025) is Monday 31 March.
    page.locator(f'{FRISTER} input[name="modtaget"]').fill("2025-03-03")
    page.locator(f'{FRISTER} input[name="dato"]').fill("2025-03-03")
    page.locator(f'{FRISTER} button[type=submit]').click()
    resultat = page.locator(f'{FRISTER} [data-resultat]')
    expect(resultat.locator('[data-post="afgoerelse"]')).to_contain_text("31. marts 2025", timeout=60_000)

