"""A site built from hostile input (tests/hostile_fixture.py): every output loads in a real parser
for its format, and every text from a raw report, a sidecar or a PO file is text there, never markup."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import lxml.html
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware

from generator.build import build
from generator.project import Project
from tests.conftest import SEED, copy_project
from tests.hostile_fixture import (
    AUTHOR,
    CLOSING,
    REPORT_ID,
    SYNTAX,
    THEME_LOGO,
    TITLE,
    TITLE_EN,
    write_hostile_report,
)
from tests.memory_fixture import msgfmt_check

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE_NAME = {"vi": "Lưu trữ báo cáo thực hiện văn bản của Đảng", "en": "Archive of provincial Party reports"}
PAGES = {  # page -> (language, the title it must show)
    f"site/reports/{REPORT_ID}/index.html": ("vi", TITLE),
    f"site/en/reports/{REPORT_ID}/index.html": ("en", TITLE_EN),
}  # the parallel view is one page per side, filled in the browser (tests/test_browser_hostile.py)
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def html(project: Path, page: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(project / page)).getroot()


def heading_text(element: lxml.html.HtmlElement) -> str:
    return element.text_content().removesuffix("¶").strip()


def test_every_page_parses_and_nothing_from_the_input_became_a_script_a_handler_or_a_link(hostile_project: Path):
    pages = sorted((hostile_project / "site").rglob("*.html"))
    assert len(pages) > 100
    offenders = []
    for path in pages:
        root = lxml.html.parse(str(path)).getroot()
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            handlers = [name for name in element.attrib if name.lower().startswith("on")]
            links = [v for k, v in element.attrib.items() if k in ("href", "src", "action") and v.strip().lower().startswith("javascript:")]
            image = element.tag == "img" and not element.get("src", "").endswith(THEME_LOGO)
            if handlers or links or image or element.tag == "iframe" or (element.tag == "script" and "__xss" in (element.text or "")):
                offenders.append(f"{path.relative_to(hostile_project)}: <{element.tag} {dict(element.attrib)}>")
    assert offenders == []


@pytest.mark.parametrize("page", PAGES)
def test_the_title_reads_exactly_as_written_in_the_tab_the_header_and_the_heading(hostile_project: Path, page: str):
    lang, title = PAGES[page]
    root = html(hostile_project, page)
    assert root.findtext(".//title") == f"{title} - {SITE_NAME[lang]}"
    header = root.xpath('//*[@data-md-component="header-topic"]')[0]
    assert header.text_content().strip() == title
    assert [heading_text(h) for h in root.iter("h1")] == [title]


def test_the_report_heading_shows_no_stray_backslash(hostile_project: Path):
    heading = heading_text(next(html(hostile_project, f"site/reports/{REPORT_ID}/index.html").iter("h1")))
    assert heading == TITLE and "\\" not in heading


def test_a_sidecar_author_stays_inside_its_meta_tag(hostile_project: Path):
    root = html(hostile_project, f"site/reports/{REPORT_ID}/index.html")
    assert [m.get("content") for m in root.xpath('//meta[@name="author"]')] == [AUTHOR]


def test_markdown_mkdocs_and_html_syntax_in_the_raw_text_is_shown_as_text(hostile_project: Path):
    body = html(hostile_project, f"site/reports/{REPORT_ID}/index.html").xpath('//div[contains(@class, "report-body")]')[0]
    blocks = [child for child in body if isinstance(child.tag, str)]
    assert {b.tag for b in blocks} <= {"p", "h2"}
    assert not body.xpath(".//*[self::div or self::details or self::hr or self::h1 or self::ul or self::ol or self::pre "
                          "or self::table or self::blockquote or self::em or self::strong or self::code or self::nav]")
    shown = [heading_text(b) for b in blocks]
    expected = [" ".join(line.replace("<!-- bình luận -->", "").split()) for line in SYNTAX]
    assert [s for s in shown if s in expected] == expected and shown[-1] == CLOSING


def test_the_editors_note_is_text_inside_its_own_box(hostile_project: Path):
    root = html(hostile_project, f"site/reports/{REPORT_ID}/index.html")
    note = root.xpath('//div[contains(@class, "admonition") and contains(@class, "note")]')
    assert len(note) == 1 and note[0].xpath("./p[last()]")[0].text_content() == '<script>window.__xss=8</script> !!! warning "không phải khung"'


@pytest.mark.parametrize("feed, title", [("site/feed.xml", TITLE), ("site/en/feed.xml", TITLE_EN)])
def test_both_feeds_are_valid_xml_with_the_title_as_written(hostile_project: Path, feed: str, title: str):
    data = (hostile_project / feed).read_bytes()
    assert not XML_FORBIDDEN.search(data.decode("utf-8"))
    root = ET.fromstring(data)
    titles = {e.findtext("a:id", namespaces=ATOM).rsplit("/", 2)[-2]: e.findtext("a:title", namespaces=ATOM)
              for e in root.findall("a:entry", ATOM)}
    assert len(titles) == len(SEED) + 1 and titles[REPORT_ID] == title


@pytest.mark.parametrize("sitemap", ["site/sitemap.xml", "site/en/sitemap.xml"])
def test_both_sitemaps_are_valid_xml(hostile_project: Path, sitemap: str):
    root = ET.parse(hostile_project / sitemap).getroot()
    urls = [loc.text for loc in root.iterfind("s:url/s:loc", SITEMAP)]
    assert any(url.endswith(f"/reports/{REPORT_ID}/") for url in urls)


def test_the_json_downloads_hold_the_texts_exactly(hostile_project: Path):
    records = {r["id"]: r for r in json.loads((hostile_project / "site/data/reports.json").read_text(encoding="utf-8"))}
    assert (records[REPORT_ID]["title"], records[REPORT_ID]["author"]) == (TITLE, AUTHOR)
    assert records[REPORT_ID]["source"] == '=HYPERLINK("http://example.org", "Báo Hà Nam")'
    facets = json.loads((hostile_project / "site/en/data/facets.json").read_text(encoding="utf-8"))
    assert [row[1] for row in facets["rows"] if row[0] == REPORT_ID] == [TITLE_EN]
    json.loads((hostile_project / "site/data/aliases.json").read_text(encoding="utf-8"))


def test_the_csv_download_reads_back_and_a_formula_stays_text(hostile_project: Path):
    text = (hostile_project / "site/data/reports.csv").read_text(encoding="utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert len(rows) == len(SEED) + 1
    row = rows[REPORT_ID]
    assert (row["title"], row["author"]) == (TITLE, AUTHOR)
    assert row["source"] == '\'=HYPERLINK("http://example.org", "Báo Hà Nam")'  # a spreadsheet shows it, never runs it


def test_the_bibtex_citation_parses_to_one_entry_with_the_title(hostile_project: Path):
    root = html(hostile_project, f"site/reports/{REPORT_ID}/index.html")
    bibtex = root.xpath('//code[contains(@class, "language-bibtex")]')[0].text_content()
    library = bibtexparser.parse_string(bibtex, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == [] and [e.key for e in library.entries] == [f"report_{REPORT_ID}"]
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert (fields["title"], fields["author"]) == (TITLE, AUTHOR)


def test_every_po_file_passes_msgfmt_after_each_build(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    write_hostile_report(project / "source_reports", project / "translations")
    build(Project.at(project), site=False)
    raw = project / "source_reports" / SEED["004"].name
    paragraphs = raw.read_text(encoding="utf-8").split("\n\n")
    paragraphs.insert(2, 'Một đoạn mới chèn vào: "trích dẫn", \\ gạch chéo, 100% và %s, %d không phải định dạng.')
    raw.write_text("\n\n".join(paragraphs), encoding="utf-8")
    for _ in range(2):  # the second build moves the changed entries: fuzzy, obsolete
        build(Project.at(project), site=False)
        catalogs = sorted((project / "translations" / "en").glob("*.po"))
        assert len(catalogs) == len(SEED) + 1
        for po in catalogs:
            checked = msgfmt_check(po)
            assert checked.returncode == 0, f"{po.name}: {checked.stderr}"


def test_a_control_character_in_a_translation_never_reaches_the_page(hostile_project: Path):
    from tests.hostile_fixture import LEAD_EN

    page = (hostile_project / f"site/en/reports/{REPORT_ID}/index.html").read_text(encoding="utf-8")
    assert "\v" not in page and not XML_FORBIDDEN.search(page)
    body = lxml.html.fromstring(page).xpath('//div[contains(@class, "report-body")]')[0]
    assert " ".join(LEAD_EN.replace("\v", " ").split()) in [p.text_content() for p in body.iter("p")]
