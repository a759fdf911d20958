/* The flowchart on a record page: a viewer to zoom and pan it, and a PNG download, drawn in the reader's browser
 * from the published SVG.
 *
 * Rasterising every chart at build time costs ~20-90 ms of CPU a chart (Graphviz's cairo renderer): 10,000 charts
 * would take longer than the rest of the build. The SVG is the published chart; the PNG is made on demand, at twice
 * the SVG's size so it stays sharp on a phone or in print. Without JavaScript the button stays hidden and the SVG
 * link remains (any browser opens and prints it).
 */
(function () {
  "use strict";

  var SCALE = 2;

  function say(button, text) {
    var status = button.parentNode.querySelector("[data-gk-png-status]");
    if (status) status.textContent = text;
  }

  function svgImage(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (text) {
      /* The published SVG is fluid (width="100%"): give it its size from the viewBox (points → CSS pixels). */
      var doc = new DOMParser().parseFromString(text, "image/svg+xml");
      var svg = doc.documentElement;
      var box = (svg.getAttribute("viewBox") || "").trim().split(/[\s,]+/).map(Number);
      if (box.length !== 4 || !(box[2] > 0 && box[3] > 0)) throw new Error("viewBox");
      svg.setAttribute("width", String(Math.round(box[2] * 4 / 3)));
      svg.setAttribute("height", String(Math.round(box[3] * 4 / 3)));
      var blob = new Blob([new XMLSerializer().serializeToString(doc)], { type: "image/svg+xml" });
      var objectUrl = URL.createObjectURL(blob);
      return new Promise(function (resolve, reject) {
        var img = new Image();
        img.onload = function () { resolve({ img: img, url: objectUrl }); };
        img.onerror = function () { URL.revokeObjectURL(objectUrl); reject(new Error("svg")); };
        img.src = objectUrl;
      });
    });
  }

  function toPng(loaded) {
    var img = loaded.img;
    var canvas = document.createElement("canvas");
    canvas.width = Math.ceil(img.naturalWidth * SCALE);
    canvas.height = Math.ceil(img.naturalHeight * SCALE);
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(loaded.url);
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) { return blob ? resolve(blob) : reject(new Error("png")); }, "image/png");
    });
  }

  function download(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function onClick(ev) {
    var button = ev.currentTarget;
    button.disabled = true;
    say(button, "正在生成 PNG 图片……");
    /* The SVG link beside the button: its address is already relative to this page, whatever the URL style. */
    var svgLink = button.closest(".gk-chart").querySelector("a[download]");
    svgImage(svgLink.href)
      .then(toPng)
      .then(function (blob) {
        download(blob, button.getAttribute("data-gk-png"));
        say(button, "PNG 图片已生成，请查看浏览器的下载内容。");
      })
      .catch(function () { say(button, "生成 PNG 图片失败，请改为下载 SVG 矢量图。"); })
      .then(function () { button.disabled = false; });
  }

  function start() {
    document.querySelectorAll("button[data-gk-png]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", onClick);
    });
    document.querySelectorAll("[data-gk-chart]").forEach(function (figure) {
      var open = figure.querySelector("[data-gk-open]");
      var svgLink = figure.querySelector("a[download]");
      if (!open || !svgLink || !window.HTMLDialogElement) return;
      open.hidden = false;
      function show(ev) {
        ev.preventDefault();
        openViewer(svgLink.href, figure.getAttribute("data-gk-chart"), open);
      }
      open.addEventListener("click", show);
      var thumb = figure.querySelector(".gk-chart__thumb");
      if (thumb) thumb.addEventListener("click", show);
    });
  }

  /* ---------- the chart viewer: zoom and pan (npm @panzoom/panzoom), keyboard, touch, print on A4 ---------- */

  var MIN_TEXT_PX = 14;  // the viewer opens where the chart's smallest text is at least this size
  var PT = 4 / 3;  // the SVG's units are points; CSS pixels per point
  var ZOOM_STEP = 0.25;  // one press of ＋ or －: ×1.28
  var viewer = null;

  function vendorScript(path) {
    return new Promise(function (resolve) {
      if (window.Panzoom) { resolve(window.Panzoom); return; }
      var script = document.createElement("script");
      script.src = new URL(path, window.gkSiteRoot()).href;
      script.onload = function () { resolve(window.Panzoom || null); };
      script.onerror = function () { resolve(null); };  // no zoom library: the stage scrolls instead
      document.head.appendChild(script);
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function toolButton(label, text, action) {
    var button = element("button", "gk-viewer__tool", text);
    button.type = "button";
    button.setAttribute("aria-label", label);
    button.addEventListener("click", action);
    return button;
  }

  /* The published SVG, inline (same site, sanitized when built), at its natural size in CSS pixels. */
  function inlineSvg(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (text) {
      var svg = document.importNode(new DOMParser().parseFromString(text, "image/svg+xml").documentElement, true);
      var box = (svg.getAttribute("viewBox") || "").trim().split(/[\s,]+/).map(Number);
      if (box.length !== 4 || !(box[2] > 0 && box[3] > 0)) throw new Error("viewBox");
      svg.setAttribute("width", String(Math.round(box[2] * PT)));
      svg.setAttribute("height", String(Math.round(box[3] * PT)));
      svg.removeAttribute("aria-labelledby");  // the dialog's heading names it; ids inside would repeat on the page
      svg.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      return { svg: svg, width: box[2] * PT, height: box[3] * PT };
    });
  }

  function smallestFont(svg) {
    var sizes = Array.prototype.map.call(svg.querySelectorAll("text, g[font-size]"), function (node) {
      return parseFloat(node.getAttribute("font-size")) || Infinity;
    });
    return Math.min.apply(null, sizes.concat([11]));
  }

  function Viewer() {
    var self = this;
    this.dialog = element("dialog", "gk-viewer");
    this.dialog.setAttribute("aria-labelledby", "gk-viewer-title");
    var bar = element("div", "gk-viewer__bar");
    this.back = toolButton("返回事项页", "← 返回", function () { self.close(); });
    this.title = element("h2", "gk-viewer__title");
    this.title.id = "gk-viewer-title";
    var tools = element("div", "gk-viewer__tools");
    tools.appendChild(toolButton("缩小", "－", function () { self.zoom(-1); }));
    tools.appendChild(toolButton("放大", "＋", function () { self.zoom(1); }));
    tools.appendChild(toolButton("看整张图", "整图", function () { self.fit(); }));
    tools.appendChild(toolButton("打印流程图（A4 横向）", "打印", function () { window.print(); }));
    bar.appendChild(this.back);
    bar.appendChild(this.title);
    bar.appendChild(tools);
    this.stage = element("div", "gk-viewer__stage");
    this.stage.tabIndex = 0;
    this.stage.setAttribute("role", "group");
    this.stage.setAttribute("aria-label", "流程图：方向键移动，加号、减号缩放，0 看整张图");
    this.canvas = element("div", "gk-viewer__canvas");
    this.stage.appendChild(this.canvas);
    this.status = element("p", "gk-viewer__help", "双指或滚轮缩放，按住拖动；键盘：方向键移动，＋ －缩放，0 看整张图。");
    this.status.setAttribute("role", "status");
    this.dialog.appendChild(bar);
    this.dialog.appendChild(this.stage);
    this.dialog.appendChild(this.status);
    document.body.appendChild(this.dialog);
    this.landscape = element("style");
    this.landscape.media = "print";
    this.landscape.textContent = "@page { size: A4 landscape; margin: 6mm; }";  // the chart's width is what sets its text size
    this.print = element("div", "gk-chart-print");
    this.print.setAttribute("aria-hidden", "true");
    document.body.appendChild(this.print);
    this.stage.addEventListener("keydown", function (ev) { self.onKey(ev); });
    this.stage.addEventListener("wheel", function (ev) { if (self.panzoom) self.panzoom.zoomWithWheel(ev); }, { passive: false });
    this.dialog.addEventListener("close", function () { self.closed(); });
    window.addEventListener("popstate", function () { if (self.dialog.open) self.dialog.close(); });
  }

  Viewer.prototype.show = function (url, title, opener) {
    var self = this;
    this.opener = opener;
    this.title.textContent = title || "流程图";
    this.canvas.textContent = "";
    this.print.textContent = "";
    this.status.textContent = "正在打开流程图……";
    this.dialog.showModal();
    document.documentElement.classList.add("gk-viewer-open");
    document.head.appendChild(this.landscape);  // after the site's print sheet, so its A4 portrait gives way
    if (!(history.state && history.state.gkChart)) history.pushState({ gkChart: true }, "");
    this.back.focus();
    return Promise.all([inlineSvg(url), vendorScript("assets/vendor/@panzoom/panzoom/panzoom.min.js")]).then(function (got) {
      var chart = got[0];
      self.chart = chart;
      self.canvas.appendChild(chart.svg);
      self.print.appendChild(chart.svg.cloneNode(true));
      self.readable = MIN_TEXT_PX / (smallestFont(chart.svg) * PT);
      self.setUp(got[1]);
      self.status.textContent = "双指或滚轮缩放，按住拖动；键盘：方向键移动，＋ －缩放，0 看整张图。";
      self.stage.focus();
    }).catch(function () {
      self.status.textContent = "流程图打开失败，请用“打开流程图原图”或下载 SVG 查看。";
    });
  };

  Viewer.prototype.fitScale = function () {
    var c = this.chart;
    return Math.min(this.stage.clientWidth / c.width, this.stage.clientHeight / c.height, 1);
  };

  /* Opens at the larger of "whole width" and "smallest text 14 px", at the top of the chart. */
  Viewer.prototype.setUp = function (Panzoom) {
    var c = this.chart;
    var start = Math.max(Math.min(this.stage.clientWidth / c.width, 1), this.readable);
    this.panzoom = null;
    if (!Panzoom) {  // no zoom library: the chart at a readable size in a scrolling stage
      c.svg.setAttribute("width", String(Math.round(c.width * start)));
      c.svg.setAttribute("height", String(Math.round(c.height * start)));
      this.stage.classList.add("gk-viewer__stage--scroll");
      return;
    }
    var at = this.startAt(start);
    this.panzoom = Panzoom(this.canvas, {
      maxScale: Math.max(4, start * 2), minScale: this.fitScale(), startScale: start, startX: at.x, startY: at.y,
      step: ZOOM_STEP, cursor: "grab", animate: false
    });
  };

  /* Panzoom draws scale(s) translate(x, y) about the canvas's centre c, so a point p of the chart is on screen at
   * c + s·(p − c + t). The chart opens with its top at the top and its first box (办理条件, where the flow starts) in
   * the middle across; "whole chart" puts its top left corner at the top left. */
  Viewer.prototype.startAt = function (scale, left) {
    var c = this.chart, cx = c.width / 2, cy = c.height / 2;
    var first = c.svg.querySelector("g.node");
    var centre = 0;
    if (first && !left) {
      var box = first.getBoundingClientRect(), origin = this.canvas.getBoundingClientRect();
      centre = box.left - origin.left + box.width / 2;  // the canvas is not transformed yet: natural pixels
    }
    var x = left || !first ? cx * (1 - 1 / scale) : (this.stage.clientWidth / 2 - cx) / scale - centre + cx;
    // Never past the chart's left or right edge.
    var most = cx * (1 - 1 / scale), least = (this.stage.clientWidth - cx) / scale - c.width + cx;
    return { x: Math.max(Math.min(x, most), Math.min(least, most)), y: cy * (1 - 1 / scale) };
  };

  /* Buttons and keys zoom about the middle of the screen, so what is there stays there. */
  Viewer.prototype.zoom = function (direction) {
    if (!this.panzoom) return;
    var box = this.stage.getBoundingClientRect();
    var scale = this.panzoom.getScale() * Math.exp(direction * ZOOM_STEP);
    this.panzoom.zoomToPoint(scale, { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 }, { animate: false });
  };

  Viewer.prototype.fit = function () {
    if (!this.panzoom) return;
    var scale = this.fitScale(), at = this.startAt(scale, true);
    this.panzoom.zoom(scale, { animate: false });
    this.panzoom.pan(at.x, at.y, { animate: false });
  };

  Viewer.prototype.onKey = function (ev) {
    if (!this.panzoom) return;
    var step = 60 / this.panzoom.getScale();
    var pan = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[ev.key];
    if (pan) {
      this.panzoom.pan(pan[0], pan[1], { relative: true, animate: false });
    } else if (ev.key === "+" || ev.key === "=") {
      this.zoom(1);
    } else if (ev.key === "-" || ev.key === "_") {
      this.zoom(-1);
    } else if (ev.key === "0") {
      this.fit();
    } else {
      return;
    }
    ev.preventDefault();
  };

  Viewer.prototype.close = function () {
    if (history.state && history.state.gkChart) history.back();  // popstate closes the dialog
    else this.dialog.close();
  };

  Viewer.prototype.closed = function () {
    document.documentElement.classList.remove("gk-viewer-open");
    this.landscape.remove();
    if (this.panzoom) this.panzoom.destroy();
    this.panzoom = null;
    if (history.state && history.state.gkChart) history.back();
    if (this.opener) this.opener.focus();
  };

  function openViewer(url, title, opener) {
    viewer = viewer || new Viewer();
    return viewer.show(url, title, opener);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
