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


# ---- Pages as scrapers save them (fixtures written by us in the shape of real pages) ----------

def _date(metadata):
    d = metadata.date
    return (d.value.iso, d.value.precision, d.value.basis, d.confidence.value) if d.value else None


def _codes(metadata, field="date"):
    return [f.code for f in metadata.findings if f.field == field]


def test_a_stamp_gives_its_year_to_the_leads_day_and_month(page_metadata):
    metadata = page_metadata(
        "Huyện ủy Tam Dương sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW\n"
        "Cập nhật ngày: 14/03/2019 - 08:12\n"
        "Sáng 12/3, Huyện ủy Tam Dương tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.\n"
        "Hội nghị đánh giá kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trên địa bàn huyện.")
    assert _date(metadata) == ("2019-03-12", "day", "combined", "medium")


def test_an_event_month_after_the_stamps_month_is_of_the_year_before(page_metadata):
    metadata = page_metadata(
        "Thành ủy Hải Phòng tổng kết 15 năm thực hiện Nghị quyết 32\n"
        "Thứ Bảy, 26/01/2019 | 19:26\n"
        "Ngày 22-8, Ban Chỉ đạo của Thành ủy Hải Phòng họp bàn đề án tổng kết 15 năm thực hiện Nghị quyết 32 của Bộ Chính trị.\n"
        "Các đại biểu thống nhất khung đề cương và tiến độ.")
    assert _date(metadata)[:3] == ("2018-08-22", "day", "combined")


def test_a_pages_publication_stamp_dates_a_page_with_no_date_of_its_own(page_metadata):
    metadata = page_metadata(
        "Trà Cú nhân rộng điển hình học tập và làm theo Bác\n"
        "05/04/2021 09:30\n"
        "Thời gian qua, Ban Thường vụ Huyện ủy Trà Cú chỉ đạo các chi bộ đưa việc học tập và làm theo Bác vào sinh hoạt thường kỳ.\n"
        "Nhiều mô hình hay được biểu dương trong 5 năm thực hiện Chỉ thị 05-CT/TW.")
    assert _date(metadata) == ("2021-04-05", "day", "stamp", "medium")
    assert _codes(metadata) == ["date.from_stamp"]


def test_a_written_year_elsewhere_in_the_text_completes_the_leads_day_and_month(page_metadata):
    metadata = page_metadata(
        "Huyện ủy Đô Lương học tập chuyên đề\n"
        "Chiều ngày 5/6, Huyện ủy Đô Lương tổ chức hội nghị học tập, quán triệt chuyên đề năm 2021 về học tập và làm theo Bác.\n"
        "Dự hội nghị có hơn 300 đảng viên.")
    assert _date(metadata)[:3] == ("2021-06-05", "day", "combined")


def test_a_review_of_n_years_gives_the_year_of_a_day_and_month(page_metadata):
    metadata = page_metadata(
        "Tỉnh ủy Điện Biên sơ kết 5 năm thực hiện Chỉ thị 05\n"
        "Sáng 26/4, Ban Thường vụ Tỉnh ủy Điện Biên tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.\n"
        "Hội nghị biểu dương 40 tập thể, cá nhân tiêu biểu.")
    assert _date(metadata)[:3] == ("2021-04-26", "day", "combined")


def test_an_anniversary_alone_gives_a_year_with_a_finding_that_says_why(page_metadata):
    metadata = page_metadata(
        "Hội thảo khoa học tại Nghệ An\n"
        "Các đại biểu tham dự hội thảo kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh do Tỉnh ủy Nghệ An tổ chức.\n"
        "Hội thảo nhận được 80 bài tham luận của các nhà khoa học.")
    assert _date(metadata) == ("2020", "year", "inferred", "medium")
    assert "date.year_from_clue" in _codes(metadata)


def test_a_malformed_date_whose_year_is_clear_gives_its_year_flagged(page_metadata):
    metadata = page_metadata(
        "Đảng ủy Khối cơ quan tỉnh Bình Phước quán triệt Nghị quyết\n"
        "Sáng 31/13/2014, Đảng ủy Khối các cơ quan tỉnh Bình Phước tổ chức hội nghị quán triệt Nghị quyết Trung ương 4 khóa XI.\n"
        "Hơn 200 đảng viên dự hội nghị.")
    assert _date(metadata)[:3] == ("2014", "year", "written")
    assert "date.malformed" in _codes(metadata)


def test_a_day_and_month_with_no_year_anywhere_is_left_empty(page_metadata):
    metadata = page_metadata(
        "Đoàn kiểm tra làm việc tại Hà Giang\n"
        "Trong ba ngày 11-13/5, đoàn kiểm tra của Ban Tuyên giáo Trung ương làm việc với Ban Thường vụ Tỉnh ủy Hà Giang về Chỉ thị 05.\n"
        "Đoàn đánh giá cao sự chủ động của tỉnh.")
    assert _date(metadata) is None


def test_a_lead_that_gives_only_a_year_takes_the_day_of_a_stamp_within_it(page_metadata):
    metadata = page_metadata(
        "Sơ kết 6 tháng thực hiện Nghị quyết 57-NQ/TW\n"
        "2025-07-17 15:10:00.0\n"
        "Trong 6 tháng đầu năm 2025, tỉnh Thái Nguyên đạt nhiều kết quả trong triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n"
        "Các sở, ngành đã hoàn thành 30 nhiệm vụ.")
    assert _date(metadata) == ("2025-07-17", "day", "stamp", "medium")
    assert _codes(metadata) == ["date.lead_agrees_with_stamp", "date.from_stamp"]


def test_a_lead_opening_with_the_year_it_enters_gives_that_year(page_metadata):
    metadata = page_metadata(
        "Gia Lai triển khai Nghị quyết của Bộ Chính trị\n\nGia Lai triển khai Nghị quyết của Bộ Chính trị\n\n"
        "Bước sang năm 2023, năm bản lề của nhiệm kỳ, tỉnh Gia Lai tập trung triển khai các nghị quyết của Trung ương.\n"
        "Tỉnh đặt mục tiêu tăng trưởng 8%.")
    assert _date(metadata)[:3] == ("2023", "year", "written")


def test_the_day_a_central_document_was_signed_is_not_the_report_date(page_metadata):
    metadata = page_metadata(
        "Hà Tĩnh cụ thể hóa Nghị quyết 57\n"
        "PV - 03/04/2025 17:35\n"
        "Ngày 22/12/2024, Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết số 57 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.\n"
        "Ngay sau đó, Tỉnh ủy Hà Tĩnh ban hành chương trình hành động.")
    assert _date(metadata) == ("2025-04-03", "day", "stamp", "medium")


def test_first_study_of_a_congress_resolution_dates_a_day_and_month_in_the_congress_year(page_metadata):
    metadata = page_metadata(
        "Khánh Hòa học tập Nghị quyết Đại hội XII\n"
        "Ngày 23-5, Ban Thường vụ Tỉnh ủy Khánh Hòa tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng.\n"
        "Hơn 500 cán bộ chủ chốt dự hội nghị.")
    assert _date(metadata)[:3] == ("2016-05-23", "day", "combined")
    assert [(f.code, f.params["issued"]) for f in metadata.findings if f.field == "date"] == [("date.no_year_from_document", "2016")]


def test_a_review_clue_that_would_put_the_event_before_a_document_it_introduces_is_not_used(page_metadata):
    metadata = page_metadata(
        "Huyện ủy quán triệt Thông báo 55\n"
        "Sáng ngày 28/6, Huyện ủy Đô Lương tổ chức hội nghị, triển khai thực hiện Thông báo số 55-TB/TW, ngày 20/4/2019 của Bộ Chính trị "
        "về sơ kết 5 năm thực hiện Nghị quyết số 26-NQ/TW ngày 30/7/2013 về phát triển tỉnh Nghệ An.\n"
        "Có 300 cán bộ chủ chốt dự.")
    assert _date(metadata)[:3] == ("2019-06-28", "day", "combined")
