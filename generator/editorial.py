"""What an editor looks at: a report's extracted metadata with its evidence (`inspect`), and the
reports that need a decision, grouped by the field and code of their findings (`check`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from generator.exports import metadata_fields
from generator.model import Extracted, Report

CONFIDENCE_FIELDS = ("title", "date", "province", "author", "source")


def _evidence(value: Extracted[Any]) -> dict[str, str]:
    return {"text": value.evidence, "confidence": value.confidence.value, "from": value.source}


def inspect_record(report: Report) -> dict[str, Any]:
    """The `inspect --json` record: values and findings, then evidence and confidence per field."""
    m = report.metadata
    return {
        "id": report.id,
        "file": str(report.raw.path),
        **metadata_fields(report),
        "evidence": {
            **{name: _evidence(getattr(m, name)) for name in CONFIDENCE_FIELDS},
            "directives": [asdict(d) for d in m.directives],
        },
    }


@dataclass(frozen=True)
class CheckGroup:
    field: str
    code: str
    message: str  # the first report's message, as an example
    reports: tuple[str, ...]  # raw file paths


def low_confidence(report: Report) -> list[str]:
    m = report.metadata
    return [name for name in ("title", "date", "province") if getattr(m, name).confidence.value == "low"]


def check_groups(reports: list[Report]) -> list[CheckGroup]:
    """Every finding of every report, grouped by (field, code); groups by field, then by size."""
    groups: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (field, code) -> report id -> raw path
    example: dict[tuple[str, str], str] = {}
    for report in reports:
        for finding in report.metadata.findings:
            key = (finding.field, finding.code)
            groups[key].setdefault(report.id, str(report.raw.path))
            example.setdefault(key, finding.message("en"))
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]), kv[0][1]))
    return [CheckGroup(f, c, example[(f, c)], tuple(paths.values())) for (f, c), paths in ordered]


def needs_editor(report: Report) -> bool:
    return bool(low_confidence(report) or report.metadata.findings)


def check_report(reports: list[Report]) -> str:
    """`check`'s listing: each (field, code) group with an example message and its files, then
    the reports with a low-confidence field."""
    lines = []
    for group in check_groups(reports):
        lines.append(f"{group.field} [{group.code}] ({len(group.reports)}): e.g. {group.message}")
        lines += [f"  {path}" for path in group.reports]
    lines += [f"{r.raw.path}: low confidence: {', '.join(low_confidence(r))}" for r in reports if low_confidence(r)]
    return "\n".join(lines)
