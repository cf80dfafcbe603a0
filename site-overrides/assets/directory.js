/* Teacher directory filters. The server-rendered page lists every teacher; this script
   reveals the filter form, hides the cards that do not match, announces the count in a live
   region (saying how to widen a search that matches nobody), folds the filters behind a
   button on a phone, and keeps the choices in the URL query string (shareable, restored on
   load and on back/forward). The form's space is kept from the first paint (generated.css),
   so revealing it moves nothing. */
(function () {
  "use strict";

  function setUp(form) {
    var list = document.querySelector("[data-commons-list]");
    var status = document.querySelector("[data-commons-count]");
    if (!list || !status) { return; }
    var cards = Array.prototype.slice.call(list.querySelectorAll(".commons-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var total = cards.length;

    function choices() {
      var chosen = {};
      selects.forEach(function (select) {
        if (select.value) { chosen[select.name] = select.value; }
      });
      return chosen;
    }

    function matches(card, chosen) {
      return Object.keys(chosen).every(function (key) {
        var values = (card.getAttribute("data-" + key) || "").split(" ");
        return values.indexOf(chosen[key]) !== -1;
      });
    }

    function apply() {
      var chosen = choices();
      var shown = 0;
      cards.forEach(function (card) {
        var show = matches(card, chosen);
        card.hidden = !show;
        if (show) { shown += 1; }
      });
      var noun = status.getAttribute(total === 1 ? "data-noun-one" : "data-noun") ||
        (total === 1 ? "teacher" : "teachers");
      var reset = form.querySelector("button[type=reset]");
      if (!Object.keys(chosen).length) {
        status.textContent = "Showing all " + total + " " + noun;
      } else if (shown === 0) {
        status.textContent = "No " + noun + " match all of these choices. To see more, set " +
          "one of the filters back to \u201cAny\u201d, or choose \u201c" +
          (reset ? reset.textContent : "Show all") + "\u201d.";
      } else {
        status.textContent = "Showing " + shown + " of " + total + " " + noun;
      }
      list.hidden = shown === 0;
    }

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (option) {
          return option.value === wanted;
        });
        select.value = known ? wanted : "";
      });
      apply();
    }

    function toUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) { params.set(select.name, select.value); }
        else { params.delete(select.name); }
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.pushState(null, "", url);
      }
    }

    form.addEventListener("change", function () { toUrl(); apply(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { toUrl(); apply(); }, 0);
    });
    window.addEventListener("popstate", fromUrl);
    var fold = form.querySelector("[data-commons-fold]");
    if (fold) {
      fold.addEventListener("click", function () {
        var open = fold.getAttribute("aria-expanded") !== "true";
        fold.setAttribute("aria-expanded", open ? "true" : "false");
        fold.textContent = open ? "Hide filters" : "Show filters";
        form.toggleAttribute("data-open", open);
      });
    }
    form.hidden = false;
    fromUrl();
  }

  function start() {
    var form = document.querySelector("form[data-commons-filter]");
    if (form && !form.hasAttribute("data-ready")) {
      form.setAttribute("data-ready", "");
      setUp(form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
