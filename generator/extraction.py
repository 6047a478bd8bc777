"""Stage 3: cleaned text -> metadata, every field with its evidence, confidence and warnings."""

from __future__ import annotations


import re

from generator.dates import context_years, extract_date, full_text
from generator.directives import find_mentions, rank_documents
from generator.model import CleanedText, Confidence, Extracted, LocalDocumentRef, Metadata, RawReport
from generator.provinces import extract_province, province_matcher
from generator.registry import Registry

TITLE_WORDS = 16
# A lead that opens with when and where ("Sáng ngày 5/01/2012, tại Phòng họp …, ") before its subject.
_LEAD_CIRCUMSTANCE = re.compile(
    r"^(?:(?:Sáng|Chiều|Trưa|Tối|Đêm|Ngày|Hôm nay|Trung tuần|Thượng tuần|Hạ tuần|Đầu|Cuối|Giữa|Tháng)[^,]{0,40},\s*)?(?:tại [^,]{0,80},\s*)?",
    re.IGNORECASE,
)


def derive_title(lead: str) -> str:
    """A title for a report printed without one: the lead's subject, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?…])\s", lead, maxsplit=1)[0]
    subject = _LEAD_CIRCUMSTANCE.sub("", sentence).strip() or sentence
    words = subject.rstrip(".…").split()
    short = " ".join(words[:TITLE_WORDS])
    short = short[0].upper() + short[1:] if short else short
    return short + ("…" if len(words) > TITLE_WORDS else "")


_SYLLABLE = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"
# "Đồng chí Trần Thị Thanh Thủy", "đồng chí Đỗ Văn Thắng", "ông Nguyễn Văn A": a title word, then 2–4 capitalised syllables.
# The title word's first letter comes first, so that `re` can skip to it (see generator/scanning.py).
_TITLE_WORD = (r"[ĐđÔôBbAaCc](?<!\w[ĐđÔôBbAaCc])"
               r"(?:(?<=[Đđ])ồng chí|(?<=[Ôô])ng|(?<=[Bb])à|(?<=[Aa])nh|(?<=[Cc])hị)")
_PERSON = re.compile(_TITLE_WORD + r"\s+(" + _SYLLABLE + r"(?:\s" + _SYLLABLE + r"){1,3})")
_NOT_NAMES = {"Bí", "Phó", "Trưởng", "Ủy", "Uỷ", "Chủ", "Thường", "Giám", "Bộ", "Ban", "Tỉnh", "Huyện"}


def extract_people(body: str) -> tuple[str, ...]:
    """People named with a title word, in order of first mention; offices ('đồng chí Bí thư') are not names."""
    names: dict[str, None] = {}
    for match in _PERSON.finditer(body):
        name = match.group(1)
        if name.split()[0] not in _NOT_NAMES:
            names.setdefault(name, None)
    return tuple(names)


def extract_source(cleaned: CleanedText) -> Extracted[str]:
    if cleaned.source_credit:
        credit = re.sub(r"^(?:Theo|Nguồn)\s*:?\s*", "", cleaned.source_credit).strip()
        return Extracted(credit, Confidence.HIGH, cleaned.source_credit)
    if cleaned.agency_prefix:
        tag = province_matcher().agency_tags.get(cleaned.agency_prefix)
        name = f"{tag['paper']} ({cleaned.agency_prefix})" if tag else cleaned.agency_prefix
        return Extracted(name, Confidence.MEDIUM if tag else Confidence.LOW, f"{cleaned.agency_prefix}-")
    return Extracted(None, Confidence.LOW, "")


def extract_metadata(raw: RawReport, cleaned: CleanedText, registry: Registry) -> Metadata:
    warnings: list[str] = [f"reading: {note.message('en')}" for note in raw.notes]
    lead = cleaned.blocks[0].text if cleaned.blocks else ""

    if cleaned.title_line:
        title = Extracted(cleaned.title_line, Confidence.HIGH, cleaned.title_line)
        derived = False
    else:
        title = Extracted(derive_title(lead), Confidence.LOW, lead[:120])
        derived = True
        warnings.append("title: the raw text has no title line; a title was derived from the lead for an editor to check")

    heading = cleaned.title_line or ""
    text = full_text(cleaned, cleaned.title_line)
    years = context_years(text)
    date, date_warnings = extract_date(cleaned, cleaned.title_line, years)
    province, province_warnings = extract_province(cleaned, cleaned.title_line)
    warnings += date_warnings + province_warnings

    if date.value:
        years = years + [int(date.value.iso[:4])]
    findings = find_mentions(text, registry, years)
    title_end = len(heading)
    lead_end = title_end + 2 + len(lead)
    documents = rank_documents(findings.mentions, findings.folded, title_end, lead_end, registry)
    warnings += [f"directives: {w}" for w in findings.warnings]
    if not documents:
        warnings.append("directives: no central Party document found; left for an editor")
    elif date.value:
        main = registry.get(documents[0].id)
        if main and main.date and date.value.iso < main.date.isoformat()[: len(date.value.iso)]:
            warnings.append(f"date: {date.value.iso} is before {main.id} was issued ({main.date.isoformat()})")

    province_slug = province.value.slug if province.value else None
    local = tuple(
        LocalDocumentRef(symbol=m.local_symbol, province_slug=province_slug, evidence=m.text)
        for m in {m.local_symbol: m for m in findings.mentions if m.local_symbol}.values()
        if m.local_symbol
    )
    author = Extracted(cleaned.byline, Confidence.MEDIUM, cleaned.byline) if cleaned.byline else Extracted(None)
    return Metadata(
        title=title,
        title_derived=derived,
        date=date,
        province=province,
        directives=documents,
        local_documents=local,
        author=author,
        source=extract_source(cleaned),
        warnings=tuple(warnings),
        people=extract_people(cleaned.body),
    )


