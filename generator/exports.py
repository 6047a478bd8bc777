"""Downloads for researchers: the whole metadata set (and per document) as JSON and CSV, the
compact data behind the faceted table, and an Atom feed of newly added reports.

The metadata set is the same on both sides, so it is published once, with the source side:
each record carries its report's permanent URL on every side (`url`, `url_en`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Iterable
from xml.sax.saxutils import escape

from generator.model import Report
from generator.urls import URLS

CSV_FIELDS = ("id", "url", "title", "date", "date_precision", "province", "province_2025", "implements", "cites",
              "local_documents", "author", "source", "people", "translation", "findings")


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


def report_record(report: Report, site_url: str, translation: str = "pending", other_urls: dict[str, str] | None = None) -> dict[str, Any]:
    """`site_url`: the source side's root; `other_urls`: language -> root of each other side."""
    return {
        "id": report.id,
        "url": URLS.permanent_url(site_url, report.id),
        **{f"url_{lang}": URLS.permanent_url(url, report.id) for lang, url in (other_urls or {}).items()},
        **metadata_fields(report),
        "title_en": report.title_en,
        "translation": translation,
        "source_sha256": report.raw.sha256,
    }


def to_json(records: list[dict[str, Any]]) -> str:
    """One record a line: compact, and still readable a record at a time."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False, separators=(",", ":")) for record in records)
    return f"[\n{lines}\n]\n" if records else "[]\n"


def to_csv(records: list[dict[str, Any]]) -> str:
    """One row per report; list fields joined with '; '. UTF-8 with BOM so spreadsheets read the diacritics."""
    buffer = io.StringIO()
    urls = [k for k in (records[0] if records else {}) if k.startswith("url_")]
    writer = csv.DictWriter(buffer, fieldnames=(*CSV_FIELDS[:2], *urls, *CSV_FIELDS[2:]), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_cell(k, v) for k, v in record.items()})
    return "\ufeff" + buffer.getvalue()


def _csv_cell(name: str, value: Any) -> str:
    if name == "findings":
        return "; ".join(f"{f['field']}:{f['code']}" for f in value)
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else value


def dataset_files(reports: list[Report], by_directive: dict[str, dict[str, list[Report]]], directive_ids: Iterable[str],
                  site_url: str, status: dict[str, str] | None = None, other_urls: dict[str, str] | None = None) -> dict[str, str]:
    """All reports, and per document (every page's download link works, even with no report yet)."""
    status = status or {}
    by_id = {r.id: report_record(r, site_url, status.get(r.id, "pending"), other_urls) for r in reports}
    records = list(by_id.values())
    files = {URLS.reports_json: to_json(records), URLS.reports_csv: to_csv(records)}
    for directive_id in directive_ids:
        roles = by_directive.get(directive_id, {"implements": [], "cites": []})
        subset = [by_id[r.id] | {"role": role} for role in ("implements", "cites") for r in roles[role]]
        files[URLS.directive_data(directive_id, "json")] = to_json(subset)
        files[URLS.directive_data(directive_id, "csv")] = to_csv(subset)
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


def atom_feed(reports: list[Report], added: dict[str, dt.datetime], site_url: str, lang: str, title: str, limit: int = 50) -> str:
    """The newest additions first (by the date each raw file was added to the archive)."""
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
        entries.append(
            "  <entry>\n"
            f"    <title>{escape(m.title.value or report.id)}</title>\n"
            f"    <link href=\"{escape(url)}\"/>\n"
            f"    <id>{escape(url)}</id>\n"
            f"    <updated>{added.get(report.raw.path.name, epoch).isoformat()}</updated>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            "  </entry>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"  <title>{escape(title)}</title>\n"
        f'  <link href="{escape(site_url)}"/>\n'
        f'  <link rel="self" href="{escape(feed_url)}"/>\n'
        f"  <id>{escape(feed_url)}</id>\n"
        f"  <updated>{updated.isoformat()}</updated>\n"
        + "".join(entries)
        + "</feed>\n"
    )
