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
    assert registry.get("27-NQ/TW (X)").date is None
    assert registry.get("03-KH/TW (XII)").date is None


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
