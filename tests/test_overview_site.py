"""The overview page in the built site: in the navigation of both sides, its pictures inline,
every link in them going to a page (and section) that the build produced."""

from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml
from lxml import etree, html

SVG = "{http://www.w3.org/2000/svg}"


def overview(built_project: Path, side: str) -> html.HtmlElement:
    root = built_project / "site" / ("en" if side == "en" else "")
    return html.fromstring((root / "overview/index.html").read_text(encoding="utf-8"))


def test_the_overview_is_in_the_navigation_of_both_sides(built_project: Path):
    for side, label in (("vi", "Tổng quan"), ("en", "Overview")):
        home = html.fromstring((built_project / "site" / ("en" if side == "en" else "") / "index.html").read_text(encoding="utf-8"))
        nav = home.xpath("//nav[contains(@class, 'md-nav--primary')]//a[@href='overview/']")
        assert nav and nav[0].text_content().strip() == label
        assert home.xpath("//article//a[@href='overview/']")  # and the home page's own link


def test_the_pictures_are_inline_svg_that_parse_as_xml(built_project: Path):
    for side in ("vi", "en"):
        text = (built_project / "site" / ("en" if side == "en" else "") / "overview/index.html").read_text(encoding="utf-8")
        pictures = [etree.fromstring(("<svg " + chunk.split("</svg>")[0] + "</svg>").encode()) for chunk in text.split("<svg ")[1:]]
        ids = [p.get("aria-labelledby") for p in pictures if p.get("aria-labelledby")]
        assert ids == ["map-63-title", "map-34-title", "timeline-title", "matrix-title"]
        assert "<script" not in text.split('<article', 1)[1].split("</article>")[0]  # nothing runs: static pictures
        [style] = html.fromstring(text).xpath("//link[contains(@href, 'pictures.css')]/@href")
        assert (built_project / "site" / ("en" if side == "en" else "") / "overview" / style).resolve().is_file()


def test_every_link_of_the_pictures_and_their_tables_reaches_a_built_page_and_section(built_project: Path):
    site = built_project / "site"
    for side in ("vi", "en"):
        base = f"http://archive.test/{'en/' if side == 'en' else ''}overview/"
        article = overview(built_project, side).xpath("//article")[0]
        hrefs = {a.get("href") for a in article.iter("a") if a.get("href")}
        checked = 0
        for href in hrefs:
            url = urlparse(urljoin(base, href))
            if url.netloc != "archive.test":
                continue
            target = site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            assert target.is_file(), f"{side}: {href} -> {target}"
            if url.fragment and target.suffix == ".html":
                ids = html.fromstring(target.read_text(encoding="utf-8")).xpath(f"//*[@id='{url.fragment}']")
                assert ids, f"{side}: {href}: no section #{url.fragment}"
            checked += 1
        assert checked > 20


def test_the_maps_count_the_reports_of_the_built_site(built_project: Path):
    """Counted again from the report pages' own front matter, not from the generator's groups."""
    expected, expected_2025 = Counter(), Counter()
    for page in (built_project / "docs/vi/reports").glob("*.md"):
        if page.name == "index.md":
            continue
        province = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])["province"]
        expected[province["name"]] += 1
        expected_2025[province["name_2025"]] += 1
    page = overview(built_project, "vi")
    for picture, counts in (("map-63", expected), ("map-34", expected_2025)):
        svg = page.xpath(f"//svg[@aria-labelledby='{picture}-title']")[0]
        shown = {a.xpath("string(title)").rsplit(": ", 1)[0]: int(a.xpath("string(title)").rsplit(": ", 1)[1].split()[0])
                 for a in svg.iter("a")}
        assert shown == dict(counts)


def test_the_overview_is_not_a_search_result(built_project: Path):
    text = (built_project / "site/overview/index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in text
