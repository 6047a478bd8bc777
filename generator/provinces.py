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
from generator.gazetteer import Gazetteer, Province, load_gazetteer
from generator.model import CleanedText, Confidence, Extracted, ProvinceRef
from generator.scanning import capitalised_pattern
from generator.textnorm import (
    compact_key,
    fold,
    fold_cased_keep_length,
    fold_keep_length,
)

W_SOURCE, W_TITLE, W_CONTEXT, W_DISTRICT_CONTEXT, W_BARE = 6.0, 4.0, 3.0, 2.0, 1.0


@dataclass(frozen=True)
class ProvinceMatcher:
    gazetteer: Gazetteer
    names: re.Pattern[str]  # all province and district names, capitalised, over case-kept folded text
    kind_of: dict[str, list[tuple[str, str]]]  # folded name -> [("province"|"district", code)]
    context: re.Pattern[str]
    district_context: re.Pattern[str]
    needs_context: frozenset[str]
    agency_tags: dict[str, dict[str, str]]
    domains: dict[str, str]


def dash_variants(name: str) -> list[str]:
    """A folded name with a dash, spaced and not: 'ba ria - vung tau', 'ba ria-vung tau' (folding
    has already made every dash '-')."""
    parts = re.split(r"\s*-\s*", name)
    return [name] if len(parts) == 1 else [" - ".join(parts), "-".join(parts)]


def _words_before(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?:^|[^a-z])(?:" + alternation + r")\s*$")


class AgencyTag(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    province: str
    paper: str


class ProvinceClues(BaseModel):
    """data/province_clues.yaml: every province it names must be in the gazetteer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    agency_tags: dict[str, AgencyTag]
    domains: dict[str, str]
    aliases: dict[str, str]
    context_words: tuple[str, ...]
    district_words: tuple[str, ...]
    needs_context: tuple[str, ...]

    def check_provinces(self, gazetteer: Gazetteer, source: str = "province_clues.yaml") -> None:
        named = [("agency_tags", k, v.province) for k, v in self.agency_tags.items()]
        named += [("domains", k, v) for k, v in self.domains.items()] + [("aliases", k, v) for k, v in self.aliases.items()]
        named += [("needs_context", n, n) for n in self.needs_context]
        for section, entry, name in named:
            if gazetteer.by_name(name) is None:
                raise DataFileError(source, f"{section}: {entry}: {name!r} is not a province in the gazetteer")


@lru_cache(maxsize=1)
def province_matcher() -> ProvinceMatcher:
    gazetteer = load_gazetteer()
    clues = validated("province_clues.yaml", ProvinceClues)
    clues.check_provinces(gazetteer)
    kind_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
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
            kind_of[fold(name)].append(("district", code))
    return ProvinceMatcher(
        gazetteer=gazetteer,
        names=re.compile(capitalised_pattern(list(kind_of))),
        kind_of=dict(kind_of),
        context=_words_before(list(clues.context_words)),
        district_context=_words_before(list(clues.district_words)),
        needs_context=frozenset(fold(n) for n in clues.needs_context),
        agency_tags={tag: {"province": t.province, "paper": t.paper} for tag, t in clues.agency_tags.items()},
        domains=dict(clues.domains),
    )


def _domain_province(text: str, matcher: ProvinceMatcher) -> tuple[Province, str] | None:
    for domain in re.findall(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+\.(?:vn|com\.vn|org\.vn|gov\.vn))", text.lower()):
        for known, name in matcher.domains.items():
            if domain == known or domain.endswith("." + known):
                province = matcher.gazetteer.by_name(name)
                if province:
                    return province, domain
        m = re.match(r"bao([a-z]+)\.(?:vn|com\.vn|org\.vn)$", domain)
        if m:
            for p in matcher.gazetteer.provinces:
                if compact_key(p.name) == m.group(1):
                    return p, domain
    return None


def score_text(text: str, folded: str, cased: str, weight_scale: float, matcher: ProvinceMatcher,
               scores: dict[str, float], evidence: dict[str, str]) -> None:
    """Add the place names of `text` (with its folded and case-kept folded forms) to the scores."""
    for m in matcher.names.finditer(cased):  # capitalised only: "hòa bình" is peace
        name = folded[m.start() : m.end()]
        before = folded[max(0, m.start() - 40) : m.start()]
        for kind, code in matcher.kind_of[name]:
            if kind == "province":
                # "Tỉnh ủy Hòa Bình …", or a text that opens "Hòa Bình: …" (a title's or a lead's dateline)
                has_context = bool(matcher.context.search(before)) or (m.start() == 0 and folded[m.end() : m.end() + 1] == ":")
                if name in matcher.needs_context and not has_context:
                    continue
                weight = W_CONTEXT if has_context else W_BARE
            else:
                weight = W_DISTRICT_CONTEXT if matcher.district_context.search(before) else W_BARE * 0.5
            scores[code] += weight * weight_scale
            evidence.setdefault(code, text[max(0, m.start() - 20) : m.end()].strip())


def _score_short(text: str, weight_scale: float, matcher: ProvinceMatcher, scores: dict[str, float], evidence: dict[str, str]) -> None:
    score_text(text, fold_keep_length(text), fold_cased_keep_length(text), weight_scale, matcher, scores, evidence)


def extract_province(cleaned: CleanedText, text: AnalysedText) -> tuple[Extracted[ProvinceRef], list[Finding]]:
    matcher = province_matcher()
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, str] = {}
    findings: list[Finding] = []

    if cleaned.agency_prefix and cleaned.agency_prefix in matcher.agency_tags:
        province = matcher.gazetteer.by_name(matcher.agency_tags[cleaned.agency_prefix]["province"])
        if province:
            scores[province.code] += W_SOURCE
            evidence[province.code] = f"agency tag “{cleaned.agency_prefix}-”"
    if cleaned.source_credit:
        found = _domain_province(cleaned.source_credit, matcher)
        if found:
            scores[found[0].code] += W_SOURCE
            evidence[found[0].code] = f"source {found[1]}"
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
    if top >= 6 and top >= 2 * second:
        confidence = Confidence.HIGH
    elif top >= 3 and top > second:
        confidence = Confidence.MEDIUM
    else:
        findings.append(Finding("province", "province.weak", {"province": province.name, "score": top}))
        return Extracted(None, Confidence.LOW, evidence.get(best, "")), findings
    return Extracted(province.ref(), confidence, evidence.get(best, "")), findings
