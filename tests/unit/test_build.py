"""A build with a bad catalogue fails plainly and leaves the previous site intact."""
import hashlib
import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pagefind_indeks
from sitegen.pyodide_assets import laes_filer
from sitegen.scriptindlaesning import parserblokerende

ROOT = Path(__file__).resolve().parents[2]


def build(site: Path, catalogue: Path):
    env = {**os.environ, "KVH_CATALOGUE": str(catalogue)}
    return subprocess.run([sys.executable, "scripts/build_site.py", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_bad_catalogue_fails_with_file_line_and_keeps_the_old_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    kat = tmp_path / "catalogue"
    shutil.copytree(ROOT / "catalogue", kat)
    fil = kat / "standarder/hjaelpemidler/diabetesmaterialer-til-tabletbehandlede-diabetikere.yaml"
    fil.write_text(fil.read_text("utf-8").replace("titel_kilde: kilde", "titel_kilde: ukendt"), "utf-8")

    proc = build(site, kat)

    assert proc.returncode == 1
    assert f"{fil}:4: titel_kilde: 'ukendt' er ikke tilladt; brug en af: kilde, redaktionel" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert (site / "index.html").read_text() == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue", "site"]  # no half-built folder


def test_good_build_replaces_the_site_with_pages_and_self_hosted_pyodide(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old")
    proc = build(site, ROOT / "catalogue")
    assert proc.returncode == 0, proc.stderr
    assert not (site / "stale.html").exists()
    assert (site / "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/index.html").exists()
    # Pyodide, the wheel and the snapshot sit in folders named by their content's hash, and
    # the worker's list (beregner-filer.mjs) points at them.
    liste = laes_filer(site / "assets/javascripts/beregner-filer.mjs")
    js = site / "assets/javascripts"
    runtime = (js / liste["runtime"]).resolve()
    for navn in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (runtime / navn).read_bytes() == (ROOT / "node_modules/pyodide" / navn).read_bytes(), navn
    hjul = (js / liste["hjul"]["url"]).resolve()
    assert hjul.name.startswith("kvalitetshaandbogen-") and hjul.suffix == ".whl"
    assert hashlib.sha256(hjul.read_bytes()).hexdigest() == liste["hjul"]["sha256"]
    assert hjul.parent.name == liste["hjul"]["sha256"][:16]
    snapshot = (js / liste["snapshot"]["url"]).resolve()
    assert snapshot.read_bytes()[:2] == b"\x1f\x8b"  # served gzip-compressed from any host
    assert liste["snapshot"]["hjul"] == liste["hjul"]["sha256"]
    # The snapshot is stored without its zero pages: packed, it is well under the memory it fills.
    import gzip
    pakket = gzip.decompress(snapshot.read_bytes())
    assert pakket[:4] == b"KVHS" and len(pakket) < liste["snapshot"]["raa"] * 0.75
    # The worker runs from a content-hashed copy (its own list of files pointing at the same
    # runtime), which beregner.js starts.
    [beregner_js] = js.glob("beregner.*.js")
    beregner = beregner_js.read_text("utf-8")
    worker = (js / re.search(r'const WORKER = "([^"]+)";', beregner).group(1)).resolve()
    assert worker.name == "beregner-worker.js" and worker.parent.parent == runtime.parent
    assert sorted(p.name for p in worker.parent.iterdir()) == [
        "beregner-filer.mjs", "beregner-python.mjs", "beregner-snapshot.js", "beregner-worker.js"]
    for navn in ("beregner-python.mjs", "beregner-snapshot.js"):
        assert (worker.parent / navn).read_bytes() == (ROOT / "docs/assets/javascripts" / navn).read_bytes(), navn
    kopiliste = laes_filer(worker.parent / "beregner-filer.mjs")
    # The worker's copy is one file: its list and beregner-python.mjs's functions written in.
    kode = worker.read_text("utf-8")
    assert 'from "./beregner-' not in kode and "const FILER = " + json.dumps(kopiliste, indent=2) + ";" in kode
    assert "async function fraSnapshot(" in kode and "function udfyld(" in kode
    assert (worker.parent / kopiliste["runtime"]).resolve() == runtime
    assert (worker.parent / kopiliste["snapshot"]["url"]).resolve() == snapshot
    assert (worker.parent / kopiliste["hjul"]["url"]).resolve() == hjul
    assert sorted(p.name for p in (site / "assets/pyodide").iterdir()) == sorted(
        {runtime.name, hjul.parent.name, snapshot.parent.name, worker.parent.name})
    # Our own scripts and stylesheets have content-hashed names (the service worker answers them
    # from its cache), every page refers to those, and none is left under its plain name.
    h = beregner_js.name.split(".")[1]
    assert re.fullmatch(r"[0-9a-f]{10}", h) and h in hashlib.sha256(beregner_js.read_bytes()).hexdigest()
    for navn in ("javascripts/beregner.js", "javascripts/offline.js", "javascripts/soeg.js", "stylesheets/haandbog.css"):
        assert not (site / "assets" / navn).exists(), navn
    tablet = (site / "standarder/diabetesmaterialer-til-tabletbehandlede-diabetikere/index.html").read_text("utf-8")
    scripts = re.findall(r'<script src="([^"]+)"([^>]*)>', tablet)
    assert [s for s, _ in scripts].count(f"../../assets/javascripts/{beregner_js.name}") == 2  # <head> and <body>
    assert ("../../assets/javascripts/" + beregner_js.name, ' async fetchpriority="high" data-start="ja"') in scripts
    # The parser waits for no script file (the meta policy stops Chromium's preload scanner, so
    # such files were fetched one after another): Material's bundle, then ours, in that order.
    slut = [s.rsplit("/", 1)[1].split(".")[0] for s, a in scripts if a == " defer"]
    assert slut == ["bundle", "offline", "beregner", "filter", "tabeller", "udskrift", "soeg", "datoskift"], slut
    for html in site.rglob("*.html"):
        tekst = html.read_text("utf-8")
        assert not re.search(r'(src|href)="[^"]*assets/(javascripts/\w+\.js|stylesheets/haandbog\.css)"', tekst), html
        assert not [a for a in re.findall(r"<script\b([^>]*)>", tekst) if parserblokerende(a)], html
    # No page refers to a CDN or any other host.
    for html in site.rglob("*.html"):
        tekst = html.read_text("utf-8")
        assert "cdn.jsdelivr" not in tekst and "fonts.googleapis" not in tekst, html
    # Markdown that an extension should have rendered is never left as text on a page.
    for html in site.rglob("*.html"):
        tekst = html.read_text("utf-8")
        assert "??? info" not in tekst and "!!! note" not in tekst and "{ .kvh-meta }" not in tekst, html
    rettelser = (site / "bilag/bilag-1/index.html").read_text("utf-8")
    assert "<details" in rettelser and "Rettelser af kildeteksten" in rettelser
    # Search (Pagefind) indexes the handbook's text, not the calculators (the same on many
    # pages, so they would outrank the standard a word belongs to) nor where the text comes
    # from; each page carries its kind, number, area and editorial search words.
    fragmenter = pagefind_indeks.fragmenter(site)
    tekst_i_indeks = " ".join(f["content"] for f in fragmenter.values())
    assert "Hvilken hjemmehjælp får borgeren?" not in tekst_i_indeks and "Beregner:" not in tekst_i_indeks
    assert "Rettelser af kildeteksten" not in tekst_i_indeks and "i kildeteksten, gengivet ordret" not in tekst_i_indeks
    assert "/standarder/forebyggende-hjemmebesoeg/" in fragmenter
    rollator = fragmenter["/standarder/rollatorer-og-gangbukke/"]["meta"]
    assert (rollator["type"], rollator["nummer"], rollator["title"]) == ("Standard", "67", "Rollatorer og gangbukke")
    assert rollator["omraade"] == "Hjælpemiddelområdet"
    assert "hjemmehjælp" in fragmenter["/omraader/personlig-og-praktisk-hjaelp/"]["meta"]["soegeord"].split()
    assert not {"/", "/standarder/", "/om/udskrift/", "/404.html"} & set(fragmenter), "lists of pages are not results"
    ordliste = json.loads((site / "assets/soeg/ordliste.json").read_text("utf-8"))
    assert ordliste["ord"]["rollator"] >= 1 and "til" in ordliste["stopord"]
