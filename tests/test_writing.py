"""Writing docs/: generated files are replaced atomically; hand-written files are never touched."""

from pathlib import Path

import pytest

from generator.writing import WriteError, write_pages

PAGE = "---\ngenerated_by: party-archive\ntitle: Báo cáo\nlang: vi\n---\n\n# Báo cáo\n"


def test_pages_are_written_then_left_alone_when_unchanged(tmp_path: Path):
    first = write_pages(tmp_path, {"reports/a.md": PAGE})
    second = write_pages(tmp_path, {"reports/a.md": PAGE})
    assert (first.written, second.written, second.unchanged) == (1, 0, 1)
    assert not list(tmp_path.rglob("*.tmp"))


def test_hand_written_file_is_never_overwritten(tmp_path: Path):
    mine = tmp_path / "reports" / "a.md"
    mine.parent.mkdir()
    mine.write_text("# Ghi chú của biên tập viên\n", encoding="utf-8")
    with pytest.raises(WriteError, match="never overwrites a hand-written file"):
        write_pages(tmp_path, {"reports/a.md": PAGE})
    assert mine.read_text(encoding="utf-8") == "# Ghi chú của biên tập viên\n"


def test_pages_no_longer_produced_are_removed_but_hand_written_ones_stay(tmp_path: Path):
    write_pages(tmp_path, {"reports/a.md": PAGE, "reports/b.md": PAGE})
    (tmp_path / "reports" / "notes.md").write_text("# Ghi chú\n", encoding="utf-8")
    stats = write_pages(tmp_path, {"reports/a.md": PAGE})
    assert stats.removed == 1
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["a.md", "notes.md"]
