"""The calculators' copy of the rates (calculators/data/katalog.json) matches the catalogue."""
import json

from sitegen.catalogue import indlaes_katalog
from sitegen.export import KATALOG_JSON, katalog_data


def test_exported_rates_are_current():
    forventet = json.loads(json.dumps(katalog_data(indlaes_katalog())))
    assert json.loads(KATALOG_JSON.read_text("utf-8")) == forventet, (
        "calculators/data/katalog.json is out of date: run `make site` (or `make check`) and commit it")


def test_every_rate_value_has_a_source_and_missing_values_say_why():
    for sats_id, sats in indlaes_katalog().satser.items():
        for v in sats["vaerdier"]:
            assert v["kilde"]["linjer"][0] <= v["kilde"]["linjer"][1], sats_id
            assert v["vaerdi"] is not None or v["mangler"], sats_id
