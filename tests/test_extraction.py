"""Extraction: titles, authors, sources and people, with the evidence they came from."""

import pytest

from generator.extraction import derive_title, extract_people


def test_seed_without_title_gets_a_derived_title_flagged_for_an_editor(seed_reports):
    metadata = seed_reports["000"].metadata
    assert metadata.title_derived and metadata.title.confidence.value == "low"
    assert metadata.title.value.startswith("Bộ phận giúp việc Ban Thường vụ Tỉnh ủy")
    assert [f.code for f in metadata.findings if f.field == "title"] == ["title.derived"]


def test_derived_title_drops_the_when_and_where():
    lead = "Chiều 12/3/2019, tại Hội trường Tỉnh ủy, Ban Tuyên giáo tổ chức hội nghị sơ kết. Dự hội nghị có…"
    assert derive_title(lead) == "Ban Tuyên giáo tổ chức hội nghị sơ kết"


@pytest.mark.parametrize(
    "seed, author, source",
    [
        ("001", "Quốc Tuấn", "website Kiên Giang (UBND Tỉnh)"),
        ("002", "Thu Thảo", "https://www.baohanam.com.vn"),
        ("003", "Minh Quân", "Báo Lạng Sơn (LSO)"),
        ("004", None, None),
    ],
)
def test_author_and_source(seed_reports, seed, author, source):
    metadata = seed_reports[seed].metadata
    assert (metadata.author.value, metadata.source.value) == (author, source)


def test_people_named_with_a_title_word():
    body = ("Đồng chí Trần Thị Thanh Thủy, Ủy viên BCH Đảng bộ tỉnh, chủ trì. Lãnh đạo Ban Tuyên giáo Huyện ủy "
            "Thanh Liêm đề xuất. Đồng chí Bí thư Tỉnh uỷ phát biểu; ông Nguyễn Văn An và bà Lê Thị Hoa tham dự.")
    assert extract_people(body) == ("Trần Thị Thanh Thủy", "Nguyễn Văn An", "Lê Thị Hoa")


def test_seed_people(seed_reports):
    assert seed_reports["002"].metadata.people == ("Đỗ Văn Thắng", "Trần Thị Vui")
