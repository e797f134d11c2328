// The worker's snapshot start refuses a snapshot it should not trust, so the worker
// falls back to the normal start (beregner-worker.js); cases.test.mjs runs the
// reference cases through both starts.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const js = path.join(root, "site/assets/javascripts");
let filer, fraSnapshot, SnapshotFejl, pakUd, pak, udfyld, forberedDirekte, skrivDirekte, hver256KiB, langsomForbindelse, loadPyodide, indexURL, data;

before(async () => {
  ({ default: filer } = await import(pathToFileURL(path.join(js, "beregner-filer.mjs")).href));
  ({ fraSnapshot, SnapshotFejl, pakUd, pak, udfyld, forberedDirekte, skrivDirekte, hver256KiB, langsomForbindelse } = await import(pathToFileURL(path.join(js, "beregner-python.mjs")).href));
  indexURL = path.join(js, filer.runtime) + path.sep;
  ({ loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href));
  assert.ok(filer.snapshot, "the build made no snapshot");
  data = await pakUd(new Response(readFileSync(path.join(js, filer.snapshot.url))));
});

test("the build records the Pyodide version and the wheel the snapshot was made from", () => {
  const pakke = JSON.parse(readFileSync(path.join(root, "node_modules/pyodide/package.json"), "utf8"));
  assert.equal(filer.snapshot.pyodide, pakke.version);
  assert.equal(filer.snapshot.hjul, filer.hjul.sha256);
  assert.match(filer.snapshot.url, /\/[0-9a-f]{16}\//);
  // Stored without its zero pages, it unpacks to Pyodide's memory at the recorded size.
  assert.ok(data.length < filer.snapshot.raa * 0.75, `${data.length} of ${filer.snapshot.raa} bytes`);
  assert.equal(udfyld(data, new Uint8Array(filer.snapshot.raa)).length, filer.snapshot.raa);
});

test("a snapshot made from another wheel (stale) is refused before it is restored", async () => {
  const gammel = { ...filer, hjul: { ...filer.hjul, sha256: "0".repeat(64) } };
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, data, gammel), SnapshotFejl);
});

test("a snapshot whose restored calculators are not the recorded wheel is refused", async () => {
  const anden = "1".repeat(64);
  const løgn = { ...filer, hjul: { ...filer.hjul, sha256: anden }, snapshot: { ...filer.snapshot, hjul: anden } };
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, data, løgn), /not the expected wheel/);
});

test("a snapshot recorded for another Pyodide version is refused", async () => {
  const anden = { ...filer, snapshot: { ...filer.snapshot, pyodide: "0.27.0" } };
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, data, anden), /Pyodide 0\.27\.0/);
});

test("bytes that are not a snapshot, or a snapshot of another runtime build, do not restore", async () => {
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, new Uint8Array(4096), filer), SnapshotFejl);
  const fremmedBygning = udfyld(data, new Uint8Array(filer.snapshot.raa));
  fremmedBygning[20] ^= 0xff; // the runtime's build id, written into the snapshot's header
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, fremmedBygning, filer), /did not restore/);
});

test("a damaged or cut-off packed snapshot is refused, and so is one for another memory size", async () => {
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, data.subarray(0, data.length - 1), filer), /damaged/);
  const forkert = data.slice();
  new DataView(forkert.buffer).setUint32(4, filer.snapshot.raa + 65536, true);
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, forkert, filer), /memory/);
  // a snapshot that arrives after Pyodide has set up, and then fails, is refused too
  const sent = new Promise((_, nej) => setTimeout(() => nej(new Error("forbindelsen røg")), 300));
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, sent, filer), /forbindelsen røg/);
});

test("packing keeps every non-zero byte and only drops whole zero pages", () => {
  const hel = new Uint8Array(5 * 4096 + 100);
  hel[3] = 7;             // page 0
  hel[2 * 4096] = 1;      // page 2 (page 1 is zeros)
  hel[3 * 4096 + 4095] = 9; // page 3, joined with page 2 into one run
  hel[5 * 4096 + 99] = 4; // the short last page
  const pakket = pak(hel);
  assert.ok(pakket.length < hel.length);
  assert.deepEqual(udfyld(pakket, new Uint8Array(hel.length)), hel);
  assert.deepEqual(udfyld(pak(new Uint8Array(8192)), new Uint8Array(8192)), new Uint8Array(8192));
  const fuld = new Uint8Array(10000).fill(3);
  assert.deepEqual(udfyld(pak(fuld), new Uint8Array(10000)), fuld);
  // whole bytes (as Pyodide makes them) are taken as they are, if the size fits
  assert.deepEqual(udfyld(hel, new Uint8Array(hel.length)), hel);
  assert.throws(() => udfyld(hel, new Uint8Array(hel.length + 1)), SnapshotFejl);
});

test("written straight into memory, a packed snapshot leaves it as Pyodide's copy of the whole image would", () => {
  // An image of 6 pages and a bit: a header whose second word says the memory part starts at
  // byte 128 (as Pyodide's does), then non-zero pages 0, 2, 3 and the short last one.
  const hel = new Uint8Array(6 * 4096 + 100);
  new DataView(hel.buffer).setUint32(4, 128, true);
  hel[60] = 5;
  hel[2 * 4096 + 1] = 1;
  hel[3 * 4096 + 4095] = 9;
  hel[6 * 4096 + 99] = 4;
  const billede = new Uint8Array(hel.length);
  const direkte = forberedDirekte(pak(hel), billede);
  assert.deepEqual(billede.subarray(0, 128), hel.subarray(0, 128)); // Pyodide reads the header here
  assert.ok(billede.subarray(128).every((b) => b === 0)); // the memory part is not unpacked
  // Fresh memory, one page larger than the image's memory part, where Pyodide's start wrote
  // before the restore: into pages the image has as zeros, and into pages it has data for.
  const heap = new Uint8Array(hel.length - 128 + 4096);
  for (const i of [0, 4096 - 128, 4096, 2 * 4096, 4 * 4096 + 7, 5 * 4096, hel.length - 129]) heap[i] = 0xee;
  heap[hel.length - 128 + 10] = 0x77; // beyond the memory part: Pyodide's copy does not touch it
  assert.equal(skrivDirekte(direkte, heap), true);
  assert.deepEqual(heap.subarray(0, hel.length - 128), hel.subarray(128));
  assert.equal(heap[hel.length - 128 + 10], 0x77);
  // Above `brugt` (the end of Pyodide's C heap) nothing was written before the restore, so
  // it is not read: a byte left there stays, one below it in a zero page is cleared.
  const heap2 = new Uint8Array(hel.length - 128 + 4096);
  heap2[4096 - 128] = 0xee;     // page 1 of the image (zeros), below the bound
  heap2[4 * 4096 + 7] = 0xee;   // page 4 of the image (zeros), above the bound
  assert.equal(skrivDirekte(forberedDirekte(pak(hel), new Uint8Array(hel.length)), heap2, 4 * 4096), true);
  assert.equal(heap2[4096 - 128], 0);
  assert.equal(heap2[4 * 4096 + 7], 0xee);
  // too small a memory: nothing is written, and the caller has Pyodide copy the image instead
  const lille = new Uint8Array(hel.length - 129).fill(1);
  assert.equal(skrivDirekte(forberedDirekte(pak(hel), new Uint8Array(hel.length)), lille), false);
  assert.ok(lille.every((b) => b === 1));
});

test("the build's snapshot is written straight into Pyodide's memory: the image Pyodide is given holds only its header", async () => {
  let givet;
  const spion = (config) => { givet = config._loadSnapshot; return loadPyodide(config); };
  const pyodide = await fraSnapshot(spion, indexURL, data, filer);
  const hukommelsesstart = new DataView(givet.buffer).getUint32(4, true);
  assert.ok(givet.subarray(hukommelsesstart).every((b) => b === 0));
  const hel = udfyld(data, new Uint8Array(filer.snapshot.raa));
  assert.deepEqual(givet.subarray(0, hukommelsesstart), hel.subarray(0, hukommelsesstart));
  assert.equal(JSON.parse(pyodide.pyimport("calculators").beregn_json("diabetes", "{}")).ok, false); // Python answers
});

test("written straight into Pyodide's memory, the memory is the snapshot's image, byte for byte", async () => {
  // The writer reads only below the end of Pyodide's C heap: this checks, on the real start,
  // that Pyodide wrote nothing above it, and that the written memory is the image.
  const { instantiate, instantiateStreaming } = WebAssembly;
  let memory;
  const husk = (svar) => { memory ??= (svar.instance ?? svar).exports.memory; return svar; };
  WebAssembly.instantiate = async (...a) => husk(await instantiate.apply(WebAssembly, a));
  WebAssembly.instantiateStreaming = async (...a) => husk(await instantiateStreaming.apply(WebAssembly, a));
  const hel = udfyld(data, new Uint8Array(filer.snapshot.raa));
  let sammenlignet = false;
  const spion = (config) => {
    const billede = config._loadSnapshot;
    const egen = billede.subarray;
    billede.subarray = function (start, slut) {
      const svar = egen.call(this, start, slut);
      if (slut === undefined && start > 0) {
        assert.equal(Buffer.compare(new Uint8Array(memory.buffer, 0, hel.length - start), hel.subarray(start)), 0,
          "the memory differs from the snapshot's image after the direct write");
        sammenlignet = true;
      }
      return svar;
    };
    return loadPyodide(config);
  };
  try {
    const pyodide = await fraSnapshot(spion, indexURL, data, filer);
    assert.ok(sammenlignet, "Pyodide did not read the memory part of the image");
    assert.equal(pyodide.pyimport("calculators")._kvh_hjul, filer.hjul.sha256);
  } finally {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
  }
});

test("if Pyodide's memory cannot be caught, Pyodide copies the whole image as before", async () => {
  const { instantiate, instantiateStreaming } = WebAssembly;
  let givet;
  const spion = (config) => {
    givet = config._loadSnapshot;
    Object.assign(WebAssembly, { instantiate, instantiateStreaming }); // undo fraSnapshot's catching
    return loadPyodide(config);
  };
  try {
    const pyodide = await fraSnapshot(spion, indexURL, data, filer);
    assert.equal(Buffer.compare(givet, udfyld(data, new Uint8Array(filer.snapshot.raa))), 0, "the whole image was not unpacked");
    assert.equal(pyodide.pyimport("calculators")._kvh_hjul, filer.hjul.sha256);
  } finally {
    Object.assign(WebAssembly, { instantiate, instantiateStreaming });
  }
});

test("a Pyodide that reads the snapshot's memory some other way is refused, never run on half-written memory", async () => {
  const spion = (config) => {
    delete config._loadSnapshot.subarray; // Pyodide copies the image as given: only its header
    return loadPyodide(config);
  };
  await assert.rejects(fraSnapshot(spion, indexURL, data, filer), SnapshotFejl);
});

test("no snapshot in the build: the worker is told to start the normal way", async () => {
  await assert.rejects(fraSnapshot(loadPyodide, indexURL, data, { ...filer, snapshot: null }), SnapshotFejl);
});

test("the snapshot is unpacked whether or not the host already did", async () => {
  const rå = new Uint8Array([1, 2, 3, 250]);
  assert.deepEqual(await pakUd(new Response(gzipSync(rå))), rå);
  assert.deepEqual(await pakUd(new Response(rå)), rå);
});

test("a slow download reports each further 256 KiB that has arrived, not every chunk", () => {
  const meldinger = [];
  const ved = hver256KiB(() => meldinger.push(1));
  for (const n of [1000, 262143, 262144, 300000, 524287, 524288, 2 * 1048576]) ved(n);
  assert.equal(meldinger.length, 3); // at 262144, 524288 and 2 MiB
});

test("a first visit on a 3G-class connection or with save-data starts the normal way", () => {
  assert.equal(langsomForbindelse(undefined), null); // a browser without the API: the snapshot
  assert.equal(langsomForbindelse({ effectiveType: "4g", downlink: 1.3, saveData: false }), null);
  assert.match(langsomForbindelse({ effectiveType: "3g", downlink: 0.7, saveData: false }), /3g/);
  assert.match(langsomForbindelse({ effectiveType: "slow-2g", downlink: 0.05, saveData: false }), /slow-2g/);
  assert.match(langsomForbindelse({ effectiveType: "4g", downlink: 10, saveData: true }), /save data/);
});
