"""Publication stamps: the lines of a page head that say when it was posted, in every shape.

    "Cập nhật ngày: 14/03/2011 - 08:12", "Thứ Năm, 21/07/2016 | 09:30", "(15/08/2017)",
    "• 15/07/2018", "Chính trị | 15:29 Thứ Tư ngày 11/01/2017", "Trung Kiên 14:32 03/06/2024",
    "[Đăng ngày: 17/06/2019]", and a scraper's own " date 2019-06" before the first line.

A stamp is a short line holding one date and otherwise only a time, a weekday, stamp words
("cập nhật", "đăng lúc", "Print") and at most a short label or a name. A stamp is the page's
date, not necessarily the event's: dates.py decides how it is used.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Literal

from generator.model import Stamp
from generator.patterns import Patterns, patterns
from generator.textnorm import fold_keep_length

MAX_STAMP = 90  # characters: a stamp is a short line
MAX_LABEL_WORDS = 3  # besides its date and time: a section label ("Thời sự - Chính trị") or a name
MAX_PART_WORDS = 5  # another "|"-separated part of a stamp line: a name, a section, a view count
StampPlace = Literal["before_title", "after_title", "scraper"]
_YEAR = re.compile(r"\d{4}")  # every stamp writes its year in full: lines without one are skipped unread
_MONTH_NAME = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")  # every Internet-format date has one
_PUNCTUATION = re.compile(r"[\[\]()|,:;•*·\-–—_/.>»'\"]+")


def _valid_iso(y: int, m: int, d: int | None) -> str | None:
    try:
        dt.date(y, m, d or 1)
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}" + (f"-{d:02d}" if d else "")


def _internet_date(line: str) -> str | None:
    """The date of an Internet-format stamp (RFC 5322: "Mon, 05 Aug 2019 08:12:00 GMT")."""
    try:
        when = email.utils.parsedate_to_datetime(line.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when.date().isoformat() if when else None


def scraper_stamp(line: str, pats: Patterns | None = None) -> tuple[Stamp, str] | None:
    """A scraper's " date 2019-06 …" opening a file: the stamp, and the rest of the line."""
    pats = pats or patterns()
    match = pats.scraper_date.match(line)
    if not match:
        return None
    iso = _valid_iso(int(match["y"]), int(match["m"]), int(match["d"]) if match["d"] else None)
    if iso is None:
        return None
    return Stamp(line[: match.end()].strip(), iso, "scraper"), line[match.end() :]


def read_stamp(line: str, place: StampPlace, pats: Patterns | None = None) -> Stamp | None:
    """`line` as a publication stamp, or None when it is anything else (a lead, a title)."""
    if not line or len(line) > MAX_STAMP or not _YEAR.search(line):
        return None
    pats = pats or patterns()
    folded = fold_keep_length(line).lower()
    dates = list(pats.full_date.finditer(folded)) or list(pats.iso_date.finditer(folded))
    if not dates and _MONTH_NAME.search(line) and (iso := _internet_date(line)):
        return Stamp(line, iso, place)  # "Mon, 05 Aug 2019 08:12:00 GMT", as servers and feeds write it
    if len(dates) != 1:
        return None
    found = dates[0]
    iso = _valid_iso(int(found["y"]), int(found["m"]), int(found["d"]) if found["d"] else None)
    if iso is None:
        return None
    # The date's part of the line ("Đăng ngày: 20/01/2020 - 8:28 AM" of "… | Lượt xem: 1231 | Thu Thủy")
    # holds at most a short label; each other part is a view count or a short label (a name).
    part_start = folded.rfind("|", 0, found.start()) + 1
    part_end = folded.find("|", found.end())
    part_end = len(folded) if part_end == -1 else part_end
    rest = folded[part_start : found.start()] + " " + folded[found.end() : part_end]
    others = [p for p in (folded[: max(0, part_start - 1)] + "|" + folded[part_end + 1 :]).split("|") if p.strip()]
    if not _is_label(rest, pats, MAX_LABEL_WORDS) or not all(_is_label(p, pats, MAX_PART_WORDS) for p in others):
        return None  # "Sáng 27/06/2022, …" is a lead's date, not a stamp
    return Stamp(line, iso, place)


def _is_label(text: str, pats: Patterns, most: int) -> bool:
    """Besides times, stamp words and view counts, `text` holds at most `most` words, none a time of day."""
    text = pats.view_count.sub(" ", pats.stamp_words.sub(" ", pats.clock_time.sub(" ", text)))
    words = _PUNCTUATION.sub(" ", text).split()
    return len(words) <= most and not any(pats.time_of_day.fullmatch(w) for w in words)
