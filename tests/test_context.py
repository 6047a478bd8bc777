"""Context can't flip confidence: lines of breadcrumbs, section names, comments or HTML above a page's
header date, or several articles in one file, never make a doubtful value confident or a different
one. Seed 003 (Lạng Sơn, "Thứ hai, 27/06/2022" above a report of about 2010) is the example: its
header date is years after the text and is rightly left aside."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.model import Confidence, Report, ReportError
from generator.pipeline import process_report
from tests.conftest import SEED

RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}
FIELDS = ("title", "date", "province", "author", "source")
SEED_003 = SEED["003"].read_text(encoding="utf-8")
HEADER = SEED_003.split("\n", 1)[0]  # "Thứ hai, 27/06/2022", with a no-break space as the site writes it
ABOVE_THE_HEADER = {
    "breadcrumb": "Trang chủ » Tin tức » Xây dựng Đảng\n",
    "section name": "Xây dựng Đảng\n",
    "breadcrumb and section name": "Trang chủ » Tin tức\nXây dựng Đảng\n\n",
    "HTML comment naming another province": "<!-- Báo Quảng Ninh điện tử - Tỉnh ủy Quảng Ninh -->\n",
    "HTML markup": '<div class="breadcrumb"><a href="/">Trang chủ</a> / Xây dựng Đảng</div>\n',
    "a tag left open": '<nav class="menu">\n',
    "script comment": "// Bài viết liên quan\n",
    "all of them": "<!doctype html>\n<!-- Tỉnh ủy Quảng Ninh -->\nTrang chủ » Tin tức\nThời sự - Chính trị\n",
}
COMMENTS = {
    "above the title": SEED_003.replace(HEADER, HEADER + "\n<!-- Quảng Ninh, Hạ Long, Cẩm Phả, Tỉnh ủy Quảng Ninh -->"),
    "inside the lead": SEED_003.replace("LSO-", "LSO-<!-- Tỉnh ủy Quảng Ninh, Báo Quảng Ninh, Hạ Long -->", 1),
    "over several lines": SEED_003.replace("\nMinh Quân", "\n<!--\nBáo Quảng Ninh\nTỉnh ủy Quảng Ninh\nHạ Long, Cẩm Phả\n-->\nMinh Quân"),
    "never closed": SEED_003.replace("\nMinh Quân", "\nMinh Quân\n<!-- Tỉnh ủy Quảng Ninh, Hạ Long, Cẩm Phả"),
}


def read(tmp_path: Path, text: str, name: str = "003_variant.txt") -> Report:
    raw = tmp_path / name
    raw.write_text(text, encoding="utf-8")
    return process_report(raw, _registry())


def _registry():
    from generator.registry import load_registry

    return load_registry()


def values(report: Report) -> dict[str, object]:
    m = report.metadata
    return {"title": m.title.value, "date": m.date.value, "province": m.province.value, "implements": m.implements,
            "author": m.author.value, "source": m.source.value, "date findings": sorted(f.code for f in m.findings if f.field == "date")}


def confidences(report: Report) -> dict[str, int]:
    return {name: RANK[getattr(report.metadata, name).confidence] for name in FIELDS}


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Report:
    return read(tmp_path_factory.mktemp("plain"), SEED_003)


def test_the_seed_leaves_its_late_header_date_aside(plain: Report):
    assert plain.metadata.date.value.iso == "2010" and plain.metadata.date.confidence == Confidence.MEDIUM
    assert "date.header_too_late" in values(plain)["date findings"]
    assert plain.metadata.province.value.name == "Lạng Sơn"


@pytest.mark.parametrize("lines", ABOVE_THE_HEADER.values(), ids=ABOVE_THE_HEADER)
def test_lines_above_the_header_date_change_no_value_and_raise_no_confidence(tmp_path: Path, plain: Report, lines: str):
    report = read(tmp_path, lines + SEED_003)
    assert values(report) == values(plain)
    assert all(confidences(report)[f] <= confidences(plain)[f] for f in FIELDS), (confidences(report), confidences(plain))


@pytest.mark.parametrize("text", COMMENTS.values(), ids=COMMENTS)
def test_an_html_comment_never_gives_a_province_nor_counts_as_evidence(tmp_path: Path, plain: Report, text: str):
    report = read(tmp_path, text)
    assert report.metadata.province.value.name == "Lạng Sơn"
    assert "Quảng Ninh" not in " ".join(f.message("en") for f in report.metadata.findings)
    assert "Quảng Ninh" not in report.cleaned.body and values(report) == values(plain)
    assert any(reason == "HTML comment" and "Quảng Ninh" in line for reason, line in report.cleaned.dropped)


def test_without_its_agency_tag_the_province_is_not_taken_from_a_comment(tmp_path: Path):
    untagged = SEED_003.replace("LSO-", "")
    text = untagged.replace(HEADER, HEADER + "\n<!-- Báo Quảng Ninh - baoquangninh.vn - Tỉnh ủy Quảng Ninh -->")
    with_comment, without = read(tmp_path, text, "a.txt").metadata.province, read(tmp_path, untagged, "b.txt").metadata.province
    assert (with_comment.value, with_comment.confidence) == (without.value, without.confidence)
    assert with_comment.value is None or with_comment.value.name != "Quảng Ninh"


def test_a_scrapers_export_of_several_articles_is_refused_not_read_as_one_report(tmp_path: Path):
    articles = [SEED["003"].read_text(encoding="utf-8"), SEED["002"].read_text(encoding="utf-8")]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "date", "content"])
    writer.writerows([a.split("\n", 1)[0], "2022-06-27", a] for a in articles)
    for name, text in (("export.csv.txt", buffer.getvalue()), ("export.json.txt", json.dumps([{"title": "x", "content": a} for a in articles]))):
        with pytest.raises(ReportError, match="2 articles"):
            read(tmp_path, text, name)


def test_two_articles_pasted_into_one_file_never_get_a_confident_province(tmp_path: Path):
    report = read(tmp_path, SEED_003 + "\n" + SEED["002"].read_text(encoding="utf-8"))
    assert report.metadata.province.confidence != Confidence.HIGH
    codes = [f.code for f in report.metadata.findings if f.field == "province"]
    assert "province.sources_disagree" in codes
