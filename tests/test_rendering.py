"""Rendering: report text is data, never markup; front matter is valid YAML; links are relative."""

import lxml.html
import pytest
import yaml
from markdown import Markdown
from mkdocs.config import load_config

from generator.rendering import format_date, front_matter, md_escape
from tests.conftest import ROOT


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


# Syntax of Markdown, of every extension mkdocs.yml enables, and of HTML, as raw text may hold it.
HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<div markdown>*nghiêng*</div>", "&lt;b&gt; &amp; &#60;",
    '!!! note "Chú ý"', "??? danger", '???+ warning "Mở sẵn"', "# không phải tiêu đề", "Hội nghị lần thứ #",
    "- gạch đầu dòng", "+ cộng", "* sao", "1. đây là câu", "> trích dẫn", "---", "***", "___", "~~~python", "```python",
    "    bốn dấu cách", "| a | b |", "|---|---|", "[TOC]", "[x]: https://example.org", "[x](javascript:alert(1))",
    "![ảnh](x.png)", "{: .lead }", "đoạn {: #id onclick=alert(1) }", "*nhấn mạnh* và _gạch_ và `mã`", "\\*không\\*",
    "<https://example.org>", "<thu@example.org>", "/// note", ": định nghĩa", "==đánh dấu==", "title: giả", "dòng một\n# dòng hai\n!!! note",
]


@pytest.fixture(scope="module")
def site_markdown() -> Markdown:
    """Markdown with the extensions and settings of the site's own mkdocs.yml."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


@pytest.mark.parametrize("template", ["{}", "## {}", "# {}", "| a | b |\n|---|---|\n| x | {} |", "[{}](x.md)", "!!! note\n    - {}"])
@pytest.mark.parametrize("text", HOSTILE)
def test_report_text_renders_as_the_same_text_wherever_a_template_puts_it(site_markdown: Markdown, template: str, text: str):
    page = lxml.html.fragment_fromstring(site_markdown.reset().convert(template.format(md_escape(text))), create_parent="div")
    plain = lxml.html.fragment_fromstring(site_markdown.reset().convert(template.format("XYZ")), create_parent="div")
    assert [e.tag for e in page.iter()] == [e.tag for e in plain.iter()]  # no element the text brought
    shown = page.text_content().replace("¶", "").strip()
    assert shown == plain.text_content().replace("¶", "").strip().replace("XYZ", " ".join(text.split()))


def test_escaped_text_stays_readable():
    assert md_escape("40.539 đảng viên, đạt 98,1% (Chỉ thị 05-CT/TW)") == "40.539 đảng viên, đạt 98,1% (Chỉ thị 05-CT/TW)"
    assert md_escape("# không phải tiêu đề") == "\\# không phải tiêu đề"
    assert md_escape("<b>") == "&lt;b&gt;"  # an entity, not "\\<b\\>", which shows its backslash


def test_dates_are_written_at_their_precision():
    assert format_date("2012-01-05", "day", "vi") == "ngày 5 tháng 1 năm 2012"
    assert format_date("2012-01-05", "day", "en") == "5 January 2012"
    assert format_date("2019-01", "month", "en") == "January 2019"
    assert format_date("2012", "year", "vi") == "năm 2012"


@pytest.mark.parametrize("text", ["!!! note [ed: <script>alert(1)</script>] và # thăng", "[ed: ??? danger] - gạch", "trước  [ed: giữa]  sau"])
def test_a_translation_with_an_editors_note_renders_as_its_text(site_markdown: Markdown, text: str):
    from generator.rendering import notes_md

    page = lxml.html.fragment_fromstring(site_markdown.reset().convert(notes_md(text, "Ghi chú")), create_parent="div")
    assert [e.tag for e in page.iter()] == ["div", "p", "span"]
    assert " ".join(page.text_content().split()) == " ".join(text.replace("[ed: ", "[Ghi chú: ").split())
