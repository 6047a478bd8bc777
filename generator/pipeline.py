"""Raw file -> Report, one report at a time; a bad report never stops the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.cleaning import clean_report
from generator.extraction import extract_metadata
from generator.model import Report, ReportError
from generator.overrides import apply_sidecar, load_sidecar, sidecar_path
from generator.reading import find_reports, read_report
from generator.registry import Registry, load_registry


@dataclass
class Corpus:
    reports: list[Report] = field(default_factory=list)
    errors: list[ReportError] = field(default_factory=list)


def process_report(path: Path, registry: Registry) -> Report:
    raw = read_report(path)
    cleaned = clean_report(raw)
    if not cleaned.blocks:
        raise ReportError(path, "no body text left after removing web page chrome")
    metadata = extract_metadata(raw, cleaned, registry)
    sidecar = load_sidecar(sidecar_path(path))
    if sidecar is None:
        return Report(raw=raw, cleaned=cleaned, metadata=metadata)
    metadata, fields = apply_sidecar(sidecar_path(path), sidecar, metadata, registry)
    return Report(
        raw=raw, cleaned=cleaned, metadata=metadata, editor_fields=fields,
        title_en=sidecar.title_en, date_note=sidecar.date_note, editor_note=sidecar.note,
    )


def process_corpus(paths: list[Path], registry: Registry | None = None) -> Corpus:
    registry = registry or load_registry()
    corpus = Corpus()
    for path in paths:
        try:
            corpus.reports.append(process_report(path, registry))
        except ReportError as exc:
            corpus.errors.append(exc)
    return corpus


def load_corpus(source_dir: Path, registry: Registry | None = None) -> Corpus:
    return process_corpus(find_reports(source_dir), registry)
