// The front page's "Søg i håndbogen" button opens Material's search and puts the
// cursor in it (the same search as the magnifier in the header).
(() => {
  "use strict";
  document.addEventListener("click", (e) => {
    const knap = e.target.closest("[data-kvh-soeg]");
    if (!knap) return;
    const kontakt = document.getElementById("__search");
    if (kontakt && !kontakt.checked) kontakt.click();
    const felt = document.querySelector(".md-search__input");
    if (felt) setTimeout(() => felt.focus(), 50);
  });
})();
