// A sentence about a dated change (the health reform on 1 January 2027) is written into the page
// in both tenses (scripts/sitegen/datotekst.py, foer_og_efter): [data-kvh-foer="DAY"] holds before
// that day, [data-kvh-fra="DAY"] from it. The build shows the one for its own date; here the
// reader's date decides, so a page built or kept offline before the day reads right after it.
(() => {
  "use strict";

  // Today on the reader's own calendar, as YYYY-MM-DD (compares as text).
  function iDag() {
    const d = new Date();
    const to = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${to(d.getMonth() + 1)}-${to(d.getDate())}`;
  }

  function kør() {
    const dag = iDag();
    document.querySelectorAll("[data-kvh-foer]").forEach((el) => { el.hidden = dag >= el.dataset.kvhFoer; });
    document.querySelectorAll("[data-kvh-fra]").forEach((el) => { el.hidden = dag < el.dataset.kvhFra; });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(kør);
  else document.addEventListener("DOMContentLoaded", kør);
  // A tab left open over the day (on a desk from 31 December), or a page the browser brings back
  // from its back/forward cache, is checked again when the reader returns to it.
  document.addEventListener("visibilitychange", () => { if (!document.hidden) kør(); });
  window.addEventListener("pageshow", (e) => { if (e.persisted) kør(); });
})();
