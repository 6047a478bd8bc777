"""Stage 6: write generated pages into docs/<lang>/, atomically, never over a hand-written file.

The generator owns the files whose front matter says `generated_by: party-archive`. It
replaces them when their content changes, removes the ones no report produces any more, and
refuses to touch any other file (an editor's page is never overwritten).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.schema import GENERATED_BY

OWNED_DIRS = ("reports", "directives", "provinces", "years", "parallel")
# Entirely generated (no front matter to carry a marker): data downloads and the feed.
GENERATED_DATA = ("data",)
GENERATED_FILES = ("feed.xml",)  # at the side's root
MARKER = f"generated_by: {GENERATED_BY}"
_MARKER_LINE = re.compile(rf"^generated_by:\s*[\"']?{re.escape(GENERATED_BY)}[\"']?\s*$", re.MULTILINE)


class WriteError(Exception):
    pass


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---\n") and bool(_MARKER_LINE.search(head))


def atomic_write(path: Path, content: str) -> None:
    """Write to a temporary file beside the target, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _owned_without_marker(rel: str) -> bool:
    return rel.split("/", 1)[0] in GENERATED_DATA or rel in GENERATED_FILES


def write_pages(lang_dir: Path, pages: dict[str, str]) -> WriteStats:
    stats = WriteStats()
    for rel, content in pages.items():
        target = lang_dir / rel
        if target.exists():
            if not _owned_without_marker(rel) and not is_generated(target):
                raise WriteError(
                    f"{target}: exists and was not written by the generator (no '{MARKER}' in its front matter); "
                    "move it or rename it: the generator never overwrites a hand-written file"
                )
            if target.read_text(encoding="utf-8") == content:
                stats.unchanged += 1
                continue
        atomic_write(target, content)
        stats.written += 1
    wanted = {(lang_dir / rel).resolve() for rel in pages}
    candidates = list(lang_dir.glob("*.md")) + [p for d in OWNED_DIRS for p in (lang_dir / d).rglob("*.md")]
    for path in candidates:
        if path.exists() and path.resolve() not in wanted and is_generated(path):
            path.unlink()
            stats.removed += 1
    for path in [p for d in GENERATED_DATA for p in (lang_dir / d).rglob("*") if p.is_file()]:
        if path.resolve() not in wanted:
            path.unlink()
            stats.removed += 1
    return stats
