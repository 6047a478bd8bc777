"""Reading document references in folded text: the "documents" form of a text, and the fast scan
for bare numbers. The patterns themselves are data/patterns.yaml's document families.

Matching runs on `prepare(text)`: tone-less, lower case, đ -> d, "TƯ" read as "TW", so
"Chỉ thị", "Chi thi" and "chỉ thị" match alike and spans line up with the display text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.patterns import documents_form, patterns
from generator.scanning import find_before_literals
from generator.textnorm import fold_keep_length
from generator.vocabulary import load_vocabulary

PLENUM_STARTS = ("nghi quyet", "nq")  # every `plenum` match begins with one (scanning.find_from_literals)
SYMBOL_SEPARATORS = ("-", "–", "—", "/")  # every `symbol` match holds one after its number (and spaces)


def prepare(text: str, folded: str | None = None) -> str:
    """The folded text with "TƯ" read as "TW" (pass `folded` when the text is already folded)."""
    return documents_form(text, fold_keep_length(text) if folded is None else folded, patterns().central_tu)


@dataclass(frozen=True)
class BareMatch:
    start: int
    end: int
    type_word: str  # folded: "chi thi", "ct"
    number: int


def _in_number(char: str) -> bool:
    return char.isdecimal() or char.isspace()


def find_symbols(folded: str) -> list[re.Match[str]]:
    """The matches of the `symbol` family in `folded`, tried only just before a separator ("05-CT/TW",
    "10 / CT-TW"): the text's every digit is a place `re` would try."""
    return find_before_literals(patterns().symbol, folded, SYMBOL_SEPARATORS, _in_number)


def find_bare(folded: str) -> list[BareMatch]:
    """The matches of the `bare` family in `folded`, in order, found on the reversed text (3×
    faster: it starts at the rare digits instead of the type words' common first letters)."""
    pats = patterns()
    backwards, n = folded[::-1], len(folded)
    found = []
    for m in pats.bare_reversed.finditer(backwards):
        start, end = n - m.end(), n - m.start()
        if not pats.symbol_tail.match(folded, end):
            found.append(BareMatch(start, end, m["tw"][::-1], int(m["num"][::-1])))
    found.reverse()
    return found


def ordinal_value(text: str) -> int | None:
    """'4' -> 4, 'tu' -> 4 (folded ordinal words from the vocabulary)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    return load_vocabulary().ordinal_value.get(text)
