"""Which PO file belongs to which report: renamed reports keep their catalog; orphans are listed.

A report whose `translations/en/<id>.po` does not exist takes over the catalog of its old name when

- its sidecar says `renamed_from: <old id>` (the editor's word, checked: the old report must be
  gone and its catalog present), or
- exactly one catalog that belongs to no current report recorded the same raw file
  (header `X-Source-SHA256`, written on every sync): the raw file was renamed unchanged.

The catalog is then moved (content kept, header naming the new id) rather than a new empty one
created. A catalog that belongs to no report after that is an orphan: listed, never deleted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.model import Report
from generator.overrides import load_sidecar, sidecar_path
from generator.po_syntax import TranslationMemoryError
from generator.translation_memory import SOURCE_SHA256, load_catalog, po_path

_RENAMED_FROM = re.compile(r"^renamed_from\s*:", re.MULTILINE)


@dataclass(frozen=True)
class ReportSource:
    """What rename detection needs of a report: its id, raw file checksum and the sidecar's word."""

    id: str
    sha256: str
    renamed_from: str | None = None
    sidecar: Path | None = None


@dataclass(frozen=True)
class Rename:
    report_id: str
    old: Path  # the catalog of the old name
    new: Path
    reason: str  # "sidecar renamed_from: …" or "same raw file (sha256 …)"


def report_source(report: Report) -> ReportSource:
    path = sidecar_path(report.raw.path)
    sidecar = load_sidecar(path)
    return ReportSource(report.id, report.raw.sha256, sidecar.renamed_from if sidecar else None, path if sidecar else None)


def catalog_ids(translations_dir: Path, lang: str = "en") -> list[str]:
    return sorted(p.stem for p in (translations_dir / lang).glob("*.po"))


def orphan_catalogs(translations_dir: Path, report_ids: Iterable[str], lang: str = "en") -> list[Path]:
    """The PO files that belong to none of these reports (resolve renames first). Never deleted."""
    wanted = set(report_ids)
    return [po_path(translations_dir, i, lang) for i in catalog_ids(translations_dir, lang) if i not in wanted]


def _line_of_renamed_from(sidecar: Path | None) -> int | None:
    if sidecar is None or not sidecar.exists():
        return None
    text = sidecar.read_text(encoding="utf-8")
    match = _RENAMED_FROM.search(text)
    return text[: match.start()].count("\n") + 1 if match else None


def _by_sidecar(translations_dir: Path, source: ReportSource, current: set[str], lang: str) -> Rename:
    old_id = source.renamed_from or ""
    where = source.sidecar or Path(f"{source.id}.yaml")
    line = _line_of_renamed_from(source.sidecar)
    if old_id in current:
        raise TranslationMemoryError(where, line, f"renamed_from: {old_id}, but report {old_id} still exists; "
                                     "remove one of the two raw files, or remove renamed_from")
    old = po_path(translations_dir, old_id, lang)
    if not old.exists():
        raise TranslationMemoryError(where, line, f"renamed_from: {old_id}, but there is no {old}; check the old id, "
                                     "or remove renamed_from to start a new translation")
    return Rename(source.id, old, po_path(translations_dir, source.id, lang), f"sidecar renamed_from: {old_id}")


def find_renames(translations_dir: Path, sources: Sequence[ReportSource], lang: str = "en") -> list[Rename]:
    """The catalogs to move: for each report without a PO file, its old name's catalog if it has one."""
    current = {s.id for s in sources}
    without = [s for s in sources if not po_path(translations_dir, s.id, lang).exists()]
    renames = [_by_sidecar(translations_dir, s, current, lang) for s in without if s.renamed_from]
    claimed: dict[Path, str] = {}
    for rename, source in zip(renames, [s for s in without if s.renamed_from]):
        if rename.old in claimed:
            raise TranslationMemoryError(source.sidecar or Path(f"{source.id}.yaml"), _line_of_renamed_from(source.sidecar),
                                         f"renamed_from: {source.renamed_from}, but report {claimed[rename.old]} says so too")
        claimed[rename.old] = source.id
    orphans: dict[str, list[Path]] = {}
    for path in orphan_catalogs(translations_dir, current, lang):
        po = load_catalog(path)
        sha = po.metadata.get(SOURCE_SHA256) if po is not None else None
        if sha and path not in claimed:
            orphans.setdefault(sha, []).append(path)
    by_sha: dict[str, list[ReportSource]] = {}
    for source in without:
        if not source.renamed_from:
            by_sha.setdefault(source.sha256, []).append(source)
    for sha, reports in by_sha.items():
        olds = orphans.get(sha, [])
        if len(reports) == 1 and len(olds) == 1:  # anything else is ambiguous: the orphans stay listed
            renames.append(Rename(reports[0].id, olds[0], po_path(translations_dir, reports[0].id, lang),
                                  f"same raw file (sha256 {sha[:12]}…)"))
    return renames
