"""The report's date: event or publication date, its precision, the text it came from, and doubts.

Dates of documents the report cites ("Chỉ thị 03, ngày 14-5-2011") are not the report's date;
a website header ("Thứ hai, 27/06/2022") is the page's date and may be years after the events.
When the evidence is weak or conflicting the date is left empty and a warning says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from generator.analysis import AnalysedText
from generator.findings import Finding
from generator.model import CleanedText, Confidence, DateValue, Extracted
from generator.scanning import first_not_after

_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>(?:19|20)\d{2}))?"
# Words before a lead's date: "Sáng", "Chiều hôm qua", "Sáng nay", "Sáng thứ Hai", "(", "ngày".
_WHEN = (r"(?:(?:sang|chieu|trua|toi|dem)\s+)?(?:(?:hom\s+)?(?:nay|qua)\s*)?"
         r"(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat)\s*,?\s*)?\(?\s*(?:ngay\s+)?")
# At the start of the lead: "Sáng ngày 5/01/2012,", "Sáng 23-8,", "Ngày 12.10,", "Hôm qua 11-5,", "Sáng thứ Hai (12/5),"
LEAD_DAY = re.compile(r"^(?P<all>" + _WHEN +
                      r"(?:" + _DMY + r"|(?P<wd>\d{1,2})\s+thang\s+(?P<wm>\d{1,2})\s+nam\s+(?P<wy>(?:19|20)\d{2})))\)?(?![\d/.-])")
# An event over several days: "Trong hai ngày 11 và 12/5", "Từ ngày 10 đến 12/5/2019", "(11-12/5)".
LEAD_DAYS = re.compile(
    r"^(?P<all>(?:trong\s+(?:hai|ba|\d)\s+ngay\s*|tu\s+)?" + _WHEN +
    r"(?P<d1>\d{1,2})\s*(?:va|,|-|den)\s*(?:ngay\s+)?(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>(?:19|20)\d{2}))?\)?)(?![\d/.-])"
)
# "Trong 6 tháng đầu năm 2018", "Năm 2008, …", "Quý III/2021", "Quý 2 năm 2019": a period, so only the year is certain.
LEAD_YEAR = re.compile(
    r"^(?P<all>(?:trong\s+)?(?:(?:(?:6|sau|9|chin)\s+thang\s+(?:dau|cuoi)\s+|quy\s+(?:i{1,3}|iv|[1-4])\s+|dau\s+|cuoi\s+|giua\s+)?nam\s+"
    r"|quy\s+(?:i{1,3}|iv|[1-4])\s*[/-]\s*)(?P<y>(?:19|20)\d{2}))(?!\d)"
)
# A year-end review held in January or February is about the year before ("tổng kết năm 2013").
REVIEW_OF_YEAR = re.compile(r"(?:tong ket|so ket)[^.;]{0,30}?nam\s+(?P<y>(?:19|20)\d{2})")
# "Trung tuần tháng 1 vừa qua", "Cuối tháng 5/2012", "Tháng 3 năm 2019"
LEAD_MONTH = re.compile(
    r"^(?P<all>(?:trong\s+)?(?:(?:thuong|trung|ha)\s+tuan|dau|giua|cuoi)?\s*thang\s+(?P<m>\d{1,2})(?:\s*(?:/|nam)\s*(?P<y>(?:19|20)\d{2}))?)(?![\d])"
)
_NOT_IN_NUMBER = r"[\d/.-]"
FULL_DATE = re.compile(r"(?P<d>" + first_not_after(r"\d", _NOT_IN_NUMBER) + r"\d?)\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})(?![\d])")
WORDED_DATE = re.compile(r"ngay\s+(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})\s+nam\s+(?P<y>(?:19|20)\d{2})")
YEAR = re.compile(r"(?P<y>(?:" + first_not_after("1", _NOT_IN_NUMBER) + "9|" + first_not_after("2", _NOT_IN_NUMBER) + r"0)\d{2})(?![\d])")
# Before a year: a target or a span, not the time of the report ("đến năm 2015", "2010 – 2015").
TARGET_BEFORE = re.compile(r"(?:den|toi|nhiem ky|giai doan|tam nhin|chien luoc)\s*(?:nam\s*)?$")
SPAN_AROUND = re.compile(r"\d{4}\s*[-–]\s*$")
# Before a date: the date of a document being cited.
DOCUMENT_BEFORE = re.compile(
    r"(?:\d{1,4}\s*[-/]\s*[a-z]{2,4}\s*[/-]\s*[a-z.]{2,6}|(?:chi thi|nghi quyet|ket luan|ke hoach|huong dan|quy dinh|quyet dinh|cong van|thong bao|chuong trinh)[^.;]{0,20})\s*,?\s*(?:ngay\s*)?$"
)
STATUS_BEFORE = re.compile(r"(?:tinh den|den|tu|truoc|sau)\s*(?:het\s*)?(?:ngay\s*)?$")
WEEKDAY_HEADER = re.compile(r"(?:thu\s+(?:hai|ba|tu|nam|sau|bay|\d)|chu\s+nhat)", re.IGNORECASE)


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
    found: list[DateMention] = []
    for pattern in (FULL_DATE, WORDED_DATE):
        for m in pattern.finditer(folded):
            date = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
            if not date:
                continue
            before = folded[max(0, m.start() - 60) : m.start()]
            kind = "document" if DOCUMENT_BEFORE.search(before) else "status" if STATUS_BEFORE.search(before) else "other"
            found.append(DateMention(date, body[m.start() : m.end()], kind, m.start()))
    return sorted(found, key=lambda mention: mention.start)


def context_years(folded: str) -> list[int]:
    """Years the (folded) text speaks of as its own time ('năm 2013'), not targets ('đến năm 2015') or spans."""
    years = []
    for m in YEAR.finditer(folded):
        before = folded[max(0, m.start() - 25) : m.start()]
        if TARGET_BEFORE.search(before) or SPAN_AROUND.search(before) or DOCUMENT_BEFORE.search(before):
            continue
        if re.match(r"\s*[-–]\s*\d{4}", folded[m.end() : m.end() + 8]):
            continue
        if re.search(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*$", before) and DOCUMENT_BEFORE.search(folded[max(0, m.start() - 80) : m.start() - 6]):
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
    if month in (1, 2):
        review = REVIEW_OF_YEAR.search(folded)
        if review:
            return ContextYear(int(review["y"]) + 1, "date.no_year_from_review", {"reviewed": review["y"], "month": month})
    named = Counter(int(m.group(1)) for m in re.finditer(r"nam\s+((?:19|20)\d{2})(?!\d)", folded)
                    if not TARGET_BEFORE.search(folded[max(0, m.start() - 12) : m.start()]))
    if named:
        year = max(named, key=lambda y: (named[y], y))
        return ContextYear(year, "date.no_year_from_context", {"count": named[year]})
    return None


def _header_date(header_lines: tuple[str, ...]) -> tuple[dt.date, str] | None:
    for line in header_lines:
        m = FULL_DATE.search(line)
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
    day = LEAD_DAY.match(folded_lead)
    several = None if day else LEAD_DAYS.match(folded_lead)
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
    findings: list[Finding] = []
    lead, folded_lead = text.lead, text.folded_lead
    header = _header_date(cleaned.header_lines)
    mentions = body_date_mentions(text.body, text.folded_body)
    years = context_years(text.folded) if years is None else years

    dated = _dated_lead(lead, folded_lead, header, text.folded)
    if dated:
        return dated

    month_match = LEAD_MONTH.match(folded_lead)
    if month_match and 1 <= int(month_match["m"]) <= 12:
        shown = lead[: month_match.end("all")]
        if month_match["y"]:
            return Extracted(DateValue(f"{month_match['y']}-{int(month_match['m']):02d}", "month"), Confidence.HIGH, shown), findings
        context = _year_in_context(text.folded)
        if context:
            findings.append(_no_year_finding(shown, context.year, None, context))
            return Extracted(DateValue(f"{context.year}-{int(month_match['m']):02d}", "month"), Confidence.MEDIUM, shown), findings

    period = LEAD_YEAR.match(folded_lead)
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
