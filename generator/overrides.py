"""Editors' corrections: `source_reports/<id>.yaml` beside the raw report.

Any field an editor sets wins over extraction, is never written by the program, and the page
records which fields came from an editor. Example:

    # source_reports/003_819d290b6f01cc90.yaml
    date: "2011"
    date_note: "Bốn năm thực hiện Cuộc vận động (launched 2007): written in 2011."
    author: Minh Quân
    url: https://baolangson.vn/bon-nam-thuc-hien-cuoc-van-dong.html
    retrieved: 2024-03-02
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from generator.datafiles import parse_yaml
from generator.findings import without_fields
from generator.gazetteer import load_gazetteer
from generator.model import (
    Confidence,
    DateValue,
    DocumentRef,
    Extracted,
    Metadata,
    ReportError,
)
from generator.patterns import patterns
from generator.reading import read_raw_bytes
from generator.registry import Registry
from generator.sidecar_files import SIDECAR_SUFFIX
from generator.textnorm import CONTROL_CLASS

_CONTROL = re.compile(f"[{CONTROL_CLASS}]")
_SPACES = re.compile(r"\s+")


class Sidecar(BaseModel):
    """Fields an editor may set. Unknown keys are an error, so a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    title_en: str | None = None
    date: str | None = None
    date_note: str | None = None
    province: str | None = None
    implements: list[str] | None = None
    cites: list[str] | None = None
    author: str | None = None
    source: str | None = None
    note: str | None = None
    renamed_from: str | None = None  # the report's old id: its translation memory moves to the new name
    url: str | None = None  # the original article on the outlet's site
    retrieved: str | None = None  # the day the raw file was saved from `url`, YYYY-MM-DD

    @field_validator("url", mode="before")
    @classmethod
    def _url(cls, value: object) -> object:
        if value is None:
            return None
        text = str(value)
        if not original_url_ok(text):
            raise ValueError("expected the article's full address, http:// or https://, with no spaces")
        return text

    @field_validator("retrieved", mode="before")
    @classmethod
    def _retrieved(cls, value: object) -> object:
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else str(value)
        date = iso_date_value(text)
        if date is None or date.precision != "day":
            raise ValueError("expected the day the file was saved, YYYY-MM-DD (2024-03-02)")
        if dt.date.fromisoformat(text) > dt.date.today():
            raise ValueError(f"{text} is in the future")
        return text

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        """Text, never control characters (a YAML "\\v" or "\\e"); line breaks and runs of
        spaces are one space, as the page shows them."""
        if isinstance(value, list):
            return [cls._plain_text(v) for v in value]
        if not isinstance(value, str):
            return value
        if found := _CONTROL.search(value.replace("\n", " ").replace("\t", " ")):
            raise ValueError(f"contains the control character U+{ord(found.group()):04X}; remove it")
        return _SPACES.sub(" ", value).strip()

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value: object) -> object:
        if value is None:
            return None
        text = str(value)
        if iso_date_value(text) is None:
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD (quote it in YAML: date: \"2011\")")
        return text


def original_url_ok(text: str) -> bool:
    """An absolute http(s) address with a host, printable, without spaces or quotes."""
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # "http://[x" is not an address
        return False
    return (parts.scheme in ("http", "https") and "." in host
            and not any(ch.isspace() or ch in '"<>\\' or not ch.isprintable() for ch in text))


def sidecar_path(raw_path: Path) -> Path:
    return raw_path.with_suffix(SIDECAR_SUFFIX)


def load_sidecar(path: Path) -> Sidecar | None:
    """The sidecar at `path` (None if there is none), read as strictly as a raw report: a
    regular file (never a link), UTF-8, YAML without a key given twice, known fields only."""
    if not os.path.lexists(path):
        return None
    try:
        data = parse_yaml(read_raw_bytes(path).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ReportError(path, f"editor sidecar is not UTF-8 ({exc.reason} at byte {exc.start}); save it again as UTF-8") from None
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: an impossible date (2024-02-30)
        raise ReportError(path, f"editor sidecar is not valid YAML: {exc}") from None
    except ReportError as exc:
        raise ReportError(path, f"editor sidecar {exc.reason}") from None
    if data is None:
        return Sidecar()
    if not isinstance(data, dict):
        raise ReportError(path, "editor sidecar must be a mapping of field: value")
    try:
        return Sidecar.model_validate(data)
    except ValidationError as exc:
        raise ReportError(path, "editor sidecar: " + "; ".join(_problem(e) for e in exc.errors())) from None


def _problem(error: Any) -> str:
    name = ".".join(map(str, error["loc"]))
    if error["type"] != "extra_forbidden":
        return f"field '{name}': {error['msg'].removeprefix('Value error, ')}"
    close = difflib.get_close_matches(str(error["loc"][0]), list(Sidecar.model_fields), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"field '{name}' is not a sidecar field ({hint}the fields are: {', '.join(Sidecar.model_fields)})"


def iso_date_value(text: str) -> DateValue | None:
    """'2011' -> year, '2011-04' -> month, '2011-04-05' -> day; None unless a real date of 1900–2099."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or [len(p) for p in parts] != [4, 2, 2][: len(parts)] or not all(p.isdigit() for p in parts):
        return None
    year, month, day = (int(p) for p in parts + ["01"] * (3 - len(parts)))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    if not 1900 <= year <= 2099:
        return None
    return DateValue(text, ("year", "month", "day")[len(parts) - 1], "editor")  # type: ignore[arg-type]


def _documents(path: Path, sidecar: Sidecar, current: tuple[DocumentRef, ...], registry: Registry) -> tuple[DocumentRef, ...]:
    implements = sidecar.implements if sidecar.implements is not None else [d.id for d in current if d.role == "implements"]
    cites = sidecar.cites if sidecar.cites is not None else [d.id for d in current if d.role == "cites"]
    by_id = {d.id: d for d in current}
    refs = []
    for role, ids in (("implements", implements), ("cites", cites)):
        for doc_id in ids:
            if registry.get(doc_id) is None and doc_id not in by_id:
                known = "looks like a document symbol but " if patterns().printed_symbol.match(doc_id) else ""
                raise ReportError(path, f"field '{role}': {doc_id!r} {known}is not in the registry (generator/data/directives.yaml) "
                                        "nor found in the report's text: check the number, or add the document to the registry")
            old = by_id.get(doc_id)
            refs.append(DocumentRef(doc_id, role, old.mentions if old else 0, old.evidence if old else "editor", registry.get(doc_id) is not None))  # type: ignore[arg-type]
    return tuple(refs)


def apply_sidecar(path: Path, sidecar: Sidecar, metadata: Metadata, registry: Registry) -> tuple[Metadata, tuple[str, ...]]:
    """Editor values replace extracted ones; the findings about a field an editor set are dropped."""
    changes: dict[str, object] = {}
    fields: list[str] = []

    def editor(value: object) -> Extracted:
        return Extracted(value, Confidence.HIGH, "editor", source="editor")

    if sidecar.title is not None:
        changes.update(title=editor(sidecar.title), title_derived=False)
        fields.append("title")
    if sidecar.date is not None:
        changes["date"] = editor(iso_date_value(sidecar.date))
        fields.append("date")
    if sidecar.province is not None:
        province = load_gazetteer().by_name(sidecar.province)
        if province is None:
            raise ReportError(path, f"field 'province': {sidecar.province!r} is not one of the 63 provinces before July 2025")
        changes["province"] = editor(province.ref())
        fields.append("province")
    if sidecar.implements is not None or sidecar.cites is not None:
        changes["directives"] = _documents(path, sidecar, metadata.directives, registry)
        fields.append("directives")
    if sidecar.author is not None:
        changes["author"] = editor(sidecar.author)
        fields.append("author")
    if sidecar.source is not None:
        changes["source"] = editor(sidecar.source)
        fields.append("source")
    for extra in ("title_en", "date_note", "note", "url", "retrieved"):
        if getattr(sidecar, extra) is not None:
            fields.append(extra)
    return replace(metadata, findings=without_fields(metadata.findings, set(fields)), **changes), tuple(fields)
