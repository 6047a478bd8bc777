"""What every page needs to know about the corpus, computed once for both sides: the reports
newest first, and the reports of each document, province (before and since 2025) and year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from generator.model import Report
from generator.registry import Registry
from generator.translation import TranslationView
from generator.translation_memory import Coverage


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
    """Group the reports once; every page kind reads these groups."""
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


def english_title(report: Report, view: TranslationView) -> str | None:
    """The English title: an editor's sidecar title_en (an explicit correction), else the translated title."""
    return report.title_en or view.english.get("title")
