"""Where a report comes from and how each of its fields was established.

For every report: the outlet that published it, named from the outlet table (data/outlets.yaml:
"LSO" → Báo Lạng Sơn, baohanam.com.vn → Báo Hà Nam), the original article's address and the day
it was saved (an editor's sidecar `url`, `retrieved`), the raw file as it is kept (its sha256),
what cleaning took out of the text, and per field whether it was extracted from the text,
inferred from other evidence, or set by an editor.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from generator.model import CleanedText, Report, ReportError
from generator.outlets import Outlet, OutletTable, load_outlets
from generator.textnorm import fold

Origin = Literal["extracted", "inferred", "editor"]
OutletBasis = Literal["editor", "url", "credit", "tag"]

# What cleaning.py says it removed -> the label key (labels.yaml `removed`) a page shows.
REMOVED_REASONS = {
    "web page chrome": "chrome",
    "web page tail (comments, related links)": "tail",
    "repeated lead paragraph": "repeated_lead",
}
# Findings that say a document was worked out rather than read by its number.
INFERRED_DOCUMENTS = frozenset({"directives.plenum_term_assumed", "directives.local_read_as_central", "directives.named_without_number"})
NEWSPAPER_KINDS = frozenset({"newspaper", "city_paper"})
SHOWN_REMOVED = 40  # lines listed on a page; the raw file holds them all
SHOWN_CHARS = 300


@dataclass(frozen=True)
class OutletName:
    """The outlet a report comes from, and what named it."""

    name: str
    kind: str | None  # the table's kind ("newspaper", "portal", …); None when the table does not list it
    basis: OutletBasis
    evidence: str  # "baolangson.vn", "LSO-", "Theo https://www.baohanam.com.vn"

    @property
    def newspaper(self) -> bool:
        return self.kind in NEWSPAPER_KINDS


@dataclass(frozen=True)
class FieldOrigin:
    field: str
    origin: Origin
    evidence: str  # the words it was read from, or what it was worked out from


@dataclass(frozen=True)
class Removed:
    reason: str  # a key of labels.yaml `removed`
    text: str


def outlet_display_name(outlet: Outlet) -> str:
    """The table's name without its notes: 'Báo Yên Bái (Báo Yên Bái điện tử)' -> 'Báo Yên Bái'."""
    return outlet.name.split(" (")[0].split(" / ")[0].strip()


def _by_name(table: OutletTable, text: str) -> Outlet | None:
    key = fold(text).strip()
    return next((o for outlets in table.by_province.values() for o in outlets
                 if o.kind != "landmark" and fold(outlet_display_name(o)) == key), None)


def report_outlet(report: Report, table: OutletTable | None = None) -> OutletName | None:
    """The outlet: an editor's `source`, else the domain of the original URL, the source credit's
    domain, the agency tag; a credit the table does not know is shown as printed."""
    table = table or load_outlets()
    source, cleaned = report.metadata.source, report.cleaned
    if source.source == "editor" and source.value:
        outlet = _by_name(table, source.value) or next((f.outlet for f in table.in_text(source.value) if f.outlet), None)
        return OutletName(outlet_display_name(outlet) if outlet else source.value, outlet.kind if outlet else None, "editor", source.value)
    if report.url:
        host = urlsplit(report.url).hostname or ""
        found = table.for_domain(host)
        if found and found.outlet:
            return OutletName(outlet_display_name(found.outlet), found.outlet.kind, "url", host)
    if cleaned.source_credit:
        found_in = next((f for f in table.in_text(cleaned.source_credit) if f.outlet), None)
        if found_in and found_in.outlet:
            return OutletName(outlet_display_name(found_in.outlet), found_in.outlet.kind, "credit", cleaned.source_credit)
    if cleaned.agency_prefix:
        tagged = table.for_tag(cleaned.agency_prefix)
        if tagged and tagged.outlet:
            return OutletName(outlet_display_name(tagged.outlet), tagged.outlet.kind, "tag", f"{cleaned.agency_prefix}-")
    if source.value:
        return OutletName(source.value, None, "credit", source.evidence or source.value)
    return None


def removed_lines(cleaned: CleanedText) -> list[Removed]:
    """Everything cleaning took out of the body: page stamps, chrome, the agency tag, the repeated
    lead, the tail of comments and links, and the byline and source credit (kept as metadata)."""
    removed = [Removed("stamp", stamp.text) for stamp in cleaned.stamps]
    removed += [Removed(REMOVED_REASONS.get(reason, "other"), text) for reason, text in cleaned.dropped]
    if cleaned.agency_prefix:
        removed.append(Removed("agency_tag", f"{cleaned.agency_prefix}-"))
    if cleaned.byline:
        removed.append(Removed("byline", cleaned.byline))
    if cleaned.source_credit:
        removed.append(Removed("source_credit", cleaned.source_credit))
    return removed


def shown_removed(cleaned: CleanedText) -> tuple[list[Removed], int]:
    """The lines a page lists (each cut to SHOWN_CHARS) and how many more the raw file holds."""
    removed = removed_lines(cleaned)
    shown = [Removed(r.reason, r.text if len(r.text) <= SHOWN_CHARS else r.text[:SHOWN_CHARS] + "…") for r in removed[:SHOWN_REMOVED]]
    return shown, len(removed) - len(shown)


def field_origins(report: Report) -> list[FieldOrigin]:
    """Per field with a value: extracted (read as written), inferred (worked out from other
    evidence: a derived title, a year from the text, a province from its outlet or districts, an
    outlet from its tag) or editor (the sidecar)."""
    m, editor = report.metadata, set(report.editor_fields)
    origins: list[FieldOrigin] = []

    def add(name: str, origin: Origin, evidence: str) -> None:
        origins.append(FieldOrigin(name, "editor" if name in editor else origin, "" if name in editor else evidence))

    if m.title.value:
        add("title", "inferred" if m.title_derived else "extracted", m.title.evidence)
    if m.date.value:
        add("date", "extracted" if m.date.value.basis in ("written", "stamp") else "inferred", m.date.evidence)
    if m.province.value:
        named = fold(m.province.value.name) in fold(m.province.evidence)
        add("province", "extracted" if named else "inferred", m.province.evidence)
    if m.directives:
        worked_out = any(f.code in INFERRED_DOCUMENTS for f in m.findings)
        add("directives", "inferred" if worked_out else "extracted", "; ".join(dict.fromkeys(d.evidence for d in m.directives if d.evidence)))
    if m.author.value:
        add("author", "extracted", m.author.evidence)
    outlet = report_outlet(report)
    if outlet:
        origin: Origin = "editor" if outlet.basis == "editor" else "extracted" if outlet.name == m.source.value else "inferred"
        origins.append(FieldOrigin("source", origin, "" if origin == "editor" else outlet.evidence))
    for name, value in (("url", report.url), ("retrieved", report.retrieved), ("title_en", report.title_en)):
        if value:
            origins.append(FieldOrigin(name, "editor", ""))
    return origins


@dataclass(frozen=True)
class PageProvenance:
    """What a report page shows of where the report comes from."""

    outlet: OutletName | None
    origins: tuple[FieldOrigin, ...]
    removed: tuple[Removed, ...]  # as listed on the page
    more: int  # lines removed that the page does not list (the raw file has them)
    raw_href: str  # the raw file, relative to the page
    size: int  # bytes


def page_provenance(report: Report, raw_href: str) -> PageProvenance:
    shown, more = shown_removed(report.cleaned)
    return PageProvenance(report_outlet(report), tuple(field_origins(report)), tuple(shown), more, raw_href,
                          report.raw.path.stat().st_size)


def provenance_front_matter(report: Report, prov: PageProvenance, citation_meta: list[dict[str, str]]) -> dict[str, object]:
    """The front matter fields of provenance (schema.py) and the page's citation meta tags."""
    return {
        "original_url": report.url,
        "retrieved": report.retrieved,
        "outlet": prov.outlet.name if prov.outlet else None,
        "origins": {o.field: o.origin for o in prov.origins},
        "citation_meta": citation_meta,
    }


def raw_copy(report: Report) -> bytes:
    """The raw file's bytes, as read: the copy the site offers is the file its sha256 names."""
    data = report.raw.path.read_bytes()
    if hashlib.sha256(data).hexdigest() != report.raw.sha256:
        raise ReportError(report.raw.path, "changed while the site was being built; build again")
    return data
