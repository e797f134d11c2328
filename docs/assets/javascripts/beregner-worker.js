// Web Worker that runs the calculators in Pyodide. Started once per visit, by
// beregner.js, as soon as a page with a calculator loads; it survives instant
// navigation. Everything is loaded from this site, never a CDN: the runtime, the
// wheel and the memory snapshot sit in content-hashed folders named by the build
// (beregner-filer.mjs).
//
// With the build's snapshot Python is ready in well under a second; without one (a
// preview, an old or broken snapshot) it starts the normal way and still answers.
import FILER from "./beregner-filer.mjs";
import { fraSnapshot, langsomForbindelse, udenSnapshot, pakUd, snapshotFejl } from "./beregner-python.mjs";

// When each step of the start was reached (ms since the page's navigation start is worked out
// by the page from timeOrigin): sent with "klar", shown by `make bench`.
const tider = {};
const tid = (navn) => { tider[navn] = performance.timeOrigin + performance.now(); };
tid("worker");
const url = (sti) => new URL(sti, import.meta.url).href;
const indexURL = url(FILER.runtime);
const snapshotURL = FILER.snapshot ? url(FILER.snapshot.url) : null;

// A runtime file that cannot be fetched (blocked, offline, removed) makes loadPyodide()
// wait forever rather than fail; report it at once so the page can say so. The snapshot
// is not reported: without it Python starts the normal way.
const ægteFetch = globalThis.fetch.bind(globalThis);
let startet = false;

// Pyodide asks for its runtime files only once pyodide.mjs has loaded and run; they are asked
// for now instead, alongside pyodide.mjs and the snapshot, so the WebAssembly (the longest
// part of a first start: it is compiled as it arrives) starts arriving sooner. Pyodide gets
// these answers when it asks (each once; a second start fetches anew). pyodide.asm.mjs is
// imported the same way: the worker's module map gives Pyodide the same module.
const forud = new Map();
for (const navn of ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) {
  const svar = ægteFetch(indexURL + navn);
  svar.catch(() => {}); // Pyodide's own request reports it
  forud.set(indexURL + navn, svar);
}
import(indexURL + "pyodide.asm.mjs").catch(() => {});

globalThis.fetch = async (...args) => {
  try {
    // Pyodide asks with a URL object, or a string.
    const adresse = args[0] instanceof Request || args[1]?.integrity ? null : String(args[0]);
    const tidlig = forud.get(adresse);
    if (tidlig) forud.delete(adresse);
    const svar = await (tidlig ?? ægteFetch(...args));
    if (!svar.ok && !startet) postMessage({ type: "startfejl", besked: `${svar.status} ${String(args[0])}` });
    return svar;
  } catch (fejl) {
    if (!startet) postMessage({ type: "startfejl", besked: String(fejl) });
    throw fejl;
  }
};

const fremskridt = (trin) => postMessage({ type: "fremskridt", trin });

// The unpacked snapshot is kept beside the service worker's files (in the same cache, so a
// new publish clears it): a second visit reads it instead of unpacking 31 MB again.
const CACHE = "kvh-hashede";
const udpakketURL = snapshotURL ? snapshotURL.replace(/\.gz$/, ".udpakket") : null;
let fraCache = false;

// Resolves once it is known that the snapshot is there (kept from a visit before, or the
// host answered 200), to { data: a promise of its bytes }: a missing snapshot is known
// before Pyodide starts, so the normal start does not fetch the runtime a second time.
async function åbnSnapshot() {
  const udpakket = await gemt(udpakketURL);
  if (udpakket) {
    fraCache = true;
    return { data: udpakket.arrayBuffer().then((b) => new Uint8Array(b)) };
  }
  // Over a slow connection the snapshot is used only if it is here already (the service
  // worker keeps it after a first calculation, for the next visit).
  const langsom = langsomForbindelse(navigator.connection);
  if (langsom && !(await gemt(snapshotURL))) throw new Error(langsom);
  const svar = await ægteFetch(snapshotURL);
  if (!svar.ok) throw new Error(`${svar.status} ${snapshotURL}`);
  // On a slow connection the page hears that data is still arriving (its start bound waits
  // for a stalled start, not a slow one): a message for every 256 KiB.
  let meldt = 0;
  return {
    data: pakUd(svar, (n) => {
      if (n - meldt >= 262144) {
        meldt = n;
        fremskridt("henter");
      }
    }),
  };
}

// A kept copy of `url` (in any of this site's caches), or undefined; a browser may refuse
// Cache Storage (a private window): then nothing is kept.
async function gemt(url) {
  try {
    return await caches.match(url);
  } catch {
    return undefined;
  }
}

function gemUdpakket(data) {
  caches.open(CACHE).then((c) => c.put(udpakketURL, new Response(data))).catch(() => {});
}

async function glemUdpakket() {
  try {
    await (await caches.open(CACHE)).delete(udpakketURL);
  } catch {
    // nothing kept
  }
}

async function hentHjul() {
  const svar = await fetch(url(FILER.hjul.url));
  if (!svar.ok) throw new Error(`${svar.status} ${FILER.hjul.url}`);
  return new Uint8Array(await svar.arrayBuffer());
}

async function start() {
  fremskridt("henter");
  // The snapshot download starts at once, alongside the import of Pyodide; Pyodide then
  // fetches and compiles its runtime files while the snapshot arrives.
  let grund = snapshotURL ? snapshotFejl(FILER) : "the build made no snapshot";
  const åbnet = grund ? null : åbnSnapshot();
  åbnet?.catch(() => {}); // a failure is handled below
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  tid("pyodide.mjs");
  let snapshot = null;
  if (åbnet) {
    try {
      snapshot = (await åbnet).data;
    } catch (fejl) {
      grund = String(fejl); // missing
    }
  }
  if (snapshot) {
    snapshot.then(() => { tid("snapshot"); fremskridt("starter"); }, () => {});
    try {
      const pyodide = await fraSnapshot(loadPyodide, indexURL, snapshot, FILER);
      if (!fraCache) snapshot.then(gemUdpakket);
      return { pyodide, måde: "snapshot" };
    } catch (fejl) {
      // For another Pyodide, or it did not restore: start the normal way.
      if (fraCache) await glemUdpakket(); // a broken copy is not used again
      grund = String(fejl);
    }
  }
  if (snapshotURL) postMessage({ type: "snapshotfejl", besked: grund });
  const hjul = hentHjul();
  hjul.catch(() => {});
  fremskridt("starter");
  const pyodide = await udenSnapshot(loadPyodide, indexURL, await hjul);
  return { pyodide, måde: "normal" };
}

const klar = start().then(({ pyodide, måde }) => {
  startet = true;
  tid("klar");
  postMessage({ type: "klar", måde, tider });
  return { beregnJson: pyodide.pyimport("calculators").beregn_json, pyodide };
});
klar.catch((fejl) => postMessage({ type: "startfejl", besked: String(fejl) }));

addEventListener("message", async (event) => {
  const { id, beregner, input, type } = event.data;
  if (type === "hukommelse") {
    // For `make bench`: how much memory Python has taken (the WebAssembly heap).
    const { pyodide } = await klar;
    postMessage({ type: "hukommelse", id, bytes: pyodide._module.HEAP8.length });
    return;
  }
  try {
    const { beregnJson } = await klar;
    const svar = JSON.parse(beregnJson(beregner, JSON.stringify(input)));
    postMessage({ type: "svar", id, svar });
  } catch (fejl) {
    postMessage({ type: "svar", id, svar: null, besked: String(fejl) });
  }
});
