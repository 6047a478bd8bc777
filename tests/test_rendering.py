"""Rendering: report text is data, never markup; front matter is valid YAML; links are relative."""

import yaml

from generator.rendering import format_date, front_matter, md_escape


def test_front_matter_round_trips_through_yaml():
    data = {
        "generated_by": "party-archive",
        "title": 'Đảng bộ Văn phòng Tỉnh uỷ: Bốn năm thực hiện Cuộc vận động "Học tập và làm theo" — 100%',
        "title_en": None,
        "title_derived": False,
        "province": {"name": "Hà Nam", "code": "35"},
        "implements": ["05-CT/TW", "03-KH/TW (XII)"],
        "cites": [],
        "confidence": {},
        "people": ["date: 'Sáng 23-8' has no year: a: b # not a comment", "line\nbreak\ttab \\ backslash"],
        "findings": [{"field": "date", "code": "date.no_year_from_context", "message": "“Sáng 23-8”: a: b # not {a} comment"}],
        "date": "2019-01",
    }
    text = front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    assert yaml.safe_load(text.split("---\n")[1]) == data


def test_markup_in_report_text_is_escaped():
    assert md_escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert md_escape("# không phải tiêu đề") == "\\# không phải tiêu đề"
    assert md_escape("1. đây là câu") == "1\\. đây là câu"
    assert md_escape("40.539 đảng viên, đạt 98,1%") == "40.539 đảng viên, đạt 98,1%"
    assert md_escape("*nhấn mạnh* và [liên kết](x)") == "\\*nhấn mạnh\\* và \\[liên kết\\](x)"


def test_dates_are_written_at_their_precision():
    assert format_date("2012-01-05", "day", "vi") == "ngày 5 tháng 1 năm 2012"
    assert format_date("2012-01-05", "day", "en") == "5 January 2012"
    assert format_date("2019-01", "month", "en") == "January 2019"
    assert format_date("2012", "year", "vi") == "năm 2012"
