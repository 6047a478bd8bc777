"""One story about translation: the About pages, the home page, the table's data, the downloads and
the feeds say what each report page says (editors' translation, machine, in progress, pending), and
editors' notes inside a translation are marked as theirs."""

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from generator.rendering import page_labels

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def page_statuses(project: Path) -> dict[str, str]:
    statuses = {}
    for page in (project / "docs/en/reports").glob("*.md"):
        if page.name != "index.md":
            front = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
            statuses[front["report_id"]] = (front["translation"], front["title_en"])
    return statuses


def test_the_about_pages_describe_every_status_a_report_page_shows(built_project: Path):
    labels = page_labels()
    english = (built_project / "docs/en/about.md").read_text(encoding="utf-8")
    assert "not yet available" not in english
    for words in (labels["en"]["translated_by_editors"], labels["en"]["machine_translation"], labels["en"]["partial_translation"], "Translation pending"):
        assert words in english, words
    vietnamese = (built_project / "docs/vi/about.md").read_text(encoding="utf-8")
    for words in (labels["vi"]["translated_by_editors"].rstrip("."), labels["vi"]["machine_translation"],
                  labels["vi"]["partial_translation"], labels["vi"]["facets"]["pending"].capitalize()):
        assert words in vietnamese, words


def test_home_table_data_texts_and_feed_agree_with_the_report_pages(built_project: Path):
    site = built_project / "site"
    pages = page_statuses(built_project)
    assert pages and {status for status, _ in pages.values()} == {"editors"}  # the five seed reports
    records = {r["id"]: r for r in json.loads((site / "data/reports.json").read_text(encoding="utf-8"))}
    facets = json.loads((site / "en/data/facets.json").read_text(encoding="utf-8"))
    table = {row[0]: (row[1], row[7]) for row in facets["rows"]}
    with gzip.open(site / "data/texts-en.jsonl.gz", "rt", encoding="utf-8") as handle:
        texts = {r["id"]: r for r in map(json.loads, handle)}
    feed = ET.fromstring((site / "en/feed.xml").read_bytes())
    feed_titles = {e.find("a:id", ATOM).text.rstrip("/").rsplit("/", 1)[1]: e.find("a:title", ATOM).text
                   for e in feed.findall("a:entry", ATOM)}
    for report_id, (status, title_en) in pages.items():
        assert records[report_id]["translation"] == status and records[report_id]["title_en"] == title_en
        assert table[report_id] == (title_en, status)
        assert texts[report_id]["translation"] == status and texts[report_id]["title"] == title_en
        assert feed_titles[report_id] == title_en  # the English feed carries English titles
    home = (site / "en/index.html").read_text(encoding="utf-8")
    assert f"English translations of {len(pages)} reports: {len(pages)} by the archive editors" in home


def test_the_vietnamese_feed_keeps_the_vietnamese_titles(built_project: Path):
    feed = ET.fromstring((built_project / "site/feed.xml").read_bytes())
    titles = [e.find("a:title", ATOM).text for e in feed.findall("a:entry", ATOM)]
    assert "Hội nghị giao ban thực hiện Chỉ thị 03 của Bộ Chính trị" in titles


def test_an_editors_note_inside_a_translation_is_marked_on_the_page(built_project: Path):
    # The parallel view is built from this page in the browser: tests/test_browser.py checks it there.
    for path in ("site/en/reports/001_6c6cd01c535d82ba/index.html",):
        page = (built_project / path).read_text(encoding="utf-8")
        assert re.search(r'<span class="editor-note">\[Editor\'s note: printed “Wetise”\]</span>', page), path
        assert "(printed “Wetise”)" not in page and "[ed:" not in page
    translation = (built_project / "translations/en/004_a325bf6e288159c8.po").read_text(encoding="utf-8")
    assert "[ed: the printed title omits the word “building”]" in translation
