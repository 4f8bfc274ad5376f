/* Förändringshandboken: wide tables stay usable by keyboard (WCAG 2.1.1; axe:
   scrollable-region-focusable). Material wraps every table in a horizontally scrolling
   .md-typeset__scrollwrap at run time; make each wrapper a named, focusable region so a
   keyboard user can scroll it with the arrow keys. */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var heading = wrap.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return heading ? "Tabell: " + heading.textContent.replace(/¶$/, "").trim() : "Tabell";
  }

  function enhance() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label(wrap));
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.requestAnimationFrame(enhance); });
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
