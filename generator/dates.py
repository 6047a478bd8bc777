"""The report's date: event or publication date, its precision, the text it came from, and doubts.

Dates of documents the report cites ("Chỉ thị 03, ngày 14-5-2011") are not the report's date;
a website header ("Thứ hai, 27/06/2022") is the page's date and may be years after the events.
When the evidence is weak or conflicting the date is left empty and a finding says why.
The patterns are data/patterns.yaml's date families.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from generator.analysis import AnalysedText
from generator.findings import Finding
from generator.model import CleanedText, Confidence, DateValue, Extracted
from generator.patterns import Patterns, patterns


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    text: str
    kind: str  # "document", "status" or "other"
    start: int = 0


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def body_date_mentions(body: str, folded: str) -> list[DateMention]:
    """Full dates in the body (`folded` is its folded form), each with the kind of words before it."""
    pats = patterns()
    found: list[DateMention] = []
    for pattern in (pats.full_date, pats.worded_date):
        for m in pattern.finditer(folded):
            date = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if not date:
                continue
            before = folded[max(0, m.start() - 60) : m.start()]
            kind = ("document" if pats.document_before_date.search(before)
                    else "status" if pats.status_before_date.search(before) else "other")
            found.append(DateMention(date, body[m.start() : m.end()], kind, m.start()))
    return sorted(found, key=lambda mention: mention.start)


def context_years(folded: str) -> list[int]:
    """Years the (folded) text speaks of as its own time ('năm 2013'), not targets ('đến năm 2015') or spans."""
    pats = patterns()
    years = []
    for m in pats.year.finditer(folded):
        before = folded[max(0, m.start() - 25) : m.start()]
        if pats.target_before_year.search(before) or pats.span_before_year.search(before) or pats.document_before_date.search(before):
            continue
        if pats.span_after_year.search(folded[m.end() : m.end() + 8]):
            continue
        if pats.day_month_before_year.search(before) and pats.document_before_date.search(folded[max(0, m.start() - 80) : m.start() - 6]):
            continue
        years.append(int(m["y"]))
    return years


@dataclass(frozen=True)
class ContextYear:
    """A year taken from the rest of the text, and why (a finding code and its parameters)."""

    year: int
    code: str
    params: dict[str, str | int]


def _year_in_context(folded: str, month: int | None = None) -> ContextYear | None:
    """The most spoken-of year ('năm 2013' ×3), latest first on ties; a January/February review of
    year Y ("tổng kết năm 2013 … nhiệm vụ năm 2014") took place in Y+1."""
    pats = patterns()
    if month in (1, 2):
        review = pats.review_of_year.search(folded)
        if review:
            return ContextYear(int(review["y"]) + 1, "date.no_year_from_review", {"reviewed": review["y"], "month": month})
    named = Counter(int(m["y"]) for m in pats.named_year.finditer(folded)
                    if not pats.target_before_year.search(folded[max(0, m.start() - 12) : m.start()]))
    if named:
        year = max(named, key=lambda y: (named[y], y))
        return ContextYear(year, "date.no_year_from_context", {"count": named[year]})
    return None


def _header_date(header_lines: tuple[str, ...], pats: Patterns) -> tuple[dt.date, str] | None:
    for line in header_lines:
        m = pats.full_date.search(line)
        if m:
            date = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if date:
                return date, line
    return None


DateResult = tuple[Extracted[DateValue], list[Finding]]


def _no_year_finding(shown: str, year: int, header: tuple[dt.date, str] | None, context: ContextYear | None) -> Finding:
    if header:
        return Finding("date", "date.no_year_from_header", {"shown": shown, "year": year, "header": header[1]}, shown)
    assert context is not None
    return Finding("date", context.code, {"shown": shown, "year": year, **context.params}, shown)


def _dated_lead(lead: str, folded_lead: str, header: tuple[dt.date, str] | None, folded: str) -> DateResult | None:
    """A lead that opens with its day ("Sáng 23-8", "Ngày 5/01/2012") or with the first of several days."""
    pats = patterns()
    day = pats.lead_day.match(folded_lead)
    several = None if day else pats.lead_days.match(folded_lead)
    if day:
        month, d, full_year = int(day["m"] or day["wm"]), int(day["d"] or day["wd"]), day["y"] or day["wy"]
    elif several and int(several["d1"]) < int(several["d"]):
        month, d, full_year = int(several["m"]), int(several["d1"]), several["y"]
    else:
        return None
    shown = lead[: (day or several).end("all")]
    findings = [] if day else [Finding("date", "date.several_days", {"shown": shown}, shown)]
    if full_year:
        date = _valid(int(full_year), month, d)
        if date is None:
            return None
        if header and abs(header[0].year - date.year) > 1:
            findings.append(Finding("date", "date.header_disagrees", {"header": header[1], "shown": shown}, shown))
        return Extracted(DateValue(date.isoformat(), "day"), Confidence.HIGH if day else Confidence.MEDIUM, shown), findings
    context = None if header else _year_in_context(folded, month)
    year = header[0].year if header else context.year if context else None
    date = _valid(year, month, d) if year else None
    if date is None or year is None:
        return None
    findings.append(_no_year_finding(shown, year, header, context))
    return Extracted(DateValue(date.isoformat(), "day"), Confidence.MEDIUM, shown), findings


def _date_in_first_sentence(lead: str, mentions: list[DateMention]) -> DateMention | None:
    """'Thực hiện kế hoạch của Tỉnh ủy, ngày 12/5/2019, …': the first full date of the lead's first
    sentence that is neither a cited document's date nor a 'by that date' status. `mentions` are
    the body's, which begins with the lead."""
    sentence_end = len(re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0])
    return next((m for m in mentions if m.kind == "other" and m.start + len(m.text) <= sentence_end), None)


def extract_date(cleaned: CleanedText, text: AnalysedText, years: list[int] | None = None) -> DateResult:
    pats = patterns()
    findings: list[Finding] = []
    lead, folded_lead = text.lead, text.folded_lead
    header = _header_date(cleaned.header_lines, pats)
    mentions = body_date_mentions(text.body, text.folded_body)
    years = context_years(text.folded) if years is None else years

    dated = _dated_lead(lead, folded_lead, header, text.folded)
    if dated:
        return dated

    month_match = pats.lead_month.match(folded_lead)
    if month_match and 1 <= int(month_match["m"]) <= 12:
        shown = lead[: month_match.end("all")]
        if month_match["y"]:
            return Extracted(DateValue(f"{month_match['y']}-{int(month_match['m']):02d}", "month"), Confidence.HIGH, shown), findings
        context = _year_in_context(text.folded)
        if context:
            findings.append(_no_year_finding(shown, context.year, None, context))
            return Extracted(DateValue(f"{context.year}-{int(month_match['m']):02d}", "month"), Confidence.MEDIUM, shown), findings

    period = pats.lead_year.match(folded_lead)
    if period:
        shown = lead[: period.end("all")]
        return Extracted(DateValue(period["y"], "year"), Confidence.MEDIUM, shown), findings

    first = _date_in_first_sentence(lead, mentions)
    if first:
        findings.append(Finding("date", "date.from_first_sentence", {"shown": first.text}, first.text))
        return Extracted(DateValue(first.date.isoformat(), "day"), Confidence.MEDIUM, first.text), findings

    if header:
        latest = max(years + [m.date.year for m in mentions], default=None)
        if latest is not None and header[0].year - latest > 2:
            findings.append(Finding("date", "date.header_too_late",
                                    {"header": header[1], "years": header[0].year - latest, "latest": latest}, header[1]))
            return Extracted(None, Confidence.LOW, header[1]), findings
        findings.append(Finding("date", "date.from_header", {"header": header[1]}, header[1]))
        return Extracted(DateValue(header[0].isoformat(), "day"), Confidence.MEDIUM, header[1]), findings

    status = [m for m in mentions if m.kind == "status"]
    if status:
        latest_status = max(status, key=lambda m: m.date)
        findings.append(Finding("date", "date.progress_year", {"shown": latest_status.text, "year": latest_status.date.year},
                                latest_status.text))
        return Extracted(DateValue(str(latest_status.date.year), "year"), Confidence.MEDIUM, latest_status.text), findings

    if years:
        findings.append(Finding("date", "date.missing_years", {"years": ", ".join(map(str, sorted(set(years))))}))
    else:
        findings.append(Finding("date", "date.missing"))
    return Extracted(None, Confidence.LOW, ""), findings
