"""The command line, as editors use it."""

import json
import shutil

import pytest

from generator.cli import COMMANDS, main, readme_commands
from tests.conftest import ROOT, SEED, SOURCES

EXPECTED = {
    "000_f4d9ae87f141ab91": ("Hưng Yên", "03-CT/TW", "2012-01-05", "day"),
    "001_6c6cd01c535d82ba": ("Kiên Giang", "03-CT/TW", "2013-08-23", "day"),
    "002_bd37ec31966b5a35": ("Hà Nam", "05-CT/TW", "2019-01", "month"),
    "003_819d290b6f01cc90": ("Lạng Sơn", "06-CT/TW", "2010", "year"),
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


def test_check_groups_the_reports_by_field_and_code(capsys):
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "date [date.header_too_late] (1): e.g. the only full date is the page header" in out
    assert out.index("date [") < out.index("directives [") < out.index("title [")  # grouped by field
    assert "source_reports/000_f4d9ae87f141ab91.txt: low confidence: title" in out


def test_schema_is_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ReportFrontMatter" and "findings" in schema["properties"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_written_for_people(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert COMMANDS[command][0] in " ".join(out.split())  # its description, as the README shows it
    assert f"python -m generator {command}" in out


def test_the_readme_lists_every_command_as_the_parser_describes_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_commands() in readme, "regenerate README's command list: python -c 'from generator.cli import readme_commands; print(readme_commands())'"
