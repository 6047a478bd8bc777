"""Which Unicode encoding a raw file is in: UTF-8 (with or without its byte-order mark), or
UTF-16 / UTF-32, little- or big-endian, with a byte-order mark or without one.

Without a mark, UTF-16 and UTF-32 are told by their zero bytes: Vietnamese is mostly ASCII
letters and spaces, whose high byte is zero, and the letters with tones are U+00C0–U+01B0 and
U+1EA0–U+1EF9, whose high byte is 0x00, 0x01 or 0x1E. So in UTF-16 LE most bytes at odd
offsets are zero and hardly any at even offsets (BE the other way round); in UTF-32 LE the
two top bytes of every unit are zero (BE the two first). UTF-8 text never holds a zero byte
except the NUL control itself.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)
HIGH_ZEROS = 0.3  # share of zero bytes in the high half of UTF-16 units: ASCII-heavy text has far more
LOW_ZEROS = 5  # … times the share in the low half (U+xx00: the grave tone U+0300 of NFD text)


@dataclass(frozen=True)
class UnicodeDecoding:
    """The text, the encoding as an editor knows it ("UTF-16 LE"), and how it was recognised."""

    text: str
    encoding: str
    bom: bool


class NotUnicode(Exception):
    """The bytes are in none of the Unicode encodings; `reason` says what was seen."""

    def __init__(self, reason: str, offset: int | None = None):
        self.reason = reason
        self.offset = offset
        super().__init__(reason)


def sniff_wide_encoding(data: bytes) -> tuple[str, str] | None:
    """('utf-16-le', 'UTF-16 LE') etc. for UTF-16/32 without a byte-order mark, from where its
    zero bytes are; None when the bytes do not have that pattern."""
    if data.count(0) < max(2, len(data) // 8):
        return None
    if len(data) % 4 == 0:
        units = len(data) // 4
        if data[3::4].count(0) == units and all(b <= 0x10 for b in data[2::4]):
            return "utf-32-le", "UTF-32 LE"
        if data[0::4].count(0) == units and all(b <= 0x10 for b in data[1::4]):
            return "utf-32-be", "UTF-32 BE"
    if len(data) % 2 == 0:
        half = len(data) // 2
        even, odd = data[0::2].count(0) / half, data[1::2].count(0) / half
        if odd >= HIGH_ZEROS and even * LOW_ZEROS <= odd:
            return "utf-16-le", "UTF-16 LE"
        if even >= HIGH_ZEROS and odd * LOW_ZEROS <= even:
            return "utf-16-be", "UTF-16 BE"
    return None


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise NotUnicode(f"not valid {name} (byte {exc.start}: {data[exc.start:exc.start + 4]!r})", exc.start) from None


def decode_unicode(data: bytes) -> UnicodeDecoding:
    """Bytes -> text in whichever Unicode encoding they are; NotUnicode otherwise."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return UnicodeDecoding(_decode(data[len(bom):], codec, name), name, True)
    wide = sniff_wide_encoding(data)
    if wide is not None:
        return UnicodeDecoding(_decode(data, *wide), wide[1], False)
    return UnicodeDecoding(_decode(data, "utf-8", "UTF-8"), "UTF-8", False)
