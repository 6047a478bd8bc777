"""TCVN3, VNI and Windows-1258: choosing the encoding by how the text reads, converting line by line."""

import legacy_text
import pytest
from legacy_text import REPORT

from generator.legacy_encodings import (
    UnknownLegacyEncoding,
    choose_encoding,
    cp1252_surface,
    decode_legacy_bytes,
    repair_legacy_mojibake,
    restore_capitals,
)


@pytest.mark.parametrize("encode, name", [(legacy_text.tcvn3, "TCVN3 (ABC)"), (legacy_text.vni, "VNI"),
                                          (legacy_text.windows_1258, "Windows-1258")])
def test_each_encoding_wins_on_its_own_text_only(encode, name):
    verdict = choose_encoding(cp1252_surface(encode(REPORT)).split("\n"))
    assert verdict.encoding is not None and verdict.encoding.name == name
    assert "\n".join(verdict.converted) == REPORT


def test_vni_breve_with_hook_is_converted():
    text = "Ban Thường vụ khẳng định các chi bộ đã nắm chắc tình hình, bám sát cơ sở và giữ vững kỷ cương."
    assert decode_legacy_bytes(legacy_text.vni(text)).text == text


def test_too_short_a_text_is_not_guessed():
    with pytest.raises(UnknownLegacyEncoding):
        decode_legacy_bytes(legacy_text.tcvn3("Tỉnh ủy Quảng Ngãi"))


def test_unicode_text_is_left_alone():
    assert repair_legacy_mojibake(REPORT).encoding is None
    assert repair_legacy_mojibake("© 2022 Báo Quảng Ngãi · Giấy phép số 12/GP-BTTTT").text == "© 2022 Báo Quảng Ngãi · Giấy phép số 12/GP-BTTTT"


def test_a_unicode_footer_is_not_converted_with_the_legacy_body():
    body = legacy_text.read_as_cp1252(legacy_text.tcvn3(REPORT))
    repair = repair_legacy_mojibake(body + "\n© 2022 Báo Hà Nam")
    assert repair.text == REPORT + "\n© 2022 Báo Hà Nam"


@pytest.mark.parametrize("converted, expected", [
    ("BAN THƯờNG Vụ TỉNH ủY", "BAN THƯỜNG VỤ TỈNH ỦY"),
    ("Hội nghị BAN THƯờNG Vụ", "Hội nghị BAN THƯỜNG Vụ"),  # one ASCII capital says nothing
    ("Tỉnh ủy Quảng Ngãi", "Tỉnh ủy Quảng Ngãi"),
    ("Chỉ thị 05-CT/TW", "Chỉ thị 05-CT/TW"),
])
def test_tcvn3_capitals_are_restored_only_where_the_typist_typed_capitals(converted, expected):
    assert restore_capitals(converted) == expected
