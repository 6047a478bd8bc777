"""Outlets: every province's newspaper, portals and station, by the domains, tags and marks they
print, so that a report's source is named and its province recognised."""

import pytest

from generator.datafiles import DataFileError, load_yaml
from generator.gazetteer import load_gazetteer
from generator.outlets import load_outlets, parse_outlets


@pytest.mark.parametrize("tag, province, outlet", [("LSO", "Lạng Sơn", "Báo Lạng Sơn"), ("(GLO)-", "Gia Lai", "Báo Gia Lai"), ("QNO", "Quảng Nam", "Báo Quảng Nam")])
def test_an_agency_tag_names_its_outlet_and_province(tag, province, outlet):
    found = load_outlets().for_tag(tag)
    assert found.province == province and found.outlet.name.startswith(outlet)


@pytest.mark.parametrize(
    "domain, province",
    [("baohanam.com.vn", "Hà Nam"), ("www.baoquangninh.vn", "Quảng Ninh"), ("sonoivu.tuyenquang.gov.vn", "Tuyên Quang")],
)
def test_a_domain_or_its_subdomain_names_the_province(domain, province):
    assert load_outlets().for_domain(domain).province == province


def test_a_bao_province_domain_the_table_does_not_list_still_names_its_province():
    found = load_outlets().for_domain("baobinhthuan.org.vn")  # the table lists baobinhthuan.com.vn
    assert found.province == "Bình Thuận" and found.outlet is None


def test_a_national_domain_names_no_province():
    assert load_outlets().for_domain("nhandan.vn") is None


def test_domains_written_in_the_running_text_are_found():
    found = load_outlets().in_text("Nguồn: (Baothanhhoa.vn) - và theo BAOQUANGNINH.VN")
    assert [f.province for f in found] == ["Thanh Hóa", "Quảng Ninh"]


def test_a_table_key_that_is_not_a_province_is_an_error():
    data = load_yaml("outlets.yaml")
    data["Hà Tây"] = data.pop("Hà Nội")
    with pytest.raises(DataFileError, match="Hà Tây: not a province's name"):
        parse_outlets(data, load_gazetteer())
