"""Translation memory: one gettext PO file per report (translations/en/<report-id>.po).

Entries are keyed by msgctxt (the segment key). Syncing with the current Vietnamese text follows
msgmerge: a new segment gets an empty entry; a changed segment keeps its English, marked fuzzy,
with the old Vietnamese as `#| msgid`; a segment that disappeared becomes obsolete (`#~`), never
deleted. Every file is read strictly (po_syntax.py): a file msgfmt would reject stops the build
and is never rewritten. Machine output carries the flag `machine` and a comment naming the engine;
an editor reviews it by removing the flag. The files open in Poedit and Weblate and pass
`msgfmt --check`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from generator.po_syntax import PoEntry, TranslationMemoryError, parse_po, read_po_text
from generator.segments import Segment
from generator.writing import atomic_write

MACHINE_FLAG = "machine"
Status = Literal["editors", "machine", "fuzzy", "missing"]


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
        "Project-Id-Version": f"party-reports-archive {report_id}",
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


def _polib(text: str, path: Path) -> polib.POFile:
    try:
        return polib.pofile(text, wrapwidth=0, encoding="utf-8")
    except (OSError, ValueError) as exc:  # a layout gettext accepts but polib does not (two strings on a line …)
        line = re.search(r"\(line (\d+)\)", str(exc))
        raise TranslationMemoryError(path, int(line.group(1)) if line else None,
                                     f"the PO library cannot read this layout ({exc}); write one keyword or string per line") from None


def parse_catalog(text: str, path: Path) -> polib.POFile:
    """A catalog from a file's text: checked strictly, read by polib, and cross-checked."""
    parsed = parse_po(text, path)
    po = _polib(text, path)
    _cross_check(path, parsed, po)
    return po


def load_catalog(path: Path) -> polib.POFile | None:
    if not path.exists():
        return None
    return parse_catalog(read_po_text(path), path)


def sync_catalog(po: polib.POFile, segments: list[Segment]) -> bool:
    """Bring the catalog in line with the segments; True if anything changed. Nothing is dropped."""
    changed = False
    by_context = {e.msgctxt: e for e in po if not e.obsolete}
    wanted = {s.key for s in segments}
    for segment in segments:
        entry = by_context.get(segment.key)
        if entry is None:
            revived = next((e for e in po if e.obsolete and e.msgctxt == segment.key and e.msgid == segment.text), None)
            if revived is not None:
                revived.obsolete = False
            else:
                po.append(polib.POEntry(msgctxt=segment.key, msgid=segment.text, msgstr="", comment=segment.kind))
            changed = True
        elif entry.msgid != segment.text:
            if entry.msgstr:
                entry.previous_msgid = entry.msgid
                if "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
            entry.msgid = segment.text
            changed = True
    for entry in po:
        if not entry.obsolete and entry.msgctxt not in wanted:
            entry.obsolete = True  # kept in the file as #~, with its translation
            changed = True
    return changed


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


def coverage(po: polib.POFile | None, segments: list[Segment]) -> Coverage:
    counts = {"editors": 0, "machine": 0, "fuzzy": 0, "missing": 0}
    by_context = {e.msgctxt: e for e in po if not e.obsolete} if po is not None else {}
    for segment in segments:
        entry = by_context.get(segment.key)
        counts["missing" if entry is None or entry.msgid != segment.text else entry_status(entry)] += 1
    return Coverage(translated=counts["editors"], machine=counts["machine"], fuzzy=counts["fuzzy"], missing=counts["missing"])


def english(po: polib.POFile | None) -> dict[str, tuple[str, Status]]:
    """Segment key -> (English, status), for the segments that have an English text at all."""
    if po is None:
        return {}
    return {e.msgctxt: (e.msgstr, entry_status(e)) for e in po if not e.obsolete and e.msgstr}


MACHINE_COMMENT = "machine translation: "


def machine_engine(entry: polib.POEntry) -> str | None:
    """The engine that wrote a machine entry (from the comment `record_machine` writes)."""
    if MACHINE_FLAG not in entry.flags or not entry.tcomment.startswith(MACHINE_COMMENT):
        return None
    return entry.tcomment.removeprefix(MACHINE_COMMENT).split(",", 1)[0]


def open_catalog(translations_dir: Path, report_id: str, segments: list[Segment]) -> tuple[polib.POFile, Path, bool]:
    """The report's catalog (new if there is none), synced with its segments; True if sync changed it."""
    path = po_path(translations_dir, report_id)
    po = load_catalog(path) or new_catalog(report_id)
    return po, path, sync_catalog(po, segments)


def record_machine(po: polib.POFile, key: str, text: str, engine: str) -> None:
    """Write machine output into an untranslated entry, marked as machine translation."""
    entry = next(e for e in po if not e.obsolete and e.msgctxt == key)
    entry.msgstr = text
    if MACHINE_FLAG not in entry.flags:
        entry.flags.append(MACHINE_FLAG)
    entry.tcomment = f"{MACHINE_COMMENT}{engine}, {dt.date.today().isoformat()}"
