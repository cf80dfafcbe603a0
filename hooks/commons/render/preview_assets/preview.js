// The preview's own script (never part of the built site): it waits for the next rebuild and
// then reloads the page, so every save shows by itself; and it lets the problem panel be hidden.
(function () {
  "use strict";
  var version = document.currentScript.dataset.version;
  function wait() {
    fetch("/.preview/changes?since=" + encodeURIComponent(version), {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (String(state.version) !== version) location.reload();
        else wait();
      }, function () { setTimeout(wait, 2000); });  // the preview is restarting
  }
  function panel() {
    var hide = document.querySelector(".commons-preview-hide");
    if (!hide) return;
    hide.hidden = false;
    hide.addEventListener("click", function () { hide.parentNode.remove(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", panel);
  else panel();
  wait();
})();
