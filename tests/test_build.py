"""The whole build: a broken sidecar never takes a report's pages down, and a killed build leaves
nothing behind that the next one does not clean."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import yaml

from generator.build import build
from generator.cli import main
from generator.project import Project
from tests.build_processes import kill_hard, many_reports, start_build, wait_until
from tests.conftest import SEED, copy_project, project_args

LANG_SON = SEED["003"].stem


def test_a_broken_sidecar_keeps_the_reports_last_good_pages_and_the_site_still_builds(tmp_path: Path, caplog, capsys):
    project = copy_project(tmp_path / "p")
    sidecar = project / "source_reports" / f"{LANG_SON}.yaml"
    sidecar.write_text('date: "2011"\n', encoding="utf-8")
    assert build(Project.at(project)).exit_code == 0
    good = (project / "docs/vi/reports" / f"{LANG_SON}.md").read_text(encoding="utf-8")

    sidecar.write_text('date: "2011"\ndate: "2012"\n', encoding="utf-8")  # a key twice
    with caplog.at_level(logging.INFO, logger="generator"):
        result = build(Project.at(project))
    assert result.exit_code == 1 and result.site_built
    assert [e.path for e in result.errors] == [sidecar] and "found the key 'date' twice" in str(result.errors[0])
    assert (project / "docs/vi/reports" / f"{LANG_SON}.md").read_text(encoding="utf-8") == good
    for page in (f"reports/{LANG_SON}", f"en/reports/{LANG_SON}", "parallel", "provinces/lang-son", "en/provinces/lang-son"):
        assert (project / "site" / page / "index.html").exists(), page  # its province page too: Lạng Sơn has no other report
    assert f"kept the last good pages of {LANG_SON}" in caplog.text
    assert result.orphan_translations == [] and "translation memory of no report" not in caplog.text

    assert main(project_args(project, "check")) == 1
    assert "1 could not be read (each keeps its last published pages until it is fixed)" in capsys.readouterr().err

    sidecar.write_text('date: "2012"\n', encoding="utf-8")  # mended: rebuilt from it
    assert build(Project.at(project), site=False).exit_code == 0
    page = (project / "docs/vi/reports" / f"{LANG_SON}.md").read_text(encoding="utf-8")
    assert yaml.safe_load(page.split("---\n")[1])["date"] == "2012"


def test_a_build_killed_mid_write_leaves_whole_files_and_the_next_build_removes_its_temporary_files(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    many_reports(project / "source_reports", 60)
    running = start_build(project, "generate", "--workers", "1")
    reports = project / "docs/vi/reports"
    assert wait_until(lambda: reports.is_dir() and sum(1 for _ in reports.glob("*.md")) >= 20)
    kill_hard(running)
    for page in (project / "docs").rglob("*.md"):
        if page.name == "about.md":  # hand-written
            continue
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\n") and text.count("---\n") >= 2 and text.endswith("\n"), page  # never half a page
    # what a kill between mkstemp and rename leaves, named as atomic_write names them
    left = [tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")[1]
            for folder, name in ((reports, f"{LANG_SON}.md"), (project / "translations/en", f"{LANG_SON}.po"))]
    assert build(Project.at(project), site=False).exit_code == 0
    assert [Path(p).exists() for p in left] == [False, False]
    assert [p for p in project.rglob("*.tmp")] == []
