"""A reader in a real browser: headless Debian Chromium driven by Playwright, site served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_project: Path):
    handler = functools.partial(QuietHandler, directory=str(built_project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian chromium is missing: `make system-deps` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.requested_hosts = set()  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested_hosts.add(urlparse(request.url).hostname))  # type: ignore[attr-defined]
    yield page
    context.close()


def test_pages_load_without_any_third_party_request(page, site_url):
    for path in ("/", "/reports/002_bd37ec31966b5a35/", "/en/", "/en/directives/05-ct-tw/", "/provinces/", "/years/"):
        response = page.goto(site_url + path)
        assert response.ok, path
        page.wait_for_load_state("networkidle")
    assert page.requested_hosts == {"127.0.0.1"}


def test_language_switch_keeps_the_reader_on_the_same_report(page, site_url):
    page.goto(site_url + "/reports/001_6c6cd01c535d82ba/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[data-archive-lang="en"]').click()
    page.wait_for_url("**/en/reports/001_6c6cd01c535d82ba/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Translated by the archive editors." in page.inner_text("article")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[data-archive-lang="vi"]').click()
    page.wait_for_url(site_url + "/reports/001_6c6cd01c535d82ba/")


def test_directive_page_lists_the_reports_that_implement_it(page, site_url):
    page.goto(site_url + "/directives/03-ct-tw/")
    links = page.locator("article a[href*='reports/']")
    targets = {link.get_attribute("href").rstrip("/").split("/")[-1] for link in links.all()}
    assert targets == {"000_f4d9ae87f141ab91", "001_6c6cd01c535d82ba"}


def test_reader_follows_links_from_report_to_province_and_directive(page, site_url):
    page.goto(site_url + "/reports/004_a325bf6e288159c8/")
    page.get_by_role("link", name="Nghị quyết 12-NQ/TW").first.click()
    page.wait_for_url("**/directives/12-nq-tw/")
    assert "Một số vấn đề cấp bách về xây dựng Đảng hiện nay" in page.inner_text("article")
    page.go_back()
    page.locator("article").get_by_role("link", name="Bình Thuận").first.click()
    page.wait_for_url("**/provinces/binh-thuan/")
    assert "Lâm Đồng" in page.inner_text("article")


# query -> expected first result, on the Vietnamese side ("/") and the English side ("/en/").
SEARCH_CASES = [
    ("/", "05-CT/TW", "directives/05-ct-tw/"),
    ("/", "CT 05", "directives/05-ct-tw/"),
    ("/", "CT05", "directives/05-ct-tw/"),
    ("/", "Chỉ thị 05", "directives/05-ct-tw/"),
    ("/", "chỉ thị số 05-CT/TW", "directives/05-ct-tw/"),
    ("/", "chi thi 5", "directives/05-ct-tw/"),
    ("/", "05/CT-TW", "directives/05-ct-tw/"),
    ("/", "03-CT/TW", "directives/03-ct-tw/"),
    ("/", "Chỉ thị 03", "directives/03-ct-tw/"),
    ("/", "06-CT/TW", "directives/06-ct-tw/"),
    ("/", "Nghị quyết Trung ương 4 khóa XI", "directives/12-nq-tw/"),
    ("/", "Nghị quyết Trung ương 4 khoá XII", "directives/04-nq-tw/"),
    ("/", "NQ TW4", "directives/12-nq-tw/"),
    ("/", "12-NQ/TW", "directives/12-nq-tw/"),
    ("/", "Kết luận 01", "directives/01-kl-tw/"),
    ("/", "08-QĐi/TW", "directives/08-qdi-tw/"),
    ("/", "Directive 05", "directives/05-ct-tw/"),
    ("/", "Resolution 12", "directives/12-nq-tw/"),
    ("/", "hung yen", "provinces/hung-yen/"),
    ("/", "Hưng Yên", "provinces/hung-yen/"),
    ("/", "binh thuan", "provinces/binh-thuan/"),
    ("/", "Kiên Giang", "provinces/kien-giang/"),
    ("/", "lang son", "provinces/lang-son/"),
    ("/", "Tỉnh uỷ Bình Thuận", "reports/004_a325bf6e288159c8/"),
    ("/", "Tỉnh ủy Bình Thuận", "reports/004_a325bf6e288159c8/"),
    ("/", "Trần Thị Thanh Thủy", "reports/000_f4d9ae87f141ab91/"),
    ("/", "tran thi thanh thuy", "reports/000_f4d9ae87f141ab91/"),
    ("/", "Đỗ Văn Thắng", "reports/002_bd37ec31966b5a35/"),
    ("/", "do van thang", "reports/002_bd37ec31966b5a35/"),
    ("/", "Nhà khách Tỉnh uỷ", "reports/003_819d290b6f01cc90/"),
    ("/", "Văn phòng Tỉnh uỷ Lạng Sơn", "provinces/lang-son/"),
    ("/en/", "Directive 05", "en/directives/05-ct-tw/"),
    ("/en/", "Resolution 12", "en/directives/12-nq-tw/"),
    ("/en/", "Conclusion 01", "en/directives/01-kl-tw/"),
    ("/en/", "05-CT/TW", "en/directives/05-ct-tw/"),
    ("/en/", "hung yen", "en/provinces/hung-yen/"),
    ("/en/", "Kien Giang", "en/provinces/kien-giang/"),
    ("/en/", "NQ TW4", "en/directives/12-nq-tw/"),
]


@pytest.mark.parametrize("side, query, expected", SEARCH_CASES, ids=[f"{s}{q}" for s, q, _ in SEARCH_CASES])
def test_search_puts_the_expected_page_first(page, site_url, side, query, expected):
    from urllib.parse import quote

    page.goto(f"{site_url}{side}search/?q={quote(query)}")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")  # the alias index that pins a document typed by number
    first = page.locator(".search-pinned a, .pagefind-ui__result-link").first
    assert first.evaluate("a => a.pathname") == "/" + expected


def test_typing_a_document_number_pins_that_document(page, site_url):
    page.goto(site_url + "/en/search/")
    page.locator(".pagefind-ui__search-input").fill("chi thi so 5")
    pinned = page.locator(".search-pinned a")
    pinned.first.wait_for(timeout=15000)
    # two directives are numbered 05-CT/TW (terms XII and XIII): both are pinned, in registry order
    assert [a.evaluate("a => a.pathname") for a in pinned.all()] == ["/en/directives/05-ct-tw/", "/en/directives/05-ct-tw-xiii/"]


def test_typing_in_the_search_box_shows_results(page, site_url):
    page.goto(site_url + "/search/")
    page.locator(".pagefind-ui__search-input").fill("Cuộc vận động")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    assert page.locator(".pagefind-ui__result-link").count() >= 1


def test_faceted_table_filters_and_sorts_in_the_browser(page, site_url):
    page.goto(site_url + "/en/reports/")
    rows = page.locator("#facets tbody tr")
    rows.first.wait_for()
    assert rows.count() == 5
    page.select_option("select[data-facet=province2025]", label="Ninh Binh")
    assert [r.get_attribute("data-report") for r in rows.all()] == ["002_bd37ec31966b5a35"]
    page.select_option("select[data-facet=province2025]", value="")
    page.select_option("select[data-facet=document]", label="03-CT/TW")
    assert {r.get_attribute("data-report") for r in rows.all()} == {"000_f4d9ae87f141ab91", "001_6c6cd01c535d82ba"}
    page.select_option("select[data-facet=document]", value="")
    page.fill("#facets input[type=search]", "binh thuan")
    assert [r.get_attribute("data-report") for r in rows.all()] == ["004_a325bf6e288159c8"]
    page.fill("#facets input[type=search]", "")
    page.click("th[data-sort=date]")
    dates = [r.locator("td").first.inner_text() for r in rows.all()]
    assert dates == sorted(d for d in dates if d != "—") + ["—"] * dates.count("—")  # oldest first, undated last
    rows.first.locator("a").click()
    page.wait_for_url("**/en/reports/*/")


def test_english_reader_gets_the_translation_and_the_parallel_view(page, site_url):
    page.goto(site_url + "/reports/003_819d290b6f01cc90/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a[data-archive-lang="en"]').click()
    page.wait_for_url("**/en/reports/003_819d290b6f01cc90/")
    article = page.inner_text("article")
    assert "Translated by the archive editors." in article and "49 Party members" in article
    assert page.locator(".report-body").get_attribute("lang") == "en"
    page.get_by_role("link", name="Parallel view").first.click()
    page.wait_for_url("**/en/parallel/003_819d290b6f01cc90/")
    rows = page.locator(".parallel__row[data-segment]")
    assert rows.count() == 9
    assert "Photo: Thanh Huyền" in rows.nth(3).inner_text()


def test_the_translation_filter_offers_the_statuses_the_reports_have(page, site_url):
    page.goto(site_url + "/en/reports/")
    rows = page.locator("#facets tbody tr")
    rows.first.wait_for()
    options = page.locator("select[data-facet=status] option")
    assert [o.get_attribute("value") for o in options.all()] == ["", "editors"]  # the five seed reports
    page.select_option("select[data-facet=status]", value="editors")
    assert rows.count() == 5 and options.nth(1).inner_text() == "by the archive editors"


def test_the_raw_file_downloads_byte_for_byte_from_an_english_page(page, site_url, built_project):
    page.goto(site_url + "/en/reports/002_bd37ec31966b5a35/")
    link = page.locator('a[href$="002_bd37ec31966b5a35.txt"]')
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.body() == (built_project / "source_reports/002_bd37ec31966b5a35.txt").read_bytes()
