"""Publication stamps: the short lines of a page head that say when the page was posted, in every
shape real pages print them, and the lines that only look like them."""

import pytest

from generator.stamps import read_stamp, scraper_stamp


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Cập nhật ngày: 14/03/2011 - 08:12", "2011-03-14"),
        ("Ngày đăng: 02/04/2015", "2015-04-02"),
        ("Thứ Năm, 21/07/2016 | 09:30", "2016-07-21"),
        ("(15/08/2017)", "2017-08-15"),
        ("10:05 | 03/09/2013", "2013-09-03"),
        ("• 15/07/2018", "2018-07-15"),
        ("Chính trị | 15:29 Thứ Tư ngày 11/01/2017", "2017-01-11"),
        ("[Đăng ngày: 17/06/2019]", "2019-06-17"),
        ("Thứ Sáu, 05-03-2021 09:12", "2021-03-05"),
        ("Print Thứ Bảy, 26/01/2019 19:26", "2019-01-26"),
        ("Published: 2018-11-02", "2018-11-02"),
        ("Thứ hai, 05/08/2019, 08:12 (GMT+7)", "2019-08-05"),
        ("Mon, 05 Aug 2019 08:12:00 GMT", "2019-08-05"),
        ("Đăng ngày: 20/01/2020 - 8:28:04 AM | Lượt xem: 1231 | Nguyễn Thị Lan Anh", "2020-01-20"),
        ("PV - 03/04/2025 17:35", "2025-04-03"),
        ("2025-07-17 15:10:00.0", "2025-07-17"),
    ],
)
def test_a_stamp_line_gives_the_date_it_holds(line, iso):
    stamp = read_stamp(line, "before_title")
    assert stamp is not None and stamp.iso == iso and stamp.place == "before_title"


@pytest.mark.parametrize(
    "line",
    [
        "Sáng 27/06/2022, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết.",  # a lead's date
        "Chiều 12/3/2019",  # a time of day makes it an event
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập",  # too long, a cited date
        "Từ 01/01/2019 đến 31/12/2019",  # two dates: a period
        "Tỉnh ủy Bắc Giang sơ kết 5 năm thực hiện Kết luận 01",  # no date at all
        "31/13/2014",  # no such day
        "Thời sự | 12/03/2019 | Chiều nay Tỉnh ủy họp bàn",  # a part with a time of day is a lead
        "12/03/2019 | Hội nghị tổng kết công tác xây dựng Đảng năm 2018 của Huyện ủy",  # a headline beside it
    ],
)
def test_lines_that_are_not_stamps(line):
    assert read_stamp(line, "before_title") is None


@pytest.mark.parametrize(
    "line, iso, rest",
    [
        (" date 2019-06 Huyện ủy Yên Thành học tập chuyên đề", "2019-06", "Huyện ủy Yên Thành học tập chuyên đề"),
        (" date 2021-11-02 Tỉnh ủy sơ kết Kết luận 01", "2021-11-02", "Tỉnh ủy sơ kết Kết luận 01"),
    ],
)
def test_a_scrapers_date_before_the_first_line_is_a_stamp_of_its_own(line, iso, rest):
    stamp, after = scraper_stamp(line)
    assert (stamp.iso, stamp.place, after) == (iso, "scraper", rest)


def test_a_line_that_only_mentions_a_date_is_not_the_scrapers_stamp():
    assert scraper_stamp("Ngày 2019-06 được chọn làm mốc sơ kết") is None
