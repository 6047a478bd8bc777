"""Directives: each report's main document, the plans that implement it, what it only cites."""

import pytest

from generator.analysis import AnalysedText
from generator.directives import find_mentions


@pytest.mark.parametrize(
    "seed, implements, cites",
    [
        ("000", ["03-CT/TW", "03-KH/TW (XI)"], []),
        ("001", ["03-CT/TW", "03-KH/TW (XI)"], ["09-HD/BTCTW"]),
        ("002", ["05-CT/TW"], ["04-NQ/TW", "26-NQ/TW", "08-QĐi/TW"]),
        ("003", ["06-CT/TW"], []),
        ("004", ["12-NQ/TW"], []),
    ],
)
def test_seed_directives(seed_reports, seed, implements, cites):
    metadata = seed_reports[seed].metadata
    assert list(metadata.implements) == implements
    assert sorted(metadata.cites) == sorted(cites)


@pytest.mark.parametrize(
    "seed, local",
    [("000", {"24-KH/TU"}), ("003", {"21-CT/TU"}), ("004", {"28-KH/TU", "30-KH/TU", "31-KH/TU", "04-HD/TU", "926-CV/BTCTU"})],
)
def test_local_documents_are_kept_apart_and_scoped_to_the_province(seed_reports, seed, local):
    metadata = seed_reports[seed].metadata
    assert {d.symbol for d in metadata.local_documents} == local
    assert {d.province_slug for d in metadata.local_documents} == {metadata.province.value.slug}
    assert not local & set(metadata.directive_ids)


def test_plenum_list_is_expanded_and_ambiguous_plenums_are_flagged(seed_reports):
    several = [f.params for f in seed_reports["002"].metadata.findings if f.code == "directives.plenum_several"]
    assert [(p["plenum"], p["term"], p["ids"]) for p in several] == [
        (6, "XII", "18-NQ/TW, 19-NQ/TW, 20-NQ/TW, 21-NQ/TW (XII)"), (7, "XII", "26-NQ/TW, 27-NQ/TW, 28-NQ/TW")]


def test_bare_number_resolves_from_context(registry):
    text = "Ban Thường vụ Tỉnh ủy tổ chức sơ kết việc thực hiện Chỉ thị 05 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2018."
    assert [m.directive_id for m in find_mentions(AnalysedText.plain(text), registry, [2018]).mentions] == ["05-CT/TW"]


def test_bare_number_without_context_is_not_guessed(registry):
    findings = find_mentions(AnalysedText.plain("Thực hiện Chỉ thị 05, các cơ quan đã rà soát hồ sơ."), registry, [2008])
    assert [m.directive_id for m in findings.mentions if m.directive_id] == []
    assert [f.code for f in findings.findings] == ["directives.bare_unresolved"]


def test_bare_number_issued_by_the_province_is_a_local_document(registry):
    findings = find_mentions(AnalysedText.plain("Thực hiện Chỉ thị 05 của Ban Thường vụ Tỉnh ủy về phòng chống tham nhũng."), registry, [2018])
    assert [m.local_symbol for m in findings.mentions] == ["Chỉ thị 05"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kế hoạch 03-KH/TW của Ban Bí thư ngày 01-7-2011", "03-KH/TW (XI)"),
        ("Chỉ thị 05-CT/TW và Kế hoạch 03-KH/TW của Ban Bí thư (khóa XII)", "03-KH/TW (XII)"),
        ("Kết luận 21-KL/TW và Kế hoạch số 03-KH/TW của Bộ Chính trị", "03-KH/TW (XIII)"),
    ],
)
def test_a_reused_symbol_is_told_apart_by_date_term_or_lineage(registry, text, expected):
    ids = {m.directive_id for m in find_mentions(AnalysedText.plain(text), registry, []).mentions}
    assert expected in ids


@pytest.mark.parametrize(
    "text, expected",
    [
        ("chi thi so 06-ct/tw", "06-CT/TW"),
        ("Chỉ thị 03-CT/T.Ư của Bộ Chính trị", "03-CT/TW"),
        ("Chỉ thị 03/CT-TW", "03-CT/TW"),
        ("Nghị quyết Trung ương 4 (khóa XI)", "12-NQ/TW"),
        ("Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương Đảng (khóa XI)", "12-NQ/TW"),
        ("Nghị quyết Trung ương 4 khoá XII", "04-NQ/TW"),
        ("NQ TW4 khóa 11", "12-NQ/TW"),
        ("Kết luận số 01-KL/TW của Bộ Chính trị", "01-KL/TW"),
        ("Quy định số 08-QĐi/TW", "08-QĐi/TW"),
    ],
)
def test_written_forms_resolve_to_canonical_ids(registry, text, expected):
    assert [m.directive_id for m in find_mentions(AnalysedText.plain(text), registry, []).mentions] == [expected]


def test_unregistered_central_document_keeps_its_number(registry):
    mentions = find_mentions(AnalysedText.plain("Thực hiện Chỉ thị số 42-CT/TW của Bộ Chính trị"), registry, []).mentions
    assert [(m.directive_id, m.registered) for m in mentions] == [("42-CT/TW", False)]


def test_steering_committee_of_the_province_does_not_make_the_directive_local(registry):
    text = "Ban Chỉ đạo thực hiện Chỉ thị 05 của Tỉnh ủy Gia Lai sơ kết việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
    findings = find_mentions(AnalysedText.plain(text), registry, [2017])
    assert [m.directive_id for m in findings.mentions] == ["05-CT/TW"]
    assert [f.code for f in findings.findings] == ["directives.local_read_as_central"]


def test_a_linked_document_is_not_the_main_one(registry):
    from generator.directives import rank_documents

    text = "Đánh giá 1 năm thực hiện Hướng dẫn 09, ngày 02-3-2012 của Ban Tổ chức Trung ương, gắn với thực hiện Chỉ thị 03-CT/TW."
    found = find_mentions(AnalysedText.plain(text), registry, [2013])
    refs = rank_documents(found.mentions, found.folded, 0, len(text), registry)
    assert [r.id for r in refs] == ["09-HD/BTCTW", "03-CT/TW"]


@pytest.mark.parametrize(
    "text",
    [
        "Ban Thường vụ Tỉnh ủy sơ kết 2 năm thực hiện Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”.",
        'Tiep tuc thuc hien cuoc van dong "hoc tap va lam theo tam guong dao duc Ho Chi Minh" trong nam 2009.',
    ],
)
def test_the_campaign_named_without_a_number_is_06_ct_tw_and_flagged(registry, text):
    findings = find_mentions(AnalysedText.plain(text), registry, [2009])
    assert [m.directive_id for m in findings.mentions] == ["06-CT/TW"]
    assert [(f.code, f.params["document"]) for f in findings.findings] == [("directives.named_without_number", "06-CT/TW")]


def test_the_campaign_named_beside_its_number_is_not_flagged(registry):
    text = "Chỉ thị 06-CT/TW về tổ chức Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”."
    findings = find_mentions(AnalysedText.plain(text), registry, [2009])
    assert [m.directive_id for m in findings.mentions] == ["06-CT/TW", "06-CT/TW"]
    assert findings.findings == []


def test_the_campaign_named_before_its_bare_number_is_not_flagged(registry):
    text = ("Hội nghị sơ kết Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh” "
            "theo Chỉ thị 06 của Bộ Chính trị.")
    findings = find_mentions(AnalysedText.plain(text), registry, [2009])
    assert [m.directive_id for m in findings.mentions] == ["06-CT/TW", "06-CT/TW"]
    assert findings.findings == []


def _found(text: str, registry, years=(2019,)):
    findings = find_mentions(AnalysedText.plain(text), registry, list(years))
    return [m.directive_id for m in findings.mentions if m.directive_id], [f.code for f in findings.findings]


@pytest.mark.parametrize(
    "text, document",
    [
        ("Đoàn công tác kiểm tra việc thực hiện Kết luận số 02 của Bộ Chính trị về kinh tế - xã hội.", "02-KL/TW"),
        ("Hội nghị học tập Chỉ thị 26 của Ban Bí thư.", "26-CT/TW"),
        ("Tỉnh ủy quán triệt Hướng dẫn 12 của Ban Tuyên giáo Trung ương.", "12-HD/BTGTW"),
    ],
)
def test_bare_number_of_a_central_body_not_in_the_registry_is_read_as_its_symbol(registry, text, document):
    ids, codes = _found(text, registry)
    assert ids == [document]
    assert codes == ["directives.bare_read_as_symbol"]


def test_bare_number_of_a_central_body_prefers_the_registry(registry):
    ids, codes = _found("Đề án tổng kết 15 năm thực hiện Nghị quyết (NQ) 32 của Bộ Chính trị (khóa 9) về Hải Phòng.", registry)
    assert (ids, codes) == (["32-NQ/TW"], [])


def test_bare_number_of_a_government_body_is_not_a_party_document(registry):
    ids, _ = _found("Triển khai Nghị quyết 11 của Chính phủ về kiềm chế lạm phát.", registry)
    assert ids == []


def test_symbol_printed_with_the_other_code_of_its_type_is_the_registered_one_on_its_subject(registry):
    ids, codes = _found("Tỉnh ủy ban hành chỉ thị thực hiện Quy định 08-QĐ/TW về trách nhiệm nêu gương của cán bộ, đảng viên.", registry)
    assert (ids, codes) == (["08-QĐi/TW"], ["directives.symbol_variant"])


def test_symbol_printed_with_the_other_code_off_its_subject_stays_as_printed(registry):
    ids, codes = _found("Thực hiện Quy định 08-QĐ/TW về công tác văn thư của cơ quan.", registry)
    assert (ids, codes) == (["08-QĐ/TW"], [])


@pytest.mark.parametrize(
    "text, document",
    [
        ("Sơ kết 10 năm thực hiện Nghị quyết TW7 khóa X về nông nghiệp, nông dân, nông thôn trên địa bàn huyện.", "26-NQ/TW (X)"),
        ("Hội nghị quán triệt Nghị quyết Trung ương 7 khóa XII về “Tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược”.", "26-NQ/TW"),
    ],
)
def test_one_of_a_plenums_several_resolutions_is_known_by_the_subject_that_follows(registry, text, document):
    ids, codes = _found(text, registry, [2018])
    assert (ids, codes) == ([document], [])


def test_a_congress_directive_is_known_by_the_term_of_the_congresses_it_prepares(registry):
    text = "Ban Tổ chức Trung ương đề nghị tỉnh bám sát Chỉ thị số 35, chuẩn bị nhân sự cấp ủy nhiệm kỳ 2020-2025."
    ids, _ = _found(text, registry, [2020, 2025])
    assert ids == ["35-CT/TW"]


@pytest.mark.parametrize(
    "text, years, document",
    [
        # by the date written after the symbol
        ("Thực hiện Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư, huyện rà soát hộ cận nghèo.", [2023], "05-CT/TW (XIII)"),
        ("Hội nghị quán triệt Nghị quyết số 26-NQ/TW ngày 03/11/2022 cho cán bộ chủ chốt các tỉnh ven biển.", [2023], "26-NQ/TW (XIII)"),
        ("Tổng kết 10 năm Chỉ thị số 45-CT/TW ngày 19/5/2015 của Bộ Chính trị tại Sở Ngoại vụ.", [2025], "45-CT/TW (XI)"),
        # by the issuer written after it
        ("Huyện ủy sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Ban Bí thư.", [2024], "05-CT/TW (XIII)"),
        ("Huyện ủy sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.", [2024], "05-CT/TW"),
        # by the term written after it
        ("Sơ kết Nghị quyết số 27-NQ/TW (khóa X) tại Liên hiệp các hội khoa học và kỹ thuật tỉnh.", [2013], "27-NQ/TW (X)"),
        ("Tổng kết 20 năm thực hiện Nghị quyết 23-NQ/TW của Ban Chấp hành Trung ương khóa IX.", [2023], "23-NQ/TW (IX)"),
        ("Quán triệt Nghị quyết số 28-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XI tới lực lượng vũ trang tỉnh.", [2018], "28-NQ/TW (XI)"),
        # by the subject written after it, even where the era points to the homonym
        ("Năm 2025, tỉnh tiếp tục thực hiện Nghị quyết 18-NQ/TW về sắp xếp tổ chức bộ máy tinh gọn.", [2025], "18-NQ/TW"),
        ("Tỉnh ủy học tập Nghị quyết 18-NQ/TW về quản lý và sử dụng đất, làm cơ sở sửa Luật Đất đai.", [2022], "18-NQ/TW (XIII)"),
        ("Sở Nội vụ triển khai Nghị quyết 27-NQ/TW về cải cách chính sách tiền lương.", [2019], "27-NQ/TW"),
        ("Công an tỉnh thực hiện Chỉ thị 36-CT/TW về phòng, chống và kiểm soát ma túy.", [2020], "36-CT/TW (XII)"),
        ("Các tỉnh Tây Nguyên quán triệt Nghị quyết 23-NQ/TW về phát triển vùng Tây Nguyên.", [2023], "23-NQ/TW (XIII)"),
        ("Tọa đàm về Nghị quyết 23-NQ/TW về xây dựng và phát triển văn học, nghệ thuật.", [2023], "23-NQ/TW"),
    ],
)
def test_a_reused_symbol_is_told_apart_by_its_date_term_or_subject(registry, text, years, document):
    ids, codes = _found(text, registry, years)
    assert (ids, codes) == ([document], [])


def test_the_subject_next_to_a_homonym_outweighs_the_other_subject_elsewhere_in_the_text(registry):
    text = ("Chi bộ thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. "
            "Nhiều đảng viên giúp hộ nghèo làm kinh tế, góp phần giảm nghèo bền vững.")
    assert _found(text, registry, [2023]) == (["05-CT/TW"], [])


def test_a_homonym_continued_by_a_document_the_text_names_is_that_document(registry):
    text = "Đảng bộ xã sơ kết Kết luận số 01-KL/TW và Chỉ thị số 05-CT/TW trong năm 2023."
    ids, codes = _found(text, registry, [2023])
    assert (ids, codes) == (["01-KL/TW", "05-CT/TW"], [])


def test_a_homonym_without_any_clue_keeps_its_unsuffixed_id_and_is_flagged(registry):
    # what 05-CT/TW meant before its term-XIII homonym was registered; an editor is told
    findings = find_mentions(AnalysedText.plain("Chi bộ đã học tập Chỉ thị số 05-CT/TW."), registry, [2008])
    assert [(m.directive_id, m.registered) for m in findings.mentions] == [("05-CT/TW", True)]
    assert [(f.code, f.params["document"], f.params["ids"]) for f in findings.findings] == [
        ("directives.ambiguous_symbol", "05-CT/TW", "05-CT/TW (XIII)")]


def test_homonyms_without_an_unsuffixed_entry_and_without_a_clue_stay_the_printed_symbol(registry):
    # 24-NQ/TW of terms XI and XIII are registered, the term-IX one on ethnic affairs is not
    text = "Đoàn kiểm tra việc thực hiện Nghị quyết số 24-NQ/TW về công tác dân tộc tại các huyện vùng cao."
    findings = find_mentions(AnalysedText.plain(text), registry, [])
    assert [(m.directive_id, m.registered) for m in findings.mentions] == [("24-NQ/TW", False)]
    assert [f.code for f in findings.findings] == ["directives.ambiguous_symbol"]


@pytest.mark.parametrize(
    "text, years, document, registered",
    [
        # the registry holds only the term-IX 36-NQ/TW; the term-XII one on the sea economy is not in it
        ("Huyện ven biển quán triệt Nghị quyết số 36-NQ/TW về phát triển bền vững kinh tế biển.", [2019], "36-NQ/TW", False),
        ("Hội nghị tổng kết Nghị quyết 36-NQ/TW về công tác đối với người Việt Nam ở nước ngoài.", [2024], "36-NQ/TW (IX)", True),
    ],
)
def test_a_lone_entry_with_a_term_suffix_is_taken_only_on_a_clue(registry, text, years, document, registered):
    findings = find_mentions(AnalysedText.plain(text), registry, years)
    assert [(m.directive_id, m.registered) for m in findings.mentions] == [(document, registered)]


def test_the_term_written_after_the_next_document_is_that_documents_term(registry):
    text = "Đảng ủy phường quán triệt Chỉ thị 05-CT/TW, Kết luận 21-KL/TW của Ban Chấp hành Trung ương khóa XIII."
    ids, _ = _found(text, registry, [])
    assert ids == ["05-CT/TW", "21-KL/TW"]


def test_the_issuer_written_after_the_next_document_is_that_documents_issuer(registry):
    text = "Chi bộ sinh hoạt chuyên đề về Chỉ thị 05-CT/TW và Quy định 08-QĐi/TW của Ban Chấp hành Trung ương."
    assert _found(text, registry, [])[0] == ["05-CT/TW", "08-QĐi/TW"]
    text = "Chi bộ sinh hoạt chuyên đề về Quy định 08-QĐi/TW và Chỉ thị 05-CT/TW của Ban Bí thư."
    assert _found(text, registry, [])[0] == ["08-QĐi/TW", "05-CT/TW (XIII)"]


def test_the_year_written_after_a_homonym_tells_which_one_it_is(registry):
    text = "Năm 2025, Tỉnh ủy tổng kết Nghị quyết số 18-NQ/TW năm 2017 của Ban Chấp hành Trung ương."
    assert _found(text, registry, [2025]) == (["18-NQ/TW"], [])


def test_a_state_body_named_after_a_party_document_does_not_make_that_document_a_state_one(registry):
    text = "Đoàn công tác kiểm tra việc thực hiện Kết luận số 02 của Bộ Chính trị và Nghị quyết 11 của Chính phủ."
    ids, codes = _found(text, registry, [2011])
    assert (ids, codes) == (["02-KL/TW"], ["directives.bare_read_as_symbol"])


def test_a_local_body_named_after_a_central_document_does_not_make_that_document_local(registry):
    text = "Huyện ủy triển khai Chỉ thị 26 của Ban Bí thư và Kế hoạch 12 của Tỉnh ủy."
    findings = find_mentions(AnalysedText.plain(text), registry, [2019])
    assert [(m.directive_id, m.local_symbol) for m in findings.mentions] == [("26-CT/TW", None), (None, "Kế hoạch 12")]


@pytest.mark.parametrize(
    "text, years",
    [
        ("Tỉnh triển khai Nghị quyết 11 của Chính phủ về kiềm chế lạm phát.", [2008]),
        ("Sở Kế hoạch và Đầu tư thực hiện Nghị quyết 68 của Chính phủ.", [2025]),
        ("Thực hiện Chỉ thị 05 của Thủ tướng Chính phủ về phòng cháy.", [2016]),
        ("Cục Thuế thực hiện Quyết định 12 của Bộ Tài chính.", [2019]),
    ],
)
def test_a_bare_number_issued_by_a_state_body_is_never_a_party_document(registry, text, years):
    assert _found(text, registry, years)[0] == []


def test_a_plenums_resolution_is_known_by_the_subject_that_follows_in_term_xiii(registry):
    text = "Huyện ủy quán triệt Nghị quyết Trung ương 5 khóa XIII về nông nghiệp, nông dân, nông thôn đến năm 2030."
    assert _found(text, registry, [2022]) == (["19-NQ/TW (XIII)"], [])


def test_a_bare_number_of_homonyms_followed_by_another_date_is_not_guessed(registry):
    text = "Đưa CT05 thành việc làm thường xuyên\n\nNgày 12.10.2023, Tỉnh ủy sơ kết Kết luận số 01-KL/TW của Bộ Chính trị."
    ids, codes = _found(text, registry, [2023])
    assert (ids, codes) == (["01-KL/TW"], ["directives.bare_unresolved"])
