"""How to cite a report: plain text, BibTeX, CSL-JSON and Highwire `citation_*` meta tags.

Every form carries the same facts, gathered once in `Citation`: the authors in their written case
("THANH MAI" → "Thanh Mai"), the title (on the English side the translation, with the
Vietnamese as the original title and the translator), the date at its precision ("n.d." when
unknown), the outlet by name (data/outlets.yaml), the permanent URL, and the original article's
URL and the day it was saved when an editor recorded them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.editor_notes import without_notes
from generator.model import Report
from generator.provenance import report_outlet
from generator.rendering import format_date, page_labels
from generator.translation import TranslationView

ARCHIVE_NAME = {"vi": "Lưu trữ báo cáo thực hiện văn bản của Đảng", "en": "Archive of provincial Party reports"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # BibTeX's month macros
LANGUAGE_NAMES = {"vi": "vietnamese", "en": "english"}  # babel / biblatex language names
_AUTHOR_SEPARATOR = re.compile(r"\s+(?:-|–|—|và)\s+|\s*[,;]\s*")
# Braces as commands: BibTeX counts every brace, escaped or not, so "\}" would end the field.
_TEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%", "$": r"\$", "&": r"\&", "#": r"\#",
                "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


@dataclass(frozen=True)
class Citation:
    report_id: str
    lang: str  # the language of the text cited: "en" only where the English page is a translation
    authors: tuple[str, ...]
    title: str
    original_title: str | None  # the Vietnamese title, when `title` is its translation
    translated_title: str | None  # an English title for a Vietnamese text cited in the original
    translator: str | None
    machine: bool  # the translation is machine output, not reviewed
    date: tuple[int, ...]  # (year, month, day) at the date's precision; () when unknown
    iso_date: str | None
    precision: str | None
    circa: bool  # a year worked out from the text ("c. 2010" on the page)
    outlet: str | None
    newspaper: bool
    url: str  # the permanent URL of this page
    original_url: str | None
    retrieved: str | None


def split_authors(byline: str) -> tuple[str, ...]:
    """'Thu Thảo - Minh Hà' and 'Thu Thảo, Minh Hà' are two authors; each name stays whole."""
    return tuple(name.strip() for name in _AUTHOR_SEPARATOR.split(byline) if name.strip())


def citation(report: Report, url: str, lang: str, view: TranslationView | None = None) -> Citation:
    m = report.metadata
    title_vi = m.title.value or report.id
    status = view.page_status if view else "pending"
    title_en = report.title_en or (view.english.get("title") if view else None)
    translated = lang == "en" and status != "pending" and bool(title_en)
    date = m.date.value
    outlet = report_outlet(report)
    return Citation(
        report_id=report.id,
        lang="en" if translated else "vi",
        authors=split_authors(m.author.value) if m.author.value else (),
        title=without_notes(title_en) if translated and title_en else title_vi,
        original_title=title_vi if translated else None,
        translated_title=without_notes(title_en) if lang == "en" and title_en and not translated else None,
        translator=((view.translator if view else None) or "Archive editors") if translated and status != "machine" else None,
        machine=translated and status == "machine",
        date=tuple(int(p) for p in date.iso.split("-")) if date else (),
        iso_date=date.iso if date else None,
        precision=date.precision if date else None,
        circa=bool(date and date.basis == "inferred"),
        outlet=outlet.name if outlet else None,
        newspaper=bool(outlet and outlet.newspaper),
        url=url,
        original_url=report.url,
        retrieved=report.retrieved,
    )


def cite_plain(c: Citation, lang: str) -> str:
    """Chicago-like: Author. “Title” [original]. Translated by …. Outlet, date. Original …. Archive, id. URL"""
    words = page_labels()[lang]["citation"]
    parts = [" and ".join(c.authors) + "." if c.authors else ""]
    title = f"“{c.title}”"
    if c.original_title:
        title += f" [“{c.original_title}”]"
    elif c.translated_title:
        title += f" [{c.translated_title}]"
    parts.append(title + ".")
    if c.translator:
        parts.append(f"{words['translated_by']} {c.translator}.")
    if c.machine:
        parts.append(words["machine"] + ".")
    when = format_date(c.iso_date, c.precision, lang) if c.iso_date else words["undated"]
    if c.circa:
        when = f"{page_labels()[lang]['circa']} {when}"
    parts.append(f"{c.outlet}, {when}." if c.outlet else f"{when[:1].upper()}{when[1:]}.")
    if c.original_url:
        saved = f", {words['retrieved']} {format_date(c.retrieved, 'day', lang)}" if c.retrieved else ""
        parts.append(f"{words['original']}: {c.original_url}{saved}.")
    parts.append(f"{ARCHIVE_NAME[lang]}, {c.report_id}. {c.url}")
    return " ".join(p for p in parts if p)


def _tex(text: str) -> str:
    return "".join(_TEX_ESCAPES.get(char, char) for char in text)


def cite_bibtex(c: Citation) -> str:
    """@article in a newspaper's `journal`, else @misc with the outlet as `publisher`; `month = jan`;
    `year = {n.d.}` when undated; `urldate` the day the original was saved; `note` its URL."""
    braced = lambda text: "{" + _tex(text) + "}"  # noqa: E731 — double braces keep case and keep a name whole
    fields: list[tuple[str, str]] = []
    if c.authors:
        fields.append(("author", "{" + " and ".join(braced(a) for a in c.authors) + "}"))
    fields.append(("title", "{" + braced(c.title) + "}"))
    if c.original_title:
        fields += [("origtitle", "{" + braced(c.original_title) + "}"), ("origlanguage", "{vietnamese}")]
    if c.translated_title:
        fields.append(("titleaddon", "{" + braced(f"[{c.translated_title}]") + "}"))
    if c.translator:
        fields.append(("translator", "{" + braced(c.translator) + "}"))
    if c.outlet:
        fields.append(("journal" if c.newspaper else "publisher", "{" + _tex(c.outlet) + "}"))
    if c.date:
        fields.append(("year", "{" + str(c.date[0]) + "}"))
        if len(c.date) > 1:
            fields.append(("month", MONTHS[c.date[1] - 1]))
        fields.append(("date", "{" + (c.iso_date or "") + "}"))
    else:
        fields.append(("year", "{n.d.}"))
    fields += [("url", "{" + c.url + "}"), ("language", "{" + LANGUAGE_NAMES[c.lang] + "}")]
    if c.retrieved:
        fields.append(("urldate", "{" + c.retrieved + "}"))
    note = [f"Original article: {c.original_url}"] if c.original_url else []
    note += ["Machine translation, not reviewed by an editor"] if c.machine else []
    note.append(f"{ARCHIVE_NAME['en']}, {c.report_id}")
    fields.append(("note", "{" + _tex(". ".join(note)) + "}"))
    key = "report_" + re.sub(r"[^A-Za-z0-9_]", "_", c.report_id)
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{'article' if c.newspaper else 'misc'}{{{key},\n{body}\n}}"


def _date_parts(iso: str) -> dict[str, Any]:
    return {"date-parts": [[int(p) for p in iso.split("-")]]}


def cite_csl(c: Citation) -> dict[str, Any]:
    """CSL-JSON, as Zotero, Pandoc and citeproc read it."""
    item: dict[str, Any] = {
        "id": c.report_id,
        "type": "article-newspaper" if c.newspaper else "webpage",
        "title": c.title,
        "URL": c.url,
        "language": c.lang,
        "archive": ARCHIVE_NAME["en"],
        "archive_location": c.report_id,
    }
    if c.authors:
        item["author"] = [{"literal": a} for a in c.authors]
    if c.original_title:
        item["original-title"] = c.original_title
    if c.translator:
        item["translator"] = [{"literal": c.translator}]
    if c.outlet:
        item["container-title"] = c.outlet
    if c.iso_date:
        item["issued"] = _date_parts(c.iso_date)
    if c.retrieved:
        item["accessed"] = _date_parts(c.retrieved)
    note = ([f"[{c.translated_title}]"] if c.translated_title else []) + ([f"Original article: {c.original_url}"] if c.original_url else [])
    note += ["Machine translation, not reviewed by an editor"] if c.machine else []
    if note:
        item["note"] = ". ".join(note)
    return item


def highwire_tags(c: Citation) -> list[dict[str, str]]:
    """`<meta name="citation_…">` for Zotero and Google Scholar (Highwire Press tags)."""
    tags = [("citation_title", c.title)]
    tags += [("citation_author", a) for a in c.authors]
    if c.date:
        tags.append(("citation_publication_date", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(c.date))))
    if c.outlet:
        tags.append(("citation_publisher", c.outlet))
    tags += [("citation_language", c.lang), ("citation_public_url", c.url)]
    return [{"name": name, "content": content} for name, content in tags]
