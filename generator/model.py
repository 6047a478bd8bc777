"""The plain data that flows between stages. No stage object knows about MkDocs or the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, Literal, TypeVar

from generator.findings import Confidence, Finding

T = TypeVar("T")


class ReportError(Exception):
    """A raw report or its sidecar cannot be used. The message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str, report_id: str | None = None):
        self.path = Path(path)
        self.reason = reason
        self.report_id = report_id  # the report it stops, when the file's name does not say (a misnamed sidecar)
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[ReportError], tuple[Path, str, str | None]]:
        """Pickled whole: worker processes send their errors back to the build."""
        return type(self), (self.path, self.reason, self.report_id)


@dataclass(frozen=True)
class Extracted(Generic[T]):
    """One metadata field: its value (None when unknown), how sure we are, and the text it came from."""

    value: T | None
    confidence: Confidence = Confidence.LOW
    evidence: str = ""
    source: str = "extracted"  # "extracted" or "editor"

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class RawReport:
    """A raw file as read: its permanent id (from the file name), decoded text and checksum."""

    id: str
    path: Path
    text: str
    sha256: str
    notes: tuple[Finding, ...] = ()  # what reading had to repair (encoding, BOM, CRLF, NFD, mojibake, controls)


@dataclass(frozen=True)
class Stamp:
    """A publication stamp of the page ("Cập nhật ngày: 14/03/2011 - 08:12"), read by stamps.py."""

    text: str  # as printed
    iso: str  # "2019-06-05", or "2019-06" from a scraper's month line
    place: Literal["before_title", "after_title", "scraper"]

    @property
    def precision(self) -> Literal["day", "month"]:
        return "day" if self.iso.count("-") == 2 else "month"


BlockKind = Literal["paragraph", "heading", "caption"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass(frozen=True)
class CleanedText:
    """Body blocks with the chrome taken out and kept aside as metadata evidence."""

    title_line: str | None
    blocks: tuple[Block, ...]
    byline: str | None
    source_credit: str | None  # "Theo https://www.baohanam.com.vn"
    agency_prefix: str | None  # "LSO"
    dropped: tuple[tuple[str, str], ...] = ()  # (reason, text) for every line removed
    stamps: tuple[Stamp, ...] = ()  # every publication stamp of the page head, in order (the website's
    # own "Thứ hai, 27/06/2022" above the title among them)

    @cached_property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


DateBasis = Literal["written", "combined", "stamp", "inferred", "editor"]


@dataclass(frozen=True)
class DateValue:
    iso: str  # "2012-01-05", "2019-01" or "2012"
    precision: Literal["day", "month", "year"]
    # How it was found: written in full in the text; its month (or day and month) written, the year from
    # elsewhere (a stamp, the text, a clue); the page's publication stamp; a year worked out.
    basis: DateBasis = "written"


@dataclass(frozen=True)
class ProvinceRef:
    code: str
    name: str  # historic (pre-July-2025) province, as the report knew it
    slug: str
    name_en: str
    code_2025: str
    name_2025: str
    slug_2025: str
    name_2025_en: str


@dataclass(frozen=True)
class DocumentRef:
    """A central document mentioned by a report, as a registry id (or an unregistered symbol)."""

    id: str
    role: Literal["implements", "cites"]
    mentions: int
    evidence: str
    registered: bool = True


@dataclass(frozen=True)
class LocalDocumentRef:
    """A provincial / district document (…/TU, …/HU, …/ĐU): only meaningful within its province."""

    symbol: str
    province_slug: str | None
    evidence: str


@dataclass(frozen=True)
class Metadata:
    title: Extracted[str]
    title_derived: bool
    date: Extracted[DateValue]
    province: Extracted[ProvinceRef]
    directives: tuple[DocumentRef, ...]
    local_documents: tuple[LocalDocumentRef, ...]
    author: Extracted[str]
    source: Extracted[str]
    findings: tuple[Finding, ...] = ()  # doubts for an editor, each about one field
    people: tuple[str, ...] = ()  # people the report names ("đồng chí Đỗ Văn Thắng")

    @property
    def implements(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.directives if d.role == "implements")

    @property
    def cites(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.directives if d.role == "cites")

    @property
    def directive_ids(self) -> tuple[str, ...]:
        return self.implements + self.cites


@dataclass(frozen=True)
class Report:
    raw: RawReport
    cleaned: CleanedText
    metadata: Metadata
    editor_fields: tuple[str, ...] = field(default=())
    title_en: str | None = None  # an editor's English title (the body translation is a later stage)
    date_note: str | None = None
    editor_note: str | None = None
    url: str | None = None  # the original article, as an editor recorded it
    retrieved: str | None = None  # the day the raw file was saved, "YYYY-MM-DD"

    @property
    def id(self) -> str:
        return self.raw.id
