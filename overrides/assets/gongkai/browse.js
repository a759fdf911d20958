/* Sortable, filterable tables on the browsing pages (departments, categories, catalogues).
 * Progressive enhancement: the HTML table already lists every item; this only adds a filter box and
 * sort buttons in the column headers. */
(function () {
  "use strict";

  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true, sensitivity: "base" });
  var counter = 0;

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  /* Numbers compare as numbers ("12 项", "20 工作日"); blanks and "—" always go last. */
  function compareCells(a, b) {
    var blankA = a === "" || a === "—", blankB = b === "" || b === "—";
    if (blankA || blankB) return blankA === blankB ? 0 : (blankA ? 1 : -1);
    var na = parseFloat(a), nb = parseFloat(b);
    if (!isNaN(na) && !isNaN(nb) && na !== nb) return na - nb;
    return collator.compare(a, b);
  }

  /* What a row is: a table whose first column is a department ("部门", "实施部门") counts departments, not items. */
  function unitOf(table) {
    var first = table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[0];
    return first && /部门$/.test(first.textContent.trim()) ? "个部门" : "项";
  }

  function Enhanced(table) {
    this.table = table;
    this.unit = unitOf(table);
    this.body = table.tBodies[0];
    this.rows = Array.prototype.slice.call(this.body.rows);
    this.rows.forEach(function (row, i) { row.setAttribute("data-gk-order", String(i)); });
    this.addFilter();
    this.addSorting();
  }

  Enhanced.prototype.addFilter = function () {
    var self = this;
    var id = "gk-table-filter-" + (++counter);
    var box = document.createElement("div");
    box.className = "gk-table-filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "筛选本表";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "gk-table-filter__input";
    input.placeholder = "输入名称、部门、类别等关键词";
    input.autocomplete = "off";
    var status = document.createElement("span");
    status.className = "gk-table-filter__status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.textContent = "共 " + this.rows.length + " " + this.unit;
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    var anchor = this.table.closest(".md-typeset__scrollwrap") || this.table;
    anchor.parentNode.insertBefore(box, anchor);
    var seq = 0;
    input.addEventListener("focus", function () { if (window.gkSimplified) window.gkSimplified.preload(); });
    input.addEventListener("input", function () {
      // Filtered at once as typed, then again when the text read as simplified differs (營業執照 → 营业执照).
      var mine = ++seq;
      var typed = input.value;
      self.filter(typed, status);
      if (!window.gkSimplified) return;
      window.gkSimplified(typed).then(function (text) {
        if (mine === seq && text !== typed) self.filter(text, status);
      });
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && input.value) { ev.preventDefault(); input.value = ""; self.filter("", status); }
    });
  };

  Enhanced.prototype.filter = function (query, status) {
    var words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    this.rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    var unit = " " + this.unit;
    status.textContent = words.length ? "显示 " + shown + " / " + this.rows.length + unit : "共 " + this.rows.length + unit;
  };

  Enhanced.prototype.addSorting = function () {
    var self = this;
    var headers = this.table.tHead ? this.table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "gk-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      button.setAttribute("aria-label", "按“" + button.textContent.trim() + "”排序");
      th.appendChild(button);
      button.addEventListener("click", function () { self.sort(th, column); });
    });
  };

  Enhanced.prototype.sort = function (th, column) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var sorted = this.rows.slice().sort(function (a, b) {
      var order = compareCells(cellText(a, column), cellText(b, column));
      if (!ascending) order = -order;
      return order || Number(a.getAttribute("data-gk-order")) - Number(b.getAttribute("data-gk-order"));
    });
    var body = this.body;
    sorted.forEach(function (row) { body.appendChild(row); });
  };

  function start() {
    var tables = document.querySelectorAll("article.md-content__inner table");
    Array.prototype.forEach.call(tables, function (table) {
      if (table.tHead && table.tBodies.length && table.tBodies[0].rows.length > 1) new Enhanced(table);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
