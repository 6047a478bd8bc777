"""Stage 1: read a raw report safely. Never writes; a bad file raises ReportError naming it."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import ftfy

from generator.findings import Finding
from generator.model import RawReport, ReportError
from generator.textnorm import normalize_display

RAW_SUFFIX = ".txt"
# A report id is its file name without ".txt"; it becomes the permanent URL, so keep it URL-safe.
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Signs of UTF-8 that was decoded as cp1252/latin-1 and saved again ("Tá»‰nh á»§y").
# The second character comes first so that `re` skips ahead to it: "á" is everywhere in Vietnamese.
_MOJIBAKE_HINT = re.compile("[\u0080-\u00bf\u2018-\u203a\u0152-\u0178](?<=[ÃÄÆá].)")


def report_id(path: Path) -> str:
    stem = path.name[: -len(RAW_SUFFIX)] if path.name.endswith(RAW_SUFFIX) else path.stem
    if not _ID_PATTERN.match(stem):
        raise ReportError(path, "file name must use only letters, digits, '-', '_' or '.' (it becomes the report's permanent URL)")
    return stem


def _text_finding(code: str, **params: str | int) -> Finding:
    return Finding("text", code, params)


def decode_report(path: Path, data: bytes) -> tuple[str, tuple[Finding, ...]]:
    """Bytes -> NFC text with LF line ends. Returns the text and what had to be repaired."""
    notes: list[Finding] = []
    if not data.strip():
        raise ReportError(path, "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append(_text_finding("text.bom_removed"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportError(
            path,
            f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 4]!r}); "
            "convert it to UTF-8 first (legacy TCVN3/VNI/cp1258 files need converting by hand)",
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append(_text_finding("text.crlf_converted"))
    if not unicodedata.is_normalized("NFC", text):
        notes.append(_text_finding("text.nfd_normalised"))
    if _MOJIBAKE_HINT.search(text):
        fixed = ftfy.fix_text(text, normalization="NFC")
        if fixed != text:
            text = fixed
            notes.append(_text_finding("text.mojibake_repaired"))
    text = normalize_display(text)
    if not text.strip():
        raise ReportError(path, "file has no text")
    return text, tuple(notes)


def read_report(path: Path) -> RawReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(path, f"cannot be read: {exc.strerror}") from None
    text, notes = decode_report(path, data)
    return RawReport(
        id=report_id(path),
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        notes=notes,
    )


def find_reports(source_dir: Path) -> list[Path]:
    return sorted(p for p in source_dir.glob(f"*{RAW_SUFFIX}") if p.is_file())
