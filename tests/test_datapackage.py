"""The data set: a Frictionless Data Package that describes every download, validated by the
frictionless library; the texts of both languages, aligned; a data dictionary, licence, version."""

import csv
import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from frictionless import validate

from generator.datapackage import archive_version, load_dataset
from generator.exports import CSV_FIELDS
from tests.conftest import SOURCES


@pytest.fixture(scope="module")
def site(built_project: Path) -> Path:
    return built_project / "site"


def texts(site: Path, lang: str) -> list[dict]:
    with gzip.open(site / f"data/texts-{lang}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_the_data_package_is_valid_and_every_resource_checks_out(site):
    report = validate(site / "datapackage.json")
    problems = [f"{task.name}: {e.message}" for task in report.tasks for e in task.errors] + [e.message for e in report.errors]
    assert report.valid, problems
    assert {task.name for task in report.tasks} >= {"reports", "reports-json", "texts-vi", "texts-en", "raw-checksums",
                                                     "document-05-ct-tw", "document-05-ct-tw-json"}


def test_the_package_describes_every_file_of_the_data_set(site):
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"] for r in package["resources"]}
    published = {p.relative_to(site).as_posix() for p in (site / "data").rglob("*") if p.is_file() and p.suffix in {".csv", ".json", ".gz"}}
    published -= {"data/facets.json", "data/aliases.json"}  # the site's own: the table and the search page read them
    published -= {p for p in published if p.startswith("data/schema/")}  # the table schemas the resources name
    assert published <= described and "raw/SHA256SUMS" in described
    assert all((site / path).is_file() for path in described)


def test_the_package_carries_licence_version_and_the_list_separator(site, seed_corpus):
    package = json.loads((site / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and "outlets that published them" in package["rights"]
    assert package["version"] == archive_version(seed_corpus.reports) and package["list_separator"] == "; "
    schema = json.loads((site / "data/schema/reports.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in schema["fields"]] == list(CSV_FIELDS)
    assert all(f["description"] and f["description_vi"] for f in schema["fields"])
    implements = next(f for f in schema["fields"] if f["name"] == "implements")
    assert implements["list_separator"] == "; "


def test_the_version_changes_with_any_raw_file_and_only_then(seed_corpus):
    from dataclasses import replace

    reports = list(seed_corpus.reports)
    assert archive_version(reports) == archive_version(list(reversed(reports)))
    changed = [replace(reports[0], raw=replace(reports[0].raw, sha256="0" * 64))] + reports[1:]
    assert archive_version(changed) != archive_version(reports)


def test_the_csv_names_the_english_title_translation_outlet_and_raw_file(site):
    rows = list(csv.DictReader(io.StringIO((site / "data/reports.csv").read_text(encoding="utf-8-sig"))))
    lang_son = next(r for r in rows if r["id"] == "003_819d290b6f01cc90")
    assert lang_son["title_en"].startswith("Party organisation of the Office of the provincial Party Committee")
    assert lang_son["translation"] == "editors" and lang_son["translator"] == "Archive editors"
    assert lang_son["outlet"] == "Báo Lạng Sơn" and lang_son["url_en"].endswith("/en/reports/003_819d290b6f01cc90/")
    assert lang_son["raw_url"].endswith("/raw/003_819d290b6f01cc90.txt") and lang_son["date_basis"] == "inferred"
    assert "province:inferred" in lang_son["origins"].split("; ")
    assert all(r["title_en"] for r in rows)  # every seed report has its English title


def test_per_document_csv_gives_each_reports_role(site):
    rows = list(csv.DictReader(io.StringIO((site / "data/directives/03-ct-tw.csv").read_text(encoding="utf-8-sig"))))
    assert {(r["id"], r["role"]) for r in rows} == {("000_f4d9ae87f141ab91", "implements"), ("001_6c6cd01c535d82ba", "implements")}


def test_the_texts_of_both_languages_align_segment_by_segment(site):
    vi, en = texts(site, "vi"), texts(site, "en")
    assert [r["id"] for r in vi] == [r["id"] for r in en] and len(vi) == len(list(SOURCES.glob("*.txt")))
    for v, e in zip(vi, en):
        assert [s["kind"] for s in v["segments"]] == [s["kind"] for s in e["segments"]]
    kien_giang = next(r for r in en if r["id"] == "001_6c6cd01c535d82ba")
    assert kien_giang["translation"] == "editors" and kien_giang["title"].startswith("Briefing conference")
    assert any("[ed: printed “Wetise”]" in (s["text"] or "") for s in kien_giang["segments"])  # the editors' note, marked


def test_the_raw_files_are_published_byte_for_byte_with_their_checksums(site):
    sums = dict(reversed(line.split("  ")) for line in (site / "raw/SHA256SUMS").read_text(encoding="utf-8").splitlines())
    assert len(sums) == len(list(SOURCES.glob("*.txt")))
    for raw in SOURCES.glob("*.txt"):
        assert (site / "raw" / raw.name).read_bytes() == raw.read_bytes()
        assert sums[raw.name] == hashlib.sha256(raw.read_bytes()).hexdigest()


def test_the_data_page_gives_the_dictionary_licence_and_version_on_both_sides(site, seed_corpus):
    version = archive_version(seed_corpus.reports)
    for side, words in (("", ("Từ điển dữ liệu", "Giấy phép", "dấu chấm phẩy")), ("en/", ("Data dictionary", "Licence", "a semicolon"))):
        page = (site / side / "data/index.html").read_text(encoding="utf-8")
        assert all(w in page for w in words) and version in page
        for field in load_dataset().fields["reports"]:
            assert f"<code>{field.name}</code>" in page
