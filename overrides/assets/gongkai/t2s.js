/* Traditional → simplified for what a reader types (search boxes, "筛选本表"), with OpenCC's own converter
 * (npm opencc-js, served from assets/vendor/, generator/vendor.py). The site's text is simplified; 營業執照 and
 * 身份證 must find what 营业执照 and 身份证 find. Taiwan and Hong Kong variant forms are read too.
 *
 * Loaded first on every page (it also gives the other scripts window.gkSiteRoot).
 * window.gkSimplified(text) resolves to the simplified text. The converter (109 KB, 53 KB gzipped) is fetched on
 * first use only, and text without a Chinese character never waits for it. Without it (not installed, offline)
 * the text comes back as typed. */
(function () {
  "use strict";

  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var loading = null;

  /* The site's root URL (Material's base, relative to this page): shared with search.js and chart.js. */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    if (config) {
      try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function converter() {
    if (!loading) {
      loading = import(new URL("assets/vendor/opencc-js/t2cn.js", siteRoot()).href).then(function (OpenCC) {
        var fromTw = OpenCC.Converter({ from: "tw", to: "cn" });
        var fromHk = OpenCC.Converter({ from: "hk", to: "cn" });
        return function (text) { return fromHk(fromTw(text)); };
      }).catch(function () { return null; });
    }
    return loading;
  }

  window.gkSiteRoot = siteRoot;

  window.gkSimplified = function (text) {
    if (!HAN.test(text || "")) return Promise.resolve(text);
    return converter().then(function (convert) { return convert ? convert(text) : text; });
  };
  /* Fetch the converter now (a search box got focus), so the first query does not wait for it. */
  window.gkSimplified.preload = function () { converter(); };
})();
