"""The directive registry: validated data, right facts, lineage."""

import datetime as dt

import pytest

from generator.datafiles import load_yaml
from generator.registry import RegistryError, parse_registry

ISSUERS = load_yaml("issuers.yaml")


@pytest.mark.parametrize(
    "doc_id, date, issuer, term",
    [
        ("06-CT/TW", dt.date(2006, 11, 7), "BCT", "X"),
        ("03-CT/TW", dt.date(2011, 5, 14), "BCT", "XI"),
        ("03-KH/TW (XI)", dt.date(2011, 7, 1), "BBT", "XI"),
        ("05-CT/TW", dt.date(2016, 5, 15), "BCT", "XII"),
        ("01-KL/TW", dt.date(2021, 5, 18), "BCT", "XIII"),
        ("12-NQ/TW", dt.date(2012, 1, 16), "BCHTW", "XI"),
        ("04-NQ/TW", dt.date(2016, 10, 30), "BCHTW", "XII"),
        ("21-KL/TW", dt.date(2021, 10, 25), "BCHTW", "XIII"),
        ("08-QĐi/TW", dt.date(2018, 10, 25), "BCHTW", "XII"),
        ("101-QĐ/TW", dt.date(2012, 6, 7), "BBT", "XI"),
        ("09-HD/BTCTW", dt.date(2012, 3, 2), "BTCTW", "XI"),
    ],
)
def test_reference_facts(registry, doc_id, date, issuer, term):
    d = registry.get(doc_id)
    assert (d.date, d.issuer, d.term) == (date, issuer, term)


def test_unconfirmed_dates_are_left_empty(registry):
    assert registry.get("03-KH/TW (XII)").date is None
    assert registry.get("39-NQ/TW (XI)").date is None  # one news agency's 07/4/2015, seen nowhere else


def test_campaign_lineage(registry):
    assert registry.get("03-CT/TW").continues == "06-CT/TW"
    assert registry.get("05-CT/TW").continues == "03-CT/TW"
    assert registry.get("01-KL/TW").continues == "05-CT/TW"
    assert [d.id for d in registry.implemented_by("03-CT/TW")] == ["03-KH/TW (XI)"]


def test_plenum_resolutions_are_entries(registry):
    assert [d.id for d in registry.by_plenum(4, "XI")] == ["12-NQ/TW"]
    assert [d.id for d in registry.by_plenum(4, "XII")] == ["04-NQ/TW"]


def test_invalid_entry_names_entry_and_field():
    with pytest.raises(RegistryError, match=r"entry 99-CT/TW: date: "):
        parse_registry([{"id": "99-CT/TW", "symbol": "99-CT/TW", "type": "Chỉ thị", "issuer": "BCT", "term": "XI", "date": "14/05/2011x"}], ISSUERS)


def test_unknown_issuer_is_an_error():
    with pytest.raises(RegistryError, match="issuer 'XYZ'"):
        parse_registry([{"id": "99-CT/TW", "symbol": "99-CT/TW", "type": "Chỉ thị", "issuer": "XYZ", "term": "XI"}], ISSUERS)


def test_relation_to_a_missing_entry_is_an_error():
    with pytest.raises(RegistryError, match="continues '98-CT/TW'"):
        parse_registry([{"id": "99-CT/TW", "symbol": "99-CT/TW", "type": "Chỉ thị", "issuer": "BCT", "term": "XI", "continues": "98-CT/TW"}], ISSUERS)


def test_duplicate_ids_are_an_error():
    entry = {"id": "99-CT/TW", "symbol": "99-CT/TW", "type": "Chỉ thị", "issuer": "BCT", "term": "XI"}
    with pytest.raises(RegistryError, match="duplicate ids"):
        parse_registry([entry, entry], ISSUERS)


@pytest.mark.parametrize(
    "doc_id, date, issuer, term, plenum",
    [
        ("05-CT/TW (XIII)", dt.date(2021, 6, 23), "BBT", "XIII", None),
        ("18-NQ/TW (XIII)", dt.date(2022, 6, 16), "BCHTW", "XIII", 5),
        ("29-NQ/TW (XI)", dt.date(2013, 11, 4), "BCHTW", "XI", 8),
        ("29-NQ/TW (XIII)", dt.date(2022, 11, 17), "BCHTW", "XIII", 6),
        ("45-CT/TW (XI)", dt.date(2015, 5, 19), "BCT", "XI", None),
        ("37-QĐ/TW", dt.date(2021, 10, 25), "BCHTW", "XIII", None),
        ("144-QĐ/TW", dt.date(2024, 5, 9), "BCT", "XIII", None),
        ("41-NQ/TW", dt.date(2023, 10, 10), "BCT", "XIII", None),
        ("10-CT/TW", dt.date(2007, 3, 30), "BBT", "X", None),
    ],
)
def test_documents_added_from_public_sources_keep_their_facts(registry, doc_id, date, issuer, term, plenum):
    d = registry.get(doc_id)
    assert (d.date, d.issuer, d.term, d.plenum) == (date, issuer, term, plenum)


def test_homonyms_are_one_entry_per_term_each_with_a_clue_to_tell_it_apart(registry):
    from collections import defaultdict

    from generator.textnorm import fold

    groups = defaultdict(list)
    for d in registry.directives:
        groups[d.symbol].append(d)
    homonyms = {symbol: ds for symbol, ds in groups.items() if len(ds) > 1}
    assert {"05-CT/TW", "18-NQ/TW", "23-NQ/TW", "27-NQ/TW", "28-NQ/TW", "45-CT/TW", "45-NQ/TW"} <= set(homonyms)
    for symbol, ds in homonyms.items():
        assert len({d.term for d in ds}) == len(ds), symbol
        for d in ds:
            assert d.keywords or d.implements or d.continues, f"{d.id} cannot be told from its homonyms"
            others = [fold(k) for o in ds if o is not d for k in o.keywords]
            for keyword in d.folded_keywords:
                assert not any(keyword in other for other in others), f"{d.id}: {keyword!r} is inside a homonym's keyword"


def test_lineage_of_the_documents_that_carry_others_on(registry):
    assert registry.get("41-NQ/TW").continues == "09-NQ/TW"
    assert registry.get("06-KL/TW").continues == "40-CT/TW"
    assert registry.get("44-NQ/TW").continues == "28-NQ/TW (XI)"
    assert [d.id for d in registry.continued_by("36-CT/TW (XII)")] == ["132-KL/TW"]
