"""The alias table of the search (data/aliases.json): every way readers write a document's number
or a province's name, as a folded key, so a query that *is* a number or a name puts that page
first and then the reports filed under it (overrides/assets/javascripts/search.js).

The table lives beside the index instead of in it: no page carries hidden alias text, so the
index stays lean and excerpts stay sentences. Pagefind folds tones but not đ/Đ; the search
script also asks for each word written with đ, so "dang" finds "Đảng".
"""

from __future__ import annotations

import re

from generator.model import ProvinceRef
from generator.patterns import patterns
from generator.registry import Directive
from generator.textnorm import fold
from generator.vocabulary import load_vocabulary


def _term_as_number(match: re.Match[str]) -> str:
    """A `khoa` match ("khoa xi", "khoa 11") as "khoa 11": "XI" and "XII" must not collide."""
    term = match["term"]
    return f"khoa {int(term) if term.isdigit() else load_vocabulary().term_number[term.upper()]}"


def term_table() -> dict[str, int]:
    """Roman numeral -> number, for the search page (overrides/assets/javascripts/search.js)."""
    return dict(load_vocabulary().term_number)


def alias_key(text: str) -> str:
    """Query and alias alike: folded, 'khóa XI' -> 'khoa 11', letters and digits only.
    overrides/assets/javascripts/search.js computes the same key for what a reader types."""
    folded = patterns().khoa.sub(_term_as_number, fold(text))
    return re.sub(r"[^a-z0-9]", "", folded)


def province_aliases(province: ProvinceRef) -> list[str]:
    """A province as readers type it: 'Hưng Yên', 'Hung Yen', 'tỉnh Hưng Yên', 'Hung Yen province'."""
    forms = [province.name, province.name_en, f"tỉnh {province.name}", f"{province.name_en} province"]
    return list(dict.fromkeys(forms))


def province_index(provinces: list[ProvinceRef]) -> dict[str, list[str]]:
    """alias key -> province slugs (the historic provinces that have a page)."""
    index: dict[str, list[str]] = {}
    for province in provinces:
        for alias in province_aliases(province):
            slugs = index.setdefault(alias_key(alias), [])
            if province.slug not in slugs:
                slugs.append(province.slug)
    return index


def alias_index(directives: list[Directive], extra_ids: list[str]) -> dict[str, list[str]]:
    """alias key -> document ids (registry order), for pinning a document on the search page."""
    index: dict[str, list[str]] = {}
    forms = [(d.id, directive_aliases(d) + [d.id]) for d in directives]
    forms += [(doc_id, [doc_id]) for doc_id in extra_ids]
    for doc_id, aliases in forms:
        for alias in aliases:
            ids = index.setdefault(alias_key(alias), [])
            if doc_id not in ids:
                ids.append(doc_id)
    return index


def _ordinal(n: int) -> str:
    """4 -> '4th', 11 -> '11th', 21 -> '21st'."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def symbol_forms(number: int, type_code: str, issuer: str) -> list[str]:
    """'05-CT/TW' as it is written: 05-CT/TW, 05/CT-TW, CT 05, CT05, CT 5 …"""
    padded, plain = f"{number:02d}", str(number)
    forms = []
    for n in dict.fromkeys([padded, plain]):
        forms += [f"{n}-{type_code}/{issuer}", f"{n}/{type_code}-{issuer}", f"{n}-{type_code}-{issuer}",
                  f"{type_code} {n}", f"{type_code}{n}", f"{type_code} {n}/{issuer}"]
    return forms


def directive_aliases(d: Directive) -> list[str]:
    """Every generated written form of a registry document, Vietnamese and English."""
    padded, plain = f"{d.number:02d}", str(d.number)
    type_en, term_number = d.type_en, load_vocabulary().term_number[d.term]
    forms = symbol_forms(d.number, d.type_code, d.symbol.split("/", 1)[1])
    for n in dict.fromkeys([padded, plain]):
        forms += [f"{d.type} {n}", f"{d.type} số {n}", f"{d.type} số {n}-{d.type_code}/TW",
                  f"{type_en} {n}", f"{type_en} No. {n}", f"{type_en} {d.symbol}"]
    if d.plenum and d.type == "Nghị quyết":
        forms += [
            f"Nghị quyết Trung ương {d.plenum} khóa {d.term}", f"Nghị quyết Trung ương {d.plenum} khoá {d.term}",
            f"Nghị quyết Hội nghị lần thứ {d.plenum} Ban Chấp hành Trung ương Đảng khóa {d.term}",
            f"NQ TW{d.plenum}", f"NQ TW {d.plenum}", f"Nghị quyết TW{d.plenum} khóa {term_number}",
            f"Nghị quyết Trung ương {d.plenum} khoa {term_number}",
            f"Resolution of the {_ordinal(d.plenum)} plenum of the {_ordinal(term_number)} Party Central Committee",
            f"Central Resolution {d.plenum} {_ordinal(term_number)} term",
        ]
    elif d.plenum:  # a conclusion or regulation adopted at a plenum
        forms += [
            f"{d.type} Hội nghị Trung ương {d.plenum} khóa {d.term}", f"{d.type} Trung ương {d.plenum} khóa {d.term}",
            f"{type_en} of the {_ordinal(d.plenum)} plenum of the {_ordinal(term_number)} Party Central Committee",
        ]
    forms += list(d.aliases)
    return list(dict.fromkeys(forms))
