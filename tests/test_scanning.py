"""The regex building blocks match exactly what the plain, slower forms match."""

import re

from generator.dates import YEAR_STARTS, in_numeric_date
from generator.extraction import person_starts
from generator.patterns import patterns
from generator.scanning import (
    capitalised_pattern,
    find_before_literals,
    find_from_literals,
    first_not_after,
    runs_before,
    trie_pattern,
)
from generator.textnorm import fold_keep_length
from tests.conftest import ROOT


def test_first_not_after_refuses_a_digit_inside_a_number():
    day = re.compile(first_not_after(r"\d", r"[\d/.-]") + r"\d?/\d{1,2}")
    assert [m.group() for m in day.finditer("ngày 5/01 và 1.5/01, 12/3")] == ["5/01", "12/3"]


def test_trie_pattern_matches_the_same_words_as_an_alternation():
    words = ["ha nam", "ha noi", "ha giang", "ha tinh", "hai duong", "hai phong", "ha"]
    trie = re.compile("(?:" + trie_pattern(words) + r")(?![a-z])")
    flat = re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![a-z])")
    text = "tinh ha nam, thanh pho hai phong, ha tinh va ha giang; ha noi, hai duongx, ha"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_capitalised_pattern_wants_a_capital_first_letter_and_a_whole_word():
    names = re.compile(capitalised_pattern(["hoa binh", "ha nam"]))
    text = "Tinh Hoa Binh giu gin hoa binh; HA NAM, Ha Nam, Ha Namx, XHa Nam"
    assert [m.group() for m in names.finditer(text)] == ["Hoa Binh", "HA NAM", "Ha Nam"]


def test_find_from_literals_finds_what_finditer_finds():
    pattern = re.compile(r"(?<![a-z])(?:nghi quyet|nq)\s*(?:tw|trung uong)\s*\d")
    text = "nghi quyet trung uong 4, nq tw4, anq tw 5, nghi quyet tw 6 va nq trung uong 7; nghi quyet 12"
    found = find_from_literals(pattern, text, ("nghi quyet", "nq"))
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]
    assert [m.group() for m in found] == ["nghi quyet trung uong 4", "nq tw4", "nghi quyet tw 6", "nq trung uong 7"]


def _report_texts() -> list[str]:
    paths = sorted((ROOT / "tests").glob("corpus*/*.txt")) + sorted((ROOT / "source_reports").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths] + [
        "Ông Nguyễn Văn An, bà Lê Thị Hoa, anh Trần Minh và chị Đỗ Thu Hà; không Công Lý, đồng chí Bí thư, "
        "Đồng chí Phạm Quang Nghị. Năm 2019, 12019, 1/2013, 5/2019x1, 1998-2000, 2020."
    ]


def test_people_are_found_from_their_title_words_as_the_whole_scan_finds_them():
    person = patterns().person
    for text in _report_texts():
        fast = find_from_literals(person, text, person_starts())
        assert [m.span() for m in fast] == [m.span() for m in person.finditer(text)]


def test_years_are_found_from_their_first_two_digits_as_the_whole_scan_finds_them():
    year = patterns().year
    for text in _report_texts():
        folded = fold_keep_length(text)
        fast = find_from_literals(year, folded, YEAR_STARTS)
        assert [m.span() for m in fast] == [m.span() for m in year.finditer(folded)]


def test_full_dates_are_found_from_their_years_as_the_whole_scan_finds_them():
    full_date = patterns().full_date
    texts = _report_texts() + ["ngày 5 / 3 / 2019, 14-5-2011, 12.10.2023, 1.5/01/2012, 10/5/20211, 2/ 2020-2021, 5 /\n 6 /  1999"]
    for text in texts:
        folded = fold_keep_length(text)
        fast = find_before_literals(full_date, folded, YEAR_STARTS, in_numeric_date)
        assert [m.span() for m in fast] == [m.span() for m in full_date.finditer(folded)]


def test_a_run_before_a_literal_is_every_allowed_position_up_to_it():
    assert runs_before("ab 12 -x", ("-",), lambda ch: ch.isdecimal() or ch.isspace()) == {2, 3, 4, 5}
