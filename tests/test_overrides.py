"""Editors' sidecars win over extraction, survive every rebuild, and are never written by the program."""

import shutil
from pathlib import Path

import pytest
import yaml

from generator.model import ReportError
from generator.pipeline import process_report
from tests.conftest import SEED


@pytest.fixture
def lang_son(tmp_path: Path) -> Path:
    target = tmp_path / SEED["003"].name
    shutil.copy2(SEED["003"], target)
    return target


def test_editor_fields_replace_extracted_values_and_are_recorded(lang_son, registry):
    sidecar = lang_son.with_suffix(".yaml")
    sidecar.write_text('date: "2011"\ndate_note: Sau 4 năm thực hiện Cuộc vận động (từ 2007).\nauthor: Minh Quân (Báo Lạng Sơn)\n', encoding="utf-8")
    report = process_report(lang_son, registry)
    assert report.metadata.date.value.iso == "2011" and report.metadata.date.value.precision == "year"
    assert report.metadata.date.source == "editor"
    assert report.metadata.author.value == "Minh Quân (Báo Lạng Sơn)"
    assert report.editor_fields == ("date", "author", "date_note")
    assert [f.code for f in report.metadata.findings if f.field == "date"] == []


def test_the_original_url_and_the_day_it_was_saved_are_kept(lang_son, registry):
    lang_son.with_suffix(".yaml").write_text("url: https://baolangson.vn/bon-nam-cuoc-van-dong.html\nretrieved: 2024-03-02\n", encoding="utf-8")
    report = process_report(lang_son, registry)
    assert (report.url, report.retrieved) == ("https://baolangson.vn/bon-nam-cuoc-van-dong.html", "2024-03-02")
    assert report.editor_fields == ("url", "retrieved")


def test_directives_can_be_corrected(lang_son, registry):
    lang_son.with_suffix(".yaml").write_text("implements: [06-CT/TW]\ncites: [03-CT/TW]\n", encoding="utf-8")
    metadata = process_report(lang_son, registry).metadata
    assert metadata.implements == ("06-CT/TW",) and metadata.cites == ("03-CT/TW",)


@pytest.mark.parametrize(
    "content, message",
    [
        ("date: 27/06/2022\n", "field 'date'"),
        ("provinse: Lạng Sơn\n", "field 'provinse'"),
        ("province: Xứ Lạng\n", "field 'province'"),
        ("implements: [Chỉ thị về học tập]\n", "field 'implements'"),
        ("date: [\n", "not valid YAML"),
        ("url: baolangson.vn/bai-viet.html\n", "field 'url'"),
        ("url: ftp://baolangson.vn/bai-viet.html\n", "field 'url'"),
        ("url: https://baolangson.vn/bài viết.html\n", "field 'url'"),
        ("retrieved: 2024-02-30\n", "day is out of range for month"),
        ('retrieved: "2024-03"\n', "field 'retrieved'"),
        ("retrieved: 2098-01-01\n", "2098-01-01 is in the future"),
    ],
)
def test_bad_sidecar_is_an_error_naming_file_and_field(lang_son, registry, content, message):
    sidecar = lang_son.with_suffix(".yaml")
    sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        process_report(lang_son, registry)
    assert str(sidecar) in str(err.value) and message in str(err.value)


def test_overrides_survive_a_rebuild_and_the_sidecar_is_untouched(tmp_path):
    from generator.cli import main
    from tests.conftest import copy_project, project_args

    project = copy_project(tmp_path / "p")
    sidecar = project / "source_reports" / "003_819d290b6f01cc90.yaml"
    text = 'date: "2011"\ntitle_en: "Party Committee of the Provincial Party Office: four years of the campaign"\n'
    sidecar.write_text(text, encoding="utf-8")
    args = project_args(project, "generate")
    for _ in range(2):
        assert main(args) == 0
    page = (project / "docs/en/reports/003_819d290b6f01cc90.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(page.split("---\n")[1])
    assert meta["date"] == "2011" and meta["editor_fields"] == ["date", "title_en"]
    assert meta["title"] == "Party Committee of the Provincial Party Office: four years of the campaign"
    assert sidecar.read_text(encoding="utf-8") == text


def test_an_editors_province_clears_the_doubt_about_the_province(tmp_path, registry):
    raw = tmp_path / "so-ket-05.txt"
    raw.write_text("Sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW\n\nSáng 12/3/2019, Ban Thường vụ tổ chức hội nghị sơ kết việc "
                   "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n\nCác chi bộ đều có chuyên đề riêng.\n", encoding="utf-8")
    extracted = process_report(raw, registry).metadata
    assert extracted.province.value is None and [f.code for f in extracted.findings if f.field == "province"] == ["province.missing"]
    raw.with_suffix(".yaml").write_text("province: Hà Nam\n", encoding="utf-8")
    report = process_report(raw, registry)
    assert report.metadata.province.value.name == "Hà Nam" and report.editor_fields == ("province",)
    assert [f for f in report.metadata.findings if f.field == "province"] == []


@pytest.mark.parametrize(
    "content, field, message",
    [
        ("author: Minh Quân\nauthor: Thanh Huyền\n", "author", "found the key 'author' twice"),
        ("implements: [99-CT/TW]\n", "implements", "'99-CT/TW' looks like a document symbol but is not in the registry"),
        ("cites: [06-CT/TW, 45-CT/TU]\n", "cites", "'45-CT/TU' looks like a document symbol but is not in the registry"),
        ("tac_gia: Minh Quân\n", "tac_gia", "is not a sidecar field"),
        ("provinse: Lạng Sơn\n", "provinse", "did you mean 'province'?"),
        ('title: "Bốn năm\\vthực hiện"\n', "title", "control character U+000B"),
        ('author: "Minh\\eQuân"\n', "author", "control character U+001B"),
    ],
)
def test_a_sidecar_mistake_is_an_error_naming_the_file_and_the_field(lang_son, registry, content, field, message):
    sidecar = lang_son.with_suffix(".yaml")
    sidecar.write_text(content, encoding="utf-8")
    with pytest.raises(ReportError) as err:
        process_report(lang_son, registry)
    assert str(err.value).startswith(f"{sidecar}:") and field in str(err.value) and message in str(err.value)


def test_a_document_the_text_names_may_be_kept_though_the_registry_does_not_know_it(tmp_path, registry):
    raw = tmp_path / "ha-nam-ket-luan-77.txt"
    raw.write_text("Hà Nam sơ kết Kết luận 77-KL/TW\n\nSáng 12/3/2019, Ban Thường vụ Tỉnh ủy Hà Nam tổ chức hội nghị sơ kết 3 năm "
                   "thực hiện Kết luận số 77-KL/TW của Bộ Chính trị về công tác cán bộ.\n\nCác chi bộ đều có chuyên đề riêng.\n", encoding="utf-8")
    assert registry.get("77-KL/TW") is None
    raw.with_suffix(".yaml").write_text("implements: [77-KL/TW]\ncites: [05-CT/TW]\n", encoding="utf-8")
    metadata = process_report(raw, registry).metadata
    assert (metadata.implements, metadata.cites) == (("77-KL/TW",), ("05-CT/TW",))


def test_a_sidecar_that_is_a_link_is_refused_without_being_read(lang_son, registry, tmp_path):
    secret = tmp_path / "outside.yaml"
    secret.write_text("author: ngoài kho lưu trữ\n", encoding="utf-8")
    lang_son.with_suffix(".yaml").symlink_to(secret)
    with pytest.raises(ReportError, match="symbolic link"):
        process_report(lang_son, registry)


def test_line_breaks_in_a_sidecar_value_are_one_space(lang_son, registry):
    lang_son.with_suffix(".yaml").write_text("title: |\n  Đảng bộ Văn phòng Tỉnh uỷ:\n  ```\n  bốn năm\nnote: >\n  Sửa theo\n\n  bản in.\n", encoding="utf-8")
    report = process_report(lang_son, registry)
    assert report.metadata.title.value == "Đảng bộ Văn phòng Tỉnh uỷ: ``` bốn năm" and report.editor_note == "Sửa theo bản in."


def test_a_sidecar_beside_an_empty_raw_file_is_named_in_the_error(tmp_path, registry):
    raw = tmp_path / "005_rong.txt"
    raw.write_bytes(b"")
    raw.with_suffix(".yaml").write_text("author: Minh Quân\n", encoding="utf-8")
    with pytest.raises(ReportError, match="its sidecar 005_rong.yaml is not applied until the report can be read"):
        process_report(raw, registry)
