"""Findings: typed doubts with stable codes; their words come from one catalogue, in both languages."""

import re

import pytest

from generator.datafiles import DataFileError
from generator.findings import (
    Finding,
    catalogue,
    parse_catalogue,
    unique_findings,
    without_fields,
)
from tests.conftest import ROOT

CODE = re.compile(r"""["']((?:text|title|date|province|directives|author|source|sidecar|translation)\.[a-z0-9_]+)(?<!\.yaml)["']""")


def _codes_in_the_code() -> set[str]:
    return {m.group(1) for path in (ROOT / "generator").glob("*.py") for m in CODE.finditer(path.read_text(encoding="utf-8"))}


def test_every_code_the_extractors_use_has_a_message_and_every_message_is_used():
    assert _codes_in_the_code() == set(catalogue().entries)


def test_a_message_reads_in_the_language_of_its_side():
    finding = Finding("date", "date.no_year_from_header", {"shown": "Sáng 23-8", "year": 2013, "header": "Thứ hai, 26/08/2013"})
    assert finding.message("en") == "“Sáng 23-8” has no year; year 2013 taken from page header 'Thứ hai, 26/08/2013'"
    assert finding.message("vi").startswith("“Sáng 23-8” không ghi năm; lấy năm 2013")


def test_a_finding_without_the_parameters_of_its_message_is_refused():
    with pytest.raises(KeyError, match=r"date.no_year_from_header: missing parameters \['header'\]"):
        Finding("date", "date.no_year_from_header", {"shown": "Sáng 23-8", "year": 2013}).message("en")


def test_a_catalogue_entry_whose_languages_disagree_on_parameters_is_an_error():
    with pytest.raises(DataFileError, match=r"findings.yaml: code date.x: .*vi and en must use the same parameters"):
        parse_catalogue({"date.x": {"field": "date", "en": "{year} taken", "vi": "lấy năm"}})


def test_a_code_must_start_with_its_field():
    with pytest.raises(DataFileError, match=r"code province.x: must start with its field \(date.\)"):
        parse_catalogue({"province.x": {"field": "date", "en": "x", "vi": "x"}})


def test_the_same_doubt_found_twice_is_said_once_and_an_editors_field_clears_its_own():
    twice = [Finding("province", "province.missing"), Finding("date", "date.missing"), Finding("province", "province.missing")]
    assert [f.code for f in unique_findings(twice)] == ["province.missing", "date.missing"]
    assert [f.code for f in without_fields(tuple(twice), {"province"})] == ["date.missing"]


def test_inspect_records_carry_field_code_and_message():
    record = Finding("province", "province.weak", {"province": "Hà Nam", "score": 2.5}).as_record()
    assert record == {"field": "province", "code": "province.weak", "params": {"province": "Hà Nam", "score": 2.5},
                      "message": "evidence too weak for Hà Nam (score 2.5); left for an editor"}
