"""Translation memory: one gettext PO file per report (translations/en/<report-id>.po).

An entry is known by its content: msgctxt is the segment's kind ("paragraph", "paragraph 2" for a
repeat of the same text) and msgid its Vietnamese text (see segments.py). Syncing with the current
text follows msgmerge (memory_matching.py): an unchanged segment keeps its entry wherever it moved;
a changed one keeps its English, marked fuzzy, with the old Vietnamese as `#| msgid`; a segment
that disappeared becomes obsolete (`#~`), never deleted, and is revived when its text returns.
Every file is read strictly (po_syntax.py): a file msgfmt would reject stops the build and is never
rewritten. Files of the old positional scheme (msgctxt "p001") are migrated when read. Machine
output carries the flag `machine` and a comment naming the engine; an editor reviews it by
removing the flag. The files open in Poedit and Weblate and pass `msgfmt --check`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from generator.memory_matching import FUZZY, OldEntry, match_segments
from generator.po_syntax import PoEntry, TranslationMemoryError, parse_po, read_po_text
from generator.segments import Segment, SegmentKind, segment_context
from generator.writing import atomic_write

MACHINE_FLAG = "machine"
MACHINE_COMMENT = "machine translation: "
QA_COMMENT = "; QA: "
SOURCE_SHA256 = "X-Source-SHA256"
PROJECT = "party-reports-archive"
Status = Literal["editors", "machine", "fuzzy", "missing"]
_POSITIONAL = re.compile(r"^(?P<prefix>[hpc])\d+$")
_POSITIONAL_KINDS: dict[str, SegmentKind] = {"h": "heading", "p": "paragraph", "c": "caption"}

__all__ = ["Coverage", "MACHINE_FLAG", "Status", "TranslationMemoryError", "coverage", "english", "entry_status", "find_entry",
           "load_catalog", "machine_engine", "new_catalog", "open_catalog", "po_path", "record_machine", "save_catalog",
           "sync_catalog"]


@dataclass(frozen=True)
class Coverage:
    translated: int  # by the editors, reviewed
    machine: int
    fuzzy: int
    missing: int

    @property
    def total(self) -> int:
        return self.translated + self.machine + self.fuzzy + self.missing

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.translated == self.total


def po_path(translations_dir: Path, report_id: str, lang: str = "en") -> Path:
    return translations_dir / lang / f"{report_id}.po"


def new_catalog(report_id: str, lang: str = "en") -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": f"{PROJECT} {report_id}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": "Archive editors",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "vi",
    }
    return po


def set_report_id(po: polib.POFile, report_id: str) -> None:
    """Name the report in the header (a catalog moved to a renamed report)."""
    po.metadata["Project-Id-Version"] = f"{PROJECT} {report_id}"


def _as_read(entry: polib.POEntry) -> tuple[object, ...]:
    return (entry.obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural or None, entry.msgstr if not entry.msgid_plural else None,
            {int(k): v for k, v in entry.msgstr_plural.items()}, "fuzzy" in entry.flags)


def _as_parsed(entry: PoEntry) -> tuple[object, ...]:
    return (entry.obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, entry.msgstr_plural, "fuzzy" in entry.flags)


def _cross_check(path: Path, parsed: list[PoEntry], po: polib.POFile) -> None:
    """polib must read every entry exactly as gettext does; any difference would be written back as a loss."""
    header = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in (parsed[0].msgstr or "").split("\n") if line)}
    if header != dict(po.metadata):
        raise TranslationMemoryError(path, parsed[0].line, "the PO library reads the header differently from gettext; "
                                     "write each header line as \"Name: value\\n\"")
    entries = list(po)
    for index, entry in enumerate(parsed[1:]):
        if index >= len(entries) or _as_read(entries[index]) != _as_parsed(entry):
            raise TranslationMemoryError(path, entry.line, "the PO library reads this entry differently from gettext "
                                         "(unusual layout?); write it as msgctxt/msgid/msgstr lines, one string each")
    if len(entries) != len(parsed) - 1:
        raise TranslationMemoryError(path, None, f"the PO library reads {len(entries)} entries, gettext {len(parsed) - 1}")


def migrate_positional_contexts(po: polib.POFile) -> int:
    """Re-key entries of the old positional scheme ("p003") by kind ("paragraph"); returns how many.

    The file order is the old reading order, so repeats are numbered as segments number them and an
    entry whose text is unchanged matches its segment exactly; one whose text changed is found by
    its neighbours or by similarity, like any edit.
    """
    taken = {(e.msgctxt, e.msgid) for e in po if not (e.msgctxt and _POSITIONAL.match(e.msgctxt))}
    migrated = 0
    for entry in sorted(po, key=lambda e: e.obsolete):  # active entries take the first numbers
        match = _POSITIONAL.match(entry.msgctxt or "")
        if match:
            kind = _POSITIONAL_KINDS[match["prefix"]]
            occurrence = 1
            while (segment_context(kind, occurrence), entry.msgid) in taken:
                occurrence += 1
            entry.msgctxt = segment_context(kind, occurrence)
            taken.add((entry.msgctxt, entry.msgid))
            migrated += 1
        previous = _POSITIONAL.match(entry.previous_msgctxt or "")
        if previous:
            entry.previous_msgctxt = _POSITIONAL_KINDS[previous["prefix"]]
    return migrated


def _polib(text: str, path: Path) -> polib.POFile:
    try:
        return polib.pofile(text, wrapwidth=0, encoding="utf-8")
    except (OSError, ValueError) as exc:  # a layout gettext accepts but polib does not (two strings on a line …)
        line = re.search(r"\(line (\d+)\)", str(exc))
        raise TranslationMemoryError(path, int(line.group(1)) if line else None,
                                     f"the PO library cannot read this layout ({exc}); write one keyword or string per line") from None


def parse_catalog(text: str, path: Path) -> polib.POFile:
    """A catalog from a file's text: checked strictly, read by polib, cross-checked, migrated."""
    parsed = parse_po(text, path)
    po = _polib(text, path)
    _cross_check(path, parsed, po)
    migrate_positional_contexts(po)
    return po


def load_catalog(path: Path) -> polib.POFile | None:
    if not path.exists():
        return None
    return parse_catalog(read_po_text(path), path)


def _old_entry(entry: polib.POEntry) -> OldEntry:
    return OldEntry(entry.msgctxt, entry.msgid, entry.obsolete, bool(entry.msgstr or any(entry.msgstr_plural.values())))


def _keep_for_review(entry: polib.POEntry, segment: Segment, fuzzy: bool) -> None:
    """Give an old entry the segment's context and text; its English is kept, fuzzy if the text changed."""
    old_text = entry.msgid
    entry.obsolete = False
    entry.msgctxt, entry.msgid, entry.comment = segment.context, segment.text, segment.kind
    if not entry.msgstr:  # nothing to review
        entry.previous_msgid = None
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        return
    if not fuzzy:
        return
    # The English translates the text it was reviewed for: the old text, or the #| msgid of an earlier change.
    reviewed_for = entry.previous_msgid if "fuzzy" in entry.flags and entry.previous_msgid is not None else old_text
    if reviewed_for == segment.text and QA_COMMENT not in entry.tcomment:  # the text came back to it
        entry.previous_msgid = None
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        return
    entry.previous_msgid = reviewed_for
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")


def sync_catalog(po: polib.POFile, segments: list[Segment], source_sha256: str | None = None) -> bool:
    """Bring the catalog in line with the segments; True if anything changed. Nothing is dropped.

    Active entries follow the reading order of the segments; obsolete ones follow, oldest first.
    """
    before = str(po)
    old = list(po)
    matches = match_segments(segments, [_old_entry(e) for e in old])
    active = []
    for index, segment in enumerate(segments):
        match = matches.get(index)
        if match is None:
            active.append(polib.POEntry(msgctxt=segment.context, msgid=segment.text, msgstr="", comment=segment.kind))
            continue
        entry = old[match.entry]
        if match.how == "revived":
            entry.obsolete = False
        elif match.how != "exact":
            _keep_for_review(entry, segment, match.how in FUZZY)
        active.append(entry)
    kept = {id(e) for e in active}
    obsolete = [e for e in old if e.obsolete and id(e) not in kept]
    for entry in old:
        if not entry.obsolete and id(entry) not in kept:
            entry.obsolete = True  # kept in the file as #~, with its translation
            obsolete.append(entry)
    po[:] = active + obsolete
    if source_sha256 is not None:
        po.metadata[SOURCE_SHA256] = source_sha256
    return str(po) != before


def save_catalog(po: polib.POFile, path: Path) -> None:
    """Write atomically, after checking that the text reads back, strictly, as the same entries."""
    text = str(po)
    try:
        _cross_check(path, parse_po(text, path), _polib(text, path))
    except TranslationMemoryError as exc:
        raise TranslationMemoryError(path, None, f"not written, the new text would not read back: {exc.reason}") from None
    atomic_write(path, text)


def entry_status(entry: polib.POEntry) -> Status:
    if not entry.msgstr:
        return "missing"
    if "fuzzy" in entry.flags:
        return "fuzzy"
    if MACHINE_FLAG in entry.flags:
        return "machine"
    return "editors"


def active_entries(po: polib.POFile | None) -> dict[tuple[str | None, str], polib.POEntry]:
    """(msgctxt, msgid) -> entry, for the entries that are not obsolete."""
    return {(e.msgctxt, e.msgid): e for e in po if not e.obsolete} if po is not None else {}


def find_entry(po: polib.POFile | None, segment: Segment) -> polib.POEntry | None:
    return active_entries(po).get((segment.context, segment.text))


def coverage(po: polib.POFile | None, segments: list[Segment]) -> Coverage:
    counts = {"editors": 0, "machine": 0, "fuzzy": 0, "missing": 0}
    entries = active_entries(po)
    for segment in segments:
        entry = entries.get((segment.context, segment.text))
        counts["missing" if entry is None else entry_status(entry)] += 1
    return Coverage(translated=counts["editors"], machine=counts["machine"], fuzzy=counts["fuzzy"], missing=counts["missing"])


def english(po: polib.POFile | None, segments: list[Segment]) -> dict[str, tuple[str, Status]]:
    """Segment key -> (English, status), for the segments that have an English text at all."""
    entries = active_entries(po)
    found = ((s.key, entries.get((s.context, s.text))) for s in segments)
    return {key: (e.msgstr, entry_status(e)) for key, e in found if e is not None and e.msgstr}


def machine_engine(entry: polib.POEntry) -> str | None:
    """The engine that wrote a machine entry (from the comment `record_machine` writes)."""
    if MACHINE_FLAG not in entry.flags or not entry.tcomment.startswith(MACHINE_COMMENT):
        return None
    return entry.tcomment.removeprefix(MACHINE_COMMENT).split(",", 1)[0]


def read_catalog(path: Path, report_id: str) -> tuple[polib.POFile, str]:
    """The catalog at path (new if there is none) and the text it was read from ("" if new)."""
    if not path.exists():
        return new_catalog(report_id), ""
    text = read_po_text(path)
    return parse_catalog(text, path), text


def open_catalog(translations_dir: Path, report_id: str, segments: list[Segment], source_sha256: str | None = None,
                 read_from: Path | None = None) -> tuple[polib.POFile, Path, bool]:
    """The report's catalog synced with its segments, and True if it differs from the file it was read from.

    read_from: the catalog of the report's old name, when the report was renamed (memory_files.py).
    """
    path = po_path(translations_dir, report_id)
    po, text = read_catalog(read_from or path, report_id)
    if read_from is not None:
        set_report_id(po, report_id)
    sync_catalog(po, segments, source_sha256)
    return po, path, read_from is not None or str(po) != text


def record_machine(po: polib.POFile, segment: Segment, text: str, engine: str) -> None:
    """Write machine output into the segment's untranslated entry, marked as machine translation."""
    entry = find_entry(po, segment)
    if entry is None:
        raise KeyError(f"no entry for segment {segment.label}: sync the catalog first")
    entry.msgstr = text
    if MACHINE_FLAG not in entry.flags:
        entry.flags.append(MACHINE_FLAG)
    entry.tcomment = f"{MACHINE_COMMENT}{engine}, {dt.date.today().isoformat()}"
