/* Gongkai term-set search: the index a large site searches instead of Pagefind's (generator/search/sets/).
 * A query downloads, per index and per word, one term file holding the word's page set (at most pages/8 bytes, a
 * bitmap, however many pages hold it), then one small page list and one Pagefind fragment per result shown.
 * Pagefind fetched every matching page's postings, so a word on most of 100,000 pages cost ~1 MB.
 * Exposes window.gkSets.open(entries, root, options) → Promise of an object with the part of Pagefind's API
 * search.js uses: preload(term), filters(), search(term, {filters}) → {results: [{id, score, data()}], filters,
 * totalFilters}. Needs DecompressionStream (Pagefind's fragments are gzip); search.js checks before loading this. */
(function () {
  "use strict";

  var LIST = 0, RUNS = 1, BITMAP = 2;
  var SIGNATURE = "pagefind_dcd";
  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var HAN_RUN = new RegExp("[" + HAN + "]+", "g");
  var OTHER_RUN = /[0-9a-z]+/g;
  var EXCERPT = 40, BEFORE = 12;  // characters shown around the first word found, and how many before it
  var encoder = new TextEncoder(), decoder = new TextDecoder();
  var BITS = new Uint8Array(256);
  for (var b = 1; b < 256; b++) BITS[b] = BITS[b >> 1] + (b & 1);

  /* The terms a page must hold to match one query word: as generator/search/sets/terms.py word_terms. */
  function wordTerms(word) {
    word = word.toLowerCase();
    var terms = (word.match(OTHER_RUN) || []).slice();
    (word.match(HAN_RUN) || []).forEach(function (run) {
      if (run.length === 1) { terms.push(run); return; }
      for (var i = 0; i + 1 < run.length; i++) terms.push(run.substr(i, 2));
    });
    return terms.filter(function (t, i) { return terms.indexOf(t) === i; });
  }

  function queryWords(term) {
    return (term || "").split(/\s+/).map(function (w) { return w.replace(/^"|"$/g, ""); }).filter(function (w) {
      return wordTerms(w).length;
    });
  }

  function fnv1a(text) {
    var h = 0x811c9dc5;
    encoder.encode(text).forEach(function (byte) { h = Math.imul(h ^ byte, 0x01000193) >>> 0; });
    return h;
  }

  function Reader(bytes) { this.bytes = bytes; this.at = 0; }
  Reader.prototype.varint = function () {
    var value = 0, shift = 0, byte;
    do { byte = this.bytes[this.at++]; value += (byte & 0x7f) * Math.pow(2, shift); shift += 7; } while (byte >= 0x80);
    return value;
  };
  Reader.prototype.take = function (length) { var out = this.bytes.subarray(this.at, this.at + length); this.at += length; return out; };

  /* One encoded set (encode.py) as a bitmap of `pages` bits. */
  function decodeSet(data, pages) {
    var size = (pages + 7) >> 3;
    if (!data || !data.length) return new Uint8Array(size);
    if (data[0] === BITMAP) return data.slice(1, 1 + size);
    var bits = new Uint8Array(size), read = new Reader(data), count, previous = -1;
    read.at = 1;
    count = read.varint();
    for (var n = 0; n < count; n++) {
      var start = previous + 1 + read.varint();
      var end = data[0] === LIST ? start : start + read.varint();
      for (var i = start; i <= end; i++) bits[i >> 3] |= 1 << (i & 7);
      previous = end;
    }
    return bits;
  }

  /* A file of entries: key, then its encoded sets, each length-prefixed (build.py _entry). */
  function parseEntries(bytes, setsPerEntry) {
    var read = new Reader(bytes), entries = {};
    while (read.at < bytes.length) {
      var key = decoder.decode(read.take(read.varint()));
      var sets = [];
      for (var s = 0; s < setsPerEntry; s++) sets.push(read.take(read.varint()));
      entries[key] = sets;
    }
    return entries;
  }

  function and(a, b) { var out = new Uint8Array(a.length); for (var i = 0; i < a.length; i++) out[i] = a[i] & b[i]; return out; }
  function or(a, b) { var out = new Uint8Array(a.length); for (var i = 0; i < a.length; i++) out[i] = a[i] | b[i]; return out; }
  function count(bits) { var n = 0; for (var i = 0; i < bits.length; i++) n += BITS[bits[i]]; return n; }
  function has(bits, i) { return (bits[i >> 3] >> (i & 7)) & 1; }

  function allPages(pages) {
    var bits = new Uint8Array((pages + 7) >> 3).fill(255);
    if (pages & 7) bits[bits.length - 1] = (1 << (pages & 7)) - 1;
    return bits;
  }

  function gunzipJson(buffer) {
    var stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(function (text) {
      return JSON.parse(text.slice(text.indexOf(SIGNATURE) === 0 ? SIGNATURE.length : 0));
    });
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* A few dozen characters of the page's text around the first of `words` it holds (the words typed together come
   * first), each word in <mark>. */
  function excerpt(content, words) {
    var text = content.replace(/\u200b/g, ""), lower = text.toLowerCase();
    var first = -1;
    words.some(function (w) { first = lower.indexOf(w.toLowerCase()); return first >= 0; });
    var start = Math.max(0, first - BEFORE), shown = text.substr(start, EXCERPT);
    var pattern = words.filter(Boolean).sort(function (a, b) { return b.length - a.length; }).map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|");
    // One pass, longest word first: every match is marked once, never inside another mark.
    var html = pattern ? shown.split(new RegExp("(" + pattern + ")", "i")).map(function (piece, i) {
      return i % 2 ? "<mark>" + escapeHtml(piece) + "</mark>" : escapeHtml(piece);
    }).join("") : escapeHtml(shown);
    return (start > 0 ? "…" : "") + html + (start + EXCERPT < text.length ? "…" : "");
  }

  /* One index folder (one build, or one part of a split build): search/sets/<key>/ with its manifest. */
  function Index(path, bundles, manifest, root) {
    this.base = new URL(path, root);
    this.bundles = bundles;
    this.pages = manifest.pages;
    this.buckets = manifest.buckets;
    this.chunk = manifest.chunk;
    this.version = manifest.version;
    this.root = root;
    this.files = {};
    this.facets = null;
  }

  Index.prototype.fetch = function (name, kind) {
    var url = new URL(name + "?v=" + this.version, this.base).href;
    if (!this.files[url]) {
      this.files[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": " + response.status);
        return kind === "json" ? response.json() : response.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
      this.files[url].catch(function () {});
    }
    return this.files[url];
  };

  /* {"name\0value": bitmap} for every filter value; every search needs 状态, so this loads with the index. */
  Index.prototype.loadFacets = function () {
    var self = this;
    if (!this.facets) {
      this.facets = this.fetch("f.bin").then(function (bytes) {
        var entries = parseEntries(bytes, 1), out = {};
        Object.keys(entries).forEach(function (key) { out[key] = decodeSet(entries[key][0], self.pages); });
        return out;
      });
    }
    return this.facets;
  };

  /* [anywhere, in title] bitmaps of one term; empty sets when no page holds it. */
  Index.prototype.term = function (term) {
    var self = this;
    return this.fetch("t/" + (fnv1a(term) % this.buckets) + ".bin").then(function (bytes) {
      var parsed = self.parsed = self.parsed || {};
      var key = fnv1a(term) % self.buckets;
      parsed[key] = parsed[key] || parseEntries(bytes, 2);
      var sets = parsed[key][term] || [];
      return [decodeSet(sets[0], self.pages), decodeSet(sets[1], self.pages)];
    });
  };

  /* Pages holding every term of the word (anywhere, and in the title). */
  Index.prototype.word = function (word) {
    var self = this;
    return Promise.all(wordTerms(word).map(function (t) { return self.term(t); })).then(function (sets) {
      return sets.reduce(function (acc, s) { return [and(acc[0], s[0]), and(acc[1], s[1])]; });
    });
  };

  Index.prototype.counts = function (facets, bits) {
    var out = {};
    Object.keys(facets).forEach(function (key) {
      var n = count(and(facets[key], bits));
      var cut = key.indexOf("\0"), name = key.slice(0, cut), value = key.slice(cut + 1);
      (out[name] = out[name] || {})[value] = n;  // zero counts kept, as Pagefind keeps them
    });
    return out;
  };

  function chosen(facets, filters, pages) {
    var bits = allPages(pages);
    Object.keys(filters || {}).forEach(function (name) {
      var any = new Uint8Array(bits.length);
      (filters[name].any || []).forEach(function (value) {
        var set = facets[name + "\0" + value];
        if (set) any = or(any, set);
      });
      bits = and(bits, any);
    });
    return bits;
  }

  /* Score: 1, plus 1 for each word in the title, plus 2 when the words as typed together are in the title (营业|执照
   * cut in two by the browser still puts 营业执照 in a title first). The same numbers in every index, so the indexes'
   * results merge by score. */
  Index.prototype.search = function (term, options, order) {
    var self = this, words = queryWords(term), phrase = words.length > 1 ? words.join("") : "";
    var lookups = words.concat(phrase ? [phrase] : []).map(function (w) { return self.word(w); });
    return Promise.all([this.loadFacets(), Promise.all(lookups)]).then(function (got) {
      var facets = got[0], found = got[1].slice(0, words.length), whole = phrase ? got[1][words.length][1] : null;
      var base = found.reduce(function (acc, s) { return and(acc, s[0]); }, allPages(self.pages));
      var bits = and(base, chosen(facets, (options || {}).filters, self.pages));
      var results = [], marked = (phrase ? [phrase] : []).concat(words);
      for (var i = 0; i < self.pages; i++) {
        if (!has(bits, i)) continue;
        var score = found.reduce(function (n, s) { return n + has(s[1], i); }, 1) + (whole ? 2 * has(whole, i) : 0);
        results.push(self.result(i, score, marked, order));
      }
      return { results: results, filters: self.counts(facets, bits), totalFilters: self.counts(facets, base) };
    });
  };

  Index.prototype.result = function (page, score, words, order) {
    var self = this;
    return {
      id: order + ":" + page,
      score: score,
      data: function () {
        return self.fetch("d/" + Math.floor(page / self.chunk) + ".json", "json").then(function (chunk) {
          var ref = chunk[page % self.chunk].split("/");
          var url = new URL(self.bundles[+ref[0]] + "fragment/" + ref[1] + ".pf_fragment", self.root).href;
          return fetch(url).then(function (r) { return r.arrayBuffer(); }).then(gunzipJson);
        }).then(function (fragment) {
          return {
            url: self.root.pathname.replace(/\/$/, "") + fragment.url,
            meta: fragment.meta || {},
            filters: fragment.filters || {},
            excerpt: excerpt(fragment.content || "", words)
          };
        });
      }
    };
  };

  function sum(into, counts) {
    Object.keys(counts).forEach(function (name) {
      var target = into[name] = into[name] || {};
      Object.keys(counts[name]).forEach(function (v) { target[v] = (target[v] || 0) + counts[name][v]; });
    });
    return into;
  }

  /* Every index searched as one: results by score (ties in index order, then page order), counts summed. */
  function open(entries, root) {
    return Promise.all(entries.map(function (entry) {
      return fetch(new URL(entry.path + "index.json", root).href, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(entry.path + "index.json: " + response.status);
        return response.json();
      }).then(function (manifest) {
        var index = new Index(entry.path, entry.bundles, manifest, root);
        index.loadFacets();
        return index;
      });
    })).then(function (indexes) {
      return {
        preload: function (term) {
          queryWords(term).forEach(function (w) { indexes.forEach(function (index) { index.word(w); }); });
        },
        filters: function () {
          return Promise.all(indexes.map(function (index) {
            return index.loadFacets().then(function (facets) { return index.counts(facets, allPages(index.pages)); });
          })).then(function (all) { return all.reduce(sum, {}); });
        },
        search: function (term, options) {
          return Promise.all(indexes.map(function (index, n) { return index.search(term, options, n); })).then(function (found) {
            var results = [].concat.apply([], found.map(function (f) { return f.results; }));
            results.sort(function (a, b) { return b.score - a.score; });  // stable: index order, then page order
            return {
              results: results,
              filters: found.reduce(function (acc, f) { return sum(acc, f.filters); }, {}),
              totalFilters: found.reduce(function (acc, f) { return sum(acc, f.totalFilters); }, {})
            };
          });
        }
      };
    });
  }

  window.gkSets = { open: open, wordTerms: wordTerms, fnv1a: fnv1a, excerpt: excerpt };
})();
