"""Raw files -> Reports, one report at a time; a bad report never stops the others.

Large corpora are read in one process per worker, in chunks, keeping the order of the files.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from generator.cleaning import clean_report
from generator.extraction import extract_metadata
from generator.model import Report, ReportError
from generator.overrides import apply_sidecar, load_sidecar, sidecar_path
from generator.reading import find_reports, read_report
from generator.registry import Registry, load_registry
from generator.sidecar_files import SidecarFiles, read_sidecar_files
from generator.workers import die_with_parent

log = logging.getLogger(__name__)
PARALLEL_FROM = 400  # reports; below this a process pool costs more than it saves
CHUNK = 200


@dataclass
class Corpus:
    reports: list[Report] = field(default_factory=list)
    errors: list[ReportError] = field(default_factory=list)

    def extend(self, other: "Corpus") -> None:
        self.reports += other.reports
        self.errors += other.errors


def process_report(path: Path, registry: Registry) -> Report:
    try:
        raw = read_report(path)
        cleaned = clean_report(raw)
        if not cleaned.blocks:
            raise ReportError(path, "no body text left after removing web page chrome")
    except ReportError as exc:
        if not os.path.lexists(sidecar_path(path)):
            raise
        raise ReportError(exc.path, f"{exc.reason}; its sidecar {sidecar_path(path).name} is not applied until "
                                    "the report can be read", exc.report_id) from None
    metadata = extract_metadata(raw, cleaned, registry)
    sidecar = load_sidecar(sidecar_path(path))
    if sidecar is None:
        return Report(raw=raw, cleaned=cleaned, metadata=metadata)
    metadata, fields = apply_sidecar(sidecar_path(path), sidecar, metadata, registry)
    return Report(
        raw=raw, cleaned=cleaned, metadata=metadata, editor_fields=fields,
        title_en=sidecar.title_en, date_note=sidecar.date_note, editor_note=sidecar.note,
        url=sidecar.url, retrieved=sidecar.retrieved,
    )


def process_corpus(paths: Sequence[Path], registry: Registry | None = None) -> Corpus:
    registry = registry or load_registry()
    corpus = Corpus()
    for path in paths:
        try:
            corpus.reports.append(process_report(path, registry))
        except ReportError as exc:
            corpus.errors.append(exc)
    return corpus


def _process_chunk(paths: list[Path]) -> Corpus:
    return process_corpus(paths, load_registry())


def default_workers() -> int:
    return min(os.cpu_count() or 1, 4)


def load_corpus(source_dir: Path, files: Sequence[Path] | None = None, workers: int | None = None) -> Corpus:
    """Read and extract every report of `source_dir` (or just `files`); above PARALLEL_FROM
    reports, in `workers` processes (default: one per core, at most 4). Order is kept."""
    paths = list(files) if files is not None else find_reports(source_dir)
    sidecars = read_sidecar_files(source_dir) if files is None else SidecarFiles()
    paths = [p for p in paths if p.name not in sidecars.not_reports]
    workers = default_workers() if workers is None else workers
    started = time.perf_counter()
    corpus = Corpus()
    if len(paths) < PARALLEL_FROM or workers < 2:
        corpus.extend(process_corpus(paths))
    else:
        chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            for part in pool.map(_process_chunk, chunks):
                corpus.extend(part)
                log.info("read %d/%d reports (%.0f/s)", len(corpus.reports) + len(corpus.errors), len(paths),
                         (len(corpus.reports) + len(corpus.errors)) / max(time.perf_counter() - started, 1e-9))
    return with_sidecar_files(corpus, sidecars)


def with_sidecar_files(corpus: Corpus, sidecars: SidecarFiles) -> Corpus:
    """A report with a misnamed sidecar fails (its last good pages stay); every misnamed or
    orphaned sidecar is an error naming it; other files are listed as ignored."""
    for path in sidecars.ignored:
        log.warning("%s: neither a raw report (.txt) nor a sidecar (.yaml): ignored", path)
    errors = sidecars.errors()
    stopped = {e.report_id for e in errors}
    return Corpus([r for r in corpus.reports if r.id not in stopped], corpus.errors + errors)
