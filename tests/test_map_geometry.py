"""The map's province outlines: drawn once from vietnamadminunits' ward points, committed, checked."""

from importlib.metadata import version

import pytest

from generator.datafiles import DataFileError, load_json
from generator.gazetteer import load_gazetteer
from generator.map_geometry import (
    PROJECTION,
    MapGeometry,
    build_map_geometry,
    load_map_geometry,
    map_geometry_text,
    path_rings,
)


def inside(point: tuple[float, float], path: str) -> bool:
    """Even-odd rule over every ring of the path, as SVG fills it."""
    x, y = point
    crossings = 0
    for ring in path_rings(path):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def provinces_at(lon: float, lat: float) -> list[str]:
    point = PROJECTION.point(lon, lat)
    return [shape.code for shape in load_map_geometry().provinces if inside(point, shape.path)]


def test_committed_geometry_matches_the_installed_package():
    """data/map_geometry.json is generated; regenerate it with `python -m generator.map_geometry`."""
    committed = load_json("map_geometry.json")
    assert committed["package_version"] == version("vietnamadminunits")
    assert map_geometry_text(committed) == map_geometry_text(build_map_geometry())


def test_there_is_one_outline_for_each_province_before_and_since_the_merger():
    geometry, gazetteer = load_map_geometry(), load_gazetteer()
    assert [s.code for s in geometry.provinces] == [p.code for p in gazetteer.provinces]
    assert len(geometry.provinces) == 63 and len(geometry.provinces_2025) == 34


@pytest.mark.parametrize(("place", "lon", "lat", "code"), [
    ("Hồ Hoàn Kiếm, Hà Nội", 105.852, 21.029, "01"),
    ("Hạ Long, Quảng Ninh", 107.08, 20.95, "22"),
    ("Vinh, Nghệ An", 105.69, 18.68, "40"),
    ("Đại Nội, Huế", 107.578, 16.469, "46"),
    ("Hội An, Quảng Nam", 108.335, 15.88, "49"),
    ("Buôn Ma Thuột, Đắk Lắk", 108.05, 12.68, "66"),
    ("Đà Lạt, Lâm Đồng", 108.44, 11.94, "68"),
    ("Bến Thành, TP. Hồ Chí Minh", 106.698, 10.772, "79"),
    ("Ninh Kiều, Cần Thơ", 105.78, 10.03, "92"),
    ("Dương Đông, Phú Quốc (Kiên Giang)", 103.96, 10.22, "91"),
    ("Côn Sơn, Côn Đảo (Bà Rịa - Vũng Tàu)", 106.61, 8.69, "77"),
    ("Lý Sơn (Quảng Ngãi)", 109.115, 15.385, "51"),
])
def test_places_lie_in_their_province_and_no_other(place, lon, lat, code):
    assert provinces_at(lon, lat) == [code], place


@pytest.mark.parametrize(("place", "lon", "lat"), [
    ("Viêng Chăn (Lào)", 102.6, 17.97),
    ("Phnôm Pênh (Campuchia)", 104.92, 11.56),
    ("Biển Đông, ngoài khơi Quy Nhơn", 110.5, 13.8),
    ("Vịnh Thái Lan", 103.0, 8.9),
])
def test_the_neighbours_and_the_sea_are_not_drawn_as_provinces(place, lon, lat):
    assert provinces_at(lon, lat) == [], place


def test_every_province_label_point_lies_inside_its_own_outline():
    geometry = load_map_geometry()
    for shapes in (geometry.provinces, geometry.provinces_2025):
        for shape in shapes:
            assert inside(shape.label, shape.path), shape.code


def test_merged_provinces_are_the_union_of_the_old_ones():
    geometry, gazetteer = load_map_geometry(), load_gazetteer()
    for old in gazetteer.provinces:
        label = geometry.shape(old.code).label
        assert inside(label, geometry.shape_2025(old.code_2025).path), f"{old.name} in {old.name_2025}"


def test_the_archipelagos_are_drawn_as_parts_of_da_nang_and_khanh_hoa_at_sea():
    geometry = load_map_geometry()
    marks = {a.zone: a for a in geometry.archipelagos}
    assert {z: a.province_code for z, a in marks.items()} == {"Hoàng Sa": "48", "Trường Sa": "56"}
    assert marks["Hoàng Sa"].names == {"vi": "Quần đảo Hoàng Sa", "en": "Hoang Sa (Paracel) Islands"}
    assert marks["Trường Sa"].names == {"vi": "Quần đảo Trường Sa", "en": "Truong Sa (Spratly) Islands"}
    coast = PROJECTION.point(109.5, 12.0)[0]  # the easternmost mainland, Mũi Đôi
    for mark in marks.values():
        assert mark.point[0] > coast + 100 and provinces_at(*_lon_lat(mark.point)) == []


def _lon_lat(point: tuple[int, int]) -> tuple[float, float]:
    return point[0] / PROJECTION.x_scale + PROJECTION.west, PROJECTION.north - point[1] / PROJECTION.scale


def test_a_damaged_path_is_refused_naming_the_province():
    data = load_json("map_geometry.json")
    broken = {**data, "provinces": [{**data["provinces"][0], "path": "M10 10l5 5 5z<script>"}, *data["provinces"][1:]]}
    with pytest.raises(ValueError, match=r"(?s)provinces.0.path.*not a path of integer moves"):
        MapGeometry.model_validate(broken)


def test_a_missing_province_is_refused_naming_its_code():
    data = load_json("map_geometry.json")
    with pytest.raises(ValueError, match=r"missing \['01'\]"):
        MapGeometry.model_validate({**data, "provinces": data["provinces"][1:]})


def test_the_loader_names_the_file(monkeypatch):
    import generator.map_geometry as module

    module.load_map_geometry.cache_clear()
    monkeypatch.setattr(module, "load_json", lambda name: {**load_json(name), "width": 0})
    with pytest.raises(DataFileError, match=r"map_geometry.json: map: field 'width'"):
        module.load_map_geometry()
    module.load_map_geometry.cache_clear()
