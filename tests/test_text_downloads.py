"""The texts for analysis: JSON Lines, gzip, one file per language, the same bytes for the same corpus."""

import gzip
import json

from generator.text_downloads import (
    english_record,
    jsonl_gz,
    text_files,
    vietnamese_record,
)
from generator.translation import TranslationView
from generator.translation_memory import Coverage

PENDING = TranslationView({}, {}, Coverage(0, 0, 0, 0))


def test_the_same_corpus_gives_the_same_bytes(seed_reports):
    reports = list(seed_reports.values())
    assert text_files(reports, {}, PENDING) == text_files(reports, {}, PENDING)
    assert gzip.decompress(jsonl_gz([{"id": "a"}])) == b'{"id":"a"}\n'


def test_a_vietnamese_line_holds_the_title_and_every_segment(seed_reports):
    record = vietnamese_record(seed_reports["002"])
    assert record["title"].startswith("Hà Nam: Đảng bộ tỉnh quyết tâm")
    assert len(record["segments"]) == len(seed_reports["002"].cleaned.blocks)
    assert {s["kind"] for s in record["segments"]} <= {"heading", "paragraph", "caption"}


def test_an_untranslated_report_has_null_english_segments_marked_missing(seed_reports):
    record = english_record(seed_reports["002"], PENDING)
    assert record["translation"] == "pending" and record["title"] is None and record["translator"] is None
    assert all(s["text"] is None and s["status"] == "missing" for s in record["segments"])


def test_both_files_hold_a_line_per_report_in_order(seed_reports):
    reports = list(seed_reports.values())
    files = text_files(reports, {}, PENDING)
    for lang in ("vi", "en"):
        ids = [json.loads(line)["id"] for line in gzip.decompress(files[lang]).decode("utf-8").splitlines()]
        assert ids == [r.id for r in reports]
