"""Province outlines for the maps, drawn once from the ward points of `vietnamadminunits`.

The package (MIT licence) gives a point for each of the ~10,000 wards of the 63 provinces
before 1 July 2025, and for each unit since. `build_map_geometry()` turns them into one SVG
path per province: every ward's Voronoi cell goes to the ward's province, the country is the
union of discs around the wards with its coastline smoothed (a morphological closing), and each
province is its cells inside the country, simplified to whole map units. The 34 provinces since
2025 are unions of whole old ones. Islands without ward points (Côn Đảo, Lý Sơn, Cồn Cỏ,
Bạch Long Vĩ) are discs of their area at the point of their special zone; the Hoàng Sa and
Trường Sa archipelagos are markers at theirs, part of Đà Nẵng and Khánh Hòa.

The result is committed as data/map_geometry.json (regenerate with
`python -m generator.map_geometry`, about 20 s), so a build only reads ~25 KB of paths and
never needs shapely.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from generator.datafiles import DataFileError, load_json
from generator.gazetteer import load_gazetteer
from generator.writing import atomic_write

# A ring: an absolute move, then relative lines whose numbers are split by a space or a minus sign.
RING = re.compile(r"M(?P<x>\d+) (?P<y>\d+)l(?P<steps>-?\d+(?:[ -]\d+|-\d+)*)z")
NUMBER = re.compile(r"-?\d+")


@dataclass(frozen=True)
class Projection:
    """Equirectangular at latitude 16° N, `scale` map units per degree of latitude."""

    west: float = 102.1
    east: float = 115.0  # far enough east for the Trường Sa archipelago
    north: float = 23.5
    south: float = 8.4
    scale: float = 60.0
    parallel: float = 16.0

    @property
    def x_scale(self) -> float:
        return self.scale * math.cos(math.radians(self.parallel))

    @property
    def width(self) -> int:
        return round((self.east - self.west) * self.x_scale)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    def point(self, lon: float, lat: float) -> tuple[int, int]:
        return round((lon - self.west) * self.x_scale), round((self.north - lat) * self.scale)


PROJECTION = Projection()
WARD_RADIUS = 0.1  # degrees: a ward reaches this far from its point (the coast, the borders)
COAST_CLOSING = 0.1  # degrees: gaps narrower than twice this between ward discs are land
TOLERANCE = 1.0  # map units (about 1.9 km): simplification of every outline
MIN_ISLAND_RADIUS = 2.5  # map units: the smallest island still visible
ARCHIPELAGOS = {  # the special zone's name -> the archipelago's names
    "Hoàng Sa": {"vi": "Quần đảo Hoàng Sa", "en": "Hoang Sa (Paracel) Islands"},
    "Trường Sa": {"vi": "Quần đảo Trường Sa", "en": "Truong Sa (Spratly) Islands"},
}


def _dataset() -> sqlite3.Connection:
    return sqlite3.connect(f"file:{files('vietnamadminunits') / 'data' / 'dataset.db'}?mode=ro", uri=True)


def _ward_points(db: sqlite3.Connection) -> tuple[dict[tuple[float, float], str], set[tuple[str, str]]]:
    """(lon, lat) -> legacy province code, and the (province, district) pairs that have a ward point.

    A ward whose bounds are its whole province's was geocoded to the province only (the three
    communes of Trường Sa sit on the mainland that way): its point says nothing and is left out.
    """
    rows = db.execute(
        "SELECT provinceCode, districtShort, wardLon, wardLat FROM admin_units_legacy"
        " WHERE wardLat IS NOT NULL AND wardBounds != provinceBounds ORDER BY wardCode"
    ).fetchall()
    owner: dict[tuple[float, float], str] = {}
    for code, _district, lon, lat in rows:
        owner.setdefault((lon, lat), code)
    return owner, {(code, district) for code, district, _lon, _lat in rows}


def _special_zones(db: sqlite3.Connection, placed: set[tuple[str, str]]) -> list[tuple[str, str, float, float, float]]:
    """Special zones (đặc khu, since 2025) whose old district has no ward point: (name, legacy code, lon, lat, km²)."""
    legacy_of = dict(db.execute("SELECT DISTINCT districtShort, provinceCode FROM admin_units_legacy").fetchall())
    zones = db.execute("SELECT wardShort, wardLon, wardLat, wardAreaKm2 FROM admin_units WHERE wardType = 'Đặc khu' ORDER BY wardCode")
    return [(name, legacy_of[name], lon, lat, area) for name, lon, lat, area in zones
            if name in legacy_of and (legacy_of[name], name) not in placed]


def _svg_path(geometry: Any) -> str:
    """Integer map units: an absolute move, then relative lines, per ring."""
    rings = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty or polygon.area < 3:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            points: list[tuple[int, int]] = []
            for x, y in ring.coords[:-1]:
                point = (round(x), round(y))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 3:
                continue
            steps = [f"{x - px} {y - py}" for (px, py), (x, y) in zip(points, points[1:])]
            rings.append(f"M{points[0][0]} {points[0][1]}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(rings)


def path_rings(path: str) -> list[list[tuple[int, int]]]:
    """The absolute points of each ring of a path written by `_svg_path` (for checks and tests)."""
    rings = []
    for match in RING.finditer(path):
        x, y = int(match["x"]), int(match["y"])
        numbers = [int(n) for n in NUMBER.findall(match["steps"])]
        points = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def _label_point(geometry: Any) -> list[int]:
    from shapely.ops import polylabel

    largest = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
    point = polylabel(largest, tolerance=0.5)
    return [round(point.x), round(point.y)]


def build_map_geometry() -> dict[str, Any]:
    import shapely
    from shapely import affinity
    from shapely.geometry import MultiPoint, Point, box
    from shapely.ops import unary_union

    projection = PROJECTION
    db = _dataset()
    owner, placed = _ward_points(db)
    zones = _special_zones(db, placed)
    db.close()

    # Work in map units (x east, y south), so that distances are the same in both directions.
    def to_map(geometry: Any) -> Any:
        return affinity.affine_transform(geometry, [projection.x_scale, 0, 0, -projection.scale,
                                                    -projection.west * projection.x_scale, projection.north * projection.scale])

    keys = list(owner)
    points = [to_map(Point(lon, lat)) for lon, lat in keys]
    radius, closing = WARD_RADIUS * projection.scale, COAST_CLOSING * projection.scale
    cells = shapely.voronoi_polygons(MultiPoint(points), extend_to=box(-200, -200, projection.width + 200, projection.height + 200))
    tree = shapely.STRtree(points)
    by_province: dict[str, list[Any]] = defaultdict(list)
    reach: dict[str, list[Any]] = defaultdict(list)  # each cell cut to the ward's disc
    for cell in cells.geoms:
        for index in tree.query(cell, predicate="contains"):
            code = owner[keys[index]]
            by_province[code].append(cell)
            reach[code].append(cell.intersection(points[index].buffer(radius, quad_segs=4)))
    discs = unary_union([unary_union(parts) for parts in reach.values()])
    land = discs.buffer(closing, quad_segs=4).buffer(-closing, quad_segs=4)
    shapes = {code: unary_union(parts).intersection(land) for code, parts in by_province.items()}

    archipelagos = []
    for name, code, lon, lat, area in zones:
        x, y = projection.point(lon, lat)
        if name in ARCHIPELAGOS:
            archipelagos.append({"zone": name, "names": ARCHIPELAGOS[name], "province_code": code, "point": [x, y]})
            continue
        disc_radius = max(math.sqrt(area / math.pi) / 111.32 * projection.scale, MIN_ISLAND_RADIUS)
        shapes[code] = shapes[code].union(Point(x, y).buffer(disc_radius, quad_segs=4))

    gazetteer = load_gazetteer()
    merged: dict[str, list[Any]] = defaultdict(list)
    for province in gazetteer.provinces:
        merged[province.code_2025].append(shapes[province.code])

    def entry(code: str, geometry: Any) -> dict[str, Any]:
        simple = geometry.simplify(TOLERANCE, preserve_topology=True)
        return {"code": code, "path": _svg_path(simple), "label": _label_point(simple)}

    return {
        "source": "vietnamadminunits (PyPI), ward points of the 63 provinces before 1 July 2025 and the special zones since",
        "package_version": version("vietnamadminunits"),
        "licence": "MIT, (c) 2025 Tran Ngoc Minh Hieu; the package names its sources as danhmuchanhchinh.gso.gov.vn, "
                   "sapnhap.bando.com.vn and the Google Geocoding API",
        "method": f"Voronoi cells of the ward points by province, inside discs of {WARD_RADIUS}° around them closed by "
                  f"{COAST_CLOSING}°, simplified to {TOLERANCE} unit; shapely {shapely.__version__}, GEOS {shapely.geos_version_string}",
        "projection": {"west": projection.west, "north": projection.north, "scale": projection.scale, "parallel": projection.parallel},
        "width": projection.width,
        "height": projection.height,
        "provinces": [entry(p.code, shapes[p.code]) for p in gazetteer.provinces],
        "provinces_2025": [entry(code, unary_union(parts)) for code, parts in sorted(merged.items())],
        "archipelagos": archipelagos,
    }


def map_geometry_text(data: dict[str, Any]) -> str:
    """One province per line, so that a regeneration shows as a readable diff."""
    head = {k: v for k, v in data.items() if k not in {"provinces", "provinces_2025", "archipelagos"}}
    lines = ["{"] + [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    for key in ("provinces", "provinces_2025", "archipelagos"):
        items = [f"  {json.dumps(item, ensure_ascii=False)}" for item in data[key]]
        lines.append(f" {json.dumps(key)}: [\n" + ",\n".join(items) + "\n ]" + ("," if key != "archipelagos" else ""))
    return "\n".join(lines) + "\n}\n"


def write_map_geometry() -> Path:
    target = Path(str(files("generator") / "data" / "map_geometry.json"))
    atomic_write(target, map_geometry_text(build_map_geometry()))
    return target


class ProvinceShape(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^\d{2}$")
    path: str
    label: tuple[int, int]

    @field_validator("path")
    @classmethod
    def _is_a_path(cls, path: str) -> str:
        rings = list(RING.finditer(path))
        if not rings or "".join(m.group(0) for m in rings) != path:
            raise ValueError("not a path of integer moves and relative lines (M x y l dx dy … z)")
        if any(len(NUMBER.findall(m["steps"])) % 2 for m in rings):
            raise ValueError("a ring has an odd number of coordinates")
        return path


class Archipelago(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zone: str
    names: dict[str, str]
    province_code: str = Field(pattern=r"^\d{2}$")
    point: tuple[int, int]


class MapGeometry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    package_version: str
    licence: str
    method: str
    projection: dict[str, float]
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    provinces: tuple[ProvinceShape, ...]
    provinces_2025: tuple[ProvinceShape, ...]
    archipelagos: tuple[Archipelago, ...]

    @model_validator(mode="after")
    def _one_shape_per_province(self) -> "MapGeometry":
        gazetteer = load_gazetteer()
        for key, shapes, codes in (("provinces", self.provinces, {p.code for p in gazetteer.provinces}),
                                   ("provinces_2025", self.provinces_2025, {p.code_2025 for p in gazetteer.provinces})):
            seen = [s.code for s in shapes]
            if sorted(seen) != sorted(codes):
                raise ValueError(f"{key}: expected one shape for each of the {len(codes)} gazetteer codes, "
                                 f"missing {sorted(codes - set(seen)) or 'none'}, extra {sorted(set(seen) - codes) or 'none'}")
            for shape in shapes:
                if not (0 <= shape.label[0] <= self.width and 0 <= shape.label[1] <= self.height):
                    raise ValueError(f"{key} {shape.code}: label point {shape.label} is outside the map")
        return self

    def shape(self, code: str) -> ProvinceShape:
        return next(s for s in self.provinces if s.code == code)

    def shape_2025(self, code: str) -> ProvinceShape:
        return next(s for s in self.provinces_2025 if s.code == code)


@lru_cache(maxsize=1)
def load_map_geometry() -> MapGeometry:
    try:
        return MapGeometry.model_validate(load_json("map_geometry.json"))
    except ValidationError as exc:
        raise DataFileError.from_validation("map_geometry.json", "map", exc) from None


if __name__ == "__main__":
    print(write_map_geometry())
