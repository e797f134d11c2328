// Kvalitetshåndbogen's service worker: repeat visits without downloads, the handbook offline.
// Template: scripts/sitegen/sw.js; the build (scripts/sitegen/offline.py) fills in the build
// id and the list of files and writes it to the site's root as sw.js.
//
// - Pages and every file whose name is not content-hashed: network first (revalidated with
//   the host, so a reader online always gets the newest page and rates), the cached copy
//   only when the network fails. A copy the host says is unchanged (same ETag) is not
//   written again.
// - Content-hashed files (Pyodide, the calculators' wheel and snapshot in folders named by a
//   hash; Material's and Pagefind's hashed file names): cache first. New content has a new
//   name, so a cached copy is never stale.
// - After a calculator has answered once, the page asks for every page and asset of the
//   build to be kept, so the whole handbook and every calculator work offline. A marker then
//   says the reader keeps the handbook offline; it holds the build id once every file of that
//   build is kept, and a later visit of the same build then has nothing to look up (before,
//   every calculator visit looked up each of the build's files in the cache again).
// - A publish changes the build id and so this file: the new worker replaces the old one at
//   once and deletes the old build's caches (and keeps the handbook offline if it was).
const BYGGE_ID = "__BYGGE_ID__";
const FILER = [/*__FILER__*/];
const SIDER = `kvh-sider-${BYGGE_ID}`;
const HASHEDE = "kvh-hashede";
const ROD = self.registration.scope;
const MARKØR = new URL("__kvh-alt-gemt", ROD).href;

// A folder named by 16 hex digits, or a file name with a hash of 7 or more hex digits
// (at least one a digit, so an ordinary word is never taken for one).
function erHashet(url) {
  if (/\/[0-9a-f]{16}\//.test(url.pathname)) return true;
  const navn = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
  const m = navn.match(/[._-]([0-9a-f]{7,})(?=[._])/i);
  return m !== null && /\d/.test(m[1]);
}

// The calculators' worker keeps the snapshot it unpacked beside it, under the snapshot's
// address with ".udpakket" for ".gz" (beregner-worker.js, udpakketURL): it belongs to a
// build that names that snapshot. (This worker is registered while a first visit's worker
// keeps that copy; without this, its first activation could delete the copy just kept.)
function udpakketAf(url, kendte) {
  return url.endsWith(".udpakket") && kendte.has(url.slice(0, -".udpakket".length) + ".gz");
}

// Pages are kept by their folder address, without query or fragment.
function nøgle(url) {
  const u = new URL(url);
  return u.origin + u.pathname.replace(/index\.html$/, "");
}

self.addEventListener("install", (e) => {
  e.waitUntil((async () => {
    // A reader who kept the handbook offline keeps it, in the new edition.
    if ((await altGemt()) !== null) await gemAlt();
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (e) => {
  e.waitUntil((async () => {
    for (const navn of await caches.keys()) {
      if (navn.startsWith("kvh-sider-") && navn !== SIDER) await caches.delete(navn);
    }
    // Hashed files this build no longer names (an older Pyodide, wheel or snapshot).
    const kendte = new Set(FILER.map((f) => new URL(f, ROD).href));
    const hashede = await caches.open(HASHEDE);
    for (const req of await hashede.keys()) {
      if (!kendte.has(req.url) && req.url !== MARKØR && !udpakketAf(req.url, kendte)) await hashede.delete(req);
    }
    // A page is asked for while this worker starts (it may have been stopped), not after.
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || !req.url.startsWith(ROD) || req.headers.has("range")) return;
  const url = new URL(req.url);
  e.respondWith(req.mode !== "navigate" && erHashet(url) ? cacheFørst(e, req) : netværkFørst(e, req));
});

// Looked up by the key it is kept under (no query): with { ignoreSearch: true } Chromium opens
// every entry of the cache to compare (about 230 here) instead of the one asked for.
async function cacheFørst(e, req) {
  const cache = await caches.open(HASHEDE);
  const gemt = await cache.match(nøgle(req.url));
  if (gemt) return gemt;
  const svar = await fetch(req);
  if (svar.ok && svar.type === "basic") e.waitUntil(cache.put(nøgle(req.url), svar.clone()));
  return svar;
}

async function netværkFørst(e, req) {
  try {
    // A navigation keeps its own cache mode (a reload revalidates); anything else is
    // revalidated with the host, never taken stale from the HTTP cache.
    const svar = req.mode === "navigate"
      ? (await e.preloadResponse) || (await fetch(req))
      : await fetch(req, { cache: "no-cache" });
    if (svar.ok && svar.type === "basic" && !svar.redirected) e.waitUntil(gemHvisÆndret(nøgle(req.url), svar.clone()));
    return svar;
  } catch (fejl) {
    const gemt = await caches.match(nøgle(req.url));
    if (gemt) return gemt;
    if (req.mode === "navigate") return offlineSide();
    throw fejl;
  }
}

// Most visits revalidate a page that has not changed: the kept copy is only written again
// when the host's ETag for it differs (or either has none). Each write costs the browser a
// disk write and its storage bookkeeping, on a phone's cores while the page starts.
async function gemHvisÆndret(nøgle, svar) {
  const cache = await caches.open(SIDER);
  const etag = svar.headers.get("ETag");
  const gemt = etag ? await cache.match(nøgle) : undefined;
  if (gemt && gemt.headers.get("ETag") === etag) {
    await svar.body?.cancel();
    return;
  }
  await cache.put(nøgle, svar);
}

function offlineSide() {
  const html = '<!doctype html><html lang="da"><meta charset="utf-8"><meta name="viewport" ' +
    'content="width=device-width,initial-scale=1"><title>Ingen forbindelse</title>' +
    "<h1>Ingen forbindelse</h1><p>Siden er ikke gemt på denne enhed, og der er ingen forbindelse " +
    "til nettet. Prøv igen, når du er online. Håndbogen gemmes til brug uden net, når du har brugt " +
    'en beregner én gang.</p><p><a href="' + ROD + '">Til forsiden</a></p></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Keep every listed file `hvilke` selects that is not kept yet, a few downloads at a time.
async function gem(hvilke) {
  const sider = await caches.open(SIDER);
  const hashede = await caches.open(HASHEDE);
  const mangler = [];
  for (const f of FILER) {
    const url = new URL(f, ROD).href;
    if (!hvilke(f)) continue;
    const cache = erHashet(new URL(url)) ? hashede : sider;
    if (!(await cache.match(url))) mangler.push([cache, url]);
  }
  let i = 0;
  let fejl = 0;
  const hent = async () => {
    while (i < mangler.length) {
      const [cache, url] = mangler[i++];
      try {
        const svar = await fetch(url, { cache: cache === sider ? "no-cache" : "default" });
        if (svar.ok && !svar.redirected) await cache.put(url, svar);
        else fejl++;
      } catch {
        fejl++; // offline or gone: the next calculation tries again
      }
    }
  };
  await Promise.all([hent(), hent(), hent(), hent()]);
  return { hentet: mangler.length - fejl, fejl };
}

// What the marker says: this build's id once all of it is kept, else what it held before.
async function altGemt() {
  const markør = await (await caches.open(HASHEDE)).match(MARKØR);
  return markør ? markør.text() : null;
}

// Keep every file of the build, and mark the handbook kept offline: with this build's id only
// if nothing failed, so a file that could not be fetched is tried again at the next calculation.
async function gemAlt() {
  const { hentet, fejl } = await gem(() => true);
  await (await caches.open(HASHEDE)).put(MARKØR, new Response(fejl ? `ufuldstændig ${BYGGE_ID}` : BYGGE_ID));
  return hentet;
}

self.addEventListener("message", (e) => {
  const type = e.data && e.data.type;
  if (type !== "gem-beregner" && type !== "gem-alt") return;
  const job = (async () => {
    if ((await altGemt()) === BYGGE_ID) return 0; // all of this build is kept already
    // "gem-beregner": Python is running: keep its files (the first visit's worker may have
    // fetched them before this service worker took over the page).
    if (type === "gem-beregner") {
      return (await gem((f) => f.startsWith("assets/pyodide/") || f.startsWith("assets/javascripts/beregner"))).hentet;
    }
    return gemAlt();
  })();
  e.waitUntil(job.then((n) => e.source && e.source.postMessage({ type: `${type}:færdig`, bygge_id: BYGGE_ID, hentet: n })));
});
