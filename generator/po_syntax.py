"""Strict reading of gettext PO syntax, so that a damaged file stops the build instead of losing words.

polib forgives what `msgfmt --check` rejects, and then writes its guess back: an entry whose
`msgstr` keyword was deleted, a string whose closing quote was deleted (its last character is
dropped), a duplicate entry, an invalid escape. This module reads the file the way gettext does and
raises `TranslationMemoryError(path, line, reason)` at the first problem.

    #  translator comment       #. extracted comment     #: reference     #, flags
    #| msgid "previous text"    #~ msgid "obsolete entry" (any line of an entry, same prefix on all)
    msgctxt "paragraph"         once, optional
    msgid "Sáng 23-8, Tỉnh ủy họp."
    "continuation"              any number of strings, one per line
    msgstr "On the morning of 23 August, the provincial Party Committee met."
    msgid_plural "…" / msgstr[0] "…" msgstr[1] "…"   plural entries

Escapes are C's (\\n \\t \\" \\\\ …). The octal, hex and \\a escapes are valid for msgfmt but polib
reads them as two characters, so they are refused with that reason: write the character itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"'}
_GETTEXT_ONLY_ESCAPE = re.compile(r"a|[0-7]{1,3}|x[0-9A-Fa-f]+")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)(?=[\s\"]|$)")
_HEADER_LINE = re.compile(r"^[^\s:][^:]*:")
_CHARSET = re.compile(r"charset=([^\s;]+)", re.IGNORECASE)


class TranslationMemoryError(Exception):
    """A translation memory file (or an editor's instruction about one) cannot be used safely."""

    def __init__(self, path: Path | str, line: int | None, reason: str):
        self.path = Path(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {reason}")


@dataclass
class PoEntry:
    """One entry as gettext reads it: decoded strings, flags, and the line of its first keyword."""

    line: int
    obsolete: bool
    last_line: int = 0  # the line of its last string
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstr: str | None = None
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete


def decode_string(token: str, line: int, column: int, path: Path) -> tuple[str, str]:
    """Read one quoted string at the start of `token`; return (its value, the text after it)."""
    assert token.startswith('"')
    end = token.find('"', 1)
    if end > 0 and "\\" not in token[1:end]:  # no escape: the string is the text up to its closing quote
        return token[1:end], token[end + 1 :]
    value: list[str] = []
    i = 1
    while i < len(token):
        char = token[i]
        if char == '"':
            return "".join(value), token[i + 1 :]
        if char == "\\":
            escape = token[i + 1 : i + 2]
            if escape in _ESCAPES:
                value.append(_ESCAPES[escape])
                i += 2
                continue
            if not escape:
                break  # a backslash ending the line: the closing quote is missing
            where = column + i
            if _GETTEXT_ONLY_ESCAPE.match(token, i + 1):
                raise TranslationMemoryError(path, line, f"column {where}: the escape \\{escape}… is valid for gettext but the "
                                             "PO library reads it as two characters: write the character itself")
            raise TranslationMemoryError(path, line, f"column {where}: invalid escape \\{escape} (valid: \\n \\t \\r \\\" \\\\; "
                                         "a backslash in the text is written \\\\)")
        value.append(char)
        i += 1
    raise TranslationMemoryError(path, line, "the string has no closing quote (a deleted \"? every string ends with \" on its own line)")


def _strings(rest: str, line: int, column: int, path: Path) -> str:
    """The value of the quoted string(s) that must make up the rest of a line."""
    text = rest.lstrip()
    column += len(rest) - len(text)
    if not text.startswith('"'):
        raise TranslationMemoryError(path, line, f"column {column}: expected a quoted string, found {text[:20]!r}" if text
                                     else "a keyword must be followed by a quoted string on the same line")
    parts = []
    while text:
        value, after = decode_string(text, line, column, path)
        parts.append(value)
        column += len(text) - len(after)
        text = after.lstrip()
        column += len(after) - len(text)
        if text and not text.startswith('"'):
            raise TranslationMemoryError(path, line, f"column {column}: text after the closing quote, {text[:20]!r} "
                                         "(an unescaped \" inside the text? write it as \\\")")
    return "".join(parts)


@dataclass
class _Reader:
    """The parser's state: entries read so far, the entry being read and the field its strings go to."""

    path: Path
    entries: list[PoEntry] = field(default_factory=list)
    current: PoEntry | None = None
    field_name: str | None = None  # msgctxt, msgid, msgid_plural, msgstr or msgstr[N]
    flags: set[str] = field(default_factory=set)  # flags read for the next entry

    def fail(self, line: int, reason: str) -> NoReturn:
        raise TranslationMemoryError(self.path, line, reason)

    def finish(self) -> None:
        entry = self.current
        if entry is None:
            return
        if entry.msgid is None:
            self.fail(entry.line, "msgctxt without msgid")
        if entry.msgstr is None and not entry.msgstr_plural:
            self.fail(entry.last_line, f"the entry from line {entry.line} has no msgstr (a deleted msgstr keyword? this line "
                      "is read as part of its msgid); every msgid needs a msgstr \"…\", empty if untranslated")
        self.entries.append(entry)
        self.current, self.field_name = None, None

    def keyword(self, line: int, obsolete: bool, name: str, index: str | None, value: str) -> None:
        entry, last = self.current, self.field_name
        if name in ("msgctxt", "msgid") and (entry is None or last != "msgctxt"):  # a new entry begins
            self.finish()
            entry = self.current = PoEntry(line=line, obsolete=obsolete, flags=self.flags)
            self.flags = set()
        if entry is None:
            self.fail(line, f"{name} without msgid (an entry starts with msgctxt or msgid)")
        if obsolete != entry.obsolete:
            self.fail(line, "inconsistent use of #~: every line of an obsolete entry starts with #~, and no other")
        if name == "msgctxt":
            if entry.msgctxt is not None or entry.msgid is not None:
                self.fail(line, "a second msgctxt in one entry")
            entry.msgctxt = value
        elif name == "msgid":
            if entry.msgid is not None:
                self.fail(line, "a second msgid in one entry")
            entry.msgid = value
        elif name == "msgid_plural":
            if last != "msgid":
                self.fail(line, "msgid_plural must follow msgid")
            entry.msgid_plural = value
        elif index is None:
            if last == "msgid_plural":
                self.fail(line, "a plural entry (msgid_plural) needs msgstr[0], msgstr[1] …, not msgstr")
            if last != "msgid":
                self.fail(line, "msgstr must follow msgid" + (" (a second msgstr?)" if entry.msgstr is not None else ""))
            entry.msgstr = value
        else:
            if entry.msgid_plural is None:
                self.fail(line, f"msgstr[{index}] in an entry without msgid_plural")
            if int(index) != len(entry.msgstr_plural):
                self.fail(line, f"plural form msgstr[{index}] out of order: expected msgstr[{len(entry.msgstr_plural)}]")
            entry.msgstr_plural[int(index)] = value
        self.field_name = name if index is None else f"msgstr[{index}]"
        entry.last_line = line

    def continuation(self, line: int, obsolete: bool, value: str) -> None:
        entry, name = self.current, self.field_name
        if entry is None or name is None:
            self.fail(line, "a quoted string outside any entry (a deleted keyword such as msgstr before it?)")
        if obsolete != entry.obsolete:
            self.fail(line, "inconsistent use of #~: every line of an obsolete entry starts with #~, and no other")
        if name.startswith("msgstr["):
            index = int(name[7:-1])
            entry.msgstr_plural[index] += value
        else:
            setattr(entry, name, (getattr(entry, name) or "") + value)
        entry.last_line = line

    def comment(self, line: int, text: str) -> None:
        if self.current is not None and self.field_name in ("msgctxt", "msgid_plural"):
            self.fail(line, f"a comment inside the entry from line {self.current.line}, before its msgid or msgstr")
        self.finish()  # an entry stopped after its msgid has no msgstr: an error
        if text.startswith("#,"):
            self.flags |= {f.strip() for f in text[2:].split(",") if f.strip()}


def _read_line(reader: _Reader, number: int, raw: str) -> None:
    text = raw.strip()
    if not text:
        return
    obsolete = text.startswith("#~")
    body = text[2:].lstrip() if obsolete else text
    previous = body.startswith("#|") or (obsolete and body.startswith("|"))
    if previous:  # #| msgid "old text": checked as strings, not part of the entry
        rest = body[2:] if body.startswith("#|") else body[1:]
        match = _KEYWORD.match(rest.lstrip())
        if match and match.group(1) in ("msgctxt", "msgid", "msgid_plural"):
            _strings(rest.lstrip()[match.end():], number, 0, reader.path)
        elif rest.strip().startswith('"'):
            _strings(rest, number, 0, reader.path)
        elif rest.strip():
            reader.fail(number, "a #| line holds the previous msgctxt, msgid or msgid_plural and its quoted string")
        reader.comment(number, "#|")
        return
    if not obsolete and body.startswith("#"):
        reader.comment(number, body)
        return
    if obsolete and not body:
        return
    column = len(raw) - len(raw.lstrip()) + (len(text) - len(body)) + 1
    if body.startswith('"'):
        reader.continuation(number, obsolete, _strings(body, number, column, reader.path))
        return
    match = _KEYWORD.match(body)
    if not match:
        word = body.split()[0] if body.split() else body
        reader.fail(number, f"unexpected {word[:30]!r}: a line is a comment (#), a keyword (msgctxt, msgid, msgstr …) "
                    "followed by a quoted string, or a quoted continuation string")
    value = _strings(body[match.end():], number, column + match.end(), reader.path)
    reader.keyword(number, obsolete, "msgstr" if match.group(2) else match.group(1), match.group(2), value)


def _check_entries(path: Path, entries: list[PoEntry]) -> None:
    if not entries or not entries[0].is_header:
        raise TranslationMemoryError(path, entries[0].line if entries else None,
                                     "the file must begin with the header entry (msgid \"\" and msgstr \"Content-Type: …\")")
    header = entries[0].msgstr or ""
    for offset, text in enumerate(header.split("\n")):
        if text and not _HEADER_LINE.match(text):
            raise TranslationMemoryError(path, entries[0].line, f"header line {offset + 1} ({text[:30]!r}) is not 'Name: value'")
    charset = _CHARSET.search(header)
    if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise TranslationMemoryError(path, entries[0].line, f"charset {charset.group(1)}: translation files are UTF-8")
    if any(e.msgid_plural is not None for e in entries) and "nplurals=" not in header:
        raise TranslationMemoryError(path, entries[0].line, "plural entries need a 'Plural-Forms: nplurals=…' header line")
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        key = (entry.msgctxt, entry.msgid or "")
        if key in seen:
            context = f" with msgctxt {entry.msgctxt!r}" if entry.msgctxt is not None else ""
            raise TranslationMemoryError(path, entry.line, f"duplicate entry: the same msgid{context} is already at line {seen[key]}")
        seen[key] = entry.line
        if entry.obsolete or entry.is_header:
            continue
        pairs = [(entry.msgid or "", entry.msgstr or "")] + [(entry.msgid or "", s) for s in entry.msgstr_plural.values()]
        for source, target in pairs:
            if not target:
                continue
            for end, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(source, "\n") != test(target, "\n"):
                    raise TranslationMemoryError(path, entry.line, f"msgid and msgstr do not both {end} with \\n (msgfmt rejects this)")


def parse_po(text: str, path: Path) -> list[PoEntry]:
    """Every entry of a PO file (the header first), or TranslationMemoryError at the first problem."""
    if text.startswith("\ufeff"):
        raise TranslationMemoryError(path, 1, "the file starts with a byte-order mark; save it as UTF-8 without BOM")
    reader = _Reader(path)
    lines = text.split("\n")
    for number, raw in enumerate(lines, 1):
        _read_line(reader, number, raw.removesuffix("\r"))
    reader.finish()
    _check_entries(path, reader.entries)
    return reader.entries


def read_po_text(path: Path) -> str:
    """The file's text, decoded as UTF-8; an invalid byte is an error naming its line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TranslationMemoryError(path, line, f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None
