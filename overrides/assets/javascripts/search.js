// The archive's search, on every page: the header's box (overrides/partials/search.html) shows
// results in place — a panel under the header, or the body of the search page — through
// Pagefind's search API. Every request goes to this site (this side's bundle, <side>/pagefind/).
//
//  - A query that is a document number or a province name (the generated alias table,
//    data/aliases.json, keys made as generator/search_terms.py alias_key makes them) puts that
//    document or province first, then the reports filed under it, then the full-text results.
//  - Any other query lists reports before documents, provinces and other pages.
//  - Results carry their type and can be filtered by province, document and year (Pagefind
//    filters written by the page templates); ?q= and the filters follow the search, so it can be
//    bookmarked.
//  - Pagefind folds tones but not đ: each word starting with d is also asked for with đ, so
//    "dang" finds "Đảng" (no page carries folded copies of its words).
(function () {
  "use strict";
  var form = document.querySelector("form[data-archive-search]");
  if (!form) return;
  var PAGE = 10, DEBOUNCE_MS = 250, MAX_D_WORDS = 3;
  var FILTERS = ["province", "document", "year"];
  var input = form.querySelector("input[name=q]");
  var sideRoot = new URL(form.getAttribute("data-side-root"), location.href);
  var bundle = new URL(form.getAttribute("data-pagefind"), location.href);
  var aliasesUrl = new URL(form.getAttribute("data-aliases"), location.href);
  var host = document.querySelector("[data-archive-search-host]");
  var state = { seq: 0, items: [], shown: 0, seen: {}, filters: {} };
  var pagefind = null, aliases = null, t = null;  // t: the words of the results, from data/aliases.json
  var panel = null, selects = {}, close, status, list, more;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  // --- the panel: under the header, or the body of the search page; made at the first search ---
  function buildPanel() {
    var filterBar = el("div", { class: "archive-search__filters", role: "group", "aria-label": t.filters });
    FILTERS.forEach(function (name) {
      var s = el("select", { "data-filter": name, "aria-label": t[name] });
      s.addEventListener("change", function () { state.filters[name] = s.value; run(); });
      selects[name] = s;
      filterBar.append(s);
    });
    close = el("button", { type: "button", class: "archive-search__close", "aria-label": t.close }, ["×"]);
    status = el("p", { class: "archive-search__status", role: "status" });
    list = el("ol", { class: "archive-search__list" });
    more = el("button", { type: "button", class: "archive-search__more" }, [t.more]);
    more.hidden = true;
    panel = el("section", { id: "archive-search-results", class: "archive-search__panel", "aria-label": t.results },
               [el("div", { class: "archive-search__bar" }, [filterBar, close]), status, list, more]);
    more.addEventListener("click", function () { showMore(state.seq); });
    close.addEventListener("click", dismiss);
    if (host) {
      panel.classList.add("archive-search__panel--page");
      close.hidden = true;
      host.append(panel);
    } else {
      panel.hidden = true;
      document.querySelector("header.md-header").after(panel);
    }
    input.setAttribute("aria-controls", panel.id);
  }

  // --- queries -----------------------------------------------------------------------------
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐðÐ]/g, "d").toLowerCase();
  }
  function aliasKey(text) {
    var folded = fold(text), terms = aliases.terms;
    var romans = Object.keys(terms).sort(function (a, b) { return b.length - a.length; });
    if (romans.length) {
      var khoa = new RegExp("\\bkhoa\\s*\\(?\\s*(" + romans.join("|") + ")\\b", "gi");
      folded = folded.replace(khoa, function (_, r) { return "khoa " + terms[r.toUpperCase()]; });
    }
    return folded.replace(/[^a-z0-9]/g, "");
  }
  // "do van thang" is also asked as "đo van thang" (each d-word both ways, up to 3 of them).
  function variants(query) {
    var words = query.replace(/[ðÐ]/g, function (c) { return c === "ð" ? "đ" : "Đ"; }).trim().split(/\s+/);
    var dWords = words.map(function (w, i) { return /^[dD]/.test(w) ? i : -1; }).filter(function (i) { return i >= 0; });
    var masks = dWords.length <= MAX_D_WORDS ? Math.pow(2, dWords.length) : 2;
    var out = [];
    for (var mask = 0; mask < masks; mask++) {
      var all = dWords.length > MAX_D_WORDS && mask === 1;
      out.push(words.map(function (w, i) {
        var bit = dWords.indexOf(i);
        return bit >= 0 && (all || (mask >> bit) & 1) ? (w[0] === "d" ? "đ" : "Đ") + w.slice(1) : w;
      }).join(" "));
    }
    return out;
  }
  function withFilters(extra) {
    var filters = {};
    FILTERS.forEach(function (name) { if (state.filters[name]) filters[name] = state.filters[name]; });
    Object.keys(extra).forEach(function (k) { filters[k] = extra[k]; });
    return filters;
  }
  // One Pagefind search per variant, merged by page (best score first).
  function fullText(query, extra) {
    return Promise.all(variants(query).map(function (q) {
      return pagefind.search(q, { filters: withFilters(extra) });
    })).then(function (searches) {
      var best = {};
      searches.forEach(function (s) {
        s.results.forEach(function (r) { if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r; });
      });
      var results = Object.keys(best).map(function (id) { return best[id]; });
      results.sort(function (a, b) { return b.score - a.score; });
      return { results: results, filters: searches.map(function (s) { return s.filters; }) };
    });
  }
  function filedUnder(filter) {
    return pagefind.search(null, { filters: withFilters(Object.assign({ type: "report" }, filter)), sort: { date: "desc" } })
      .then(function (s) { return s.results; });
  }
  function pins(query) {
    var key = aliasKey(query), found = [];
    (aliases.aliases[key] || []).forEach(function (id) {
      var d = aliases.documents[id];
      if (d) found.push({ type: "document", url: d[0], title: d[1], filter: { implements: d[2] } });
    });
    (aliases.province_aliases[key] || []).forEach(function (slug) {
      var p = aliases.provinces[slug];
      if (p) found.push({ type: "province", url: p[0], title: p[1], filter: { province: p[2] } });
    });
    return found;
  }

  function load() {
    if (pagefind) return Promise.resolve();
    return Promise.all([
      import(bundle.href).then(function (pf) {
        return pf.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 24, ranking: { termSimilarity: 3.0, metaWeights: { title: 5.0, people: 5.0, author: 3.0 } } })
          .then(function () { return pf.init(); })
          .then(function () { return pf.filters(); })
          .then(function (counts) { state.allFilters = counts; pagefind = pf; });
      }),
      fetch(aliasesUrl).then(function (r) { return r.json(); }).then(function (data) { aliases = data; t = data.labels; }),
    ]).then(function () { if (!panel) buildPanel(); });
  }

  // --- running a search --------------------------------------------------------------------
  function run() {
    var query = input.value.trim();
    var seq = ++state.seq;
    syncUrl(query);
    if (!query) { clear(); return Promise.resolve(); }
    return load().then(function () {
      if (seq !== state.seq) return;
      open();
      status.textContent = t.loading;
      var pinned = pins(query);
      var filed = Promise.all(pinned.map(function (p) { return filedUnder(p.filter); }));
      return Promise.all([filed, fullText(query, { type: "report" }), fullText(query, { not: { type: "report" } })])
        .then(function (found) {
          if (seq !== state.seq) return;
          var items = pinned.map(function (p) { return { pin: p }; });
          found[0].forEach(function (results) { results.forEach(function (r) { items.push({ result: r }); }); });
          found[1].results.concat(found[2].results).forEach(function (r) { items.push({ result: r }); });
          showFilters(found[1].filters.concat(found[2].filters));
          state.items = dedupe(items);
          state.shown = 0;
          state.seen = {};
          pinned.forEach(function (p) { state.seen[new URL(p.url, sideRoot).pathname] = true; });
          list.replaceChildren();
          status.textContent = state.items.length ? t.count.replace("{count}", state.items.length) : t.none;
          return showMore(seq);
        });
    });
  }
  function dedupe(items) {
    var ids = {};
    return items.filter(function (item) {
      if (!item.result) return true;
      if (ids[item.result.id]) return false;
      ids[item.result.id] = true;
      return true;
    });
  }
  function showMore(seq) {
    var batch = state.items.slice(state.shown, state.shown + PAGE);
    state.shown += batch.length;
    return Promise.all(batch.map(function (item) { return item.pin ? item.pin : item.result.data(); })).then(function (rows) {
      if (seq !== state.seq) return;
      rows.forEach(function (row, i) { var li = render(row, !!batch[i].pin); if (li) list.append(li); });
      more.hidden = state.shown >= state.items.length;
    });
  }
  function render(row, pinned) {
    var href = pinned ? new URL(row.url, sideRoot).pathname : row.url;
    if (!pinned && state.seen[href]) return null;
    state.seen[href] = true;
    var meta = row.meta || {};
    var type = pinned ? row.type : (meta.type || "page");
    var li = el("li", { class: "archive-search__result archive-search__result--" + type, "data-type": type });
    var link = el("a", { class: "archive-search__link", href: href }, [pinned ? row.title : (meta.title || href)]);
    li.append(el("span", { class: "archive-search__type" }, [t.types[type] || t.types.page]), link);
    var facts = [meta.province, meta.date].filter(Boolean).join(" · ");
    if (facts) li.append(el("span", { class: "archive-search__facts" }, [facts]));
    // A report's excerpt is a passage of its text; a document or province page is a list, so it
    // shows its subject instead of a run of table cells.
    var excerpt = el("p", { class: "archive-search__excerpt" });
    if (pinned) excerpt.textContent = row.type === "document" ? t.implementing : t.in_province;
    else if (type === "document" || type === "province") excerpt.textContent = meta.summary || "";
    else excerpt.innerHTML = row.excerpt;  // Pagefind escapes the text; only its <mark> is markup
    if (excerpt.textContent) li.append(excerpt);
    return li;
  }

  // --- filters -----------------------------------------------------------------------------
  // Only values that give results for this query (and the one chosen): never a province with 0 rows.
  function showFilters(countsPerSearch) {
    FILTERS.forEach(function (name) {
      var found = {};
      countsPerSearch.forEach(function (c) {
        Object.entries((c || {})[name] || {}).forEach(function (e) { if (e[1] > 0) found[e[0]] = true; });
      });
      var chosen = state.filters[name] || "";
      if (chosen) found[chosen] = true;
      var values = Object.keys(found);
      values.sort(name === "year" ? function (a, b) { return b.localeCompare(a); } : function (a, b) { return a.localeCompare(b, "vi"); });
      var s = selects[name];
      s.replaceChildren(el("option", { value: "" }, [t[name] + ": " + t.all]));
      values.forEach(function (v) { s.append(el("option", { value: v }, [v])); });
      s.value = chosen;
      s.hidden = values.length === 0;
    });
  }

  // --- the page and the address ------------------------------------------------------------
  function syncUrl(query) {
    var url = new URL(location.href);
    ["q"].concat(FILTERS).forEach(function (k) { url.searchParams.delete(k); });
    if (query) {
      url.searchParams.set("q", query);
      FILTERS.forEach(function (k) { if (state.filters[k]) url.searchParams.set(k, state.filters[k]); });
    }
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }
  function open() { panel.hidden = false; }
  function clear() {
    if (!panel) return;
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    if (!host) { panel.hidden = true; }
  }
  function dismiss() {
    input.value = "";
    state.filters = {};
    run();
    input.focus();
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener("focus", function () { load(); }, { once: true });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !host && panel && !panel.hidden && (panel.contains(event.target) || event.target === input)) dismiss();
  });

  var params = new URLSearchParams(location.search);
  FILTERS.forEach(function (k) { if (params.get(k)) state.filters[k] = params.get(k); });
  if (params.get("q")) {
    input.value = params.get("q");
    run();
  }
})();
