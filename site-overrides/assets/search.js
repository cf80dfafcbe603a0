/* Site search: the header search box, driven by Pagefind.
 *
 * Pagefind (pagefind/pagefind.js, written by the build) is loaded only when a reader opens
 * search, and then fetches just the index chunks and result fragments a query needs.
 * The box keeps Material's behaviour: "/", "s" or "f" opens it, arrow keys move through
 * results, Enter opens one, Escape closes, and terms are highlighted on the page opened.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var HIGHLIGHT_PARAM = "h";
  var FILTERS = ["type", "audience", "topic", "region"];

  var root = siteRoot();
  highlightTerms();

  var dialog = document.querySelector("[data-commons-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector("[data-commons-search-query]");
  var form = input.form;
  var list = dialog.querySelector("#commons-search-results");
  var status = dialog.querySelector("[data-commons-search-status]");
  var more = dialog.querySelector("[data-commons-search-more]");
  var filterBox = dialog.querySelector("[data-commons-search-filters]");
  var selects = {};
  FILTERS.forEach(function (key) {
    selects[key] = dialog.querySelector('[data-commons-search-filter="' + key + '"]');
  });

  var pagefind = null;
  var loading = null;
  var current = { results: [], shown: 0, term: "" };
  var sequence = 0;
  var timer = null;
  var active = -1;
  var optionCount = 0;

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function load() {
    if (!loading) {
      setStatus(status.dataset.loading);
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        pagefind = module;
        return pagefind.options({
          baseUrl: root.pathname, excerptLength: 24, highlightParam: HIGHLIGHT_PARAM
        });
      }).then(function () {
        return pagefind.init();
      }).catch(function (error) {
        loading = null;
        setStatus(status.dataset.failed);
        throw error;
      });
    }
    return loading;
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    input.select();
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    setExpanded(false);
    input.blur();
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function countText(count) {
    if (count === 0) return status.dataset.none;
    if (count === 1) return status.dataset.one;
    return status.dataset.other.replace("#", String(count));
  }

  function setExpanded(expanded) {
    input.setAttribute("aria-expanded", expanded ? "true" : "false");
  }

  function chosenFilters() {
    var chosen = {};
    FILTERS.forEach(function (key) {
      if (selects[key] && selects[key].value) chosen[key] = [selects[key].value];
    });
    return chosen;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  }

  function run() {
    var term = input.value.trim();
    var filters = chosenFilters();
    var mine = ++sequence;
    if (!term && !Object.keys(filters).length) {
      clearResults();
      setStatus(status.dataset.placeholder);
      return;
    }
    load().then(function () {
      return pagefind.search(term || null, { filters: filters });
    }).then(function (search) {
      if (mine !== sequence || !search) return;
      current = { results: search.results, shown: 0, term: term };
      clearResults();
      setStatus(countText(search.results.length));
      return showMore(mine).then(loadFilters);
    }).catch(function () { /* status already says search could not load */ });
  }

  function clearResults() {
    list.replaceChildren();
    more.hidden = true;
    setActive(-1);
    setExpanded(false);
  }

  function showMore(mine) {
    var batch = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    current.shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== sequence) return;
      pages.forEach(function (page) { list.appendChild(resultItem(page)); });
      more.hidden = current.shown >= current.results.length;
      setExpanded(list.children.length > 0);
    });
  }

  function resultItem(page) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    item.setAttribute("role", "none");
    var title = (page.meta && page.meta.title) || page.url;
    item.appendChild(option(page.url, "h1", title, page.excerpt, page.meta && page.meta.type));
    (page.sub_results || []).filter(function (sub) {
      return sub.url !== page.url && sub.title !== title;
    }).slice(0, 2).forEach(function (sub) {
      item.appendChild(option(sub.url, "h2", sub.title, sub.excerpt, null));
    });
    return item;
  }

  function option(url, level, title, excerpt, type) {
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url;
    link.tabIndex = -1;
    link.id = "commons-search-option-" + (++optionCount);
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (type) {
      var label = document.createElement("span");
      label.className = "commons-search__type";
      label.textContent = type;
      article.appendChild(label);
    }
    var heading = document.createElement(level);
    heading.textContent = title;
    article.appendChild(heading);
    var text = document.createElement("p");
    appendExcerpt(text, excerpt || "");
    article.appendChild(text);
    link.appendChild(article);
    return link;
  }

  /* Pagefind's excerpts mark matches with <mark>; keep those, and only text otherwise. */
  function appendExcerpt(target, html) {
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function options() {
    return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
  }

  function setActive(index) {
    var all = options();
    all.forEach(function (el, i) { el.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0 && all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function loadFilters() {
    if (!filterBox.hidden || !pagefind) return;
    return pagefind.filters().then(function (available) {
      FILTERS.forEach(function (key) {
        var values = Object.keys(available[key] || {}).sort();
        values.forEach(function (value) {
          var choice = document.createElement("option");
          choice.value = value;
          choice.textContent = value;
          selects[key].appendChild(choice);
        });
        selects[key].closest("label").hidden = values.length === 0;
      });
      filterBox.hidden = false;
    });
  }

  /* Global shortcuts, as in Material: "/", "s" or "f" open search. */
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (typing) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });

  input.addEventListener("keydown", function (event) {
    var count = options().length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      setActive((active + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      var chosen = options()[active >= 0 ? active : 0];
      if (chosen) location.href = chosen.href;
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Home" || event.key === "End") {
      setActive(-1);
    }
  });

  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target !== input) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("focus", function () {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load().then(loadFilters).catch(function () {});
  });
  input.addEventListener("input", schedule);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { input.focus(); run(); }, 0);
  });
  FILTERS.forEach(function (key) {
    if (selects[key]) selects[key].addEventListener("change", run);
  });
  more.addEventListener("click", function () { showMore(sequence); });
  /* A search box in the page (404, home): open the site search with what was typed. */
  Array.prototype.forEach.call(document.querySelectorAll("[data-commons-search-form]"),
    function (pageForm) {
      pageForm.addEventListener("submit", function (event) {
        event.preventDefault();
        input.value = pageForm.elements.query.value;
        open();
        run();
      });
    });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      setTimeout(function () { input.focus(); }, 0);
    } else {
      setExpanded(false);
    }
  });

  /* On the page a result opened: mark each searched term in the article, as Material does. */
  function highlightTerms() {
    var params = new URLSearchParams(location.search);
    var terms = params.getAll(HIGHLIGHT_PARAM).join(" ").split(/\s+/).filter(function (t) {
      return t.length > 1;
    });
    var article = document.querySelector("article.md-content__inner");
    if (!terms.length || !article) return;
    var escaped = terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("\\b(" + escaped.join("|") + ")", "gi");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest("script, style, mark, .headerlink, [hidden]")) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) return;
      var fragment = document.createDocumentFragment();
      var last = 0;
      text.replace(pattern, function (match, _group, offset) {
        fragment.appendChild(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = match;
        fragment.appendChild(mark);
        last = offset + match.length;
        return match;
      });
      fragment.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(fragment, node);
    });
  }
})();
