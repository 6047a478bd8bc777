"""One build at a time in a project folder: a second one waits, says why, then builds."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from pathlib import Path

import lxml.html

from generator.build_lock import LOCK_FILE, build_lock
from tests.build_processes import start_build, wait_until
from tests.conftest import SEED, copy_project

HOLD = """
import sys, time
from pathlib import Path
from generator.build_lock import build_lock
with build_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_holder_waits_for_the_first_and_says_so(tmp_path: Path, caplog):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path), "1.0"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="generator"), build_lock(tmp_path):
        waited = time.monotonic() - started
    holder.wait(timeout=10)
    assert waited >= 0.5
    assert f"another build is running in this folder (pid {holder.pid}, started " in caplog.text


def test_the_lock_of_a_killed_holder_is_free_at_once(tmp_path: Path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path), "600"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    holder.kill()  # SIGKILL: no chance to unlock
    holder.wait(timeout=10)
    done = threading.Event()

    def take() -> None:
        with build_lock(tmp_path):
            done.set()

    threading.Thread(target=take, daemon=True).start()
    assert done.wait(timeout=5)
    assert (tmp_path / LOCK_FILE).exists()  # kept: deleting it could let two builds in


def test_two_builds_started_together_in_one_tree_both_succeed_one_after_the_other(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    first = start_build(project)
    assert wait_until(lambda: (project / LOCK_FILE).exists() and f"pid {first.pid}" in (project / LOCK_FILE).read_text())
    second = start_build(project)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert "another build is running in this folder" in results[1][1] and "Traceback" not in results[0][1] + results[1][1]
    for seed in SEED.values():
        for side in ("site", "site/en"):
            lxml.html.parse(str(project / side / "reports" / seed.stem / "index.html"))
    assert (project / "site/pagefind/pagefind.js").exists()


def test_machine_translation_waits_for_a_running_build_before_it_touches_the_po_files(tmp_path: Path):
    project = copy_project(tmp_path / "p")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project), "8"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    translate = subprocess.run([sys.executable, "-m", "generator", "--project", str(project), "translate", SEED["002"].stem,
                                "--backend", "http", "--url", "http://127.0.0.1:9/v1", "--model", "m"],
                               capture_output=True, text=True, timeout=120)
    assert holder.poll() == 0  # the build had finished when the translation went on
    assert f"another build is running in this folder (pid {holder.pid}, started " in translate.stderr
    assert translate.returncode == 0 and "Traceback" not in translate.stderr
