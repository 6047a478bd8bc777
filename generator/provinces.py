"""Which province a report comes from, ranked over every kind of evidence.

Evidence and weights (a passing mention of another province must not win):
  source credit, website domain or agency tag ("LSO-")   6
  the province named in the title                         4
  a province name after a context word ("Tỉnh ủy Hà Nam")  3
  a district name after a district word ("huyện Lý Nhân")  2
  a bare province or district name                         1
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from generator.analysis import AnalysedText
from generator.datafiles import DataFileError, validated
from generator.findings import Finding
from generator.gazetteer import Gazetteer, load_gazetteer
from generator.model import CleanedText, Confidence, Extracted, ProvinceRef
from generator.outlets import Found, load_outlets
from generator.scanning import capitalised_pattern
from generator.textnorm import (
    fold,
    fold_cased_keep_length,
    fold_keep_length,
)

W_SOURCE, W_TITLE, W_CONTEXT, W_PLACE, W_DISTRICT_CONTEXT, W_BARE = 6.0, 4.0, 3.0, 2.0, 2.0, 1.0
SOLE_ENOUGH = 2.0  # when no other province is named at all, this much evidence gives a province (medium, flagged)


@dataclass(frozen=True)
class WordsBefore:
    """Whether a text ends with one of some words (then spaces), as a whole word: read on the
    reversed text, so that it is one anchored match, not a search from every position."""

    reversed_words: re.Pattern[str]

    def search(self, before: str) -> bool:
        return self.reversed_words.match(before[::-1]) is not None


@dataclass(frozen=True)
class ProvinceMatcher:
    gazetteer: Gazetteer
    names: re.Pattern[str]  # all province and district names, capitalised, over case-kept folded text
    kind_of: dict[str, list[tuple[str, ...]]]  # folded name -> [("province"|"district"|"named_district", code[, spelling])]
    context: WordsBefore
    place_context: WordsBefore  # "tại", "điểm cầu": weaker than a committee's name
    district_context: WordsBefore
    needs_context: frozenset[str]
    person_names: frozenset[str]  # names that a place word does not make a province ("tại Bảo tàng Hồ Chí Minh")


def dash_variants(name: str) -> list[str]:
    """A folded name with a dash, spaced and not: 'ba ria - vung tau', 'ba ria-vung tau' (folding
    has already made every dash '-')."""
    parts = re.split(r"\s*-\s*", name)
    return [name] if len(parts) == 1 else [" - ".join(parts), "-".join(parts)]


def _words_before(words: list[str]) -> WordsBefore:
    alternation = "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))
    return WordsBefore(re.compile(r"\s*(?:" + alternation + r")(?:$|[^a-z])"))


class ProvinceClues(BaseModel):
    """data/province_clues.yaml: every province it names must be in the gazetteer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    aliases: dict[str, str]
    context_words: tuple[str, ...]
    place_words: tuple[str, ...]
    person_names: tuple[str, ...]
    numbered_districts: dict[str, tuple[str, ...]]
    district_words: tuple[str, ...]
    needs_context: tuple[str, ...]

    def check_provinces(self, gazetteer: Gazetteer, source: str = "province_clues.yaml") -> None:
        named = [("aliases", k, v) for k, v in self.aliases.items()] + [("needs_context", n, n) for n in self.needs_context]
        named += [("numbered_districts", k, k) for k in self.numbered_districts]
        for section, entry, name in named:
            if gazetteer.by_name(name) is None:
                raise DataFileError(source, f"{section}: {entry}: {name!r} is not a province in the gazetteer")


@lru_cache(maxsize=1)
def province_matcher() -> ProvinceMatcher:
    gazetteer = load_gazetteer()
    clues = validated("province_clues.yaml", ProvinceClues)
    clues.check_provinces(gazetteer)
    kind_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for p in gazetteer.provinces:
        for spelling in dash_variants(fold(p.name)):
            kind_of[spelling].append(("province", p.code))
    for alias, name in clues.aliases.items():  # unambiguous spellings: they need no context word
        province = gazetteer.by_name(name)
        assert province is not None  # checked above
        for spelling in dash_variants(fold(alias)):
            if ("province", province.code) not in kind_of[spelling]:
                kind_of[spelling].append(("province", province.code))
    for name, code in gazetteer.districts:
        if len(name.split()) >= 2:  # one-syllable names are too often ordinary words
            kind_of[fold(name)].append(("district", code, name.lower()))  # type: ignore[arg-type]
    for city, districts in clues.numbered_districts.items():
        code = gazetteer.by_name(city).code  # type: ignore[union-attr]  # checked above
        for district in districts:
            kind_of[fold(district)].append(("named_district", code))
    for province_name, outlets in load_outlets().by_province.items():  # landmarks: "ATK Chợ Đồn"
        code = gazetteer.by_name(province_name).code  # type: ignore[union-attr]  # the table's keys are checked
        for outlet in outlets:
            if outlet.kind == "landmark":
                kind_of[fold(outlet.name)].append(("named_district", code))
    return ProvinceMatcher(
        gazetteer=gazetteer,
        names=re.compile(capitalised_pattern(list(kind_of))),
        kind_of=dict(kind_of),
        context=_words_before(list(clues.context_words)),
        place_context=_words_before(list(clues.place_words)),
        district_context=_words_before(list(clues.district_words)),
        needs_context=frozenset(fold(n) for n in clues.needs_context),
        person_names=frozenset(fold(n) for n in clues.person_names),
    )


def score_text(text: str, folded: str, cased: str, weight_scale: float, matcher: ProvinceMatcher,
               scores: dict[str, float], evidence: dict[str, str]) -> None:
    """Add the place names of `text` (with its folded and case-kept folded forms) to the scores."""
    for m in matcher.names.finditer(cased):  # capitalised only: "hòa bình" is peace
        name = folded[m.start() : m.end()]
        before = folded[max(0, m.start() - 40) : m.start()]
        for kind, code in _as_written(matcher, name, text[m.start() : m.end()]):
            if kind == "province":
                weight = _province_weight(name, before, m.start(), folded[m.end() : m.end() + 2], matcher)
                if weight is None:
                    continue
            elif kind == "named_district":  # "Quận 10", a landmark: the name says where it is
                weight = W_DISTRICT_CONTEXT
            else:
                weight = W_DISTRICT_CONTEXT if matcher.district_context.search(before) else W_BARE * 0.5
            scores[code] += weight * weight_scale
            evidence.setdefault(code, text[max(0, m.start() - 20) : m.end()].strip())


def _as_written(matcher: ProvinceMatcher, folded_name: str, printed: str) -> list[tuple[str, str]]:
    """The places a folded name can be; when names differ only by their marks ("Tam Dương" in
    Vĩnh Phúc, "Tam Đường" in Lai Châu), the one written exactly so."""
    places = matcher.kind_of[folded_name]
    if len(places) > 1:
        exact = [(kind, code) for kind, code, *spelling in places if not spelling or spelling[0] == printed.lower()]
        if len(exact) < len(places) and any(len(p) > 2 for p in places if p[:2] in exact):
            return exact
    return [(kind, code) for kind, code, *_ in places]


def _province_weight(name: str, before: str, start: int, after: str, matcher: ProvinceMatcher) -> float | None:
    """How much a province's name counts where it stands: after a context word ("Tỉnh ủy Hòa Bình"),
    or as a dateline opening a line ("Hòa Bình: …"), 3; after a place word ("tại Thái Bình"), 2;
    alone, 1 — unless it is a name that needs context (None)."""
    dateline = (start == 0 or before.endswith("\n")) and after.startswith(":")
    if matcher.context.search(before) or dateline:
        return W_CONTEXT
    if matcher.place_context.search(before) and name not in matcher.person_names:
        return W_PLACE
    if matcher.district_context.search(before) and name not in matcher.person_names:
        return W_DISTRICT_CONTEXT  # "Huyện ủy Điện Biên": the district of the province's name
    if name in matcher.needs_context:
        return None
    return W_BARE


def _score_short(text: str, weight_scale: float, matcher: ProvinceMatcher, scores: dict[str, float], evidence: dict[str, str]) -> None:
    score_text(text, fold_keep_length(text), fold_cased_keep_length(text), weight_scale, matcher, scores, evidence)


def _add_outlet(found: Found, shown: str, matcher: ProvinceMatcher, scores: dict[str, float], evidence: dict[str, str]) -> str | None:
    """A province's own outlet counts as its source; a city paper that covers other provinces too
    (Sài Gòn Giải Phóng, Kinh tế & Đô thị) counts like a context word. Returns the province's name."""
    province = matcher.gazetteer.by_name(found.province)
    if province:
        scores[province.code] += W_CONTEXT if found.outlet and found.outlet.kind == "city_paper" else W_SOURCE
        evidence.setdefault(province.code, shown)
    return province.name if province else None


def extract_province(cleaned: CleanedText, text: AnalysedText) -> tuple[Extracted[ProvinceRef], list[Finding]]:
    matcher = province_matcher()
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, str] = {}
    findings: list[Finding] = []

    outlets = load_outlets()
    tagged = outlets.for_tag(cleaned.agency_prefix) if cleaned.agency_prefix else None
    sources: dict[str, str] = {}  # outlet province -> as shown: two provinces' papers in one file
    if tagged and (name := _add_outlet(tagged, shown := f"agency tag “{cleaned.agency_prefix}-”", matcher, scores, evidence)):
        sources[name] = shown
    if cleaned.source_credit:
        credited = outlets.in_text(cleaned.source_credit)
        if credited and (name := _add_outlet(credited[0], shown := f"source {credited[0].evidence}", matcher, scores, evidence)):
            sources.setdefault(name, shown)
        else:
            _score_short(cleaned.source_credit, W_SOURCE / W_CONTEXT, matcher, scores, evidence)
    if text.title_end:
        title_scores: dict[str, float] = defaultdict(float)
        end = text.title_end
        score_text(text.display[:end], text.folded[:end], text.cased[:end], 1.0, matcher, title_scores, evidence)
        for code in title_scores:
            scores[code] += W_TITLE
    start = text.body_start
    score_text(text.body, text.folded[start:], text.cased[start:], 1.0, matcher, scores, evidence)

    if not scores:
        return Extracted(None, Confidence.LOW, ""), [Finding("province", "province.missing")]
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), second = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
    province = matcher.gazetteer.by_code(best)
    if len(ranked) > 1 and second >= top * 0.5:
        other = matcher.gazetteer.by_code(ranked[1][0])
        findings.append(Finding("province", "province.contested",
                                {"province": province.name, "score": top, "other": other.name, "other_score": second}))
    if len(sources) > 1:  # the opening's paper and the closing credit are of two provinces: two articles?
        (first, first_shown), (other_name, other_shown) = list(sources.items())[:2]
        findings.append(Finding("province", "province.sources_disagree",
                                {"province": first, "shown": first_shown, "other": other_name, "other_shown": other_shown}))
    if top >= 6 and top >= 2 * second and len(sources) < 2:
        confidence = Confidence.HIGH
    elif top >= 3 and top > second:
        confidence = Confidence.MEDIUM
    elif len(ranked) == 1 and top >= SOLE_ENOUGH:
        confidence = Confidence.MEDIUM
        findings.append(Finding("province", "province.sole_evidence", {"province": province.name, "evidence": evidence.get(best, "")}))
    else:
        findings.append(Finding("province", "province.weak", {"province": province.name, "score": top}))
        return Extracted(None, Confidence.LOW, evidence.get(best, "")), findings
    return Extracted(province.ref(), confidence, evidence.get(best, "")), findings
