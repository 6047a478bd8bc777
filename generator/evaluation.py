"""Score extraction against a labelled corpus (a folder of raw reports plus labels.yaml).

    python -m generator evaluate tests/corpus

Per field: province accuracy, directive-set F1 (micro), main-directive accuracy, date accuracy
(value *and* precision must match; "unknown" is right when the text does not say), and every
value that was wrong although extracted with high confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from generator.datafiles import DataFileError, parse_yaml
from generator.model import Report
from generator.pipeline import load_corpus
from generator.reading import find_reports


@dataclass
class Evaluation:
    reports: int = 0
    province_ok: int = 0
    main_ok: int = 0
    date_ok: int = 0  # value and precision as labelled
    date_acceptable: int = 0  # right at least to the year, never contradicting the label (date_acceptable)
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    misses: list[str] = field(default_factory=list)
    confident_errors: list[str] = field(default_factory=list)

    @property
    def directive_f1(self) -> float:
        precision = self.true_pos / max(self.true_pos + self.false_pos, 1)
        recall = self.true_pos / max(self.true_pos + self.false_neg, 1)
        return 2 * precision * recall / max(precision + recall, 1e-9)

    def rate(self, ok: int) -> float:
        return ok / max(self.reports, 1)


def score_report(report: Report, expected: Label, result: Evaluation) -> None:
    m = report.metadata
    result.reports += 1
    province = m.province.value.name if m.province.value else None
    if province == expected.province:
        result.province_ok += 1
    else:
        result.misses.append(f"{report.id}: province {province!r}, expected {expected.province!r}")
        if m.province.confidence.value == "high":
            result.confident_errors.append(f"{report.id}: province {province!r} (high confidence)")
    main = m.implements[0] if m.implements else None
    if main == expected.main:
        result.main_ok += 1
    else:
        result.misses.append(f"{report.id}: main {main!r}, expected {expected.main!r}")
    got, want = set(m.directive_ids), set(expected.directives)
    result.true_pos += len(got & want)
    result.false_pos += len(got - want)
    result.false_neg += len(want - got)
    if got != want:
        result.misses.append(f"{report.id}: directives extra {sorted(got - want)}, missing {sorted(want - got)}")
    date = (m.date.value.iso, m.date.value.precision) if m.date.value else (None, None)
    got_iso = m.date.value.iso if m.date.value else None
    acceptable = date_acceptable(got_iso, expected.date)
    result.date_acceptable += acceptable
    if date == (expected.date, expected.precision):
        result.date_ok += 1
    else:
        result.misses.append(f"{report.id}: date {date}, expected {(expected.date, expected.precision)}"
                             f"{'' if acceptable else ' (not acceptable)'}")
    overclaims = got_iso is not None and expected.date is not None and len(got_iso) > len(expected.date)
    if m.date.confidence.value == "high" and (not acceptable or overclaims):
        result.confident_errors.append(f"{report.id}: date {date} (high confidence)")


def date_acceptable(got: str | None, want: str | None) -> bool:
    """An extracted date (ISO at its precision) is acceptable when the label has none and neither
    does it, or when it is right at least to the year and agrees with the label on every part
    both give ("2019" for "2019-05-17" is acceptable; "2019-05-16" is not)."""
    if want is None or got is None:
        return want is None and got is None
    shared = min(len(got), len(want))
    return got[:shared] == want[:shared]


class Label(BaseModel):
    """What an editor says a labelled report's metadata is (the truth it is scored against)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    province: str | None
    date: str | None = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    precision: Literal["day", "month", "year"] | None
    main: str | None
    directives: tuple[str, ...] = ()
    date_basis: Literal["written", "stamp", "combined", "inferred", "none"] | None = None  # how a reader finds the date
    note: str | None = None

    @model_validator(mode="after")
    def _precision_matches_date(self) -> "Label":
        expected = None if self.date is None else ("year", "month", "day")[len(self.date.split("-")) - 1]
        if self.precision != expected:
            raise ValueError(f"precision {self.precision!r} does not fit date {self.date!r} (expected {expected!r})")
        return self


def read_labels(path: Path) -> dict[str, Label]:
    """labels.yaml of a labelled corpus; an error names the file, the report and the field."""
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(str(path), f"cannot be read as YAML: {exc}") from None
    if not isinstance(data, dict):
        raise DataFileError(str(path), "expected a mapping of report id -> labels")
    labels = {}
    for report_id, value in data.items():
        try:
            labels[str(report_id)] = Label.model_validate(value)
        except ValidationError as exc:
            raise DataFileError.from_validation(str(path), f"report {report_id}", exc) from None
    return labels


def evaluate(corpus_dir: Path) -> Evaluation:
    labels = read_labels(corpus_dir / "labels.yaml")
    corpus = load_corpus(corpus_dir, find_reports(corpus_dir))  # the reports only: labels.yaml is no sidecar
    if corpus.errors:
        raise ValueError("; ".join(map(str, corpus.errors)))
    result = Evaluation()
    by_id = {r.id: r for r in corpus.reports}
    missing = sorted(set(labels) - set(by_id))
    if missing:
        raise ValueError(f"{corpus_dir}/labels.yaml names reports with no raw file: {', '.join(missing)}")
    for report_id, expected in labels.items():
        score_report(by_id[report_id], expected, result)
    return result


def format_evaluation(result: Evaluation) -> str:
    lines = [
        f"reports               {result.reports}",
        f"province accuracy     {result.rate(result.province_ok):.1%}",
        f"directive set F1      {result.directive_f1:.3f}",
        f"main directive        {result.rate(result.main_ok):.1%}",
        f"date (with precision) {result.rate(result.date_ok):.1%}",
        f"date acceptable       {result.rate(result.date_acceptable):.1%}",
        f"high-confidence wrong {len(result.confident_errors)}",
    ]
    lines += [f"  ! {e}" for e in result.confident_errors]
    lines += [f"  - {m}" for m in result.misses]
    return "\n".join(lines)
