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

// Restore the snapshot `data` (its bytes as the build stored them, packed or whole, or a
// promise of them). Throws SnapshotFejl if it is not for this runtime and wheel, or does
// not restore.
//
// Pyodide does not wait for the bytes before it sets up: its memory is allocated at the
// size the build recorded, and the runtime files are fetched, compiled and linked while the
// snapshot still arrives. The bytes are written into that memory image as they come, and
// Pyodide's `fsInit` hook (it runs before Python starts, and Pyodide waits for it) holds the
// restore until they are in.
export async function fraSnapshot(loadPyodide, indexURL, data, filer) {
  const s = filer.snapshot;
  const grund = snapshotFejl(filer);
  if (grund) throw new SnapshotFejl(grund);
  const billede = new Uint8Array(s.raa);
  const fyldt = Promise.resolve(data).then((bytes) => udfyld(bytes, billede)).catch((fejl) => {
    billede.fill(0, 0, SIDE); // no snapshot's header: Pyodide refuses it at once
    throw fejl instanceof SnapshotFejl ? fejl : new SnapshotFejl(String(fejl));
  });
  fyldt.catch(() => {}); // awaited below
  let pyodide;
  try {
    pyodide = await loadPyodide({ indexURL, _loadSnapshot: billede, fsInit: () => fyldt.catch(() => {}) });
  } catch (fejl) {
    await fyldt; // bytes that were not a snapshot of this size say so
    throw new SnapshotFejl(`the snapshot did not restore: ${fejl}`);
  }
  await fyldt;
  if (pyodide.version !== s.pyodide) throw new SnapshotFejl(`the snapshot is for Pyodide ${s.pyodide}, not ${pyodide.version}`);
  const calculators = pyodide.pyimport("calculators");
  if (calculators._kvh_hjul !== s.hjul) throw new SnapshotFejl("the restored calculators are not the expected wheel");
  return pyodide;
}

// The snapshot as the build stores it: Pyodide's memory without its zero pages (about half
// of it is zeros, which would otherwise be unpacked, kept and read on every visit). Runs of
// non-zero 4 KiB pages: the mark "KVHS", the memory's length, the number of runs, each run's
// offset and length (32-bit little-endian), then the runs' bytes one after another.
const PAKKET = 0x5348564b; // "KVHS"
const SIDE = 4096;

export function pak(hel) {
  const løb = [];
  for (let start = 0; start < hel.length; start += SIDE) {
    const side = hel.subarray(start, Math.min(start + SIDE, hel.length));
    if (!side.some((b) => b !== 0)) continue;
    const sidste = løb[løb.length - 1];
    if (sidste && sidste[0] + sidste[1] === start) sidste[1] += side.length;
    else løb.push([start, side.length]);
  }
  const hoved = 12 + 8 * løb.length;
  const ud = new Uint8Array(hoved + løb.reduce((n, [, l]) => n + l, 0));
  const dv = new DataView(ud.buffer);
  dv.setUint32(0, PAKKET, true);
  dv.setUint32(4, hel.length, true);
  dv.setUint32(8, løb.length, true);
  let pos = hoved;
  løb.forEach(([start, længde], i) => {
    dv.setUint32(12 + 8 * i, start, true);
    dv.setUint32(16 + 8 * i, længde, true);
    ud.set(hel.subarray(start, start + længde), pos);
    pos += længde;
  });
  return ud;
}

// Write the snapshot `bytes` (packed, or whole as Pyodide made it) into `billede`, a
// zero-filled memory image of the recorded size. Throws SnapshotFejl if they do not fit it.
export function udfyld(bytes, billede) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || dv.getUint32(0, true) !== PAKKET) {
    if (bytes.length !== billede.length) {
      throw new SnapshotFejl(`the snapshot is ${bytes.length} bytes, not the ${billede.length} recorded`);
    }
    billede.set(bytes);
    return billede;
  }
  const længde = dv.getUint32(4, true);
  const antal = dv.getUint32(8, true);
  if (længde !== billede.length) throw new SnapshotFejl(`the snapshot is for ${længde} bytes of memory, not the ${billede.length} recorded`);
  let pos = 12 + 8 * antal;
  let forrige = 0;
  for (let i = 0; i < antal; i++) {
    const start = dv.getUint32(12 + 8 * i, true);
    const n = dv.getUint32(16 + 8 * i, true);
    if (start < forrige || start + n > længde || pos + n > bytes.length) throw new SnapshotFejl("the packed snapshot is damaged");
    billede.set(bytes.subarray(pos, pos + n), start);
    pos += n;
    forrige = start + n;
  }
  if (pos !== bytes.length) throw new SnapshotFejl("the packed snapshot is damaged");
  return billede;
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

// A callback for pakUd that calls `meld()` each time another 256 KiB has arrived: on a slow
// connection the page hears that data is still coming (its start bound waits for a stalled
// start, not a slow one).
export function hver256KiB(meld) {
  let meldt = 0;
  return (n) => {
    if (n - meldt >= 262144) {
      meldt = n;
      meld();
    }
  };
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
