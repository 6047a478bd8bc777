"""VIQR (RFC 1456): Vietnamese in ASCII, each mark typed after its vowel: "Tie^'ng Vie^.t",
"Ho^` Chi' Minh", "ddoa^`n" (đoàn). Shapes: ^ circumflex, ( breve, + horn; tones: ' acute,
` grave, ? hook, ~ tilde, . dot below; "dd" is đ; a backslash keeps a mark literal ("\\.").

"?" and "." are also punctuation. A text that escapes them where they are punctuation
("mo+'i\\.", as RFC 1456 asks) has every other one after a vowel as a tone. Otherwise they
are read as tones when a letter follows ("Vie^.t"), when a lower-case word follows ("ca?
nu+o+'c"), or when punctuation follows ("bo^.,", "tri.."); at the end of a line or before a
capital ("tri. Ho^m", "Bo^. Chi'nh") the text decides: "Bo^." is a tone if the text writes
"bo^." (before a small letter) more often than a plain "bo^"; when it does neither, the mark
is kept as punctuation and counted, so that an editor can check.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from generator.syllables import read_words

_SHAPES = {"^": "\u0302", "(": "\u0306", "+": "\u031b"}
_SHAPED = {("a", "^"), ("e", "^"), ("o", "^"), ("a", "("), ("o", "+"), ("u", "+")}
_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
# A vowel, its shape mark if any, its tone mark if any (at least one of them), the next character.
_MARKED_VOWEL = re.compile(r"([aeiouyAEIOUY])([\^(+])?(['`?~.])?(?=(.?))", re.DOTALL)
_DD = re.compile(r"\b(?:dd|Dd)(?=[aeiouyAEIOUY])|DD")  # capitals anywhere: "QDDi/TW", "BBNDDT"
_ESCAPED = re.compile(r"\\([\^(+'`?~.])")
# Addresses keep their dots and question marks ("www.hanoi.gov.vn", "index.php?id=3").
_ADDRESS = re.compile(r"\S*(?:://|www\.)\S*|[\w.+-]+@[\w.-]+|\b[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|gov|edu)\b")
_SHAPE_SIGN = re.compile(r"[aeoAEO]\^|[aA]\(|[ouOU]\+")
_MARKED_WORD = re.compile(r"\b[A-Za-z]*[aeiouyAEIOUY][\^(+]?['`?~.]?[A-Za-z]*")
_CLOSING = ",;:!)]\"'”»"
_VOWELS_AND_SHAPES = "aeiouyAEIOUY^(+"
_VIETNAMESE_LETTER = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")

MIN_SHAPES = 3  # "e^", "o+", "a(" hardly occur in any other text
MIN_SHARE = 0.15  # of the words carrying a VIQR mark
ACCEPT_RATE = 0.80  # the converted text must read as Vietnamese


@dataclass(frozen=True)
class ViqrText:
    text: str
    uncertain: int = 0  # "?" and "." kept as punctuation that may have been tones
    samples: tuple[str, ...] = ()
    reads_as_vietnamese: bool = True  # False: looked like VIQR, but converting did not give Vietnamese


def looks_like_viqr(text: str) -> bool:
    """Many words with VIQR marks, shape marks among them, and (almost) no Unicode Vietnamese."""
    if text.count("^") + text.count("+") < MIN_SHAPES:  # a C-speed look first: Vietnamese needs ^ or + often
        return False
    shapes = len(_SHAPE_SIGN.findall(text))
    if shapes < MIN_SHAPES:
        return False
    words = text.split()
    marked = sum(1 for w in words if _SHAPE_SIGN.search(w) or re.search(r"[aeiouyAEIOUY]['`?~.][a-z]", w))
    return marked >= MIN_SHARE * len(words) and len(_VIETNAMESE_LETTER.findall(text)) * 10 < marked


@dataclass(frozen=True)
class WordEndings:
    """How the text itself ends its words where that is certain: `toned` counts ("bo^", ".") seen
    with the tone (before a small letter or a comma), `plain` the words seen with no tone mark."""

    toned: Counter[tuple[str, str]]
    plain: Counter[str]

    def decide(self, word: str, mark: str) -> bool | None:
        """A tone (True), punctuation (False), or no way to tell (None), by what the text does elsewhere."""
        toned, plain = self.toned[(word, mark)], self.plain[word]
        return None if toned == plain else toned > plain


def word_endings(text: str) -> WordEndings:
    toned: Counter[tuple[str, str]] = Counter()
    plain: Counter[str] = Counter()
    tokens = text.split()
    for token, following in zip(tokens, [*tokens[1:], ""]):
        core = token.rstrip(_CLOSING)
        if not core or not (core != token or following[:1].islower() or following[:1].isdigit()):
            continue
        if core[-1] in ".?" and len(core) > 1 and core[-2] in _VOWELS_AND_SHAPES:
            toned[(core[:-1].lower(), core[-1])] += 1
        elif core[-1] in _VOWELS_AND_SHAPES:
            plain[core.lower()] += 1
    return WordEndings(toned, plain)


def _tone_is_meant(mark: str, following: str, rest: str, escapes: bool) -> bool | None:
    """Whether a tone mark after a vowel is a tone (True) or cannot be told (None)."""
    if escapes or following.isalpha() or mark in "'`~":
        return True
    if following and following in _CLOSING + ".?":
        return True
    if following == " " and (rest[:1].islower() or rest[:1].isdigit()):  # "thi. 05", "ca? nu+o+'c"
        return True
    return None


def convert_viqr(text: str) -> ViqrText:
    """VIQR -> NFC Unicode; addresses are left as they are."""
    pieces: list[str] = []
    uncertain: list[str] = []
    escapes = "\\." in text or "\\?" in text
    endings = word_endings(text)
    position = 0
    for address in _ADDRESS.finditer(text):
        pieces.append(_convert_span(text[position : address.start()], uncertain, escapes, endings))
        pieces.append(address.group())
        position = address.end()
    pieces.append(_convert_span(text[position:], uncertain, escapes, endings))
    converted = unicodedata.normalize("NFC", "".join(pieces))
    return ViqrText(converted, len(uncertain), tuple(dict.fromkeys(uncertain))[:3])


def _convert_span(text: str, uncertain: list[str], escapes: bool, endings: WordEndings) -> str:
    def vowel(match: re.Match[str]) -> str:
        letter, shape, tone, following = match.group(1), match.group(2) or "", match.group(3) or "", match.group(4)
        out = letter
        if shape:
            if (letter.lower(), shape) in _SHAPED:
                out += _SHAPES[shape]
            else:
                out += shape
        if tone:
            rest = match.string[match.end() + 1 : match.end() + 2]
            meant = _tone_is_meant(tone, following, rest, escapes)
            start = max(match.string.rfind(space, 0, match.start()) for space in " \n") + 1
            if meant is None:
                meant = endings.decide(match.string[start : match.start(3)].lower().replace("đ", "dd"), tone)
            if meant:
                out += _TONES[tone]
            else:
                out += tone
                if meant is None:
                    uncertain.append(match.string[start : match.end()])
        return out

    text = _DD.sub(lambda m: "Đ" if m.group()[0] == "D" else "đ", text)
    text = _MARKED_VOWEL.sub(vowel, text)
    return _ESCAPED.sub(r"\1", text)


def repair_viqr(text: str) -> ViqrText | None:
    """The text converted from VIQR; None when it is not VIQR. When the conversion does not read
    as Vietnamese the text comes back unchanged, `reads_as_vietnamese` False."""
    if not looks_like_viqr(text):
        return None
    converted = convert_viqr(text)
    if read_words(converted.text).rate < ACCEPT_RATE:
        return ViqrText(text, reads_as_vietnamese=False)
    return converted
