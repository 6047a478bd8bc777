"""Downloads: JSON and CSV of every report (and per document), facets data, Atom feed."""

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

from generator.exports import atom_feed, dataset_files, facets_data
from generator.history import added_dates
from generator.site_context import build_context
from tests.conftest import SOURCES

SITE = "https://example.org/archive/"


def test_datasets_in_json_and_csv(seed_corpus, registry):
    context = build_context(seed_corpus.reports, registry)
    files = dataset_files(list(context.reports), context.by_directive, context.directive_ids, SITE)
    records = json.loads(files["data/reports.json"])
    assert {r["id"] for r in records} == {p.stem for p in SOURCES.glob("*.txt")}
    rows = list(csv.DictReader(io.StringIO(files["data/reports.csv"].lstrip("\ufeff"))))
    hanam = next(r for r in rows if r["id"] == "002_bd37ec31966b5a35")
    assert hanam["province"] == "Hà Nam" and hanam["province_2025"] == "Ninh Bình"
    assert hanam["cites"] == "04-NQ/TW; 26-NQ/TW; 08-QĐi/TW"
    per_directive = json.loads(files["data/directives/03-ct-tw.json"])
    assert {(r["id"], r["role"]) for r in per_directive} == {("000_f4d9ae87f141ab91", "implements"), ("001_6c6cd01c535d82ba", "implements")}
    assert json.loads(files["data/directives/45-ct-tw.json"]) == []


def test_facets_rows_point_into_shared_lists(seed_corpus, registry):
    data = json.loads(facets_data(build_context(seed_corpus.reports, registry).reports, "en"))
    row = next(r for r in data["rows"] if r[0] == "001_6c6cd01c535d82ba")
    assert data["provinces"][row[3]] == "Kien Giang" and data["provinces"][row[4]] == "An Giang"
    assert [data["documents"][i] for i in row[5]] == ["03-CT/TW", "03-KH/TW (XI)"]


def test_atom_feed_lists_newest_additions_first(seed_corpus):
    added = {r.raw.path.name: dt.datetime(2026, 1, i + 1, tzinfo=dt.timezone.utc) for i, r in enumerate(sorted(seed_corpus.reports, key=lambda r: r.id))}
    feed = ET.fromstring(atom_feed(seed_corpus.reports, added, SITE, "en", "Archive"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [e.find("a:id", ns).text for e in feed.findall("a:entry", ns)]
    assert ids[0] == SITE + "reports/004_a325bf6e288159c8/" and len(ids) == 5
    assert feed.find("a:updated", ns).text == "2026-01-05T00:00:00+00:00"


def test_a_committed_report_is_dated_by_the_commit_that_added_it_and_a_new_one_by_its_file(tmp_path):
    import os
    import subprocess

    source = tmp_path / "source_reports"
    source.mkdir()
    (source / "a.txt").write_text("Tỉnh ủy Hà Nam sơ kết.\n", encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-03-05T08:00:00+07:00", "GIT_COMMITTER_DATE": "2024-03-05T08:00:00+07:00",
           "GIT_AUTHOR_NAME": "Biên tập", "GIT_AUTHOR_EMAIL": "bt@example.org", "GIT_COMMITTER_NAME": "Biên tập",
           "GIT_COMMITTER_EMAIL": "bt@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "a.txt"], ["git", "commit", "-qm", "a"]):
        subprocess.run(command, cwd=source, env=env, check=True)
    (source / "b.txt").write_text("Tỉnh ủy Nam Định sơ kết.\n", encoding="utf-8")
    os.utime(source / "b.txt", (1_700_000_000, 1_700_000_000))
    dates = added_dates(source)
    assert dates["a.txt"] == dt.datetime(2024, 3, 5, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert dates["b.txt"] == dt.datetime.fromtimestamp(1_700_000_000, tz=dt.timezone.utc)


def test_a_dangling_link_among_the_reports_does_not_stop_the_dating(tmp_path):
    source = tmp_path / "source_reports"
    source.mkdir()
    (source / "a.txt").write_text("Tỉnh ủy Hà Nam sơ kết.\n", encoding="utf-8")
    (source / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert set(added_dates(source)) == {"a.txt", "gone.txt"}


def test_the_english_feed_gives_english_titles_and_marks_a_vietnamese_one(seed_corpus):
    added = {r.raw.path.name: dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) for r in seed_corpus.reports}
    titles = {"001_6c6cd01c535d82ba": "Briefing conference on the implementation of Directive 03 of the Politburo"}
    feed = ET.fromstring(atom_feed(seed_corpus.reports, added, SITE, "en", "Archive", titles=titles))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = {e.find("a:id", ns).text: e.find("a:title", ns) for e in feed.findall("a:entry", ns)}
    english = entries[SITE + "reports/001_6c6cd01c535d82ba/"]
    assert english.text == titles["001_6c6cd01c535d82ba"] and english.get("{http://www.w3.org/XML/1998/namespace}lang") is None
    vietnamese = entries[SITE + "reports/002_bd37ec31966b5a35/"]
    assert vietnamese.text.startswith("Hà Nam:") and vietnamese.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"


def test_a_record_names_the_outlet_and_how_each_field_was_established(seed_reports):
    from generator.exports import report_record

    record = report_record(seed_reports["003"], SITE, site_url_en=SITE + "en/")
    assert record["outlet"] == "Báo Lạng Sơn" and record["url_en"] == SITE + "en/reports/003_819d290b6f01cc90/"
    assert record["origins"]["province"] == "inferred" and record["raw_url"] == SITE + "raw/003_819d290b6f01cc90.txt"
    assert record["translation"] == "pending" and record["title_en"] is None  # no translation given here


def test_a_control_character_in_a_title_never_makes_the_feed_invalid(seed_corpus):
    from dataclasses import replace

    from generator.model import Extracted

    report = seed_corpus.reports[0]
    hostile = replace(report, metadata=replace(report.metadata, title=Extracted("Hà Nam\x0b sơ kết\x1b[31m <Chỉ thị> & \"05\"\x00")))
    feed = ET.fromstring(atom_feed([hostile], {}, SITE, "vi", "Lưu trữ\x07"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.find("a:entry/a:title", ns).text == 'Hà Nam sơ kết[31m <Chỉ thị> & "05"'
    assert feed.find("a:title", ns).text == "Lưu trữ"


def test_a_csv_cell_that_would_be_a_spreadsheet_formula_is_kept_as_text():
    from generator.exports import to_csv

    formulas = ["=HYPERLINK(\"http://example.org\")", "+1", "-2+3", "@SUM(A1)", "\tTab"]
    text = to_csv([{"id": str(i), "title": f, "people": [f, "Lê Văn A"]} for i, f in enumerate(formulas)])
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["title"] for r in rows] == ["'" + f for f in formulas]
    assert rows[0]["people"] == "'=HYPERLINK(\"http://example.org\"); Lê Văn A"
    plain = next(csv.DictReader(io.StringIO(to_csv([{"id": "1", "title": "Hội nghị 05-CT/TW", "date": "2019-03-12"}]).lstrip("\ufeff"))))
    assert (plain["title"], plain["date"]) == ("Hội nghị 05-CT/TW", "2019-03-12")
