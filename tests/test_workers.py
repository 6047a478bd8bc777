"""The process pool that reads large corpora: its errors come home whole, and its workers die with the build."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import PARALLEL_FROM, load_corpus
from tests.build_processes import (
    alive,
    children,
    descendants_running,
    kill_hard,
    many_reports,
    start_build,
    wait_until,
)
from tests.conftest import copy_project

WORKERS = 2


def test_a_report_that_fails_in_a_worker_comes_back_as_its_error(tmp_path: Path):
    many_reports(tmp_path, PARALLEL_FROM)
    (tmp_path / "0007_rong.txt").write_bytes(b"")
    corpus = load_corpus(tmp_path, workers=WORKERS)
    assert len(corpus.reports) == PARALLEL_FROM
    [error] = corpus.errors
    assert (error.path, error.reason) == (tmp_path / "0007_rong.txt", "file is empty")


def test_the_workers_of_a_build_killed_with_kill_9_die_with_it(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    shutil.rmtree(project / "source_reports")
    (project / "source_reports").mkdir()
    many_reports(project / "source_reports", 2 * PARALLEL_FROM)
    build = start_build(project, "generate", "--workers", str(WORKERS))
    assert wait_until(lambda: len(children(build.pid)) >= WORKERS), "the build never started its workers"
    workers = children(build.pid)
    kill_hard(build)
    assert wait_until(lambda: not any(alive(pid) for pid in workers), timeout=10), f"workers outlived the build: {workers}"


def test_the_search_indexer_of_a_build_killed_with_kill_9_dies_with_it(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    shutil.rmtree(project / "source_reports")
    (project / "source_reports").mkdir()
    many_reports(project / "source_reports", 150)  # enough pages that indexing one side takes seconds
    build = start_build(project, "build")
    assert wait_until(lambda: bool(descendants_running(build.pid, "pagefind")) or build.poll() is not None, timeout=600)
    indexers = descendants_running(build.pid, "pagefind")
    assert indexers, "the build ended before its search stage could be caught running"
    kill_hard(build)
    # killed at once with the build, not when it would have finished indexing
    assert wait_until(lambda: not any(alive(pid) for pid in indexers), timeout=0.5), f"Pagefind outlived the build: {indexers}"
