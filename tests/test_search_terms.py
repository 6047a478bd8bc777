"""The search's alias table: every written form of a document number and of a province's name."""

from generator.search_terms import alias_key, directive_aliases, province_index


def test_directive_aliases_cover_the_written_forms(registry):
    aliases = directive_aliases(registry.get("05-CT/TW"))
    for form in ("05-CT/TW", "05/CT-TW", "CT 05", "CT05", "CT 5", "Chỉ thị 05", "Chỉ thị số 05", "Chỉ thị 5",
                 "Directive 05", "Directive No. 05", "Directive 5"):
        assert form in aliases


def test_plenum_resolution_aliases(registry):
    aliases = directive_aliases(registry.get("12-NQ/TW"))
    for form in ("Nghị quyết Trung ương 4 khóa XI", "NQ TW4", "Resolution 12",
                 "Resolution of the 4th plenum of the 11th Party Central Committee", "Nghị quyết Trung ương 4 khoa 11"):
        assert form in aliases


def test_a_province_is_found_by_its_name_with_or_without_diacritics_in_both_languages(seed_reports):
    hung_yen = seed_reports["000"].metadata.province.value
    index = province_index([hung_yen, seed_reports["004"].metadata.province.value])
    for query in ("Hưng Yên", "hung yen", "HUNG YEN", "tỉnh Hưng Yên", "Hung Yen province"):
        assert index[alias_key(query)] == ["hung-yen"], query
    assert index[alias_key("Bình Thuận")] == ["binh-thuan"]
    assert alias_key("Tỉnh ủy Hưng Yên") not in index  # a Party committee is text to search for, not the province


def test_roman_terms_become_numbers_in_keys_so_xi_and_xii_differ():
    assert alias_key("Nghị quyết Trung ương 4 (khoá XI)") == "nghiquyettrunguong4khoa11"
    assert alias_key("Nghị quyết Trung ương 4 khóa XII") == "nghiquyettrunguong4khoa12"


def test_alias_index_maps_every_written_form_to_its_document(registry):
    from generator.search_terms import alias_index

    index = alias_index(list(registry.directives), ["42-CT/TW"])
    for query in ("06-CT/TW", "CT 06", "CT06", "Chỉ thị 06", "chỉ thị số 06-CT/TW", "chi thi 6", "06/CT-TW", "Directive 06"):
        assert index[alias_key(query)] == ["06-CT/TW"], query
    for query in ("05-CT/TW", "CT 05", "Chỉ thị 05", "Directive 05"):  # two directives are numbered 05-CT/TW
        assert index[alias_key(query)] == ["05-CT/TW", "05-CT/TW (XIII)"], query
    assert index[alias_key("Nghị quyết Trung ương 4 khóa XI")] == ["12-NQ/TW"]
    assert index[alias_key("Nghị quyết Trung ương 4 khoá XII")] == ["04-NQ/TW"]
    assert index[alias_key("NQ TW4")] == ["12-NQ/TW", "04-NQ/TW"]
    assert index[alias_key("42-CT/TW")] == ["42-CT/TW"]


def test_the_search_page_reads_its_term_table_from_generated_data_not_a_copy():
    from generator.search_terms import term_table
    from generator.vocabulary import load_vocabulary
    from tests.conftest import ROOT

    script = (ROOT / "overrides/assets/javascripts/search.js").read_text(encoding="utf-8")
    assert not any(term.roman in script.split("//")[0] or f"{term.roman}:" in script for term in load_vocabulary().data.terms)
    assert term_table() == {t.roman: t.number for t in load_vocabulary().data.terms}
