"""Segment keys by content, and finding the old entry of a changed segment as msgmerge would."""

from __future__ import annotations

import itertools
import re

from generator.memory_matching import (
    SIMILARITY_THRESHOLD,
    Match,
    OldEntry,
    match_segments,
    similarity,
)
from generator.segments import number_segments
from tests.memory_fixture import AWARDS, CAPTION, LEAD, NUMBERS, TITLE

BODY = [("title", TITLE), ("paragraph", LEAD), ("caption", CAPTION), ("paragraph", NUMBERS), ("paragraph", AWARDS)]
INSERTED = "Dự Hội nghị có đồng chí Bí thư Tỉnh ủy và đại diện Ban Tuyên giáo Trung ương."


def old_entries(texts: list[tuple[str, str]], obsolete: bool = False) -> list[OldEntry]:
    return [OldEntry(s.context, s.text, obsolete, True) for s in number_segments(texts)]  # type: ignore[arg-type]


def test_keys_come_from_content_so_an_inserted_paragraph_changes_no_other_key():
    before = {s.text: s.key for s in number_segments(BODY)}  # type: ignore[arg-type]
    after = number_segments([BODY[0], ("paragraph", INSERTED), *BODY[1:]])  # type: ignore[arg-type]
    assert {s.text: s.key for s in after if s.text != INSERTED} == before
    assert [s.label for s in after] == ["title", "p001", "p002", "c01", "p003", "p004"]  # labels say where, keys say what


def test_a_repeated_text_gets_a_numbered_context_and_its_own_key():
    segments = number_segments([("title", TITLE), ("paragraph", AWARDS), ("caption", AWARDS), ("paragraph", AWARDS)])
    assert [s.context for s in segments] == ["title", "paragraph", "caption", "paragraph 2"]
    assert len({s.key for s in segments}) == 4


def test_unchanged_segments_match_exactly_wherever_they_moved():
    moved = number_segments([BODY[0], BODY[4], BODY[2], BODY[3], BODY[1]])  # type: ignore[arg-type]
    matches = match_segments(moved, old_entries(BODY))
    assert matches == {0: Match(0, "exact"), 1: Match(4, "exact"), 2: Match(2, "exact"), 3: Match(3, "exact"), 4: Match(1, "exact")}


def test_a_rewritten_paragraph_between_unchanged_neighbours_is_found_by_its_neighbours():
    rewritten = "Năm 2024, tỉnh tiếp tục tổ chức các lớp bồi dưỡng cho cán bộ chủ chốt cấp cơ sở."
    assert similarity(rewritten, NUMBERS) < SIMILARITY_THRESHOLD  # not by similarity: by where it stands
    segments = number_segments([*BODY[:3], ("paragraph", rewritten), BODY[4]])  # type: ignore[arg-type]
    assert match_segments(segments, old_entries(BODY))[3] == Match(3, "neighbours")


def test_an_edited_paragraph_that_also_moved_is_found_by_similarity():
    edited = NUMBERS.replace("731 lớp", "735 lớp")
    segments = number_segments([BODY[0], ("paragraph", edited), BODY[1], BODY[2], BODY[4]])  # type: ignore[arg-type]
    assert match_segments(segments, old_entries(BODY))[1] == Match(3, "similar")


def test_a_new_paragraph_with_no_similar_old_one_has_no_match():
    segments = number_segments([BODY[0], ("paragraph", INSERTED), *BODY[1:]])  # type: ignore[arg-type]
    matches = match_segments(segments, old_entries(BODY))
    assert 1 not in matches and {m.how for m in matches.values()} == {"exact"}


def test_an_obsolete_entry_is_revived_when_its_text_returns():
    old = old_entries(BODY[:4]) + old_entries([BODY[4]], obsolete=True)
    assert match_segments(number_segments(BODY), old)[4] == Match(4, "revived")  # type: ignore[arg-type]


def test_the_same_text_read_as_another_kind_keeps_its_entry_without_review():
    segments = number_segments([BODY[0], BODY[1], ("paragraph", CAPTION), BODY[3], BODY[4]])  # type: ignore[arg-type]
    assert match_segments(segments, old_entries(BODY))[2] == Match(2, "same text")


def test_different_segments_of_the_seed_reports_are_never_similar(seed_reports):
    """The threshold sits above every pair of different same-kind segments of one report."""
    for report in seed_reports.values():
        blocks = [b for b in report.cleaned.blocks]
        for a, b in itertools.combinations(blocks, 2):
            if a.kind == b.kind:
                assert similarity(a.text, b.text) < SIMILARITY_THRESHOLD - 0.15, (a.text[:60], b.text[:60])


def test_typical_edits_stay_above_the_threshold(seed_reports):
    paragraphs = [b.text for r in seed_reports.values() for b in r.cleaned.blocks if b.kind == "paragraph"]
    for text in paragraphs:
        assert similarity(text, text.replace("Tỉnh ủy", "Tỉnh uỷ")) >= SIMILARITY_THRESHOLD  # tone-mark style
        sentences = re.split(r"(?<=[.;])\s+", text)
        if len(sentences) >= 4:
            assert similarity(text, " ".join(sentences[1:])) >= SIMILARITY_THRESHOLD  # one sentence dropped
