// The parallel view (parallel/?report=<id>): a report's Vietnamese and English pages side by side,
// one row per segment. Both report pages are rendered from the same blocks in the same order
// (generator/templates/report.md.j2), so the n-th block of one is the n-th block of the other.
// A passage the English page shows in Vietnamese (class "untranslated") has no English yet: "—".
// A cell takes the block's nodes as the report page has them (escaped text, an editor's note
// marked), never a string parsed as markup.
(function () {
  "use strict";
  var box = document.querySelector(".parallel");
  if (!box) return;
  var id = new URLSearchParams(window.location.search).get("report") || "";
  function fail() {
    var note = document.createElement("p");
    note.textContent = box.getAttribute("data-missing");
    box.replaceChildren(note);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return fail();
  function load(side) {
    var url = box.getAttribute("data-" + side) + encodeURIComponent(id) + "/";
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var title = doc.querySelector("article h1");
      var body = doc.querySelector(".report-body");
      if (!title || !body) throw new Error(url + ": not a report page");
      return { url: url, title: title, blocks: Array.prototype.slice.call(body.children) };
    });
  }
  function nodes(element) {
    var copy = document.importNode(element, true);
    copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
    return Array.prototype.slice.call(copy.childNodes);
  }
  function text(element) {
    return nodes(element).map(function (n) { return n.textContent; }).join("").trim();
  }
  function english(element) {
    return element && !element.classList.contains("untranslated") && element.getAttribute("lang") !== "vi" ? nodes(element) : ["—"];
  }
  function cell(lang, value) {
    var div = document.createElement("div");
    div.lang = lang;
    if (typeof value === "string") div.textContent = value;
    else div.append.apply(div, value);
    return div;
  }
  function row(kind, segment, vi, en) {
    var div = document.createElement("div");
    div.className = "parallel__row" + (kind ? " parallel__" + kind : "");
    if (segment !== null) div.setAttribute("data-segment", segment);
    div.append(cell("vi", vi), cell("en", en));
    return div;
  }
  function kind(element) {
    if (/^H[1-6]$/.test(element.tagName)) return "heading";
    return element.classList.contains("caption") ? "caption" : "paragraph";
  }
  Promise.all([load("vi"), load("en")]).then(function (sides) {
    var vi = sides[0], en = sides[1];
    var head = row("head", null, "Tiếng Việt", "English");
    head.querySelectorAll("div").forEach(function (d) { d.removeAttribute("lang"); });
    var link = document.createElement("a");
    link.href = box.getAttribute("data-lang") === "vi" ? vi.url : en.url;
    link.textContent = text(box.getAttribute("data-lang") === "vi" ? vi.title : en.title);
    var rows = [head, row(null, "title", nodes(vi.title), english(en.title))];
    vi.blocks.forEach(function (block, i) {
      rows.push(row(kind(block), String(i + 1), nodes(block), english(en.blocks[i])));
    });
    var back = document.createElement("p");
    back.append(link);
    box.replaceChildren(back, rows[0]);
    rows.slice(1).forEach(function (r) { box.append(r); });
    document.title = link.textContent + " — " + document.title;
  }).catch(fail);
})();
