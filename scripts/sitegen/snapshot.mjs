// Makes the calculators' memory snapshot at build time (called by scripts/sitegen/snapshot.py).
//
//   node snapshot.mjs <runtime folder> <wheel> <wheel sha256> <out .gz>
//
// Starts Pyodide from the site's own runtime files with the snapshot option, installs and
// imports the calculators the same way the browser's fallback does (beregner-python.mjs),
// marks them with the wheel's hash, and writes Pyodide's memory without its zero pages
// (`pak`, read back by `udfyld`), gzip-compressed. Prints
// one line of JSON: the Pyodide version and the raw and compressed sizes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync, constants } from "node:zlib";

const [runtime, hjulSti, hjulSha, ud] = process.argv.slice(2);
const her = path.dirname(fileURLToPath(import.meta.url));
const fælles = path.join(her, "..", "..", "docs", "assets", "javascripts", "beregner-python.mjs");
const { installer, pak } = await import(pathToFileURL(fælles).href);

const indexURL = path.resolve(runtime) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
installer(pyodide, readFileSync(hjulSti));
pyodide.runPython(`import calculators; calculators._kvh_hjul = ${JSON.stringify(hjulSha)}; del calculators`);
const rå = pyodide.makeMemorySnapshot();
const gz = gzipSync(pak(rå), { level: constants.Z_BEST_COMPRESSION });
writeFileSync(ud, gz);
console.log(JSON.stringify({ pyodide: pyodide.version, raa: rå.length, gzip: gz.length }));
