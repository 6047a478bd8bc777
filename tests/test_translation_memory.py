"""The translation memory: PO files that keep every translation, and pass msgfmt --check."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from generator.segments import Segment, report_segments
from generator.translation_memory import (
    coverage,
    load_catalog,
    new_catalog,
    po_path,
    save_catalog,
    sync_catalog,
)
from tests.conftest import ROOT

SEGMENTS = [Segment("title", "title", "Hội nghị giao ban"), Segment("p001", "paragraph", "Sáng 23-8, Tỉnh ủy họp."),
            Segment("p002", "paragraph", "Toàn tỉnh có 731 lớp.")]


def translated() -> polib.POFile:
    po = new_catalog("r1")
    sync_catalog(po, SEGMENTS)
    for entry, text in zip(po, ["Briefing conference", "On the morning of 23 August, the provincial Party Committee met.",
                                "The province has 731 classes."]):
        entry.msgstr = text
    return po


def test_segments_have_stable_keys_per_kind(seed_reports):
    keys = [s.key for s in report_segments(seed_reports["004"])]
    assert keys[:4] == ["title", "p001", "h01", "p002"] and keys.count("title") == 1


def test_a_changed_paragraph_keeps_its_english_marked_fuzzy():
    po = translated()
    changed = [SEGMENTS[0], Segment("p001", "paragraph", "Sáng 24-8, Tỉnh ủy họp."), SEGMENTS[2]]
    assert sync_catalog(po, changed)
    entry = next(e for e in po if e.msgctxt == "p001")
    assert entry.msgstr.startswith("On the morning of 23 August") and "fuzzy" in entry.flags
    assert entry.previous_msgid == "Sáng 23-8, Tỉnh ủy họp."
    assert coverage(po, changed).fuzzy == 1


def test_a_removed_paragraph_is_kept_as_obsolete_not_dropped():
    po = translated()
    sync_catalog(po, SEGMENTS[:2])
    obsolete = [e for e in po if e.obsolete]
    assert [(e.msgctxt, e.msgstr) for e in obsolete] == [("p002", "The province has 731 classes.")]
    sync_catalog(po, SEGMENTS)  # the paragraph comes back: so does its translation
    assert next(e for e in po if e.msgctxt == "p002" and not e.obsolete).msgstr == "The province has 731 classes."


def test_sync_of_an_unchanged_catalog_changes_nothing():
    po = translated()
    assert not sync_catalog(po, SEGMENTS)


@pytest.mark.parametrize("path", sorted((ROOT / "translations" / "en").glob("*.po")), ids=lambda p: p.stem)
def test_committed_catalogs_pass_msgfmt_check(path: Path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is missing: `make system-deps` installs it"
    result = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def test_saved_catalog_round_trips(tmp_path: Path):
    path = po_path(tmp_path, "r1")
    save_catalog(translated(), path)
    po = load_catalog(path)
    assert [(e.msgctxt, e.msgstr) for e in po][1] == ("p001", "On the morning of 23 August, the provincial Party Committee met.")


def test_seed_translations_are_complete_and_by_the_editors():
    for path in (ROOT / "translations" / "en").glob("*.po"):
        po = load_catalog(path)
        assert po.metadata["X-Translation-Source"] == "editors"
        assert all(e.msgstr and not e.flags for e in po if not e.obsolete)
