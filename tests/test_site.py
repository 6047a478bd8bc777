"""The built site: strict MkDocs build, both languages, permanent URLs, no third-party requests."""

import re
from pathlib import Path

import pytest
import yaml

from generator.schema import ReportFrontMatter
from tests.conftest import PUBLISHED_URL, SEED

# Any URL with a host (http://, https:// or protocol-relative //) that is not the site itself.
EXTERNAL = re.compile(r"""(?:src|href|url|action)\s*[=(]\s*["']?(?:https?:)?//(?!""" + re.escape(PUBLISHED_URL.split("//")[1]) + ")",
                      re.IGNORECASE)


def test_every_report_has_a_page_in_both_languages_at_its_permanent_url(built_project: Path):
    for path in SEED.values():
        report_id = path.stem
        assert (built_project / "site/reports" / report_id / "index.html").exists()
        assert (built_project / "site/en/reports" / report_id / "index.html").exists()


def test_generated_front_matter_is_valid(built_project: Path):
    pages = [p for p in (built_project / "docs").glob("*/reports/*.md") if p.name != "index.md"]
    assert len(pages) == 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        ReportFrontMatter.model_validate(yaml.safe_load(text.split("---\n")[1]))


def test_both_sides_have_the_same_pages(built_project: Path):
    vi = {p.relative_to(built_project / "docs/vi") for p in (built_project / "docs/vi").rglob("*.md")}
    en = {p.relative_to(built_project / "docs/en") for p in (built_project / "docs/en").rglob("*.md")}
    assert vi == en


def test_html_lang_matches_the_side(built_project: Path):
    assert '<html lang="vi"' in (built_project / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (built_project / "site/en/index.html").read_text(encoding="utf-8")


def test_reports_are_not_listed_in_the_navigation(built_project: Path):
    home = (built_project / "site/index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "reports/000_" not in nav


def test_no_page_asset_or_stylesheet_asks_a_third_party_host(built_project: Path):
    offenders = []
    for path in (built_project / "site").rglob("*"):
        if path.suffix in {".html", ".css"}:
            for match in EXTERNAL.finditer(path.read_text(encoding="utf-8", errors="replace")):
                offenders.append(f"{path.relative_to(built_project)}: {match.group(0)}")
    assert offenders == []


def test_directive_page_lists_its_reports(built_project: Path):
    page = (built_project / "site/directives/03-ct-tw/index.html").read_text(encoding="utf-8")
    assert "000_f4d9ae87f141ab91" in page and "001_6c6cd01c535d82ba" in page
    assert "002_bd37ec31966b5a35" not in page


def test_report_page_shows_metadata_and_clean_body(built_project: Path):
    page = (built_project / "site/reports/002_bd37ec31966b5a35/index.html").read_text(encoding="utf-8")
    assert "Hà Nam" in page and "Ninh Bình" in page and "05-CT/TW" in page
    body = page[page.index('<div class="report-body"') :]
    body = body[: body.index("</div>")]
    assert "Liên kết website" not in body and "Thông tin người gửi phản hồi" not in body
    removed = page[page.index("Phần đã lược khỏi văn bản") :]
    assert "Liên kết website" in removed[: removed.index("</details>")]  # listed as removed, not lost


@pytest.mark.parametrize(
    "path, shown",
    [
        ("site/reports/000_f4d9ae87f141ab91/index.html", "(ghi trong bài)"),
        ("site/en/reports/000_f4d9ae87f141ab91/index.html", "(written in the text)"),
        ("site/reports/003_819d290b6f01cc90/index.html", "khoảng năm 2010</a> (suy ra từ nội dung bài)"),
        ("site/en/reports/003_819d290b6f01cc90/index.html", "c. 2010</a> (inferred from the text)"),
    ],
)
def test_report_page_says_how_its_date_was_found_in_the_pages_language(built_project: Path, path, shown):
    assert shown in (built_project / path).read_text(encoding="utf-8")


def test_english_page_shows_the_editors_translation(built_project: Path):
    page = (built_project / "site/en/reports/001_6c6cd01c535d82ba/index.html").read_text(encoding="utf-8")
    assert "Translated by the archive editors." in page and "Kien Giang" in page and "An Giang" in page
    assert "40,539 Party members, or 98.1%" in page
    assert "<h1" in page and "Briefing conference on the implementation of Directive 03 of the Politburo" in page


def test_the_parallel_view_is_one_page_a_side_that_every_report_links_to(built_project: Path):
    assert not (built_project / "site/parallel/004_a325bf6e288159c8").exists()  # no second copy of both texts
    for side in ("site", "site/en"):
        assert (built_project / side / "parallel/index.html").exists()
        page = (built_project / side / "reports/004_a325bf6e288159c8/index.html").read_text(encoding="utf-8")
        assert 'href="../../parallel/?report=004_a325bf6e288159c8"' in page


def test_home_page_shows_translation_coverage(built_project: Path):
    page = (built_project / "site/en/index.html").read_text(encoding="utf-8")
    assert "English translations of 5 reports: 5 by the archive editors, 0 by machine (not reviewed), 0 in progress, 0 pending" in page


def test_province_since_2025_page_lists_the_merged_provinces_reports(built_project: Path):
    page = (built_project / "site/provinces/since-2025/ninh-binh/index.html").read_text(encoding="utf-8")
    assert "002_bd37ec31966b5a35" in page
    index = (built_project / "site/en/provinces/index.html").read_text(encoding="utf-8")
    assert "Ninh Binh" in index and "Ha Nam" in index


def test_downloads_feed_and_sitemap_are_published(built_project: Path):
    for side in ("site", "site/en"):
        for name in ("feed.xml", "sitemap.xml", "data/index.html"):
            assert (built_project / side / name).stat().st_size > 0, f"{side}/{name}"
    # The data set is published once, at the root; the English pages link to it there.
    for name in ("datapackage.json", "data/reports.json", "data/reports.csv", "data/directives/05-ct-tw.csv",
                 "data/texts-vi.jsonl.gz", "data/texts-en.jsonl.gz", "raw/SHA256SUMS"):
        assert (built_project / "site" / name).stat().st_size > 0, name
    assert not (built_project / "site/en/data/reports.json").exists()
    english_home = built_project / "site/en/index.html"
    for href in re.findall(r'href="([^"]+\.(?:json|csv))"', english_home.read_text(encoding="utf-8")):
        assert (english_home.parent / href).resolve().is_file(), href


def test_every_report_page_offers_citations(built_project: Path):
    page = (built_project / "site/reports/000_f4d9ae87f141ab91/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "@misc{report_000_f4d9ae87f141ab91" in text and '"type": "webpage"' in text.replace("&quot;", '"')
    assert PUBLISHED_URL + "reports/000_f4d9ae87f141ab91/" in page
    newspaper = (built_project / "site/reports/002_bd37ec31966b5a35/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", newspaper).replace("&quot;", '"')
    assert "@article{report_002_bd37ec31966b5a35" in text and "journal = {Báo Hà Nam}" in text and '"type": "article-newspaper"' in text


def test_english_lists_show_english_titles(built_project: Path):
    home = (built_project / "site/en/index.html").read_text(encoding="utf-8")
    assert "Initial results of implementing the Resolution of the 4th Central Committee plenum in Binh Thuan" in home
    facets = (built_project / "site/en/data/facets.json").read_text(encoding="utf-8")
    assert "Briefing conference on the implementation of Directive 03 of the Politburo" in facets


LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0")


def published_text_files(site: Path):
    """Every page, citation, feed, sitemap and download the build wrote (not the theme's own assets)."""
    import gzip

    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".txt", ".bib"} and "assets" not in path.parts:
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.name.endswith(".xml.gz"):
            yield path, gzip.decompress(path.read_bytes()).decode("utf-8")


def test_a_published_build_writes_no_loopback_address_anywhere(built_project: Path):
    files = list(published_text_files(built_project / "site"))
    assert len(files) > 100
    offenders = [f"{path.relative_to(built_project)}: {m.group(0)}" for path, text in files for m in [LOOPBACK.search(text)] if m]
    assert offenders == []
    sitemap = (built_project / "site/sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLISHED_URL}reports/000_f4d9ae87f141ab91/</loc>" in sitemap
    feed = (built_project / "site/en/feed.xml").read_text(encoding="utf-8")
    assert f'href="{PUBLISHED_URL}en/reports/' in feed and "<subtitle>" not in feed


def html_pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        if "assets" not in path.parts and "pagefind" not in path.parts:
            yield path


def test_hreflang_links_name_the_same_page_on_the_other_side(built_project: Path):
    site = built_project / "site"
    checked = 0
    for path in html_pages(site):
        folder = path.parent.relative_to(site).as_posix()
        page_path = "" if folder == "." else folder + "/"  # "", "reports/x/", "en/", "en/reports/x/"
        english = page_path.startswith("en/")
        shared = page_path.removeprefix("en/") if english else page_path
        links = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', path.read_text(encoding="utf-8")))
        assert links == {"vi": PUBLISHED_URL + shared, "en": PUBLISHED_URL + "en/" + shared}, page_path
        other = site / ("" if english else "en") / shared / "index.html"
        assert other.exists(), f"{page_path}: the other side has no {shared}"
        checked += 1
    assert checked > 100


def test_no_page_has_a_duplicate_id(built_project: Path):
    from html.parser import HTMLParser

    class Ids(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.ids += [value for name, value in attrs if name == "id" and value]

    duplicates = {}
    for path in html_pages(built_project / "site"):
        parser = Ids()
        parser.feed(path.read_text(encoding="utf-8"))
        repeated = sorted({i for i in parser.ids if parser.ids.count(i) > 1})
        if repeated:
            duplicates[str(path.relative_to(built_project))] = repeated
    assert duplicates == {}


def test_a_preview_build_says_so_on_every_page_and_in_its_feed(tmp_path: Path, monkeypatch):
    from generator.build import build
    from generator.project import Project
    from tests.conftest import copy_project

    monkeypatch.delenv("SITE_URL", raising=False)
    project = copy_project(tmp_path / "preview")
    assert build(Project.at(project), search=False).site_built
    pages = list(html_pages(project / "site"))
    unmarked = [str(p) for p in pages if 'class="archive-preview"' not in p.read_text(encoding="utf-8")]
    assert pages and unmarked == []
    report = (project / "site/reports/000_f4d9ae87f141ab91/index.html").read_text(encoding="utf-8")
    assert "url = {/reports/000_f4d9ae87f141ab91/}" in report and "chưa có địa chỉ công bố" in report
    feed = (project / "site/en/feed.xml").read_text(encoding="utf-8")
    assert "<subtitle>Preview: this build has no published address" in feed and 'href="/en/reports/' in feed


def test_a_preview_build_without_an_address_writes_no_loopback_address_anywhere(tmp_path: Path, monkeypatch):
    """Without $SITE_URL a build does not invent an address: a reader's link never points at the
    machine that built it. Links, citations, feed and downloads give paths from the site's root."""
    from generator.build import build
    from generator.project import Project
    from tests.conftest import copy_project

    monkeypatch.delenv("SITE_URL", raising=False)
    project = copy_project(tmp_path / "preview")
    assert build(Project.at(project), search=False).site_built
    files = list(published_text_files(project / "site"))
    assert len(files) > 100
    offenders = [f"{path.relative_to(project)}: {m.group(0)}" for path, text in files for m in [LOOPBACK.search(text)] if m]
    assert offenders == []
    row = (project / "site/data/reports.csv").read_text(encoding="utf-8").splitlines()[1]
    assert ",/reports/" in row and ",/raw/" in row


def test_a_published_build_has_no_preview_notice(built_project: Path):
    assert not [p for p in html_pages(built_project / "site") if "archive-preview" in p.read_text(encoding="utf-8")]


def test_the_search_alias_table_leads_to_pages_that_exist_with_their_filter_values(built_project: Path):
    import json

    for side, lang in (("site", "vi"), ("site/en", "en")):
        root = built_project / side
        data = json.loads((root / "data/aliases.json").read_text(encoding="utf-8"))
        assert data["labels"]["types"]["report"] == ("Báo cáo" if lang == "vi" else "Report")
        for doc_id, (path, title, value) in data["documents"].items():
            page = (root / path / "index.html").read_text(encoding="utf-8")
            assert f'data-pagefind-filter="document[data-value]" data-value="{value}"' in page, doc_id
        for slug, (path, title, value) in data["provinces"].items():
            page = (root / path / "index.html").read_text(encoding="utf-8")
            assert f'data-pagefind-filter="province[data-value]" data-value="{value}"' in page, slug
        # two directives are numbered 05-CT/TW (terms XII and XIII): "CT05" offers both, the older first
        assert data["aliases"]["ct05"] == ["05-CT/TW", "05-CT/TW (XIII)"] and data["province_aliases"]["hungyen"] == ["hung-yen"]


def test_no_page_carries_hidden_alias_text_for_the_index(built_project: Path):
    for path in html_pages(built_project / "site"):
        page = path.read_text(encoding="utf-8")
        assert "search-aliases" not in page, path
    for side in ("site", "site/en"):  # the document page once listed every written form of its number
        page = (built_project / side / "directives/05-ct-tw/index.html").read_text(encoding="utf-8")
        assert "CT05" not in page and "05/CT-TW" not in page and "CT 5/TW" not in page


def test_squeezing_a_page_keeps_every_tag_and_the_text_of_preformatted_blocks():
    from generator.site import squeeze_whitespace

    html = '<nav>\n      <a href="../">Báo cáo</a>\n    </nav>\n    <pre><code>@misc{x,\n  title = {{A}}\n}</code></pre>\n  <script>\n  var a = 1;\n</script>'
    assert squeeze_whitespace(html) == '<nav>\n<a href="../">Báo cáo</a>\n</nav>\n<pre><code>@misc{x,\n  title = {{A}}\n}</code></pre>\n<script>\n  var a = 1;\n</script>'


def test_built_pages_carry_no_indentation_outside_preformatted_blocks(built_project: Path):
    page = (built_project / "site/reports/000_f4d9ae87f141ab91/index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|script)\b.*?</\1>", "", page, flags=re.DOTALL)
    assert "\n " not in outside and '<html lang="vi"' in page


def test_a_build_after_a_one_report_change_rebuilds_only_the_pages_that_changed(tmp_path: Path):
    from generator.build import build
    from generator.project import Project
    from tests.conftest import copy_project

    root = copy_project(tmp_path / "project")
    project = Project.at(root, site_url="http://127.0.0.1:8000/")
    build(project, search=False)
    site = root / "site"
    report, other = site / "reports/002_bd37ec31966b5a35/index.html", site / "reports/000_f4d9ae87f141ab91/index.html"
    before = {path: path.stat().st_mtime_ns for path in (report, other, site / "en/reports/000_f4d9ae87f141ab91/index.html")}
    (root / "source_reports/002_bd37ec31966b5a35.yaml").write_text('note: "Đã đối chiếu với bản in."\n', encoding="utf-8")
    (root / "source_reports/004_a325bf6e288159c8.txt").unlink()
    build(project, search=False)
    assert report.stat().st_mtime_ns > before[report] and "Đã đối chiếu với bản in." in report.read_text(encoding="utf-8")
    assert all(path.stat().st_mtime_ns == stamp for path, stamp in before.items() if path != report)
    assert not (site / "reports/004_a325bf6e288159c8").exists() and not (site / "en/reports/004_a325bf6e288159c8").exists()
    (root / "overrides/assets/stylesheets/archive.css").write_text("/* changed */\n", encoding="utf-8")
    build(project, search=False)
    assert other.stat().st_mtime_ns > before[other]  # the theme changed: every page is built again
