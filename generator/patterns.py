"""Every regex of dates and document references, built once from data/patterns.yaml and the
vocabulary (data/vocabulary.yaml). A pattern family exists here and nowhere else; the modules
that match (dates, directives, extraction, translation QA, machine translation, search terms)
take their patterns from `patterns()`.

An invalid pattern or an unknown placeholder is a DataFileError naming the family.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from generator.datafiles import DataFileError, load_yaml
from generator.scanning import first_not_after, trie_pattern
from generator.textnorm import fold, fold_keep_length
from generator.vocabulary import Vocabulary, load_vocabulary

SOURCE = "patterns.yaml"
Form = Literal["folded", "documents", "display"]
_PLACEHOLDER = re.compile(r"\{\{([a-z0-9_.]+)(\|printed)?\}\}")


class PatternSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    regex: str
    reads: Form = "folded"
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()


class PatternsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fragments: dict[str, str]
    patterns: dict[str, PatternSpec]


@dataclass(frozen=True)
class Patterns:
    """The compiled families; each field's family, examples and form are in patterns.yaml."""

    lead_day: re.Pattern[str]
    lead_days: re.Pattern[str]
    lead_year: re.Pattern[str]
    review_of_year: re.Pattern[str]
    lead_month: re.Pattern[str]
    full_date: re.Pattern[str]
    worded_date: re.Pattern[str]
    year: re.Pattern[str]
    named_year: re.Pattern[str]
    target_before_year: re.Pattern[str]
    span_before_year: re.Pattern[str]
    span_after_year: re.Pattern[str]
    day_month_before_year: re.Pattern[str]
    document_before_date: re.Pattern[str]
    status_before_date: re.Pattern[str]
    header_date: re.Pattern[str]
    iso_date: re.Pattern[str]
    scraper_date: re.Pattern[str]
    clock_time: re.Pattern[str]
    view_count: re.Pattern[str]
    time_of_day: re.Pattern[str]
    stamp_words: re.Pattern[str]
    lead_circumstance: re.Pattern[str]
    years_of_implementing: re.Pattern[str]
    anniversary: re.Pattern[str]
    years_ago: re.Pattern[str]
    review_span: re.Pattern[str]
    issued_by_centre: re.Pattern[str]
    introduces_before: re.Pattern[str]
    anniversary_after: re.Pattern[str]
    anniversary_tail: re.Pattern[str]
    years_past: re.Pattern[str]
    congress_resolution: re.Pattern[str]
    year_pair: re.Pattern[str]
    central_tu: re.Pattern[str]
    symbol: re.Pattern[str]
    bare: re.Pattern[str]
    symbol_tail: re.Pattern[str]
    plenum: re.Pattern[str]
    khoa: re.Pattern[str]
    term_after: re.Pattern[str]
    central_issuer_after: re.Pattern[str]
    local_issuer_after: re.Pattern[str]
    state_issuer_after: re.Pattern[str]
    date_after: re.Pattern[str]
    next_document: re.Pattern[str]
    secondary_before: re.Pattern[str]
    implement_before: re.Pattern[str]
    printed_symbol: re.Pattern[str]
    day_month: re.Pattern[str]
    month: re.Pattern[str]
    # Built in code from the vocabulary, for speed (each is tested against its plain form):
    bare_reversed: re.Pattern[str]  # `bare` on the reversed text (directive_patterns.find_bare)
    person: re.Pattern[str]  # a title word and a capitalised name, on the display text
    specs: dict[str, PatternSpec] = dataclasses.field(repr=False, compare=False)

    def form(self, name: str, text: str) -> str:
        """`text` in the form the family `name` reads (for checking an example)."""
        on = self.specs[name].reads
        if on == "display":
            return text
        if on == "documents":
            return documents_form(text, fold_keep_length(text), self.central_tu)
        return fold_keep_length(text)


def documents_form(display: str, folded: str, central_tu: re.Pattern[str]) -> str:
    """The folded text with "TƯ"/"T.Ư" read as "TW" (same length: spans still line up)."""
    if "Ư" not in display:
        return folded
    chars = list(folded)
    for match in central_tu.finditer(display):
        chars[match.end() - 1] = "w"
    return "".join(chars)


def alternation(words: tuple[str, ...] | list[str], printed: bool = False) -> str:
    """Words as one group, longest first; folded unless `printed`; a space matches any whitespace."""
    forms = dict.fromkeys(w if printed else fold(w) for w in words)
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered) + ")"


def word_lists(vocabulary: Vocabulary) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Placeholder name -> (words to fold, words as printed)."""
    v = vocabulary.data
    codes = tuple(c for t in v.document_types for c in t.codes)
    spellings = tuple(s for i in v.issuers for s in i.spellings)
    bare_words = tuple(w for t in v.document_types if t.bare for w in (t.name, *t.abbreviations))
    terms = tuple(t.roman for t in v.terms)
    lists = {
        "type_codes": (codes, codes),
        "issuer_codes": (spellings, tuple(i.printed for i in v.issuers)),
        "bare_type_words": (bare_words, bare_words),
        "terms": (terms, terms),
        "ordinal_words": (tuple(v.ordinals), tuple(v.ordinals)),
        "number_words": (tuple(v.numbers), tuple(v.numbers)),
        "anniversary_words": (words := tuple(w for a in v.anniversaries for w in a.words), words),
    }
    for name in ("times_of_day", "weekdays", "month_parts", "stamp_words"):
        lists[name] = (vocabulary.word_list(name),) * 2
    for name in type(v.context).model_fields:
        lists[f"context.{name}"] = (vocabulary.word_list(f"context.{name}"),) * 2
    return lists


def expand(template: str, fragments: dict[str, str], lists: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], family: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name, printed = match.group(1), bool(match.group(2))
        if name in fragments and not printed:
            return "(?:" + expand(fragments[name], fragments, lists, f"{family} > {name}") + ")"
        if name in lists:
            folded_words, printed_words = lists[name]
            return alternation(printed_words, printed=True) if printed else alternation(folded_words)
        raise DataFileError(SOURCE, f"{family}: unknown placeholder {{{{{match.group(0)[2:-2]}}}}}")

    return _PLACEHOLDER.sub(replace, template)


def bare_reversed_pattern(vocabulary: Vocabulary) -> str:
    """`bare` read on the reversed text: it starts at the number, and numbers are rare where the
    type words' first letters are everywhere, so `re` skips ahead. The look-ahead after the
    number becomes fixed-width look-behinds; "not followed by '-CT/…'" is checked by the caller."""
    words = [fold(w) for w in word_lists(vocabulary)["bare_type_words"][0]]
    reversed_words = [w[::-1] for w in dict.fromkeys(words)]
    return (r"(?P<num>" + first_not_after(r"\d", r"\d") + r"(?<!\d[/.,]\d)\d{0,2})\s*(?:os\s*)?(?:\)\s*[a-z]{2,3}\s*\(\s*)?"
            r"(?P<tw>" + trie_pattern(reversed_words, loose_spaces=True) + r")(?![a-z])")


def person_pattern(vocabulary: Vocabulary) -> str:
    """"Đồng chí Trần Thị Thanh Thủy", "ông Nguyễn Văn A": a title word, then 2–4 capitalised
    syllables. The title word's first letter comes first, so that `re` can skip to it."""
    titles = vocabulary.data.context.person_titles
    firsts = "".join(dict.fromkeys(ch for t in titles for ch in (t[0].upper(), t[0].lower())))
    rests = "|".join(f"(?<=[{t[0].upper()}{t[0].lower()}]){re.escape(t[1:])}" for t in sorted(titles, key=len, reverse=True))
    syllable = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
    return f"[{firsts}](?<!\\w[{firsts}])(?:{rests})\\s+({syllable}(?:\\s{syllable}){{1,3}})"


def compile_patterns(data: object, vocabulary: Vocabulary, source: str = SOURCE) -> Patterns:
    try:
        spec = PatternsFile.model_validate(data)
    except ValidationError as exc:
        raise DataFileError.from_validation(source, "patterns", exc) from None
    wanted = {f.name for f in dataclasses.fields(Patterns)} - {"bare_reversed", "person", "specs"}
    if set(spec.patterns) != wanted:
        missing, extra = sorted(wanted - set(spec.patterns)), sorted(set(spec.patterns) - wanted)
        raise DataFileError(source, f"families missing: {missing or 'none'}; unknown: {extra or 'none'}")
    lists = word_lists(vocabulary)
    compiled: dict[str, re.Pattern[str]] = {}
    for name, family in spec.patterns.items():
        regex = expand(family.regex, spec.fragments, lists, name)
        try:
            compiled[name] = re.compile(regex)
        except re.error as exc:
            raise DataFileError(source, f"{name}: not a valid regex once expanded ({exc}): {regex}") from None
    compiled["bare_reversed"] = re.compile(bare_reversed_pattern(vocabulary))
    compiled["person"] = re.compile(person_pattern(vocabulary))
    return Patterns(**compiled, specs=dict(spec.patterns))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return compile_patterns(load_yaml(SOURCE), load_vocabulary())
