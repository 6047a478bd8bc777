"""Years a reader works out without thinking, with the words they come from.

    "sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW"          05-CT/TW is of 2016: 2016 + 5 = 2021
    "tổng kết 10 năm thực hiện Chỉ thị 59-CT/TW, ngày 15/12/2000"               2000 + 10 = 2010
    "kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh"                            1890 + 130 = 2020
    "Cách đây 76 năm, ngày 11-6-1948"                                           1948 + 76 = 2024
    "biểu dương … giai đoạn 2021-2024", "(30/4/1975-30/4/2025)"                 the span's end

dates.py uses these for a date whose year the text does not write, and publishes such a year
with medium confidence and a finding that says why. The registry knows every central
document's date; a document's own date written after it counts too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from generator.analysis import AnalysedText
from generator.directives import Mention
from generator.homonyms import date_after
from generator.patterns import patterns
from generator.registry import Registry
from generator.scanning import (
    find_from_literals,
    literal_starts,
    matches_at,
    starts_before,
)
from generator.vocabulary import load_vocabulary

ClueKind = Literal["review", "anniversary", "ago", "span"]
_BEFORE = 70  # characters before a document mention where "N năm thực hiện" stands
ANNIVERSARY_BACK = 16  # an `anniversary` match begins at most this far before its `anniversary_tail`
YEARS_AGO_STARTS = ("cach",)  # every `years_ago` match begins with it
# every `review_span` match begins with one of these words, or holds "(" within 8 characters of its start
SPAN_STARTS, SPAN_NEAR = ("tong", "so", "bieu", "nhin", "khen"), ("(", 8)


# The scans below find what `finditer` finds, trying the pattern only where a match can begin, so
# that `re` skips ahead (generator/scanning.py; tests/test_year_clues.py checks each against finditer).
def anniversary_matches(folded: str) -> list[re.Match[str]]:
    pats = patterns()
    starts = {at for tail in pats.anniversary_tail.finditer(folded)
              for at in range(max(0, tail.start() - ANNIVERSARY_BACK), tail.start() + 1)}
    return matches_at(pats.anniversary, folded, starts)


def anniversary_after_matches(folded: str) -> list[re.Match[str]]:
    pats = patterns()
    if not pats.years_past.search(folded):
        return []
    return find_from_literals(pats.anniversary_after, folded, load_vocabulary().anniversary_first_words)


def years_ago_matches(folded: str) -> list[re.Match[str]]:
    return find_from_literals(patterns().years_ago, folded, YEARS_AGO_STARTS)


def review_span_matches(folded: str) -> list[re.Match[str]]:
    if not patterns().year_pair.search(folded):
        return []
    starts = literal_starts(folded, SPAN_STARTS) | starts_before(folded, *SPAN_NEAR)
    return matches_at(patterns().review_span, folded, starts)


@dataclass(frozen=True)
class Introduced:
    """A dated document the report's opening introduces: what happens in the report follows it."""

    document: str  # registry id, symbol or name ("Nghị quyết Đại hội XII")
    issued: dt.date  # its date, or 1 January of its year when only the year is known
    shown: str  # the date as said in a finding ("2024-06-14", "2016")


@dataclass(frozen=True)
class YearClue:
    year: int
    kind: ClueKind
    shown: str  # the words it comes from, as printed
    start: int  # where they are in the analysed text


def _document_date(mention: Mention, folded: str, registry: Registry) -> dt.date | None:
    """A mentioned document's date: written after it, else the registry's."""
    written = date_after(folded, mention.end)
    if written:
        return written
    directive = registry.get(mention.directive_id) if mention.directive_id else None
    return directive.date if directive else None


def review_clues(text: AnalysedText, mentions: list[Mention], folded: str, registry: Registry) -> list[YearClue]:
    """'N năm thực hiện <document>': the document's year plus N."""
    pats, vocabulary = patterns(), load_vocabulary()
    clues = []
    for mention in mentions:
        window_start = max(0, mention.start - _BEFORE)
        if "nam" not in folded[window_start : mention.start]:
            continue  # every `years_of_implementing` holds "năm"
        match = pats.years_of_implementing.search(folded, window_start, mention.start)
        if not match:
            continue
        count, issued = vocabulary.count_value(match["n"]), _document_date(mention, folded, registry)
        if count and issued:
            clues.append(YearClue(issued.year + count, "review", text.display[match.start() : mention.end], match.start()))
    return clues


def anniversary_clues(text: AnalysedText) -> list[YearClue]:
    """'N năm <event>' of a known event, and 'cách đây N năm … <year>'."""
    vocabulary = load_vocabulary()
    clues = []
    for match in anniversary_matches(text.folded) + anniversary_after_matches(text.folded):
        count = vocabulary.count_value(match["n"])
        event = vocabulary.anniversary_year.get(" ".join(match["event"].split()))
        if count and event:
            clues.append(YearClue(event + count, "anniversary", text.display[match.start() : match.end()], match.start()))
    for match in years_ago_matches(text.folded):
        count = vocabulary.count_value(match["n"])
        if count:
            clues.append(YearClue(int(match["y"]) + count, "ago", text.display[match.start() : match.end()], match.start()))
    return clues


def span_clues(text: AnalysedText) -> list[YearClue]:
    """The end of a reviewed span ('tổng kết giai đoạn 2016-2021' is 2021)."""
    clues = []
    for match in review_span_matches(text.folded):
        first, last = int(match["a"]), int(match["b"])
        if first < last <= first + 30:
            clues.append(YearClue(last, "span", text.display[match.start() : match.end()], match.start()))
    return clues


def year_clues(text: AnalysedText, mentions: list[Mention], folded: str, registry: Registry) -> list[YearClue]:
    """Every clue of the text, in the order they appear; a year still to come is no clue (a
    document read as its namesake of another term)."""
    clues = review_clues(text, mentions, folded, registry) + anniversary_clues(text) + span_clues(text)
    this_year = dt.date.today().year
    return sorted((c for c in clues if c.year <= this_year), key=lambda clue: clue.start)


INTRODUCING_BLOCKS = 4  # the lead and the paragraphs right after it


def implemented_documents(text: AnalysedText, mentions: list[Mention], folded: str, registry: Registry) -> tuple[Introduced, ...]:
    """The dated documents the report's opening introduces ("quán triệt, triển khai Chỉ thị
    35-CT/TW ngày 14/6/2024"): first study of a new document follows it closely, so a date
    without a year took place after it. A review ("tổng kết thực hiện …") may be years later."""
    pats = patterns()
    found: dict[str, Introduced] = {}
    opening_end = _blocks_end(text, INTRODUCING_BLOCKS)
    for mention in mentions:
        if not text.body_start <= mention.start < opening_end:
            continue
        if not pats.introduces_before.search(folded[max(0, mention.start - _BEFORE) : mention.start]):
            continue
        issued = _document_date(mention, folded, registry)
        if issued:
            name = mention.directive_id or mention.local_symbol or mention.text
            found.setdefault(name, Introduced(name, issued, issued.isoformat()))
    for congress in _introduced_congresses(text, folded, opening_end):
        found.setdefault(congress.document, congress)
    if len({doc.issued.year for doc in found.values()}) > 1:
        return ()  # documents of several years: the history the report recalls, not what it introduces
    return tuple(found.values())


def _introduced_congresses(text: AnalysedText, folded: str, opening_end: int) -> list[Introduced]:
    """The National Congress resolutions the opening introduces ("học tập, quán triệt Nghị quyết Đại
    hội đại biểu toàn quốc lần thứ XII của Đảng"): of the year the term began."""
    pats, vocabulary = patterns(), load_vocabulary()
    found = []
    for match in pats.congress_resolution.finditer(folded, text.body_start, opening_end):
        term = vocabulary.roman_term(match["t1"] or match["t2"])
        start = vocabulary.term_start.get(term or "")
        if start and pats.introduces_before.search(folded[max(0, match.start() - _BEFORE) : match.start()]):
            found.append(Introduced(f"Nghị quyết Đại hội {term}", dt.date(start, 1, 1), str(start)))
    return found


def _blocks_end(text: AnalysedText, blocks: int) -> int:
    """Where the body's first `blocks` blocks end (blocks are joined by a blank line)."""
    at = text.body_start
    for _ in range(blocks):
        next_break = text.display.find("\n\n", at)
        if next_break == -1:
            return len(text.display)
        at = next_break + 2
    return at
