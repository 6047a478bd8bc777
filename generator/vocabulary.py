"""The vocabulary of documents and dates (data/vocabulary.yaml), validated, with the folded forms
and lookup tables the extractors use. generator/patterns.py builds the regexes from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from generator.datafiles import DataFileError, load_yaml
from generator.textnorm import fold

SOURCE = "vocabulary.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeExamples(_Strict):
    symbol: tuple[str, ...] = ()  # with a symbol: "Chỉ thị số 05-CT/TW"
    bare: tuple[str, ...] = ()  # with a bare number: "Chỉ thị 05"


class DocumentType(_Strict):
    name: str = Field(min_length=2)
    en: str = Field(min_length=2)
    codes: tuple[str, ...]
    abbreviations: tuple[str, ...] = ()
    bare: bool = True
    registry: bool = False
    examples: TypeExamples = TypeExamples()


class IssuerSuffix(_Strict):
    printed: str = Field(pattern=r"^[A-ZĐ.]{2,8}$")
    written: tuple[str, ...] = ()  # other spellings; the printed one is always included
    central: bool
    bodies: tuple[str, ...] = ()  # the issuing bodies as texts name them ("Bộ Chính trị")

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.printed, *self.written)))


class Term(_Strict):
    roman: str = Field(pattern=r"^[IVXL]+$")
    number: int = Field(ge=1, le=30)
    start: int = Field(ge=1930, le=2100)


class Anniversary(_Strict):
    year: int = Field(ge=1800, le=2100)
    words: tuple[str, ...] = Field(min_length=1)
    example: str
    means: int  # the year the example's text was written in: year + its count of years


class Context(_Strict):
    document_before_date: tuple[str, ...]
    target_before_year: tuple[str, ...]
    status_before_date: tuple[str, ...]
    review: tuple[str, ...]
    next_document: tuple[str, ...]
    central_issuer_after: tuple[str, ...]
    local_issuer_after: tuple[str, ...]
    state_issuer_after: tuple[str, ...]
    central_committee: tuple[str, ...]
    secondary_before: tuple[str, ...]
    implement_before: tuple[str, ...]
    person_titles: tuple[str, ...]
    not_names: tuple[str, ...]


class VocabularyFile(_Strict):
    document_types: tuple[DocumentType, ...]
    issuers: tuple[IssuerSuffix, ...]
    terms: tuple[Term, ...]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    anniversaries: tuple[Anniversary, ...]
    stamp_words: tuple[str, ...]
    times_of_day: tuple[str, ...]
    weekdays: tuple[str, ...]
    month_parts: tuple[str, ...]
    months_en: tuple[str, ...] = Field(min_length=12, max_length=12)
    context: Context

    @field_validator("terms")
    @classmethod
    def _terms_in_order(cls, terms: tuple[Term, ...]) -> tuple[Term, ...]:
        starts = [t.start for t in terms]
        if starts != sorted(starts) or len({t.roman for t in terms}) != len(terms):
            raise ValueError("terms must be unique and in the order they began")
        return terms

    @model_validator(mode="after")
    def _central_bodies_named_once(self) -> VocabularyFile:
        bodies = [fold(b) for i in self.issuers if i.central for b in i.bodies]
        after = [fold(w) for w in self.context.central_issuer_after]
        if sorted(bodies) != sorted(after) or len(set(bodies)) != len(bodies):
            raise ValueError("context.central_issuer_after must list each central issuer's `bodies` once")
        return self


@dataclass(frozen=True)
class Vocabulary:
    """The validated vocabulary and the tables derived from it (folded keys, as matched)."""

    data: VocabularyFile

    @cached_property
    def type_by_word(self) -> dict[str, str]:
        """Folded name or abbreviation written before a bare number -> document type name."""
        table: dict[str, str] = {}
        for t in self.data.document_types:
            if t.bare:
                for word in (t.name, *t.abbreviations):
                    table.setdefault(fold(word), t.name)
        return table

    @cached_property
    def code_printed(self) -> dict[str, str]:
        """Folded type code -> as printed ('qdi' -> 'QĐi')."""
        return {fold(code): code for t in self.data.document_types for code in t.codes}

    @cached_property
    def issuer_printed(self) -> dict[str, tuple[str, bool]]:
        """Folded issuer spelling -> (printed suffix, central?)."""
        return {fold(s): (i.printed, i.central) for i in self.data.issuers for s in i.spellings}

    @cached_property
    def anniversary_first_words(self) -> tuple[str, ...]:
        """The folded first word of every anniversary's words: where an `anniversary_after` match begins."""
        return tuple(sorted({fold(w).split()[0] for a in self.data.anniversaries for w in a.words}))

    @cached_property
    def suffix_of_body(self) -> dict[str, str]:
        """Folded central body ("bo chinh tri") -> its documents' suffix ("TW")."""
        return {fold(b): i.printed for i in self.data.issuers if i.central for b in i.bodies}

    @cached_property
    def type_code(self) -> dict[str, str]:
        """Document type -> the code a bare number is read with ('Chỉ thị' -> 'CT')."""
        return {t.name: t.codes[0] for t in self.data.document_types if t.codes}

    @cached_property
    def type_en(self) -> dict[str, str]:
        return {t.name: t.en for t in self.data.document_types}

    @cached_property
    def registry_types(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.data.document_types if t.registry)

    @cached_property
    def term_number(self) -> dict[str, int]:
        return {t.roman: t.number for t in self.data.terms}

    @cached_property
    def term_start(self) -> dict[str, int]:
        return {t.roman: t.start for t in self.data.terms}

    @cached_property
    def anniversary_year(self) -> dict[str, int]:
        """Folded event words -> the year of the event ('thuc hien di chuc' -> 1969)."""
        return {" ".join(fold(w).split()): a.year for a in self.data.anniversaries for w in a.words}

    def count_value(self, text: str) -> int | None:
        """'5' -> 5, 'bon' -> 4, 'muoi lam' -> 15 (folded digits or number words)."""
        text = " ".join(text.split())
        return int(text) if text.isdigit() else self.number_value.get(text)

    @cached_property
    def number_value(self) -> dict[str, int]:
        """Folded number word -> its value ('bon' -> 4, 'muoi lam' -> 15)."""
        return {fold(word): value for word, value in self.data.numbers.items()}

    @cached_property
    def ordinal_value(self) -> dict[str, int]:
        return {fold(word): value for word, value in self.data.ordinals.items()}

    def roman_term(self, text: str) -> str | None:
        """'XI' -> 'XI', '11' -> 'XI', 'xii' -> 'XII'; None for a term the vocabulary does not know."""
        text = text.strip().upper()
        if text in self.term_number:
            return text
        if text.isdigit():
            return next((t.roman for t in self.data.terms if t.number == int(text)), None)
        return None

    def term_for_year(self, year: int) -> str | None:
        """The Party Congress term in force in a year (terms start in January of a Congress year)."""
        current = None
        for term in self.data.terms:
            if year >= term.start:
                current = term.roman
        return current

    def word_list(self, name: str) -> tuple[str, ...]:
        """A list by its name in vocabulary.yaml ('times_of_day', 'context.review'), as printed."""
        if name.startswith("context."):
            value = getattr(self.data.context, name.removeprefix("context."), None)
        else:
            value = getattr(self.data, name, None) if name in ("times_of_day", "weekdays", "month_parts", "stamp_words") else None
        if value is None:
            raise KeyError(name)
        return tuple(value)


def parse_vocabulary(data: object, source: str = SOURCE) -> Vocabulary:
    try:
        return Vocabulary(VocabularyFile.model_validate(data))
    except ValidationError as exc:
        raise DataFileError.from_validation(source, "vocabulary", exc) from None


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    return parse_vocabulary(load_yaml(SOURCE))
