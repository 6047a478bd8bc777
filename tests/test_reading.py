"""Reading raw files: any common encoding accident is repaired; anything else is a clear error."""

import unicodedata
from pathlib import Path

import pytest

from generator.findings import Finding
from generator.model import RawReport, ReportError
from generator.reading import read_report

TEXT = "Sáng 23-8, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban việc thực hiện Chỉ thị số 03-CT/TW."


def codes(raw: RawReport) -> list[str]:
    return [note.code for note in raw.notes]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_plain_utf8_is_read_as_is(tmp_path):
    raw = read_report(write(tmp_path, "r1.txt", TEXT.encode()))
    assert raw.text == TEXT and raw.notes == () and raw.id == "r1"


def test_byte_order_mark_is_removed(tmp_path):
    raw = read_report(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + TEXT.encode()))
    assert raw.text == TEXT
    assert codes(raw) == ["text.bom_removed"]


def test_crlf_becomes_lf(tmp_path):
    raw = read_report(write(tmp_path, "crlf.txt", "Tiêu đề\r\n\r\nNội dung.\r\n".encode()))
    assert "\r" not in raw.text and raw.text.startswith("Tiêu đề\n\nNội dung.")


def test_decomposed_text_is_normalised_to_nfc(tmp_path):
    raw = read_report(write(tmp_path, "nfd.txt", unicodedata.normalize("NFD", TEXT).encode()))
    assert raw.text == TEXT
    assert "text.nfd_normalised" in codes(raw)


def test_latin_eth_used_for_d_with_stroke_is_fixed(tmp_path):
    raw = read_report(write(tmp_path, "eth.txt", "Trung ương \u00d0ảng".encode()))
    assert raw.text == "Trung ương Đảng"


def test_utf8_read_as_cp1252_is_repaired(tmp_path):
    mojibake = TEXT.encode("utf-8").decode("cp1252", errors="replace")
    raw = read_report(write(tmp_path, "moji.txt", mojibake.encode("utf-8")))
    assert "Tỉnh ủy" in raw.text


def test_empty_file_is_an_error_naming_the_file(tmp_path):
    path = write(tmp_path, "empty.txt", b"  \n\n ")
    with pytest.raises(ReportError) as err:
        read_report(path)
    assert str(path) in str(err.value) and "empty" in str(err.value)


def test_undecodable_file_is_an_error_naming_file_and_reason(tmp_path):
    cp1258 = bytes.fromhex("54 69 D2 6E 68 20 75 D2 79")  # "Tỉnh ủy" in Windows-1258
    path = write(tmp_path, "legacy.txt", cp1258)
    with pytest.raises(ReportError) as err:
        read_report(path)
    assert str(path) in str(err.value) and "not valid UTF-8" in str(err.value)


def test_file_name_that_cannot_be_a_url_is_refused(tmp_path):
    with pytest.raises(ReportError, match="permanent URL"):
        read_report(write(tmp_path, "báo cáo 1.txt", TEXT.encode()))


def test_raw_file_is_never_modified(tmp_path):
    data = b"\xef\xbb\xbf" + TEXT.encode() + b"\r\n"
    path = write(tmp_path, "keep.txt", data)
    read_report(path)
    assert path.read_bytes() == data


def test_every_note_is_a_text_finding_with_a_message_in_both_languages(tmp_path):
    raw = read_report(write(tmp_path, "all.txt", b"\xef\xbb\xbf" + unicodedata.normalize("NFD", TEXT).encode() + b"\r\n"))
    assert codes(raw) == ["text.bom_removed", "text.crlf_converted", "text.nfd_normalised"]
    for note in raw.notes:
        assert isinstance(note, Finding) and note.field == "text"
        assert note.message("vi") and note.message("en")
