/* Tables wider than the screen scroll sideways inside Material's wrapper; make each such
   wrapper reachable and named, so keyboard users can scroll it too (WCAG 2.1.1). */
(function () {
  "use strict";

  function reachable() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(wraps, function (wrap, index) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (wraps.length > 1 ? "Table " + (index + 1) : "Table") +
          " (scrolls sideways)");
      }
    });
  }

  if (document.readyState === "complete") {
    reachable();
  } else {
    window.addEventListener("load", reachable);
  }
  window.addEventListener("resize", reachable);
})();
