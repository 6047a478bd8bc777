"""Every written form of a document reference is recognised; counts and dates are not."""

import pytest

from generator import directive_patterns as pat
from generator.scanning import find_from_literals
from tests.conftest import ROOT


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


def _realistic_texts() -> list[str]:
    paths = sorted((ROOT / "tests").glob("corpus*/*.txt")) + sorted((ROOT / "source_reports").glob("*.txt"))
    return [pat.prepare(path.read_text(encoding="utf-8")) for path in paths] + [
        pat.prepare(" ".join(pat.BARE_EXAMPLES + pat.BARE_NOT + pat.SYMBOL_EXAMPLES)),
        "ct 05,5 chi thi so 5 ct05-kh ctr 12 kh 1234 x kh 7 chi thi 05 / ct kh so 3.",
    ]


def test_backward_bare_scan_finds_what_the_definition_finds():
    for folded in _realistic_texts():
        forward = [(m.start(), m.end(), m["tw"], int(m["num"])) for m in pat.BARE.finditer(folded)]
        backward = [(m.start, m.end, m.type_word, m.number) for m in pat.find_bare(folded)]
        assert backward == forward


def test_plenum_scan_from_its_first_words_finds_what_finditer_finds():
    for folded in _realistic_texts():
        fast = find_from_literals(pat.PLENUM, folded, pat.PLENUM_STARTS)
        assert [m.span() for m in fast] == [m.span() for m in pat.PLENUM.finditer(folded)]
