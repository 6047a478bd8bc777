"""A report as translation segments: its title, then each heading, paragraph and caption.

Keys are positional per kind ("title", "h01", "p001", "c01") so that an edited paragraph keeps
its key: its old English is kept and marked fuzzy rather than lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.model import Report

SegmentKind = Literal["title", "heading", "paragraph", "caption"]
_PREFIX = {"heading": ("h", 2), "paragraph": ("p", 3), "caption": ("c", 2)}


@dataclass(frozen=True)
class Segment:
    key: str
    kind: SegmentKind
    text: str


def report_segments(report: Report) -> list[Segment]:
    segments = [Segment("title", "title", report.metadata.title.value or report.id)]
    counters = {"heading": 0, "paragraph": 0, "caption": 0}
    for block in report.cleaned.blocks:
        counters[block.kind] += 1
        prefix, width = _PREFIX[block.kind]
        segments.append(Segment(f"{prefix}{counters[block.kind]:0{width}d}", block.kind, block.text))  # type: ignore[arg-type]
    return segments
