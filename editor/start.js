// Starts the editor: the site's own stylesheets and layout in the preview, links to the tables'
// how-to above the editor, the commons' front-matter format (front-matter.js), then the
// configuration in config.yml (made by the build).
import * as YAML from "./yaml/index.js";
import { frontMatterFormat } from "./front-matter.js";

{
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
  // The page as the site shows it: the title, the summary, then the text, in the site's
  // own typography (Material's .md-typeset, from the stylesheets registered above).
  function preview(props) {
    var h = window.h;
    var data = props.entry.get("data");
    return h("article", { className: "md-content__inner md-typeset" },
      h("h1", null, data.get("title")),
      h("p", { className: "commons-summary" }, data.get("summary")),
      props.widgetFor("body"));
  }
  settings.collections.forEach(function (name) {
    window.CMS.registerPreviewTemplate(name, preview);
  });
  window.CMS.registerCustomFormat("commons-front-matter", "md", frontMatterFormat(YAML));
  window.CMS.init();
}
