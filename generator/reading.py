"""Stage 1: read a raw report safely. Never writes; a bad file raises ReportError naming it.

Only a regular file directly in the corpus folder is read: never a symbolic link, a pipe, a
device or a folder. Its bytes are decoded from whichever encoding they are in (UTF-8, UTF-16 or
UTF-32, the legacy TCVN3, VNI, Windows-1258 and VIQR), mojibake is repaired, control characters
are taken out, and a scraper's export of several articles is refused. What reading had to
repair is listed as findings (field "text"); what it cannot repair is a ReportError that
says, for the editor who added the file, what to do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

import ftfy

from generator.encodings import NotUnicode, decode_unicode
from generator.findings import Finding
from generator.legacy_encodings import (
    LEGACY_SIGN_CHARS,
    MIN_WORDS,
    UnknownLegacyEncoding,
    decode_legacy_bytes,
    repair_legacy_mojibake,
)
from generator.model import RawReport, ReportError
from generator.scraper_exports import find_export
from generator.textnorm import (
    CONTROL_CLASS,
    LOOK_ALIKE_CHARS,
    is_bidi_control,
    normalize_display,
    replace_controls,
    replace_look_alikes,
)
from generator.viqr import repair_viqr

RAW_SUFFIX = ".txt"
MAX_BYTES = 8 * 1024 * 1024  # the largest report so far is 14 KB; anything near this is the wrong file
# A report id is its file name without ".txt"; it becomes the permanent URL, so keep it URL-safe.
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Signs of UTF-8 that was decoded as cp1252/latin-1 and saved again ("Tá»‰nh á»§y").
# The second character comes first so that `re` skips ahead to it: "á" is everywhere in Vietnamese.
_MOJIBAKE_HINT = re.compile("[\u0080-\u00bf\u2018-\u203a\u0152-\u0178](?<=[ÃÄÆá].)")
# Characters without which no repair below can apply: legacy signs, controls, and what UTF-8
# mojibake of Vietnamese always carries (its lead Ã/Ä/Æ, or "º"/"»" after "á", which are legacy
# signs). One scan of a clean report (nearly every report) costs a few microseconds.
_ENCODING_SIGNS = frozenset(LEGACY_SIGN_CHARS + "ÃÄÆ" + "".join(map(chr, range(0x80, 0xA0))))
_MAY_NEED_REPAIR = re.compile(f"[{LEGACY_SIGN_CHARS}ÃÄÆ\u0080-\u009f{CONTROL_CLASS}{LOOK_ALIKE_CHARS}]")
_NOT_REGULAR = {
    stat.S_IFDIR: "is a folder, not a file",
    stat.S_IFIFO: "is a named pipe (FIFO), not a file; it was not opened",
    stat.S_IFCHR: "is a character device, not a file; it was not opened",
    stat.S_IFBLK: "is a block device, not a file; it was not opened",
    stat.S_IFSOCK: "is a socket, not a file; it was not opened",
}
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def report_id(path: Path) -> str:
    stem = path.name[: -len(RAW_SUFFIX)] if path.name.endswith(RAW_SUFFIX) else path.stem
    if not _ID_PATTERN.match(stem):
        raise ReportError(path, "file name must use only letters, digits, '-', '_' or '.' (it becomes the report's permanent URL)")
    return stem


def find_reports(source_dir: Path) -> list[Path]:
    """Every `*.txt` entry directly in `source_dir`, sorted, without following any link.
    Links, pipes and folders named *.txt are listed too, so that `read_report` refuses each by
    name; hidden files (".#r1.txt" is an editor's lock) are not reports and are skipped."""
    try:
        with os.scandir(source_dir) as entries:
            names = [e.name for e in entries if e.name.endswith(RAW_SUFFIX) and not e.name.startswith(".")]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(source_dir / name for name in names)


def _symlink_reason(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    missing = "" if os.path.exists(path) else ", which does not exist"
    return (f"is a symbolic link (to {target}{missing}); links are never followed: "
            "save the report itself in the folder as a regular file")


def read_raw_bytes(path: Path) -> bytes:
    """The bytes of a regular file; a link, a pipe, a device or a folder is refused without
    being opened or followed (lstat first, then O_NOFOLLOW | O_NONBLOCK against a swap)."""
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise ReportError(path, "does not exist") from None
    except OSError as exc:
        raise ReportError(path, f"cannot be read: {exc.strerror}") from None
    if stat.S_ISLNK(before.st_mode):
        raise ReportError(path, _symlink_reason(path))
    if not stat.S_ISREG(before.st_mode):
        raise ReportError(path, _NOT_REGULAR.get(stat.S_IFMT(before.st_mode), "is not a regular file"))
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReportError(path, _symlink_reason(path)) from None
        raise ReportError(path, f"cannot be read: {exc.strerror}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise ReportError(path, "was replaced while being read; read it again")
        if opened.st_size > MAX_BYTES:
            raise ReportError(path, f"is {opened.st_size / 1048576:.0f} MB, far too large for one report; is it the right file?")
        chunks: list[bytes] = []
        while chunk := os.read(fd, opened.st_size + 1 if not chunks else 65536):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _text_finding(code: str, **params: str | int) -> Finding:
    return Finding("text", code, params)


def _decode_bytes(path: Path, data: bytes) -> tuple[str, list[Finding]]:
    """Bytes -> text, from a Unicode encoding or, failing that, a legacy Vietnamese one."""
    try:
        decoded = decode_unicode(data)
    except NotUnicode as problem:
        if problem.reason.startswith("not valid UTF-8"):
            return _decode_legacy(path, data, problem.reason)
        raise ReportError(path, f"{problem.reason}; save it again as UTF-8") from None
    findings: list[Finding] = []
    if decoded.encoding == "UTF-8":
        if decoded.bom:
            findings.append(_text_finding("text.bom_removed"))
    elif decoded.bom:
        findings.append(_text_finding("text.utf16_32_decoded", encoding=decoded.encoding))
    else:
        findings.append(_text_finding("text.utf16_32_detected", encoding=decoded.encoding))
    return decoded.text, findings


def _decode_legacy(path: Path, data: bytes, reason: str) -> tuple[str, list[Finding]]:
    try:
        repair = decode_legacy_bytes(data)
    except UnknownLegacyEncoding as unknown:
        broken = data.decode("utf-8", errors="replace").count("\ufffd")
        if b"\x00" in data:
            hint = "it holds zero bytes: is it a binary file (a Word document, a PDF, an image)?"
        elif broken * 200 < len(data):
            hint = (f"the rest is UTF-8, so {broken} damaged byte sequence{'s' if broken > 1 else ''} "
                    "(a file cut or joined badly?) must be fixed by hand")
        elif unknown.guess:
            hint = (f"it looks like the legacy encoding {unknown.guess}, but not clearly enough to convert; "
                    "convert it to UTF-8 (UniKey's converter, or viparse)")
        elif unknown.words < MIN_WORDS:
            hint = "too little text to tell a legacy encoding (TCVN3, VNI, Windows-1258) apart; convert it to UTF-8"
        else:
            hint = "it is not TCVN3, VNI or Windows-1258 Vietnamese either; save it as UTF-8"
        raise ReportError(path, f"{reason}; {hint}") from None
    findings = [_text_finding("text.legacy_converted", encoding=repair.encoding or "")]
    if repair.capitals:
        findings.append(_text_finding("text.legacy_capitals_restored", count=repair.capitals))
    return repair.text, findings


def _refuse_export(path: Path, text: str) -> None:
    export = find_export(text)
    if export is None:
        return
    fields = ", ".join(export.fields[:6]) or "no article fields"
    if export.articles == 0:
        raise ReportError(path, f"is {export.kind} data ({fields}), not the text of a report; save the article's text as plain text")
    held = "1 article" if export.articles == 1 else f"{export.articles} articles"
    raise ReportError(
        path,
        f"is a {export.kind} export holding {held} ({fields}), not one report; save each article as its own "
        f"{RAW_SUFFIX} file (its title on the first line, then its text), each with its own id",
    )


def _repair_encoding(text: str) -> tuple[str, list[Finding]]:
    """Mojibake: UTF-8 read as cp1252, legacy encodings read as cp1252."""
    findings: list[Finding] = []
    if _MOJIBAKE_HINT.search(text):
        fixed = ftfy.fix_text(text, normalization="NFC")
        if fixed != text:
            text = fixed
            findings.append(_text_finding("text.mojibake_repaired"))
    legacy = repair_legacy_mojibake(text)
    if legacy.encoding:
        text = legacy.text
        findings.append(_text_finding("text.legacy_mojibake_repaired", encoding=legacy.encoding, lines=legacy.lines))
        if legacy.capitals:
            findings.append(_text_finding("text.legacy_capitals_restored", count=legacy.capitals))
    elif legacy.guess:
        findings.append(Finding("text", "text.legacy_suspected", {"encoding": legacy.guess, "sample": legacy.sample},
                                evidence=legacy.sample))
    return text, findings


def _repair_viqr(text: str) -> tuple[str, list[Finding]]:
    findings: list[Finding] = []
    viqr = repair_viqr(text)
    if viqr is not None and viqr.reads_as_vietnamese:
        text = viqr.text
        findings.append(_text_finding("text.legacy_converted", encoding="VIQR"))
        if viqr.uncertain:
            samples = ", ".join(viqr.samples)
            findings.append(Finding("text", "text.viqr_uncertain", {"count": viqr.uncertain, "samples": samples}, evidence=samples))
    elif viqr is not None:
        sample = text.strip().split("\n", 1)[0][:80]
        findings.append(Finding("text", "text.legacy_suspected", {"encoding": "VIQR", "sample": sample}, evidence=sample))
    return text, findings


def _control_findings(counts: dict[str, int]) -> list[Finding]:
    findings = []
    for code, chars in (("text.controls_replaced", {c: n for c, n in counts.items() if not is_bidi_control(c)}),
                        ("text.bidi_removed", {c: n for c, n in counts.items() if is_bidi_control(c)})):
        if chars:
            listed = ", ".join(f"U+{ord(c):04X} ×{n}" for c, n in sorted(chars.items()))
            findings.append(_text_finding(code, count=sum(chars.values()), chars=listed))
    return findings


def decode_report(path: Path, data: bytes) -> tuple[str, tuple[Finding, ...]]:
    """Bytes -> NFC text with LF line ends. Returns the text and what had to be repaired."""
    if not data.strip():
        raise ReportError(path, "file is empty")
    text, findings = _decode_bytes(path, data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        findings.append(_text_finding("text.crlf_converted"))
    _refuse_export(path, text)
    if not unicodedata.is_normalized("NFC", text):
        findings.append(_text_finding("text.nfd_normalised"))
        text = unicodedata.normalize("NFC", text)
    repairs: list[Finding] = []
    controls: dict[str, int] = {}
    present = set(_MAY_NEED_REPAIR.findall(text))  # one pass; most reports have none, or a few odd spaces
    if present & _ENCODING_SIGNS:  # first: the legacy tables use Ð and ð as letters
        text, repairs = _repair_encoding(text)
        text, controls = replace_controls(text)
        text = normalize_display(text)
    elif present:
        if present - set(LOOK_ALIKE_CHARS):
            text, controls = replace_controls(text)
            text = unicodedata.normalize("NFC", text)  # a control removed between a letter and its mark
        text = replace_look_alikes(text, "".join(present))
    text, viqr = _repair_viqr(text)
    repairs += viqr
    if not text.strip():
        raise ReportError(path, "file has no text")
    return text, tuple(findings + repairs + _control_findings(controls))


def read_report(path: Path) -> RawReport:
    report = report_id(path)
    data = read_raw_bytes(path)
    text, notes = decode_report(path, data)
    return RawReport(id=report, path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), notes=notes)
