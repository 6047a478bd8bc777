"""Telling UTF-8, UTF-16 and UTF-32 apart, with or without a byte-order mark."""

import codecs

import pytest
from legacy_text import REPORT

from generator.encodings import NotUnicode, decode_unicode, sniff_wide_encoding


@pytest.mark.parametrize("codec, name", [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
                                         ("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE")])
def test_zero_bytes_tell_the_wide_encodings(codec, name):
    assert sniff_wide_encoding(REPORT.encode(codec)) == (codec, name)
    assert decode_unicode(REPORT.encode(codec)).encoding == name


@pytest.mark.parametrize("bom, codec, name", [(codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
                                              (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
                                              (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE")])
def test_byte_order_mark_names_the_encoding_and_is_removed(bom, codec, name):
    decoded = decode_unicode(bom + REPORT.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.bom) == (REPORT, name, True)


def test_utf8_has_no_zero_byte_pattern():
    assert sniff_wide_encoding(REPORT.encode("utf-8")) is None
    assert sniff_wide_encoding(REPORT.encode("utf-8") + b"\x00\x00") is None  # a stray NUL or two is a control


def test_utf16_cut_in_half_a_character_is_not_valid():
    with pytest.raises(NotUnicode, match="not valid UTF-16 LE"):
        decode_unicode(codecs.BOM_UTF16_LE + "Tỉnh ủy".encode("utf-16-le") + b"\x00")


def test_invalid_utf8_says_where():
    with pytest.raises(NotUnicode) as err:
        decode_unicode(b"T\xd8nh")
    assert err.value.reason.startswith("not valid UTF-8 (byte 1") and err.value.offset == 1
