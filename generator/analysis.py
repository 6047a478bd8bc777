"""A report's text as the extractors read it: title and body, in its three forms, computed once.

`display` is the text as printed; `folded` is tone-less, stroke-less and lower case ("Tỉnh uỷ"
→ "tinh uy"); `cased` keeps the case ("Hòa Bình" → "Hoa Binh", so that a proper name can be told
from the common word "hòa bình"). All three have the same length, so a match in a folded form
is a span of the display text.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import CleanedText
from generator.textnorm import fold_cased_keep_length, fold_keep_length

TITLE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class AnalysedText:
    display: str
    folded: str
    cased: str
    title_end: int  # the title is display[:title_end] ("" when the report has none)
    body_start: int
    lead_end: int  # the lead (first body block) is display[body_start:lead_end]

    @classmethod
    def of(cls, cleaned: CleanedText) -> "AnalysedText":
        """A cleaned report: its title line, a blank line, its body."""
        title = cleaned.title_line or ""
        lead = cleaned.blocks[0].text if cleaned.blocks else ""
        body_start = len(title) + len(TITLE_SEPARATOR)
        return cls.fold(f"{title}{TITLE_SEPARATOR}{cleaned.body}", len(title), body_start, body_start + len(lead))

    @classmethod
    def plain(cls, text: str) -> "AnalysedText":
        """A text with no title, all of it lead (a sentence in a test, a translation segment)."""
        return cls.fold(text, 0, 0, len(text))

    @classmethod
    def fold(cls, display: str, title_end: int, body_start: int, lead_end: int) -> "AnalysedText":
        cased = fold_cased_keep_length(display)
        # `fold` is `fold_cased` lower-cased; on ASCII output that keeps the length.
        folded = cased.lower() if cased.isascii() else fold_keep_length(display)
        return cls(display, folded, cased, title_end, body_start, lead_end)

    @property
    def body(self) -> str:
        return self.display[self.body_start :]

    @property
    def folded_body(self) -> str:
        return self.folded[self.body_start :]

    @property
    def lead(self) -> str:
        return self.display[self.body_start : self.lead_end]

    @property
    def folded_lead(self) -> str:
        return self.folded[self.body_start : self.lead_end]
