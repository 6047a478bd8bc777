"""Downloads for researchers: the whole metadata set (and per document) as JSON and CSV, the
compact data behind the faceted table, and an Atom feed of newly added reports.

The data set is published once, on the root side (the English pages link to it): each record
carries both permanent URLs, the English title and translation status, the outlet, the original
article, the raw file and how each field was established. In the CSV a list is joined with
LIST_SEPARATOR ("; "), as the data dictionary (data/dataset.yaml) says."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any, Iterable
from xml.sax.saxutils import escape

from generator.editor_notes import without_notes
from generator.model import Report
from generator.provenance import field_origins, report_outlet
from generator.site_context import english_title
from generator.translation import TranslationView
from generator.translation_memory import Coverage
from generator.urls import URLS

# XML 1.0 has no way to write most C0 controls (\x0b, ESC …), even escaped: one makes the feed invalid.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# A cell that opens with one of these is a formula to a spreadsheet ("=HYPERLINK(…)").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_FIELDS = ("id", "url", "title", "date", "date_precision", "province", "province_2025", "implements", "cites",
              "local_documents", "author", "source", "people", "translation", "findings",
              "url_en", "title_en", "translator", "date_basis", "outlet", "original_url", "retrieved", "raw_url",
              "source_sha256", "origins")
LIST_SEPARATOR = "; "
NO_TRANSLATION = TranslationView({}, {}, Coverage(0, 0, 0, 0))


def metadata_fields(report: Report) -> dict[str, Any]:
    """The report's metadata as plain values: shared by downloads and `inspect --json`."""
    m = report.metadata
    date = m.date.value
    province = m.province.value
    return {
        "title": m.title.value,
        "title_derived": m.title_derived,
        "date": date.iso if date else None,
        "date_precision": date.precision if date else None,
        "province": province.name if province else None,
        "province_en": province.name_en if province else None,
        "province_2025": province.name_2025 if province else None,
        "province_2025_en": province.name_2025_en if province else None,
        "directives": list(m.directive_ids),
        "implements": list(m.implements),
        "cites": list(m.cites),
        "local_documents": [d.symbol for d in m.local_documents],
        "author": m.author.value,
        "source": m.source.value,
        "people": list(m.people),
        "editor_fields": list(report.editor_fields),
        "findings": [f.as_record() for f in m.findings],
    }


def report_record(report: Report, site_url: str, view: TranslationView | None = None, site_url_en: str | None = None) -> dict[str, Any]:
    """A report as the downloads give it (`site_url`: the root side, where the raw files are)."""
    view = view or NO_TRANSLATION
    date = report.metadata.date.value
    outlet = report_outlet(report)
    return {
        "id": report.id,
        "url": URLS.permanent_url(site_url, report.id),
        **metadata_fields(report),
        "url_en": URLS.permanent_url(site_url_en, report.id) if site_url_en else None,
        "title_en": english_title(report, view),
        "translation": view.page_status,
        "translator": view.translator if view.page_status != "pending" else None,
        "date_basis": date.basis if date else None,
        "outlet": outlet.name if outlet else None,
        "original_url": report.url,
        "retrieved": report.retrieved,
        "raw_url": URLS.url(site_url, URLS.raw(report.id)),
        "source_sha256": report.raw.sha256,
        "origins": {o.field: o.origin for o in field_origins(report)},
    }


def to_json(records: list[dict[str, Any]]) -> str:
    """One record a line: compact, and still readable a record at a time."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False, separators=(",", ":")) for record in records)
    return f"[\n{lines}\n]\n" if records else "[]\n"


def to_csv(records: list[dict[str, Any]], fields: tuple[str, ...] = CSV_FIELDS) -> str:
    """One row per report; list fields joined with '; '. UTF-8 with BOM so spreadsheets read the diacritics."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_cell(k, v) for k, v in record.items()})
    return "\ufeff" + buffer.getvalue()


def _csv_cell(name: str, value: Any) -> str:
    if name == "findings":
        return LIST_SEPARATOR.join(f"{f['field']}:{f['code']}" for f in value)
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{k}:{v}" for k, v in value.items())
    if isinstance(value, list):
        return _not_formula(LIST_SEPARATOR.join(value))
    if value is None:
        return ""
    return _not_formula(value) if isinstance(value, str) else value


def _not_formula(text: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe before what would start a formula (OWASP)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def xml_text(text: str) -> str:
    """Text for an XML element or a quoted attribute: escaped, without the characters XML 1.0 forbids."""
    return escape(_NOT_XML.sub("", text), {'"': "&quot;"})


DIRECTIVE_CSV_FIELDS = CSV_FIELDS + ("role",)


def dataset_files(reports: list[Report], by_directive: dict[str, dict[str, list[Report]]], directive_ids: Iterable[str],
                  site_url: str, views: dict[str, TranslationView] | None = None, site_url_en: str | None = None) -> dict[str, str]:
    """All reports, and per document (every page's download link works, even with no report yet)."""
    views = views or {}
    records = {r.id: report_record(r, site_url, views.get(r.id), site_url_en) for r in reports}
    files = {URLS.reports_json: to_json(list(records.values())), URLS.reports_csv: to_csv(list(records.values()))}
    for directive_id in directive_ids:
        roles = by_directive.get(directive_id, {"implements": [], "cites": []})
        subset = [records[r.id] | {"role": role} for role in ("implements", "cites") for r in roles[role] if r.id in records]
        files[URLS.directive_data(directive_id, "json")] = to_json(subset)
        files[URLS.directive_data(directive_id, "csv")] = to_csv(subset, DIRECTIVE_CSV_FIELDS)
    return files


def facets_data(reports: Iterable[Report], lang: str, status: dict[str, str] | None = None,
                titles_en: dict[str, str] | None = None) -> str:
    """Compact rows for the faceted table: values as indexes into shared lists (10,000 rows ≈ 1 MB)."""
    provinces: dict[str, int] = {}
    documents: dict[str, int] = {}
    rows = []

    def index(table: dict[str, int], value: str) -> int:
        return table.setdefault(value, len(table))

    for report in reports:
        m = report.metadata
        p = m.province.value
        date = m.date.value
        rows.append([
            report.id,
            ((titles_en or {}).get(report.id) if lang == "en" else None) or m.title.value or report.id,
            date.iso if date else "",
            index(provinces, (p.name if lang == "vi" else p.name_en)) if p else -1,
            index(provinces, (p.name_2025 if lang == "vi" else p.name_2025_en)) if p else -1,
            [index(documents, d) for d in m.implements],
            [index(documents, d) for d in m.cites],
            (status or {}).get(report.id, "pending"),
        ])
    return json.dumps({"provinces": list(provinces), "documents": list(documents), "rows": rows}, ensure_ascii=False, separators=(",", ":"))


def atom_feed(reports: list[Report], added: dict[str, dt.datetime], site_url: str, lang: str, title: str, limit: int = 50,
              titles: dict[str, str] | None = None, note: str | None = None) -> str:
    """The newest additions first (by the date each raw file was added to the archive). Entries
    are titled in the feed's language (`titles`: report id -> English title); a report without
    one keeps its Vietnamese title, marked xml:lang="vi". `note`, a preview's warning that its
    addresses are local, becomes the feed's subtitle."""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    newest = sorted(reports, key=lambda r: (added.get(r.raw.path.name, epoch), r.id), reverse=True)[:limit]
    updated = max((added.get(r.raw.path.name, epoch) for r in newest), default=epoch)
    feed_url = URLS.url(site_url, URLS.feed)
    entries = []
    for report in newest:
        url = URLS.permanent_url(site_url, report.id)
        m = report.metadata
        summary = ", ".join(filter(None, [m.province.value.name if m.province.value else None, *m.implements[:1],
                                          m.date.value.iso if m.date.value else None]))
        shown = (titles or {}).get(report.id)
        title_element = (f"<title>{xml_text(without_notes(shown))}</title>" if shown
                         else f'<title xml:lang="vi">{xml_text(m.title.value or report.id)}</title>' if lang != "vi"
                         else f"<title>{xml_text(m.title.value or report.id)}</title>")
        entries.append(
            "  <entry>\n"
            f"    {title_element}\n"
            f"    <link href=\"{xml_text(url)}\"/>\n"
            f"    <id>{xml_text(url)}</id>\n"
            f"    <updated>{added.get(report.raw.path.name, epoch).isoformat()}</updated>\n"
            f"    <summary>{xml_text(summary)}</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"  <title>{xml_text(title)}</title>\n"
        + (f"  <subtitle>{xml_text(note)}</subtitle>\n" if note else "")
        + f'  <link href="{xml_text(site_url)}"/>\n'
        f'  <link rel="self" href="{xml_text(feed_url)}"/>\n'
        f"  <id>{xml_text(feed_url)}</id>\n"
        f"  <updated>{updated.isoformat()}</updated>\n"
        + "".join(entries)
        + "</feed>\n"
    )
