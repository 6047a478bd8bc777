"""The URL scheme: one place for every path and permanent URL, the same on both sides."""

from generator.urls import URLS


def test_a_report_is_found_at_its_raw_file_name():
    assert URLS.report("003_819d290b6f01cc90") == "reports/003_819d290b6f01cc90.md"
    assert URLS.permanent_url("https://example.org/archive/en/", "003_819d290b6f01cc90") == \
        "https://example.org/archive/en/reports/003_819d290b6f01cc90/"


def test_documents_are_found_by_the_slug_of_their_id():
    assert URLS.directive("03-KH/TW (XI)") == "directives/03-kh-tw-xi.md"
    assert URLS.directive_data("08-QĐi/TW", "csv") == "data/directives/08-qdi-tw.csv"


def test_published_urls_are_directory_urls_and_files_keep_their_names():
    assert URLS.url("https://example.org/", URLS.home) == "https://example.org/"
    assert URLS.url("https://example.org/", URLS.reports_index) == "https://example.org/reports/"
    assert URLS.url("https://example.org", URLS.province_2025("ninh-binh")) == "https://example.org/provinces/since-2025/ninh-binh/"
    assert URLS.url("https://example.org/en/", URLS.feed) == "https://example.org/en/feed.xml"


def test_relative_links():
    assert URLS.relative("reports/a.md", "directives/b.md") == "../directives/b.md"
    assert URLS.relative("index.md", "reports/index.md") == "reports/index.md"
    assert URLS.relative("reports/index.md", "reports/a.md") == "a.md"


def test_the_parallel_view_is_one_page_asked_for_a_report():
    assert URLS.parallel("003_819d290b6f01cc90") == "parallel.md?report=003_819d290b6f01cc90"
    assert URLS.relative("reports/a.md", URLS.parallel("a")) == "../parallel.md?report=a"


def test_links_in_raw_html_go_between_published_pages():
    assert URLS.href(URLS.overview, URLS.province("ha-nam")) == "../provinces/ha-nam/"
    assert URLS.href(URLS.overview, URLS.home) == "../"
    assert URLS.href(URLS.home, URLS.overview) == "overview/"
    assert URLS.href(URLS.provinces_index, URLS.province("ha-nam")) == "ha-nam/"
    assert URLS.href(URLS.overview, URLS.reports_csv) == "../data/reports.csv"


def test_a_document_page_has_a_section_per_province_and_role():
    section = URLS.province_section("implements", "ha-nam")
    assert section == "implements-ha-nam"
    assert URLS.href(URLS.overview, URLS.directive("05-CT/TW"), section) == "../directives/05-ct-tw/#implements-ha-nam"
    assert URLS.province_section("cites", "") == "cites-unknown"
