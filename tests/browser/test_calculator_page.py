"""The diabetes calculator in real Chromium: typed input → Pyodide → explained result."""
import re

from playwright.sync_api import expect

TABLET = "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/"
INSULIN = "standarder/diabetesmaterialer-til-insulinbehandlede-eller-kombinationsbehandlede-diabetikere/"
GLUKOSE = "standarder/glukosemaalingssystem/"


def felt(page, navn):
    return page.locator(f'[data-beregner=\"diabetes\"] [name="{navn}"]')


def test_form_is_visible_and_labelled_before_python_is_ready(page, base_url):
    # Hold back the Python runtime so we can look at the page while it "loads".
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(base_url + TABLET)
    status = page.locator("[data-beregner=\"diabetes\"] [data-status]")
    expect(status).to_have_text(re.compile("indlæses"))
    expect(status).to_have_attribute("role", "status")
    for navn in ("strimler_hidtil", "strimler_ansoegt", "lancetter_hidtil", "lancetter_ansoegt"):
        expect(felt(page, navn)).to_be_visible()
        label = page.locator(f'label[for="{felt(page, navn).get_attribute("id")}"]')
        expect(label).to_be_visible()
    expect(page.locator("[data-beregner=\"diabetes\"] [data-annonce]")).to_have_attribute("role", "status")
    page.unroute("**/pyodide.asm.wasm")


def test_typed_input_gives_the_quota_with_rule_source_and_rate(page, base_url):
    page.goto(base_url + TABLET)
    felt(page, "strimler_hidtil").fill("100")
    felt(page, "strimler_ansoegt").fill("100")
    felt(page, "lancetter_hidtil").fill("0")
    felt(page, "lancetter_ansoegt").fill("150")
    resultat = page.locator("[data-beregner=\"diabetes\"] [data-resultat]")
    expect(resultat.locator('[data-post="strimler_bevilget"]')).to_have_text("50 stk.", timeout=60_000)
    expect(resultat.locator('[data-post="strimler_over_kvote"]')).to_have_text("50 stk.")
    expect(resultat.locator('[data-post="lancetter_bevilget"]')).to_have_text("150 stk.")
    forklaring = resultat.locator(".kvh-forklaring")
    expect(forklaring).to_contain_text("linje 3075–3077")
    expect(forklaring).to_contain_text("nr. 39 Diabetesmaterialer til tabletbehandlede diabetikere")
    expect(forklaring).to_contain_text("gældende fra 1. januar 2025")
    expect(resultat).to_contain_text("ikke en afgørelse")
    expect(page.locator("[data-beregner=\"diabetes\"] [data-status]")).to_have_text("Beregneren er klar.")


def test_bad_input_shows_a_danish_message_next_to_the_field_and_no_result(page, base_url):
    page.goto(base_url + TABLET)
    felt(page, "strimler_hidtil").fill("0")
    felt(page, "strimler_ansoegt").fill("mange")
    felt(page, "lancetter_hidtil").fill("0")
    felt(page, "lancetter_ansoegt").fill("-3")
    page.locator("[data-beregner=\"diabetes\"] button[type=submit]").click()
    fejl = page.locator('[data-felt="strimler_ansoegt"] [data-fejl]')
    expect(fejl).to_have_text("Skriv et helt tal uden decimaler, fx 25.", timeout=60_000)
    expect(felt(page, "strimler_ansoegt")).to_have_attribute("aria-invalid", "true")
    expect(page.locator('[data-felt="lancetter_ansoegt"] [data-fejl]')).to_have_text("Antallet kan ikke være negativt.")
    expect(page.locator("[data-beregner=\"diabetes\"] [data-resultat] .kvh-poster")).to_have_count(0)
    expect(page.locator("[data-beregner=\"diabetes\"] [data-resultat]")).to_contain_text("Ret de markerede felter")


def test_dependent_fields_follow_the_chosen_treatment(page, base_url):
    page.goto(base_url + INSULIN)
    expect(felt(page, "behandling")).to_have_value("insulin")
    expect(felt(page, "strimler_ansoegt")).to_be_hidden()
    felt(page, "apparat").select_option("foerste")
    felt(page, "apparat_pris").fill("400")
    felt(page, "standardpris").fill("300")
    resultat = page.locator("[data-beregner=\"diabetes\"] [data-resultat]")
    expect(resultat.locator('[data-post="apparat_tilskud"]')).to_have_text("150,00 kr.", timeout=60_000)
    expect(resultat.locator('[data-post="apparat_egenbetaling"]')).to_have_text("250,00 kr.")
    expect(resultat).to_contain_text("linje 3182–3184")


def regn_her_og_paa_naeste_side(page):
    """A result on the tablet page, then one on the glucose page reached by instant navigation."""
    felt(page, "strimler_hidtil").fill("0")
    felt(page, "strimler_ansoegt").fill("10")
    felt(page, "lancetter_hidtil").fill("0")
    felt(page, "lancetter_ansoegt").fill("10")
    expect(page.locator('[data-post="strimler_bevilget"]')).to_have_text("10 stk.", timeout=60_000)
    page.evaluate("window.__kvhMarker = 'same document'")
    # Follow a link inside the page: Material's instant navigation swaps the content.
    page.locator('.md-content a[href*="glukosemaalingssystem"], .md-nav a[href*="glukosemaalingssystem"]').first.click()
    expect(page).to_have_url(re.compile("glukosemaalingssystem"))
    assert page.evaluate("window.__kvhMarker") == "same document", "navigation reloaded the page"
    page.locator('[data-beregner=\"diabetes\"] [name="voksen"][value="ja"]').check()
    felt(page, "sensorer_hidtil").fill("20")
    felt(page, "sensorer_ansoegt").fill("27")
    expect(page.locator('[data-post="sensorer_bevilget"]')).to_have_text("7 stk.", timeout=30_000)


def test_instant_navigation_keeps_one_worker_and_one_runtime(page, base_url):
    page.goto(base_url + TABLET)
    regn_her_og_paa_naeste_side(page)
    rec = page.recorder
    assert len(rec.fetched("pyodide.asm.wasm")) == 1
    assert len(rec.fetched("beregner-worker.js")) == 1
    # Python starts from the build's snapshot: the wheel is inside it, not fetched.
    assert len(rec.fetched("beregnere.snapshot.gz")) == 1
    assert [u for u in rec.fetched("kvalitetshaandbogen-") if u.endswith(".whl")] == []


def test_next_page_is_wired_even_when_the_early_script_runs_before_materials_bundle(page, base_url):
    # Every script file at the end of the body is deferred (scriptindlaesning.py), so the parser
    # can finish while Material's bundle is still on its way; the async copy of beregner.js in
    # <head> may run in that gap, before Material's document$ exists. Held here to make it so.
    holdt = {"bundle": [], "beregner": []}
    page.route(re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), lambda r: holdt["bundle"].append(r))
    page.route(re.compile(r"/assets/javascripts/beregner\.[0-9a-f]+\.js$"), lambda r: holdt["beregner"].append(r))
    page.goto(base_url + TABLET, wait_until="commit")
    page.wait_for_function("() => document.readyState === 'interactive'")
    assert holdt["bundle"] and holdt["beregner"]
    for r in holdt["beregner"]:
        r.continue_()
    page.unroute(re.compile(r"/assets/javascripts/beregner\.[0-9a-f]+\.js$"))
    page.wait_for_function("() => window.__kvhBeregnerScript === true")
    assert page.evaluate("typeof window.document$") == "undefined"  # the early copy ran first
    for r in holdt["bundle"]:
        r.continue_()
    regn_her_og_paa_naeste_side(page)


def test_page_without_calculator_fetches_no_python(page, base_url):
    page.goto(base_url)
    expect(page.locator("h1")).to_contain_text("Kvalitetshåndbogen")
    page.wait_for_load_state("networkidle")
    assert page.recorder.fetched("/assets/pyodide/") == []
    assert page.recorder.fetched("beregner-worker") == []


def test_a_date_without_rates_is_a_danish_message_next_to_the_date_field(page, base_url):
    page.goto(base_url + TABLET)
    felt(page, "strimler_hidtil").fill("0")
    felt(page, "strimler_ansoegt").fill("10")
    felt(page, "lancetter_hidtil").fill("0")
    felt(page, "lancetter_ansoegt").fill("10")
    felt(page, "dato").fill("2024-12-31")
    page.locator("[data-beregner=\"diabetes\"] button[type=submit]").click()
    fejl = page.locator('[data-beregner="diabetes"] [data-felt="dato"] [data-fejl]')
    expect(fejl).to_have_text("Beregneren har ikke de satser, der gælder den 31. december 2024. "
                              "Vælg en dato fra 1. januar 2025.", timeout=60_000)
    expect(page.locator("[data-beregner=\"diabetes\"] [data-resultat] .kvh-poster")).to_have_count(0)
