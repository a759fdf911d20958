/* Gongkai site search: a header combobox and a full search page over the Pagefind index.
 * Vanilla JS, no build step. Pagefind is loaded only when someone starts to search, so ordinary page
 * views cost nothing. Every string from the index is inserted as text (never as HTML), except Pagefind's
 * <mark> highlights, which are rebuilt element by element. */
(function () {
  "use strict";

  var HEADER_RESULTS = 6;
  var PAGE_SIZE = 10;
  var NO_INDEX = "搜索索引尚未生成，暂时无法搜索。";
  var FILTER_ORDER = ["类型", "部门", "五权", "类别", "办件类型", "是否收费"];
  // One collator: localeCompare with a locale builds one per call, which took ~80 ms for a 10,000-record site's facets.
  var byPinyin = new Intl.Collator("zh-Hans-CN").compare;

  function siteRoot() {
    var base = ".";
    var config = document.getElementById("__config");
    if (config) {
      try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  var root = siteRoot();
  var searchPromise = null;

  var OPTIONS = { baseUrl: root.pathname, excerptLength: 24 };

  /* One Pagefind bundle, opened through its own pagefind.js: a separate module gets its own Web Worker. */
  function openBundle(path) {
    return import(new URL(path + "pagefind.js", root).href).then(function (pagefind) {
      return pagefind.options(OPTIONS).then(function () { return pagefind.init(); }).then(function () { return pagefind; });
    });
  }

  /* One worker: an opened bundle with the other bundles of its group merged in, which it searches in turn. */
  function mergeInto(opened, paths) {
    return opened.then(function (pagefind) {
      return Promise.all(paths.map(function (path) {
        return pagefind.mergeIndex(new URL(path, root).pathname, OPTIONS);
      })).then(function () { return pagefind; });
    });
  }

  function sumCounts(list) {
    var total = {};
    list.forEach(function (counts) {
      Object.keys(counts || {}).forEach(function (name) {
        var into = total[name] = total[name] || {};
        Object.keys(counts[name]).forEach(function (value) { into[value] = (into[value] || 0) + counts[name][value]; });
      });
    });
    return total;
  }

  /* The workers searched as one: results merged by score (a stable sort, so ties keep worker order) and facet
   * counts summed, as Pagefind's own mergeIndex does within a worker. The workers run in parallel. */
  function searchAll(bundles) {
    return {
      preload: function (term) { bundles.forEach(function (b) { b.preload(term); }); },
      filters: function () {
        return Promise.all(bundles.map(function (b) { return b.filters(); })).then(sumCounts);
      },
      search: function (term, options) {
        return Promise.all(bundles.map(function (b) { return b.search(term, options); })).then(function (found) {
          var results = [].concat.apply([], found.map(function (f) { return f.results; }));
          results.sort(function (a, b) { return b.score - a.score; });
          return { results: results, filters: sumCounts(found.map(function (f) { return f.filters; })) };
        });
      }
    };
  }

  /* A large catalogue's index is split into shards dealt into worker groups (generator/search/index.py), listed in
   * pagefind/gk-shards.json as {"workers": [["pagefind/", …], ["pagefind-1/", …]]}. The first bundle of each
   * group is opened as its own module, so it gets its own Web Worker. Resolves to the merged search, or null
   * when the site has no index (e.g. `gongkai serve`). Loaded only when someone starts to search. */
  function loadSearch() {
    if (!searchPromise) {
      var primary = openBundle("pagefind/");  // always the first group's first bundle; opened while the list loads
      primary.catch(function () {});  // handled below, once the list is in: not an unhandled rejection meanwhile
      var manifest = fetch(new URL("pagefind/gk-shards.json", root).href).then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () { return {}; });
      searchPromise = manifest.then(function (list) {
        var groups = list.workers || [["pagefind/"]];
        return Promise.all(groups.map(function (paths, i) {
          return mergeInto(i === 0 ? primary : openBundle(paths[0]), paths.slice(1));
        }));
      }).then(searchAll).catch(function () { return null; });
    }
    return searchPromise;
  }

  /* Fetch the index chunks for what is typed while an earlier search still runs (Pagefind's preload); a search
   * that starts at once fetches them itself. */
  function preload(term) {
    if (!term) return;
    loadSearch().then(function (search) { if (search) search.preload(term); });
  }

  /* Run `task` (which returns a promise) now, or once the run in progress ends, for the latest input only.
   * No fixed delay: a word committed from a Chinese input method arrives as one input event and is searched
   * at once, while fast typing never queues more than one search. */
  function latestOnly(task) {
    var running = false;
    var again = false;
    function run() {
      running = true;
      again = false;
      new Promise(function (resolve) { resolve(task()); }).then(finish, finish);  // a throw must not wedge it
    }
    function finish() {
      running = false;
      if (again) run();
    }
    // True when the task started now; false when it waits for the run in progress.
    return function () {
      if (running) { again = true; return false; }
      run();
      return true;
    };
  }

  /* Call `onText(term)` when the text changes, but not for the pinyin an input method is still composing.
   * Chrome sends the last input event before compositionend, Firefox after it: that one is not a change. */
  function onTextInput(input, onText) {
    var composed = null;
    input.addEventListener("compositionend", function () {
      composed = input.value;
      onText(input.value.trim());
    });
    input.addEventListener("input", function (ev) {
      if (ev.isComposing) return;
      var repeat = composed !== null && input.value === composed;
      composed = null;
      if (!repeat) onText(input.value.trim());
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* Pagefind excerpts are HTML with <mark>; keep only text and <mark>. A <template> never runs scripts. */
  function excerptNode(html) {
    var out = el("p", "gk-result__excerpt");
    var tpl = document.createElement("template");
    tpl.innerHTML = html || "";
    tpl.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") {
        out.appendChild(el("mark", null, node.textContent));
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function firstValue(filters, name) {
    var values = (filters || {})[name];
    return values && values.length ? values[0] : null;
  }

  /* Kind · department · category. Kind and category come from the page's filters, not meta: Pagefind
   * indexes meta values as words, and 行政职权/行政处罚 on thousands of pages slowed every 行政… query. */
  function metaText(data) {
    var kind = firstValue(data.filters, "类型");
    var category = firstValue(data.filters, "类别") || kind;
    return [kind, (data.meta || {}).department, category].filter(function (v, i, all) {
      return v && all.indexOf(v) === i;
    }).join(" · ");
  }

  function searchPageUrl(term) {
    var url = new URL("search/", root);
    if (term) url.searchParams.set("q", term);
    return url.href;
  }

  /* ---------- header combobox ---------- */

  function HeaderSearch(box) {
    this.form = box.querySelector("form");
    this.input = box.querySelector("input");
    this.list = box.querySelector("[role=listbox]");
    this.status = box.querySelector("[data-gk-status]");
    this.active = -1;
    this.seq = 0;
    this.bind();
  }

  HeaderSearch.prototype.bind = function () {
    var self = this;
    var run = latestOnly(function () { return self.search(); });
    this.input.addEventListener("focus", function () { loadSearch(); });
    onTextInput(this.input, function (term) {
      if (!term) { self.close(); self.say(""); return; }
      if (!run()) preload(term);
    });
    this.input.addEventListener("keydown", function (ev) { self.onKey(ev); });
    this.input.addEventListener("blur", function () {
      setTimeout(function () { if (!self.form.contains(document.activeElement)) self.close(); }, 150);
    });
    this.form.addEventListener("submit", function (ev) {
      var option = self.options()[self.active];
      if (option) { ev.preventDefault(); window.location.href = option.querySelector("a").href; }
    });
    document.addEventListener("click", function (ev) { if (!self.form.contains(ev.target)) self.close(); });
  };

  HeaderSearch.prototype.options = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("[role=option]"));
  };

  HeaderSearch.prototype.onKey = function (ev) {
    var options = this.options();
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!options.length) return;
      ev.preventDefault();
      this.open();
      var next = this.active + (ev.key === "ArrowDown" ? 1 : -1);
      this.select(next < -1 ? options.length - 1 : next);
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      if (!this.list.hidden) { this.close(); } else { this.input.value = ""; this.say(""); }
    }
  };

  /* index -1 means "back in the text box"; the cycle is -1, 0, 1, …, n-1, -1 */
  HeaderSearch.prototype.select = function (index) {
    var options = this.options();
    if (index >= options.length) index = -1;
    this.active = index;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === index ? "true" : "false"); });
    if (index >= 0) {
      this.input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  HeaderSearch.prototype.open = function () {
    if (this.options().length) { this.list.hidden = false; this.input.setAttribute("aria-expanded", "true"); }
  };

  HeaderSearch.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.select(-1);
  };

  HeaderSearch.prototype.say = function (text) { this.status.textContent = text; };

  HeaderSearch.prototype.search = function () {
    var self = this;
    var term = this.input.value.trim();
    var seq = ++this.seq;
    return loadSearch().then(function (index) {
      if (!index) { self.say(NO_INDEX); return null; }
      return index.search(term).then(function (search) {
        var first = search.results.slice(0, HEADER_RESULTS);
        return Promise.all(first.map(function (r) { return r.data(); })).then(function (data) {
          return { total: search.results.length, data: data };
        });
      });
    }).then(function (found) {
      if (!found || seq !== self.seq || term !== self.input.value.trim()) return;
      self.render(term, found.total, found.data);
    });
  };

  HeaderSearch.prototype.render = function (term, total, data) {
    var self = this;
    this.list.textContent = "";
    data.forEach(function (item, i) {
      var option = el("li", "gk-search__option");
      option.id = "gk-search-option-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var link = el("a", "gk-search__link");
      link.href = item.url;
      link.tabIndex = -1;
      link.appendChild(el("span", "gk-result__title", (item.meta && item.meta.title) || item.url));
      link.appendChild(el("span", "gk-result__meta", metaText(item)));
      option.appendChild(link);
      self.list.appendChild(option);
    });
    var all = el("li", "gk-search__option gk-search__all");
    all.id = "gk-search-option-all";
    all.setAttribute("role", "option");
    all.setAttribute("aria-selected", "false");
    var allLink = el("a", "gk-search__link", total ? "查看全部 " + total + " 项结果，可按部门、类别筛选" : "到搜索页按部门、类别查找");
    allLink.href = searchPageUrl(term);
    allLink.tabIndex = -1;
    all.appendChild(allLink);
    this.list.appendChild(all);
    this.active = -1;
    this.open();
    this.say(total ? "找到 " + total + " 项结果，用上下方向键选择。" : "没有找到与“" + term + "”有关的事项。");
  };

  /* ---------- full search page ---------- */

  function SearchPage(box) {
    this.form = box.querySelector("form");
    this.input = box.querySelector("input[type=search]");
    this.facets = box.querySelector("[data-gk-facets]");
    this.status = box.querySelector("[data-gk-status]");
    this.list = box.querySelector("[data-gk-results]");
    this.more = box.querySelector("[data-gk-more]");
    this.results = [];
    this.shown = 0;
    this.seq = 0;
    this.bind();
  }

  SearchPage.prototype.bind = function () {
    var self = this;
    var params = new URLSearchParams(window.location.search);
    var asked = (params.get("q") || "").trim();
    this.input.value = asked;
    var run = latestOnly(function () { return self.search(); });
    onTextInput(this.input, function (term) { if (!run()) preload(term); });
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.search(); });
    this.more.addEventListener("click", function () { self.showMore(true); });
    this.facets.addEventListener("change", function () { self.search(); });
    loadSearch().then(function (index) {
      if (!index) { self.say(NO_INDEX); return; }
      return index.filters().then(function (filters) {
        self.renderFacets(filters);
        self.box().setAttribute("data-gk-ready", "");
        // The ?q= of the address; text typed meanwhile (or still being composed) is not this search's to run.
        if (asked && self.input.value.trim() === asked) self.search();
      });
    });
  };

  SearchPage.prototype.box = function () { return this.form.parentNode; };
  SearchPage.prototype.say = function (text) { this.status.textContent = text; };

  SearchPage.prototype.renderFacets = function (filters) {
    var self = this;
    var names = Object.keys(filters).sort(function (a, b) {
      var ia = FILTER_ORDER.indexOf(a), ib = FILTER_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || byPinyin(a, b);
    });
    names.forEach(function (name) {
      var values = Object.keys(filters[name]).sort(byPinyin);
      if (!values.length) return;
      var fieldset = el("fieldset", "gk-facet");
      fieldset.appendChild(el("legend", null, name));
      values.forEach(function (value) {
        var label = el("label", "gk-facet__option");
        var box = el("input");
        box.type = "checkbox";
        box.name = name;
        box.value = value;
        label.appendChild(box);
        label.appendChild(el("span", null, value));
        var count = el("span", "gk-facet__count", "（" + filters[name][value] + "）");
        count.setAttribute("data-gk-count", "");
        label.appendChild(count);
        fieldset.appendChild(label);
      });
      self.facets.appendChild(fieldset);
    });
  };

  SearchPage.prototype.chosenFilters = function () {
    var chosen = {};
    this.facets.querySelectorAll("input:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || { any: [] }).any.push(box.value);
    });
    return chosen;
  };

  SearchPage.prototype.updateCounts = function (counts) {
    this.facets.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var n = (counts[box.name] || {})[box.value] || 0;
      box.parentNode.querySelector("[data-gk-count]").textContent = "（" + n + "）";
    });
  };

  SearchPage.prototype.search = function () {
    var self = this;
    var term = this.input.value.trim();
    var filters = this.chosenFilters();
    var seq = ++this.seq;
    var url = new URL(window.location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.href);
    if (!term && !Object.keys(filters).length) {
      this.results = []; this.shown = 0; this.list.textContent = ""; this.more.hidden = true;
      this.say("请输入要查找的事项名称或关键词。");
      return Promise.resolve();
    }
    return loadSearch().then(function (index) {
      if (!index) { self.say(NO_INDEX); return; }
      return index.search(term || null, { filters: filters }).then(function (search) {
        if (seq !== self.seq) return;
        self.results = search.results;
        self.shown = 0;
        self.list.textContent = "";
        if (search.filters) self.updateCounts(search.filters);
        return self.showMore(false).then(function () {
          if (seq !== self.seq) return;
          var total = self.results.length;
          self.say(total ? "找到 " + total + " 项结果。" : "没有找到" + (term ? "与“" + term + "”有关的" : "符合条件的") + "事项。");
        });
      });
    });
  };

  SearchPage.prototype.showMore = function (focusFirst) {
    var self = this;
    var seq = this.seq;
    var batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (seq !== self.seq) return;
      var firstNew = null;
      data.forEach(function (item) {
        var li = el("li", "gk-result");
        var link = el("a", "gk-result__link");
        link.href = item.url;
        link.appendChild(el("span", "gk-result__title", (item.meta && item.meta.title) || item.url));
        li.appendChild(link);
        li.appendChild(el("span", "gk-result__meta", metaText(item)));
        li.appendChild(excerptNode(item.excerpt));
        self.list.appendChild(li);
        firstNew = firstNew || link;
      });
      self.more.hidden = self.shown >= self.results.length;
      if (focusFirst && firstNew) firstNew.focus();
    });
  };

  /* ---------- keyboard shortcut and start-up ---------- */

  function isEditable(node) {
    return node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  function start() {
    var header = document.querySelector("[data-gk-search]");
    if (header) new HeaderSearch(header);
    var page = document.querySelector("[data-gk-search-page]");
    if (page) new SearchPage(page);
    /* "/", "s" and "f" focus our box; captured first so Material's own (disabled) search never opens. */
    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || isEditable(ev.target)) return;
      if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
        var input = page ? page.querySelector("input[type=search]") : header && header.querySelector("input");
        if (!input) return;
        ev.preventDefault();
        ev.stopPropagation();
        input.focus();
      }
    }, true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
