// Web Worker that runs the calculators in Pyodide. Started once per visit, by
// beregner.js, as soon as a page with a calculator loads; it survives instant
// navigation. Everything is loaded from this site, never a CDN: the runtime, the
// wheel and the memory snapshot sit in content-hashed folders named by the build
// (beregner-filer.mjs), and so does this worker (a copy beside them, which beregner.js starts).
//
// With the build's snapshot Python is ready in well under a second; without one (a
// preview, an old or broken snapshot) it starts the normal way and still answers.
// Everything of a start that can overlap does: the WebAssembly is compiled while it
// arrives, a helper worker downloads and unpacks the snapshot (beregner-snapshot.js), and
// Pyodide sets up its module while the snapshot is still on its way (fraSnapshot).
// The build writes these two modules into the worker's copy (one file: its downloads start
// a round trip sooner; scripts/sitegen/pyodide_assets.py, _en_fil): keep the two lines as they are.
import FILER from "./beregner-filer.mjs";
import { fraSnapshot, hver256KiB, langsomForbindelse, udenSnapshot, pakUd, snapshotFejl } from "./beregner-python.mjs";

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
const netFetch = globalThis.fetch.bind(globalThis);
// The runtime's files are content-hashed: one the service worker has kept (a repeat visit) is
// read from its cache here, the same answer it would give, without passing 25 MB through it.
const ægteFetch = async (adresse, ...rest) => (await gemt(String(adresse))) ?? netFetch(adresse, ...rest);
let startet = false;

// Pyodide asks for its runtime files only once pyodide.mjs has loaded and run; they are asked
// for now instead, alongside pyodide.mjs and the snapshot. Pyodide gets these answers when
// it asks (each once; a second start fetches anew). pyodide.asm.mjs is imported the same way:
// the worker's module map gives Pyodide the same module.
const forud = new Map();
for (const navn of ["python_stdlib.zip", "pyodide-lock.json"]) {
  const svar = ægteFetch(indexURL + navn);
  svar.catch(() => {}); // Pyodide's own request reports it
  forud.set(indexURL + navn, svar);
}
import(indexURL + "pyodide.asm.mjs").catch(() => {});

// The WebAssembly (9.6 MB, the longest part of a first start) is compiled as it arrives,
// from now: Pyodide would only start compiling it once the snapshot is in. Pyodide's own
// requests for it (one per start; the normal start after a failed restore makes a second)
// are answered with a stand-in, and its instantiateStreaming() of the stand-in instantiates
// this compiled module instead; any other call is left as it is.
const wasmURL = indexURL + "pyodide.asm.wasm";
const wasmSvar = ægteFetch(wasmURL);
const wasmModul = wasmSvar.then((svar) => (svar.ok ? WebAssembly.compileStreaming(svar) : null));
const stedfortræder = new Response(new Uint8Array(0));
wasmModul.then(() => tid("wasm"), (fejl) => {
  // Pyodide would wait for it for ever (it only logs a failed instantiation).
  if (!startet) postMessage({ type: "startfejl", besked: `WebAssembly: ${fejl}` });
});
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (kilde, imports) => {
  if ((await kilde) !== stedfortræder) return instantiateStreaming(kilde, imports);
  const module = await wasmModul;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

globalThis.fetch = async (...args) => {
  try {
    // Pyodide asks with a URL object, or a string.
    const adresse = args[0] instanceof Request || args[1]?.integrity ? null : String(args[0]);
    let tidlig = forud.get(adresse);
    if (tidlig) forud.delete(adresse);
    if (adresse === wasmURL) tidlig = wasmSvar.then((svar) => (svar.ok ? stedfortræder : svar));
    const svar = await (tidlig ?? ægteFetch(...args));
    if (!svar.ok && !startet) postMessage({ type: "startfejl", besked: `${svar.status} ${String(args[0])}` });
    return svar;
  } catch (fejl) {
    if (!startet) postMessage({ type: "startfejl", besked: String(fejl) });
    throw fejl;
  }
};

const fremskridt = (trin) => postMessage({ type: "fremskridt", trin });

// The unpacked snapshot (still without its zero pages, 15 MB) is kept beside the service
// worker's files (in the same cache, so a publish with another snapshot clears it; sw.js,
// udpakketAf, knows this name): a second visit reads it instead of unpacking it again.
const CACHE = "kvh-hashede";
const udpakketURL = snapshotURL ? snapshotURL.replace(/\.gz$/, ".udpakket") : null;
let fraCache = false;

// Resolves once it is known that the snapshot is there (kept from a visit before, or the
// host answered 200), to { data: a promise of its bytes }: a missing snapshot is known
// before Pyodide starts, so the normal start does not fetch the runtime a second time.
async function åbnSnapshot() {
  if (await gemt(udpakketURL)) {
    fraCache = true;
    return { data: senereHåndteret(læsGemt(udpakketURL)) };
  }
  // Over a slow connection the snapshot is used only if it is here already (the service
  // worker keeps it after a first calculation, for the next visit).
  const langsom = langsomForbindelse(navigator.connection);
  if (langsom && !(await gemt(snapshotURL))) throw new Error(langsom);
  const svar = await ægteFetch(snapshotURL, { priority: "high" });
  if (!svar.ok) throw new Error(`${svar.status} ${snapshotURL}`);
  return { data: senereHåndteret(pakUdSnapshot(svar)) };
}

// The snapshot's bytes can fail (a helper that does not load, a download cut off) before start()
// has imported pyodide.mjs and begun to wait for them; start() handles that, but a promise that
// fails with no handler yet would be reported in the console as an unhandled error.
function senereHåndteret(løfte) {
  løfte.catch(() => {});
  return løfte;
}

// The snapshot's bytes, unpacked. Unpacking takes a tenth of a second of CPU, so a helper
// worker (beregner-snapshot.js) does it on a thread of its own, and this one is free to
// compile and link the runtime meanwhile; the download itself starts here, without waiting
// for the helper to load, and its body is handed over as it arrives. A browser that cannot
// start a worker from a worker, or hand over a stream, unpacks it here.
function pakUdSnapshot(svar) {
  const iTråden = () => pakUd(svar, hver256KiB(() => fremskridt("henter")));
  return iHjælper({ krop: svar.body }, [svar.body]) ?? iTråden();
}

// The unpacked copy kept by a visit before (15 MB), as the helper read it: it starts reading as
// soon as it runs (it has the copy's address for a name). Reading it here would wait for this
// thread, busy with the runtime, and take its time from it.
function læsGemt(url) {
  const iTråden = async () => new Uint8Array(await (await gemt(url)).arrayBuffer());
  if (!gemtFraHjælper) return iTråden();
  const hjælper = forberedt;
  forberedt = null; // given its task
  return gemtFraHjælper.finally(() => hjælper?.terminate()).catch(iTråden);
}

const nyHjælper = (navn = "") => new Worker(new URL("./beregner-snapshot.js", import.meta.url), { type: "module", name: navn });
// With a snapshot to get, the helper is started at once: it loads, and reads the copy a visit
// before kept, while this worker looks up and asks for the snapshot. (One not given a task is
// stopped once Python has started.)
let forberedt = null; // the helper started at once, until it is given its task
let forberedtFejl = null; // why it did not load, if it did not (before it had a task)
let gemtFraHjælper = null; // a promise of the kept copy's bytes, as the helper read them
if (snapshotURL) {
  try {
    forberedt = nyHjælper(udpakketURL);
    gemtFraHjælper = new Promise((ok, nej) => {
      forberedt.addEventListener("message", ({ data: m }) => {
        if (m.type === "gemt") ok(m.bytes);
        else if (m.type === "ikke-gemt") nej(new Error(m.besked));
      });
      forberedt.addEventListener("error", (e) => {
        e.preventDefault();
        forberedtFejl = e.message || "the snapshot's helper worker did not start";
        nej(new Error(forberedtFejl));
      });
    });
    gemtFraHjælper.catch(() => {}); // no kept copy: the snapshot is downloaded
  } catch {
    // no worker from a worker here: the snapshot is read on this thread
  }
}

// Gives the helper `opgave` and resolves to the bytes it answers with, or returns null if it
// cannot be given one (nothing has been handed over then).
function iHjælper(opgave, overfør = []) {
  let hjælper;
  let fejlet = null;
  try {
    if (forberedt) {
      [hjælper, fejlet, forberedt] = [forberedt, forberedtFejl, null];
    } else {
      hjælper = nyHjælper();
    }
    hjælper.postMessage(opgave, overfør);
  } catch {
    hjælper?.terminate();
    return null;
  }
  return new Promise((ok, nej) => {
    const slut = () => hjælper.terminate();
    if (fejlet) {
      slut();
      nej(new Error(fejlet));
      return;
    }
    hjælper.addEventListener("message", ({ data: m }) => {
      if (m.type === "henter") fremskridt("henter");
      else if (m.type === "data") { slut(); ok(m.bytes); }
      else if (m.type === "fejl") { slut(); nej(new Error(m.besked)); }
    });
    hjælper.addEventListener("error", (e) => {
      e.preventDefault();
      slut();
      nej(new Error(e.message || "the snapshot's helper worker did not start"));
    });
  });
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

const klar = start().finally(() => forberedt?.terminate()).then(({ pyodide, måde }) => {
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
