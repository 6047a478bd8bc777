"""Provenance: the outlet by name, the original article, the raw file byte for byte, what cleaning
removed, and for every field whether it was extracted, inferred or set by an editor."""

from dataclasses import replace
from pathlib import Path

import pytest

from generator.cleaning import clean_report
from generator.model import CleanedText, ReportError
from generator.pipeline import process_report
from generator.provenance import (
    REMOVED_REASONS,
    SHOWN_REMOVED,
    field_origins,
    page_provenance,
    raw_copy,
    removed_lines,
    report_outlet,
    shown_removed,
)
from generator.reading import find_reports, read_report
from generator.rendering import page_labels
from tests.conftest import ROOT
from tests.provenance_fixture import write_lang_son


@pytest.fixture
def lang_son(tmp_path, registry):
    return process_report(write_lang_son(tmp_path), registry)


def origins(report) -> dict[str, str]:
    return {o.field: o.origin for o in field_origins(report)}


def test_the_agency_tag_names_the_outlet_from_the_outlet_table(seed_reports):
    outlet = report_outlet(seed_reports["003"])  # "LSO-"
    assert (outlet.name, outlet.kind, outlet.basis, outlet.evidence) == ("Báo Lạng Sơn", "newspaper", "tag", "LSO-")


def test_a_source_credit_with_a_domain_names_the_outlet(seed_reports):
    outlet = report_outlet(seed_reports["002"])  # "Theo https://www.baohanam.com.vn"
    assert (outlet.name, outlet.basis) == ("Báo Hà Nam", "credit")


def test_a_credit_the_table_does_not_know_is_shown_as_printed(seed_reports):
    outlet = report_outlet(seed_reports["001"])
    assert outlet.name == "website Kiên Giang (UBND Tỉnh)" and outlet.kind is None


def test_the_original_urls_domain_names_the_outlet_before_the_tag(lang_son):
    outlet = report_outlet(lang_son)
    assert (outlet.name, outlet.basis, outlet.evidence) == ("Báo Lạng Sơn", "url", "baolangson.vn")


def test_an_editors_source_wins_and_is_named_from_the_table(tmp_path, registry):
    raw = write_lang_son(tmp_path, sidecar="source: Báo Lạng Sơn\n")
    outlet = report_outlet(process_report(raw, registry))
    assert (outlet.name, outlet.kind, outlet.basis) == ("Báo Lạng Sơn", "newspaper", "editor")


def test_a_report_without_credit_tag_or_url_has_no_outlet(seed_reports):
    assert report_outlet(seed_reports["000"]) is None


def test_fields_read_as_written_are_extracted_and_worked_out_ones_inferred(seed_reports, lang_son):
    assert origins(lang_son) == {"title": "extracted", "date": "extracted", "province": "inferred", "directives": "extracted",
                                 "author": "extracted", "source": "inferred", "url": "editor", "retrieved": "editor"}
    hung_yen = origins(seed_reports["000"])
    assert hung_yen["title"] == "inferred"  # derived from the lead: the page has no title line
    assert origins(seed_reports["001"])["date"] == "inferred"  # "Sáng 23-8": the year from elsewhere
    assert origins(seed_reports["004"])["province"] == "extracted"  # "… ở Bình Thuận" names it


def test_a_field_an_editor_set_says_so(tmp_path, registry):
    report = process_report(write_lang_son(tmp_path, sidecar='date: "2024-03"\nprovince: Cao Bằng\nauthor: Hoàng Lan (Báo Lạng Sơn)\n'), registry)
    found = {o.field: o for o in field_origins(report)}
    assert all(found[name].origin == "editor" and found[name].evidence == "" for name in ("date", "province", "author"))
    assert found["title"].origin == "extracted"


def test_cleaning_removals_are_listed_with_their_reason(lang_son):
    assert [(r.reason, r.text) for r in removed_lines(lang_son.cleaned)] == [
        ("stamp", "Thứ ba, 12/03/2024"), ("tail", "Bình luận (0)"), ("tail", "Các tin khác"),
        ("agency_tag", "LSO-"), ("byline", "HOÀNG LAN")]


def test_the_repeated_lead_is_listed_as_removed(seed_reports):
    assert "repeated_lead" in {r.reason for r in removed_lines(seed_reports["003"].cleaned)}


def test_every_reason_cleaning_gives_has_a_label_in_both_languages():
    reasons = set()
    for folder in ("source_reports", "tests/corpus", "tests/corpus_heldout", "tests/corpus_heldout2", "tests/corpus_heldout3"):
        for path in find_reports(ROOT / folder):
            reasons |= {reason for reason, _ in clean_report(read_report(path)).dropped}
    assert reasons and reasons <= set(REMOVED_REASONS)
    for lang, labels in page_labels().items():
        assert set(REMOVED_REASONS.values()) | {"stamp", "agency_tag", "byline", "source_credit", "other"} <= set(labels["removed"]), lang


def test_a_page_lists_at_most_forty_removed_lines_and_counts_the_rest(lang_son):
    long_tail = tuple(("web page tail (comments, related links)", f"Tin liên quan số {i}") for i in range(55))
    cleaned = replace(lang_son.cleaned, dropped=long_tail, stamps=(), agency_prefix=None, byline=None)
    shown, more = shown_removed(cleaned)
    assert len(shown) == SHOWN_REMOVED and more == 15


def test_the_raw_copy_is_the_file_byte_for_byte(tmp_path, registry):
    raw = tmp_path / "bom.txt"
    data = "\ufeffTỉnh ủy Lạng Sơn sơ kết Chỉ thị 05-CT/TW.\r\nSáng 11/3/2024, hội nghị đã đánh giá kết quả thực hiện trong toàn tỉnh.\r\n".encode("utf-8")
    raw.write_bytes(data)
    report = process_report(raw, registry)
    assert raw_copy(report) == data  # BOM and CRLF kept: the copy is the file, not the text read from it
    assert page_provenance(report, "../../raw/bom.txt").size == len(data)


def test_a_raw_file_changed_since_it_was_read_is_not_copied(tmp_path, registry):
    report = process_report(write_lang_son(tmp_path, sidecar=None), registry)
    report.raw.path.write_text("Một nội dung khác.\n", encoding="utf-8")
    with pytest.raises(ReportError, match="changed while the site was being built"):
        raw_copy(report)


def test_a_page_without_anything_removed_lists_nothing():
    empty = CleanedText(title_line="Tiêu đề", blocks=(), byline=None, source_credit=None, agency_prefix=None)
    assert removed_lines(empty) == [] and shown_removed(empty) == ([], 0)


def test_the_raw_link_of_an_english_page_reaches_the_root_copy(seed_reports):
    from generator.urls import URLS

    href = URLS.root_href("reports/003_819d290b6f01cc90.md", URLS.raw("003_819d290b6f01cc90"), "en/")
    assert href == "../../../raw/003_819d290b6f01cc90.txt"  # from /en/reports/<id>/ to /raw/<id>.txt
    assert Path("/en/reports/003_819d290b6f01cc90/").joinpath(href).resolve() == Path("/raw/003_819d290b6f01cc90.txt")


def test_a_built_report_page_shows_its_provenance_and_links_the_raw_file(built_project):
    import re

    page_path = built_project / "site/en/reports/003_819d290b6f01cc90/index.html"
    page = page_path.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "Báo Lạng Sơn (from the agency tag at the start: LSO-)" in text
    assert "Original article" in text and "not recorded" in text
    assert "22c62a07c1adeb91307e4d5af63734d5eea9d65cfae85406ac17209400550d92" in text
    href = re.search(r'href="([^"]+003_819d290b6f01cc90\.txt)"', page).group(1)
    assert (page_path.parent / href).resolve().read_bytes() == (built_project / "source_reports/003_819d290b6f01cc90.txt").read_bytes()
    removed = page[page.index("What cleaning removed (4)") :]
    removed = removed[: removed.index("</details>")]
    assert "Thứ hai,  27/06/2022" in removed and "LSO-" in removed
    assert 'data-pagefind-ignore="all"' in page  # removed lines are not searched as the report's text
    assert "How each field was established" in page and "inferred" in text
