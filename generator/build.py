"""The whole build, as one library function: `build(project)` reads as its table of contents.

    raw reports -> reports (pipeline) -> English side (translation) -> pages of each side
    (pages) -> docs/<lang>/ (writing) -> site/ (two MkDocs builds) -> search index (Pagefind)

The command line, `serve`, the benchmarks and the tests all call it. Progress goes to the
`generator` logger; problems come back in the BuildResult or as a BuildError.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from generator.build_lock import build_lock
from generator.glossary import load_glossary
from generator.history import added_dates
from generator.machine_translation import Backend, TranslatedReport, translate_reports
from generator.model import Report, ReportError
from generator.pages import Side, site_pages
from generator.pipeline import Corpus, load_corpus
from generator.project import Project
from generator.reading import report_id
from generator.registry import load_registry
from generator.site_context import build_context
from generator.translation import TranslationResult, translate_corpus
from generator.translation_memory import TranslationMemoryError
from generator.writing import WriteError, WriteStats, remove_temp_files, write_pages

log = logging.getLogger("generator")


class BuildError(Exception):
    """The build stopped; the message says which file and why."""


class TranslationQAFailed(BuildError):
    pass


@dataclass
class BuildResult:
    reports: int = 0
    errors: list[ReportError] = field(default_factory=list)  # reports that could not be read (the others were built)
    updated_translations: list[Path] = field(default_factory=list)
    orphan_translations: list[Path] = field(default_factory=list)  # PO files of no report: listed, never deleted
    written: dict[str, WriteStats] = field(default_factory=dict)  # language -> what the writer did
    site_built: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def generate_docs(project: Project, corpus: Corpus, result: BuildResult) -> TranslationResult:
    """The English side, then every page of each side, written into docs/<lang>/."""
    try:
        translation = translate_corpus(corpus.reports, project.translations_dir, workers=project.workers)
    except TranslationMemoryError as exc:
        raise BuildError(f"{exc} (the file was not changed; mend it, `msgfmt --check` tells when it is valid)") from None
    failed = frozenset(_failed_ids(corpus.errors))
    result.updated_translations = translation.updated_files
    result.orphan_translations = [p for p in translation.orphans if p.stem not in failed]  # a failed report's is not an orphan
    for rename in translation.renamed:
        log.info("%s: translation memory moved from %s (%s)", rename.new, rename.old.name, rename.reason)
    for orphan in result.orphan_translations:
        log.warning("%s: translation memory of no report (kept; delete it or give a report renamed_from: %s)", orphan, orphan.stem)
    if translation.updated_files:
        shown = ", ".join(p.name for p in translation.updated_files[:5]) + (" …" if len(translation.updated_files) > 5 else "")
        log.info("%s: %d translation files created or updated from the Vietnamese text (%s)",
                 project.translations_dir, len(translation.updated_files), shown)
    if translation.problems:
        raise TranslationQAFailed("\n".join(f"translation QA: {p}" for p in translation.problems))
    context = build_context(corpus.reports, load_registry(), translation.views)
    added = added_dates(project.source_dir)
    for language in project.languages:
        side = Side(language.code, project.side_url(language), added, context, prefix=language.prefix, preview=project.preview,
                    side_urls={other.code: project.side_url(other) for other in project.languages})
        try:
            stats = write_pages(project.lang_docs(language), site_pages(side), failed)
        except WriteError as exc:
            raise BuildError(str(exc)) from None
        result.written[language.code] = stats
        log.info("docs/%s: %d written, %d unchanged, %d removed", language.code, stats.written, stats.unchanged, stats.removed)
        if stats.kept:
            log.warning("docs/%s: kept the last good pages of %s (%d files), which could not be read this time: "
                        "fix the error above and build again", language.code, ", ".join(sorted(failed)), len(stats.kept))
    return translation


def _failed_ids(errors: list[ReportError]) -> list[str]:
    ids = []
    for error in errors:
        if error.report_id:
            ids.append(error.report_id)
            continue
        try:
            ids.append(report_id(error.path.with_suffix(".txt")))
        except ReportError:
            continue
    return ids


def build(project: Project, *, site: bool = True, search: bool = True) -> BuildResult:
    """Generate docs/ from the raw reports; then, unless `site` is False, build site/ with
    MkDocs (strict) and, unless `search` is False, its Pagefind index. One build at a time
    per project (a second one waits); a killed build's temporary files are removed first."""
    with build_lock(project.root):
        for folder in (project.docs_dir, project.translations_dir):
            for path in remove_temp_files(folder):
                log.info("%s: removed (a temporary file of a build that was stopped mid-write)", path)
        return _build(project, site=site, search=search)


def _build(project: Project, *, site: bool, search: bool) -> BuildResult:
    corpus = load_corpus(project.source_dir, workers=project.workers)
    for error in corpus.errors:
        log.error("error: %s", error)
    result = BuildResult(reports=len(corpus.reports), errors=list(corpus.errors))
    generate_docs(project, corpus, result)
    if site:
        from generator.site import SiteBuildError, build_site

        try:
            build_site(project, search_index=search, removed={lang: stats.removed_paths for lang, stats in result.written.items()})
        except SiteBuildError as exc:
            raise BuildError(str(exc)) from None
        result.site_built = True
        log.info("site built in %s (%d reports)", project.site_dir, len(corpus.reports))
    return result


def machine_translate(project: Project, reports: list[Report], backend: Backend) -> Iterator[TranslatedReport]:
    """Machine-translate the reports' untranslated segments into their PO files, holding the build
    lock: a build syncs the same files, so the two never write them at once."""
    with build_lock(project.root):
        yield from translate_reports(reports, project.translations_dir, backend, load_glossary())
