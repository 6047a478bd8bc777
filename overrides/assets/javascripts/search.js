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
    if (query) ui.triggerSearch(query);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
