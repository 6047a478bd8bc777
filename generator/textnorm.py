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


# Characters no output may carry (XML 1.0 forbids most C0 controls, an ESC or a bidi override
# can disguise text in a terminal or a browser). Line-breaking ones become new lines: Word's
# vertical tab is its manual line break, form feed a page break.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n", "\r": "\n"}
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# C0 and C1 controls but newline, DEL, line/paragraph separators, Unicode noncharacters and bidi
# embeddings, overrides, isolates and marks. Tab is included: it becomes a space. A terminal
# escape sequence ("\x1b[31m", "\x1b]8;;…\x07") goes whole, not just its ESC.
_UNSAFE_CHARS = f"\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff{_BIDI_CONTROLS}"
_ANY_UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")  # one class: a fast scan of the (usual) clean text
_UNSAFE = re.compile(f"\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|\r\n|[{_UNSAFE_CHARS}]")


# What the display repairs change, for a reader that looks for them in one pass (reading.py):
# the body of a character class of the controls, and the look-alike characters.
CONTROL_CLASS = _UNSAFE_CHARS
LOOK_ALIKE_CHARS = _ODD_SPACES + _ZERO_WIDTH + "\u00d0\u00f0"


def is_bidi_control(char: str) -> bool:
    return char in _BIDI_CONTROLS


def replace_controls(text: str) -> tuple[str, dict[str, int]]:
    """Control characters out: line-breaking controls become a new line (CRLF one), tab a
    space, every other C0/C1 control, noncharacter and bidi control is removed. Returns the
    text and how many of each character were replaced ('\r\n' counts as '\r')."""
    if text.replace("\n", " ").isprintable() or not _ANY_UNSAFE.search(text):  # the first is 2x faster
        return text, {}
    counts: dict[str, int] = {}

    def replace(match: re.Match[str]) -> str:
        char = match.group()[0]
        counts[char] = counts.get(char, 0) + 1
        if char == "\t":
            return " "
        return _LINE_BREAKS.get(char, "")

    return _UNSAFE.sub(replace, text), counts


_LOOK_ALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111", **dict.fromkeys(_ZERO_WIDTH, ""), **dict.fromkeys(_ODD_SPACES, " ")}


def replace_look_alikes(text: str, present: str | None = None) -> str:
    """Ð/ð (Latin ETH, used for Đ/đ by some sites) fixed, zero-width marks removed, odd spaces
    plain. `present`: the look-alikes known to be in the text (only those are replaced)."""
    for char in _LOOK_ALIKES if present is None else present:
        if char in _LOOK_ALIKES:
            text = text.replace(char, _LOOK_ALIKES[char])  # a C-speed scan each: faster than a regex
    return text


def normalize_display(text: str) -> str:
    """NFC, look-alike letters fixed, odd spaces made plain, control characters replaced
    (`replace_controls`); the author's spelling is kept."""
    text = replace_look_alikes(unicodedata.normalize("NFC", text))
    return replace_controls(text)[0]  # last: with odd spaces gone, clean text passes the fast check


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


def name_case(name: str) -> str:
    """A name printed in capitals, as bylines often are, in the case it is written in ("THANH MAI"
    -> "Thanh Mai", "NGUYỄN VĂN ĐỨC" -> "Nguyễn Văn Đức"); any other name as printed."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return name
    return _NAME_PART.sub(lambda m: m.group(1) + m.group(2).upper(), name.lower())


_NAME_PART = re.compile(r"(^|[\s\-'’])(\w)")  # the first letter of a word or of a part after - or ' ("H'Hen")
