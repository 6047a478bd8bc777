"""Stage 6: write generated pages into docs/<lang>/, atomically, never over a hand-written file.

The writer owns exactly the files the page generators produced: after each run it records them
in a manifest (`docs/<lang>/.generated.json`, which MkDocs ignores like every dot-file). On the
next run it replaces them when their content changes and removes the ones no page produces any
more — except the pages of reports that could not be read this time (a broken sidecar must not
make a published report disappear): those are kept as they were, with the stale pages they link
to (its province's page, when no other report has that province now). Any other file is refused.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol

from generator.schema import GENERATED_BY

MANIFEST = ".generated.json"
MARKER = f"generated_by: {GENERATED_BY}"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # what tempfile.mkstemp makes of atomic_write's prefix
_MD_LINK = re.compile(r"\]\(([^()\s#]+\.md)(?:#[^()\s]*)?\)")  # [text](../provinces/ha-nam.md#x)
_MARKER_LINE = re.compile(rf"^generated_by:\s*[\"']?{re.escape(GENERATED_BY)}[\"']?\s*$", re.MULTILINE)


class WriteError(Exception):
    pass


class GeneratedFile(Protocol):
    path: str
    content: str | bytes  # bytes are written as they are (a raw report's copy, a gzip file)
    report_id: str | None


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: list[str] = field(default_factory=list)  # stale pages kept because their report failed this time
    removed_paths: list[str] = field(default_factory=list)  # what was removed, for the site to drop their pages too


def is_generated(path: Path) -> bool:
    """A Markdown file whose front matter carries the generator's marker."""
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---\n") and bool(_MARKER_LINE.search(head))


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") if isinstance(content, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)  # type: ignore[arg-type]
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_temp_files(folder: Path) -> list[Path]:
    """The temporary files of `atomic_write` left in `folder` (and below) by a build that was
    killed mid-write, removed. Call it only while holding the build lock (build_lock.py)."""
    removed = []
    for path in folder.rglob(f".*{TEMP_SUFFIX}"):
        if _TEMP_NAME.match(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def read_manifest(lang_dir: Path) -> dict[str, str | None] | None:
    """Path -> report id of every file the last run produced; None before the first run."""
    try:
        data = json.loads((lang_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise WriteError(f"{lang_dir / MANIFEST}: unreadable ({exc}); delete it and build again") from None
    return {str(k): (str(v) if v is not None else None) for k, v in data.items()}


def _owned(rel: str, target: Path, previous: dict[str, str | None] | None) -> bool:
    if previous is not None and rel in previous:
        return True
    if target.suffix == ".md":
        return is_generated(target)
    return previous is None  # before the first manifest, generated data files carry no marker


def write_pages(lang_dir: Path, pages: Iterable[GeneratedFile], failed_reports: frozenset[str] = frozenset()) -> WriteStats:
    """Write `pages`; remove what the last run produced and this one did not (but keep the pages
    of `failed_reports`); record the manifest."""
    stats = WriteStats()
    previous = read_manifest(lang_dir)
    produced: dict[str, str | None] = {}
    for page in pages:
        target = lang_dir / page.path
        produced[page.path] = page.report_id
        if target.exists():
            if not _owned(page.path, target, previous):
                raise WriteError(
                    f"{target}: exists and was not written by the generator (no '{MARKER}' in its front matter); "
                    "move it or rename it: the generator never overwrites a hand-written file"
                )
            if _same(target, page.content):
                stats.unchanged += 1
                continue
        atomic_write(target, page.content)
        stats.written += 1
    stale = dict(_stale(lang_dir, previous, produced))
    for rel in _kept(lang_dir, stale, failed_reports):
        produced[rel] = stale.pop(rel)  # still ours: removed once the report is fixed or deleted
        stats.kept.append(rel)
    for rel in stale:
        (lang_dir / rel).unlink(missing_ok=True)
        stats.removed += 1
        stats.removed_paths.append(rel)
    atomic_write(lang_dir / MANIFEST, json.dumps(dict(sorted(produced.items())), ensure_ascii=False, indent=0) + "\n")
    return stats


def _kept(lang_dir: Path, stale: dict[str, str | None], failed_reports: frozenset[str]) -> list[str]:
    """The stale pages of the reports that failed, and the stale pages they link to (a province
    or year page that only that report filled): a kept page never has a dead link."""
    kept = [rel for rel, owner in stale.items() if owner is not None and owner in failed_reports]
    seen = set(kept)
    for rel in kept:  # grows while it runs: what a kept page links to is kept, transitively
        try:
            text = (lang_dir / rel).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):  # gone, or a data file: it links to no page
            continue
        for target in _linked_pages(rel, text):
            if target in stale and target not in seen:
                seen.add(target)
                kept.append(target)
    return kept


def _linked_pages(rel: str, text: str) -> list[str]:
    """Docs-relative paths of the Markdown pages a page links to."""
    base = posixpath.dirname(rel)
    return [posixpath.normpath(posixpath.join(base, link)) for link in _MD_LINK.findall(text)]


def _same(target: Path, content: str | bytes) -> bool:
    if isinstance(content, bytes):
        return target.read_bytes() == content
    try:
        return target.read_text(encoding="utf-8") == content
    except UnicodeDecodeError:
        return False


def _stale(lang_dir: Path, previous: dict[str, str | None] | None, produced: dict[str, str | None]) -> list[tuple[str, str | None]]:
    """Files of the last run that this run did not produce. Before the first manifest: every
    Markdown file that carries the generator's marker."""
    if previous is not None:
        return [(rel, owner) for rel, owner in previous.items() if rel not in produced]
    found = []
    for path in lang_dir.rglob("*.md"):
        rel = path.relative_to(lang_dir).as_posix()
        if rel not in produced and is_generated(path):
            found.append((rel, None))
    return found

