// The handbook's search box (overrides/partials/soeg.html): Pagefind's index, queried
// through soeg-forstaaelse.mjs (Danish compounds, hyphens, stop words, the typo retry).
//
// Nothing is fetched until someone opens the search: then Pagefind's small entry files and
// the word list (assets/soeg/ordliste.json); index chunks follow as words are typed.
// Results are built as DOM nodes from text (a page title or excerpt is never HTML), show
// each page's kind, number and area, and go through Material's instant navigation like
// any link. Also: the front page's "Søg i håndbogen" button ([data-kvh-soeg]) opens it.
(() => {
  "use strict";

  const VIS = 10;          // results shown
  const VURDER = 20;       // results whose data is loaded to rank them
  const FAA = 3;           // fewer pages than this with every word: each word is searched alone too

  const dialog = () => document.querySelector("[data-kvh-soegning]");
  const felt = () => document.getElementById("kvh-soeg-felt");
  const kontakt = () => document.getElementById("__search");
  const status = () => document.getElementById("kvh-soeg-status");
  const liste = () => document.getElementById("kvh-soeg-resultater");

  let motor = null;        // Promise of { pf, b, f } once started
  let seneste = 0;         // number of the latest query (older answers are dropped)

  function start() {
    if (motor) return motor;
    const d = dialog();
    motor = (async () => {
      const f = await import(new URL("soeg-forstaaelse.mjs", EGEN_URL).href);
      const [pf, ordliste] = await Promise.all([
        import(new URL(d.dataset.pagefind, location.href).href),
        fetch(new URL(d.dataset.ordliste, location.href)).then((r) => {
          if (!r.ok) throw new Error(`ordliste ${r.status}`);
          return r.json();
        }),
      ]);
      const rod = new URL(d.dataset.rod, location.href).pathname;
      await pf.options({
        baseUrl: rod,
        excerptLength: 24,
        // An exact word ranks above longer words that merely begin with it ("støtte" before
        // "støttestrømper"); titles count most, then the editorial search words.
        ranking: { termSimilarity: 4.0, metaWeights: { title: 6.0, soegeord: 3.0, former: 1.5 } },
      });
      await pf.init();
      return { pf, b: f.ordbog(ordliste), f };
    })();
    motor.catch(() => { motor = null; });
    return motor;
  }

  // soeg.js is a classic script: its own address, to load its module from beside it.
  const EGEN_URL = document.currentScript ? document.currentScript.src : location.href;

  async function soeg(tekst) {
    const nr = ++seneste;
    tekst = tekst.trim();
    if (!tekst) { vis(nr, null); return; }
    let m;
    try {
      m = await start();
    } catch (e) {
      if (nr === seneste) kanIkkeSoege();
      return;
    }
    const { pf, b, f } = m;
    // A word the index does not have can only be a typo: it is searched corrected.
    const forstaaet = f.forstaa(tekst, b);
    let rettet = forstaaet.rettet;
    let ord = rettet ?? forstaaet.ord;
    let fundet = await find(pf, f, b, ord);
    // Nothing found: try each rare word's likeliest correction.
    if (!fundet.length) {
      const ny = ord.map((o) => (o.length >= 4 && (b.antal.get(o) || 0) <= 2 ? f.ret(o, b) || o : o));
      if (ny.join(" ") !== ord.join(" ")) {
        fundet = await find(pf, f, b, ny);
        if (fundet.length) rettet = ny;
      }
    }
    if (nr !== seneste) return;
    vis(nr, { tekst, fundet, rettet: rettet && rettet.join(" ") });
  }

  // Pagefind finds the pages that have every word. When that is (almost) nothing — the parts
  // of a compound, or two words no page has together — each word is also searched on its
  // own and the results are merged (soeg-forstaaelse.mjs: flet).
  async function find(pf, f, b, ord) {
    const alle = await resultater(pf, f, b, ord, ord);
    if (alle.length >= FAA || ord.length < 2) return alle;
    const hver = await Promise.all(ord.map((o) => resultater(pf, f, b, [o], ord)));
    return f.flet(alle, hver, ord.length);
  }

  // Pagefind's results for `soegeord`, the best VURDER of them loaded and weighed by their
  // kind and title against the whole query `ord` (soeg-forstaaelse.mjs: vaegt).
  async function resultater(pf, f, b, soegeord, ord) {
    if (!soegeord.length) return [];
    const svar = await pf.search(soegeord.join(" "));
    if (!svar || !svar.results) return [];
    const data = await Promise.all(svar.results.slice(0, VURDER).map(async (r) => ({ r, d: await r.data() })));
    return data
      .map(({ r, d }) => ({ d, url: d.url, score: r.score * f.vaegt(ord, d.meta, b.stopord) }))
      .sort((x, y) => y.score - x.score);
  }

  // The index could not be fetched: offline before it was ever used, or the preview
  // (`make serve` builds no index). The overview of all standards works without it.
  function kanIkkeSoege() {
    const s = status();
    if (!s) return;
    const a = document.createElement("a");
    a.href = new URL(dialog().dataset.rod, location.href).pathname + "standarder/";
    a.textContent = "oversigten over alle standarder";
    s.replaceChildren("Søgningen kunne ikke hentes (er du offline?). Find standarden i ", a, ".");
    liste().replaceChildren();
  }

  function saetStatus(t) {
    const s = status();
    if (s) s.textContent = t;
  }

  function vis(nr, svar) {
    if (nr !== seneste) return;
    const ol = liste();
    ol.replaceChildren();
    ol.dataset.soegning = svar ? svar.tekst : "";  // which query the list shows (tests wait for it)
    if (!svar) { saetStatus("Skriv et ord for at søge"); return; }
    const { tekst, fundet, rettet } = svar;
    const antal = fundet.length;
    let t = antal === 0 ? `Ingen sider fundet for »${tekst}«. Prøv et andet ord, eller se oversigten over alle standarder.`
      : antal === 1 ? "1 side fundet" : `${antal}${antal >= VURDER ? "+" : ""} sider fundet`;
    if (rettet && antal) t = `Viser resultater for »${rettet}« (du skrev »${tekst}«). ${t}`;
    saetStatus(t);
    for (const { d } of fundet.slice(0, VIS)) ol.append(resultat(d));
  }

  function resultat(d) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link kvh-soeg-link";
    a.href = d.url;
    const art = document.createElement("article");
    art.className = "md-search-result__article md-typeset";
    const titel = document.createElement("div");
    titel.className = "kvh-soeg-titel";
    titel.textContent = d.meta.title || d.url;
    const hvor = document.createElement("div");
    hvor.className = "kvh-soeg-hvor";
    hvor.textContent = beskrivelse(d.meta);
    const uddrag = document.createElement("p");
    uddrag.className = "kvh-soeg-uddrag";
    uddrag.append(...markeret(d.excerpt || ""));
    art.append(titel, hvor, uddrag);
    a.append(art);
    li.append(a);
    return li;
  }

  function beskrivelse(meta) {
    if (meta.type === "Standard") return [`Standard nr. ${meta.nummer}`, meta.omraade].filter(Boolean).join(" · ");
    if (meta.type === "Område") return meta.omraade ? `Gruppe i ${meta.omraade}` : "Område";
    if (meta.type === "Bilag") return "Bilag";
    return "Side i håndbogen";
  }

  // Pagefind's excerpt is entity-encoded text with <mark> around the hits: turned into text
  // nodes and <mark> elements, never parsed as HTML.
  function markeret(uddrag) {
    const ud = [];
    const dele = uddrag.split(/(<mark>|<\/mark>)/);
    let i = false;
    for (const del of dele) {
      if (del === "<mark>") { i = true; continue; }
      if (del === "</mark>") { i = false; continue; }
      if (!del) continue;
      const tekst = afkod(del);
      if (i) { const m = document.createElement("mark"); m.textContent = tekst; ud.push(m); }
      else ud.push(document.createTextNode(tekst));
    }
    return ud;
  }

  function afkod(s) {
    return s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|#39);/gi, (hel, k) => {
      const navne = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };
      const lav = k.toLowerCase();
      if (navne[lav]) return navne[lav];
      const n = lav.startsWith("#x") ? parseInt(lav.slice(2), 16) : parseInt(lav.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : hel;
    });
  }

  // The search panel is opened and closed by clicking its checkbox, as its label does: the
  // checkbox's change event is what the theme acts on (on a phone it locks the page's scrolling
  // while the panel is open, and gives it back on closing). Setting `checked` fires no event:
  // the panel's opening overlay then widened the page to 1262 px on a phone, and a page closed
  // that way kept its scrolling locked.
  function aabn() {
    const k = kontakt();
    if (k && !k.checked) k.click();
    start().catch(() => {});
  }

  function luk() {
    const k = kontakt();
    if (k?.checked) k.click();
    const f = felt();
    if (f) f.blur();
  }

  let ventende = null;
  document.addEventListener("input", (e) => {
    if (e.target.id !== "kvh-soeg-felt") return;
    aabn();
    clearTimeout(ventende);
    const tekst = e.target.value;
    ventende = setTimeout(() => soeg(tekst), 120);
  });
  document.addEventListener("focusin", (e) => {
    if (e.target.id === "kvh-soeg-felt") aabn();
  });
  document.addEventListener("reset", (e) => {
    if (e.target.name !== "kvh-soeg") return;
    seneste++;
    setTimeout(() => { vis(seneste, null); felt()?.focus({ preventScroll: true }); }, 0);
  });
  document.addEventListener("submit", (e) => {
    if (e.target.name !== "kvh-soeg") return;
    e.preventDefault();
    liste()?.querySelector("a")?.click();
  });
  document.addEventListener("keydown", (e) => {
    const aaben = kontakt()?.checked;
    const i = felt();
    if (!i) return;
    if (aaben && e.key === "Escape") { luk(); e.preventDefault(); return; }
    if (aaben && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      const mulige = [i, ...liste().querySelectorAll("a")];
      const her = mulige.indexOf(document.activeElement);
      if (her < 0) return;
      const ny = (her + (e.key === "ArrowDown" ? 1 : -1) + mulige.length) % mulige.length;
      mulige[ny].focus();
      e.preventDefault();
      return;
    }
    // "/" opens the search from anywhere but a form field.
    if (!aaben && e.key === "/" && !e.target.closest("input, textarea, select, [contenteditable]")) {
      e.preventDefault();
      aabn();
      i.focus({ preventScroll: true });
    }
  });
  document.addEventListener("click", (e) => {
    if (e.target.closest(".kvh-soeg-link")) { luk(); return; }
    const knap = e.target.closest("[data-kvh-soeg]");
    if (!knap) return;
    aabn();
    // On a phone the search panel slides in from the right: a plain focus() while it moves
    // would scroll the page sideways to show the box, and leave it shifted after closing.
    setTimeout(() => felt()?.focus({ preventScroll: true }), 50);
  });
  // Starting is cheap once the page is idle and someone is likely to search: when the
  // pointer reaches the search box. (Nothing is fetched on a page nobody searches from.)
  document.addEventListener("pointerover", (e) => {
    if (e.target.closest && e.target.closest("[data-kvh-soegning] .md-search__form")) start().catch(() => {});
  }, { passive: true });

  // Test and benchmark hook: the ranked results for a query, without the UI's timing.
  window.kvhSoeg = async (tekst) => {
    await soeg(tekst);
    return [...liste().querySelectorAll("a")].map((a) => new URL(a.href, location.href).pathname);
  };
})();
