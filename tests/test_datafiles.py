"""Every data file is validated when it is loaded: an error names the file, the entry and the field."""

from pathlib import Path

import pytest

from generator import (
    cleaning,
    datapackage,
    evaluation,
    findings,
    gazetteer,
    glossary,
    map_geometry,
    outlets,
    patterns,
    pictures,
    provinces,
    registry,
    rendering,
    vocabulary,
)
from generator.datafiles import DataFileError, load_yaml, parse_yaml, validated

DATA = Path(__file__).resolve().parent.parent / "generator" / "data"

# data file -> the loader that validates it
LOADERS = {
    "boilerplate.yaml": cleaning.boilerplate_rules,
    "dataset.yaml": datapackage.load_dataset,
    "directives.yaml": registry.load_registry,
    "findings.yaml": findings.catalogue,
    "gazetteer.json": gazetteer.load_gazetteer,
    "glossary.yaml": glossary.load_glossary,
    "issuers.yaml": registry.load_registry,
    "labels.yaml": rendering.page_labels,
    "map_geometry.json": map_geometry.load_map_geometry,
    "outlets.yaml": outlets.load_outlets,
    "patterns.yaml": patterns.patterns,
    "pictures.yaml": pictures.picture_style,
    "province_clues.yaml": provinces.province_matcher,
    "provinces_en.yaml": gazetteer.build_gazetteer_data,
    "vocabulary.yaml": vocabulary.load_vocabulary,
}


def test_every_data_file_has_a_validating_loader():
    assert sorted(p.name for p in DATA.iterdir() if p.is_file()) == sorted(LOADERS)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_data_file_loads(name):
    LOADERS[name]()


def test_a_key_given_twice_is_an_error():
    with pytest.raises(Exception, match="found the key 'author' twice"):
        parse_yaml("author: Minh Quân\nauthor: Thu Thảo\n")


def test_a_boilerplate_pattern_that_does_not_compile_names_its_entry():
    data = load_yaml("boilerplate.yaml")
    broken = {**data, "drop_lines": [*data["drop_lines"], {"pattern": "^(anh minh hoa", "examples": ["Ảnh"]}]}
    with pytest.raises(DataFileError, match=r"boilerplate.yaml: entry: field 'drop_lines.[0-9]+.pattern': .*not a valid regex"):
        validated("boilerplate.yaml", cleaning.BoilerplateFile, broken)


def test_a_chrome_pattern_may_not_name_groups_since_they_are_searched_as_one():
    data = load_yaml("boilerplate.yaml")
    named = {**data, "drop_lines": [*data["drop_lines"], {"pattern": "^(?P<x>in bai)$", "examples": ["In bài"]}]}
    with pytest.raises(DataFileError, match="may not name groups"):
        validated("boilerplate.yaml", cleaning.BoilerplateFile, named)


def test_a_province_clue_naming_no_province_is_an_error():
    clues = provinces.ProvinceClues.model_validate({**load_yaml("province_clues.yaml"), "aliases": {"Thanh Ha": "Thanh Hà"}})
    with pytest.raises(DataFileError, match="province_clues.yaml: aliases: Thanh Ha: 'Thanh Hà' is not a province"):
        clues.check_provinces(gazetteer.load_gazetteer())


def test_page_labels_must_have_the_same_keys_in_both_languages(monkeypatch):
    data = load_yaml("labels.yaml")
    monkeypatch.setattr(rendering, "load_yaml", lambda name: {"vi": data["vi"], "en": {k: v for k, v in data["en"].items() if k != "cite"}})
    rendering.page_labels.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"labels.yaml: en: keys differ from vi: missing \['cite'\]"):
            rendering.page_labels()
    finally:
        rendering.page_labels.cache_clear()


def test_a_glossary_term_without_english_names_the_field():
    with pytest.raises(DataFileError, match=r"glossary.yaml: entry: field 'terms.0.en': Field required"):
        validated("glossary.yaml", glossary.GlossaryFile, {"terms": [{"vi": "Tỉnh ủy"}]})


def test_a_registry_entry_with_an_unknown_term_names_the_entry_and_field():
    entries = [{**load_yaml("directives.yaml")[0], "term": "XX"}]
    with pytest.raises(DataFileError, match=r"directives.yaml: entry 06-CT/TW: term: Value error, 'XX' is not a Party Congress term"):
        registry.parse_registry(entries, load_yaml("issuers.yaml"))


def test_a_vocabulary_without_a_field_names_it():
    data = {k: v for k, v in load_yaml("vocabulary.yaml").items() if k != "terms"}
    with pytest.raises(DataFileError, match=r"vocabulary.yaml: vocabulary: field 'terms': Field required"):
        vocabulary.parse_vocabulary(data)


def test_a_central_body_named_after_a_bare_number_must_belong_to_one_issuer():
    data = load_yaml("vocabulary.yaml")
    data["context"] = {**data["context"], "central_issuer_after": [*data["context"]["central_issuer_after"], "văn phòng trung ương"]}
    with pytest.raises(DataFileError, match="central_issuer_after must list each central issuer's `bodies` once"):
        vocabulary.parse_vocabulary(data)


def test_corpus_labels_name_the_report_and_the_field(tmp_path):
    (tmp_path / "labels.yaml").write_text('r1: {province: Hà Nam, date: "2019-05", precision: day, main: 05-CT/TW}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"labels.yaml: report r1: .*precision 'day' does not fit date '2019-05'"):
        evaluation.read_labels(tmp_path / "labels.yaml")


def test_the_data_dictionary_must_name_every_csv_column_in_order(monkeypatch):
    data = load_yaml("dataset.yaml")
    shortened = {**data, "fields": {**data["fields"], "reports": data["fields"]["reports"][:-1]}}
    monkeypatch.setattr(datapackage, "validated", lambda name, model: validated(name, model, shortened))
    datapackage.load_dataset.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"dataset.yaml: fields.reports must name the CSV columns in order: id, url"):
            datapackage.load_dataset()
    finally:
        datapackage.load_dataset.cache_clear()
