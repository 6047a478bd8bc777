"""The overview's pictures: static SVG whose every province, year, document and count is a link
to the page that lists those reports, with the count in its name, readable without colour."""

from collections import Counter
from pathlib import Path

import pytest
import yaml
from lxml import etree

from generator.datafiles import DataFileError, validated
from generator.gazetteer import load_gazetteer
from generator.map_geometry import load_map_geometry
from generator.pages import Side, overview_page, overview_pages
from generator.picture_data import UNDATED, Area, count_reports, year_axis
from generator.pictures import (
    Links,
    PictureStyle,
    Words,
    class_of,
    contrast,
    count_classes,
    matrix,
    picture_style,
    province_map,
    timeline,
)
from generator.pipeline import load_corpus
from generator.rendering import page_labels
from generator.site_context import build_context, report_year
from generator.urls import URLS

SVG = "{http://www.w3.org/2000/svg}"
CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def corpus_context(registry):
    corpus = load_corpus(CORPUS, workers=1)
    return build_context(corpus.reports, registry)


@pytest.fixture(scope="module")
def overview(corpus_context):
    """The overview page of each side, generated from the 42 labelled reports of tests/corpus."""
    pages = {}
    for lang in ("vi", "en"):
        side = Side(lang, "http://127.0.0.1:8000/" + ("en/" if lang == "en" else ""), {}, corpus_context)
        [page] = overview_pages(side)
        pages[lang] = page.content
    return pages


def svgs(markdown: str) -> dict[str, etree._Element]:
    """Every picture on the page, parsed as standalone XML (so each must be well formed), by id."""
    found = {}
    for chunk in markdown.split("<svg ")[1:]:
        root = etree.fromstring(("<svg " + chunk.split("</svg>")[0] + "</svg>").encode())
        found[root.get("aria-labelledby").removesuffix("-title")] = root
    return found


def links(svg: etree._Element) -> dict[str, str]:
    """title of each link -> its href."""
    return {a.find(f"{SVG}title").text: a.get("href") for a in svg.iter(f"{SVG}a")}


def words(lang: str) -> Words:
    return Words(lang, page_labels()[lang]["pictures"])


@pytest.mark.parametrize(("counts", "bounds"), [
    ([], ()),
    ([0, 0], ()),
    ([1, 1, 2], (1, 2)),
    ([3, 5, 1], (1, 2, 3, 4, 5)),
    ([8], (2, 5, 8)),
    ([12, 1], (2, 5, 10, 12)),
    ([1600, 3, 40], (5, 20, 100, 500, 1600)),
    ([100_000], (10, 100, 1000, 10_000, 100_000)),
])
def test_counts_fall_into_at_most_five_classes_on_round_numbers(counts, bounds):
    assert count_classes(counts, 5) == bounds


def test_classes_grow_and_end_at_the_largest_count_whatever_it_is():
    for top in [*range(1, 2000), 99_999, 100_000, 123_456]:
        bounds = count_classes([top], 5)
        assert bounds[-1] == top and list(bounds) == sorted(set(bounds)) and len(bounds) <= 5, top


def test_every_count_has_a_class_and_no_report_has_none():
    bounds = (5, 20, 100, 500, 1600)
    assert [class_of(n, bounds) for n in (0, 1, 5, 6, 20, 21, 1600)] == [0, 1, 1, 2, 2, 3, 5]


def test_contrast_is_the_wcag_ratio():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert 3.44 < contrast("#ef5552", "#ffffff") < 3.45  # the header red axe measured (3.44:1)


def test_every_colour_of_the_pictures_passes_wcag_aa_for_the_count_written_on_it():
    style = picture_style()
    assert all(contrast(s.fill, s.text) >= 4.5 for s in style.palette)
    assert contrast(style.ink, "#ffffff") >= 4.5 and contrast(style.muted, "#ffffff") >= 4.5


def test_a_palette_whose_counts_would_be_unreadable_is_refused():
    data = yaml.safe_load((Path(__file__).resolve().parent.parent / "generator/data/pictures.yaml").read_text(encoding="utf-8"))
    data["palette"][4] = {"fill": "#a63603", "text": "#000000"}
    with pytest.raises(DataFileError, match=r"pictures.yaml: entry: field 'palette.4'.*contrast 3.15, below 4.5"):
        validated("pictures.yaml", PictureStyle, data)


def test_counts_are_written_the_way_each_language_writes_numbers():
    assert words("vi").number(12345) == "12.345" and words("en").number(12345) == "12,345"
    assert words("en").reports(1) == "1 report" and words("en").reports(2) == "2 reports"
    assert words("vi").reports(1) == "1 báo cáo"


def test_the_timeline_has_every_year_from_the_first_to_the_last():
    assert year_axis({"2019": 2, "2016": 1, UNDATED: 3}) == ("2016", "2017", "2018", "2019", UNDATED)
    assert year_axis({"2019": 2}) == ("2019",)
    assert year_axis({}) == ()


def test_the_map_counts_every_labelled_province_of_the_corpus(overview):
    labels = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
    expected = Counter(label["province"] for label in labels.values())
    gazetteer = {p.name: p for p in load_gazetteer().provinces}
    shown = links(svgs(overview["vi"])["map-63"])
    assert shown == {f"{name}: {n} báo cáo": URLS.href(URLS.overview, URLS.province(gazetteer[name].slug))
                     for name, n in expected.items()}


def test_the_map_since_2025_counts_the_merged_provinces_together(overview, corpus_context):
    expected = Counter()
    for report in corpus_context.reports:
        if province := report.metadata.province.value:
            expected[province.name_2025_en, province.slug_2025] += 1
    shown = links(svgs(overview["en"])["map-34"])
    assert shown == {f"{name}: {n} report{'s' if n > 1 else ''}": URLS.href(URLS.overview, URLS.province_2025(slug))
                     for (name, slug), n in expected.items()}


def test_every_province_is_drawn_and_only_those_with_reports_are_links(overview):
    for picture, provinces in (("map-63", 63), ("map-34", 34)):
        svg = svgs(overview["vi"])[picture]
        areas = svg.find(f"{SVG}g")
        assert len(areas) == provinces
        for area in areas:
            count = int(area.find(f"{SVG}title").text.rsplit(": ", 1)[1].split()[0])
            assert (area.tag == f"{SVG}a") == (count > 0)


def test_colour_is_not_the_only_carrier_of_a_provinces_count(overview):
    """Each province with reports also gets a circle, larger for a larger class of counts."""
    svg = svgs(overview["vi"])["map-63"]
    circles = svg.findall(f"{SVG}g[@aria-hidden='true'][@pointer-events='none']/{SVG}circle")
    assert len(circles) == len(list(svg.iter(f"{SVG}a")))
    legend = svg.findall(f"{SVG}g[@aria-hidden='true'][@transform]/{SVG}circle")
    radii = [float(c.get("r")) for c in legend]
    assert radii == sorted(radii) and len(radii) >= 1


def test_the_archipelagos_are_shown_as_part_of_da_nang_and_khanh_hoa(overview):
    for lang, names in (("vi", ("Quần đảo Hoàng Sa", "(Đà Nẵng)", "Quần đảo Trường Sa", "(Khánh Hòa)")),
                        ("en", ("Hoang Sa (Paracel) Islands", "(Da Nang)", "Truong Sa (Spratly) Islands", "(Khanh Hoa)"))):
        for picture in ("map-63", "map-34"):
            svg = svgs(overview[lang])[picture]
            assert names == tuple(t.text for t in svg.iter(f"{SVG}tspan"))
            marked = [g.find(f"{SVG}title").text.split(":")[0] for g in svg.find(f"{SVG}g") if g.find(f"{SVG}circle") is not None]
            assert marked == [names[1].strip("()"), names[3].strip("()")]


def test_the_timeline_counts_reports_per_year_and_per_document_and_year(overview, corpus_context):
    by_year = Counter(report_year(r) or UNDATED for r in corpus_context.reports)
    by_document_year = Counter((d, report_year(r) or UNDATED) for r in corpus_context.reports for d in r.metadata.implements)
    registry = corpus_context.registry
    label = {year: "Chưa rõ" if year == UNDATED else year for year in by_year}
    expected = {f"{label[year]}: {n} báo cáo": URLS.href(URLS.overview, URLS.year(None if year == UNDATED else year))
                for year, n in by_year.items()}
    for document, n in Counter(d for r in corpus_context.reports for d in r.metadata.implements).items():
        expected[f"{registry.get(document).type} {document}: {n} báo cáo"] = URLS.href(URLS.overview, URLS.directive(document))
    expected |= {f"{registry.get(d).type} {d}, {label[year]}: {n} báo cáo": URLS.href(URLS.overview, URLS.directive(d))
                 for (d, year), n in by_document_year.items()}
    assert links(svgs(overview["vi"])["timeline"]) == expected  # the 11 documents of the corpus, all shown


def test_the_documents_shown_are_those_with_the_most_reports_in_registry_order_on_a_tie(corpus_context):
    counts = count_reports(corpus_context, load_gazetteer(), 3)
    assert counts.documents == ("05-CT/TW", "03-CT/TW", "01-KL/TW")
    assert counts.documents_with_reports == 11
    assert counts.by_document == {"05-CT/TW": 20, "03-CT/TW": 5, "01-KL/TW": 5}


def test_the_matrix_links_each_count_to_the_provinces_section_of_the_documents_page(overview, corpus_context):
    expected = Counter((d, r.metadata.province.value.slug) for r in corpus_context.reports for d in r.metadata.implements)
    svg = svgs(overview["en"])["matrix"]
    cells = [a for a in svg.iter(f"{SVG}a") if a.find(f"{SVG}rect") is not None]
    assert cells
    for a in cells:
        document, slug = a.get("href").removeprefix("../directives/").split("/#implements-")
        count = a.find(f"{SVG}text").text
        match = [n for (d, s), n in expected.items() if URLS.directive(d) == f"directives/{document}.md" and s == slug]
        assert match == [int(count)]
        assert a.find(f"{SVG}title").text.endswith(f": {count} report{'s' if count != '1' else ''}")


def test_every_picture_is_named_described_and_grouped_for_assistive_technology(overview):
    for lang in ("vi", "en"):
        for picture_id, svg in svgs(overview[lang]).items():
            assert svg.get("role") == "group"
            title = svg.find(f"{SVG}title")
            desc = svg.find(f"{SVG}desc")
            assert title.get("id") == svg.get("aria-labelledby") and title.text
            assert desc.get("id") == svg.get("aria-describedby") and desc.text
            for a in svg.iter(f"{SVG}a"):
                assert a[0].tag == f"{SVG}title" and a[0].text, (picture_id, etree.tostring(a)[:80])


def test_the_captions_say_which_documents_are_shown_and_how_they_are_counted(overview, corpus_context):
    assert "All 11 documents that reports implement. A report that implements several documents counts under each." in overview["en"]
    side = Side("vi", "http://127.0.0.1:8000/", {}, corpus_context)
    page = overview_page(side, count_reports(corpus_context, load_gazetteer(), 4)).content
    assert page.count("4/11 văn bản có nhiều báo cáo thực hiện nhất. Một báo cáo thực hiện nhiều văn bản được đếm ở mỗi văn bản.") == 2


def test_each_picture_has_a_data_table_with_the_same_counts(overview):
    page = overview["vi"]
    for table in ("map-data", "timeline-data", "matrix-data"):
        assert f'<details class="info" id="{table}">' in page
    html = etree.HTML(page.split("# Tổng quan", 1)[1])
    rows = {tr.find("th").xpath("string()"): [td.xpath("string()") for td in tr.findall("td")]
            for tr in html.xpath("(//details[@id='map-data']//table)[1]/tbody/tr")}
    assert len(rows) == 63
    for title in links(svgs(page)["map-63"]):
        name, count = title.split(": ")
        assert rows[name][0] == count.split()[0]


def test_names_and_ids_are_escaped_as_data_never_markup():
    geometry = load_map_geometry()
    hostile = [Area(p.code, "x", '<script>alert("Hà")</script> & Co', "E&N", 1 if i == 0 else 0)
               for i, p in enumerate(load_gazetteer().provinces)]
    svg = province_map("m", "A <b>title</b>", hostile, geometry.shape, geometry, lambda a: "a?b=1&c=2", words("vi"), lambda c: c)
    root = etree.fromstring(svg.encode())
    assert root.find(f"{SVG}title").text == "A <b>title</b>"
    assert next(root.iter(f"{SVG}a")).get("href") == "a?b=1&c=2"
    assert '<script>alert("Hà")</script> & Co: 1 báo cáo' in [t.text for t in root.iter(f"{SVG}title")]
    assert "<script>" not in svg


def test_the_pictures_keep_their_shape_at_one_hundred_thousand_reports(corpus_context):
    """63 provinces × 12 documents × 21 years of counts up to five digits: every count shown, in its box."""
    context = corpus_context
    gazetteer = load_gazetteer()
    counts = count_reports(context, gazetteer, 12)
    documents = tuple(f"{n:02d}-CT/TW" for n in range(1, 13))
    big = type(counts)(
        provinces=tuple(Area(p.code, p.slug, p.name, p.name_en, 1000 + 37 * i) for i, p in enumerate(gazetteer.provinces)),
        provinces_2025=counts.provinces_2025, unknown_province=0,
        years=tuple(str(y) for y in range(2006, 2027)), by_year={str(y): 4700 + y for y in range(2006, 2027)},
        documents=documents, documents_with_reports=40, by_document={d: 8000 for d in documents},
        by_document_year={(d, str(y)): 12_000 + y for d in documents for y in range(2006, 2027)},
        by_document_province={(d, p.slug): 130 + i for d in documents for i, p in enumerate(gazetteer.provinces)},
    )
    link = Links(URLS, URLS.overview)
    grid = etree.fromstring(matrix("matrix", big, words("en"), lambda d: d, link).encode())
    cells = [a for a in grid.iter(f"{SVG}a") if a.find(f"{SVG}rect") is not None]
    assert len(cells) == 63 * 12
    assert {a.find(f"{SVG}text").text for a in cells} == {str(130 + i) for i in range(63)}
    dates = etree.fromstring(timeline("timeline", big, words("vi"), lambda d: d, link).encode())
    boxes = [a for a in dates.iter(f"{SVG}a") if a.find(f"{SVG}rect") is not None]
    assert len(boxes) == 21 + 12 * 21
    for a in boxes:
        rect, text = a.find(f"{SVG}rect"), a.findall(f"{SVG}text")[0]
        assert float(rect.get("width")) >= 6.5 * len(text.text)  # "14.026" fits its box
