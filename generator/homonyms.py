"""Tell apart the registry entries one printed symbol or number may stand for (05-CT/TW of terms
XII and XIII), by the words written after the mention and the documents the text names.

Only the words before the next document named count as a mention's own: in "Chỉ thị 05-CT/TW,
triển khai Kết luận 01-KL/TW của Bộ Chính trị khóa XIII" the issuer and term are the conclusion's.
"""

from __future__ import annotations

import datetime as dt

from generator.patterns import patterns
from generator.registry import Directive, Registry
from generator.vocabulary import load_vocabulary


def words_after(folded: str, end: int, width: int = 90) -> str:
    """The `width` characters after a mention."""
    return folded[end : end + width]


def _own_words(folded: str, end: int, width: int = 90) -> str:
    """The words after a mention up to the next document named or the sentence end."""
    window = words_after(folded, end, width)
    stop = patterns().next_document.search(window)
    return window[: stop.start()] if stop else window


def date_after(folded: str, end: int) -> dt.date | None:
    """The date written with a mention ("…, ngày 14-5-2011", "… của Ban Bí thư ngày 01-7-2011")."""
    return _date_in(_own_words(folded, end, 70))


def _date_in(own: str) -> dt.date | None:
    match = patterns().date_after.search(own)
    if not match:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _years_in(own: str) -> set[int]:
    """The years written in a mention's own words (`_own_words`)."""
    return {int(m["y"]) for m in patterns().year.finditer(own)}


def term_after(folded: str, end: int) -> str | None:
    """The term written after a mention ("… của Bộ Chính trị khóa XI" -> "XI")."""
    return _term_in(_own_words(folded, end))


def _term_in(own: str) -> str | None:
    match = patterns().term_after.match(own)
    return load_vocabulary().roman_term(match["term"]) if match else None


def on_subject(directive: Directive, folded: str) -> bool:
    """The text speaks of the document's subject (one of its registry keywords)."""
    return any(k in folded for k in directive.folded_keywords)


def named_after(documents: tuple[Directive, ...], folded: str, end: int) -> tuple[Directive, ...]:
    """The documents whose subject follows the mention, before the next document is named."""
    window = words_after(folded, end, 160)
    stop = patterns().next_document.search(window, 4)
    window = window[: stop.start()] if stop else window
    return tuple(d for d in documents if any(k in window for k in d.folded_keywords))


def _pointed_to(resolved: set[str], registry: Registry) -> set[str]:
    """The documents that the resolved ones continue or implement (01-KL/TW -> 05-CT/TW)."""
    return {target for doc_id in resolved if (d := registry.get(doc_id))
            for target in (d.continues, d.implements) if target}


def _issuer_in(own: str, registry: Registry) -> str | None:
    """The issuer named in a mention's own words ("… của Ban Bí thư" -> BBT), when it is one of issuers.yaml."""
    match = patterns().central_issuer_after.match(own)
    if not match:
        return None
    body = " ".join(match["body"].split())
    return next((code for code, folded in registry.folded_issuers if folded == body), None)


def open_ended(candidates: tuple[Directive, ...]) -> bool:
    """Every registered document of the symbol carries a term suffix (29-NQ/TW (XI), (XIII); a lone
    36-NQ/TW (IX)): the printed symbol may as well be a homonym the registry does not hold."""
    return all(c.id != c.symbol for c in candidates)


def choose(candidates: tuple[Directive, ...], folded: str, end: int, resolved: set[str], years: list[int],
            registry: Registry) -> Directive | None:
    """Pick one registry entry among homonyms by the date, term or issuer written after the mention,
    the subject written after it, lineage (either way: it carries on a resolved document, or a
    resolved one carries it on), the subject anywhere in the text, then era. A lone candidate is
    taken as it is, unless its id carries a term suffix: then it needs one of these clues too."""
    if not candidates or (len(candidates) == 1 and not open_ended(candidates)):
        return candidates[0] if candidates else None
    own = _own_words(folded, end, 70)  # each window of own words read once for all its clues
    on_date = _date_in(own)
    if on_date:
        same = [c for c in candidates if c.date == on_date]
        if len(same) == 1:
            return same[0]
    years_after = _years_in(own)
    in_year = [c for c in candidates if c.date and c.date.year in years_after]
    if len(in_year) == 1:  # "… dated October 25, 2017", "… năm 2017"
        return in_year[0]
    own = _own_words(folded, end)
    for written, attribute in ((_term_in(own), "term"), (_issuer_in(own, registry), "issuer")):
        same = [c for c in candidates if written and getattr(c, attribute) == written]
        if len(same) == 1:
            return same[0]
    named = named_after(candidates, folded, end)
    if len(named) == 1:
        return named[0]
    pointed = _pointed_to(resolved, registry)
    lineage = [c for c in candidates if c.implements in resolved or c.continues in resolved or c.id in pointed]
    if len(lineage) == 1:
        return lineage[0]
    subject = [c for c in candidates if on_subject(c, folded)]
    if len(subject) == 1:
        return subject[0]
    if years:
        era = load_vocabulary().term_for_year(max(years))
        same = [c for c in candidates if c.term == era]
        if len(same) == 1:
            return same[0]
    return None
