"""Citations carry the permanent URL and the facts we are sure of, nothing else."""

import re

from generator.citations import cite_bibtex, cite_csl, cite_plain
from generator.urls import URLS

URL = "https://example.org/archive/reports/001_6c6cd01c535d82ba/"


def test_permanent_url_comes_from_the_report_id():
    assert URLS.permanent_url("https://example.org/archive/", "001_6c6cd01c535d82ba") == URL


def test_plain_citation(seed_reports):
    text = cite_plain(seed_reports["001"], URL, "en")
    assert text.startswith("Quốc Tuấn. “Hội nghị giao ban thực hiện Chỉ thị 03 của Bộ Chính trị”.")
    assert "2013-08-23" in text and text.endswith(URL)


def test_bibtex_keeps_the_vietnamese_name_whole_and_escapes_tex(seed_reports):
    bib = cite_bibtex(seed_reports["001"], URL)
    assert bib.startswith("@misc{report_001_6c6cd01c535d82ba,")
    assert "author = {{Quốc Tuấn}}" in bib and "year = {2013}" in bib and "month = {8}" in bib
    assert "001\\_6c6cd01c535d82ba" in bib


def test_csl_json_has_no_date_when_the_date_is_unknown(seed_reports):
    from dataclasses import replace

    from generator.model import Extracted

    undated = replace(seed_reports["003"], metadata=replace(seed_reports["003"].metadata, date=Extracted(None)))
    item = cite_csl(undated, URL)
    assert "issued" not in item and item["type"] == "article-newspaper" and item["URL"] == URL


def test_a_year_worked_out_from_the_text_is_cited_as_that_year(seed_reports):
    assert cite_csl(seed_reports["003"], URL)["issued"] == {"date-parts": [[2010]]}  # "Bốn năm thực hiện Cuộc vận động"


def test_csl_json_date_parts_follow_the_precision(seed_reports):
    assert cite_csl(seed_reports["002"], URL)["issued"] == {"date-parts": [[2019, 1]]}
    assert cite_csl(seed_reports["004"], URL)["issued"] == {"date-parts": [[2012]]}


def test_bibtex_of_a_title_full_of_tex_and_braces_parses_back_to_one_entry(seed_reports):
    import bibtexparser

    from generator.model import Extracted

    title = "Tỉnh ủy} @misc{gia, title={x} 100% & $5 #1 a_b ^ ~ \\textbf{đậm} {"
    report = replace_title(seed_reports["001"], Extracted(title))
    entries = bibtexparser.loads(cite_bibtex(report, URL)).entries
    assert [e["ID"] for e in entries] == ["report_001_6c6cd01c535d82ba"]
    assert entries[0]["url"] == URL and entries[0]["author"] == "{Quốc Tuấn}"
    words = {"\\textbackslash{}": "\\", "\\textbraceleft{}": "{", "\\textbraceright{}": "}", "\\^{}": "^", "\\~{}": "~"}
    unescaped = re.sub(r"\\text(?:backslash|braceleft|braceright)\{\}|\\\^\{\}|\\~\{\}|\\(.)",
                       lambda m: words.get(m.group(), m.group(1)), entries[0]["title"][1:-1])
    assert unescaped == title


def replace_title(report, title):
    from dataclasses import replace

    return replace(report, metadata=replace(report.metadata, title=title))
