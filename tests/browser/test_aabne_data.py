"""The open data published with the site matches its pages, and the JSON matches its own schema."""
import csv
import io
import json
import re
import urllib.request
from html import unescape

import jsonschema


def hent(url: str) -> str:
    with urllib.request.urlopen(url) as r:
        return r.read().decode("utf-8")


def test_json_is_valid_against_the_published_schema(base_url):
    data = json.loads(hent(base_url + "data/kvalitetsstandarder.json"))
    schema = json.loads(hent(base_url + "data/kvalitetsstandarder.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    fejl = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert fejl == []
    assert len(data["standarder"]) == 125 and data["satser"]


def test_every_standard_in_the_csv_and_json_is_the_page_at_its_url(base_url):
    data = {s["id"]: s for s in json.loads(hent(base_url + "data/kvalitetsstandarder.json"))["standarder"]}
    rows = list(csv.DictReader(io.StringIO(hent(base_url + "data/standarder.csv"))))
    assert [r["id"] for r in rows] == list(data)
    for r in rows[::6]:  # every sixth page: enough to catch a mismatch, quick to fetch
        html = hent(r["url"])
        h1 = unescape(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
        assert re.sub(r"<[^>]+>", "", h1).strip() == r["titel"] == data[r["id"]]["titel"]
        assert f"Kvalitetsstandard nr. {r['nummer']} " in unescape(re.sub(r"<[^>]+>", "", html))
        # The first line of the purpose, as the page shows it (Markdown list markers are not text).
        forste = data[r["id"]]["formaal"]["tekst"].strip().splitlines()[0]
        tekst = " ".join(re.sub(r"^(- |\d+\. )", "", forste).split())[:50]
        assert tekst in " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_rates_csv_has_every_dated_value_with_its_source(base_url):
    data = json.loads(hent(base_url + "data/kvalitetsstandarder.json"))["satser"]
    rows = list(csv.DictReader(io.StringIO(hent(base_url + "data/satser.csv"))))
    assert len(rows) == sum(len(s["vaerdier"]) for s in data.values())
    for r in rows:
        v = next(v for v in data[r["sats_id"]]["vaerdier"] if v["gyldig_fra"] == r["gyldig_fra"])
        assert r["vaerdi"] == ("" if v["vaerdi"] is None else str(v["vaerdi"]))
        assert r["kilde_citat"] and r["kilde_linje_fra"]
        assert bool(r["mangler"]) == (v["vaerdi"] is None)
