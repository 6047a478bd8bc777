"""Translation QA: every number, document number and date of a segment is in its English, every
glossary term is rendered the glossary's way, and nothing is left untranslated.

A published translation (by the editors, or machine output shown as such) that fails QA fails
the build, naming the report, the segment and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator import directive_patterns as pat
from generator.editor_notes import NOTE, without_notes
from generator.glossary import Glossary
from generator.patterns import patterns
from generator.textnorm import fold_keep_length
from generator.vocabulary import load_vocabulary

ORDINAL_WORDS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                 "nineteenth", "twentieth")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
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
    name = load_vocabulary().data.months_en[month - 1]
    if year is None:
        return [original, f"{day} {name}", f"{name} {day}"]
    return [original, f"{day} {name} {year}", f"{name} {day}, {year}", f"{name} {day} {year}"]


def _term_pattern(english: str) -> str:
    """The glossary rendering, also in the plural ('Party cell' -> 'Party cells', 'secretary' -> 'secretaries')."""
    if english.endswith("y") and not english.endswith(("ay", "ey", "oy")):
        return re.escape(english[:-1]) + r"(?:y|ies)\b"
    return re.escape(english) + r"(?:s|es)?\b"


def _blank(text: str, start: int, end: int) -> str:
    """`text` with [start, end) replaced by spaces, so a checked number is not checked again."""
    return text[:start] + " " * (end - start) + text[end:]


def check_segment(source: str, target: str, glossary: Glossary) -> list[str]:
    """Reasons the English does not carry the Vietnamese faithfully (empty when it does)."""
    problems: list[str] = []
    if target.count("[ed:") != len(NOTE.findall(target)):
        problems.append("an editors' note is not written [ed: …] (opened without a space or a closing bracket, or nested)")
    target = without_notes(target)  # the editors' own words are not a translation of anything
    if not target.strip():
        return problems + ["no translation"]
    if target.strip() == source.strip():
        problems.append("translation is the Vietnamese text")
    leftover = _VIETNAMESE_WORDS.findall(target)
    if leftover:
        problems.append(f"untranslated Vietnamese words: {', '.join(dict.fromkeys(leftover))}")

    pats, vocabulary = patterns(), load_vocabulary()
    rest = source
    prepared = pat.prepare(source)
    for match in reversed(list(pats.symbol.finditer(prepared))):
        printed = source[match.start() : match.end()]
        canonical = f"{int(match['num']):02d}-{vocabulary.code_printed[match['type']]}/{vocabulary.issuer_printed[match['iss']][0]}"
        if not _present(target, [canonical, printed]):
            problems.append(f"document number {printed} missing")
        rest = _blank(rest, match.start(), match.end())
    # Dates, days and months are found on the folded text (same length: spans are the source's).
    for regex, kind in ((pats.full_date, "full"), (pats.day_month, "day")):
        for match in list(regex.finditer(fold_keep_length(rest))):
            day, month = int(match["d"]), int(match["m"])
            year = int(match["y"]) if kind == "full" else None
            shown = rest[match.start() : match.end()]
            if 1 <= month <= 12 and not _present(target, _date_forms(day, month, year, shown.split()[-1])):
                problems.append(f"date {shown} missing")
            rest = _blank(rest, match.start("d") if kind == "day" else match.start(), match.end())
    for match in list(pats.month.finditer(fold_keep_length(rest))):  # "tháng 1" may become "January"
        month = int(match["m"])
        if 1 <= month <= 12:
            shown = rest[match.start() : match.end()]
            forms = [vocabulary.data.months_en[month - 1]] + english_number(match["m"])
            if not _present(target, forms):
                problems.append(f"month {shown} missing")
            if match["y"] and not _present(target, [match["y"]]):
                problems.append(f"year {match['y']} missing")
            rest = _blank(rest, match.start(), match.end())
    for match in list(_RATIO.finditer(rest)):
        if not _present(target, [f"{match.group(1)}/{match.group(2)}"]):
            problems.append(f"ratio {match.group(0)} missing")
        rest = _blank(rest, match.start(), match.end())
    for match in _NUMBER.finditer(rest):
        forms = english_number(match.group(1))
        if not _present(target, forms):
            problems.append(f"number {match.group(1)} missing (expected {' or '.join(forms)})")
    for term in glossary.terms_in(source):
        if not re.search(_term_pattern(term.en), target, re.IGNORECASE):
            problems.append(f"glossary: “{term.vi}” must be rendered “{term.en}”")
    return problems
