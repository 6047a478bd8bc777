"""A report as translation segments: its title, then each heading, paragraph and caption.

A segment is known by its content, not its position: its PO context is its kind ("paragraph"),
with a number only for a repeat of the same text in the report ("paragraph 2"), and its key is
derived from that context and the text ("p-3f9a2c1d07be"; the title's key is "title"). Inserting,
removing or moving a paragraph therefore changes no other segment's key. The label ("p003": the
third paragraph as the text now stands) is for messages to editors only, never an identity.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from generator.model import Report

SegmentKind = Literal["title", "heading", "paragraph", "caption"]
KINDS: tuple[SegmentKind, ...] = ("title", "heading", "paragraph", "caption")
_PREFIX = {"title": ("title", 0), "heading": ("h", 2), "paragraph": ("p", 3), "caption": ("c", 2)}


def segment_context(kind: SegmentKind, occurrence: int = 1) -> str:
    """The PO msgctxt: the kind, and for the n-th segment of a report with this very text, n."""
    return kind if occurrence == 1 else f"{kind} {occurrence}"


def context_kind(context: str | None) -> str | None:
    """The kind a msgctxt names ("paragraph 2" -> "paragraph"), or None for a context of another scheme."""
    kind = (context or "").split(" ", 1)[0]
    return kind if kind in KINDS else None


def segment_key(kind: SegmentKind, text: str, occurrence: int = 1) -> str:
    """A short key that depends only on the segment's kind, text and repeat number."""
    if kind == "title":
        return "title"
    digest = hashlib.sha1(f"{segment_context(kind, occurrence)}\x04{text}".encode("utf-8")).hexdigest()[:12]
    return f"{_PREFIX[kind][0]}-{digest}"


@dataclass(frozen=True)
class Segment:
    key: str
    kind: SegmentKind
    text: str
    occurrence: int = 1  # 2 for the second segment of this kind with this very text in the report
    label: str = ""  # where it stands now ("p003"), for messages; the key when not given

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.key)

    @property
    def context(self) -> str:
        return segment_context(self.kind, self.occurrence)


def report_segments(report: Report) -> list[Segment]:
    texts: list[tuple[SegmentKind, str]] = [("title", report.metadata.title.value or report.id)]
    texts += [(block.kind, block.text) for block in report.cleaned.blocks]
    return number_segments(texts)


def number_segments(texts: list[tuple[SegmentKind, str]]) -> list[Segment]:
    """Segments for (kind, text) pairs in reading order: repeats numbered, keys from content."""
    repeats: Counter[tuple[str, str]] = Counter()
    positions: Counter[str] = Counter()
    segments = []
    for kind, text in texts:
        repeats[(kind, text)] += 1
        positions[kind] += 1
        prefix, width = _PREFIX[kind]
        label = "title" if kind == "title" else f"{prefix}{positions[kind]:0{width}d}"
        occurrence = repeats[(kind, text)]
        segments.append(Segment(segment_key(kind, text, occurrence), kind, text, occurrence, label))
    return segments
