// A helper worker of the calculators' worker (beregner-worker.js): gets the build's memory
// snapshot ready on a thread of its own, while the calculators' worker compiles and links
// Python's runtime.
//
// Started with a name (the address of the unpacked copy a visit before kept in Cache Storage),
// it reads that copy at once, without waiting to be asked: on a repeat visit the read is what
// the start waits for, and a message from the busy calculators' worker could be late. It posts
//   { type: "gemt", bytes }        the kept copy's bytes (transferred, not copied), or
//   { type: "ikke-gemt", besked }  there is no kept copy, or it could not be read.
// Given { krop }, the download's body (a stream handed over as it arrives), it unpacks it (gzip,
// then without its zero pages: 15 MB; a tenth of a second of CPU) and posts
//   { type: "henter" }             another 256 KiB has arrived (a slow connection is not a
//                                  stalled one)
//   { type: "data", bytes }        the unpacked bytes (transferred)
//   { type: "fejl", besked }       it could not be unpacked
//
// The unpacking code is imported without waiting for it: reading a kept copy does not need it.
const python = import("./beregner-python.mjs");
python.catch(() => {}); // reported when a download is to be unpacked

async function læsGemt(adresse) {
  const svar = await caches.match(adresse);
  if (!svar) throw new Error(`${adresse} is not kept`);
  return new Uint8Array(await svar.arrayBuffer());
}

if (self.name) {
  læsGemt(self.name).then(
    (bytes) => postMessage({ type: "gemt", bytes }, [bytes.buffer]),
    (fejl) => postMessage({ type: "ikke-gemt", besked: String(fejl) }),
  );
}

addEventListener("message", async ({ data: { krop } }) => {
  try {
    const { hver256KiB, pakUd } = await python;
    const bytes = await pakUd(new Response(krop), hver256KiB(() => postMessage({ type: "henter" })));
    postMessage({ type: "data", bytes }, [bytes.buffer]);
  } catch (fejl) {
    postMessage({ type: "fejl", besked: String(fejl) });
  }
});
