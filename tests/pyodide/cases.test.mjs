// The calculators' reference cases, run inside Pyodide under Node, loaded from
// the built site's self-hosted runtime (site/assets/pyodide): the same files,
// lock entry and wheel the browser gets. Expectations are checked with the same
// rules as tests/casecheck.py.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const indexURL = path.join(root, "site/assets/pyodide") + path.sep;
const cases = JSON.parse(readFileSync(path.join(root, "build/cases.json"), "utf8"));

let beregnJson;

before(async () => {
  assert.ok(existsSync(indexURL), "site/assets/pyodide is missing: build the site first (make site)");
  const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage("kvalitetshaandbogen", { messageCallback: () => {} });
  beregnJson = pyodide.pyimport("calculators").beregn_json;
});

function afvigelser(c, svar) {
  const f = c.forventet;
  const ud = [];
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
  for (const id of f.ikke_poster || []) if (id in poster) ud.push(`unexpected result item ${id}`);
  // Same naming as tests/casecheck.py: a standard's id, "bilag-N", or a document's file name.
  const nøgle = (t) => (t.standard ? t.standard.id : t.bilag ? `bilag-${t.bilag}` : t.dokument);
  const kilder = new Set(svar.forklaring.map((t) => `${nøgle(t)} ${t.linjer.join("-")}`));
  for (const [std, l] of f.kilder || []) if (!kilder.has(`${std} ${l.join("-")}`)) ud.push(`does not cite ${std} ${l}`);
  if (!svar.forklaring.length) ud.push("no explanation");
  return ud;
}

for (const c of cases) {
  test(`${c.beregner}: ${c.navn}`, () => {
    const input = { ...c.input };
    if (c.dato) input.dato = c.dato;
    const svar = JSON.parse(beregnJson(c.beregner, JSON.stringify(input)));
    assert.deepEqual(afvigelser(c, svar), []);
  });
}

test("there are reference cases to run", () => {
  assert.ok(cases.length >= 10);
});
