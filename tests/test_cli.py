"""The command line, as editors use it."""

import json
import shutil

from generator.cli import main
from tests.conftest import SEED, SOURCES

EXPECTED = {
    "000_f4d9ae87f141ab91": ("Hưng Yên", "03-CT/TW", "2012-01-05", "day"),
    "001_6c6cd01c535d82ba": ("Kiên Giang", "03-CT/TW", "2013-08-23", "day"),
    "002_bd37ec31966b5a35": ("Hà Nam", "05-CT/TW", "2019-01", "month"),
    "003_819d290b6f01cc90": ("Lạng Sơn", "06-CT/TW", None, None),
    "004_a325bf6e288159c8": ("Bình Thuận", "12-NQ/TW", "2012", "year"),
}
KEYS = {"id", "title", "date", "date_precision", "province", "directives", "author", "source", "findings"}


def test_inspect_json_prints_one_object_per_file_and_writes_nothing(capsys, tmp_path):
    before = {p: p.read_bytes() for p in SOURCES.iterdir()}
    assert main(["inspect", "--json", *map(str, SEED.values())]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == list(EXPECTED)
    for record in records:
        assert KEYS <= set(record)
        province, main_directive, date, precision = EXPECTED[record["id"]]
        assert (record["province"], record["directives"][0], record["date"], record["date_precision"]) == (province, main_directive, date, precision)
        assert record["evidence"]["province"]["confidence"] in {"high", "medium"}
    assert {p: p.read_bytes() for p in SOURCES.iterdir()} == before


def test_a_bad_file_is_reported_and_the_others_still_build(tmp_path, capsys):
    source = tmp_path / "src"
    shutil.copytree(SOURCES, source)
    (source / "999_empty.txt").write_bytes(b"")
    (source / "998_cp1258.txt").write_bytes(bytes.fromhex("54 69 D2 6E 68 20 75 D2 79"))
    code = main(["generate", "--source", str(source), "--docs", str(tmp_path / "docs"), "--translations", str(tmp_path / "translations")])
    err = capsys.readouterr().err
    assert code == 1
    assert "999_empty.txt: file is empty" in err and "998_cp1258.txt: not valid UTF-8" in err
    assert len(list((tmp_path / "docs/vi/reports").glob("0*.md"))) == 5


def test_check_lists_reports_that_need_an_editor(capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "003_819d290b6f01cc90.txt: low confidence: date" in out


def test_schema_is_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ReportFrontMatter" and "province" in schema["properties"]


def test_help_explains_every_command(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("build", "generate", "inspect", "check", "serve", "schema", "gazetteer"):
        assert command in out
