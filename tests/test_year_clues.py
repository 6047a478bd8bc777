"""Year clues: the arithmetic a reader does without thinking — N years of carrying out a dated
document, anniversaries of known events, the end of a reviewed period."""

from pathlib import Path

import pytest

from generator import year_clues as yc
from generator.analysis import AnalysedText
from generator.directives import find_mentions
from generator.patterns import patterns
from generator.year_clues import implemented_documents, year_clues

ROOT = Path(__file__).resolve().parent.parent


def clues(text: str, registry) -> list[tuple[int, str]]:
    analysed = AnalysedText.plain(text)
    found = find_mentions(analysed, registry, [])
    return [(c.year, c.kind) for c in year_clues(analysed, found.mentions, found.folded, registry)]


@pytest.mark.parametrize(
    "text, year",
    [
        ("Huyện ủy tổ chức hội nghị tổng kết 10 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.", 2026),
        ("Đảng ủy Khối sơ kết 2 năm thực hiện Kết luận 01-KL/TW về tiếp tục thực hiện Chỉ thị 05.", 2023),
        # two directives are numbered 05-CT/TW (terms XII and XIII): the text names which one
        ("Hội nghị sơ kết ba năm thực hiện Chỉ thị số 05-CT/TW về học tập và làm theo Bác trên địa bàn huyện.", 2019),
        ("Hội nghị sơ kết ba năm thực hiện Chỉ thị số 05-CT/TW về giảm nghèo bền vững trên địa bàn huyện.", 2024),
        ("Bốn năm thực hiện Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”.", 2010),
        ("Tổng kết 5 năm thực hiện Chỉ thị 03, ngày 14-5-2011 của Bộ Chính trị.", 2016),
        ("Qua hai năm qua thực hiện Chỉ thị số 05-CT/TW, nhiều điển hình đã xuất hiện.", 2018),
    ],
)
def test_n_years_of_carrying_out_a_dated_document_is_its_year_plus_n(registry, text, year):
    assert clues(text, registry) == [(year, "review")]


@pytest.mark.parametrize(
    "text, year",
    [
        ("Các hoạt động kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh được tổ chức trang trọng.", 2020),
        ("Chào mừng 75 năm Cách mạng Tháng Tám và Quốc khánh 2/9.", 2020),
        ("Hội thảo 50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh.", 2019),
        ("Mít tinh kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam.", 2020),
    ],
)
def test_an_anniversary_of_a_known_event_is_the_events_year_plus_n(registry, text, year):
    assert clues(text, registry) == [(year, "anniversary")]


def test_a_reviewed_period_ends_in_its_last_year(registry):
    assert clues("Hội nghị tổng kết giai đoạn 2016 – 2021 về học tập và làm theo Bác.", registry) == [(2021, "span")]


def test_a_target_year_is_no_clue(registry):
    assert clues("Phấn đấu đến năm 2030, 100% chi bộ đạt trong sạch, vững mạnh.", registry) == []


def test_a_review_of_a_homonym_that_would_lie_in_the_future_is_no_clue(registry):
    # 35-CT/TW (XIII) is of 2024: ten years of it is still to come, so the clue is dropped
    text = "Tổng kết 10 năm thực hiện Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV."
    assert clues(text, registry) == []


def test_the_document_a_report_introduces_dates_what_follows_it(registry):
    text = ("Hội nghị quán triệt Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị\n\n"
            "Sáng 5/7, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt, triển khai Chỉ thị 35-CT/TW ngày 14/6/2024.")
    analysed = AnalysedText.plain(text)
    found = find_mentions(analysed, registry, [])
    documents = implemented_documents(analysed, found.mentions, found.folded, registry)
    assert [(doc.document, doc.shown) for doc in documents] == [("35-CT/TW (XIII)", "2024-06-14")]


def _realistic_folded() -> list[str]:
    paths = sorted(ROOT.glob("tests/corpus*/*.txt")) + sorted(ROOT.glob("source_reports/*.txt"))
    specs = patterns().specs
    examples = [e for name in ("anniversary", "anniversary_after", "years_ago", "review_span")
                for e in specs[name].examples + specs[name].not_examples]
    return [AnalysedText.plain(p.read_text(encoding="utf-8")).folded for p in paths] + [
        AnalysedText.plain(" . ".join(examples)).folded,
        AnalysedText.plain("kỷ niệm  hai mươi lăm   năm ngày giải phóng miền nam; 15 năm ( 2011-2025); (30 / 4/1975-30/4/2025); cách đây 3 năm (2019)").folded,
    ]


@pytest.mark.parametrize(
    "name, scan",
    [("anniversary", yc.anniversary_matches), ("anniversary_after", yc.anniversary_after_matches),
     ("years_ago", yc.years_ago_matches), ("review_span", yc.review_span_matches)],
)
def test_each_clue_scan_finds_what_finditer_finds(name, scan):
    pattern, found = getattr(patterns(), name), 0
    for folded in _realistic_folded():
        expected = [m.span() for m in pattern.finditer(folded)]
        assert [m.span() for m in scan(folded)] == expected
        found += len(expected)
    assert found >= 1  # the texts do hold clues of this kind
