// Printing shows everything: folded boxes (repairs, "Om teksten", a calculator's
// explanation, "Hvad beregneren ikke gør") are opened for the print and folded again after.
(() => {
  "use strict";
  let åbnede = [];
  window.addEventListener("beforeprint", () => {
    åbnede = [...document.querySelectorAll("details:not([open])")];
    åbnede.forEach((d) => (d.open = true));
  });
  window.addEventListener("afterprint", () => {
    åbnede.forEach((d) => (d.open = false));
    åbnede = [];
  });
})();
