// Pagefind search page. Pagefind folds tones but not đ/Đ: pages carry đ-folded copies of their
// words (generator/search_terms.py), so "dang" finds "Đảng" while "Đảng" still matches exactly.
// `?q=` starts a search.
(function () {
  "use strict";
  var TERM_SIMILARITY = 3.0;
  var ROMAN = { VIII: 8, IX: 9, X: 10, XI: 11, XII: 12, XIII: 13, XIV: 14 };
  // "khóa XI" -> "khoa 11": pages carry the same form (generator/search_terms.py term_numbers),
  // because Pagefind would prefix-match "xi" against "xii".
  function normaliseQuery(term) {
    return term
      .replace(/[ðÐ]/g, function (c) { return c === "ð" ? "đ" : "Đ"; })
      .replace(/\bkh(?:ó|o|ò)a\s*\(?\s*(VIII|XIV|XIII|XII|XI|IX|X)\b/gi, function (_, roman) {
        return "khoa " + ROMAN[roman.toUpperCase()];
      });
  }
  // Document numbers: the generator publishes every written form of every number
  // (data/aliases.json, keys made by generator/search_terms.py alias_key); a query that is one of
  // them puts that document first, whatever the full-text ranking says.
  function aliasKey(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐðÐ]/g, "d").toLowerCase()
      .replace(/\bkhoa\s*\(?\s*(viii|xiv|xiii|xii|xi|ix|x)\b/g, function (_, r) { return "khoa " + ROMAN[r.toUpperCase()]; })
      .replace(/[^a-z0-9]/g, "");
  }
  function pinDocuments(query) {
    var box = document.querySelector(".search-pinned");
    if (!box || !window.archiveAliases) return;
    var data = window.archiveAliases;
    var ids = data.aliases[aliasKey(query)] || [];
    box.replaceChildren.apply(box, ids.map(function (id) {
      var doc = data.documents[id];
      var link = document.createElement("a");
      link.href = box.getAttribute("data-directives") + doc[0] + "/";
      link.className = "search-pinned__link";
      link.textContent = doc[1];
      return link;
    }));
  }
  function loadAliases() {
    var box = document.querySelector(".search-pinned");
    if (!box) return Promise.resolve();
    return fetch(box.getAttribute("data-aliases")).then(function (r) { return r.json(); })
      .then(function (data) { window.archiveAliases = data; }).catch(function () {});
  }
  function start() {
    var ui = new PagefindUI({
      element: "#search",
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      processTerm: normaliseQuery,
      // Favour whole-word matches: "12" should find 12-NQ/TW before pages that say "12th".
      ranking: { termSimilarity: TERM_SIMILARITY },
    });
    var query = new URLSearchParams(window.location.search).get("q");
    loadAliases().then(function () {
      if (query) pinDocuments(query);
      var input = document.querySelector(".pagefind-ui__search-input");
      if (input) input.addEventListener("input", function () { pinDocuments(input.value); });
    });
    if (query) ui.triggerSearch(query);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
