"""The glossary (data/glossary.yaml): which terms a Vietnamese text contains, and their English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict

from generator.datafiles import DataFileError, validated
from generator.textnorm import fold


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    vi: str
    en: str
    case: str = "any"  # "exact": match only as written (capitalised document types)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    @cached_property
    def _english(self) -> dict[str, str]:
        english: dict[str, str] = {}
        for term in self.terms:
            english.setdefault(fold(term.vi), term.en)
        return english

    @cached_property
    def _longest_first(self) -> tuple[tuple[Term, str, re.Pattern[str]], ...]:
        """Each term with its folded form and pattern, made once (a build checks every segment)."""
        terms = sorted(self.terms, key=lambda t: -len(t.vi))
        return tuple((t, key, re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")) for t in terms for key in [fold(t.vi)])

    def english(self, vi: str) -> str | None:
        return self._english.get(fold(vi))

    def terms_in(self, text: str) -> list[Term]:
        """Terms present in the text, longest first; a term inside a longer match does not count."""
        folded = fold(text)
        taken: list[tuple[int, int]] = []
        found: list[Term] = []
        for term, key, pattern in self._longest_first:
            if key not in folded:  # most terms are in no given segment: a substring test first
                continue
            for match in pattern.finditer(folded):
                if term.case == "exact" and text[match.start() : match.end()] != term.vi:
                    continue
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                taken.append((match.start(), match.end()))
                if term not in found:
                    found.append(term)
        return found


class GlossaryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    terms: tuple[Term, ...]


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    terms = validated("glossary.yaml", GlossaryFile).terms
    keys = [fold(t.vi) for t in terms]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise DataFileError("glossary.yaml", f"a term may have only one English rendering: {', '.join(duplicates)}")
    return Glossary(terms)
