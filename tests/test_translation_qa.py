"""Translation QA: numbers, document numbers, dates and glossary terms survive translation."""

import pytest

from generator.glossary import load_glossary
from generator.translation_qa import check_segment

GLOSSARY = load_glossary()


def test_a_faithful_translation_passes():
    source = "Tính đến nay, toàn tỉnh đã mở được 731 lớp, có 40.539 đảng viên, đạt 98,1%; 452/507 đồng chí tham dự."
    target = "So far the province has opened 731 classes, attended by 40,539 Party members, or 98.1%; 452/507 comrades attended."
    assert check_segment(source, target, GLOSSARY) == []


@pytest.mark.parametrize(
    "source, target, reason",
    [
        ("có 40.539 đảng viên", "there are 40.539 Party members", "number 40.539 missing (expected 40,539)"),
        ("đạt 98,1%", "or 98,1%", "number 98,1 missing (expected 98.1)"),
        ("452/507 đồng chí", "452 of 507 comrades", "ratio 452/507 missing"),
        ("Chỉ thị 03-CT/TW của Bộ Chính trị", "Directive 03 of the Politburo", "document number 03-CT/TW missing"),
        ("ngày 14-5-2011", "on 5 April 2011", "date 14-5-2011 missing"),
        ("Ban Thường vụ Tỉnh ủy họp", "The provincial Standing Committee met", "glossary: “Ban Thường vụ Tỉnh ủy” must be rendered “Standing Board of the provincial Party Committee”"),
        ("Các cấp ủy đã thực hiện", "Các cấp ủy đã thực hiện", "translation is the Vietnamese text"),
        ("Hội nghị giao ban của Tỉnh ủy", "Briefing conference của provincial Party Committee", "untranslated Vietnamese words: của"),
        ("Hội nghị giao ban", "", "no translation"),
    ],
)
def test_each_kind_of_loss_is_caught(source, target, reason):
    assert reason in check_segment(source, target, GLOSSARY)


def test_dates_numbers_and_ordinals_in_english_forms_pass():
    source = "Sáng 23-8, Hội nghị Trung ương 4 khóa XI; tháng 1; 01 đồng chí; 6 tháng; Kế hoạch số 03, ngày 01-7-2011."
    target = "On the morning of 23 August, the 4th plenum of the 11th term; January; one comrade; six months; Plan No. 03 of 1 July 2011."
    assert check_segment(source, target, GLOSSARY) == []


def test_glossary_accepts_plurals_and_the_longest_term_wins():
    assert check_segment("các chi bộ và Ban Tuyên giáo Tỉnh ủy", "the Party cells and the Communication and Education Commission of the provincial Party Committee", GLOSSARY) == []


def test_glossary_has_one_rendering_per_term_and_agrees_with_issuers():
    from generator.datafiles import load_yaml

    for code, issuer in load_yaml("issuers.yaml").items():
        english = GLOSSARY.english(issuer["vi"])
        assert english in (None, issuer["en"]), code


def test_qa_gate_fails_the_build_with_report_segment_and_reason(tmp_path, capsys):
    from generator.cli import main
    from generator.translation_memory import load_catalog, save_catalog
    from tests.conftest import copy_project, project_args

    project = copy_project(tmp_path / "p")
    path = project / "translations/en/001_6c6cd01c535d82ba.po"
    po = load_catalog(path)
    entry = next(e for e in po if e.msgid.startswith("Tính đến nay, toàn tỉnh đã mở được 731 lớp"))  # the third paragraph
    entry.msgstr = entry.msgstr.replace("40,539", "40,593")
    save_catalog(po, path)
    assert main(project_args(project, "generate")) == 2
    assert "translation QA: 001_6c6cd01c535d82ba [p003]: number 40.539 missing (expected 40,539)" in capsys.readouterr().err
