"""Reading raw files: any common encoding accident is repaired; anything else is a clear error."""

import os
import shutil
import threading
import unicodedata
from pathlib import Path

import pytest

from generator.findings import Finding
from generator.model import RawReport, ReportError
from generator.pipeline import process_corpus
from generator.reading import find_reports, read_report

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT / "source_reports" / "000_f4d9ae87f141ab91.txt"

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


# --- only regular files from inside the corpus -------------------------------------------------

def refusal(path: Path) -> str:
    with pytest.raises(ReportError) as err:
        read_report(path)
    assert str(path) in str(err.value)
    return err.value.reason


def test_symlink_to_a_system_file_is_refused_and_not_followed(tmp_path):
    link = tmp_path / "passwd.txt"
    link.symlink_to("/etc/passwd")
    assert "symbolic link" in refusal(link) and "/etc/passwd" in refusal(link)


def test_symlink_to_another_report_is_refused(tmp_path):
    target = write(tmp_path, "r1.txt", TEXT.encode())
    (tmp_path / "r2.txt").symlink_to(target)
    assert "symbolic link" in refusal(tmp_path / "r2.txt")


def test_dangling_symlink_is_refused_with_a_clear_reason(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    reason = refusal(link)
    assert "symbolic link" in reason and "does not exist" in reason


def test_named_pipe_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []
    worker = threading.Thread(target=lambda: outcome.append(refusal(fifo)), daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "reading a FIFO must not block"
    assert "named pipe" in outcome[0]


def test_folder_named_like_a_report_is_refused(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    assert "folder" in refusal(tmp_path / "folder.txt")


def test_device_is_refused(tmp_path):
    assert "device" in refusal(Path("/dev/null"))


def test_missing_file_is_refused(tmp_path):
    assert "does not exist" in refusal(tmp_path / "absent.txt")


def test_find_reports_lists_odd_entries_for_refusal_and_skips_hidden_files(tmp_path):
    write(tmp_path, "a.txt", TEXT.encode())
    write(tmp_path, "notes.yaml", b"title: x\n")
    (tmp_path / "b.txt").symlink_to("/etc/passwd")
    (tmp_path / "c.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "d.txt").mkdir()
    os.mkfifo(tmp_path / "e.txt")
    (tmp_path / ".#a.txt").symlink_to("editor@host.1234")  # an editor's lock file
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "deep.txt", TEXT.encode())
    assert [p.name for p in find_reports(tmp_path)] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]
    assert find_reports(tmp_path / "missing") == []


def test_a_bad_file_never_stops_the_others(tmp_path):
    shutil.copy(SEED_REPORT, tmp_path / "good.txt")
    (tmp_path / "link.txt").symlink_to("/etc/passwd")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "dir.txt").mkdir()
    corpus = process_corpus(find_reports(tmp_path))
    assert [r.id for r in corpus.reports] == ["good"]
    assert sorted(e.path.name for e in corpus.errors) == ["dangling.txt", "dir.txt", "fifo.txt", "link.txt"]
