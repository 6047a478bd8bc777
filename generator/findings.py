"""Doubts for an editor, as typed values: a `Finding` names its field and a stable code, carries
the parameters of its message and the text it is about. The words live in a catalogue keyed by
code (data/findings.yaml), in Vietnamese and English, so each side of the site shows its own.

    Finding("date", "date.no_year_from_context", {"shown": "Sáng 23-8", "year": 2013, "count": 3})

An editor's value for a field removes that field's findings (overrides.apply_sidecar).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from string import Formatter
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from generator.datafiles import DataFileError, load_yaml

FieldName = Literal["text", "title", "date", "province", "directives", "author", "source", "sidecar", "translation"]
Lang = Literal["vi", "en"]
ParamValue = str | int | float


class Confidence(str, Enum):
    """How sure the archive is of a value: high means right; medium is published with its reasons."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Finding:
    """One doubt about one field. `params` fill the catalogue's message; `evidence` is the
    text it is about (as printed in the report), `span` its place in the analysed text."""

    field: FieldName
    code: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    evidence: str = ""
    span: tuple[int, int] | None = None
    confidence: Confidence | None = None

    def message(self, lang: Lang) -> str:
        return catalogue().message(self, lang)

    def as_record(self) -> dict[str, Any]:
        """The plain form of `inspect --json` and the data downloads."""
        record: dict[str, Any] = {"field": self.field, "code": self.code, "params": dict(self.params)}
        if self.evidence:
            record["evidence"] = self.evidence
        if self.span is not None:
            record["span"] = list(self.span)
        if self.confidence is not None:
            record["confidence"] = self.confidence.value
        record["message"] = self.message("en")
        return record


class MessageEntry(BaseModel):
    """A catalogue entry: the field its findings belong to, and the message in each language."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    field: FieldName
    vi: str
    en: str

    @model_validator(mode="after")
    def _same_parameters(self) -> "MessageEntry":
        if _placeholders(self.vi) != _placeholders(self.en):
            raise ValueError(f"vi and en must use the same parameters: vi {sorted(_placeholders(self.vi))}, en {sorted(_placeholders(self.en))}")
        return self

    @property
    def parameters(self) -> frozenset[str]:
        return _placeholders(self.en)


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


@dataclass(frozen=True)
class Catalogue:
    entries: Mapping[str, MessageEntry]

    def message(self, finding: Finding, lang: Lang) -> str:
        entry = self.entries.get(finding.code)
        if entry is None:
            raise KeyError(f"findings.yaml: no message for code {finding.code!r}")
        missing = entry.parameters - set(finding.params)
        if missing:
            raise KeyError(f"findings.yaml: {finding.code}: missing parameters {sorted(missing)}")
        return getattr(entry, lang).format(**finding.params)


def parse_catalogue(data: object, source: str = "findings.yaml") -> Catalogue:
    """Validate the catalogue; an error names the file, the code and the field."""
    if not isinstance(data, dict):
        raise DataFileError(source, "expected a mapping of code -> {field, vi, en}")
    entries: dict[str, MessageEntry] = {}
    for code, value in data.items():
        try:
            entries[str(code)] = MessageEntry.model_validate(value)
        except ValidationError as exc:
            raise DataFileError.from_validation(source, f"code {code}", exc) from None
        if not str(code).startswith(f"{entries[str(code)].field}."):
            raise DataFileError(source, f"code {code}: must start with its field ({entries[str(code)].field}.)")
    return Catalogue(entries)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return parse_catalogue(load_yaml("findings.yaml"))


def unique_findings(findings: list[Finding]) -> list[Finding]:
    """Each finding once (the same doubt found twice is said once), in order."""
    seen: set[tuple[str, str, tuple[tuple[str, ParamValue], ...]]] = set()
    kept = []
    for finding in findings:
        key = (finding.field, finding.code, tuple(sorted(finding.params.items())))
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def without_fields(findings: tuple[Finding, ...], fields: set[str]) -> tuple[Finding, ...]:
    """The findings that are not about any of `fields` (which an editor has set)."""
    return tuple(f for f in findings if f.field not in fields)

