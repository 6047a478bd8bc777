"""Worker processes that never outlive the build that started them.

A process pool's workers wait on a pipe that every worker holds open, so when the build is
killed (kill -9) they would wait for ever, holding the build lock they inherited. Each worker
asks the kernel to kill it when its parent dies (Linux `PR_SET_PDEATHSIG`); elsewhere, or if
that fails, a thread in the worker watches for the parent to go. A program the build runs
(Pagefind) gets the same death signal before it starts.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_SECONDS = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Pool initializer: end this process when `parent_pid` (the build) ends."""
    if not (sys.platform.startswith("linux") and _set_death_signal()):
        threading.Thread(target=_watch, args=(parent_pid,), name="parent-watch", daemon=True).start()
    if not _alive(parent_pid):  # it died before the death signal was set
        os._exit(1)


def program_dies_with_parent() -> None:
    """`preexec_fn` of a program the build runs (Pagefind): the kernel kills it when the build
    dies. The death signal survives `exec`, so it holds for the program itself."""
    _set_death_signal()


def _set_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(parent_pid: int) -> None:
    while _alive(parent_pid):
        time.sleep(WATCH_SECONDS)
    os._exit(1)
