// A helper worker of the calculators' worker (beregner-worker.js): gets the build's memory
// snapshot ready on a thread of its own, while the calculators' worker compiles and links
// Python's runtime. Given
//   { krop }   the download's body (a stream handed over as it arrives): unpacks it (gzip, then
//              without its zero pages: 15 MB), a tenth of a second of CPU;
//   { gemt }   the address of the unpacked copy a visit before kept in Cache Storage: reads it.
// It answers:
//   { type: "henter" }             another 256 KiB has arrived (a slow connection is not a
//                                  stalled one)
//   { type: "data", bytes }        the unpacked bytes (transferred, not copied)
//   { type: "fejl", besked }       it could not be read or unpacked
import { hver256KiB, pakUd } from "./beregner-python.mjs";

async function læs({ krop, gemt }) {
  if (krop) return pakUd(new Response(krop), hver256KiB(() => postMessage({ type: "henter" })));
  const svar = await caches.match(gemt);
  if (!svar) throw new Error(`${gemt} is no longer kept`);
  return new Uint8Array(await svar.arrayBuffer());
}

addEventListener("message", async (event) => {
  try {
    const bytes = await læs(event.data);
    postMessage({ type: "data", bytes }, [bytes.buffer]);
  } catch (fejl) {
    postMessage({ type: "fejl", besked: String(fejl) });
  }
});
