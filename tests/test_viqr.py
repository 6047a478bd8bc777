"""VIQR: ASCII marks after the vowel."""

import pytest

from generator.viqr import convert_viqr, looks_like_viqr, repair_viqr


@pytest.mark.parametrize("viqr, unicode", [
    ("Tie^'ng Vie^.t", "Tiếng Việt"),
    ("Ho^` Chi' Minh", "Hồ Chí Minh"),
    ("DDa?ng ddoa`n ke^'t", "Đảng đoàn kết"),
    ("ngu+o+`i", "người"),
    ("hoa(.c", "hoặc"),
    ("ca? nu+o+'c, bo^., tri..", "cả nước, bộ, trị."),
    ("Vie^.t Nam\\.", "Việt Nam."),
])
def test_marks_become_letters(viqr, unicode):
    assert convert_viqr(viqr).text == unicode


def test_addresses_keep_their_dots_and_question_marks():
    assert convert_viqr("Xem www.hanoi.gov.vn va` index.php?id=3 cu?a to`a soa.n").text == \
        "Xem www.hanoi.gov.vn và index.php?id=3 của tòa soạn"


def test_a_dot_before_a_capital_is_kept_and_counted():
    converted = convert_viqr("Ho.p ta.i Bo^. Chi'nh tri. Ho^m nay")
    assert converted.text == "Họp tại Bô. Chính tri. Hôm nay"
    assert converted.uncertain == 2 and converted.samples == ("Bo^.", "tri.")


def test_a_dot_before_a_capital_is_read_the_way_the_text_writes_the_word_elsewhere():
    converted = convert_viqr("Ca'c bo^. nga`nh gu+?i cho ca'c xa~. Ho.p ta.i Bo^. Chi'nh phu? ro^`i gu+?i cho. Ca'c xa~ nha^.n")
    assert converted.text == "Các bộ ngành gửi cho các xã. Họp tại Bộ Chính phủ rồi gửi cho. Các xã nhận"
    assert converted.uncertain == 0  # "bo^." is written with its tone elsewhere, "cho" without one


def test_unicode_and_english_text_are_not_viqr():
    assert not looks_like_viqr("Tỉnh ủy Quảng Ngãi họp về Chỉ thị 05-CT/TW. Xem www.hanoi.gov.vn?id=1.")
    assert repair_viqr("The Party's plenum (XI) met in Ha Noi; e.g. Resolution 4. Isn't it? Yes.") is None
