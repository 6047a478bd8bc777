"""The translation memory: PO files that keep every translation, and pass msgfmt --check."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from generator.segments import Segment, report_segments
from generator.translation import TranslationView, translate_corpus
from generator.translation_memory import (
    Coverage,
    coverage,
    find_entry,
    load_catalog,
    migrate_positional_contexts,
    new_catalog,
    open_catalog,
    parse_catalog,
    po_path,
    save_catalog,
    sync_catalog,
)
from tests.conftest import ROOT, SEED
from tests.memory_fixture import (
    AWARDS,
    CAPTION,
    ENGLISH,
    LEAD,
    NUMBERS,
    REPORT_ID,
    Project,
    msgfmt_check,
    raw_text,
    translated_project,
)

SEGMENTS = [Segment("title", "title", "Hội nghị giao ban"), Segment("p001", "paragraph", "Sáng 23-8, Tỉnh ủy họp."),
            Segment("p002", "paragraph", "Toàn tỉnh có 731 lớp.")]


def translated() -> polib.POFile:
    po = new_catalog("r1")
    sync_catalog(po, SEGMENTS)
    for entry, text in zip(po, ["Briefing conference", "On the morning of 23 August, the provincial Party Committee met.",
                                "The province has 731 classes."]):
        entry.msgstr = text
    return po


def test_segments_have_stable_keys_per_kind(seed_reports):
    segments = report_segments(seed_reports["004"])
    assert [s.label for s in segments][:4] == ["title", "p001", "h01", "p002"]  # where each stands, for messages
    keys = [s.key for s in segments]
    assert keys.count("title") == 1 and len(set(keys)) == len(keys)
    assert [k.split("-")[0] for k in keys[:4]] == ["title", "p", "h", "p"] and [s.context for s in segments][:3] == ["title", "paragraph", "heading"]


def test_a_changed_paragraph_keeps_its_english_marked_fuzzy():
    po = translated()
    changed = [SEGMENTS[0], Segment("p001", "paragraph", "Sáng 24-8, Tỉnh ủy họp."), SEGMENTS[2]]
    assert sync_catalog(po, changed)
    entry = next(e for e in po if e.msgid == "Sáng 24-8, Tỉnh ủy họp.")
    assert entry.msgstr.startswith("On the morning of 23 August") and "fuzzy" in entry.flags
    assert entry.previous_msgid == "Sáng 23-8, Tỉnh ủy họp."
    assert coverage(po, changed).fuzzy == 1


def test_a_removed_paragraph_is_kept_as_obsolete_not_dropped():
    po = translated()
    sync_catalog(po, SEGMENTS[:2])
    obsolete = [e for e in po if e.obsolete]
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in obsolete] == [("paragraph", "Toàn tỉnh có 731 lớp.", "The province has 731 classes.")]
    sync_catalog(po, SEGMENTS)  # the paragraph comes back: so does its translation
    assert next(e for e in po if e.msgid == "Toàn tỉnh có 731 lớp." and not e.obsolete).msgstr == "The province has 731 classes."


def test_sync_of_an_unchanged_catalog_changes_nothing():
    po = translated()
    assert not sync_catalog(po, SEGMENTS)


@pytest.mark.parametrize("path", sorted((ROOT / "translations" / "en").glob("*.po")), ids=lambda p: p.stem)
def test_committed_catalogs_pass_msgfmt_check(path: Path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is missing: `make system-deps` installs it"
    result = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def test_saved_catalog_round_trips(tmp_path: Path):
    path = po_path(tmp_path, "r1")
    save_catalog(translated(), path)
    po = load_catalog(path)
    assert [(e.msgctxt, e.msgstr) for e in po][1] == ("paragraph", "On the morning of 23 August, the provincial Party Committee met.")


def test_seed_translations_are_complete_and_by_the_editors():
    for path in (ROOT / "translations" / "en").glob("*.po"):
        po = load_catalog(path)
        assert po.metadata["X-Translation-Source"] == "editors"
        assert all(e.msgstr and not e.flags for e in po if not e.obsolete)


# Keys by content: what happens to the English when the raw report changes (tests/memory_fixture.py)

INSERTED = "Dự Hội nghị có đồng chí Bí thư Tỉnh ủy và đại diện Ban Tuyên giáo Trung ương."


def rebuild(project: Project, *body: str) -> TranslationView:
    """The raw report rewritten with these body blocks, then one build's translation stage."""
    project.write_raw(raw_text(*body))
    return translate_corpus([project.report()], project.translations).views[REPORT_ID]


def published(view: TranslationView) -> set[str]:
    return set(view.english.values())


def test_a_paragraph_inserted_at_the_top_leaves_every_other_translation_exact_and_published(tmp_path: Path):
    project = translated_project(tmp_path)
    keys_before = {(s.kind, s.text): s.key for s in report_segments(project.report())}
    view = rebuild(project, INSERTED, LEAD, CAPTION, NUMBERS, AWARDS)
    assert view.coverage == Coverage(translated=5, machine=0, fuzzy=0, missing=1)
    assert published(view) == set(ENGLISH.values())
    segments = [s for s in report_segments(project.report()) if s.text != INSERTED]
    assert all(view.english[s.key] == ENGLISH[s.text] for s in segments)
    # The caption, no longer right after the lead, is now read as a paragraph: its English stays exact all the same.
    assert [s.kind for s in segments if s.text == CAPTION] == ["paragraph"]
    assert all(s.key == keys_before[(s.kind, s.text)] for s in segments if s.text != CAPTION)


def test_a_removed_paragraph_leaves_the_others_exact_and_is_kept_as_obsolete(tmp_path: Path):
    project = translated_project(tmp_path)
    view = rebuild(project, LEAD, CAPTION, AWARDS)
    assert view.coverage == Coverage(translated=4, machine=0, fuzzy=0, missing=0)
    po = load_catalog(project.po())
    assert [(e.msgid, e.msgstr) for e in po if e.obsolete] == [(NUMBERS, ENGLISH[NUMBERS])]


def test_moved_paragraphs_stay_exact_and_the_file_follows_the_new_order(tmp_path: Path):
    project = translated_project(tmp_path)
    view = rebuild(project, AWARDS, LEAD, CAPTION, NUMBERS)
    assert view.coverage.complete and published(view) == set(ENGLISH.values())
    assert [e.msgid for e in load_catalog(project.po())][1:] == [AWARDS, LEAD, CAPTION, NUMBERS]


def test_a_paragraph_edited_in_place_keeps_its_english_as_fuzzy_with_the_old_text(tmp_path: Path):
    project = translated_project(tmp_path)
    edited = NUMBERS.replace("731 lớp", "735 lớp")
    view = rebuild(project, LEAD, CAPTION, edited, AWARDS)
    assert view.coverage == Coverage(translated=4, machine=0, fuzzy=1, missing=0)
    assert ENGLISH[NUMBERS] not in published(view)  # fuzzy English is never published
    entry = next(e for e in load_catalog(project.po()) if e.msgid == edited)
    assert (entry.msgstr, entry.previous_msgid, entry.flags) == (ENGLISH[NUMBERS], NUMBERS, ["fuzzy"])
    assert f'#| msgid "{NUMBERS}"' in project.po().read_text(encoding="utf-8")


def test_an_edit_that_is_undone_makes_the_translation_exact_again(tmp_path: Path):
    project = translated_project(tmp_path)
    rebuild(project, LEAD, CAPTION, NUMBERS.replace("731 lớp", "735 lớp"), AWARDS)
    rebuild(project, LEAD, CAPTION, NUMBERS.replace("731 lớp", "736 lớp"), AWARDS)  # still reviewed against the original
    assert next(e for e in load_catalog(project.po()) if "736" in e.msgid).previous_msgid == NUMBERS
    view = rebuild(project, LEAD, CAPTION, NUMBERS, AWARDS)
    assert view.coverage.complete and "#|" not in project.po().read_text(encoding="utf-8")


def test_a_removed_paragraph_that_returns_is_revived_with_its_english(tmp_path: Path):
    project = translated_project(tmp_path)
    rebuild(project, LEAD, CAPTION, AWARDS)
    view = rebuild(project, LEAD, CAPTION, NUMBERS, AWARDS)
    assert view.coverage.complete and not any(e.obsolete for e in load_catalog(project.po()))


def test_a_paragraph_repeated_in_the_report_gets_its_own_entry(tmp_path: Path):
    project = translated_project(tmp_path)
    view = rebuild(project, LEAD, CAPTION, NUMBERS, AWARDS, AWARDS)
    assert view.coverage == Coverage(translated=5, machine=0, fuzzy=0, missing=1)
    assert [e.msgctxt for e in load_catalog(project.po()) if e.msgid == AWARDS] == ["paragraph", "paragraph 2"]


SCENARIOS = {
    "new report": lambda p: rebuild(Project(p.root / "other"), LEAD),
    "inserted": lambda p: rebuild(p, INSERTED, LEAD, CAPTION, NUMBERS, AWARDS),
    "removed": lambda p: rebuild(p, LEAD, AWARDS),
    "moved": lambda p: rebuild(p, AWARDS, CAPTION, LEAD, NUMBERS),
    "edited": lambda p: rebuild(p, LEAD.replace("Sáng 18-5", "Sáng 19-5"), CAPTION, NUMBERS, AWARDS),
    "repeated": lambda p: rebuild(p, LEAD, CAPTION, NUMBERS, NUMBERS, AWARDS),
    "edited twice, removed": lambda p: (rebuild(p, LEAD, CAPTION, NUMBERS + " Vượt kế hoạch.", AWARDS),
                                        rebuild(p, LEAD, CAPTION, NUMBERS + " Vượt kế hoạch đề ra.", AWARDS),
                                        rebuild(p, LEAD, AWARDS)),
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=list(SCENARIOS))
def test_every_file_a_sync_writes_passes_msgfmt_check(tmp_path: Path, scenario: str):
    project = translated_project(tmp_path)
    SCENARIOS[scenario](project)
    for path in sorted(tmp_path.rglob("*.po")):
        result = msgfmt_check(path)
        assert result.returncode == 0 and "warning" not in result.stderr, (path, result.stderr)


def positional(text: str) -> str:
    """A catalog of today's scheme written back in the old positional one (msgctxt "p001", "h01", "c01")."""
    counters = {"paragraph": 0, "heading": 0, "caption": 0}
    widths = {"paragraph": ("p", 3), "heading": ("h", 2), "caption": ("c", 2)}

    def old_key(match: re.Match[str]) -> str:
        kind = match.group(1)
        counters[kind] += 1
        prefix, width = widths[kind]
        return f'msgctxt "{prefix}{counters[kind]:0{width}d}"'

    return re.sub(r'^msgctxt "(paragraph|heading|caption)(?: \d+)?"', old_key, text, flags=re.MULTILINE)


@pytest.mark.parametrize("key", sorted(SEED))
def test_the_committed_seed_catalogs_are_what_migrating_their_positional_form_gives(seed_reports, key: str):
    report = seed_reports[key]
    path = ROOT / "translations" / "en" / f"{report.id}.po"
    committed = path.read_text(encoding="utf-8")
    old = positional(committed)
    assert 'msgctxt "p001"' in old
    po = parse_catalog(old, path)
    sync_catalog(po, report_segments(report), report.raw.sha256)
    assert str(po) == committed


@pytest.mark.parametrize("key", sorted(SEED))
def test_seed_catalogs_keep_complete_editors_translations_after_a_sync(seed_reports, key: str):
    report = seed_reports[key]
    segments = report_segments(report)
    po, _, changed = open_catalog(ROOT / "translations", report.id, segments, report.raw.sha256)
    assert coverage(po, segments) == Coverage(translated=len(segments), machine=0, fuzzy=0, missing=0)
    assert not changed  # the committed files are already migrated and in sync


def test_migration_finds_an_edited_positional_entry_by_its_neighbours(tmp_path: Path):
    project = translated_project(tmp_path)
    old = positional(project.po().read_text(encoding="utf-8")).replace("731 lớp", "730 lớp")
    project.po().write_text(old, encoding="utf-8")
    po, _, _ = open_catalog(project.translations, REPORT_ID, report_segments(project.report()))
    entry = find_entry(po, next(s for s in report_segments(project.report()) if s.text == NUMBERS))
    assert entry.msgstr == ENGLISH[NUMBERS] and "fuzzy" in entry.flags and entry.previous_msgid == NUMBERS.replace("731", "730")
    assert all(e.msgctxt in ("title", "paragraph", "caption") for e in po)


def test_migration_numbers_repeated_texts_like_the_segments_do():
    po = new_catalog("r1")
    for ctx in ("p001", "p002"):
        po.append(polib.POEntry(msgctxt=ctx, msgid=AWARDS, msgstr=ENGLISH[AWARDS]))
    assert migrate_positional_contexts(po) == 2
    assert [e.msgctxt for e in po] == ["paragraph", "paragraph 2"]
