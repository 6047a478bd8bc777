"""Editors' notes inside a translation, written [ed: …]: marked on pages, left out of QA and citations."""

from generator.editor_notes import split_notes, without_notes
from generator.glossary import load_glossary
from generator.rendering import notes_html, notes_md
from generator.translation_qa import check_segment

ENGLISH = "the Kiên Giang website [ed: printed “Wetise”] and the district radio stations"


def test_a_translation_splits_into_text_and_the_editors_notes():
    assert split_notes(ENGLISH) == [("the Kiên Giang website ", False), ("printed “Wetise”", True), (" and the district radio stations", False)]
    assert split_notes("no note at all") == [("no note at all", False)]


def test_without_notes_is_the_translation_alone():
    assert without_notes(ENGLISH) == "the Kiên Giang website and the district radio stations"
    assert without_notes("Title [ed: printed “Tittle”]") == "Title"


def test_a_note_is_marked_as_the_editors_and_escaped_like_any_report_text():
    marked = notes_md("see *this* [ed: the printed word is <b>x</b>]", "Editor's note")
    assert marked == 'see \\*this\\* <span class="editor-note">\\[Editor\'s note: the printed word is &lt;b&gt;x&lt;/b&gt;\\]</span>'
    assert notes_html("a [ed: <i>b</i>] c", "Editor's note") == 'a <span class="editor-note">[Editor\'s note: &lt;i&gt;b&lt;/i&gt;]</span> c'


def test_qa_does_not_check_a_note_as_translated_text_but_refuses_a_malformed_one():
    glossary = load_glossary()
    assert check_segment("Năm 2013, trang web Kiên Giang.", "In 2013, the Kiên Giang website [ed: printed “Wetise”].", glossary) == []
    assert check_segment("Năm 2013.", "In [ed: 2013].", glossary) == ["number 2013 missing (expected 2013 or 2013th)"]
    problems = check_segment("Năm 2013.", "In 2013 [ed:printed].", glossary)
    assert problems and "editors' note is not written [ed: …]" in problems[0]
