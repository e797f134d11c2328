"""No script file holds up a page's parser: each gets `defer` (scripts/sitegen/scriptindlaesning.py)."""
import re

from sitegen.scriptindlaesning import parserblokerende, udsaet_scripts

# The end of a page as Material and mkdocs.yml's extra_javascript write it, and the calculator
# page's early copy of beregner.js in <head>.
SIDE = (
    '<head><script src="../../assets/javascripts/beregner.js" async fetchpriority="high" data-start="ja"></script>'
    '<script>__md_scope=new URL("../..",location)</script></head><body><p>defer async</p>'
    '<script id="__config" type="application/json">{"features": []}</script>'
    '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    '<script src="../../assets/javascripts/offline.js"></script>'
    '<script src="../../assets/javascripts/beregner.js"></script>'
    '<script type="module" src="../../assets/javascripts/soeg-forstaaelse.mjs"></script>'
    "</body>")


def test_every_script_file_at_the_end_of_the_body_is_deferred_in_its_order():
    ud = udsaet_scripts(SIDE)
    assert re.findall(r'<script src="[^"]*/(\w+)[^"]*" defer>', ud) == ["bundle", "offline", "beregner"]
    # Nothing else changed: the head's async copy, inline scripts, data, the module, the text.
    assert ud.replace(" defer>", ">") == SIDE
    assert '<script src="../../assets/javascripts/beregner.js" async fetchpriority="high" data-start="ja">' in ud
    assert '<script type="module" src="../../assets/javascripts/soeg-forstaaelse.mjs">' in ud
    assert udsaet_scripts(ud) == ud  # deferring twice changes nothing


def test_only_attribute_names_count_not_values_or_addresses():
    assert parserblokerende(' src="js/defer.js"')
    assert parserblokerende(' data-hvornaar="async" src="x.js"')
    assert parserblokerende(" src=x.js")
    assert parserblokerende(' SRC="x.js" TYPE="text/javascript"')
    assert not parserblokerende(' src="x.js" ASYNC')
    assert not parserblokerende(" src='x.js' defer")


def test_inline_scripts_modules_and_data_are_not_files_the_parser_waits_for():
    assert not parserblokerende("")
    assert not parserblokerende(' id="__config" type="application/json"')
    assert not parserblokerende(' type="module" src="x.mjs"')
    assert not parserblokerende(' type="text/plain" src="x.txt"')
