"""The texts of every report for analysis: one JSON Lines file per language, gzip-compressed
(`data/texts-vi.jsonl.gz`, `data/texts-en.jsonl.gz`), a line per report.

Vietnamese: the cleaned text, segment by segment (heading, paragraph, caption) as the page shows
it. English: the same segments, each with its published English (editors' or machine, marked)
or null, so the two files align segment by segment. Editors' notes stay as written, `[ed: …]`.
The files are compressed with a fixed timestamp, so an unchanged corpus gives the same bytes.
"""

from __future__ import annotations

import gzip
import json
from typing import Any, Iterable

from generator.model import Report
from generator.segments import report_segments
from generator.site_context import english_title
from generator.translation import TranslationView


def vietnamese_record(report: Report) -> dict[str, Any]:
    segments = report_segments(report)
    return {
        "id": report.id,
        "title": report.metadata.title.value or report.id,
        "segments": [{"kind": s.kind, "text": s.text} for s in segments[1:]],
    }


def english_record(report: Report, view: TranslationView) -> dict[str, Any]:
    segments = report_segments(report)[1:]
    return {
        "id": report.id,
        "title": english_title(report, view),
        "translation": view.page_status,
        "translator": view.translator if view.page_status != "pending" else None,
        "segments": [{"kind": s.kind, "text": view.english.get(s.key), "status": view.status_of.get(s.key, "missing")}
                     for s in segments],
    }


def jsonl_gz(records: Iterable[dict[str, Any]]) -> bytes:
    lines = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    return gzip.compress(lines.encode("utf-8"), compresslevel=9, mtime=0)


def text_files(reports: Iterable[Report], views: dict[str, TranslationView], empty: TranslationView) -> dict[str, bytes]:
    """{"vi": bytes, "en": bytes}: both files, reports in the order given."""
    reports = list(reports)
    return {
        "vi": jsonl_gz(vietnamese_record(r) for r in reports),
        "en": jsonl_gz(english_record(r, views.get(r.id, empty)) for r in reports),
    }
