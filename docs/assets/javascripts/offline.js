// Registers the service worker (sw.js at the site's root, written by the build): a second
// visit fetches nothing that has not changed, and once a calculator has answered the whole
// handbook works without a network. Pages work the same without it (a preview, a browser
// that blocks service workers).
(() => {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  const script = document.currentScript ? document.currentScript.src : location.href;
  const rod = new URL("../../", script);
  navigator.serviceWorker.register(new URL("sw.js", rod), { scope: rod.pathname }).catch(() => {
    // No service worker (blocked, or a preview without one): the site works online as before.
  });
})();
