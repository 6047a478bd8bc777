"""Every pattern family matches the examples written beside it in patterns.yaml, and no other."""


import pytest

from generator.datafiles import DataFileError, load_yaml
from generator.patterns import compile_patterns, patterns
from generator.textnorm import fold_keep_length
from generator.vocabulary import load_vocabulary

FAMILIES = patterns().specs


def _cases(kind: str) -> list[tuple[str, str]]:
    return [(name, example) for name, spec in FAMILIES.items() for example in getattr(spec, kind)]


@pytest.mark.parametrize("name, example", _cases("examples"), ids=lambda v: v if isinstance(v, str) else None)
def test_each_family_finds_its_examples(name, example):
    pats = patterns()
    assert getattr(pats, name).search(pats.form(name, example)), f"{name}: {example!r}"


@pytest.mark.parametrize("name, example", _cases("not_examples"), ids=lambda v: v if isinstance(v, str) else None)
def test_each_family_refuses_its_counter_examples(name, example):
    pats = patterns()
    assert not getattr(pats, name).search(pats.form(name, example)), f"{name}: {example!r}"


def test_every_family_has_examples():
    assert [name for name, spec in FAMILIES.items() if not spec.examples] == []


def test_a_placeholder_that_names_nothing_is_an_error_naming_the_family():
    data = load_yaml("patterns.yaml")
    broken = {**data, "patterns": {**data["patterns"], "year": {"regex": "{{centuries}}\\d{2}", "examples": ["1998"]}}}
    with pytest.raises(DataFileError, match=r"patterns.yaml: year: unknown placeholder \{\{centuries\}\}"):
        compile_patterns(broken, load_vocabulary())


def test_an_invalid_regex_is_an_error_naming_the_family():
    data = load_yaml("patterns.yaml")
    broken = {**data, "patterns": {**data["patterns"], "month": {"regex": "thang (\\d", "examples": ["tháng 1"]}}}
    with pytest.raises(DataFileError, match="patterns.yaml: month: not a valid regex"):
        compile_patterns(broken, load_vocabulary())


def test_a_missing_family_is_an_error():
    data = load_yaml("patterns.yaml")
    broken = {**data, "patterns": {k: v for k, v in data["patterns"].items() if k != "symbol"}}
    with pytest.raises(DataFileError, match=r"families missing: \['symbol'\]"):
        compile_patterns(broken, load_vocabulary())


def test_a_space_in_a_vocabulary_word_matches_any_whitespace():
    assert patterns().central_issuer_after.match(fold_keep_length(" của  Bộ\nChính   trị"))


def test_no_other_module_writes_a_date_or_a_symbol_pattern_of_its_own():
    """The d/m/yyyy and NN-XX/YY families live in patterns.yaml only (issue: one vocabulary)."""
    from tests.conftest import ROOT

    offenders = []
    for path in sorted((ROOT / "generator").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for needle in (r"(?:19|20)\d{2}", r"\d{1,2}\s*[/.-]\s*\d{1,2}", "khoa\\s*", "ct|nq|kl"):
            if needle in source:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []
