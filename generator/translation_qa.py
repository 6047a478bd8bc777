"""Translation QA: every number, document number and date of a segment is in its English, every
glossary term is rendered the glossary's way, and nothing is left untranslated.

A published translation (by the editors, or machine output shown as such) that fails QA fails
the build, naming the report, the segment and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator import directive_patterns as pat
from generator.glossary import Glossary

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
ORDINAL_WORDS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                 "nineteenth", "twentieth")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_FULL_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\2\s*((?:19|20)\d{2})(?!\d)")
_DAY_MONTH = re.compile(r"(?:[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Nn]gày)\s+(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d/.-])")
_MONTH = re.compile(r"(?<!\w)(?:tháng|Tháng)\s+(\d{1,2})(?:\s*/\s*((?:19|20)\d{2}))?(?!\d)")
_RATIO = re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+)(?![\d])")
# Words that do not occur in English and mark a segment as (partly) untranslated.
_VIETNAMESE_WORDS = re.compile(r"(?<!\w)(?:của|và|các|được|đã|những|với|này|không|để|tại|từ|về|trên|nhằm|cũng)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    report_id: str
    segment: str
    reason: str

    def __str__(self) -> str:
        return f"{self.report_id} [{self.segment}]: {self.reason}"


def _present(target: str, options: list[str]) -> bool:
    return any(re.search(r"(?<![\w])" + re.escape(o) + r"(?![\w])", target, re.IGNORECASE) for o in options)


def english_number(token: str) -> list[str]:
    """Vietnamese-style number -> its accepted English forms: 40.539 -> 40,539; 98,1 -> 98.1; 01 -> 01, 1, one."""
    if "." in token and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        whole, _, decimals = token.partition(",")
        return [whole.replace(".", ",") + ("." + decimals if decimals else "")]
    if "," in token:
        return [token.replace(",", ".")]
    value = int(token)
    forms = [token, str(value), ordinal(value)]
    if value < len(NUMBER_WORDS):
        forms += [NUMBER_WORDS[value], ORDINAL_WORDS[value]]
    return list(dict.fromkeys(forms))


def ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _date_forms(day: int, month: int, year: int | None, original: str) -> list[str]:
    name = MONTHS[month - 1]
    if year is None:
        return [original, f"{day} {name}", f"{name} {day}"]
    return [original, f"{day} {name} {year}", f"{name} {day}, {year}", f"{name} {day} {year}"]


def _term_pattern(english: str) -> str:
    """The glossary rendering, also in the plural ('Party cell' -> 'Party cells', 'secretary' -> 'secretaries')."""
    if english.endswith("y") and not english.endswith(("ay", "ey", "oy")):
        return re.escape(english[:-1]) + r"(?:y|ies)\b"
    return re.escape(english) + r"(?:s|es)?\b"


def check_segment(source: str, target: str, glossary: Glossary) -> list[str]:
    """Reasons the English does not carry the Vietnamese faithfully (empty when it does)."""
    if not target.strip():
        return ["no translation"]
    problems: list[str] = []
    if target.strip() == source.strip():
        problems.append("translation is the Vietnamese text")
    leftover = _VIETNAMESE_WORDS.findall(target)
    if leftover:
        problems.append(f"untranslated Vietnamese words: {', '.join(dict.fromkeys(leftover))}")

    rest = source
    prepared = pat.prepare(source)
    for match in reversed(list(pat.SYMBOL.finditer(prepared))):
        printed = source[match.start() : match.end()]
        canonical = f"{int(match['num']):02d}-{pat.TYPE_CODES[match['type']]}/{pat.ISSUERS[match['iss']][0]}"
        if not _present(target, [canonical, printed]):
            problems.append(f"document number {printed} missing")
        rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    for regex, kind in ((_FULL_DATE, "full"), (_DAY_MONTH, "day")):
        for match in list(regex.finditer(rest)):
            if kind == "full":
                day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            else:
                day, month, year = int(match.group(1)), int(match.group(2)), None
            if 1 <= month <= 12 and not _present(target, _date_forms(day, month, year, match.group(0).split()[-1])):
                problems.append(f"date {match.group(0)} missing")
            span = match.span(1 if kind == "day" else 0)
            rest = rest[: span[0]] + " " * (match.end() - span[0]) + rest[match.end() :]
    for match in list(_MONTH.finditer(rest)):  # "tháng 1" may become "January"
        month = int(match.group(1))
        if 1 <= month <= 12:
            forms = [MONTHS[month - 1]] + english_number(match.group(1))
            if not _present(target, forms):
                problems.append(f"month {match.group(0)} missing")
            if match.group(2) and not _present(target, [match.group(2)]):
                problems.append(f"year {match.group(2)} missing")
            rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    for match in list(_RATIO.finditer(rest)):
        if not _present(target, [f"{match.group(1)}/{match.group(2)}"]):
            problems.append(f"ratio {match.group(0)} missing")
        rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
    for match in _NUMBER.finditer(rest):
        forms = english_number(match.group(1))
        if not _present(target, forms):
            problems.append(f"number {match.group(1)} missing (expected {' or '.join(forms)})")
    for term in glossary.terms_in(source):
        if not re.search(_term_pattern(term.en), target, re.IGNORECASE):
            problems.append(f"glossary: “{term.vi}” must be rendered “{term.en}”")
    return problems
