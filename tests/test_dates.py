"""Dates: the report's own date at its precision; cited documents' dates and site headers are not it."""

import pytest

from generator.analysis import AnalysedText
from generator.dates import extract_date
from generator.model import Block, CleanedText
from generator.stamps import read_stamp


def cleaned(lead: str, *rest: str, header: tuple[str, ...] = ()) -> CleanedText:
    """A cleaned report; `header`: stamp lines above the title (the website's date)."""
    blocks = tuple(Block("paragraph", p) for p in (lead, *rest))
    stamps = tuple(read_stamp(line, "before_title") for line in header)
    return CleanedText(title_line=None, blocks=blocks, byline=None, source_credit=None, agency_prefix=None, stamps=stamps)


def date_of(text: CleanedText):
    """The extracted date and the codes of its findings."""
    date, findings = extract_date(text, AnalysedText.of(text))
    return date, [f.code for f in findings]


@pytest.mark.parametrize(
    "seed, iso, precision, confidence",
    [
        ("000", "2012-01-05", "day", "high"),
        ("001", "2013-08-23", "day", "medium"),
        ("002", "2019-01", "month", "medium"),
        ("004", "2012", "year", "medium"),
    ],
)
def test_seed_dates(seed_reports, seed, iso, precision, confidence):
    date = seed_reports[seed].metadata.date
    assert (date.value.iso, date.value.precision, date.confidence.value) == (iso, precision, confidence)


def test_year_from_context_is_said_in_a_finding(seed_reports):
    found = [f for f in seed_reports["001"].metadata.findings if f.field == "date"]
    assert [(f.code, f.params["year"], f.params["count"]) for f in found] == [("date.no_year_from_context", 2013, 3)]


def test_website_header_years_after_the_text_is_not_the_report_date_and_the_year_is_worked_out(seed_reports):
    """Seed 003: "Thứ hai, 27/06/2022" is the website's date; "Bốn năm thực hiện Cuộc vận động"
    (06-CT/TW, November 2006) puts the report in about 2010, flagged."""
    date = seed_reports["003"].metadata.date
    assert (date.value.iso, date.value.precision, date.value.basis, date.confidence.value) == ("2010", "year", "inferred", "medium")
    findings = [f for f in seed_reports["003"].metadata.findings if f.field == "date"]
    assert [f.code for f in findings] == ["date.header_too_late", "date.year_from_clue"]


@pytest.mark.parametrize(
    "lead, iso, precision",
    [
        ("Sáng ngày 5/01/2012, tại Phòng họp Ban Tuyên giáo Tỉnh ủy, hội nghị đã diễn ra.", "2012-01-05", "day"),
        ("Ngày 14-5-2011, Bộ Chính trị ban hành Chỉ thị.", "2011-05-14", "day"),
        ("Chiều 12.10.2023, Tỉnh ủy tổ chức hội nghị.", "2023-10-12", "day"),
        ("Cuối tháng 5/2012, việc học tập Nghị quyết cơ bản hoàn thành.", "2012-05", "month"),
        ("Tháng 3 năm 2019, Ban Tuyên giáo tổ chức tập huấn.", "2019-03", "month"),
        ("Ngày 12 tháng 7 năm 2021, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.", "2021-07-12", "day"),
        ("Trong 6 tháng đầu năm 2018, các cấp ủy triển khai Chỉ thị.", "2018", "year"),
        ("Năm 2008, Đảng bộ tỉnh tiếp tục thực hiện Cuộc vận động.", "2008", "year"),
        ("Quý III/2022, Ban Thường vụ Tỉnh ủy chỉ đạo sơ kết Kết luận 01-KL/TW.", "2022", "year"),
        ("Hôm qua 11-5-2019, Huyện ủy tổ chức hội nghị.", "2019-05-11", "day"),
        ("Sáng thứ Hai (13/5/2019), Tỉnh ủy tổ chức hội nghị.", "2019-05-13", "day"),
        ("Trong hai ngày 11 và 12/5/2019, Tỉnh ủy mở lớp bồi dưỡng.", "2019-05-11", "day"),
        ("Từ ngày 10 đến 12/5/2019, Ban Tuyên giáo tổ chức tập huấn.", "2019-05-10", "day"),
        ("Nhân kỷ niệm 129 năm Ngày sinh Chủ tịch Hồ Chí Minh, ngày 18/5/2019, Tỉnh ủy tổ chức hội nghị.", "2019-05-18", "day"),
        ("Thực hiện Kế hoạch số 12-KH/TU ngày 5/3/2019 của Tỉnh ủy, ngày 18/5/2019, Huyện ủy sơ kết.", "2019-05-18", "day"),
        ("Trong quý 2 năm 2019, các chi bộ sinh hoạt chuyên đề.", "2019", "year"),
    ],
)
def test_lead_date_formats(lead, iso, precision):
    date, _ = date_of(cleaned(lead))
    assert (date.value.iso, date.value.precision) == (iso, precision)


def test_cited_document_date_is_not_the_report_date():
    text = cleaned("Thực hiện Chỉ thị 03, ngày 14-5-2011 của Bộ Chính trị, các cấp ủy đã quán triệt.", "Kết quả rất tốt.")
    date, codes = date_of(text)
    assert date.value is None and codes == ["date.missing"]  # not even its year counts


def test_ratio_is_not_a_date():
    date, codes = date_of(cleaned("14/14 huyện, thành ủy đã tổ chức hội nghị quán triệt."))
    assert date.value is None and codes == ["date.missing"]


def test_header_date_consistent_with_the_text_is_used_but_flagged():
    text = cleaned("Hội nghị sơ kết năm 2022 diễn ra tại tỉnh.", header=("Thứ hai, 27/06/2022",))
    date, codes = date_of(text)
    assert date.value.iso == "2022-06-27" and date.confidence.value == "medium" and codes == ["date.from_header"]


def test_january_review_of_a_year_is_dated_the_next_year():
    text = cleaned("Sáng 10-1, Tỉnh ủy tổ chức hội nghị tổng kết năm 2013 về thực hiện Chỉ thị.", "Năm 2013, toàn tỉnh … nhiệm vụ năm 2014.")
    date, findings = extract_date(text, AnalysedText.of(text))
    assert date.value.iso == "2014-01-10"
    assert [(f.code, f.params["reviewed"]) for f in findings] == [("date.no_year_from_review", "2013")]
