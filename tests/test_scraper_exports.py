"""A scraper's export is told from a report by its shape, never by a comma or a brace here and there."""

import json

import pytest

from generator.scraper_exports import find_export


def test_csv_with_a_header_row_is_an_export():
    export = find_export('title,date,content\nA,2021-01-02,"x, y"\nB,2021-01-03,z\n')
    assert (export.kind, export.articles, export.fields) == ("CSV", 2, ("title", "date", "content"))


def test_vietnamese_column_names_are_known():
    export = find_export("Tiêu đề;Ngày đăng;Nội dung\nBài một;12/10/2021;Nội dung một\n")
    assert (export.kind, export.articles) == ("CSV", 1)


def test_json_that_is_not_articles_is_data():
    export = find_export('{"version": 2, "items": [1, 2]}')
    assert (export.kind, export.articles) == ("JSON", 0)


def test_json_lines_count_their_articles():
    text = "\n".join(json.dumps({"title": str(i), "body": "x"}) for i in range(4))
    assert find_export(text).articles == 4


@pytest.mark.parametrize("text", [
    "Tiêu đề, ngày, nội dung của hội nghị\n\nSáng 12/10, Tỉnh ủy họp.",
    "[Ảnh minh họa] Sáng 12/10, Tỉnh ủy họp.",
    '{"title": "x"} là một dòng JSON trích trong bài\nrồi bài tiếp tục.',
    "title,date\nchỉ có tiêu đề và những câu, có dấu phẩy, nhưng không đúng số cột\nmột dòng khác",
])
def test_reports_with_commas_brackets_or_braces_are_not_exports(text):
    assert find_export(text) is None
