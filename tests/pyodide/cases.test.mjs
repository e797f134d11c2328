// The calculators' reference cases, run inside Pyodide under Node, loaded from
// the built site's self-hosted runtime: the same files, wheel and memory snapshot the
// browser gets, started by the same code (docs/assets/javascripts/beregner-python.mjs).
// Every case runs twice: from the build's snapshot and the normal way (the fallback).
// Expectations are checked with the same rules as tests/casecheck.py.
import { test, describe, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const js = path.join(root, "site/assets/javascripts");
const cases = JSON.parse(readFileSync(path.join(root, "build/cases.json"), "utf8"));

async function start(vej) {
  assert.ok(existsSync(path.join(js, "beregner-filer.mjs")), "the site is not built: build it first (make site)");
  const { default: filer } = await import(pathToFileURL(path.join(js, "beregner-filer.mjs")).href);
  const { fraSnapshot, udenSnapshot, pakUd } = await import(pathToFileURL(path.join(js, "beregner-python.mjs")).href);
  const indexURL = path.join(js, filer.runtime) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
  let pyodide;
  if (vej === "snapshot") {
    assert.ok(filer.snapshot, "the build made no snapshot (built with KVH_SNAPSHOT=nej?)");
    const data = await pakUd(new Response(readFileSync(path.join(js, filer.snapshot.url))));
    pyodide = await fraSnapshot(loadPyodide, indexURL, data, filer);
  } else {
    pyodide = await udenSnapshot(loadPyodide, indexURL, readFileSync(path.join(js, filer.hjul.url)));
  }
  return pyodide.pyimport("calculators").beregn_json;
}

// The rules of tests/casecheck.py and tests/konsistens.py, in JavaScript: keep the three in step.
const NØGLER = new Set(["ok", "fejl_felter", "poster", "vaerdier", "tekster", "ikke_poster", "kilder",
  "forklaring", "ikke_forklaring", "trin"]);
const TRIN_NØGLER = new Set(["kilde", "linjer", "sats", "fortolkning", "regel", "indeholder"]);
const MÅNEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
  "september", "oktober", "november", "december"];
const TAL = /(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?!\d)/;
const DATO = new RegExp(`(\\d{1,2})\\. (${MÅNEDER.join("|")}) (\\d{4})`);
const DATO_ALLE = new RegExp(DATO.source, "g");
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const ET = /^(et|ét|én|en)(?![\p{L}\d])/iu;
const KODER = { ja: ["ja"], nej: ["nej", "som hovedregel nej"], konkret_vurdering: ["kræver konkret vurdering"] };

function talITekst(tekst) {
  const uden = tekst.replace(DATO_ALLE, " ");
  const m = TAL.exec(uden);
  if (ET.test(uden) && !(m && m.index === 0)) return 1;
  return m ? Number(m[1].replaceAll(".", "").replace(",", ".")) : null;
}

function datoITekst(tekst) {
  const m = DATO.exec(tekst);
  if (!m) return null;
  const to = (n) => String(n).padStart(2, "0");
  return `${m[3]}-${to(MÅNEDER.indexOf(m[2]) + 1)}-${to(m[1])}`;
}

function domITekst(tekst) {
  const t = tekst.trim().toLowerCase();
  const ord = (re) => new RegExp(`^(${re})(?![\\p{L}\\d])`, "u").test(t);
  if (ord("nej|som hovedregel nej|ikke opfyldt|opfylder ikke") || /– ikke opfyldt\.?$/.test(t)) return false;
  if (ord("ja|opfyldt|opfylder") || /– opfyldt\.?$/.test(t)) return true;
  return null;
}

function rækkeAfvigelser(p) {
  const { tekst, vaerdi: v, id } = p;
  if (typeof tekst !== "string" || !tekst.trim()) return [`${id} has no text`];
  const fejl = [`${id}=${JSON.stringify(v)} but its text says ${JSON.stringify(tekst)}`];
  if (typeof v === "boolean") {
    const dom = domITekst(tekst);
    if (dom !== null && dom !== v) return fejl;
  } else if (typeof v === "number") {
    const tal = talITekst(tekst);
    if (tal === null || Math.abs(tal - v) > 0.005) return fejl;
  } else if (typeof v === "string" && ISO.test(v)) {
    if (datoITekst(tekst) !== v) return fejl;
  } else if (typeof v === "string" && v in KODER) {
    const t = tekst.trim().toLowerCase();
    if (!KODER[v].some((s) => t.startsWith(s))) return fejl;
  }
  return [];
}

function caseFejl(c) {
  const f = c.forventet;
  const ud = Object.keys(f).filter((k) => !NØGLER.has(k)).map((k) => `unknown key '${k}' in forventet`);
  if (typeof f.ok !== "boolean") ud.push(`ok must be true or false, not ${JSON.stringify(f.ok)}`);
  for (const [id, v] of Object.entries(f.poster || {}))
    if (!(v === null || typeof v === "boolean" || typeof v === "number"))
      ud.push(`poster.${id} must be a number, true, false or null, not ${JSON.stringify(v)}`);
  for (const t of f.trin || []) {
    for (const k of Object.keys(t)) if (!TRIN_NØGLER.has(k)) ud.push(`unknown key '${k}' in a trin`);
    if (!("kilde" in t) || !("linjer" in t)) ud.push("a trin needs kilde and linjer");
  }
  for (const [id, dele] of Object.entries(f.tekster || {}))
    if (!Array.isArray(dele) || !dele.every((d) => typeof d === "string")) ud.push(`tekster.${id} must be a list of strings`);
  return ud;
}

// Same naming as tests/casecheck.py: a standard's id, "bilag-N", or a document's file name.
const nøgle = (t) => (t.standard ? t.standard.id : t.bilag ? `bilag-${t.bilag}` : t.dokument);

function trinPasser(f, t) {
  if (nøgle(t) !== f.kilde || t.linjer.join("-") !== f.linjer.join("-")) return false;
  if ("sats" in f && (t.sats ? t.sats.id : null) !== f.sats) return false;
  if ("fortolkning" in f && (t.fortolkning ? t.fortolkning.id : null) !== f.fortolkning) return false;
  if ("regel" in f && t.regel !== f.regel) return false;
  return (f.indeholder || []).every((d) => t.tekst.includes(d));
}

function afvigelser(c, svar) {
  const f = c.forventet;
  const ud = caseFejl(c);
  if (ud.length) return ud;
  if (svar.ok !== f.ok) return [`ok=${svar.ok}, expected ${f.ok}: ${JSON.stringify(svar.fejl)}`];
  if (!f.ok) {
    const felter = svar.fejl.map((x) => x.felt).sort();
    if (JSON.stringify(felter) !== JSON.stringify([...f.fejl_felter].sort()))
      ud.push(`error fields ${felter}, expected ${f.fejl_felter}`);
    svar.fejl.forEach((x) => { if (!x.besked.trim()) ud.push(`empty message for ${x.felt}`); });
    return ud;
  }
  const poster = Object.fromEntries(svar.result.poster.map((p) => [p.id, p]));
  for (const [id, forventet] of Object.entries(f.poster || {})) {
    if (!(id in poster)) { ud.push(`missing result item ${id}`); continue; }
    const faktisk = poster[id].vaerdi;
    if (forventet === null || typeof forventet === "boolean") {
      if (faktisk !== forventet) ud.push(`${id}=${faktisk}, expected ${forventet}`);
    } else if (typeof faktisk !== "number" || Math.abs(faktisk - forventet) > 0.005) {
      ud.push(`${id}=${faktisk}, expected ${forventet}`);
    }
  }
  // Result items whose value is a text code (e.g. ansvar's kategori "1.2"), as in tests/casecheck.py.
  for (const [id, forventet] of Object.entries(f.vaerdier || {})) {
    if (!(id in poster)) ud.push(`missing result item ${id}`);
    else if (poster[id].vaerdi !== forventet) ud.push(`${id}=${poster[id].vaerdi}, expected ${forventet}`);
  }
  for (const [id, dele] of Object.entries(f.tekster || {})) {
    if (!(id in poster)) { ud.push(`missing result item ${id}`); continue; }
    for (const d of dele) if (!poster[id].tekst.includes(d)) ud.push(`${id} text ${JSON.stringify(poster[id].tekst)} does not say ${JSON.stringify(d)}`);
  }
  for (const id of f.ikke_poster || []) if (id in poster) ud.push(`unexpected result item ${id}`);
  const ider = svar.result.poster.map((p) => p.id);
  for (const id of new Set(ider)) if (ider.filter((x) => x === id).length > 1) ud.push(`result row ${id} appears twice`);
  for (const p of svar.result.poster) ud.push(...rækkeAfvigelser(p));
  const kilder = new Set(svar.forklaring.map((t) => `${nøgle(t)} ${t.linjer.join("-")}`));
  for (const [std, l] of f.kilder || []) if (!kilder.has(`${std} ${l.join("-")}`)) ud.push(`does not cite ${std} ${l}`);
  const tekster = svar.forklaring.map((t) => t.tekst);
  for (const d of f.forklaring || []) if (!tekster.some((t) => t.includes(d))) ud.push(`no step of the explanation says ${JSON.stringify(d)}`);
  for (const d of f.ikke_forklaring || []) if (tekster.some((t) => t.includes(d))) ud.push(`a step of the explanation says ${JSON.stringify(d)}`);
  for (const t of f.trin || []) if (!svar.forklaring.some((s) => trinPasser(t, s))) ud.push(`no step matches ${JSON.stringify(t)}`);
  if (!svar.forklaring.length) ud.push("no explanation");
  return ud;
}

for (const vej of ["snapshot", "normal"]) {
  describe(`started ${vej === "snapshot" ? "from the build's snapshot" : "the normal way"}`, () => {
    let beregnJson;
    before(async () => { beregnJson = await start(vej); });
    for (const c of cases) {
      test(`${c.beregner}: ${c.navn}`, () => {
        const input = { ...c.input };
        if (c.dato) input.dato = c.dato;
        const svar = JSON.parse(beregnJson(c.beregner, JSON.stringify(input)));
        assert.deepEqual(afvigelser(c, svar), []);
      });
    }
  });
}

test("there are reference cases to run", () => {
  assert.ok(cases.length >= 10);
});

// The checker itself catches what it should (a checker that accepts everything would pass every case).
test("the row rules catch a row whose text contradicts its value", () => {
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: 0, tekst: "1,00 kr." }).length, 1);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: 1250.5, tekst: "1.250,50 kr." }), []);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: 1, tekst: "Et års forbrug" }), []);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: false, tekst: "Ja – opfyldt" }).length, 1);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: false, tekst: "Borgerens score er 1 – ikke opfyldt" }), []);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: "2025-03-01", tekst: "1. marts 2025 (3 arbejdsdage)" }), []);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: "2025-03-02", tekst: "1. marts 2025" }).length, 1);
  assert.deepEqual(rækkeAfvigelser({ id: "x", vaerdi: "nej", tekst: "Ja – betingelserne er opfyldt" }).length, 1);
  assert.deepEqual(caseFejl({ forventet: { ok: 1 } }).length, 1);
});
