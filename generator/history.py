"""When each raw report was added: the date of the commit that added it (git), else the file's time."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from generator.reading import find_reports


def added_dates(source_dir: Path) -> dict[str, dt.datetime]:
    """File name -> when it was added. One `git log` for the whole folder; files git does not
    know yet (not committed) take their modification time."""
    dates: dict[str, dt.datetime] = {}
    try:
        out = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=@%cI", "--name-only", "--", "."],
            cwd=source_dir, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    current: dt.datetime | None = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.datetime.fromisoformat(line[1:])
        elif line.strip() and current is not None:
            dates.setdefault(Path(line.strip()).name, current)  # newest commit first: keep the first seen
    for path in find_reports(source_dir):
        if path.name not in dates:
            try:
                stamp = path.lstat().st_mtime  # a link is never followed (reading refuses it by name)
            except OSError:
                continue
            dates[path.name] = dt.datetime.fromtimestamp(stamp, tz=dt.timezone.utc).replace(microsecond=0)
    return dates
