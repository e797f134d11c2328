// Starting Python with the calculators, shared by the browser worker (beregner-worker.js),
// the build's snapshot maker (scripts/sitegen/snapshot.mjs) and the Node tests
// (tests/pyodide/), so all three run the same code.
//
// Two ways to start:
// - from the build's memory snapshot: Pyodide's memory as it was after importing the
//   calculators and reading their rates (≈ 0.6 s instead of several seconds). The
//   snapshot option of loadPyodide is underscored (experimental) in Pyodide, so the
//   snapshot is only used with the exact Pyodide version and wheel it was made with;
// - the normal way: loadPyodide(), then the calculators wheel is unpacked and imported.
//
// `filer` is the build's list (beregner-filer.mjs): where the runtime, the wheel and the
// snapshot are, and what the snapshot was made from.

// Imported before a snapshot is made, and checked after one is restored. Everything a
// calculation touches must be in memory then: files in Pyodide's file system are not part
// of a memory snapshot (the wheel's files are gone after a restore; its modules are not).
export const FORBERED = `
import sys, sysconfig, zipfile
zipfile.ZipFile("/tmp/beregnere.whl").extractall(sysconfig.get_paths()["purelib"])
import calculators
from calculators.katalog import indlaest
indlaest()  # the rates, read from the package's data file once and kept
for _id in calculators.BEREGNERE:  # every calculator once, so lazy imports happen now
    calculators.beregn(_id, {})
`;

export class SnapshotFejl extends Error {}

// Why the build's snapshot cannot be used with these files, or null if it can.
export function snapshotFejl(filer) {
  const s = filer.snapshot;
  if (!s) return "the build made no snapshot";
  if (s.hjul !== filer.hjul.sha256) return "the snapshot was made from another wheel";
  return null;
}

// On a first visit over a slow connection the normal start is faster than fetching the
// 6.4 MB snapshot: measured with Chromium's network emulation (README, "Hastighed og offline")
// the snapshot won at 10 Mbit/s and lost at 3 Mbit/s. Browsers' own estimate of the speed
// (navigator.connection.downlink) is coarse and unreliable before there is traffic, so only
// the reader's "save data" setting and a connection the browser rates 3G or slower count.
// Returns the reason to start the normal way, or null. `forbindelse` is navigator.connection
// (undefined in browsers without it: then the snapshot is used).
export function langsomForbindelse(forbindelse) {
  if (!forbindelse) return null;
  if (forbindelse.saveData) return "the reader asked to save data";
  if (["slow-2g", "2g", "3g"].includes(forbindelse.effectiveType)) {
    return `a ${forbindelse.effectiveType} connection: the normal start is faster than fetching the snapshot`;
  }
  return null;
}

// Restore the snapshot `data` (bytes, decompressed, or a promise of them: Pyodide fetches
// and compiles its runtime meanwhile). Throws SnapshotFejl if it is not for this runtime
// and wheel, or does not restore.
export async function fraSnapshot(loadPyodide, indexURL, data, filer) {
  const s = filer.snapshot;
  const grund = snapshotFejl(filer);
  if (grund) throw new SnapshotFejl(grund);
  let pyodide;
  try {
    pyodide = await loadPyodide({ indexURL, _loadSnapshot: data });
  } catch (fejl) {
    throw new SnapshotFejl(`the snapshot did not restore: ${fejl}`);
  }
  if (pyodide.version !== s.pyodide) throw new SnapshotFejl(`the snapshot is for Pyodide ${s.pyodide}, not ${pyodide.version}`);
  const calculators = pyodide.pyimport("calculators");
  if (calculators._kvh_hjul !== s.hjul) throw new SnapshotFejl("the restored calculators are not the expected wheel");
  return pyodide;
}

// Start the normal way, then install the calculators from the wheel's bytes.
export async function udenSnapshot(loadPyodide, indexURL, hjul, ekstra = {}) {
  const pyodide = await loadPyodide({ indexURL, ...ekstra });
  installer(pyodide, hjul);
  return pyodide;
}

export function installer(pyodide, hjul) {
  pyodide.FS.writeFile("/tmp/beregnere.whl", hjul);
  pyodide.runPython(FORBERED);
  pyodide.FS.unlink("/tmp/beregnere.whl");
}

// The gzip-compressed snapshot as bytes, unpacked while it downloads. A host that sends the
// .gz with Content-Encoding: gzip has the browser unpack it already: then it is used as it is.
// `ved(bytes)` hears how much has arrived so far.
export async function pakUd(svar, ved = () => {}) {
  let hentet = 0;
  const læser = svar.body.getReader();
  let start = new Uint8Array(0);
  let slut = false;
  while (start.length < 2 && !slut) { // the first two bytes say whether it is gzip
    const { done, value } = await læser.read();
    slut = done;
    if (value) {
      start = start.length ? new Uint8Array([...start, ...value]) : value;
      ved((hentet += value.length));
    }
  }
  const strøm = new ReadableStream({
    start(c) { if (start.length) c.enqueue(start); },
    async pull(c) {
      if (slut) return c.close();
      const { done, value } = await læser.read();
      if (done) return c.close();
      c.enqueue(value);
      ved((hentet += value.length));
    },
  });
  const gz = start[0] === 0x1f && start[1] === 0x8b;
  const ud = gz ? strøm.pipeThrough(new DecompressionStream("gzip")) : strøm;
  return new Uint8Array(await new Response(ud).arrayBuffer());
}
