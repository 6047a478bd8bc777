"""Document references: the fast scans find exactly what the plain definitions find."""

from generator import directive_patterns as pat
from generator.patterns import patterns
from generator.scanning import find_from_literals
from tests.conftest import ROOT


def test_central_tu_with_horn_is_not_a_provincial_suffix():
    assert pat.prepare("05-CT/TƯ").endswith("tw") and pat.prepare("03-CT/T.Ư").endswith("t.w")


def test_spans_line_up_with_the_display_text():
    text = "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
    match = patterns().symbol.search(pat.prepare(text))
    assert text[match.start() : match.end()] == "05-CT/TW"


def test_a_plenum_mention_is_matched_whole():
    text = "Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương Đảng (khóa XI)"
    match = patterns().plenum.match(pat.prepare(text))
    assert (match.end(), match["n2"], match["term"]) == (len(text), "4", "xi")


def _realistic_texts() -> list[str]:
    paths = sorted((ROOT / "tests").glob("corpus*/*.txt")) + sorted((ROOT / "source_reports").glob("*.txt"))
    specs = patterns().specs
    examples = [e for name in ("symbol", "bare", "plenum") for e in specs[name].examples + specs[name].not_examples]
    return [pat.prepare(path.read_text(encoding="utf-8")) for path in paths] + [
        pat.prepare(" ".join(examples)),
        "ct 05,5 chi thi so 5 ct05-kh ctr 12 kh 1234 x kh 7 chi thi 05 / ct kh so 3. chi  thi 7, ke\nhoach 8",
    ]


def test_backward_bare_scan_finds_what_the_definition_finds():
    bare = patterns().bare
    for folded in _realistic_texts():
        forward = [(m.start(), m.end(), m["tw"], int(m["num"])) for m in bare.finditer(folded)]
        backward = [(m.start, m.end, m.type_word, m.number) for m in pat.find_bare(folded)]
        assert backward == forward


def test_plenum_scan_from_its_first_words_finds_what_finditer_finds():
    plenum = patterns().plenum
    for folded in _realistic_texts():
        fast = find_from_literals(plenum, folded, pat.PLENUM_STARTS)
        assert [m.span() for m in fast] == [m.span() for m in plenum.finditer(folded)]


def test_symbol_scan_from_its_separators_finds_what_finditer_finds():
    symbol = patterns().symbol
    for folded in _realistic_texts() + [pat.prepare("05 \n - CT/TW, 10 / ct-tw, 3-5-2019, 12 -- 05-CT/TW, 926-CV/BTCTU")]:
        assert [m.span() for m in pat.find_symbols(folded)] == [m.span() for m in symbol.finditer(folded)]
