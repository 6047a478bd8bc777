"""Stage 5: reports -> Markdown pages for one language (report pages and the pages that link them).

Output is plain Markdown with YAML front matter and relative links, so MkDocs (or any
successor that reads mkdocs.yml) is only the last, thin stage.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.citations import cite_bibtex, cite_csl, cite_plain, permanent_url
from generator.datafiles import load_yaml
from generator.exports import atom_feed, dataset_files, facets_data
from generator.model import Report
from generator.registry import Directive, Registry
from generator.schema import GENERATED_BY, IndexFrontMatter, ReportFrontMatter
from generator.search_terms import alias_index, directive_aliases, stroke_folded_words, term_numbers
from generator.segments import report_segments
from generator.textnorm import slugify
from generator.translation import TranslationView
from generator.translation_memory import Coverage
from generator.vocabulary import load_vocabulary

LANGS = ("vi", "en")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|])")
_MD_BLOCK_MARK = re.compile(r"^(\s*)([#>+-])(\s)")  # heading, quote, bullet
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])(\s)")  # "1. " would start a numbered list


@lru_cache(maxsize=8192)
def md_escape(text: str) -> str:
    """Report text is data, never markup: escape what Markdown or HTML would interpret."""
    text = text.replace("&", "&amp;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_BLOCK_MARK.sub(r"\1\\\2\3", text)
    return _MD_ORDERED.sub(r"\1\\\2\3", text)


def format_date(iso: str | None, precision: str | None, lang: str) -> str:
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    if lang == "vi":
        if precision == "day":
            return f"ngày {parts[2]} tháng {parts[1]} năm {parts[0]}"
        if precision == "month":
            return f"tháng {parts[1]} năm {parts[0]}"
        return f"năm {parts[0]}"
    months = load_vocabulary().data.months_en
    if precision == "day":
        return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"
    if precision == "month":
        return f"{months[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def report_path(report_id: str) -> str:
    return f"reports/{report_id}.md"


def parallel_path(report_id: str) -> str:
    return f"parallel/{report_id}.md"


def directive_path(directive_id: str) -> str:
    return f"directives/{slugify(directive_id)}.md"


def province_path(slug: str) -> str:
    return f"provinces/{slug}.md"


def province_2025_path(slug: str) -> str:
    return f"provinces/since-2025/{slug}.md"


def year_path(year: str | None) -> str:
    return f"years/{year or 'undated'}.md"


def relative(from_path: str, to_path: str) -> str:
    """Relative link between two docs paths ('reports/a.md' -> 'directives/b.md' is '../directives/b.md')."""
    start = from_path.split("/")[:-1]
    target = to_path.split("/")
    common = 0
    while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])


def report_year(report: Report) -> str | None:
    date = report.metadata.date.value
    return date.iso[:4] if date else None


@dataclass(frozen=True)
class SiteContext:
    """Everything a page needs about the corpus, computed once for both languages."""

    reports: tuple[Report, ...]
    registry: Registry
    by_directive: dict[str, dict[str, list[Report]]]  # id -> role -> reports
    by_province: dict[str, list[Report]]
    by_province_2025: dict[str, list[Report]]
    by_year: dict[str, list[Report]]
    directive_ids: tuple[str, ...]  # registry order, then unregistered ones seen in reports
    translations: dict[str, TranslationView]  # report id -> its English side

    def translation(self, report_id: str) -> TranslationView:
        return self.translations.get(report_id) or TranslationView({}, {}, Coverage(0, 0, 0, 0))


def group_by_province(reports: list[Report]) -> list[tuple[str, list[Report]]]:
    """(province name, its reports newest first), provinces by number of reports then name."""
    groups: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        province = report.metadata.province.value
        groups[province.slug if province else ""].append(report)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def sort_reports(reports: Iterable[Report]) -> list[Report]:
    """Newest first; undated last; ties by id so output is stable."""
    dated = sorted((r for r in reports if r.metadata.date.value), key=lambda r: (r.metadata.date.value.iso, r.id), reverse=True)  # type: ignore[union-attr]
    undated = sorted((r for r in reports if not r.metadata.date.value), key=lambda r: r.id)
    return dated + undated


def build_context(reports: list[Report], registry: Registry, translations: dict[str, TranslationView] | None = None) -> SiteContext:
    by_directive: dict[str, dict[str, list[Report]]] = defaultdict(lambda: {"implements": [], "cites": []})
    by_province: dict[str, list[Report]] = defaultdict(list)
    by_province_2025: dict[str, list[Report]] = defaultdict(list)
    by_year: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        for ref in report.metadata.directives:
            by_directive[ref.id][ref.role].append(report)
        province = report.metadata.province.value
        by_province[province.slug if province else "unknown"].append(report)
        if province:
            by_province_2025[province.slug_2025].append(report)
        by_year[report_year(report) or "undated"].append(report)
    registered = [d.id for d in registry.directives]
    unregistered = sorted(set(by_directive) - set(registered))
    return SiteContext(
        reports=tuple(sort_reports(reports)),
        registry=registry,
        by_directive={k: {role: sort_reports(v) for role, v in roles.items()} for k, roles in by_directive.items()},
        by_province={k: sort_reports(v) for k, v in by_province.items()},
        by_province_2025={k: sort_reports(v) for k, v in by_province_2025.items()},
        by_year={k: sort_reports(v) for k, v in by_year.items()},
        directive_ids=tuple(registered + unregistered),
        translations=dict(translations or {}),
    )


@lru_cache(maxsize=1)
def template_env() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown output; report text goes through the `md` filter
    )
    env.filters["md"] = md_escape
    env.filters["date"] = format_date
    env.filters["stroke_fold"] = stroke_folded_words
    env.filters["term_numbers"] = term_numbers
    return env


def _yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):  # a JSON object is a valid YAML flow mapping
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def front_matter(data: dict[str, Any]) -> str:
    """YAML front matter for flat records (scalars, lists of scalars or of flat mappings, one level of mapping).

    Written by hand because PyYAML's representer dominated build time at 10,000 pages; the
    output is checked against yaml.safe_load in tests/test_rendering.py.
    """
    lines = ["---"]
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:" + ("" if value else " {}"))
            lines += [f"  {k}: {_yaml_scalar(v)}" for k, v in value.items()]
        elif isinstance(value, (list, tuple)):
            lines.append(f"{key}:" + ("" if value else " []"))
            lines += [f"- {_yaml_scalar(v)}" for v in value]
        else:
            lines.append(f"{key}: {_yaml_scalar(value)}")
    return "\n".join(lines) + "\n---\n\n"


def english_title(report: Report, view: TranslationView) -> str | None:
    """The English title: an editor's sidecar title_en (an explicit correction), else the translated title."""
    return report.title_en or view.english.get("title")


def report_front_matter(report: Report, lang: str, view: TranslationView) -> dict[str, Any]:
    m = report.metadata
    date = m.date.value
    province = m.province.value
    title = m.title.value or report.id
    title_en = english_title(report, view)
    data = ReportFrontMatter(
        generated_by=GENERATED_BY,
        report_id=report.id,
        lang=lang,  # type: ignore[arg-type]
        title=(title_en or title) if lang == "en" else title,
        title_vi=title,
        title_en=title_en,
        title_derived=m.title_derived,
        translation="original" if lang == "vi" else view.page_status,
        date=date.iso if date else None,
        date_precision=date.precision if date else None,
        date_text=m.date.evidence or None,
        province=(
            {"name": province.name, "code": province.code, "name_2025": province.name_2025, "code_2025": province.code_2025}
            if province else None
        ),
        implements=list(m.implements),
        cites=list(m.cites),
        local_documents=[d.symbol for d in m.local_documents],
        author=m.author.value,
        source=m.source.value,
        people=list(m.people),
        source_file=f"source_reports/{report.raw.path.name}",
        source_sha256=report.raw.sha256,
        confidence={
            "title": m.title.confidence.value,
            "date": m.date.confidence.value,
            "province": m.province.confidence.value,
            "author": m.author.confidence.value,
            "source": m.source.confidence.value,
        },
        editor_fields=list(report.editor_fields),
        findings=[{"field": f.field, "code": f.code, "message": f.message(lang)} for f in m.findings],  # type: ignore[arg-type, misc]
    )
    return data.model_dump(mode="json")


def _index_front_matter(title: str, lang: str, search: str = "include") -> str:
    data = IndexFrontMatter(generated_by=GENERATED_BY, title=title, lang=lang,
                            search={"exclude": True} if search == "exclude" else None).model_dump(mode="json", exclude_none=True)
    return front_matter(data)


def directive_label(directive_id: str, registry: Registry, lang: str) -> str:
    directive = registry.get(directive_id)
    if directive is None:
        return directive_id
    kind = directive.type if lang == "vi" else directive.type_en
    return f"{kind} {directive.id}"


@dataclass(frozen=True)
class Publication:
    """Where the site is published and when each report was added (for citations and the feed)."""

    site_url: str  # this side's root URL, e.g. https://…/ or https://…/en/
    added: dict[str, dt.datetime]


def render_pages(context: SiteContext, lang: str, publication: Publication) -> dict[str, str]:
    """docs-relative path -> file content (Markdown pages, data downloads, feed) for one language."""
    env = template_env()
    labels = load_yaml("labels.yaml")[lang]
    registry = context.registry
    common = {
        "lang": lang,
        "t": labels,
        "registry": registry,
        "link": relative,
        "report_path": report_path,
        "directive_path": directive_path,
        "province_path": province_path,
        "year_path": year_path,
        "report_year": report_year,
        "label": lambda d: directive_label(d, registry, lang),
        "type_en": load_vocabulary().type_en,
        "aliases": directive_aliases,
        "province_2025_path": province_2025_path,
        "parallel_path": parallel_path,
        "translation": context.translation,
        "slug": slugify,
        "by_province": group_by_province,
    }
    pages: dict[str, str] = {}
    report_template = env.get_template("report.md.j2")
    parallel_template = env.get_template("parallel.md.j2")
    for report in context.reports:
        path = report_path(report.id)
        view = context.translation(report.id)
        keys = [seg.key for seg in report_segments(report)]
        fm = report_front_matter(report, lang, view)
        url = permanent_url(publication.site_url, report.id)
        cite = {"plain": cite_plain(report, url, lang), "bibtex": cite_bibtex(report, url),
                "csl": json.dumps([cite_csl(report, url)], ensure_ascii=False, indent=2)}
        pages[path] = front_matter(fm) + report_template.render(
            here=path, report=report, fm=fm, cite=cite, url=url, view=view, keys=keys[1:], **common)
        parallel = parallel_path(report.id)
        pages[parallel] = _index_front_matter(f"{labels['parallel_view']}: {fm['title']}", lang, "exclude") + parallel_template.render(
            here=parallel, report=report, fm=fm, view=view, keys=keys[1:], **common)

    def page(path: str, template: str, title: str, search: str = "include", **values: Any) -> None:
        pages[path] = _index_front_matter(title, lang, search) + env.get_template(template).render(here=path, title=title, **values, **common)

    page("index.md", "home.md.j2", labels["archive"], search="exclude", context=context)
    page("search.md", "search.md.j2", labels["search"], search="exclude")
    page("reports/index.md", "reports_index.md.j2", labels["all_reports"], search="exclude", reports=context.reports)
    page("directives/index.md", "directives_index.md.j2", labels["directives"], search="exclude", context=context)
    for directive_id in context.directive_ids:
        directive: Directive | None = registry.get(directive_id)
        roles = context.by_directive.get(directive_id, {"implements": [], "cites": []})
        page(directive_path(directive_id), "directive.md.j2", directive_label(directive_id, registry, lang),
             directive_id=directive_id, directive=directive, roles=roles)
    page("provinces/index.md", "provinces_index.md.j2", labels["provinces"], search="exclude", context=context)
    for slug, reports in context.by_province.items():
        first = reports[0].metadata.province.value
        title = (first.name if lang == "vi" else first.name_en) if first else labels["not_known"]
        page(province_path(slug), "province.md.j2", title, province=first, reports=reports)
    for slug, reports in context.by_province_2025.items():
        first = reports[0].metadata.province.value
        title = first.name_2025 if lang == "vi" else first.name_2025_en
        # Not indexed: same-named historic province pages are the precise answer to a search.
        page(province_2025_path(slug), "province_2025.md.j2", title, search="exclude", province=first, reports=reports)
    page("years/index.md", "years_index.md.j2", labels["years"], search="exclude", context=context)
    for year, reports in context.by_year.items():
        page(year_path(None if year == "undated" else year), "year.md.j2", year if year != "undated" else labels["undated"],
             search="exclude", reports=reports)
    status = {r.id: context.translation(r.id).page_status for r in context.reports}
    pages.update(dataset_files(list(context.reports), context.by_directive, context.directive_ids, publication.site_url, status))
    titles_en = {r.id: t for r in context.reports if (t := english_title(r, context.translation(r.id)))}
    pages["data/facets.json"] = facets_data(context.reports, lang, status, titles_en)
    index = alias_index(list(registry.directives), [i for i in context.directive_ids if registry.get(i) is None])
    documents = {i: [slugify(i), directive_label(i, registry, lang)] for i in context.directive_ids}
    pages["data/aliases.json"] = json.dumps({"documents": documents, "aliases": index}, ensure_ascii=False, separators=(",", ":"))
    pages["feed.xml"] = atom_feed(list(context.reports), publication.added, publication.site_url, lang, labels["archive"])
    return pages
