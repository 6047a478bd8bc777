"""Every written form of a document reference is recognised; counts and dates are not."""

import pytest

from generator import directive_patterns as pat


@pytest.mark.parametrize("example", pat.SYMBOL_EXAMPLES)
def test_symbol_forms(example):
    assert pat.SYMBOL.search(pat.prepare(example)), example


@pytest.mark.parametrize("example", pat.SYMBOL_NOT)
def test_counts_and_dates_are_not_symbols(example):
    assert not pat.SYMBOL.search(pat.prepare(example))


@pytest.mark.parametrize("example", pat.BARE_EXAMPLES)
def test_bare_number_forms(example):
    assert pat.BARE.search(pat.prepare(example)), example


@pytest.mark.parametrize("example", pat.BARE_NOT)
def test_not_bare_numbers(example):
    assert not pat.BARE.match(pat.prepare(example))


@pytest.mark.parametrize("example", pat.PLENUM_EXAMPLES)
def test_plenum_forms(example):
    match = pat.PLENUM.search(pat.prepare(example))
    assert match and match.group(0).strip() == pat.prepare(example).strip().rstrip(")") or match.end() == len(example)


def test_central_tu_with_horn_is_not_a_provincial_suffix():
    assert pat.prepare("05-CT/TƯ").endswith("tw") and pat.prepare("03-CT/T.Ư").endswith("t.w")


def test_spans_line_up_with_the_display_text():
    text = "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
    match = pat.SYMBOL.search(pat.prepare(text))
    assert text[match.start() : match.end()] == "05-CT/TW"
