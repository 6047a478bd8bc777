"""The overview's pictures as static SVG: two maps of reports by province (before and since the
1 July 2025 merger), a timeline of reports by year and document, and a document × province matrix.

Each picture is laid out here from the counts (generator/picture_data.py) and written by a
template (templates/*.svg.j2, XML-escaped): every province, year, document and count is a link
to the page that lists those reports, with its name and count as the link's title; colours come
from data/pictures.yaml and the map shapes from data/map_geometry.json. Nothing is fetched and
nothing runs in the browser.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from generator.datafiles import validated
from generator.map_geometry import MapGeometry, ProvinceShape
from generator.picture_data import UNDATED, UNKNOWN, Area, PictureCounts
from generator.urls import UrlScheme

AA_TEXT = 4.5  # WCAG 2.x AA contrast for normal text
NICE_STEPS = (1, 2, 5)


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


Colour = Field(pattern=r"^#[0-9a-f]{6}$")


class Swatch(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fill: str = Colour
    text: str = Colour

    @model_validator(mode="after")
    def _readable(self) -> "Swatch":
        if contrast(self.fill, self.text) < AA_TEXT:
            raise ValueError(f"text {self.text} on {self.fill} has contrast {contrast(self.fill, self.text):.2f}, below {AA_TEXT}")
        return self


class PictureStyle(BaseModel):
    """data/pictures.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    palette: tuple[Swatch, ...] = Field(min_length=2)
    empty: str = Colour
    ink: str = Colour
    muted: str = Colour
    circle_radii: tuple[float, ...]
    documents: int = Field(ge=1)

    @field_validator("palette")
    @classmethod
    def _light_to_dark(cls, palette: tuple[Swatch, ...]) -> tuple[Swatch, ...]:
        lightness = [relative_luminance(s.fill) for s in palette]
        if lightness != sorted(lightness, reverse=True):
            raise ValueError("the classes must run from the lightest fill to the darkest")
        return palette

    @model_validator(mode="after")
    def _consistent(self) -> "PictureStyle":
        if len(self.circle_radii) != len(self.palette) or list(self.circle_radii) != sorted(set(self.circle_radii)):
            raise ValueError("circle_radii: one radius per class of the palette, growing")
        for name in ("ink", "muted"):
            if contrast(getattr(self, name), "#ffffff") < AA_TEXT:
                raise ValueError(f"{name}: text in {getattr(self, name)} on white is below {AA_TEXT}:1")
        return self


@lru_cache(maxsize=1)
def picture_style() -> PictureStyle:
    return validated("pictures.yaml", PictureStyle)


def count_classes(counts: Sequence[int], classes: int) -> tuple[int, ...]:
    """Upper bounds of at most `classes` classes of positive counts, on round numbers (1, 2, 5, 10 …)
    spaced evenly on a log scale up to the largest count; every count has its own class when few."""
    top = max(counts, default=0)
    if top <= classes:
        return tuple(range(1, top + 1))
    bounds = []
    for i in range(1, classes):
        target = top ** (i / classes) * (1 - 1e-9)  # 100000 ** 0.2 is 10.000000000000002
        bound = min(n * 10 ** e for e in range(int(math.log10(top)) + 2) for n in NICE_STEPS if n * 10 ** e >= target)
        if bound < top and (not bounds or bound > bounds[-1]):
            bounds.append(bound)
    return (*bounds, top)


def class_of(count: int, bounds: Sequence[int]) -> int:
    """0 for no report, else 1 + the index of the first class that holds the count."""
    return 0 if count <= 0 else 1 + next(i for i, bound in enumerate(bounds) if count <= bound)


@dataclass(frozen=True)
class Words:
    """A side's words for the pictures: labels.yaml's `pictures` and how to write a count."""

    lang: str
    t: dict[str, Any]

    def number(self, n: int) -> str:
        return f"{n:,}".replace(",", "." if self.lang == "vi" else ",")

    def reports(self, n: int) -> str:
        return self.t["count_one" if n == 1 else "count_other"].replace("{n}", self.number(n))

    def fill(self, key: str, **values: object) -> str:
        text = self.t[key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text


@dataclass(frozen=True)
class Legend:
    rows: tuple[tuple[str, float, str], ...]  # (fill, circle radius, range of counts)


def legend(bounds: Sequence[int], style: PictureStyle, words: Words) -> Legend:
    swatches = spread(len(bounds), style)
    rows = [(style.empty, 0.0, words.t["legend_none"])]
    low = 1
    for (swatch, radius), high in zip(swatches, bounds):
        rows.append((swatch.fill, radius, words.number(low) if low == high else f"{words.number(low)}–{words.number(high)}"))
        low = high + 1
    return Legend(tuple(rows))


def spread(n: int, style: PictureStyle) -> list[tuple[Swatch, float]]:
    """`n` classes over the palette, the darkest always used for the largest counts."""
    size = len(style.palette)
    picks = [round(i * (size - 1) / (n - 1)) for i in range(n)] if n > 1 else [size - 1]
    return [(style.palette[i], style.circle_radii[i]) for i in picks]


@lru_cache(maxsize=1)
def svg_env() -> Environment:
    return Environment(loader=PackageLoader("generator", "templates"), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class MapArea:
    path: str
    fill: str
    href: str | None
    title: str
    circle: tuple[int, int, float] | None
    markers: tuple[tuple[int, int], ...]  # archipelagos drawn as part of this province


def province_map(picture_id: str, title: str, areas: Sequence[Area], shapes: Callable[[str], ProvinceShape],
                 geometry: MapGeometry, href: Callable[[Area], str], words: Words, archipelago_of: Callable[[str], str]) -> str:
    """One map: each province filled by its class and marked with a circle sized by class."""
    style = picture_style()
    bounds = count_classes([a.count for a in areas], len(style.palette))
    swatches = spread(len(bounds), style)
    drawn = []
    for area in areas:
        shape, cls = shapes(area.code), class_of(area.count, bounds)
        swatch, radius = swatches[cls - 1] if cls else (None, 0.0)
        name = area.name if words.lang == "vi" else area.name_en
        markers = tuple(tuple(a.point) for a in geometry.archipelagos if archipelago_of(a.province_code) == area.code)
        drawn.append(MapArea(shape.path, swatch.fill if swatch else style.empty, href(area) if area.count else None,
                             f"{name}: {words.reports(area.count)}", (*shape.label, radius) if cls else None, markers))
    ranked = sorted((a for a in areas if a.count), key=lambda a: -a.count)
    top = ", ".join(f"{a.name if words.lang == 'vi' else a.name_en} ({words.number(a.count)})" for a in ranked[:3]) or "—"
    desc = words.fill("map_desc", reports=words.reports(sum(a.count for a in areas)), provinces=len(ranked), all=len(areas), top=top)
    province_name = {a.code: a.name if words.lang == "vi" else a.name_en for a in areas}
    labels = [archipelago_label(a.point, (a.names[words.lang], f"({province_name[archipelago_of(a.province_code)]})"), geometry.width)
              for a in geometry.archipelagos]
    return svg_env().get_template("map.svg.j2").render(
        id=picture_id, title=title, desc=desc, width=geometry.width, height=geometry.height, areas=drawn,
        legend=legend(bounds, style, words), legend_title=words.t["legend"], style=style, labels=labels)


def archipelago_label(point: Sequence[int], lines: tuple[str, ...], width: int, size: int = 15) -> tuple[int, int, tuple[str, ...]]:
    """Centred under the marker, kept inside the map (a character is about 0.55 em wide)."""
    half = math.ceil(max(len(line) for line in lines) * size * 0.55 / 2) + 2
    return min(max(point[0], half), width - half), point[1] + 24, lines


@dataclass(frozen=True)
class Links:
    """Where each thing a picture counts is listed, as links from the page the pictures are on."""

    urls: UrlScheme
    here: str

    def province(self, slug: str) -> str:
        return self.urls.href(self.here, self.urls.province(slug))

    def province_2025(self, slug: str) -> str:
        return self.urls.href(self.here, self.urls.province_2025(slug))

    def year(self, year: str) -> str:
        return self.urls.href(self.here, self.urls.year(None if year == UNDATED else year))

    def document(self, document_id: str) -> str:
        return self.urls.href(self.here, self.urls.directive(document_id))

    def document_province(self, document_id: str, slug: str) -> str:
        return self.urls.href(self.here, self.urls.directive(document_id), self.urls.province_section("implements", slug))


@dataclass(frozen=True)
class Box:
    """A rectangle with its count written in it, linked to the page listing what it counts."""

    x: float
    y: float
    w: float
    h: float
    fill: str
    text_fill: str
    text: str
    title: str
    href: str | None
    label: str = ""

    @property
    def cx(self) -> float:
        return round(self.x + self.w / 2, 1)


@dataclass(frozen=True)
class Row:
    y: float
    label: str
    title: str
    href: str | None
    x: float = 0


def cell_width(counts: Sequence[int], words: Words, minimum: int) -> int:
    """Wide enough for the longest count at 11–12 px (a digit is about 6.5 px)."""
    longest = max((len(words.number(n)) for n in counts), default=1)
    return max(minimum, 10 + math.ceil(6.5 * longest))


def count_boxes(cells: Sequence[tuple[float, float, float, int, str, str]], h: float, words: Words) -> list[Box]:
    """(x, y, width, count, title, href) -> boxes filled by class, their count written in a readable colour."""
    style = picture_style()
    bounds = count_classes([c[3] for c in cells], len(style.palette))
    swatches = spread(len(bounds), style)
    boxes = []
    for x, y, w, n, title, href in cells:
        swatch, _radius = swatches[class_of(n, bounds) - 1]
        boxes.append(Box(x + 1, y + 1, w - 2, h - 2, swatch.fill, swatch.text, words.number(n), title, href))
    return boxes


def timeline(picture_id: str, counts: PictureCounts, words: Words, document_label: Callable[[str], str], links: Links) -> str:
    """All reports per year as bars, then one row of counts per document."""
    style, years = picture_style(), counts.years
    left, row_h, bar_h, top = 128, 22, 80, 18
    cell_counts = list(counts.by_document_year.values()) + [counts.by_year.get(y, 0) for y in years]
    year_label = {y: words.t["undated_short"] if y == UNDATED else y for y in years}
    w = cell_width(cell_counts, words, 30)
    widths = [max(w, 8 + math.ceil(6.5 * len(year_label[y]))) for y in years]  # "Chưa rõ" needs more than "2019"
    xs = [left + sum(widths[:i]) for i in range(len(years))]
    baseline = top + bar_h
    width, first_row = xs[-1] + widths[-1] + 4 if years else left, baseline + 26
    tallest = max((counts.by_year.get(y, 0) for y in years), default=1)
    bars = []
    for x, cw, year in zip(xs, widths, years):
        n = counts.by_year.get(year, 0)
        h = max(2, round(bar_h * n / tallest)) if n else 0
        bars.append(Box(x + 4, baseline - h, cw - 8, h, style.palette[-1].fill, style.ink, words.number(n),
                        f"{year_label[year]}: {words.reports(n)}", links.year(year) if n else None, year_label[year]))
    rows, cells = [], []
    for r, document in enumerate(counts.documents):
        y, label = first_row + r * row_h, document_label(document)
        rows.append(Row(y, document, f"{label}: {words.reports(counts.by_document[document])}", links.document(document)))
        for x, cw, year in zip(xs, widths, years):
            if n := counts.by_document_year.get((document, year), 0):
                cells.append((x, y, cw, n, f"{label}, {year_label[year]}: {words.reports(n)}", links.document(document)))
    boxes = count_boxes(cells, row_h, words)
    height = first_row + row_h * len(rows) + 4
    first, last = (years[0], [y for y in years if y != UNDATED][-1]) if any(y != UNDATED for y in years) else ("—", "—")
    return svg_env().get_template("timeline.svg.j2").render(
        id=picture_id, title=words.t["timeline_title"], desc=words.fill("timeline_desc", first=first, last=last),
        width=width, height=height, left=left, baseline=baseline, bars=bars, rows=rows, cells=boxes, style=style,
        total_label=words.t["total"], rules=[first_row + r * row_h for r in range(1, len(rows))])


@dataclass(frozen=True)
class MatrixRow:
    """A province's row: its label (a link to its page when it has reports) and its counts, at y 0."""

    y: float
    label: Row
    cells: tuple[Box, ...]


def matrix(picture_id: str, counts: PictureCounts, words: Words, document_label: Callable[[str], str], links: Links) -> str:
    """One row per province (63, then "not established" if any report lacks one), one column per document."""
    style = picture_style()
    left, row_h, top = 132, 18, 92
    w = cell_width(list(counts.by_document_province.values()), words, 30)
    provinces = [(a.slug, a.name if words.lang == "vi" else a.name_en, a.count) for a in counts.provinces]
    if any(slug == UNKNOWN for _document, slug in counts.by_document_province):
        provinces.append((UNKNOWN, words.t["unknown_row"], counts.unknown_province))
    columns = [Row(top, d, f"{document_label(d)}: {words.reports(counts.by_document[d])}", links.document(d), x=left + i * w + w / 2 - 3)
               for i, d in enumerate(counts.documents)]
    cells = [(left + i * w, 0, w, n, f"{name}, {document}: {words.reports(n)}", links.document_province(document, slug))
             for slug, name, _total in provinces for i, document in enumerate(counts.documents)
             if (n := counts.by_document_province.get((document, slug), 0))]
    boxes = iter(count_boxes(cells, row_h, words))
    rows = []
    for r, (slug, name, total) in enumerate(provinces):
        shown = sum(1 for d in counts.documents if counts.by_document_province.get((d, slug), 0))
        label = Row(13, name, f"{name}: {words.reports(total)}", links.province(slug) if total and slug != UNKNOWN else None, x=4)
        rows.append(MatrixRow(top + r * row_h, label, tuple(next(boxes) for _ in range(shown))))
    width, height = left + w * len(columns) + 70, top + row_h * len(rows) + 4
    return svg_env().get_template("matrix.svg.j2").render(
        id=picture_id, title=words.t["matrix_title"], desc=words.t["matrix_desc"], width=width, height=height,
        top=top, row_h=row_h, stripes=[top + r * row_h for r in range(1, len(rows), 2)], columns=columns, rows=rows, style=style)


@dataclass(frozen=True)
class Overview:
    """Everything the overview page shows: the counts (for its data tables) and the four pictures."""

    counts: PictureCounts
    words: Words
    links: Links
    document_label: Callable[[str], str]
    map_before: str
    map_since: str
    timeline: str
    matrix: str
    package_version: str


def overview_pictures(counts: PictureCounts, words: Words, links: Links, document_label: Callable[[str], str],
                      geometry: MapGeometry, code_2025: Callable[[str], str]) -> Overview:
    before = province_map("map-63", words.t["map_63"], counts.provinces, geometry.shape, geometry,
                          lambda a: links.province(a.slug), words, lambda code: code)
    since = province_map("map-34", words.t["map_34"], counts.provinces_2025, geometry.shape_2025, geometry,
                         lambda a: links.province_2025(a.slug), words, code_2025)
    dates = timeline("timeline", counts, words, document_label, links) if counts.years else ""
    grid = matrix("matrix", counts, words, document_label, links) if counts.documents else ""
    return Overview(counts, words, links, document_label, before, since, dates, grid, geometry.package_version)
