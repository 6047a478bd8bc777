"""Vietnamese text in a pre-Unicode encoding: TCVN3 (ABC, the ".Vn" fonts), VNI and Windows-1258.

It reaches us two ways:
- as raw bytes, a file never converted (not valid UTF-8): `decode_legacy_bytes`;
- as mojibake, those bytes read as cp1252/Latin-1 and saved again as UTF-8, so that the text is
  valid Unicode but reads "TØnh ñy" (TCVN3), "Tænh uûy" (VNI), "TiÒnh uÒy" (Windows-1258):
  `repair_legacy_mojibake`.

Each encoding is tried on the suspect lines and the readings are compared by how many words
come out as Vietnamese syllables (`generator.syllables`). A conversion is made only when one
encoding clearly wins on enough words; otherwise the text is refused (raw bytes) or flagged.
TCVN3 and VNI tables are viparse's (`viparse.fix(text, encoding=…)`, MIT, pinned in
pyproject.toml); Windows-1258 is Python's codec.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from generator.syllables import Reading, read_words

MIN_WORDS = 12  # fewer words than this cannot tell one reading from another ("Tỉnh ủy" alone)
ACCEPT_RATE = 0.80  # the winning reading: at least this share of Vietnamese syllables …
MARGIN = 0.15  # … this much better than the text as it stands …
SEPARATION = 0.10  # … and this much better than the next encoding
SUSPECT_RATE = 0.5  # a reading this good is worth naming when the text is not converted

# Letters of Unicode Vietnamese outside Latin-1 (and the combining marks of NFD text): a line
# holding one is already Unicode, whatever else it holds.
_VIETNAMESE_ONLY = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9\u0300-\u036f]")
# Latin-1 letters and signs that Unicode Vietnamese never uses but the legacy tables do
# ("©" is â in TCVN3, "ñ" đ in VNI, "Ò" a tone mark in Windows-1258), and the minus sign a
# PDF puts for TCVN3's ư. Vietnamese's own à á â ã è é ê ì í ò ó ô õ ù ú ý are not signs of anything.
_SHARED = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
LEGACY_SIGN_CHARS = "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _SHARED) + "\u2212\u2219"
_LEGACY_SIGN = re.compile(f"[{LEGACY_SIGN_CHARS}]")
_LATIN1_LETTER = re.compile(f"[{_SHARED}]")
_WORD = re.compile(r"[^\W\d_]+")

# cp1252 gives printable characters to most of 0x80–0x9F; the five bytes it leaves undefined
# keep their Latin-1 (C1) code point, so every byte has a character and back.
_CP1252_SPECIALS = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_FROM_CP1252 = {ord(ch): b for b, ch in _CP1252_SPECIALS.items()}


def cp1252_surface(data: bytes) -> str:
    """Bytes as a cp1252 reader shows them: the form in which legacy text turns up as mojibake."""
    return data.decode("latin-1").translate(_CP1252_SPECIALS)


def _surface_bytes(text: str) -> bytes | None:
    try:
        return text.translate(_FROM_CP1252).encode("latin-1")
    except UnicodeEncodeError:
        return None


@dataclass(frozen=True)
class LegacyEncoding:
    """A legacy encoding as a conversion of the cp1252 surface to Unicode (None: impossible)."""

    name: str  # as an editor knows it
    convert_line: Callable[[str], str | None]
    lower_case_only: bool = False  # TCVN3 has no accented capitals: ".VnTimeH" drew them


def _tcvn3(line: str) -> str:
    import viparse  # imported when a legacy text turns up: it costs 0.15 s, and most runs never need it

    return viparse.fix(line, encoding="tcvn3")


def _vni(line: str) -> str:
    import viparse

    # viparse 0.1.31 leaves ẳ (VNI "aú": breve + hook, beside "aè" ằ and "aü" ẵ) unconverted.
    return viparse.fix(line.replace("aú", "ẳ").replace("AÚ", "Ẳ"), encoding="vni")


def _windows_1258(line: str) -> str | None:
    data = _surface_bytes(line)
    if data is None:
        return None
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


ENCODINGS: tuple[LegacyEncoding, ...] = (
    LegacyEncoding("TCVN3 (ABC)", _tcvn3, lower_case_only=True),
    LegacyEncoding("VNI", _vni),
    LegacyEncoding("Windows-1258", _windows_1258),
)


@dataclass(frozen=True)
class Verdict:
    """What the suspect lines are: `encoding` converts them (`converted`, line by line), or
    `guess` is the best but unsure reading (None when nothing reads as Vietnamese)."""

    encoding: LegacyEncoding | None
    converted: tuple[str, ...] = ()
    guess: LegacyEncoding | None = None
    words: int = 0


def _convert_lines(encoding: LegacyEncoding, lines: list[str]) -> tuple[str, ...] | None:
    out: list[str] = []
    for line in lines:
        body, end = (line[:-1], "\r") if line.endswith("\r") else (line, "")
        converted = encoding.convert_line(body)
        if converted is None:
            return None
        out.append(converted + end)
    return tuple(out)


def choose_encoding(lines: list[str]) -> Verdict:
    """The one encoding that reads `lines` (cp1252 surface) as Vietnamese, if there is one."""
    original = read_words("\n".join(lines))
    readings: list[tuple[float, LegacyEncoding, tuple[str, ...], Reading]] = []
    for encoding in ENCODINGS:
        converted = _convert_lines(encoding, lines)
        if converted is not None:
            reading = read_words("\n".join(converted))
            readings.append((reading.rate, encoding, converted, reading))
    readings.sort(key=lambda r: r[0], reverse=True)
    if not readings:
        return Verdict(None, words=original.words)
    rate, best, converted, reading = readings[0]
    runner_up = readings[1][0] if len(readings) > 1 else 0.0
    if reading.words < MIN_WORDS or rate < SUSPECT_RATE:
        return Verdict(None, words=reading.words)
    if rate >= ACCEPT_RATE and rate - original.rate >= MARGIN and rate - runner_up >= SEPARATION:
        return Verdict(best, converted, words=reading.words)
    return Verdict(None, guess=best, words=reading.words)


def restore_capitals(line: str) -> str:
    """TCVN3 capitals typed as upper-case ASCII with the lower-case accented bytes: "BAN
    THƯờNG Vụ" -> "BAN THƯỜNG VỤ" when the line's letters are all capitals, else word by word
    ("THƯờNG" -> "THƯỜNG", a word with two ASCII capitals and no small ASCII letter)."""
    ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
    if len(ascii_letters) >= 3 and all(c.isupper() for c in ascii_letters):
        return line.upper()
    return _WORD.sub(lambda m: m.group().upper() if _is_capitals_word(m.group()) else m.group(), line)


def _is_capitals_word(word: str) -> bool:
    ascii_letters = [c for c in word if c.isascii()]
    return len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters) and not word.isupper()


@dataclass(frozen=True)
class Repair:
    """Legacy text found in a text: converted (`encoding`, `lines` changed, `capitals`
    restored) or only suspected (`guess`, `sample`)."""

    text: str
    encoding: str | None = None
    lines: int = 0
    capitals: int = 0
    guess: str | None = None
    sample: str = ""


def _apply(lines: list[str], suspects: list[int], verdict: Verdict, *, guarded: bool = True) -> Repair:
    assert verdict.encoding is not None
    out = list(lines)
    changed = capitals = 0
    for index, converted in zip(suspects, verdict.converted):
        if verdict.encoding.lower_case_only:
            recased = restore_capitals(converted)
            capitals += recased != converted
            converted = recased
        if guarded and _misreads(lines[index], converted):
            continue
        changed += converted != lines[index]
        out[index] = converted
    return Repair("\n".join(out), verdict.encoding.name, changed, capitals)


def _misreads(original: str, converted: str) -> bool:
    """A line the conversion makes worse: fewer syllables (a Unicode footer "© 2020 Báo Hà Nam"
    in a TCVN3 text would become "â 2020 Bỏo Hà Nam")."""
    return read_words(converted).syllables < read_words(original).syllables


def repair_legacy_mojibake(text: str) -> Repair:
    """Convert the lines of `text` that are legacy Vietnamese read as cp1252/Latin-1.

    A line is suspect when it carries a legacy sign and no letter of Unicode Vietnamese; when
    most lines with accents are suspect, the text is legacy throughout and its lines with only
    Vietnamese's Latin-1 letters ("cã mét" is TCVN3 for "có một") are converted too.
    """
    if not _LEGACY_SIGN.search(text):
        return Repair(text)
    lines = text.split("\n")
    signed = [i for i, line in enumerate(lines) if _LEGACY_SIGN.search(line) and not _VIETNAMESE_ONLY.search(line)]
    if not signed:
        return Repair(text)
    accented = [i for i, line in enumerate(lines) if _LATIN1_LETTER.search(line) or _VIETNAMESE_ONLY.search(line)]
    suspects = signed
    if len(signed) * 2 >= len(set(signed) | set(accented)):
        suspects = sorted(set(signed) | {i for i in accented if not _VIETNAMESE_ONLY.search(lines[i])})
    verdict = choose_encoding([lines[i] for i in suspects])
    if verdict.encoding is not None:
        return _apply(lines, suspects, verdict)
    if verdict.guess is not None:
        return Repair(text, guess=verdict.guess.name, sample=lines[signed[0]].strip()[:80])
    return Repair(text)


class UnknownLegacyEncoding(Exception):
    """Bytes that are not UTF-8 and that no legacy encoding reads clearly; `guess` names the
    best reading when there is one."""

    def __init__(self, guess: str | None, words: int):
        self.guess = guess
        self.words = words
        super().__init__(guess or "unknown")


def decode_legacy_bytes(data: bytes) -> Repair:
    """Bytes that are not UTF-8, read as the one legacy encoding they clearly are."""
    lines = cp1252_surface(data).split("\n")
    verdict = choose_encoding(lines)
    if verdict.encoding is None:
        raise UnknownLegacyEncoding(verdict.guess.name if verdict.guess else None, verdict.words)
    return _apply(lines, list(range(len(lines))), verdict, guarded=False)
