"""Vietnamese text normalisation: one canonical display form, one folded form for matching.

Display text keeps what the author wrote (NFC, Ð fixed to Đ). Matching uses `fold`, which
removes tones and the đ stroke, so "Tỉnh uỷ", "Tỉnh ủy" and "tinh uy" compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Latin capital ETH (U+00D0) is used for Đ (U+0110) by some sites; NFC does not map it (see normalize_display).
# Spaces that scraped pages carry: NBSP, narrow NBSP, figure space, zero-width, BOM.
_ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_STROKES = {"đ": "d", "Đ": "D", "\u00d0": "D", "\u00f0": "d"}  # no Unicode decomposition removes these
_FOLD_STROKE = str.maketrans(_STROKES)


def normalize_display(text: str) -> str:
    """NFC, look-alike letters fixed, odd spaces made plain; the author's spelling is kept."""
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    for mark in _ZERO_WIDTH:  # a C-speed scan each: faster than a regex over the whole report
        text = text.replace(mark, "")
    for space in _ODD_SPACES:
        text = text.replace(space, " ")
    return text


_COMBINING = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """The form for matching: `fold_cased`, lower case ('Tỉnh uỷ Đảng' -> 'tinh uy dang').
    A report's whole text is folded once, into `analysis.AnalysedText`."""
    return fold_cased(text).lower()


# Strokes and non-ASCII punctuation fold to ASCII, so that the fast path below keeps one character
# per character.
_TO_ASCII = {**_STROKES, "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "−": "-", "…": ".",
             "«": '"', "»": '"', "•": "*", "·": ".", "\u00a0": " "}


def fold_cased(text: str) -> str:
    """Tone-less, stroke-less, case kept: 'Tỉnh uỷ Đảng' -> 'Tinh uy Dang'.

    For NFC text one character comes out per character in (punctuation too: “ → "), so spans in
    the folded text line up with the display text. Fast path: NFD, then drop the marks with an
    ASCII encode (C speed); any other script falls back to dropping combining marks one by one.
    """
    if text.isascii():
        return text
    for mark, plain in _TO_ASCII.items():  # a C-speed scan each: faster than one regex with a callback
        text = text.replace(mark, plain)
    decomposed = unicodedata.normalize("NFD", text)
    fast = decomposed.encode("ascii", "ignore").decode("ascii")
    if len(fast) == len(text):
        return fast
    return _COMBINING.sub("", decomposed)


def fold_keep_length(text: str) -> str:
    """`fold` for NFC text, guaranteed to keep one output character per input character."""
    return _one_per_character(text, fold(text), fold)


def fold_cased_keep_length(text: str) -> str:
    """`fold_cased` for NFC text, guaranteed to keep one output character per input character."""
    return _one_per_character(text, fold_cased(text), fold_cased)


def _one_per_character(text: str, folded: str, fold_one: Callable[[str], str]) -> str:
    """`folded` if it lines up with `text`; for exotic input, each character folded on its own."""
    if len(folded) == len(text):
        return folded
    return "".join(fold_one(ch)[:1] or " " for ch in text)


def compact_key(text: str) -> str:
    """Folded, letters and digits only: 'Hà Nam' -> 'hanam', 'TP. Hồ Chí Minh' -> 'tphochiminh'."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def slugify(text: str) -> str:
    """ASCII slug for URLs: 'Hưng Yên' -> 'hung-yen', '03-KH/TW (XI)' -> '03-kh-tw-xi'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def ascii_name(text: str) -> str:
    """Usual English spelling of a Vietnamese name: diacritics dropped, case kept ('Hưng Yên' -> 'Hung Yen')."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_STROKE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
