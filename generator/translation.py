"""Stage 4: the English side of each report, from its translation memory (translations/en/*.po).

For every report: find its PO file (a renamed report takes over its old name's file), sync it with
the current Vietnamese segments (new segments added, changed ones marked fuzzy, vanished ones kept
as obsolete), work out coverage, and check every published segment (editors' or machine) with the
QA rules. Only non-fuzzy entries are shown. PO files that belong to no report are listed.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Literal

from generator.glossary import Glossary, load_glossary
from generator.memory_files import Rename, find_renames, orphan_catalogs, report_source
from generator.model import Report
from generator.pipeline import CHUNK, PARALLEL_FROM, default_workers
from generator.segments import Segment, report_segments
from generator.textnorm import replace_controls
from generator.translation_memory import (
    Coverage,
    Status,
    coverage,
    english,
    machine_engine,
    open_catalog,
    save_catalog,
)
from generator.translation_qa import Problem, check_segment
from generator.workers import die_with_parent

PageStatus = Literal["editors", "machine", "partial", "pending"]


@dataclass(frozen=True)
class TranslationView:
    """What the English page shows: English per segment key (published entries only) and coverage."""

    english: dict[str, str]
    status_of: dict[str, Status]
    coverage: Coverage
    engines: tuple[str, ...] = ()
    translator: str | None = None  # the PO header's Last-Translator, without an e-mail address

    @property
    def page_status(self) -> PageStatus:
        c = self.coverage
        if c.translated + c.machine == 0:
            return "pending"
        if c.missing or c.fuzzy:
            return "partial"
        return "machine" if c.machine else "editors"


@dataclass
class TranslationResult:
    views: dict[str, TranslationView] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    updated_files: list[Path] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)  # catalogs moved to a renamed report
    orphans: list[Path] = field(default_factory=list)  # catalogs of no report: for the build to list, never deleted


@dataclass(frozen=True)
class ReportTranslation:
    """One report's English side: what its page shows, its QA problems, its PO file if written."""

    view: TranslationView
    problems: tuple[Problem, ...]
    updated: Path | None


def translate_report(report_id: str, segments: list[Segment], sha256: str, translations_dir: Path, moved_from: Path | None,
                     glossary: Glossary, write: bool = True) -> ReportTranslation:
    """Sync one report's PO file with its segments (written if it changed), then QA what it publishes."""
    po, path, changed = open_catalog(translations_dir, report_id, segments, sha256, moved_from)
    updated = None
    if changed and write:
        save_catalog(po, path)
        updated = path
        if moved_from is not None:
            moved_from.unlink()  # moved: its content is in the new file, written first
    shown: dict[str, str] = {}
    status_of: dict[str, Status] = {}
    problems: list[Problem] = []
    translated = english(po, segments)
    for segment in segments:
        if segment.key not in translated:
            continue
        text, status = translated[segment.key]
        text = replace_controls(text)[0]  # a PO file may write "\v" or "\b": never into a page or feed
        status_of[segment.key] = status
        if status in ("editors", "machine"):
            shown[segment.key] = text
            problems += [Problem(report_id, segment.label, reason) for reason in check_segment(segment.text, text, glossary)]
    engines = (machine_engine(e) for e in po if not e.obsolete)
    view = TranslationView(shown, status_of, coverage(po, segments), tuple(dict.fromkeys(e for e in engines if e)),
                           translator_name(po.metadata.get("Last-Translator", "")))
    return ReportTranslation(view, tuple(problems), updated)


Job = tuple[str, list[Segment], str, Path | None]  # report id, segments, raw sha256, catalog to move from


def _translate_chunk(jobs: list[Job], translations_dir: Path, write: bool) -> list[ReportTranslation]:
    glossary = load_glossary()
    return [translate_report(*job[:3], translations_dir, job[3], glossary, write) for job in jobs]


def translate_corpus(reports: list[Report], translations_dir: Path, glossary: Glossary | None = None, write: bool = True,
                     workers: int | None = None) -> TranslationResult:
    """Every report's English side; above PARALLEL_FROM reports in `workers` processes (default:
    one per core, at most 4), in chunks, in the order of `reports`."""
    glossary = glossary or load_glossary()
    result = TranslationResult(renamed=find_renames(translations_dir, [report_source(r) for r in reports]))
    moved_from = {r.report_id: r.old for r in result.renamed}
    jobs: list[Job] = [(r.id, report_segments(r), r.raw.sha256, moved_from.get(r.id)) for r in reports]
    workers = default_workers() if workers is None else workers
    if len(jobs) < PARALLEL_FROM or workers < 2 or glossary is not load_glossary():
        done = [translate_report(*job[:3], translations_dir, job[3], glossary, write) for job in jobs]
    else:
        chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            done = [t for part in pool.map(_translate_chunk, chunks, repeat(translations_dir), repeat(write)) for t in part]
    for report_id, translation in zip((job[0] for job in jobs), done):
        result.views[report_id] = translation.view
        result.problems += translation.problems
        if translation.updated is not None:
            result.updated_files.append(translation.updated)
    pending = set(moved_from.values()) if not write else set()
    result.orphans = [p for p in orphan_catalogs(translations_dir, (r.id for r in reports)) if p not in pending]
    return result


def translator_name(header: str) -> str | None:
    """'Archive editors <editors@example.org>' -> 'Archive editors'; '' or 'FULL NAME <EMAIL@ADDRESS>' -> None."""
    name = re.sub(r"<[^>]*>", "", header).strip()
    return None if not name or name == "FULL NAME" else name


def coverage_table(views: dict[str, TranslationView]) -> str:
    """`coverage`'s table: translated / machine / fuzzy / missing segments per report, and totals."""
    kinds = ("translated", "machine", "fuzzy", "missing")
    lines = [f"{'report':32} {'translated':>10} {'machine':>8} {'fuzzy':>6} {'missing':>8}"]
    for name, view in views.items():
        c = view.coverage
        lines.append(f"{name:32} {c.translated:>10} {c.machine:>8} {c.fuzzy:>6} {c.missing:>8}")
    totals = [sum(getattr(v.coverage, k) for v in views.values()) for k in kinds]
    lines.append(f"{'total':32} {totals[0]:>10} {totals[1]:>8} {totals[2]:>6} {totals[3]:>8}")
    return "\n".join(lines)
