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
from generator.model import CleanedText, Confidence, DateValue, Extracted, Stamp
from generator.patterns import patterns
from generator.scanning import find_before_literals, find_from_literals
from generator.textnorm import fold_keep_length
from generator.year_clues import Introduced, YearClue


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


def in_numeric_date(char: str) -> bool:
    """What a `full_date` match holds before its year: digits, spaces, separators ("5 / 3 / 2019")."""
    return char.isdecimal() or char.isspace() or char in "/.-"


def body_date_mentions(body: str, folded: str) -> list[DateMention]:
    """Full dates in the body (`folded` is its folded form), each with the kind of words before it."""
    pats = patterns()
    found: list[DateMention] = []
    full = find_before_literals(pats.full_date, folded, YEAR_STARTS, in_numeric_date)
    # a worded date spells out "tháng": without it that family has nothing to find
    for matches in (full, pats.worded_date.finditer(folded) if "thang" in folded else ()):
        for m in matches:
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
    for m in find_from_literals(pats.year, folded, YEAR_STARTS):
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

    @property
    def strong(self) -> bool:
        """Named more than once, or a review of the year before: stronger than worked-out clues."""
        return self.code == "date.no_year_from_review" or int(self.params.get("count", 0)) > 1


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


DateResult = tuple[Extracted[DateValue], list[Finding]]
STAMP_LEAD = 2  # years: a stamp above the title this far after everything the text speaks of is the website's clock
LISTING = 3  # stamps in a page head: a list of teasers
YEAR_STARTS = ("19", "20")  # every `year` (and `full_date` year) begins with one (scanning.find_from_literals)
LEAD_BLOCKS = 4  # the lead is among the first blocks, up to the first real paragraph
REAL_PARAGRAPH = 80  # characters


@dataclass(frozen=True)
class Evidence:
    """What a date without its own year can take its year from, read once per report."""

    folded: str  # the whole analysed text, folded
    stamp: Stamp | None  # the page's usable publication stamp
    first_stamp: Stamp | None  # the first stamp of the page, usable or not (a lead's date is checked against it)
    clues: tuple[YearClue, ...]  # years worked out from the text (year_clues.py)
    implemented: tuple[Introduced, ...]  # the dated documents the opening puts into practice

    def before_introduced(self, year: int, month: int, day: int | None) -> bool:
        """Whether that date falls before a document the report introduces (so it cannot be right)."""
        return any((year, month, day or 1) < (d.issued.year, d.issued.month, d.issued.day) for d in self.implemented)

    def clue_year(self) -> YearClue | None:
        """The year the clues agree on (the most supported; none when they are split evenly)."""
        counts = Counter(c.year for c in self.clues)
        if not counts:
            return None
        ranked = counts.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return next(c for c in self.clues if c.year == ranked[0][0])


def page_stamp(cleaned: CleanedText, latest_year: int | None) -> tuple[Stamp | None, list[Finding]]:
    """The stamp that dates the page: a scraper's, else the first below the title, else one
    above the title unless it is years after everything the text speaks of (the website's own
    date, as "Thứ hai, 27/06/2022" above a report of 2010)."""
    if len(cleaned.stamps) >= LISTING:  # a page of teasers, each with its stamp: the first is the first report's
        return cleaned.stamps[0], []
    by_place = {place: [s for s in cleaned.stamps if s.place == place] for place in ("scraper", "after_title", "before_title")}
    for place in ("scraper", "after_title"):
        if by_place[place]:
            return by_place[place][0], []
    for stamp in by_place["before_title"]:
        year = int(stamp.iso[:4])
        if latest_year is not None and year - latest_year > STAMP_LEAD:
            return None, [Finding("date", "date.header_too_late",
                                  {"header": stamp.text, "years": year - latest_year, "latest": latest_year}, stamp.text)]
        return stamp, []
    return None, []


def _stamp_within(stamp: Stamp | None, iso: str) -> bool:
    """The page's stamp is more precise than the lead's year or month ("Trong 6 tháng đầu năm 2025"
    under "2025-07-17 15:10") and falls within it."""
    return stamp is not None and len(stamp.iso) > len(iso) and stamp.iso.startswith(iso)


def _from_stamp(stamp: Stamp, findings: list[Finding]) -> DateResult:
    value = DateValue(stamp.iso, stamp.precision, "stamp")
    return Extracted(value, Confidence.MEDIUM, stamp.text), findings + [_stamp_finding(stamp)]


def _stamp_finding(stamp: Stamp) -> Finding:
    code = "date.from_header" if stamp.place == "before_title" else "date.from_stamp"
    return Finding("date", code, {"header": stamp.text}, stamp.text)


def written_years(cleaned: CleanedText, text: AnalysedText) -> list[int]:
    """Years a report is dated by before any inference: its stamps' and the full dates opening its
    lead. Documents named without a term are placed in time with these (directives.py)."""
    pats = patterns()
    years = [int(s.iso[:4]) for s in cleaned.stamps]
    for _, folded in lead_candidates(cleaned, text):
        match = pats.lead_day.match(folded) or pats.lead_days.match(folded)
        if match and (match["y"] or match.groupdict().get("wy")):
            years.append(int(match["y"] or match["wy"]))
            break
    return years


def _year_for(month: int, day: int | None, shown: str, evidence: Evidence) -> tuple[int, Finding] | None:
    """The year of a date written without one, and the finding that says where it came from: the
    page's stamp (the year before when the date falls after the stamp), a year the text names
    more than once, the clues, a year it names once, or the document the report puts into practice."""
    context = _year_in_context(evidence.folded, month)
    if evidence.stamp:
        stamp = evidence.stamp
        year = int(stamp.iso[:4])
        stamp_month, stamp_day = int(stamp.iso[5:7]), int(stamp.iso[8:10]) if stamp.precision == "day" else 31
        if (month, day or 1) > (stamp_month, stamp_day):
            year -= 1
        return year, Finding("date", "date.no_year_from_header", {"shown": shown, "year": year, "header": stamp.text}, shown)
    clue = evidence.clue_year()
    if clue and evidence.before_introduced(clue.year, month, day):
        clue = None  # "5 năm thực hiện NQ 26 (2013)" inside a 2019 notice the report introduces
    if context and (context.strong or not clue) and not evidence.before_introduced(context.year, month, day):
        return context.year, Finding("date", context.code, {"shown": shown, "year": context.year, **context.params}, shown)
    if clue:
        return clue.year, Finding("date", "date.no_year_from_clue", {"shown": shown, "year": clue.year, "clue": clue.shown}, shown)
    for doc in evidence.implemented:
        year = doc.issued.year + (1 if (month, day or 1) < (doc.issued.month, doc.issued.day) else 0)
        return year, Finding("date", "date.no_year_from_document",
                             {"shown": shown, "year": year, "document": doc.document, "issued": doc.shown}, shown)
    return None


def _lead_date(lead: str, folded_lead: str, first: bool, evidence: Evidence) -> DateResult | None:
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
    sentence = folded_lead[: len(_first_sentence(lead))]
    if pats.issued_by_centre.search(sentence):  # "Ngày 19-5-2018, Ban Chấp hành Trung ương đã ban hành …"
        if evidence.stamp:
            return None  # the document's date: the page's stamp dates the report
        findings.append(Finding("date", "date.issue_date", {"shown": shown}, shown))
        first = False
    if full_year:
        date = _valid(int(full_year), month, d)
        if date is None:
            year = int(full_year)
            malformed = Finding("date", "date.malformed", {"shown": shown, "year": year}, shown)
            return Extracted(DateValue(str(year), "year", "written"), Confidence.MEDIUM, shown), findings + [malformed]
        stamp = evidence.first_stamp
        if stamp and abs(int(stamp.iso[:4]) - date.year) > 1:
            findings.append(Finding("date", "date.header_disagrees", {"header": stamp.text, "shown": shown}, shown))
        confidence = Confidence.HIGH if day and first else Confidence.MEDIUM
        return Extracted(DateValue(date.isoformat(), "day", "written"), confidence, shown), findings
    if not 1 <= month <= 12:
        return None
    found = _year_for(month, d, shown, evidence)
    date = _valid(found[0], month, d) if found else None
    if found is None or date is None:
        return None
    return Extracted(DateValue(date.isoformat(), "day", "combined"), Confidence.MEDIUM, shown), findings + [found[1]]


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def _date_in_first_sentence(lead: str, mentions: list[DateMention]) -> DateMention | None:
    """'Thực hiện kế hoạch của Tỉnh ủy, ngày 12/5/2019, …': the first full date of the lead's first
    sentence that is neither a cited document's date nor a 'by that date' status. `mentions` are
    the body's, which begins with the lead."""
    sentence_end = len(_first_sentence(lead))
    return next((m for m in mentions if m.kind == "other" and m.start + len(m.text) <= sentence_end), None)


def lead_candidates(cleaned: CleanedText, text: AnalysedText) -> list[tuple[str, str]]:
    """(display, folded) of the blocks a lead can be: the first ones, up to the first real
    paragraph (a caption, a byline or a teaser line may come before it)."""
    candidates, at = [], text.body_start
    for block in cleaned.blocks[:LEAD_BLOCKS]:
        candidates.append((block.text, text.folded[at : at + len(block.text)]))
        at += len(block.text) + 2  # blocks are joined by a blank line
        if block.kind == "paragraph" and len(block.text) >= REAL_PARAGRAPH:
            break
    return candidates


def extract_date(cleaned: CleanedText, text: AnalysedText, years: list[int] | None = None,
                 clues: tuple[YearClue, ...] = (), implemented: tuple[Introduced, ...] = ()) -> DateResult:
    pats = patterns()
    lead, folded_lead = text.lead, text.folded_lead
    mentions = body_date_mentions(text.body, text.folded_body)
    years = context_years(text.folded) if years is None else years
    latest = max(years + [m.date.year for m in mentions], default=None)
    stamp, rejected = page_stamp(cleaned, latest)
    evidence = Evidence(text.folded, stamp, cleaned.stamps[0] if cleaned.stamps else None, clues, implemented)
    findings: list[Finding] = []

    for index, (candidate, folded_candidate) in enumerate(lead_candidates(cleaned, text)):
        dated = _lead_date(candidate, folded_candidate, index == 0, evidence)
        if dated:
            return dated

    month_match = pats.lead_month.match(folded_lead)
    if month_match and 1 <= int(month_match["m"]) <= 12:
        shown = lead[: month_match.end("all")]
        if month_match["y"]:
            iso = f"{month_match['y']}-{int(month_match['m']):02d}"
            if _stamp_within(stamp, iso):
                return _from_stamp(stamp, findings + [Finding("date", "date.lead_agrees_with_stamp", {"shown": shown, "header": stamp.text}, shown)])
            return Extracted(DateValue(iso, "month", "written"), Confidence.HIGH, shown), findings
        context = _year_in_context(text.folded)
        if context:
            findings.append(Finding("date", context.code, {"shown": shown, "year": context.year, **context.params}, shown))
            return Extracted(DateValue(f"{context.year}-{int(month_match['m']):02d}", "month", "combined"), Confidence.MEDIUM, shown), findings

    period = pats.lead_year.match(folded_lead)
    if period:
        shown = lead[: period.end("all")]
        if _stamp_within(stamp, period["y"]):
            return _from_stamp(stamp, findings + [Finding("date", "date.lead_agrees_with_stamp", {"shown": shown, "header": stamp.text}, shown)])
        return Extracted(DateValue(period["y"], "year", "written"), Confidence.MEDIUM, shown), findings

    first = _date_in_first_sentence(lead, mentions)
    if first and (pats.issued_by_centre.search(fold_keep_length(_first_sentence(lead)))
                  or any(clue.year > first.date.year + 1 for clue in clues)):
        first = None  # a central document's issue date, or a past event the text counts years from
    if first:
        findings.append(Finding("date", "date.from_first_sentence", {"shown": first.text}, first.text))
        return Extracted(DateValue(first.date.isoformat(), "day", "written"), Confidence.MEDIUM, first.text), findings

    findings += rejected  # the website's date above the title is not the report's
    if stamp:
        return _from_stamp(stamp, findings)

    clue = evidence.clue_year()
    if clue:
        findings.append(Finding("date", "date.year_from_clue", {"year": clue.year, "clue": clue.shown}, clue.shown))
        return Extracted(DateValue(str(clue.year), "year", "inferred"), Confidence.MEDIUM, clue.shown), findings

    status = [m for m in mentions if m.kind == "status"]
    if status:
        latest_status = max(status, key=lambda m: m.date)
        findings.append(Finding("date", "date.progress_year", {"shown": latest_status.text, "year": latest_status.date.year},
                                latest_status.text))
        return Extracted(DateValue(str(latest_status.date.year), "year", "inferred"), Confidence.MEDIUM, latest_status.text), findings

    if rejected:
        return Extracted(None, Confidence.LOW, rejected[0].evidence), findings
    if years:
        findings.append(Finding("date", "date.missing_years", {"years": ", ".join(map(str, sorted(set(years))))}))
    else:
        findings.append(Finding("date", "date.missing"))
    return Extracted(None, Confidence.LOW, ""), findings
