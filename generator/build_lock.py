"""One build at a time in a project folder.

`build_lock(root)` holds an exclusive `flock` on `<root>/.build.lock` for a whole build. A
second build in the same folder waits for the first, and says so (who holds the lock and since
when), then runs on a tree the first one finished. The kernel drops the lock when its holder
dies, even by kill -9, so a killed build never blocks the next; the lock file itself stays (it
holds only the last holder's pid and start time, and deleting it could let two builds in).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)
LOCK_FILE = ".build.lock"


@contextmanager
def build_lock(root: Path) -> Iterator[Path]:
    """Hold the project's build lock for the `with` block (waiting while another build holds it)."""
    path = root / LOCK_FILE
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("%s: another build is running in this folder (%s); waiting for it to finish", path, _holder(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
            log.info("%s: the other build finished; building now", path)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {dt.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}\n".encode(), 0)
        try:
            yield path
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    return text or "pid unknown"
