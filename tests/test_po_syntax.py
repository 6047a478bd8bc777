"""Strict PO reading: every damage msgfmt rejects stops the build, names its line, and leaves the file as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.po_syntax import TranslationMemoryError, parse_po
from generator.translation import translate_corpus
from generator.translation_memory import load_catalog
from tests.memory_fixture import (
    AWARDS,
    CAPTION,
    ENGLISH,
    NUMBERS,
    TITLE,
    Project,
    msgfmt_check,
    translated_project,
)


def _line_of(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines) if text in line)


def _drop_msgstr_keyword(lines: list[str]) -> int:
    i = _line_of(lines, 'msgstr "' + ENGLISH[NUMBERS])
    lines[i] = lines[i].removeprefix("msgstr ")  # the English now reads as more of the msgid
    return i + 1


def _drop_closing_quote(lines: list[str]) -> int:
    i = _line_of(lines, 'msgstr "' + ENGLISH[CAPTION])
    lines[i] = lines[i].removesuffix('"')
    return i + 1


def _stray_line(lines: list[str]) -> int:
    i = _line_of(lines, 'msgstr "' + ENGLISH[CAPTION])
    lines.insert(i + 1, "Ghi chú: kiểm tra lại số liệu với Ban Tuyên giáo")
    return i + 2


def _unescaped_quote(lines: list[str]) -> int:
    i = _line_of(lines, 'msgstr "' + ENGLISH[AWARDS])
    lines[i] = 'msgstr "The conference commended 15 collectives and 27 individuals of the "Studying and following Uncle Ho" movement."'
    return i + 1


def _duplicate_entry(lines: list[str]) -> int:
    lines += ["", "#. title", 'msgctxt "title"', f'msgid "{TITLE}"', 'msgstr "Hà Nam: five years of Directive 05-CT/TW"']
    return len(lines) - 2  # its msgctxt


def _invalid_escape(lines: list[str]) -> int:
    i = _line_of(lines, 'msgstr "' + ENGLISH[NUMBERS])
    lines[i] = lines[i].replace("thematic study classes", "thematic study classes (see the \\quarterly report)")
    return i + 1


Damage = Callable[[list[str]], int]
DAMAGES: list[tuple[str, Damage, str]] = [
    ("missing msgstr keyword", _drop_msgstr_keyword, "has no msgstr"),
    ("closing quote deleted", _drop_closing_quote, "no closing quote"),
    ("stray line", _stray_line, "unexpected 'Ghi'"),
    ("unescaped quote", _unescaped_quote, "text after the closing quote"),
    ("duplicate entry", _duplicate_entry, "duplicate entry: the same msgid with msgctxt 'title' is already at line"),
    ("invalid escape", _invalid_escape, "invalid escape \\q"),
]


def damaged_project(root: Path, damage: Damage) -> tuple[Path, int]:
    """The fixture project with its PO file damaged; returns the file and the line the damage is on."""
    project = translated_project(root)
    lines = project.po().read_text(encoding="utf-8").split("\n")
    line = damage(lines)
    project.po().write_text("\n".join(lines), encoding="utf-8")
    return project.po(), line


@pytest.mark.parametrize("name, damage, reason", DAMAGES, ids=[d[0] for d in DAMAGES])
def test_msgfmt_rejects_each_damaged_file(tmp_path: Path, name: str, damage: Damage, reason: str):
    path, _ = damaged_project(tmp_path, damage)
    assert msgfmt_check(path).returncode != 0


@pytest.mark.parametrize("name, damage, reason", DAMAGES, ids=[d[0] for d in DAMAGES])
def test_loading_a_damaged_file_names_its_path_line_and_reason(tmp_path: Path, name: str, damage: Damage, reason: str):
    path, line = damaged_project(tmp_path, damage)
    with pytest.raises(TranslationMemoryError) as caught:
        load_catalog(path)
    error = caught.value
    assert (error.path, error.line) == (path, line)
    assert reason in error.reason and str(error).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize("name, damage, reason", DAMAGES, ids=[d[0] for d in DAMAGES])
def test_the_sync_that_would_have_saved_a_damaged_file_stops_and_leaves_it_unchanged(tmp_path: Path, name: str, damage: Damage,
                                                                                       reason: str):
    path, line = damaged_project(tmp_path, damage)
    before = path.read_bytes()
    report = Project(tmp_path).report()
    with pytest.raises(TranslationMemoryError, match=f":{line}: "):
        translate_corpus([report], tmp_path / "translations")
    assert path.read_bytes() == before


def test_the_undamaged_fixture_passes_msgfmt_and_loads(tmp_path: Path):
    project = translated_project(tmp_path)
    result = msgfmt_check(project.po())
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert {e.msgstr for e in load_catalog(project.po())} == set(ENGLISH.values())


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    "body, line, reason",
    [
        ('msgid "Tỉnh ủy"\n# ghi chú\nmsgstr "provincial Party Committee"\n', 5, "has no msgstr"),
        ('msgctxt "title"\n# ghi chú\nmsgid "Tỉnh ủy"\nmsgstr ""\n', 6, "a comment inside the entry from line 5"),
        ('msgid "Tỉnh ủy"\nmsgstr "a"\nmsgstr "b"\n', 7, "a second msgstr"),
        ('msgctxt "title"\nmsgctxt "heading"\nmsgid "Tỉnh ủy"\nmsgstr ""\n', 6, "a second msgctxt"),
        ('msgid "Tỉnh ủy"\n#~ msgstr "provincial Party Committee"\n', 6, "inconsistent use of #~"),
        ('#~ msgid "Tỉnh ủy"\n#~ msgstr "a"\n\n#~ msgid "Tỉnh ủy"\n#~ msgstr "b"\n', 8, "duplicate entry"),
        ('msgid "Tỉnh ủy"\nmsgstr "provincial Party Committee\\n"\n', 5, "do not both end with \\n"),
        ('#, fuzzy\n#| msgid "Tỉnh \\q"\nmsgid "Tỉnh ủy"\nmsgstr "x"\n', 6, "invalid escape \\q"),
    ],
)
def test_structure_errors_msgfmt_also_rejects(tmp_path: Path, body: str, line: int, reason: str):
    path = tmp_path / "r.po"
    path.write_text(HEADER + body, encoding="utf-8")
    assert msgfmt_check(path).returncode != 0
    with pytest.raises(TranslationMemoryError) as caught:
        load_catalog(path)
    assert caught.value.line == line and reason in caught.value.reason


def test_a_string_before_any_entry_is_refused(tmp_path: Path):
    path = tmp_path / "r.po"
    path.write_text('"Tỉnh ủy"\n' + HEADER, encoding="utf-8")
    assert msgfmt_check(path).returncode != 0
    with pytest.raises(TranslationMemoryError) as caught:
        load_catalog(path)
    assert caught.value.line == 1 and "a quoted string outside any entry" in caught.value.reason


def test_escapes_polib_would_misread_are_refused_with_what_to_do(tmp_path: Path):
    """Octal, hex and \\a escapes are valid for msgfmt, but polib keeps them as two characters and writes them back so."""
    path = tmp_path / "r.po"
    path.write_text(HEADER + 'msgid "Tỉnh ủy"\nmsgstr "T\\341nh"\n', encoding="utf-8")
    assert msgfmt_check(path).returncode == 0
    with pytest.raises(TranslationMemoryError) as caught:
        load_catalog(path)
    assert caught.value.line == 6 and "write the character itself" in caught.value.reason


def test_a_file_without_header_is_refused(tmp_path: Path):
    path = tmp_path / "r.po"
    path.write_text('msgid "Tỉnh ủy"\nmsgstr "provincial Party Committee"\n', encoding="utf-8")
    with pytest.raises(TranslationMemoryError, match="must begin with the header entry"):
        load_catalog(path)


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path: Path):
    path = tmp_path / "r.po"
    path.write_bytes((HEADER + 'msgid "T').encode() + b"\xe1nh\"\nmsgstr \"\"\n")
    with pytest.raises(TranslationMemoryError) as caught:
        load_catalog(path)
    assert caught.value.line == 5 and "not UTF-8" in caught.value.reason


def test_a_layout_gettext_accepts_but_polib_cannot_read_is_an_error_not_a_guess(tmp_path: Path):
    path = tmp_path / "r.po"
    path.write_text(HEADER + 'msgid "Tỉnh ủy"\nmsgstr "provincial " "Party Committee"\n', encoding="utf-8")
    assert msgfmt_check(path).returncode == 0
    with pytest.raises(TranslationMemoryError) as caught:
        load_catalog(path)
    assert caught.value.line == 6


def test_valid_syntax_is_read_as_gettext_reads_it():
    text = HEADER + ('#, fuzzy\n#| msgid "Sáng 23-8"\nmsgctxt "paragraph"\nmsgid ""\n"Sáng 24-8, "\n  "Tỉnh ủy họp."\n\n'
                     'msgstr "On the morning of 24 August, \\"the\\" Committee met.\\tok"\n\n'
                     '#~ msgctxt "caption"\n#~ msgid "Quang cảnh"\n#~ msgstr "View"\n')
    header, entry, obsolete = parse_po(text, Path("r.po"))
    assert header.is_header and entry.msgctxt == "paragraph" and entry.msgid == "Sáng 24-8, Tỉnh ủy họp."
    assert entry.msgstr == 'On the morning of 24 August, "the" Committee met.\tok' and entry.flags == {"fuzzy"}
    assert obsolete.obsolete and (obsolete.msgctxt, obsolete.msgid, obsolete.msgstr) == ("caption", "Quang cảnh", "View")
