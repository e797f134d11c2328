// Web Worker that runs the calculators in Pyodide. Started once per visit, by
// beregner.js, only on pages that have a calculator; it survives instant
// navigation. Everything is loaded from this site (../pyodide/), never a CDN.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;

// A runtime file that cannot be fetched (blocked, offline, removed) makes loadPyodide()
// wait forever rather than fail; report it at once so the page can say so.
const ægteFetch = globalThis.fetch.bind(globalThis);
let startet = false;
globalThis.fetch = async (...args) => {
  try {
    const svar = await ægteFetch(...args);
    if (!svar.ok && !startet) postMessage({ type: "startfejl", besked: `${svar.status} ${String(args[0])}` });
    return svar;
  } catch (fejl) {
    if (!startet) postMessage({ type: "startfejl", besked: String(fejl) });
    throw fejl;
  }
};

const klar = (async () => {
  const pyodide = await loadPyodide({ indexURL });
  await pyodide.loadPackage("kvalitetshaandbogen", { messageCallback: () => {} });
  const calculators = pyodide.pyimport("calculators");
  return calculators.beregn_json;
})();

klar.then(
  () => {
    startet = true;
    postMessage({ type: "klar" });
  },
  (fejl) => postMessage({ type: "startfejl", besked: String(fejl) }),
);

addEventListener("message", async (event) => {
  const { id, beregner, input } = event.data;
  try {
    const beregnJson = await klar;
    const svar = JSON.parse(beregnJson(beregner, JSON.stringify(input)));
    postMessage({ type: "svar", id, svar });
  } catch (fejl) {
    postMessage({ type: "svar", id, svar: null, besked: String(fejl) });
  }
});
