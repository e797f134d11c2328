// Wires the calculator forms on a page to one shared Pyodide worker.
//
// - The worker is created only when a page has a calculator, as soon as this script
//   runs (before the reader types), and kept for the rest of the visit (Material's
//   instant navigation swaps pages without reload). Answers typed while it starts
//   wait in the worker and are computed the moment it is ready.
// - The form is server-rendered; this script shows/hides dependent fields,
//   sends the answers to Python as the reader types, and renders the result,
//   the step-by-step explanation and Danish error messages next to the fields.
(() => {
  "use strict";

  // On a page with a calculator the build loads this script twice: early from <head>
  // (async, data-start="ja") and at the end of <body> like every page. It runs once.
  if (window.__kvhBeregnerScript) return;
  window.__kvhBeregnerScript = true;
  const tidlig = !!(document.currentScript && document.currentScript.dataset.start === "ja");
  const scriptURL = document.currentScript ? document.currentScript.src : location.href;
  // The build points this at the worker's content-hashed copy (scripts/sitegen/pyodide_assets.py),
  // which a service worker may serve from its cache without asking the host.
  const WORKER = "beregner-worker.js";
  const workerURL = new URL(WORKER, scriptURL);

  const state = (window.__kvhBeregner = window.__kvhBeregner || {
    worker: null, klar: false, startfejl: null, trin: null, naeste: 1, ventende: new Map(), lyttere: new Set(),
  });

  // If Pyodide has not said it is ready by then, the reader is told it could not start
  // (a blocked .wasm or pyodide.mjs, a policy without 'wasm-unsafe-eval', a dead network).
  // An answer that arrives later still wins.
  // (A test may shorten it with window.__kvhStartgraense.)
  const STARTGRÆNSE_MS = window.__kvhStartgraense || 30000;

  function startFejlede(besked) {
    if (state.klar || state.startfejl) return;
    state.startfejl = besked || "ukendt fejl";
    // Calls waiting for the worker are answered now, not never.
    state.ventende.forEach((løs) => løs({ type: "svar", svar: null, startfejl: true }));
    state.ventende.clear();
    state.lyttere.forEach((f) => f());
    window.dispatchEvent(new Event("kvh-beregner-startet"));
  }

  function worker() {
    if (state.worker) return state.worker;
    try {
      performance.mark("kvh-worker-ny");
      state.worker = new Worker(workerURL, { type: "module" });
    } catch (fejl) {
      startFejlede(String(fejl));
      return null;
    }
    state.worker.addEventListener("message", (e) => {
      const m = e.data;
      if (m.type === "klar") {
        state.klar = true;
        state.startfejl = null;
        state.maade = m.måde;
        clearTimeout(state.startur);
        performance.mark("kvh-klar");
        // The worker's steps, as marks on the page's timeline (for `make bench`).
        Object.entries(m.tider || {}).forEach(([navn, t]) => {
          const startTime = t - performance.timeOrigin;
          if (startTime >= 0) performance.mark(`kvh-worker-${navn}`, { startTime });
        });
        tilServiceworker("gem-beregner");
        state.lyttere.forEach((f) => f());
        window.dispatchEvent(new Event("kvh-beregner-startet")); // offline.js waits for it
      } else if (m.type === "fremskridt") {
        state.trin = m.trin;
        // Data is arriving or the files are in (a slow network may take its time): the
        // bound starts again; it is for a start that has stalled.
        clearTimeout(state.startur);
        state.startur = setTimeout(() => startFejlede("tiden løb ud"), STARTGRÆNSE_MS);
        state.lyttere.forEach((f) => f());
      } else if (m.type === "snapshotfejl") {
        state.snapshotfejl = m.besked; // the worker starts the normal way instead
      } else if (m.type === "startfejl") {
        startFejlede(m.besked);
      } else if (m.type === "svar") {
        const løs = state.ventende.get(m.id);
        state.ventende.delete(m.id);
        if (løs) løs(m);
      }
    });
    // The worker's own script (or pyodide.mjs, which it imports) could not be loaded.
    state.worker.addEventListener("error", (e) => {
      e.preventDefault();
      startFejlede(e.message || "arbejderen kunne ikke indlæses");
    });
    state.worker.addEventListener("messageerror", () => startFejlede("ulæseligt svar"));
    state.startur = setTimeout(() => startFejlede("tiden løb ud"), STARTGRÆNSE_MS);
    return state.worker;
  }

  // Ask the service worker (offline.js registers it) to keep files: "gem-beregner" when Python
  // is running, "gem-alt" (every page and calculator, for use offline) after a first answer.
  function tilServiceworker(type) {
    if (!("serviceWorker" in navigator) || (type === "gem-alt" && state.altGemt)) return;
    // A reader who asked the browser to save data gets nothing downloaded in the background.
    if (navigator.connection && navigator.connection.saveData) return;
    if (type === "gem-alt") state.altGemt = true;
    navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage({ type }), () => {});
  }

  function beregn(beregner, input) {
    const id = state.naeste++;
    return new Promise((løs) => {
      const w = state.startfejl ? null : worker();
      if (!w || state.startfejl) {
        løs({ type: "svar", svar: null, startfejl: true });
        return;
      }
      state.ventende.set(id, løs);
      w.postMessage({ id, beregner, input });
    });
  }

  // ---- the form ---------------------------------------------------------

  function læsFelter(form) {
    const data = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "radio") {
        if (el.checked) data[el.name] = el.value;
        else if (!(el.name in data)) data[el.name] = "";
      } else {
        data[el.name] = el.value;
      }
    }
    return data;
  }

  function opdaterSynlighed(form) {
    const data = læsFelter(form);
    const felter = [...form.querySelectorAll("[data-felt]")];
    const synlig = {};
    // Fields are in dependency order: a field depends only on fields above it.
    for (const felt of felter) {
      // Same rule as calculators.felter.synligt: any alternative whose named
      // fields are all shown and have one of the listed values.
      const alternativer = felt.dataset.visHvis ? JSON.parse(felt.dataset.visHvis) : [];
      const vis = alternativer.length === 0 || alternativer.some((alt) =>
        Object.entries(alt).every(([styrende, tilladte]) => synlig[styrende] === true && tilladte.includes(data[styrende])));
      synlig[felt.dataset.felt] = vis;
      felt.hidden = !vis;
      felt.querySelectorAll("input, select").forEach((el) => (el.disabled = !vis));
    }
  }

  function synligeVærdier(form) {
    const data = læsFelter(form);
    const ud = {};
    form.querySelectorAll("[data-felt]").forEach((felt) => {
      if (!felt.hidden && felt.dataset.felt in data) ud[felt.dataset.felt] = data[felt.dataset.felt];
    });
    return ud;
  }

  // GOV.UK's error summary: after "Beregn", a list of the problems that links to each
  // field and takes focus; it goes away when the answers are valid.
  function visFejlresume(sektion, fejl, indsendt) {
    const resume = sektion.querySelector("[data-fejlresume]");
    if (!resume) return;
    if (!fejl.length) {
      resume.hidden = true;
      return;
    }
    if (!indsendt && resume.hidden) return; // while typing, only an open summary is kept up to date
    const liste = resume.querySelector("ul");
    liste.replaceChildren(...fejl.map((f) => {
      const felt = sektion.querySelector(`[data-felt="${CSS.escape(f.felt)}"]`);
      const kontrol = felt && felt.querySelector("input, select");
      const navn = felt ? (felt.querySelector("label, legend") || {}).textContent || f.felt : f.felt;
      const a = element("a", { href: kontrol ? `#${kontrol.id}` : "#" }, `${navn.trim()}: ${f.besked}`);
      a.addEventListener("click", (e) => {
        if (!kontrol) return;
        // The link moves focus to the field itself (not only scrolls), and is not a page
        // navigation for Material's instant loading.
        e.preventDefault();
        e.stopPropagation();
        kontrol.focus();
        kontrol.scrollIntoView({ block: "center" });
      });
      return element("li", {}, a);
    }));
    resume.hidden = false;
    if (indsendt) resume.focus();
  }

  function visFejl(form, fejl, alle) {
    form.querySelectorAll("[data-felt]").forEach((felt) => {
      const navn = felt.dataset.felt;
      const besked = fejl.find((f) => f.felt === navn);
      const el = felt.querySelector("[data-fejl]");
      const kontrol = felt.querySelectorAll("input, select");
      const rørt = alle || felt.dataset.rørt === "ja";
      const vis = besked && rørt;
      el.hidden = !vis;
      el.textContent = vis ? besked.besked : "";
      kontrol.forEach((k) => (vis ? k.setAttribute("aria-invalid", "true") : k.removeAttribute("aria-invalid")));
    });
  }

  const tal = (n) => String(n);

  function linjer(l) {
    return l[0] === l[1] ? `linje ${l[0]}` : `linje ${l[0]}–${l[1]}`;
  }

  function dato(iso) {
    const [å, m, d] = iso.split("-").map(Number);
    const md = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
      "september", "oktober", "november", "december"];
    return `${d}. ${md[m - 1]} ${å}`;
  }

  function element(tag, attrs = {}, ...børn) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const b of børn) el.append(b);
    return el;
  }

  function standardLink(std) {
    const a = element("a", { href: new URL(`standarder/${std.id}/`, siteRoot()).href },
      `nr. ${tal(std.nummer)} ${std.titel}`);
    return a;
  }

  function siteRoot() {
    // Material exposes the site's base path on the config element.
    const cfg = document.querySelector("#__config");
    const base = cfg ? JSON.parse(cfg.textContent).base : ".";
    return new URL(base.endsWith("/") ? base : base + "/", location.href);
  }

  const bred = () => window.matchMedia("(min-width: 45em)").matches;

  function visResultat(sektion, svar, indsendt) {
    const boks = sektion.querySelector("[data-resultat]");
    const varÅben = boks.querySelector("details.kvh-udregning");
    boks.replaceChildren();
    sektion.classList.add("kvh-har-resultat");
    const r = svar.result;
    const overskrift = element("h3", { tabindex: "-1" }, `Resultat: ${r.overskrift}`);
    boks.append(overskrift);
    // The answer first, in one line; the rest of the rows below it.
    const [første, ...resten] = r.poster;
    const hoved = første ? `${første.label}: ${første.tekst}` : r.overskrift;
    if (første) {
      boks.append(element("p", { class: "kvh-hovedsvar" }, `${første.label}: `,
        element("strong", { "data-post": første.id }, første.tekst)));
    }
    if (resten.length) {
      const dl = element("dl", { class: "kvh-poster" });
      resten.forEach((p) => dl.append(element("dt", {}, p.label), element("dd", { "data-post": p.id }, p.tekst)));
      boks.append(dl);
    }
    boks.append(element("p", { class: "kvh-vejledning" }, r.vejledning));
    // The step-by-step explanation: open on a desk, folded on a phone (the reader opens it).
    const udregning = element("details", { class: "kvh-udregning" });
    if (varÅben ? varÅben.open : bred()) udregning.open = true;
    udregning.append(element("summary", {}, "Sådan er det regnet ud"));
    const ol = element("ol", { class: "kvh-forklaring" });
    const sete = new Set();
    svar.forklaring.forEach((t) => {
      const li = element("li", {}, t.tekst + " ");
      const kilde = element("span", { class: "kvh-kilde" }, "Kilde: ");
      if (t.standard) {
        kilde.append("standard ", standardLink(t.standard), `, ${linjer(t.linjer)} i kildeteksten`);
      } else if (t.bilag) {
        kilde.append(element("a", { href: new URL(`bilag/bilag-${t.bilag}/`, siteRoot()).href }, `Bilag ${t.bilag}`),
          `, ${linjer(t.linjer)} i kildeteksten`);
      } else {
        kilde.append(element("cite", {}, t.dokument_navn), `, ${linjer(t.linjer)}`);
      }
      if (t.regel) kilde.append(` (regel ${t.regel})`);
      if (t.sats) {
        const s = t.sats;
        const v = s.vaerdi === null ? "står ikke i kilden" : `${tal(s.vaerdi)} ${s.enhed}`;
        kilde.append(`. Sats: ${s.beskrivelse} = ${v}, gældende fra ${dato(s.gyldig_fra)}`);
        if (s.kilde && s.kilde.titel) kilde.append(` (${s.kilde.titel}, ${dato(s.kilde.dato)}; ${s.kilde.reference})`);
        // The rate in force is newer than the amount the source text quotes: say both.
        if (s.kildens_vaerdi !== null && s.kildens_vaerdi !== undefined) {
          kilde.append(`. Kildeteksten nævner ${tal(s.kildens_vaerdi)} ${s.enhed}; beregneren bruger satsen, ` +
            "der gælder på datoen");
        }
      }
      kilde.append(".");
      li.append(kilde);
      // Each reading of an unclear rule is shown once in a result.
      if (t.fortolkning && !sete.has(t.fortolkning.tekst)) {
        sete.add(t.fortolkning.tekst);
        li.append(element("span", { class: "kvh-fortolkning" }, ` Fortolkning: ${t.fortolkning.tekst}`));
      }
      ol.append(li);
    });
    udregning.append(ol);
    boks.append(udregning);
    boks.append(element("p", { class: "kvh-kilde" }, `Beregnet efter reglerne gældende ${dato(r.dato)}.`));
    boks.append(dineSvar(sektion));
    const knap = element("button", { type: "button", class: "md-button kvh-udskriv" }, "Udskriv resultatet");
    knap.addEventListener("click", () => window.print());
    boks.append(knap);
    // Only the one-line answer is announced; after "Beregn" the result takes focus.
    const annonce = sektion.querySelector("[data-annonce]");
    if (annonce && annonce.textContent !== `${r.overskrift}. ${hoved}`) annonce.textContent = `${r.overskrift}. ${hoved}`;
    if (indsendt) overskrift.focus();
    performance.mark("kvh-resultat");
  }

  // The answers the result rests on, as the reader gave them (shown and printed with it).
  function dineSvar(sektion) {
    const dl = element("dl");
    sektion.querySelectorAll("[data-felt]").forEach((felt) => {
      if (felt.hidden) return;
      const navn = felt.querySelector("label, legend");
      let værdi = "";
      const valgt = felt.querySelector("input[type=radio]:checked");
      const select = felt.querySelector("select");
      const input = felt.querySelector("input:not([type=radio])");
      if (valgt) værdi = valgt.value === "ja" ? "Ja" : "Nej";
      else if (select) værdi = select.options[select.selectedIndex]?.text || "";
      else if (input) værdi = input.type === "date" && input.value ? dato(input.value) : input.value.trim();
      if (!værdi || !navn) return;
      dl.append(element("dt", {}, navn.textContent.trim()), element("dd", {}, værdi));
    });
    const boks = element("div", { class: "kvh-svar" }, element("h4", {}, "Dine oplysninger"));
    boks.append(dl);
    return boks;
  }

  function visStatus(sektion, tekst) {
    const s = sektion.querySelector("[data-status]");
    if (!s || s.textContent === tekst) return;
    // "Beregneren er klar." is shorter than the loading text: the line keeps its height, so
    // the form below it does not jump while the reader fills it in.
    const højde = s.getBoundingClientRect().height;
    if (højde > parseFloat(s.style.minHeight || "0")) s.style.minHeight = `${højde}px`;
    s.textContent = tekst;
  }

  // A link may preset answers: ?ansoegningstype=personlig-pleje fills that field if the
  // form has it and the value is one of its options (a standard page links to the
  // deadline calculator this way). Anything else in the address is ignored.
  function udfyldFraAdresse(form) {
    for (const [navn, værdi] of new URLSearchParams(window.location.search)) {
      const felt = form.elements.namedItem(navn);
      if (felt instanceof HTMLSelectElement) {
        if ([...felt.options].some((o) => o.value === værdi)) felt.value = værdi;
      } else if (felt instanceof RadioNodeList) {
        for (const r of felt) if (r.value === værdi) r.checked = true;
      } else if (felt instanceof HTMLInputElement && felt.type === "date") {
        if (/^\d{4}-\d{2}-\d{2}$/.test(værdi)) felt.value = værdi;
      }
    }
  }

  function opsæt(sektion) {
    if (sektion.dataset.klar) return;
    sektion.dataset.klar = "ja";
    const form = sektion.querySelector("[data-form]");
    const beregner = sektion.dataset.beregner;
    let seneste = 0;

    const statusTekst = () =>
      state.startfejl
        ? "Beregneren kunne ikke starte i din browser. Reglerne står i teksten ovenfor, så du kan " +
          "stadig finde svaret der. Genindlæs siden for at prøve igen; virker det ikke, blokerer " +
          "din browser eller dit netværk måske for beregneren."
        : state.klar ? "Beregneren er klar."
          : state.trin === "starter" ? "Beregneren indlæses: gør klar til at regne … Du kan udfylde felterne imens."
            : "Beregneren indlæses: henter filer … Du kan udfylde felterne imens.";

    let afventer = false; // the last answer met a start that had failed (or timed out)
    const kør = async (indsendt) => {
      const nr = ++seneste;
      const m = await beregn(beregner, synligeVærdier(form));
      if (nr !== seneste) return; // a newer answer is on its way
      afventer = !!m.startfejl;
      if (!m.svar) {
        // A failed start keeps its own message; only a failed calculation gets the generic one.
        visStatus(sektion, m.startfejl || state.startfejl ? statusTekst()
          : "Der skete en fejl i beregneren. Prøv igen, eller kontakt kommunen.");
        return;
      }
      visStatus(sektion, statusTekst());
      if (m.svar.ok) {
        tilServiceworker("gem-alt");
        visFejl(form, [], false);
        visFejlresume(sektion, [], false);
        visResultat(sektion, m.svar, indsendt);
      } else {
        visFejl(form, m.svar.fejl, indsendt);
        visFejlresume(sektion, m.svar.fejl, indsendt);
        sektion.classList.remove("kvh-har-resultat");
        sektion.querySelector("[data-annonce]").textContent = "";
        const boks = sektion.querySelector("[data-resultat]");
        boks.replaceChildren(element("p", { class: "kvh-ingen" },
          indsendt ? "Ret de markerede felter for at se et resultat." : "Udfyld felterne for at se et resultat."));
      }
    };

    udfyldFraAdresse(form);
    opdaterSynlighed(form);
    // Live: every change is sent at once; answers to superseded inputs are dropped.
    form.addEventListener("input", (e) => {
      performance.mark("kvh-input");
      const felt = e.target.closest("[data-felt]");
      if (felt) felt.dataset.rørt = "ja";
      opdaterSynlighed(form);
      kør(false);
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      kør(true);
    });
    const opdater = () => {
      visStatus(sektion, statusTekst());
      // Python came after all (a slow start outlived the bound): answer what was typed.
      if (state.klar && afventer) {
        afventer = false;
        kør(false);
      }
    };
    state.lyttere.add(opdater);
    visStatus(sektion, statusTekst());
    kør(false); // a form that is complete as served shows its result without typing
  }

  function sideSkift() {
    const sektioner = document.querySelectorAll("[data-beregner]");
    if (sektioner.length === 0) return; // no calculator: no worker, no Pyodide
    worker();
    state.lyttere.clear();
    sektioner.forEach(opsæt);
  }

  // Start Python now if this page has a calculator: from <head> while the page still
  // loads, or at the end of the body, before Material's document$ says the page is ready.
  if (tidlig || document.querySelector("[data-beregner]")) worker();

  // Material's document$ (instant navigation) exists once its bundle has run. The bundle is
  // deferred like our scripts at the end of the body (scripts/sitegen/scriptindlaesning.py),
  // so it has run by DOMContentLoaded, but this copy may run before that: from <head>, async,
  // even after the page is parsed while the deferred scripts still wait for their files.
  // So it waits for DOMContentLoaded unless that has begun already.
  const følgSider = () => {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(sideSkift);
    else sideSkift();
  };
  const navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  const indlæst = navigation ? navigation.domContentLoadedEventStart > 0 : document.readyState !== "loading";
  if (indlæst) følgSider();
  else document.addEventListener("DOMContentLoaded", følgSider, { once: true });
})();
