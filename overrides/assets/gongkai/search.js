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
  // Every record page has a 状态 filter: 现行, or 已取消 on an abolished record's page. Searches ask for 现行 only,
  // unless the reader ticks 包括已取消的事项; then withdrawn items are searched separately and listed after.
  var STATUS = "状态";
  var LIVE = "现行";
  var WITHDRAWN = "已取消";
  var NUMBER = /^\d+$/;
  var HAN = /[\u3400-\u9fff]/;
  // One collator: localeCompare with a locale builds one per call, which took ~80 ms for a 10,000-record site's facets.
  var byPinyin = new Intl.Collator("zh-Hans-CN").compare;

  var root = window.gkSiteRoot();  // t2s.js, loaded before this file
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
          return {
            results: results,
            filters: sumCounts(found.map(function (f) { return f.filters; })),
            totalFilters: sumCounts(found.map(function (f) { return f.totalFilters; }))
          };
        });
      }
    };
  }

  /* A large catalogue's index is split into shards dealt into worker groups (generator/search/index.py), listed in
   * pagefind/gk-shards.json as {"workers": [["pagefind/", …], ["pagefind-1/", …]]}. The first bundle of each
   * group is opened as its own module, so it gets its own Web Worker. */
  function openPagefind(list) {
    var groups = list.workers || [["pagefind/"]];
    return Promise.all(groups.map(function (paths) { return mergeInto(openBundle(paths[0]), paths.slice(1)); })).then(searchAll);
  }

  /* A site of many thousands of records also lists term-set indexes ("sets"), which cost a query a bounded download
   * (sets.js, generator/search/sets/). They read Pagefind's gzip fragments for the results, so a browser without
   * DecompressionStream searches Pagefind instead, as it does when sets.js cannot be loaded. */
  function openSets(list) {
    return new Promise(function (resolve, reject) {
      if (window.gkSets) { resolve(); return; }
      var script = document.createElement("script");
      script.src = new URL("assets/gongkai/sets.js", root).href;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () { return window.gkSets.open(list.sets, root); });
  }

  /* Resolves to the site's search, or null when the site has no index (e.g. `gongkai serve`). Loaded only when
   * someone starts to search. */
  function loadSearch() {
    if (!searchPromise) {
      searchPromise = fetch(new URL("pagefind/gk-shards.json", root).href).then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () { return {}; }).then(function (list) {
        if (list.sets && typeof DecompressionStream !== "undefined") {
          return openSets(list).catch(function () { return openPagefind(list); });
        }
        return openPagefind(list);
      }).catch(function () { return null; });
    }
    return searchPromise;
  }

  /* Fetch the index chunks for what is typed while an earlier search still runs (Pagefind's preload); a search
   * that starts at once fetches them itself. */
  function preload(term) {
    if (!term) return;
    loadSearch().then(function (search) { if (search) search.preload(plainWords(term)); });
  }

  /* The office's words for what people type (portal/synonyms.yaml → search/synonyms.json), as word → {search: [terms],
   * note}. Fetched with the index; a site without the file has none. */
  var wordsPromise = null;
  function loadWords() {
    if (!wordsPromise) {
      wordsPromise = fetch(new URL("search/synonyms.json", root).href).then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () { return {}; }).then(function (table) {
        var words = {};
        Object.keys(table.words || {}).forEach(function (word) {
          var entry = (table.entries || [])[table.words[word]];
          if (entry && entry.search) words[word] = entry;
        });
        return words;
      });
    }
    return wordsPromise;
  }

  function simplified(term) {
    return window.gkSimplified ? window.gkSimplified(term) : Promise.resolve(term);
  }

  function unique(list) {
    return list.filter(function (v, i) { return v && list.indexOf(v) === i; });
  }

  /* Pagefind cuts a query into words with the browser's Intl.Segmenter, whose dictionary lacks many words the index
   * (cut by jieba at build time) holds: Chromium cuts 举报 into 举|报 and 复议 into 复|议, and a word cut in two finds only
   * pages that hold a word starting with each half (举报 found 3 of the 15 record pages with it). The runtime is patched
   * to cut at spaces only (generator/search/index.py) and the words are cut here: the browser's words, with a run of
   * single Chinese characters read as two-character words from the end (most of the index's words have two), so
   * 对|举|报 becomes 对 举报. A pair is kept only when the index holds it as a word (an exact search, on the chunks the
   * search fetches anyway); else its characters stay apart, as Pagefind cut them: a pair it lacks (职照, or 个工 across
   * 个|工作) would match by Pagefind's fallback, every page with the longest indexed word it starts with (职).
   * Without Intl.Segmenter (or with an unpatched runtime) the text goes on as typed and Pagefind cuts it as before. */
  var WORD_CUTTER = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  var ONE_HAN = /^[\u3400-\u9fff]$/;
  var indexedWords = {};  // pair → promise of whether the index holds it as a word

  /* The query's words as [word, joined]: the browser's words, and each run of single characters as pairs from the end
   * (joined: true, a pair the browser had cut; a lone last character is not joined). */
  function queryWords(term) {
    if (!WORD_CUTTER || !term) return term ? [[term, false]] : [];
    var words = [], run = "";
    function flush() {
      for (var end = run.length, at = words.length; end > 0; end -= 2) {
        var word = run.slice(Math.max(0, end - 2), end);
        words.splice(at, 0, [word, word.length === 2]);
      }
      run = "";
    }
    Array.from(WORD_CUTTER.segment(term)).forEach(function (s) {
      if (ONE_HAN.test(s.segment)) { run += s.segment; return; }
      flush();
      if (s.segment.trim()) words.push([s.segment, false]);
    });
    flush();
    return words;
  }

  function plainWords(term) {
    return queryWords(term).map(function (w) { return w[0]; }).join(" ");
  }

  function isIndexedWord(index, pair) {
    if (!indexedWords[pair]) {
      indexedWords[pair] = index.search('"' + pair + '"').then(function (found) { return found.results.length > 0; },
        function () { return false; });
    }
    return indexedWords[pair];
  }

  /* `term` cut into words for the patched runtime: a joined pair the index lacks goes back to its two characters. */
  function cutQuery(index, term) {
    return Promise.all(queryWords(term).map(function (w) {
      if (!w[1]) return w[0];
      return isIndexedWord(index, w[0]).then(function (held) { return held ? w[0] : w[0].charAt(0) + " " + w[0].charAt(1); });
    })).then(function (cut) { return cut.join(" "); });
  }

  /* A number is matched whole: unquoted, Pagefind falls back to a shorter prefix ("12345" found every "12"). */
  function exactNumber(term) {
    return NUMBER.test(term) ? '"' + term + '"' : term;
  }

  /* What to look for when `term` is typed: the office's words for it, else its simplified form. (Only that form: the
   * site is simplified, and OpenCC left all 278 names of the sample records as they were; searching the typed
   * traditional form too cost a second set of index chunks.) Resolves to {terms, note, simple}. */
  function plan(term) {
    return Promise.all([simplified(term), loadWords()]).then(function (got) {
      var simple = got[0], entry = got[1][simple] || got[1][term];
      var terms = entry ? entry.search : [simple];
      return { terms: terms.map(exactNumber), note: (entry && entry.note) || "", simple: simple };
    });
  }

  function withStatus(filters, status) {
    var out = {};
    Object.keys(filters || {}).forEach(function (name) { out[name] = filters[name]; });
    out[STATUS] = { any: [status] };
    return out;
  }

  function statusCount(counts, status) {
    return ((counts || {})[STATUS] || {})[status] || 0;
  }

  function uniqueResults(found, seen) {
    var out = [];
    found.forEach(function (f) {
      f.results.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = true; out.push(r); } });
    });
    return out;
  }

  /* Every term of a plan, live items first in the plan's order (each term's results by score), then withdrawn items
   * when asked for. Withdrawn items are searched only when Pagefind's unfiltered counts say some match, so most
   * searches cost one search per term. Facet counts are the live searches' summed (an item found by two terms of
   * a plan counts twice). */
  function runPlan(index, planned, filters, withWithdrawn) {
    return Promise.all(planned.terms.map(function (t) { return cutQuery(index, t); })).then(function (cut) {
      return runCut(index, cut.length ? cut : [""], filters, withWithdrawn);
    });
  }

  function runCut(index, terms, filters, withWithdrawn) {
    function each(status) {
      return Promise.all(terms.map(function (t) { return index.search(t || null, { filters: withStatus(filters, status) }); }));
    }
    return each(LIVE).then(function (liveFound) {
      var seen = {};
      var live = uniqueResults(liveFound, seen);
      var matching = statusCount(sumCounts(liveFound.map(function (f) { return f.totalFilters; })), WITHDRAWN);
      var answer = { results: live, live: live.length, filters: sumCounts(liveFound.map(function (f) { return f.filters; })), withdrawn: 0 };
      if (!matching) return answer;
      return each(WITHDRAWN).then(function (goneFound) {
        var gone = uniqueResults(goneFound, seen);
        answer.withdrawn = gone.length;
        if (withWithdrawn) answer.results = live.concat(gone);
        return answer;
      });
    });
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
    this.input.addEventListener("focus", function () { loadSearch(); loadWords(); if (window.gkSimplified) window.gkSimplified.preload(); });
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
    return Promise.all([loadSearch(), plan(term)]).then(function (got) {
      var index = got[0];
      if (!index) { self.say(NO_INDEX); return null; }
      return runPlan(index, got[1], {}, false).then(function (search) {
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
    var allLink = el("a", "gk-search__link", total ? "查看全部 " + total + " 项结果，可按部门、类别筛选" : "没有找到。到搜索页看看相近的词和目录");
    allLink.href = searchPageUrl(term);
    allLink.tabIndex = -1;
    all.appendChild(allLink);
    this.list.appendChild(all);
    this.active = -1;
    this.open();
    this.say(total ? "找到 " + total + " 项结果，用上下方向键选择。" : "没有找到与“" + term + "”有关的事项。");
  };

  /* ---------- full search page ---------- */

  var NEAR_TERMS = 4;

  function SearchPage(box) {
    this.box = box;
    this.form = box.querySelector("form");
    this.input = box.querySelector("input[type=search]");
    this.panel = box.querySelector("[data-gk-filters]");
    this.active = box.querySelector("[data-gk-filters-active]");
    this.facets = box.querySelector("[data-gk-facets]");
    this.status = box.querySelector("[data-gk-status]");
    this.note = box.querySelector("[data-gk-note]");
    this.list = box.querySelector("[data-gk-results]");
    this.more = box.querySelector("[data-gk-more]");
    this.empty = box.querySelector("[data-gk-empty]");
    this.near = box.querySelector("[data-gk-near]");
    this.withdrawn = null;  // the 包括已取消的事项 box, when the index has withdrawn items
    this.results = [];
    this.live = 0;
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
    this.facets.addEventListener("change", function () { self.showActive(); self.search(); });
    if (window.gkSimplified) window.gkSimplified.preload();
    Promise.all([loadSearch(), loadWords()]).then(function (got) {
      var index = got[0];
      if (!index) { self.say(NO_INDEX); return; }
      return index.filters().then(function (filters) {
        self.renderFacets(filters);
        self.box.setAttribute("data-gk-ready", "");
        // The ?q= of the address; text typed meanwhile (or still being composed) is not this search's to run.
        if (asked && self.input.value.trim() === asked) self.search();
      });
    });
  };

  SearchPage.prototype.say = function (text) { this.status.textContent = text; };

  SearchPage.prototype.checkbox = function (name, value, text, count) {
    var label = el("label", "gk-facet__option");
    var box = el("input");
    box.type = "checkbox";
    box.name = name;
    box.value = value;
    label.appendChild(box);
    label.appendChild(el("span", null, text));
    var shown = el("span", "gk-facet__count", "（" + count + "）");
    shown.setAttribute("data-gk-count", "");
    label.appendChild(shown);
    return label;
  };

  SearchPage.prototype.renderFacets = function (filters) {
    var self = this;
    var names = Object.keys(filters).filter(function (name) { return name !== STATUS; }).sort(function (a, b) {
      var ia = FILTER_ORDER.indexOf(a), ib = FILTER_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || byPinyin(a, b);
    });
    names.forEach(function (name) {
      var values = Object.keys(filters[name]).sort(byPinyin);
      if (!values.length) return;
      var fieldset = el("fieldset", "gk-facet");
      fieldset.appendChild(el("legend", null, name));
      values.forEach(function (value) { fieldset.appendChild(self.checkbox(name, value, value, filters[name][value])); });
      self.facets.appendChild(fieldset);
    });
    var withdrawn = statusCount(filters, WITHDRAWN);
    if (withdrawn) {
      var fieldset = el("fieldset", "gk-facet gk-facet--status");
      fieldset.appendChild(el("legend", null, "已取消的事项"));
      var label = this.checkbox(STATUS, WITHDRAWN, "包括已取消的事项（排在最后）", withdrawn);
      fieldset.appendChild(label);
      this.facets.appendChild(fieldset);
      this.withdrawn = label.querySelector("input");
    }
  };

  /* The ticked facets, without the 状态 box (that one decides whether withdrawn items are searched at all). */
  SearchPage.prototype.chosenFilters = function () {
    var chosen = {};
    this.facets.querySelectorAll("input:checked").forEach(function (box) {
      if (box.name === STATUS) return;
      (chosen[box.name] = chosen[box.name] || { any: [] }).any.push(box.value);
    });
    return chosen;
  };

  /* The folded 筛选 control says how many conditions are ticked, so a narrowed list is never a surprise. */
  SearchPage.prototype.showActive = function () {
    var ticked = this.facets.querySelectorAll("input:checked").length;
    this.active.textContent = ticked ? "（已选 " + ticked + " 项）" : "";
  };

  SearchPage.prototype.updateCounts = function (counts, withdrawn) {
    this.facets.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var n = box.name === STATUS ? withdrawn : (counts[box.name] || {})[box.value] || 0;
      box.parentNode.querySelector("[data-gk-count]").textContent = "（" + n + "）";
    });
  };

  SearchPage.prototype.clear = function () {
    this.results = []; this.live = 0; this.shown = 0;
    this.list.textContent = ""; this.more.hidden = true; this.empty.hidden = true; this.note.hidden = true;
  };

  SearchPage.prototype.search = function () {
    var self = this;
    var term = this.input.value.trim();
    var filters = this.chosenFilters();
    var withWithdrawn = !!(this.withdrawn && this.withdrawn.checked);
    var seq = ++this.seq;
    var url = new URL(window.location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.href);
    if (!term && !Object.keys(filters).length) {
      this.clear();
      this.say("请输入要查找的事项名称或关键词。");
      return Promise.resolve();
    }
    return Promise.all([loadSearch(), plan(term)]).then(function (got) {
      var index = got[0], planned = got[1];
      if (!index) { self.say(NO_INDEX); return; }
      return runPlan(index, planned, filters, withWithdrawn).then(function (search) {
        if (seq !== self.seq) return;
        self.clear();
        self.results = search.results;
        self.live = search.live;
        self.updateCounts(search.filters, search.withdrawn);
        self.showNote(planned.note);
        return self.showMore(false).then(function () {
          if (seq !== self.seq) return;
          self.say(self.summary(term, search, withWithdrawn));
          if (!self.results.length) return self.suggest(index, planned, seq);
        });
      });
    });
  };

  SearchPage.prototype.summary = function (term, search, withWithdrawn) {
    var total = search.results.length;
    var gone = total - search.live;
    var hidden = !withWithdrawn && search.withdrawn
      ? "另有 " + search.withdrawn + " 项已取消的事项，在“筛选”中勾选“包括已取消的事项”可以查看。" : "";
    if (!total) return "没有找到" + (term ? "与“" + term + "”有关的" : "符合条件的") + "事项。" + hidden;
    return "找到 " + total + " 项结果" + (gone ? "，其中 " + gone + " 项已取消，排在最后" : "") + "。" + hidden;
  };

  SearchPage.prototype.showNote = function (text) {
    this.note.textContent = text;
    this.note.hidden = !text;
  };

  /* Nothing found: words near the query that do find something (the office's words it contains or is part of;
   * its space-separated parts; two-character pieces of a longer Chinese query, matched as whole words), plus the
   * catalogues and the 12345 hotline, which the page carries as fixed text. */
  SearchPage.prototype.suggest = function (index, planned, seq) {
    var self = this;
    this.empty.hidden = false;
    this.near.textContent = "";
    return loadWords().then(function (words) {
      var candidates = nearTerms(planned.simple, words);
      return Promise.all(candidates.map(function (word) {
        return plan(word).then(function (p) {
          p.terms = p.terms.map(function (t) { return HAN.test(t) && !words[word] ? '"' + t + '"' : t; });
          return runPlan(index, p, {}, false);
        }).then(function (found) { return { word: word, count: found.results.length }; });
      }));
    }).then(function (found) {
      if (seq !== self.seq) return;
      found.filter(function (f) { return f.count; }).slice(0, NEAR_TERMS).forEach(function (f) {
        var item = el("li");
        var link = el("a", null, f.word);
        link.href = searchPageUrl(f.word);
        item.appendChild(link);
        item.appendChild(document.createTextNode("（" + f.count + " 项）"));
        self.near.appendChild(item);
      });
      self.near.parentNode.hidden = !self.near.children.length;
    });
  };

  function nearTerms(simple, words) {
    var out = Object.keys(words).filter(function (w) {
      return w !== simple && w.length >= 2 && (simple.indexOf(w) >= 0 || w.indexOf(simple) >= 0);
    });
    var parts = simple.split(/\s+/).filter(Boolean);
    if (parts.length > 1) {
      out = out.concat(parts);
    } else if (simple.length >= 3 && HAN.test(simple)) {
      for (var i = 0; i + 2 <= simple.length; i++) {
        var pair = simple.substr(i, 2);
        if (HAN.test(pair.charAt(0)) && HAN.test(pair.charAt(1))) out.push(pair);
      }
    }
    return unique(out).slice(0, 8);
  }

  SearchPage.prototype.showMore = function (focusFirst) {
    var self = this;
    var seq = this.seq;
    var start = this.shown;
    var batch = this.results.slice(start, start + PAGE_SIZE);
    this.shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (seq !== self.seq) return;
      var firstNew = null;
      data.forEach(function (item, i) {
        var gone = start + i >= self.live;
        var li = el("li", gone ? "gk-result gk-result--withdrawn" : "gk-result");
        var link = el("a", "gk-result__link");
        link.href = item.url;
        link.appendChild(el("span", "gk-result__title", (item.meta && item.meta.title) || item.url));
        li.appendChild(link);
        li.appendChild(el("span", "gk-result__meta", (gone ? "已取消 · " : "") + metaText(item)));
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
