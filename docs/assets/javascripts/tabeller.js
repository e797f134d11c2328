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

  function opdatér(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", navnFor(wrap));
    } else if (wrap.hasAttribute("tabindex")) {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
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
