"""Stage 5: the pages of one side of the site, one small generator per kind of page.

Each kind builds its context and yields `Page(path, content)`: report pages, parallel views,
document pages, province pages, year pages, the index pages, the downloads and the feed. Every
path comes from the URL scheme (generator/urls.py); the writer owns exactly what they yield.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from jinja2 import Environment

from generator.citations import (
    citation,
    cite_bibtex,
    cite_csl,
    cite_plain,
    highwire_tags,
)
from generator.datapackage import (
    archive_version,
    datapackage,
    load_dataset,
    schema_files,
)
from generator.exports import atom_feed, dataset_files, facets_data
from generator.gazetteer import load_gazetteer
from generator.map_geometry import load_map_geometry
from generator.picture_data import PictureCounts, count_reports
from generator.pictures import Links, Words, overview_pictures, picture_style
from generator.provenance import page_provenance, provenance_front_matter, raw_copy
from generator.rendering import (
    directive_label,
    front_matter,
    index_front_matter,
    page_labels,
    report_front_matter,
    template_env,
)
from generator.search_terms import alias_index, province_index, term_table
from generator.segments import report_segments
from generator.site_context import (
    SiteContext,
    english_title,
    group_by_province,
    report_year,
)
from generator.text_downloads import text_files
from generator.urls import URLS, UrlScheme
from generator.vocabulary import load_vocabulary


@dataclass(frozen=True)
class Page:
    """One generated file: its docs-relative path, its content, and the report it belongs to."""

    path: str
    content: str | bytes
    report_id: str | None = None


@dataclass(frozen=True)
class Side:
    """One language side of the site: what every page of it is rendered with."""

    lang: str
    site_url: str  # this side's root URL, e.g. https://…/ or https://…/en/
    added: dict[str, dt.datetime]  # raw file name -> when it was added (for the feed)
    context: SiteContext
    preview: bool = False  # a local preview: its addresses are not for citing, and it says so
    urls: UrlScheme = URLS
    env: Environment = field(default_factory=template_env)
    prefix: str = ""  # where this side lives under the root ("" or "en/"); the data set and raw files are the root's
    side_urls: dict[str, str] = field(default_factory=dict)  # language -> its side's root URL (the data set links both)

    @property
    def is_root(self) -> bool:
        return self.prefix == ""

    @property
    def labels(self) -> dict[str, Any]:
        return page_labels()[self.lang]

    def template_values(self) -> dict[str, Any]:
        """The names every template may use."""
        registry = self.context.registry
        return {
            "lang": self.lang,
            "preview": self.preview,
            "t": self.labels,
            "registry": registry,
            "urls": self.urls,
            "link": self.urls.relative,
            "report_year": report_year,
            "label": lambda d: directive_label(d, registry, self.lang),
            "type_en": load_vocabulary().type_en,
            "translation": self.context.translation,
            "by_province": group_by_province,
            "root_link": lambda here, to: self.urls.root_href(here, to, self.prefix),
        }

    def render(self, path: str, template: str, title: str, search: str = "include", **values: Any) -> Page:
        """An index-like page: title front matter, then the template."""
        body = self.env.get_template(template).render(here=path, title=title, **values, **self.template_values())
        return Page(path, index_front_matter(title, self.lang, search) + body)


def report_pages(side: Side) -> Iterator[Page]:
    template = side.env.get_template("report.md.j2")
    common = side.template_values()
    for report in side.context.reports:
        path = side.urls.report(report.id)
        view = side.context.translation(report.id)
        url = side.urls.permanent_url(side.site_url, report.id)
        source = citation(report, url, side.lang, view)
        prov = page_provenance(report, side.urls.root_href(path, side.urls.raw(report.id), side.prefix))
        fm = report_front_matter(report, side.lang, view, provenance_front_matter(report, prov, highwire_tags(source)))
        cite = {"plain": cite_plain(source, side.lang), "bibtex": cite_bibtex(source),
                "csl": json.dumps([cite_csl(source)], ensure_ascii=False)}
        keys = [seg.key for seg in report_segments(report)][1:]
        content = front_matter(fm) + template.render(here=path, report=report, fm=fm, cite=cite, url=url, view=view, keys=keys,
                                                     prov=prov, **common)
        yield Page(path, content, report.id)


def parallel_pages(side: Side) -> Iterator[Page]:
    """One parallel view per side, for every report: the browser aligns the report's two pages."""
    yield side.render(side.urls.parallel_view, "parallel.md.j2", side.labels["parallel_view"], search="exclude")


def directive_pages(side: Side) -> Iterator[Page]:
    context, registry = side.context, side.context.registry
    yield side.render(side.urls.directives_index, "directives_index.md.j2", side.labels["directives"], search="exclude", context=context)
    for directive_id in context.directive_ids:
        roles = context.by_directive.get(directive_id, {"implements": [], "cites": []})
        yield side.render(side.urls.directive(directive_id), "directive.md.j2", directive_label(directive_id, registry, side.lang),
                          directive_id=directive_id, directive=registry.get(directive_id), roles=roles)


def province_pages(side: Side) -> Iterator[Page]:
    context, lang, labels = side.context, side.lang, side.labels
    yield side.render(side.urls.provinces_index, "provinces_index.md.j2", labels["provinces"], search="exclude", context=context)
    for slug, reports in context.by_province.items():
        first = reports[0].metadata.province.value
        title = (first.name if lang == "vi" else first.name_en) if first else labels["not_known"]
        yield side.render(side.urls.province(slug), "province.md.j2", title, province=first, reports=reports)
    for slug, reports in context.by_province_2025.items():
        first = reports[0].metadata.province.value
        assert first is not None  # only reports with a province are grouped by their 2025 province
        title = first.name_2025 if lang == "vi" else first.name_2025_en
        # Not indexed: same-named historic province pages are the precise answer to a search.
        yield side.render(side.urls.province_2025(slug), "province_2025.md.j2", title, search="exclude", province=first, reports=reports)


def year_pages(side: Side) -> Iterator[Page]:
    labels = side.labels
    yield side.render(side.urls.years_index, "years_index.md.j2", labels["years"], search="exclude", context=side.context)
    for year, reports in side.context.by_year.items():
        known = year != "undated"
        yield side.render(side.urls.year(year if known else None), "year.md.j2", year if known else labels["undated"],
                          search="exclude", reports=reports)


def index_pages(side: Side) -> Iterator[Page]:
    labels, context = side.labels, side.context
    yield side.render(side.urls.home, "home.md.j2", labels["archive"], search="exclude", context=context)
    yield side.render(side.urls.search, "search.md.j2", labels["search"], search="exclude")
    yield side.render(side.urls.reports_index, "reports_index.md.j2", labels["all_reports"], search="exclude", reports=context.reports)


def overview_pages(side: Side) -> Iterator[Page]:
    """The overview: maps, timeline and matrix of the reports, each linked to the pages it counts."""
    yield overview_page(side, count_reports(side.context, load_gazetteer(), picture_style().documents))


def overview_page(side: Side, counts: PictureCounts) -> Page:
    code_2025 = {p.code: p.code_2025 for p in load_gazetteer().provinces}
    pictures = overview_pictures(counts, Words(side.lang, side.labels["pictures"]), Links(side.urls, side.urls.overview),
                                 lambda d: directive_label(d, side.context.registry, side.lang), load_map_geometry(), code_2025.__getitem__)
    return side.render(side.urls.overview, "overview.md.j2", side.labels["pictures"]["overview"], search="exclude",
                       pictures=pictures, code_2025=code_2025.__getitem__)


def data_set(side: Side) -> Iterator[Page]:
    """The data set, once, on the root side: metadata (all reports and per document), texts in
    both languages, the raw files byte for byte with their checksums, the Data Package descriptor."""
    context = side.context
    reports = list(context.reports)
    files: dict[str, str | bytes] = dict(dataset_files(reports, context.by_directive, context.directive_ids, side.site_url,
                                                       context.translations, side.side_urls.get("en")))
    texts = text_files(reports, context.translations, context.translation(""))
    files.update({side.urls.texts(lang): content for lang, content in texts.items()})
    files.update(schema_files())
    sums = []
    for report in sorted(reports, key=lambda r: r.id):
        raw = raw_copy(report)
        sums.append(f"{report.raw.sha256}  {report.id}.txt\n")
        yield Page(side.urls.raw(report.id), raw, report.id)
    files[side.urls.raw_sums] = "".join(sums)
    for path, content in files.items():
        yield Page(path, content)
    yield Page(side.urls.datapackage, datapackage(files, context.directive_ids, reports, side.site_url))


def download_files(side: Side) -> Iterator[Page]:
    """The data set (root side), the Data page, the faceted table's data and the search page's alias index."""
    context = side.context
    status = {r.id: context.translation(r.id).page_status for r in context.reports}
    if side.is_root:
        yield from data_set(side)
    dataset = load_dataset()
    yield side.render(side.urls.data_page, "data.md.j2", side.labels["data"], search="exclude", dataset=dataset,
                      version=archive_version(context.reports), fields=dataset.fields, resources=dataset.resources)
    titles_en = {r.id: t for r in context.reports if (t := english_title(r, context.translation(r.id)))}
    yield Page(side.urls.facets, facets_data(context.reports, side.lang, status, titles_en))
    yield Page(side.urls.aliases, search_aliases(side))


def search_aliases(side: Side) -> str:
    """The search's alias table: folded written forms -> the document or province they name, each
    with its page (relative to the side's root), its title and the value of its Pagefind filter;
    and the words of the results (labels.yaml `search_ui`), fetched once instead of on every page."""
    context, registry, lang = side.context, side.context.registry, side.lang
    here = side.urls.url(".", "").removeprefix("./")

    def page(path: str) -> str:
        return side.urls.url(".", path).removeprefix("./") or here

    documents = {i: [page(side.urls.directive(i)), directive_label(i, registry, lang), i] for i in context.directive_ids}
    provinces = {slug: reports[0].metadata.province.value for slug, reports in context.by_province.items()}
    named = {slug: p for slug, p in provinces.items() if p is not None}
    data = {
        "labels": side.labels["search_ui"],
        "terms": term_table(),
        "documents": documents,
        "aliases": alias_index(list(registry.directives), [i for i in context.directive_ids if registry.get(i) is None]),
        "provinces": {slug: [page(side.urls.province(slug)), name, name]
                      for slug, p in named.items() for name in [p.name if lang == "vi" else p.name_en]},
        "province_aliases": province_index(list(named.values())),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def feed_files(side: Side) -> Iterator[Page]:
    context = side.context
    titles = {r.id: t for r in context.reports if (t := english_title(r, context.translation(r.id)))} if side.lang == "en" else None
    note = side.labels["preview_notice"] if side.preview else None
    yield Page(side.urls.feed, atom_feed(list(context.reports), side.added, side.site_url, side.lang, side.labels["archive"],
                                         titles=titles, note=note))


PageKind = Callable[[Side], Iterator[Page]]
PAGE_KINDS: tuple[PageKind, ...] = (report_pages, parallel_pages, directive_pages, province_pages, year_pages, index_pages,
                                    overview_pages, download_files, feed_files)


def site_pages(side: Side) -> Iterator[Page]:
    """Every generated file of one side, kind by kind."""
    for kind in PAGE_KINDS:
        yield from kind(side)

