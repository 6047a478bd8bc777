"""Writing docs/: the writer owns exactly what the generators produced; hand-written files are never touched."""

from pathlib import Path

import pytest

from generator.pages import Page
from generator.writing import (
    MANIFEST,
    WriteError,
    read_manifest,
    remove_temp_files,
    write_pages,
)

PAGE = "---\ngenerated_by: party-archive\ntitle: Báo cáo\nlang: vi\n---\n\n# Báo cáo\n"


def pages(*paths: str, report: str | None = None) -> list[Page]:
    return [Page(p, PAGE if p.endswith(".md") else "{}", report) for p in paths]


def test_pages_are_written_then_left_alone_when_unchanged(tmp_path: Path):
    first = write_pages(tmp_path, pages("reports/a.md"))
    second = write_pages(tmp_path, pages("reports/a.md"))
    assert (first.written, second.written, second.unchanged) == (1, 0, 1)
    assert not list(tmp_path.rglob("*.tmp"))


def test_the_manifest_lists_what_was_produced_and_for_which_report(tmp_path: Path):
    write_pages(tmp_path, pages("reports/a.md", report="a") + pages("data/reports.json"))
    assert read_manifest(tmp_path) == {"data/reports.json": None, "reports/a.md": "a"}
    assert (tmp_path / MANIFEST).name.startswith(".")  # MkDocs ignores dot-files


def test_hand_written_file_is_never_overwritten(tmp_path: Path):
    mine = tmp_path / "reports" / "a.md"
    mine.parent.mkdir()
    mine.write_text("# Ghi chú của biên tập viên\n", encoding="utf-8")
    with pytest.raises(WriteError, match="never overwrites a hand-written file"):
        write_pages(tmp_path, pages("reports/a.md"))
    assert mine.read_text(encoding="utf-8") == "# Ghi chú của biên tập viên\n"


def test_a_data_file_the_generator_did_not_write_is_never_overwritten(tmp_path: Path):
    write_pages(tmp_path, pages("data/reports.json"))
    mine = tmp_path / "data" / "notes.csv"
    mine.write_text("ghi chú\n", encoding="utf-8")
    with pytest.raises(WriteError, match="never overwrites"):
        write_pages(tmp_path, pages("data/reports.json", "data/notes.csv"))
    assert mine.read_text(encoding="utf-8") == "ghi chú\n"


def test_files_no_longer_produced_are_removed_but_hand_written_ones_stay(tmp_path: Path):
    write_pages(tmp_path, pages("reports/a.md", "reports/b.md", "data/directives/x.json"))
    (tmp_path / "reports" / "notes.md").write_text("# Ghi chú\n", encoding="utf-8")
    stats = write_pages(tmp_path, pages("reports/a.md"))
    assert stats.removed == 2
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["a.md", "notes.md"]
    assert not (tmp_path / "data/directives/x.json").exists()


def test_the_pages_of_a_report_that_failed_this_time_are_kept(tmp_path: Path):
    write_pages(tmp_path, pages("reports/a.md", "parallel/a.md", report="a") + pages("reports/b.md", report="b"))
    stats = write_pages(tmp_path, pages("reports/b.md", report="b"), failed_reports=frozenset({"a"}))
    assert (stats.removed, sorted(stats.kept)) == (0, ["parallel/a.md", "reports/a.md"])
    assert (tmp_path / "reports/a.md").exists()
    assert write_pages(tmp_path, pages("reports/b.md", report="b")).removed == 2  # fixed or deleted: gone


def test_a_failed_reports_kept_page_keeps_the_stale_pages_it_links_to(tmp_path: Path):
    report = "---\ngenerated_by: party-archive\n---\n\n# A\n\n[Lạng Sơn](../provinces/lang-son.md) · [2010](../years/2010.md#ds)\n"
    province = "---\ngenerated_by: party-archive\n---\n\n# Lạng Sơn\n\n[A](../reports/a.md)\n"
    write_pages(tmp_path, [Page("reports/a.md", report, "a"), Page("provinces/lang-son.md", province),
                           Page("years/2010.md", PAGE), Page("years/2012.md", PAGE)])
    stats = write_pages(tmp_path, [], failed_reports=frozenset({"a"}))
    assert sorted(stats.kept) == ["provinces/lang-son.md", "reports/a.md", "years/2010.md"]
    assert stats.removed == 1 and not (tmp_path / "years/2012.md").exists()
    assert read_manifest(tmp_path) == {"provinces/lang-son.md": None, "reports/a.md": "a", "years/2010.md": None}


def test_temporary_files_of_a_killed_write_are_removed_and_nothing_else(tmp_path: Path):
    import tempfile

    write_pages(tmp_path, pages("reports/a.md"))
    left = Path(tempfile.mkstemp(dir=tmp_path / "reports", prefix=".a.md.", suffix=".tmp")[1])
    mine = tmp_path / "reports" / ".ghi-chu.tmp"  # an editor's, not named as atomic_write names them
    mine.write_text("ghi chú\n", encoding="utf-8")
    assert remove_temp_files(tmp_path) == [left]
    assert not left.exists() and mine.exists() and (tmp_path / "reports/a.md").exists()
