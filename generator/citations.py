"""How to cite a report: plain text, BibTeX and CSL-JSON, each with the report's permanent URL."""

from __future__ import annotations

import re
from typing import Any

from generator.model import Report

ARCHIVE_NAME = {"vi": "Lưu trữ báo cáo thực hiện văn bản của Đảng", "en": "Archive of provincial Party reports"}
# Braces as commands: BibTeX counts every brace, escaped or not, so "\}" would end the field.
_TEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "$": r"\$", "&": r"\&", "#": r"\#",
                "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _date_parts(report: Report) -> list[int] | None:
    date = report.metadata.date.value
    return [int(p) for p in date.iso.split("-")] if date else None


def cite_plain(report: Report, url: str, lang: str) -> str:
    m = report.metadata
    who = m.author.value or m.source.value or ("Không rõ tác giả" if lang == "vi" else "Unknown author")
    title = m.title.value or report.id
    date = m.date.value.iso if m.date.value else ("không rõ ngày" if lang == "vi" else "n.d.")
    source = f" {m.source.value}." if m.source.value and m.source.value != who else ""
    return f"{who}. “{title}”.{source} {date}. {ARCHIVE_NAME[lang]}, {report.id}. {url}"


def _tex(text: str) -> str:
    return "".join(_TEX_ESCAPES.get(char, char) for char in text)


def cite_bibtex(report: Report, url: str) -> str:
    m = report.metadata
    parts = _date_parts(report) or []
    fields: list[tuple[str, str]] = [("title", "{" + _tex(m.title.value or report.id) + "}")]  # double braces keep case
    if m.author.value:
        fields.append(("author", "{" + _tex(m.author.value) + "}"))  # a Vietnamese name is not "Last, First"
    if m.source.value:
        fields.append(("howpublished", _tex(m.source.value)))
    fields += list(zip(("year", "month", "day"), map(str, parts)))
    fields += [("url", url), ("language", "vietnamese"), ("note", _tex(f"{ARCHIVE_NAME['en']}, {report.id}"))]
    key = "report_" + re.sub(r"[^A-Za-z0-9_]", "_", report.id)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def cite_csl(report: Report, url: str) -> dict[str, Any]:
    m = report.metadata
    item: dict[str, Any] = {
        "id": report.id,
        "type": "article-newspaper",
        "title": m.title.value or report.id,
        "URL": url,
        "language": "vi",
        "archive": ARCHIVE_NAME["en"],
        "archive_location": report.id,
    }
    if m.author.value:
        item["author"] = [{"literal": m.author.value}]
    if m.source.value:
        item["container-title"] = m.source.value
    parts = _date_parts(report)
    if parts:
        item["issued"] = {"date-parts": [parts]}
    return item
