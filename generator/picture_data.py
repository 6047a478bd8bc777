"""What the overview's pictures count, read off the site context: reports by province (the 63
before 1 July 2025 and the 34 since), by year, and the reports implementing each document by
year and by province. Keys are the same slugs and ids as the pages that list those reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.gazetteer import Gazetteer
from generator.site_context import SiteContext, report_year
from generator.textnorm import slugify

UNDATED = "undated"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Area:
    """A province on a map: its gazetteer code, page slug, names and number of reports."""

    code: str
    slug: str
    name: str
    name_en: str
    count: int


@dataclass(frozen=True)
class PictureCounts:
    provinces: tuple[Area, ...]  # all 63, by code (north to south)
    provinces_2025: tuple[Area, ...]  # all 34, by code
    unknown_province: int  # reports whose province is not established
    years: tuple[str, ...]  # every year from the first to the last report, then "undated" if any
    by_year: dict[str, int]
    documents: tuple[str, ...]  # the documents shown: most implementing reports first
    documents_with_reports: int  # all documents that at least one report implements
    by_document: dict[str, int]  # implementing reports of each shown document
    by_document_year: dict[tuple[str, str], int]
    by_document_province: dict[tuple[str, str], int]  # (document id, province slug)


def count_reports(context: SiteContext, gazetteer: Gazetteer, shown_documents: int) -> PictureCounts:
    """Count once; every picture and every data table of the overview reads these numbers."""
    provinces = tuple(Area(p.code, p.slug, p.name, p.name_en, len(context.by_province.get(p.slug, ())))
                      for p in gazetteer.provinces)
    seen_2025: dict[str, Area] = {}
    for p in gazetteer.provinces:
        slug = slugify(p.name_2025)
        seen_2025.setdefault(p.code_2025, Area(p.code_2025, slug, p.name_2025, p.name_2025_en,
                                               len(context.by_province_2025.get(slug, ()))))
    by_year = {year: len(reports) for year, reports in context.by_year.items()}
    implementing = {d: roles["implements"] for d, roles in context.by_directive.items() if roles["implements"]}
    order = {d: i for i, d in enumerate(context.directive_ids)}
    documents = sorted(implementing, key=lambda d: (-len(implementing[d]), order.get(d, len(order)), d))[:shown_documents]
    by_document_year: Counter[tuple[str, str]] = Counter()
    by_document_province: Counter[tuple[str, str]] = Counter()
    for document in documents:
        for report in implementing[document]:
            province = report.metadata.province.value
            by_document_year[document, report_year(report) or UNDATED] += 1
            by_document_province[document, province.slug if province else UNKNOWN] += 1
    return PictureCounts(
        provinces=provinces,
        provinces_2025=tuple(sorted(seen_2025.values(), key=lambda a: a.code)),
        unknown_province=len(context.by_province.get(UNKNOWN, ())),
        years=year_axis(by_year),
        by_year=by_year,
        documents=tuple(documents),
        documents_with_reports=len(implementing),
        by_document={d: len(implementing[d]) for d in documents},
        by_document_year=dict(by_document_year),
        by_document_province=dict(by_document_province),
    )


def year_axis(by_year: dict[str, int]) -> tuple[str, ...]:
    """Every year from the first to the last (empty years too: it is a timeline), then "undated"."""
    years = sorted(int(y) for y in by_year if y != UNDATED)
    axis = tuple(str(y) for y in range(years[0], years[-1] + 1)) if years else ()
    return axis + ((UNDATED,) if by_year.get(UNDATED) else ())
