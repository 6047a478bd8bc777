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
    assert "Translation pending" in page.inner_text("article")
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


def test_search_finds_a_report_by_province(page, site_url):
    page.goto(site_url + "/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("Kiên Giang")
    page.locator("a.md-search-result__link").first.wait_for(timeout=15000)
    hrefs = [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]
    assert any("001_6c6cd01c535d82ba" in h for h in hrefs)
