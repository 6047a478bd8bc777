"""Which files of source_reports/ are editors' sidecars, and which only look like one.

A sidecar is `<id>.yaml` beside the raw report `<id>.txt`. A file an editor meant as a sidecar
but named otherwise would be ignored without a word, so each is an error that names it:

- another spelling of the extension: `<id>.yml`, `<id>.YAML`, `<id>.txt.yaml`, or a sidecar
  saved by a text editor as `<id>.yaml.txt` (which is then not read as a report either);
- a sidecar whose raw report does not exist (a mistyped id, or a report renamed without it).

An error about a report's sidecar stops that report (its last good pages stay published);
one about a sidecar of no report stops nothing else. Other files are listed as ignored.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import ReportError

SIDECAR_SUFFIX = ".yaml"
RAW_SUFFIX = ".txt"
# "<id>" then a YAML extension in any case, maybe with ".txt" before or after it.
_SIDECAR_LIKE = re.compile(r"^(?P<id>.+?)(?P<before>\.txt)?\.(?P<ext>ya?ml)(?P<after>\.txt)?$", re.IGNORECASE)


@dataclass(frozen=True)
class SidecarFiles:
    """What the corpus folder holds besides raw reports, read once per build."""

    misnamed: dict[str, tuple[Path, ...]] = field(default_factory=dict)  # report id -> files meant as its sidecar
    orphans: tuple[Path, ...] = ()  # sidecar-like files whose raw report does not exist
    not_reports: frozenset[str] = frozenset()  # names ending in .txt that are sidecars ("<id>.yaml.txt")
    ignored: tuple[Path, ...] = ()  # anything else that is not hidden

    def errors(self) -> list[ReportError]:
        """One error per misnamed or orphaned sidecar; a misnamed one stops its report."""
        errors = [ReportError(path, _misnamed_reason(path, report_id), report_id)
                  for report_id, paths in self.misnamed.items() for path in paths]
        errors += [ReportError(path, f"sidecar of no raw report: {path.parent / (_meant_id(path) + RAW_SUFFIX)} does not exist "
                               "(a mistyped id, or a report renamed without its sidecar?); nothing was applied", _meant_id(path))
                   for path in self.orphans]
        return errors


def _meant_id(path: Path) -> str:
    match = _SIDECAR_LIKE.match(path.name)
    return match["id"] if match else path.stem


def _misnamed_reason(path: Path, report_id: str) -> str:
    return (f"looks like the editor's sidecar of {report_id}{RAW_SUFFIX} but sidecars are named exactly "
            f"{report_id}{SIDECAR_SUFFIX}: rename it (nothing in it was applied; the report keeps its last good pages)")


def is_sidecar_like(name: str) -> bool:
    return bool(_SIDECAR_LIKE.match(name))


def read_sidecar_files(source_dir: Path) -> SidecarFiles:
    """Sort every non-hidden entry of `source_dir` (never following a link): raw reports and
    well-named sidecars are left to the pipeline; the rest is listed."""
    try:
        with os.scandir(source_dir) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith("."))
    except (FileNotFoundError, NotADirectoryError):
        return SidecarFiles()
    raw_ids = {n[: -len(RAW_SUFFIX)] for n in names if n.endswith(RAW_SUFFIX) and not _is_txt_sidecar(n)}
    misnamed: dict[str, list[Path]] = {}
    orphans: list[Path] = []
    ignored: list[Path] = []
    for name in names:
        match = _SIDECAR_LIKE.match(name)
        if match is None:
            if not name.endswith(RAW_SUFFIX):
                ignored.append(source_dir / name)
            continue
        exact = name.endswith(SIDECAR_SUFFIX) and not match["before"]
        if match["id"] not in raw_ids:
            orphans.append(source_dir / name)
        elif not exact:
            misnamed.setdefault(match["id"], []).append(source_dir / name)
    return SidecarFiles(
        misnamed={k: tuple(v) for k, v in misnamed.items()},
        orphans=tuple(orphans),
        not_reports=frozenset(n for n in names if _is_txt_sidecar(n)),
        ignored=tuple(ignored),
    )


def _is_txt_sidecar(name: str) -> bool:
    match = _SIDECAR_LIKE.match(name)
    return bool(match and match["after"])
