"""Content-hashed names for our own scripts and stylesheets, and every page pointed at them."""
import hashlib
import re

import pytest

from sitegen.hashnavne import HashnavnFejl, giv_hashnavne, navn_hash


def _site(tmp_path):
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/stylesheets").mkdir(parents=True)
    (tmp_path / "assets/javascripts/beregner.js").write_text("// beregner\n")
    (tmp_path / "assets/javascripts/beregner-python.mjs").write_text("// not listed\n")
    (tmp_path / "assets/stylesheets/haandbog.css").write_text("body {}\n")
    (tmp_path / "a/b").mkdir(parents=True)
    (tmp_path / "a/b/index.html").write_text(
        '<link rel="stylesheet" href="../../assets/stylesheets/haandbog.css">'
        '<script src="../../assets/javascripts/beregner.js" async data-start="ja"></script>'
        "<p>assets/javascripts/beregner.js is named in text, not loaded</p>"
        '<script src="../../assets/javascripts/beregner-python.mjs"></script>'
        '<script src="../../assets/javascripts/beregner.js"></script>')
    (tmp_path / "404.html").write_text(
        "<script src='https://kommune.example/haandbog/assets/javascripts/beregner.js'></script>"
        '<script src="assets/javascripts/beregner.js"></script>')
    return tmp_path


def test_files_get_their_content_hash_and_every_page_points_at_it(tmp_path):
    site = _site(tmp_path)
    h = hashlib.sha256(b"// beregner\n").hexdigest()
    nye = giv_hashnavne(site, ["assets/javascripts/beregner.js", "assets/stylesheets/haandbog.css"])

    js = nye["assets/javascripts/beregner.js"]
    assert re.fullmatch(r"assets/javascripts/beregner\.[0-9a-f]{10}\.js", js) and js.split(".")[1] in h
    assert (site / js).read_text() == "// beregner\n"
    assert not (site / "assets/javascripts/beregner.js").exists()
    css = nye["assets/stylesheets/haandbog.css"]
    assert (site / css).read_text() == "body {}\n"
    side = (site / "a/b/index.html").read_text()
    assert side.count(f'src="../../{js}"') == 2 and f'href="../../{css}"' in side
    assert "<p>assets/javascripts/beregner.js is named in text, not loaded</p>" in side
    assert 'src="../../assets/javascripts/beregner-python.mjs"' in side  # not listed: untouched
    fejlside = (site / "404.html").read_text()
    assert f"src='https://kommune.example/haandbog/{js}'" in fejlside and f'src="{js}"' in fejlside


def test_new_content_gets_a_new_name(tmp_path):
    a = giv_hashnavne(_site(tmp_path / "a"), ["assets/javascripts/beregner.js"])
    site_b = _site(tmp_path / "b")
    (site_b / "assets/javascripts/beregner.js").write_text("// beregner, new edition\n")
    b = giv_hashnavne(site_b, ["assets/javascripts/beregner.js"])
    assert a != b


def test_the_hash_always_holds_a_digit_so_the_service_worker_takes_it_for_one():
    # The service worker (sw.js, erHashet) takes a run of hex letters only with a digit in it.
    for i in range(2000):
        assert re.search(r"\d", navn_hash(str(i).encode()))
    assert all(re.fullmatch(r"[0-9a-f]{10}", navn_hash(bytes([i]))) for i in range(256))


def test_a_listed_file_missing_from_the_site_is_a_plain_error(tmp_path):
    with pytest.raises(HashnavnFejl, match="assets/javascripts/mangler.js er ikke i det byggede site"):
        giv_hashnavne(_site(tmp_path), ["assets/javascripts/mangler.js"])
