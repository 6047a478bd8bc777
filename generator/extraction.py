"""Stage 3: cleaned text -> metadata, every field with its evidence, confidence and warnings."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.analysis import AnalysedText
from generator.dates import context_years, extract_date, written_years
from generator.directives import find_mentions, rank_documents
from generator.findings import Finding
from generator.model import (
    CleanedText,
    Confidence,
    Extracted,
    LocalDocumentRef,
    Metadata,
    RawReport,
)
from generator.outlets import load_outlets
from generator.patterns import patterns
from generator.provinces import extract_province
from generator.registry import Registry
from generator.scanning import find_from_literals
from generator.textnorm import fold_keep_length, name_case
from generator.vocabulary import load_vocabulary
from generator.year_clues import implemented_documents, year_clues

TITLE_WORDS = 16


def derive_title(lead: str) -> str:
    """A title for a report printed without one: the lead's subject, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?…])\s", lead, maxsplit=1)[0]
    circumstance = patterns().lead_circumstance.match(fold_keep_length(sentence))
    subject = sentence[circumstance.end() if circumstance else 0 :].strip() or sentence
    words = subject.rstrip(".…").split()
    short = " ".join(words[:TITLE_WORDS])
    short = short[0].upper() + short[1:] if short else short
    return short + ("…" if len(words) > TITLE_WORDS else "")


@lru_cache(maxsize=1)
def person_starts() -> tuple[str, ...]:
    """What every `person` match begins with: a title word, its first letter in either case."""
    titles = load_vocabulary().data.context.person_titles
    return tuple(dict.fromkeys(first + t[1:] for t in titles for first in (t[0].lower(), t[0].upper())))


def extract_people(body: str) -> tuple[str, ...]:
    """People named with a title word, in order of first mention; offices ('đồng chí Bí thư') are not names."""
    names: dict[str, None] = {}
    not_names = set(load_vocabulary().data.context.not_names)
    # tried only where a title word begins (str.find, C speed): most reports name nobody so
    for match in find_from_literals(patterns().person, body, person_starts()):
        name = match.group(1)
        if name.split()[0] not in not_names:
            names.setdefault(name, None)
    return tuple(names)


def extract_source(cleaned: CleanedText) -> Extracted[str]:
    if cleaned.source_credit:
        credit = re.sub(r"^(?:Theo|Nguồn)\s*:?\s*", "", cleaned.source_credit).strip()
        return Extracted(credit, Confidence.HIGH, cleaned.source_credit)
    if cleaned.agency_prefix:
        found = load_outlets().for_tag(cleaned.agency_prefix)
        name = f"{found.outlet.name} ({cleaned.agency_prefix})" if found and found.outlet else cleaned.agency_prefix
        return Extracted(name, Confidence.MEDIUM if found else Confidence.LOW, f"{cleaned.agency_prefix}-")
    return Extracted(None, Confidence.LOW, "")


def extract_metadata(raw: RawReport, cleaned: CleanedText, registry: Registry) -> Metadata:
    findings: list[Finding] = list(raw.notes)
    text = AnalysedText.of(cleaned)
    lead = text.lead

    if cleaned.title_line:
        title = Extracted(cleaned.title_line, Confidence.HIGH, cleaned.title_line)
        derived = False
    else:
        title = Extracted(derive_title(lead), Confidence.LOW, lead[:120])
        derived = True
        findings.append(Finding("title", "title.derived"))

    years = context_years(text.folded)
    mentions = find_mentions(text, registry, years + written_years(cleaned, text))
    clues = tuple(year_clues(text, mentions.mentions, mentions.folded, registry))
    implemented = implemented_documents(text, mentions.mentions, mentions.folded, registry)
    date, date_findings = extract_date(cleaned, text, years, clues, implemented)
    province, province_findings = extract_province(cleaned, text)
    findings += date_findings + province_findings

    documents = rank_documents(mentions.mentions, mentions.folded, text.title_end, text.lead_end, registry)
    findings += mentions.findings
    if not documents:
        findings.append(Finding("directives", "directives.missing"))
    elif date.value:
        main = registry.get(documents[0].id)
        if main and main.date and date.value.iso < main.date.isoformat()[: len(date.value.iso)]:
            findings.append(Finding("date", "date.before_document",
                                    {"date": date.value.iso, "document": main.id, "issued": main.date.isoformat()}))

    province_slug = province.value.slug if province.value else None
    local = tuple(
        LocalDocumentRef(symbol=m.local_symbol, province_slug=province_slug, evidence=m.text)
        for m in {m.local_symbol: m for m in mentions.mentions if m.local_symbol}.values()
        if m.local_symbol
    )
    # The name in its written case ("THANH MAI" -> "Thanh Mai"); the byline as printed is the evidence.
    author = Extracted(name_case(cleaned.byline), Confidence.MEDIUM, cleaned.byline) if cleaned.byline else Extracted(None)
    return Metadata(
        title=title,
        title_derived=derived,
        date=date,
        province=province,
        directives=documents,
        local_documents=local,
        author=author,
        source=extract_source(cleaned),
        findings=tuple(findings),
        people=extract_people(text.body),
    )
