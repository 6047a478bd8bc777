"""Builds as real processes, for the tests that run two at once or kill one: start, find children, kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from tests.conftest import SEED


def start_build(project: Path, command: str = "build", *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator", "--project", str(project), command, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until(condition: Callable[[], bool], timeout: float = 60.0, every: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def children(pid: int) -> list[int]:
    """Live processes whose parent is `pid` (from /proc; a zombie is not alive)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] == pid and stat[0] != "Z":
            found.append(int(entry.name))
    return found


def descendants_running(pid: int, program: str) -> list[int]:
    """Live descendants of `pid` whose command line names `program` (e.g. Pagefind, which
    `python -m pagefind` execs)."""
    found, queue = [], [pid]
    while queue:
        for child in children(queue.pop()):
            queue.append(child)
            try:
                if program.encode() in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(child)
            except OSError:
                continue
    return found


def alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z"


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def kill_hard(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def many_reports(folder: Path, count: int) -> None:
    """`count` raw reports (the seeds, again and again, each under its own id)."""
    seeds = list(SEED.values())
    for i in range(count):
        seed = seeds[i % len(seeds)]
        (folder / f"{i:04d}_{seed.stem}.txt").write_bytes(seed.read_bytes())
