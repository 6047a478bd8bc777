"""A renamed raw report keeps its translation memory; a PO file of no report is listed, never deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.memory_files import ReportSource, find_renames, orphan_catalogs
from generator.overrides import load_sidecar
from generator.po_syntax import TranslationMemoryError
from generator.translation import translate_corpus
from generator.translation_memory import SOURCE_SHA256, load_catalog
from tests.memory_fixture import (
    ENGLISH,
    LEAD,
    NUMBERS,
    REPORT_ID,
    Project,
    raw_text,
    translated_project,
)

NEW_ID = "901_ha_nam_so_ket_5_nam"


def rename_raw(project: Project, text: str | None = None) -> Path:
    old = project.raw()
    new = project.raw(NEW_ID)
    new.write_text(text if text is not None else old.read_text(encoding="utf-8"), encoding="utf-8")
    old.unlink()
    return new


def test_a_raw_file_renamed_unchanged_takes_its_catalog_along(tmp_path: Path):
    project = translated_project(tmp_path)
    rename_raw(project)
    result = translate_corpus([project.report(NEW_ID)], project.translations)
    assert [(r.report_id, r.old, r.reason.split(" (")[0]) for r in result.renamed] == [(NEW_ID, project.po(), "same raw file")]
    assert not project.po().exists() and result.orphans == []
    po = load_catalog(project.po(NEW_ID))
    assert {e.msgstr for e in po} == set(ENGLISH.values()) and po.metadata["X-Translation-Source"] == "editors"
    assert po.metadata["Project-Id-Version"] == f"party-reports-archive {NEW_ID}"
    assert result.views[NEW_ID].coverage.complete


def test_a_sidecar_renamed_from_moves_the_catalog_of_an_edited_report(tmp_path: Path):
    project = translated_project(tmp_path)
    edited = NUMBERS.replace("731 lớp", "735 lớp")
    rename_raw(project, raw_text(LEAD, edited))
    (project.sources / f"{NEW_ID}.yaml").write_text(f"# moved by the editors\nrenamed_from: {REPORT_ID}\n", encoding="utf-8")
    result = translate_corpus([project.report(NEW_ID)], project.translations)
    assert [r.reason for r in result.renamed] == [f"sidecar renamed_from: {REPORT_ID}"]
    view = result.views[NEW_ID]
    assert (view.coverage.translated, view.coverage.fuzzy) == (2, 1)  # title and lead exact, the edited paragraph fuzzy
    po = load_catalog(project.po(NEW_ID))
    assert po.metadata[SOURCE_SHA256] == project.report(NEW_ID).raw.sha256
    assert {e.msgstr for e in po} == set(ENGLISH.values())  # the removed paragraphs are obsolete, with their English


def test_a_build_that_writes_nothing_reads_the_old_catalog_and_moves_nothing(tmp_path: Path):
    project = translated_project(tmp_path)
    rename_raw(project)
    result = translate_corpus([project.report(NEW_ID)], project.translations, write=False)
    assert result.views[NEW_ID].coverage.complete and project.po().exists() and not project.po(NEW_ID).exists()
    assert result.orphans == []  # about to be moved, not orphaned


def test_renamed_from_a_report_that_still_exists_is_an_error_naming_the_sidecar_line(tmp_path: Path):
    project = translated_project(tmp_path)
    project.write_raw(raw_text(LEAD), NEW_ID)
    sidecar = project.sources / f"{NEW_ID}.yaml"
    sidecar.write_text(f'title: "Hà Nam sơ kết"\nrenamed_from: {REPORT_ID}\n', encoding="utf-8")
    with pytest.raises(TranslationMemoryError) as caught:
        translate_corpus([project.report(), project.report(NEW_ID)], project.translations)
    assert (caught.value.path, caught.value.line) == (sidecar, 2) and "still exists" in caught.value.reason


def test_renamed_from_an_id_without_a_catalog_is_an_error(tmp_path: Path):
    project = translated_project(tmp_path)
    sidecar = project.sources / f"{NEW_ID}.yaml"
    rename_raw(project)
    sidecar.write_text("renamed_from: 899_khong_co\n", encoding="utf-8")
    with pytest.raises(TranslationMemoryError, match="no .*899_khong_co.po"):
        translate_corpus([project.report(NEW_ID)], project.translations)


def test_the_same_raw_file_under_two_new_names_is_ambiguous_and_moves_nothing(tmp_path: Path):
    project = translated_project(tmp_path)
    text = project.raw().read_text(encoding="utf-8")
    project.raw().unlink()
    project.write_raw(text, "901_a")
    project.write_raw(text, "902_b")
    sha = project.report("901_a").raw.sha256
    assert find_renames(project.translations, [ReportSource("901_a", sha), ReportSource("902_b", sha)]) == []
    assert orphan_catalogs(project.translations, ["901_a", "902_b"]) == [project.po()]


def test_a_catalog_of_no_report_is_listed_as_an_orphan_and_kept(tmp_path: Path):
    project = translated_project(tmp_path)
    stray = project.translations / "en" / "899_removed_report.po"
    stray.write_bytes(project.po().read_bytes().replace(b"Source-SHA256: ", b"Source-SHA256: 0"))
    result = translate_corpus([project.report()], project.translations)
    assert result.orphans == [stray] and stray.exists()


def test_sidecar_accepts_renamed_from(tmp_path: Path):
    path = tmp_path / "r.yaml"
    path.write_text("renamed_from: 003_819d290b6f01cc90\n", encoding="utf-8")
    assert load_sidecar(path).renamed_from == "003_819d290b6f01cc90"
