// Faceted table of all reports: filters and sorts in the browser, no server. Reads the compact
// rows of data/facets.json (generator/exports.py facets_data) and draws 100 rows at a time, so
// it stays fast at 10,000 reports.
(function () {
  "use strict";
  var PAGE = 100;
  var root = document.getElementById("facets");
  if (!root) return;
  var t = JSON.parse(root.getAttribute("data-labels"));

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }
  function select(name, label, options) {
    var s = el("select", { "data-facet": name, "aria-label": label }, [el("option", { value: "" }, [label + ": " + t.all])]);
    options.forEach(function (o) { s.append(el("option", { value: o[0] }, [o[1]])); });
    return s;
  }

  fetch(root.getAttribute("data-src")).then(function (r) { return r.json(); }).then(function (data) {
    var rows = data.rows.map(function (r) {
      return { id: r[0], title: r[1], date: r[2], year: r[2].slice(0, 4), province: r[3], province2025: r[4],
               implements: r[5], cites: r[6], status: r[7], key: fold(r[1]) };
    });
    // A dropdown lists only the values some row has in that column: never a choice that gives 0 rows.
    var used = function (column) {
      var seen = {};
      rows.forEach(function (r) { [].concat(r[column]).forEach(function (v) { if (v >= 0) seen[v] = true; }); });
      return seen;
    };
    var byName = function (list, seen) {
      return list.map(function (name, i) { return [String(i), name]; }).filter(function (o) { return seen[o[0]]; })
        .sort(function (a, b) { return a[1].localeCompare(b[1]); });
    };
    var documentsUsed = Object.assign(used("implements"), used("cites"));
    var years = Array.from(new Set(rows.map(function (r) { return r.year; }).filter(Boolean))).sort().reverse();
    var text = el("input", { type: "search", placeholder: t.search, "data-facet": "text", "aria-label": t.search });
    var controls = el("div", { class: "facets__controls" }, [
      text,
      select("province", t.province, byName(data.provinces, used("province"))),
      select("province2025", t.province_2025, byName(data.provinces, used("province2025"))),
      select("document", t.document, byName(data.documents, documentsUsed)),
      select("year", t.year, years.map(function (y) { return [y, y]; })),
      // The translation statuses the rows have, in the order the report pages explain them.
      select("status", t.status, ["editors", "machine", "partial", "pending"].filter(function (s) {
        return rows.some(function (r) { return r.status === s; });
      }).map(function (s) { return [s, t[s]]; })),
    ]);
    var count = el("p", { class: "facets__count", "aria-live": "polite" });
    var body = el("tbody");
    var sortKey = "date", sortDir = -1;
    function header(key, label) {
      var th = el("th", { "data-sort": key, tabindex: "0", role: "button" }, [label]);
      th.addEventListener("click", function () { sortDir = sortKey === key ? -sortDir : (key === "date" ? -1 : 1); sortKey = key; draw(); });
      return th;
    }
    var table = el("table", { class: "facets__table" }, [
      el("thead", {}, [el("tr", {}, [header("date", t.date), header("title", t.title), header("province", t.province), el("th", {}, [t.main])])]),
      body,
    ]);
    var more = el("button", { type: "button", class: "md-button facets__more" }, [t.more]);
    root.append(controls, count, table, more);

    var shown = PAGE;
    function current() {
      var q = fold(text.value.trim());
      var f = {};
      controls.querySelectorAll("select").forEach(function (s) { f[s.getAttribute("data-facet")] = s.value; });
      var result = rows.filter(function (r) {
        return (!q || r.key.indexOf(q) !== -1) &&
          (!f.province || String(r.province) === f.province) &&
          (!f.province2025 || String(r.province2025) === f.province2025) &&
          (!f.document || r.implements.concat(r.cites).map(String).indexOf(f.document) !== -1) &&
          (!f.year || r.year === f.year) && (!f.status || r.status === f.status);
      });
      result.sort(function (a, b) {
        var x = sortKey === "province" ? (data.provinces[a.province] || "") : a[sortKey];
        var y = sortKey === "province" ? (data.provinces[b.province] || "") : b[sortKey];
        if (!x !== !y) return x ? -1 : 1; // undated / unknown always last
        return (x < y ? -1 : x > y ? 1 : 0) * sortDir || (a.id < b.id ? -1 : 1);
      });
      return result;
    }
    function draw() {
      var result = current();
      body.replaceChildren.apply(body, result.slice(0, shown).map(function (r) {
        var main = r.implements.length ? data.documents[r.implements[0]] : "—";
        return el("tr", { "data-report": r.id }, [
          el("td", {}, [r.date || "—"]),
          el("td", {}, [el("a", { href: r.id + "/" }, [r.title])]),
          el("td", {}, [r.province >= 0 ? data.provinces[r.province] : "—"]),
          el("td", {}, [main]),
        ]);
      }));
      count.textContent = t.shown.replace("{shown}", Math.min(shown, result.length)).replace("{total}", result.length);
      more.hidden = result.length <= shown;
    }
    controls.addEventListener("input", function () { shown = PAGE; draw(); });
    more.addEventListener("click", function () { shown += PAGE; draw(); });
    draw();
  });
})();
