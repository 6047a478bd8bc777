"""A word is a Vietnamese syllable or it is not: the test that tells a right legacy table from a wrong one."""

import pytest

from generator.syllables import is_vietnamese_syllable, read_words


@pytest.mark.parametrize("word", ["tỉnh", "ủy", "nghiêng", "quốc", "khuya", "giữa", "xoong", "người", "khuỷu", "uống",
                                  "Đảng", "HỘI", "chuyện", "oanh"])
def test_vietnamese_syllables_pass(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["tænh", "uûy", "tØnh", "vieọt", "bỏo", "tiê", "covid", "hỏỉ", "strong"])
def test_wrong_readings_and_foreign_words_fail(word):
    assert not is_vietnamese_syllable(word)


def test_abbreviations_and_single_letters_are_not_counted():
    reading = read_words("UBND tỉnh và MTTQ A họp")
    assert (reading.words, reading.syllables) == (3, 3)
