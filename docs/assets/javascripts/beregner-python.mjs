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
// snapshot still arrives. Pyodide's `fsInit` hook (it runs before Python starts, and Pyodide
// waits for it) holds the restore until they are in.
//
// A packed snapshot's pages are written straight into Pyodide's memory (skrivDirekte), not
// unpacked into a 31 MB image that Pyodide then copies: the worker holds about 29 MB less
// while it starts (measured in Node), and the restore itself is no slower (in Node: 6 ms to
// write the 15 MB and 9 ms to check the zero pages, against 7 ms to unpack and 16 ms to copy
// the image). Pyodide reads the snapshot's header from `billede` and copies its memory part,
// `billede.subarray(start of memory)`, into its memory (API.restoreSnapshot in Pyodide
// 314.0.7); that one call is answered by writing the pages and handing back nothing to copy.
// If Pyodide did not make that call, the restore is refused (the worker then starts the
// normal way), so a Pyodide that reads snapshots otherwise can never run on a half-written
// memory; tests/pyodide/ restores the build's snapshot and runs every reference case on it.
export async function fraSnapshot(loadPyodide, indexURL, data, filer) {
  const s = filer.snapshot;
  const grund = snapshotFejl(filer);
  if (grund) throw new SnapshotFejl(grund);
  const billede = new Uint8Array(s.raa);
  let direkte = null; // the packed pages, once they are in (null for a whole snapshot)
  const fyldt = Promise.resolve(data).then((bytes) => {
    direkte = erPakket(bytes) ? forberedDirekte(bytes, billede) : null;
    if (!direkte) udfyld(bytes, billede);
  }).catch((fejl) => {
    billede.fill(0, 0, SIDE); // no snapshot's header: Pyodide refuses it at once
    throw fejl instanceof SnapshotFejl ? fejl : new SnapshotFejl(String(fejl));
  });
  fyldt.catch(() => {}); // awaited below
  const hukommelse = fangHukommelse();
  const delAf = Uint8Array.prototype.subarray;
  billede.subarray = function (start, slut) {
    if (direkte && !direkte.skrevet && start === direkte.hukommelsesstart && slut === undefined) {
      direkte.skrevet = true;
      if (hukommelse.memory && skrivDirekte(direkte, new Uint8Array(hukommelse.memory.buffer), hukommelse.brugt())) return new Uint8Array(0);
      udfyld(direkte.bytes, billede); // no memory to write into: Pyodide copies the whole image
    }
    return delAf.call(this, start, slut);
  };
  let pyodide;
  try {
    pyodide = await loadPyodide({ indexURL, _loadSnapshot: billede, fsInit: () => fyldt.catch(() => {}) });
  } catch (fejl) {
    await fyldt; // bytes that were not a snapshot of this size say so
    throw new SnapshotFejl(`the snapshot did not restore: ${fejl}`);
  } finally {
    hukommelse.slip();
  }
  await fyldt;
  if (direkte && !direkte.skrevet) throw new SnapshotFejl("Pyodide did not read the snapshot's memory the way this code writes it");
  if (pyodide.version !== s.pyodide) throw new SnapshotFejl(`the snapshot is for Pyodide ${s.pyodide}, not ${pyodide.version}`);
  const calculators = pyodide.pyimport("calculators");
  if (calculators._kvh_hjul !== s.hjul) throw new SnapshotFejl("the restored calculators are not the expected wheel");
  return pyodide;
}

// Pyodide's WebAssembly memory, caught as its module is instantiated (`memory` is set once it
// is; `slip()` puts WebAssembly's functions back). `brugt()` is where its C heap ends (the
// module's own `sbrk(0)`): its start has written nothing above that; without `sbrk` the
// whole memory counts.
function fangHukommelse() {
  const fanget = {
    memory: null,
    sbrk: null,
    brugt() {
      const slut = fanget.sbrk ? fanget.sbrk(0) >>> 0 : 0;
      return slut > 0 ? slut : Infinity;
    },
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  const husk = (svar) => {
    const instans = svar instanceof WebAssembly.Instance ? svar : svar?.instance;
    const memory = instans?.exports?.memory;
    if (!fanget.memory && memory instanceof WebAssembly.Memory) {
      fanget.memory = memory;
      if (typeof instans.exports.sbrk === "function") fanget.sbrk = instans.exports.sbrk;
    }
    return svar;
  };
  WebAssembly.instantiate = async (...args) => husk(await instantiate.apply(WebAssembly, args));
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = async (...args) => husk(await instantiateStreaming.apply(WebAssembly, args));
  }
  fanget.slip = () => {
    WebAssembly.instantiate = instantiate;
    if (instantiateStreaming) WebAssembly.instantiateStreaming = instantiateStreaming;
  };
  return fanget;
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

const erPakket = (bytes) => bytes.length >= 12 && new DataView(bytes.buffer, bytes.byteOffset, 12).getUint32(0, true) === PAKKET;

// The runs of a packed snapshot, checked: [where in the memory image, how many bytes, where
// in `bytes`]. Throws SnapshotFejl if they do not fit an image of `længde` bytes.
function løbI(bytes, længde) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(4, true) !== længde) {
    throw new SnapshotFejl(`the snapshot is for ${dv.getUint32(4, true)} bytes of memory, not the ${længde} recorded`);
  }
  const antal = dv.getUint32(8, true);
  if (12 + 8 * antal > bytes.length) throw new SnapshotFejl("the packed snapshot is damaged");
  const løb = [];
  let pos = 12 + 8 * antal;
  let forrige = 0;
  for (let i = 0; i < antal; i++) {
    const start = dv.getUint32(12 + 8 * i, true);
    const n = dv.getUint32(16 + 8 * i, true);
    if (start < forrige || start + n > længde || pos + n > bytes.length) throw new SnapshotFejl("the packed snapshot is damaged");
    løb.push([start, n, pos]);
    pos += n;
    forrige = start + n;
  }
  if (pos !== bytes.length) throw new SnapshotFejl("the packed snapshot is damaged");
  return løb;
}

// Write the snapshot `bytes` (packed, or whole as Pyodide made it) into `billede`, a
// zero-filled memory image of the recorded size. Throws SnapshotFejl if they do not fit it.
export function udfyld(bytes, billede) {
  if (!erPakket(bytes)) {
    if (bytes.length !== billede.length) {
      throw new SnapshotFejl(`the snapshot is ${bytes.length} bytes, not the ${billede.length} recorded`);
    }
    billede.set(bytes);
    return billede;
  }
  for (const [start, n, pos] of løbI(bytes, billede.length)) billede.set(bytes.subarray(pos, pos + n), start);
  return billede;
}

// Get a packed snapshot ready to be written straight into Pyodide's memory: its header (the
// image's bytes before the memory part, which starts where the header's second word says)
// goes into `billede`, where Pyodide reads it; the rest waits for skrivDirekte.
export function forberedDirekte(bytes, billede) {
  const løb = løbI(bytes, billede.length);
  const [start, n, pos] = løb[0] ?? [];
  if (start !== 0 || n < 8) throw new SnapshotFejl("the packed snapshot has no header");
  const hukommelsesstart = new DataView(bytes.buffer, bytes.byteOffset + pos + 4, 4).getUint32(0, true);
  if (hukommelsesstart > billede.length) throw new SnapshotFejl("the packed snapshot's header is damaged");
  for (const [s, m, p] of løb) {
    if (s >= hukommelsesstart) break;
    billede.set(bytes.subarray(p, p + Math.min(m, hukommelsesstart - s)), s);
  }
  return { bytes, løb, hukommelsesstart, længde: billede.length, skrevet: false };
}

// Write the memory part of a packed snapshot (from forberedDirekte) into `heap`, Pyodide's
// fresh memory, as Pyodide's own copy would leave it: the non-zero pages are written; the
// zero pages are zero in fresh memory already, except where Pyodide's start wrote before the
// restore (its static data, stack and first allocations, all below `brugt`, the end of its
// C heap): those are found and cleared. Above `brugt` nothing has been written, so the
// zero pages there are not read: 5 of the 16 MB of zero pages, about 5 ms of a cold start
// in Node (the write went from 24 to 18 ms in a profile).
// Returns false, having written nothing, if the memory is too small.
export function skrivDirekte({ bytes, løb, hukommelsesstart: r, længde }, heap, brugt = Infinity) {
  if (heap.length < længde - r) return false;
  const ryd = (fra, til) => nulstil(heap, fra, Math.min(til, brugt));
  let klar = r; // the image is written up to here
  for (const [start, n, pos] of løb) {
    const fra = Math.max(start, r);
    if (start + n <= r) continue;
    ryd(klar - r, fra - r);
    heap.set(bytes.subarray(pos + fra - start, pos + n), fra - r);
    klar = start + n;
  }
  ryd(klar - r, længde - r);
  return true;
}

// Clear what is not zero in heap[fra, til), a page at a time (most of it is untouched memory).
function nulstil(heap, fra, til) {
  for (let side = fra; side < til; side += SIDE) {
    const slut = Math.min(side + SIDE, til);
    if (!erNul(heap, side, slut)) heap.fill(0, side, slut);
  }
}

function erNul(heap, fra, til) {
  if ((heap.byteOffset + fra) % 4 === 0 && (til - fra) % 4 === 0) {
    const ord = new Int32Array(heap.buffer, heap.byteOffset + fra, (til - fra) / 4);
    for (let i = 0; i < ord.length; i++) if (ord[i] !== 0) return false;
    return true;
  }
  for (let i = fra; i < til; i++) if (heap[i] !== 0) return false;
  return true;
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
