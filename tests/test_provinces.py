"""Province: ranked over all evidence; recorded as it was and as it is since July 2025."""

import pytest

from generator.analysis import AnalysedText
from generator.datafiles import load_json
from generator.gazetteer import build_gazetteer_data
from generator.model import Block, CleanedText
from generator.provinces import extract_province


@pytest.mark.parametrize(
    "seed, province, since_2025",
    [
        ("000", "Hưng Yên", "Hưng Yên"),
        ("001", "Kiên Giang", "An Giang"),
        ("002", "Hà Nam", "Ninh Bình"),
        ("003", "Lạng Sơn", "Lạng Sơn"),
        ("004", "Bình Thuận", "Lâm Đồng"),
    ],
)
def test_seed_provinces(seed_reports, seed, province, since_2025):
    value = seed_reports[seed].metadata.province.value
    assert (value.name, value.name_2025) == (province, since_2025)


def cleaned(body: str, title: str | None = None, **extra) -> CleanedText:
    blocks = tuple(Block("paragraph", p) for p in body.split("\n\n"))
    return CleanedText(title_line=title, blocks=blocks, byline=None, source_credit=extra.get("credit"),
                       agency_prefix=extra.get("prefix"))


def province_of(text: CleanedText):
    """The extracted province and the codes of its findings."""
    value, findings = extract_province(text, AnalysedText.of(text))
    return value, [f.code for f in findings]


def test_passing_mention_of_another_province_does_not_win():
    text = ("Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị; đồng chí Bí thư Tỉnh ủy Nghệ An chủ trì. "
            "Đoàn đã học tập kinh nghiệm của tỉnh Hà Tĩnh.\n\nCác huyện Nam Đàn, Đô Lương, Thanh Chương đều triển khai.")
    value, _ = province_of(cleaned(text))
    assert value.value.name == "Nghệ An"


def test_president_ho_chi_minh_is_not_the_city():
    value, codes = province_of(cleaned("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh. Làm theo Hồ Chí Minh."))
    assert value.value is None and codes == ["province.missing"]


def test_newspaper_domain_identifies_the_province():
    value, _ = province_of(cleaned("Hội nghị diễn ra sáng nay.", credit="Theo baoquangninh.vn"))
    assert value.value.name == "Quảng Ninh"


def test_agency_tag_identifies_the_province():
    value, _ = province_of(cleaned("Sáng nay, Tỉnh ủy tổ chức hội nghị.", prefix="BTO"))
    assert value.value.name == "Bình Thuận"


def test_district_names_point_to_their_province():
    value, _ = province_of(cleaned("Huyện ủy Lý Nhân và Huyện ủy Thanh Liêm tổ chức sơ kết; huyện Bình Lục cũng vậy."))
    assert value.value.name == "Hà Nam" and value.value.name_2025 == "Ninh Bình"


def test_conflicting_evidence_is_flagged():
    text = "Tỉnh ủy Hà Nam và Tỉnh ủy Nam Định phối hợp tổ chức hội nghị tại tỉnh Hà Nam và tỉnh Nam Định."
    value, codes = province_of(cleaned(text))
    assert value.value is None and codes == ["province.contested", "province.weak"]


def test_committed_gazetteer_matches_the_installed_package():
    """data/gazetteer.json is generated from vietnamadminunits; regenerate with `python -m generator gazetteer`."""
    assert load_json("gazetteer.json") == build_gazetteer_data()


def test_gazetteer_has_63_legacy_and_34_current_provinces():
    provinces = load_json("gazetteer.json")["provinces"]
    assert len(provinces) == 63 and len({p["code_2025"] for p in provinces}) == 34


@pytest.mark.parametrize(
    "written, name",
    [("Thừa Thiên-Huế", "Huế"), ("Thừa Thiên – Huế", "Huế"), ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu")],
)
def test_a_hyphenated_name_is_found_however_the_dash_is_spaced(written, name):
    province, _ = province_of(cleaned(f"Tỉnh ủy {written} tổ chức hội nghị sơ kết."))
    assert province.value.name == name


def test_a_spelling_that_is_both_name_and_alias_counts_once():
    province, _ = province_of(cleaned("Tỉnh ủy Bà Rịa-Vũng Tàu tổ chức hội nghị sơ kết."))
    assert province.value.name == "Bà Rịa - Vũng Tàu" and province.confidence.value == "medium"


def test_a_title_opening_with_a_province_and_a_colon_names_it_even_when_it_is_a_common_word():
    body = cleaned("Ban Thường vụ tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW; hòa bình và ổn định được giữ vững.",
                   title="Hòa Bình: Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW")
    province, _ = province_of(body)
    assert province.value.name == "Hòa Bình"


# ---- How real pages name their province (fixtures written by us in the shape of real pages) ----

def _province(metadata):
    return metadata.province.value.name if metadata.province.value else None


@pytest.mark.parametrize(
    "page, province",
    [
        ("Học tập và làm theo Bác ở cơ sở\n(Baothanhhoa.vn) - Sáng nay, Ban Thường vụ Huyện ủy tổ chức sơ kết Chỉ thị 05-CT/TW.\n"
         "Hội nghị biểu dương nhiều tập thể tiêu biểu.", "Thanh Hóa"),
        ("Sơ kết Chỉ thị 05\n(GLO)- Sáng 12-3, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW của Bộ Chính trị.\n"
         "Các chi bộ báo cáo kết quả.", "Gia Lai"),
        ("Sơ kết Chỉ thị 05\nQNO - Chiều 12-3, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW của Bộ Chính trị.\n"
         "Các chi bộ báo cáo kết quả.", "Quảng Nam"),
        ("Hội nghị quán triệt Kết luận 01\nSáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt Kết luận 01-KL/TW.\n"
         "Theo Báo Thái Bình", "Thái Bình"),
    ],
)
def test_an_outlets_mark_or_name_tells_the_province(page_metadata, page, province):
    assert _province(page_metadata(page)) == province


def test_a_city_committee_with_its_districts_is_that_city(page_metadata):
    metadata = page_metadata(
        "Thành ủy sơ kết Chỉ thị 05\nSáng 12-3, Ban Thường vụ Thành ủy tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW.\n"
        "Các quận Ngô Quyền, Lê Chân, Hồng Bàng và huyện Thủy Nguyên có nhiều mô hình hay.")
    assert _province(metadata) == "Hải Phòng"


def test_a_landmark_used_as_a_place_name_tells_the_province(page_metadata):
    metadata = page_metadata(
        "Về nguồn tại ATK\nĐoàn cán bộ trẻ của Ban Thường vụ Tỉnh ủy về thăm ATK Chợ Đồn, học tập và làm theo Bác.\n"
        "Các đoàn viên dâng hương tưởng niệm.")
    assert _province(metadata) == "Bắc Kạn"


def test_a_text_that_only_says_the_province_gives_none(page_metadata):
    metadata = page_metadata(
        "Sơ kết Chỉ thị 05\nSáng 12-3, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết Chỉ thị 05-CT/TW của Bộ Chính trị.\n"
        "Toàn tỉnh có 120 tập thể được khen thưởng.")
    assert _province(metadata) is None and "province.missing" in [f.code for f in metadata.findings]
