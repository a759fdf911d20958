/* Small things every page needs once it is drawn:
 * - a table of four or more columns (or three with a long cell) becomes stacked cards on a phone (pages.css
 *   .gk-cards): each cell carries its column's name, so every column stays visible without sideways scrolling
 *   (without JavaScript it scrolls);
 * - on a phone, a published site's revision selector gets a bar under the header (it lay over the header's buttons);
 * - a table wider than its column scrolls in its own box; while it does, the box takes keyboard focus and names
 *   itself, so it can be scrolled without a mouse (WCAG 2.1.1; axe "scrollable-region-focusable"). Boxes that fit
 *   add no tab stop. */
(function () {
  "use strict";

  function label(table) {
    var head = table.tHead ? table.tHead.textContent.trim().replace(/\s+/g, "、").slice(0, 40) : "";
    return (head ? "表格：" + head : "表格") + "（可左右滚动）";
  }

  function update(wrap) {
    var table = wrap.querySelector("table");
    if (!table) return;
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label(table));
    } else if (wrap.hasAttribute("tabindex")) {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  function scrollableTables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(update);
  }

  var CARD_FROM_COLUMNS = 4;
  // Three columns are cards too when one cell is a sentence: on a phone its column would be a few characters wide
  // and the sentence one word per line (the downloads page's 内容).
  var CARD_FROM_CELL_CHARS = 40;

  function wantsCards(table, head) {
    if (head.cells.length >= CARD_FROM_COLUMNS) return true;
    if (head.cells.length < 3) return false;
    return Array.prototype.some.call(table.querySelectorAll("tbody td"), function (td) {
      return td.textContent.trim().length > CARD_FROM_CELL_CHARS;
    });
  }

  function cardTables() {
    document.querySelectorAll("article table").forEach(function (table) {
      var head = table.tHead && table.tHead.rows[0];
      if (!head || !wantsCards(table, head)) return;
      var names = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
      table.classList.add("gk-cards");
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          Array.prototype.forEach.call(row.cells, function (cell, i) { if (names[i]) cell.setAttribute("data-label", names[i]); });
        });
      });
    });
  }

  // A published site's revision selector (Material's, in the header) needs ~200 px; on a phone the header's title
  // box is ~50 px between the menu, 关怀 and search buttons, so the selector lay over them. There it moves to a bar
  // of its own under the header, with a label saying what it is.
  var PHONE = "(max-width: 44.9375em)";

  function versionBar() {
    var title = document.querySelector(".md-header__title");
    if (!title || !window.matchMedia) return;
    function move() {
      var selector = title.querySelector(".md-version");
      var main = document.querySelector(".md-main");
      if (!selector || !main || !window.matchMedia(PHONE).matches) return false;
      var bar = document.createElement("div");
      bar.className = "gk-version-bar";
      var label = document.createElement("span");
      label.className = "gk-version-bar__label";
      label.textContent = "正在查看：";
      bar.appendChild(label);
      bar.appendChild(selector);
      main.parentNode.insertBefore(bar, main);
      return true;
    }
    if (move()) return;
    var watch = new MutationObserver(function () { if (move()) watch.disconnect(); });  // Material adds it after fetching versions.json
    watch.observe(title, { childList: true, subtree: true });
  }

  function start() {
    versionBar();
    cardTables();
    scrollableTables();
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(scrollableTables, 200);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
