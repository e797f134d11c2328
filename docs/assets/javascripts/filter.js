// Filter the table that follows a [data-filter] box as the reader types.
// Works with Material's instant navigation (re-run on every page via document$).
(() => {
  "use strict";
  const norm = (s) => s.toLocaleLowerCase("da").normalize("NFC");

  function opsæt(boks) {
    if (boks.dataset.klar) return;
    boks.dataset.klar = "ja";
    const felt = boks.querySelector("input");
    const status = boks.querySelector("[role=status]");
    const tabel = [...document.querySelectorAll(".md-content table")]
      .find((t) => boks.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (!felt || !tabel) return;
    const rækker = [...tabel.tBodies[0].rows];
    const søg = boks.querySelector("[data-kvh-filter-soeg]"); // the offer of the whole search
    const filtrér = () => {
      const ord = norm(felt.value).split(/\s+/).filter(Boolean);
      let vist = 0;
      for (const r of rækker) {
        const tekst = norm(r.textContent);
        const vis = ord.every((o) => tekst.includes(o));
        r.hidden = !vis;
        if (vis) vist++;
      }
      status.textContent = ord.length
        ? `Viser ${vist} af ${rækker.length} standarder.`
        : `Viser alle ${rækker.length} standarder.`;
      // No title, area or law has the words: offer the handbook's search, which also reads the
      // standards' text and the everyday words people use ("hjemmehjælp", "gangstativ").
      if (søg) {
        søg.hidden = !(ord.length && vist === 0);
        søg.textContent = `Søg efter »${felt.value.trim()}« i hele håndbogen`;
      }
    };
    søg?.addEventListener("click", () => {
      // The search box (soeg.js) opens and searches on its input event, as when the reader types.
      const soegefelt = document.getElementById("kvh-soeg-felt");
      if (!soegefelt) return;
      soegefelt.value = felt.value.trim();
      soegefelt.dispatchEvent(new Event("input", { bubbles: true }));
      soegefelt.focus({ preventScroll: true });
    });
    felt.addEventListener("input", filtrér);
    filtrér();
  }

  const kør = () => document.querySelectorAll("[data-filter]").forEach(opsæt);
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(kør);
  else document.addEventListener("DOMContentLoaded", kør);
})();
