"""Cleaning: web chrome out, repeated lead out, byline and source credit kept as metadata."""

import re
from pathlib import Path

import pytest

from generator.cleaning import (
    boilerplate_rules,
    clean_report,
    is_credited_photo_caption,
    is_name_like,
    remove_html_comments,
    remove_repeated_lead,
    split_credit,
    strip_agency_prefix,
)
from generator.datafiles import load_yaml
from generator.model import RawReport
from generator.textnorm import fold

BOILERPLATE = ["Bạn nên đọc", "%d bloggers like this", "Phản hồi", "Thông tin người gửi phản hồi", "Các tin khác",
               "Mới nhất", "Xem nhiều nhất", "Liên kết website", "Khai mạc phiên họp thứ 27 của UBTVQH"]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_boilerplate_is_left_in_any_body(seed_cleaned, seed):
    body = seed_cleaned[seed].body
    for line in body.split("\n\n"):
        assert line not in BOILERPLATE
    assert "bloggers like this" not in body and "LSO-" not in body


@pytest.mark.parametrize("seed", ["000", "003"])
def test_repeated_lead_appears_once(seed_cleaned, seed):
    cleaned = seed_cleaned[seed]
    opening = cleaned.blocks[0].text[:80]
    assert cleaned.body.count(opening) == 1
    assert any(reason == "repeated lead paragraph" for reason, _ in cleaned.dropped)


def test_a_lead_that_is_not_repeated_is_kept():
    paragraphs = ["Sáng 23-8, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban.", "Theo báo cáo đánh giá: các cấp ủy…"]
    assert remove_repeated_lead(paragraphs) == (paragraphs, [])


def test_title_line_header_date_and_agency_tag_are_taken_out_of_the_body(seed_cleaned):
    lang_son = seed_cleaned["003"]
    assert [(s.text, s.iso, s.place) for s in lang_son.stamps] == [("Thứ hai,  27/06/2022", "2022-06-27", "before_title")]
    assert lang_son.title_line.startswith("Đảng bộ Văn phòng Tỉnh uỷ: Bốn năm thực hiện")
    assert lang_son.agency_prefix == "LSO"
    assert lang_son.blocks[0].text.startswith("Đảng bộ Văn phòng Tỉnh uỷ có 5 chi bộ")


def test_report_without_title_line_has_none(seed_cleaned):
    assert seed_cleaned["000"].title_line is None


@pytest.mark.parametrize(
    "seed, byline, credit",
    [
        ("000", "THANH MAI", None),
        ("001", "Quốc Tuấn", "Theo website Kiên Giang (UBND Tỉnh)"),
        ("002", "Thu Thảo", "Theo https://www.baohanam.com.vn"),
        ("003", "Minh Quân", None),
        ("004", None, None),
    ],
)
def test_byline_and_source_credit_become_metadata_not_body(seed_cleaned, seed, byline, credit):
    cleaned = seed_cleaned[seed]
    assert (cleaned.byline, cleaned.source_credit) == (byline, credit)
    last = cleaned.blocks[-1].text
    assert last != byline and not last.startswith("Theo http")


def test_subheadings_stay_headings(seed_cleaned):
    headings = [b.text for b in seed_cleaned["004"].blocks if b.kind == "heading"]
    assert headings == [
        "Học tập, tiếp thu Nghị quyết",
        "Triển khai thực hiện Nghị quyết",
        'Xác định và đăng ký "những việc cần làm ngay"',
        "Triển khai bước 1 việc kiểm điểm tự phê bình và phê bình",
    ]


@pytest.mark.parametrize(
    "seed, caption",
    [
        ("001", "Cán bộ, đảng viên tiếp thu học tập chuyên đề năm 2013."),
        ("002", "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị nghe phản ánh tình hình thực hiện Chỉ thị 05"),
        ("003", "Báo cáo viên trình bày tham luận tại hội thảo – Ảnh: Thanh Huyền"),
    ],
)
def test_photo_captions_are_captions(seed_cleaned, seed, caption):
    captions = [b.text for b in seed_cleaned[seed].blocks if b.kind == "caption"]
    assert len(captions) == 1 and captions[0].startswith(caption)


def test_nothing_is_dropped_silently(seed_cleaned):
    """Every removed line is listed with a reason."""
    dropped = {text for _, text in seed_cleaned["002"].dropped}
    assert {"Phản hồi", "Các tin khác", "Liên kết website"} <= dropped


def test_name_like_lines():
    assert is_name_like("THANH MAI") and is_name_like("Thu Thảo")
    assert not is_name_like("Triển khai bước 1 việc kiểm điểm") and not is_name_like("Đến nay, qua theo dõi.")


def test_boilerplate_patterns_match_their_examples():
    rules = boilerplate_rules()
    data = load_yaml("boilerplate.yaml")
    for entry in data["drop_lines"]:
        form = (lambda line: line) if entry.get("reads") == "display" else (lambda line: fold(line).strip())
        for example in entry["examples"]:
            assert re.search(entry["pattern"], form(example)), example
        for example in entry.get("not_examples", []):
            assert not re.search(entry["pattern"], form(example)), example
    for example in data["agency_prefix"]["examples"]:
        assert strip_agency_prefix(example, rules)[1], example
    for example in data["agency_prefix"]["not_examples"]:
        assert strip_agency_prefix(example, rules) == (example, None), example
    for example in data["source_credit"]["examples"]:
        assert split_credit(example, rules)[1], example
    for example in data["caption"]["examples"]:
        assert is_credited_photo_caption(example, rules), example


def test_related_headlines_after_a_tail_marker_with_a_count_are_cut():
    raw = RawReport(
        id="x", path=Path("x.txt"), sha256="", notes=(),
        text="Thái Bình biểu dương điển hình\n\nNgày 17/8/2022, Ban Thường vụ Tỉnh ủy Thái Bình tổ chức hội nghị biểu dương "
        "điển hình tiên tiến trong học tập và làm theo Bác, tiếp tục thực hiện Chỉ thị 05-CT/TW.\n\nVăn Phúc\n\n"
        "Bình luận (0)\nTin cùng chuyên mục\nNam Định: Sơ kết Nghị quyết Trung ương 4 khóa XII\nHà Nam đẩy mạnh Quy định 08-QĐi/TW\n",
    )
    cleaned = clean_report(raw)
    assert "Nam Định" not in cleaned.body and cleaned.byline == "Văn Phúc"
    assert ("web page tail (comments, related links)", "Tin cùng chuyên mục") in cleaned.dropped


@pytest.mark.parametrize("header", ["Chủ nhật, 07/11/2021 - 14:05", "Cập nhật: 10/07/2018", "Ngày đăng: 03/02/2020 | 08:15"])
def test_page_timestamps_are_header_dates_not_titles(header):
    raw = RawReport(id="x", path=Path("x.txt"), sha256="", notes=(),
                    text=f"{header}\n\nMộc Châu làm theo Bác\n\nThực hiện Chỉ thị 05-CT/TW, Đảng bộ huyện Mộc Châu đưa việc học tập vào nền nếp.\n")
    cleaned = clean_report(raw)
    assert [s.text for s in cleaned.stamps] == [header] and cleaned.title_line == "Mộc Châu làm theo Bác"


def _raw(text: str) -> RawReport:
    return RawReport(id="x", path=Path("x.txt"), sha256="", notes=(), text=text)


def test_a_title_printed_twice_is_kept_once_and_the_copy_listed_as_removed():
    title = "Gia Lai đẩy nhanh phát triển gắn với triển khai Nghị quyết của Bộ Chính trị"
    cleaned = clean_report(_raw(f"{title}\n\n{title}\n\nBước sang năm 2023, tỉnh Gia Lai tập trung triển khai các nghị quyết.\n"))
    assert cleaned.title_line == title and cleaned.blocks[0].text.startswith("Bước sang năm 2023")
    assert ("repeated title", title) in cleaned.dropped


def test_site_furniture_and_visitor_counters_are_chrome():
    cleaned = clean_report(_raw(
        "Skip Ribbon Commands\nSkip to main content\nChi tiết tin\nĐang truy cập: 153\nHôm qua: 817\n"
        "Tổng lượt truy cập: 326,388\nHội nghị quán triệt Quy định 144-QĐ/TW\n"
        "Sáng ngày 09/7/2024, Ban Thường vụ Thành ủy Phủ Lý dự hội nghị toàn quốc quán triệt Quy định số 144-QĐ/TW.\n"))
    assert cleaned.title_line == "Hội nghị quán triệt Quy định 144-QĐ/TW"
    assert cleaned.blocks[0].text.startswith("Sáng ngày 09/7/2024")
    assert [line for kind, line in cleaned.dropped if kind == "web page chrome"] == [
        "Skip Ribbon Commands", "Skip to main content", "Chi tiết tin", "Đang truy cập: 153", "Hôm qua: 817", "Tổng lượt truy cập: 326,388"]


def test_html_comments_are_taken_out_and_listed_keeping_the_lines_in_place():
    text = "Dòng một <!-- Quảng Ninh -->còn tiếp\n<!--\nhai dòng\n-->\nDòng bốn\n<!-- không đóng\nDòng bảy"
    cleaned, comments = remove_html_comments(text)
    assert cleaned == "Dòng một còn tiếp\n\n\n\nDòng bốn\n\nDòng bảy"
    assert comments == ["<!-- Quảng Ninh -->", "<!-- hai dòng -->", "<!-- không đóng"]


def test_head_markup_patterns_match_their_examples():
    data = load_yaml("boilerplate.yaml")["head_markup"]
    rules = boilerplate_rules()
    assert all(rules.head_markup.match(e) for e in data["examples"])
    assert not any(rules.head_markup.match(e) for e in data["not_examples"])


@pytest.mark.parametrize("head", [
    "Xây dựng Đảng\nThứ Năm, 21/07/2016 | 09:30\n",
    "Thời sự - Chính trị\n\n",
    '<div class="breadcrumb">Trang chủ / Xây dựng Đảng</div>\n',
    "<!-- Tỉnh ủy Quảng Ninh -->\n",
])
def test_a_section_name_or_markup_above_the_title_is_never_the_title(head):
    title = "Hà Nam sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị"
    raw = RawReport(id="x", path=Path("x.txt"), sha256="", notes=(),
                    text=head + title + "\n\nSáng 18-5, Ban Thường vụ Tỉnh ủy Hà Nam tổ chức hội nghị sơ kết.\n\nCác chi bộ đều có chuyên đề.\n")
    cleaned = clean_report(raw)
    assert cleaned.title_line == title
    assert [b.text for b in cleaned.blocks][0].startswith("Sáng 18-5")


def test_a_short_title_above_its_lead_is_still_the_title():
    raw = RawReport(id="x", path=Path("x.txt"), sha256="", notes=(),
                    text="Sơ kết Chỉ thị 05\n\nSáng 18-5, Ban Thường vụ Tỉnh ủy Hà Nam tổ chức hội nghị sơ kết.\n\nCác chi bộ đều có chuyên đề.\n")
    assert clean_report(raw).title_line == "Sơ kết Chỉ thị 05"
