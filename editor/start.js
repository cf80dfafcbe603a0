// Starts the editor: the site's own stylesheets in the preview, links to the tables'
// how-to above the editor, then the configuration in config.yml (made by the build).
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("commons-editor-settings").textContent);
  settings.previewStyles.forEach(function (href) { window.CMS.registerPreviewStyle(href); });
  var list = document.getElementById("commons-editor-links");
  settings.links.forEach(function (link) {
    var item = document.createElement("li");
    var anchor = document.createElement("a");
    anchor.href = link.url;
    anchor.textContent = link.title;
    item.appendChild(anchor);
    list.appendChild(item);
  });
  window.CMS.init();
})();
