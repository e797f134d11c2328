// A table wider than the page scrolls sideways inside Material's
// .md-typeset__scrollwrap. Keyboard users can only scroll it if the region can
// take focus (WCAG 2.1.1), and screen readers need to know what it is, so a
// wrapper that actually overflows becomes a labelled, focusable region.
// Re-checked when its size changes (window resize, zoom).
(() => {
  "use strict";

  function navnFor(wrap) {
    const tabel = wrap.querySelector("table");
    const caption = tabel && tabel.caption && tabel.caption.textContent.trim();
    if (caption) return caption;
    let el = wrap.previousElementSibling;
    while (el && !/^H[1-6]$/.test(el.tagName)) el = el.previousElementSibling;
    const overskrift = el ? el.textContent.replace(/[¶#]\s*$/, "").trim() : "";
    return overskrift ? `Tabel: ${overskrift}` : "Tabel";
  }

  // A phone shows only the first columns of a wide table, and nothing says there is more:
  // a line above it does, while it is wider than its box.
  const HINT = "Tabellen er bredere end siden: rul sidelæns for at se resten.";

  function hint(wrap, vis) {
    const forrige = wrap.previousElementSibling;
    const har = forrige && forrige.classList.contains("kvh-rul-hint");
    if (vis && !har) {
      wrap.before(Object.assign(document.createElement("p"), { className: "kvh-rul-hint", textContent: HINT }));
    }
    if (!vis && har) forrige.remove();
  }

  function opdatér(wrap) {
    const forBred = wrap.scrollWidth > wrap.clientWidth + 1;
    if (forBred) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", navnFor(wrap));
    } else if (wrap.hasAttribute("tabindex")) {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
    hint(wrap, forBred);
  }

  const observatør = "ResizeObserver" in window
    ? new ResizeObserver((poster) => poster.forEach((p) => opdatér(p.target)))
    : null;

  function kør() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      opdatér(wrap);
      if (observatør) observatør.observe(wrap);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(kør);
  else document.addEventListener("DOMContentLoaded", kør);
})();
