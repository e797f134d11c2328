// A helper worker of the calculators' worker (beregner-worker.js): unpacks the build's memory
// snapshot (gzip, then without its zero pages: 15 MB) on a thread of its own while it
// downloads. Unpacking takes a tenth of a second of CPU; on the calculators' worker it would
// delay the compiling and linking of Python's runtime, which go on at the same time.
//
// Given { krop }, the download's body (a stream handed over as it arrives), it answers:
//   { type: "henter" }             another 256 KiB has arrived (a slow connection is not a
//                                  stalled one)
//   { type: "data", bytes }        the unpacked bytes (transferred, not copied)
//   { type: "fejl", besked }       it could not be read or unpacked
import { hver256KiB, pakUd } from "./beregner-python.mjs";

addEventListener("message", async (event) => {
  try {
    const bytes = await pakUd(new Response(event.data.krop), hver256KiB(() => postMessage({ type: "henter" })));
    postMessage({ type: "data", bytes }, [bytes.buffer]);
  } catch (fejl) {
    postMessage({ type: "fejl", besked: String(fejl) });
  }
});
