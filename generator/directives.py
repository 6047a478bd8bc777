"""Find the Party documents a report mentions, resolve them to registry ids, and rank them.

A report *implements* its main document (the one it is about) and the plans that put that
document into practice; every other central document it names is *cited*. Local documents
(…/TU, …/HU, …/ĐU) are kept apart: their numbers repeat in every province.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator import directive_patterns as pat
from generator.analysis import AnalysedText
from generator.findings import Finding, unique_findings
from generator.homonyms import (
    choose,
    date_after,
    named_after,
    on_subject,
    open_ended,
    term_after,
    words_after,
)
from generator.model import DocumentRef
from generator.patterns import patterns
from generator.registry import Directive, Registry
from generator.scanning import find_from_literals
from generator.vocabulary import load_vocabulary

# A plan or guidance that implements another document the report names is rarely the report's subject.
IMPLEMENTING_WEIGHT = 0.5


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str  # as printed
    directive_id: str | None = None  # central document, registered or not
    registered: bool = True
    local_symbol: str | None = None  # a provincial / district document
    by_name: bool = False  # found by what texts call it (registry `names`), not by its number


@dataclass
class DocumentFindings:
    mentions: list[Mention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    folded: str = ""  # the text as matched (prepared and folded), for ranking


def _finding(code: str, shown: str, **params: str | int) -> Finding:
    return Finding("directives", code, {"shown": shown, **params}, shown)


def _symbol_text(num: str, type_code: str, issuer: str) -> str:
    return f"{int(num):02d}-{type_code}/{issuer}"


def _overlaps(spans: list[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in spans)


def find_symbol_mentions(text: str, folded: str, registry: Registry, years: list[int], findings: DocumentFindings) -> None:
    pending: list[tuple[re.Match[str], tuple[Directive, ...]]] = []
    vocabulary = load_vocabulary()
    for match in pat.find_symbols(folded):
        type_code = vocabulary.code_printed[match["type"]]
        issuer, central = vocabulary.issuer_printed[match["iss"]]
        symbol = _symbol_text(match["num"], type_code, issuer)
        printed = text[match.start() : match.end()]
        if not central:
            findings.mentions.append(Mention(match.start(), match.end(), printed, local_symbol=symbol))
            continue
        candidates = registry.by_symbol(symbol)
        if not candidates and (variant := _registered_variant(type_code, match["num"], issuer, folded, registry)):
            # "08-QĐ/TW" printed for the registry's 08-QĐi/TW, on its subject
            findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=variant.id))
            findings.findings.append(_finding("directives.symbol_variant", printed, document=variant.id))
        elif not candidates:
            findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=symbol, registered=False))
        elif len(candidates) == 1 and not open_ended(candidates):
            findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=candidates[0].id))
        else:
            pending.append((match, candidates))
    resolved = {m.directive_id for m in findings.mentions if m.directive_id}
    for match, candidates in pending:  # homonyms (or a suffixed lone entry), once the unambiguous ones are known
        printed = text[match.start() : match.end()]
        chosen = choose(candidates, folded, match.end(), resolved, years, registry)
        if chosen:
            findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=chosen.id))
            continue
        # No clue: the symbol keeps what it meant before its homonyms were registered, the
        # unsuffixed id (05-CT/TW of term XII), or the printed symbol when no entry has it.
        symbol = candidates[0].symbol
        usual = registry.get(symbol)
        findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=symbol, registered=usual is not None))
        ids = ", ".join(c.id for c in candidates if c is not usual)
        findings.findings.append(_finding("directives.ambiguous_symbol", printed, ids=ids, document=symbol))


def _registered_variant(type_code: str, num: str, issuer: str, folded: str, registry: Registry) -> Directive | None:
    """The one registered document written with another code of the same type (QĐ / QĐi) whose
    subject the text speaks of."""
    vocabulary = load_vocabulary()
    codes = next((t.codes for t in vocabulary.data.document_types if type_code in t.codes), ())
    found = [d for code in codes if code != type_code
             for d in registry.by_symbol(_symbol_text(num, code, issuer)) if on_subject(d, folded)]
    return found[0] if len(found) == 1 else None


def _expand_plenums(match: re.Match[str]) -> list[int]:
    first = pat.ordinal_value(match["n1"] or match["n2"] or "")
    more = [int(n) for n in re.findall(r"\d{1,2}", match["more"] or "")]
    return [n for n in [first, *more] if n]


def _term_from_context(terms: list[tuple[int, str]], start: int, years: list[int]) -> tuple[str | None, bool]:
    """The term a plenum mention without "khóa" refers to: nearest earlier 'khóa X' (`terms`: each
    'khóa X' of the text with where it stands), else the first after it, else the era."""
    before = [term for at, term in terms if at < start]
    if before:
        return before[-1], True
    after = [term for at, term in terms if at >= start]
    if after:
        return after[0], True
    if years:
        return load_vocabulary().term_for_year(min(years)), False
    return None, False


def find_plenum_mentions(text: str, folded: str, registry: Registry, years: list[int], findings: DocumentFindings) -> None:
    vocabulary = load_vocabulary()
    terms: list[tuple[int, str]] | None = None  # every "khóa X" of the text, read when first needed
    for match in find_from_literals(patterns().plenum, folded, pat.PLENUM_STARTS):
        if _overlaps(findings.mentions, match.start(), match.end()):
            continue
        printed = text[match.start() : match.end()]
        term = vocabulary.roman_term(match["term"]) if match["term"] else None
        if term is None:
            if terms is None:
                terms = [(m.start(), t) for m in patterns().khoa.finditer(folded) if (t := vocabulary.roman_term(m["term"]))]
            term, from_text = _term_from_context(terms, match.start(), years)
            if term is None:
                findings.findings.append(_finding("directives.plenum_without_term", printed))
                continue
            if not from_text:
                findings.findings.append(_finding("directives.plenum_term_assumed", printed, term=term))
        for plenum in _expand_plenums(match):
            documents = _on_subject_after(registry.by_plenum(plenum, term), folded, match.end())
            if len(documents) == 1:
                findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=documents[0].id))
            elif documents:
                ids = ", ".join(d.id for d in documents)
                findings.findings.append(_finding("directives.plenum_several", printed, plenum=plenum, term=term, ids=ids))
            else:
                findings.findings.append(_finding("directives.plenum_unknown", printed, plenum=plenum, term=term))


def _on_subject_after(documents: tuple[Directive, ...], folded: str, end: int) -> tuple[Directive, ...]:
    """Of a plenum's several resolutions, the one whose subject follows the mention
    ("Nghị quyết TW7 khóa X về nông nghiệp, nông dân, nông thôn"); all of them otherwise."""
    if len(documents) <= 1:
        return documents
    named = named_after(documents, folded, end)
    return named if len(named) == 1 else documents


def find_named_mentions(text: str, folded: str, registry: Registry, findings: DocumentFindings) -> None:
    """A document called by its name, not its number: "Cuộc vận động “Học tập và làm theo tấm gương
    đạo đức Hồ Chí Minh”" is the campaign of 06-CT/TW. Flagged by `find_mentions` when the text
    never gives the number."""
    for pattern, doc_id in registry.name_patterns:
        for match in pattern.finditer(folded):
            if _overlaps(findings.mentions, match.start(), match.end()):
                continue
            printed = text[match.start() : match.end()]
            findings.mentions.append(Mention(match.start(), match.end(), printed, directive_id=doc_id, by_name=True))


def find_bare_mentions(text: str, folded: str, registry: Registry, years: list[int], findings: DocumentFindings) -> None:
    explicit: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in findings.mentions:
        if m.directive_id and m.registered:
            d = registry.get(m.directive_id)
            if d:
                explicit[(d.type, d.number)].add(d.id)
    resolved = {m.directive_id for m in findings.mentions if m.directive_id}
    pats, type_by_word = patterns(), load_vocabulary().type_by_word
    for match in pat.find_bare(folded):
        if _overlaps(findings.mentions, match.start, match.end):
            continue
        type_name = type_by_word.get(" ".join(match.type_word.split()))
        printed = text[match.start : match.end]
        after = words_after(folded, match.end)
        if type_name is None or pats.state_issuer_after.match(after):
            continue  # "Nghị quyết 11 của Chính phủ": a state document, not the Party's
        candidates = registry.by_type_number(type_name, match.number)
        if pats.local_issuer_after.match(after):
            # "Chỉ thị 05 của Tỉnh ủy": the province's own directive, unless the text speaks of the
            # central one's subject ("Ban Chỉ đạo thực hiện Chỉ thị 05 của Tỉnh ủy" is the committee's).
            on_its_subject = [c for c in candidates if on_subject(c, folded)]
            if len(on_its_subject) == 1:
                findings.mentions.append(Mention(match.start, match.end, printed, directive_id=on_its_subject[0].id))
                shown = f"{printed} {text[match.end:match.end + 20].strip()}"
                findings.findings.append(_finding("directives.local_read_as_central", shown, document=on_its_subject[0].id))
                resolved.add(on_its_subject[0].id)
            else:
                findings.mentions.append(Mention(match.start, match.end, printed, local_symbol=printed))
            continue
        known = explicit.get((type_name, match.number))
        if known and len(known) == 1:
            findings.mentions.append(Mention(match.start, match.end, printed, directive_id=next(iter(known))))
            continue
        chosen = choose(candidates, folded, match.end, resolved, years, registry)
        if chosen and not _bare_is_plausible(chosen, folded, match.end, years):
            chosen = None  # one of homonyms or the only candidate, a bare number needs supporting context
        central = pats.central_issuer_after.match(after)
        if chosen:
            findings.mentions.append(Mention(match.start, match.end, printed, directive_id=chosen.id))
            resolved.add(chosen.id)
        elif not candidates and central and (symbol := _central_symbol(type_name, match.number, central["body"])):
            # "Kết luận số 02 của Bộ Chính trị": a central document the registry does not know.
            findings.mentions.append(Mention(match.start, match.end, printed, directive_id=symbol, registered=False))
            shown = f"{printed} {text[match.end:match.end + central.end()].strip()}"
            findings.findings.append(_finding("directives.bare_read_as_symbol", shown, document=symbol))
        elif candidates or central:
            findings.findings.append(_finding("directives.bare_unresolved", printed))


def _central_symbol(type_name: str, number: int, body: str) -> str | None:
    """The symbol a central body gives its documents of a type: ("Kết luận", 2, "bo chinh tri") -> 02-KL/TW."""
    vocabulary = load_vocabulary()
    code, suffix = vocabulary.type_code.get(type_name), vocabulary.suffix_of_body.get(" ".join(body.split()))
    return _symbol_text(str(number), code, suffix) if code and suffix else None


def _bare_is_plausible(candidate: Directive, folded: str, end: int, years: list[int]) -> bool:
    """A bare "Chỉ thị 05" is the central 05-CT/TW only with supporting context."""
    if patterns().central_issuer_after.match(words_after(folded, end)):
        return True
    on_date = date_after(folded, end)
    if on_date:
        return on_date == candidate.date
    term = term_after(folded, end)
    if term:
        return term == candidate.term
    if on_subject(candidate, folded):
        return True
    if years and candidate.date:
        return candidate.date.year <= max(years) <= candidate.date.year + 10
    return False


def find_mentions(analysed: AnalysedText, registry: Registry, years: list[int]) -> DocumentFindings:
    text = analysed.display
    folded = pat.prepare(text, analysed.folded)
    findings = DocumentFindings(folded=folded)
    find_symbol_mentions(text, folded, registry, years, findings)
    find_plenum_mentions(text, folded, registry, years, findings)
    find_named_mentions(text, folded, registry, findings)
    find_bare_mentions(text, folded, registry, years, findings)
    findings.mentions.sort(key=lambda m: m.start)
    numbered = {m.directive_id for m in findings.mentions if not m.by_name}
    findings.findings += [_finding("directives.named_without_number", m.text, document=m.directive_id or "")
                          for m in findings.mentions if m.by_name and m.directive_id not in numbered]
    findings.findings = unique_findings(findings.findings)
    return findings


def rank_documents(mentions: list[Mention], folded: str, title_end: int, lead_end: int, registry: Registry) -> tuple[DocumentRef, ...]:
    """Main document first (implements), then the plans implementing it, then the cited ones."""
    central = [m for m in mentions if m.directive_id]
    if not central:
        return ()
    pats = patterns()
    counts = Counter(m.directive_id for m in central)
    scores: dict[str, float] = defaultdict(float)
    first_seen: dict[str, int] = {}
    evidence: dict[str, str] = {}
    for m in central:
        doc_id = m.directive_id or ""
        first_seen.setdefault(doc_id, m.start)
        evidence.setdefault(doc_id, m.text)
        score = 1.0
        if m.start < title_end:
            score += 4
        elif m.start < lead_end:
            score += 2
        before = folded[max(0, m.start - 45) : m.start]
        if pats.secondary_before.search(before):
            score -= 1.0
        elif pats.implement_before.search(before):
            score += 1.5
        scores[doc_id] += score
    for doc_id in scores:
        directive = registry.get(doc_id)
        if directive is None:
            scores[doc_id] *= 0.8
        elif directive.implements in scores:
            scores[doc_id] *= IMPLEMENTING_WEIGHT
    order = sorted(scores, key=lambda d: (-scores[d], first_seen[d]))
    main = order[0]
    implementing = {d.id for d in registry.implemented_by(main)}
    refs: list[DocumentRef] = []
    for doc_id in [main] + [d for d in order[1:] if d in implementing] + [d for d in order[1:] if d not in implementing]:
        role = "implements" if doc_id == main or doc_id in implementing else "cites"
        refs.append(
            DocumentRef(
                id=doc_id,
                role=role,
                mentions=counts[doc_id],
                evidence=evidence[doc_id],
                registered=registry.get(doc_id) is not None,
            )
        )
    return tuple(refs)
