/* 关怀模式 (适老化): larger text, wider line and paragraph spacing, bigger targets (a11y.css, html[data-gk-care]).
 * The header button switches it; the choice is kept in localStorage ("gk-care") and applied before the page is drawn
 * by a line in the page head (overrides/main.html). */
(function () {
  "use strict";

  var KEY = "gk-care";

  function on() { return document.documentElement.hasAttribute("data-gk-care"); }

  function set(value) {
    if (value) document.documentElement.setAttribute("data-gk-care", "");
    else document.documentElement.removeAttribute("data-gk-care");
    try { localStorage.setItem(KEY, value ? "1" : "0"); } catch (e) { /* private mode: for this page only */ }
  }

  function start() {
    document.querySelectorAll("[data-gk-care-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", on() ? "true" : "false");
      button.addEventListener("click", function () {
        set(!on());
        button.setAttribute("aria-pressed", on() ? "true" : "false");
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
