// A helper worker of the calculators' worker (beregner-worker.js): downloads the build's
// memory snapshot and unpacks it (gzip, then without its zero pages: 15 MB), on a thread of
// its own. Unpacking takes a tenth of a second of CPU; on the calculators' worker it would
// delay the compiling and linking of Python's runtime, which go on at the same time.
//
// Asked with { url }, it answers, in order:
//   { type: "svar", ok, status }   the host's answer (a missing snapshot is known at once)
//   { type: "henter" }             another 256 KiB has arrived (a slow connection is not a
//                                  stalled one)
//   { type: "data", bytes }        the unpacked bytes (transferred, not copied)
//   { type: "fejl", besked }       it could not be fetched or unpacked
import { pakUd } from "./beregner-python.mjs";

addEventListener("message", async (event) => {
  const { url } = event.data;
  try {
    // Kept by the service worker (content-hashed: it never changes), or from the network.
    const svar = (await caches.match(url).catch(() => undefined)) ?? (await fetch(url));
    postMessage({ type: "svar", ok: svar.ok, status: svar.status });
    if (!svar.ok) return;
    let meldt = 0;
    const bytes = await pakUd(svar, (n) => {
      if (n - meldt >= 262144) {
        meldt = n;
        postMessage({ type: "henter" });
      }
    });
    postMessage({ type: "data", bytes }, [bytes.buffer]);
  } catch (fejl) {
    postMessage({ type: "fejl", besked: String(fejl) });
  }
});
