/* PNG download of a flowchart, drawn in the reader's browser from the published SVG.
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
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
