// Pagefind search page. Pagefind folds tones but not đ/Đ: pages carry đ-folded copies of their
// words (generator/search_terms.py), so "dang" finds "Đảng" while "Đảng" still matches exactly.
// `?q=` starts a search.
(function () {
  "use strict";
  var TERM_SIMILARITY = 3.0;
  // Party Congress terms (roman numeral -> number), from the generated data/aliases.json
  // (generator/data/vocabulary.yaml `terms`): never a copy kept here.
  var terms = {};
  function termPattern(flags) {
    var romans = Object.keys(terms).sort(function (a, b) { return b.length - a.length; });
    return romans.length ? new RegExp("\\bkh(?:ó|o|ò)a\\s*\\(?\\s*(" + romans.join("|") + ")\\b", flags) : null;
  }
  // "khóa XI" -> "khoa 11": pages carry the same form (generator/search_terms.py term_numbers),
  // because Pagefind would prefix-match "xi" against "xii".
  function normaliseQuery(term) {
    var pattern = termPattern("gi");
    term = term.replace(/[ðÐ]/g, function (c) { return c === "ð" ? "đ" : "Đ"; });
    return pattern ? term.replace(pattern, function (_, roman) { return "khoa " + terms[roman.toUpperCase()]; }) : term;
  }
  // Document numbers: the generator publishes every written form of every number
  // (data/aliases.json, keys made by generator/search_terms.py alias_key); a query that is one of
  // them puts that document first, whatever the full-text ranking says.
  function aliasKey(text) {
    var folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐðÐ]/g, "d").toLowerCase();
    var pattern = termPattern("gi");
    if (pattern) folded = folded.replace(pattern, function (_, r) { return "khoa " + terms[r.toUpperCase()]; });
    return folded.replace(/[^a-z0-9]/g, "");
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
      .then(function (data) { window.archiveAliases = data; terms = data.terms || {}; }).catch(function () {});
  }
  function start() {
    loadAliases().then(startSearch);
  }
  function startSearch() {
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
    if (query) pinDocuments(query);
    var input = document.querySelector(".pagefind-ui__search-input");
    if (input) input.addEventListener("input", function () { pinDocuments(input.value); });
    if (query) ui.triggerSearch(query);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
