// Registers the service worker (sw.js at the site's root, written by the build): a second
// visit fetches nothing that has not changed, and once a calculator has answered the whole
// handbook works without a network. Pages work the same without it (a preview, a browser
// that blocks service workers).
//
// It is registered once the page has loaded, and on a page with a calculator once Python has
// started (or failed to): installing it, and the files it fetches and keeps, then never take
// the reader's processor from the page or from the calculator's start (measured with
// `make bench`: a first visit's first answer came about 60 ms later when it did).
(() => {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  const script = document.currentScript ? document.currentScript.src : location.href;
  const rod = new URL("../../", script);
  const registrer = () => navigator.serviceWorker.register(new URL("sw.js", rod), { scope: rod.pathname }).catch(() => {
    // No service worker (blocked, or a preview without one): the site works online as before.
  });
  const efterSiden = () => {
    const beregner = window.__kvhBeregner; // beregner.js's state, on a page with a calculator
    if (beregner && beregner.worker && !beregner.klar && !beregner.startfejl) {
      window.addEventListener("kvh-beregner-startet", registrer, { once: true });
    } else {
      registrer();
    }
  };
  if (document.readyState === "complete") efterSiden();
  else window.addEventListener("load", efterSiden, { once: true });
})();
