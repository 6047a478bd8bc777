"""The hostile site (tests/hostile_fixture.py) in real Chromium: no payload from a raw report's title,
a sidecar or a PO file runs, on the report, its English side, the parallel views, the faceted
table or the search results. Each payload would set `window.__xss`, open a dialog or load `x`."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from tests.conftest import QuietHandler
from tests.hostile_fixture import REPORT_ID, THEME_LOGO, TITLE, TITLE_EN

pytestmark = pytest.mark.browser
PAGES = {
    f"/reports/{REPORT_ID}/": TITLE,
    f"/en/reports/{REPORT_ID}/": TITLE_EN,
    f"/parallel/?report={REPORT_ID}": TITLE,  # built in the browser from both report pages
    f"/en/parallel/?report={REPORT_ID}": TITLE_EN,
}


@pytest.fixture(scope="module")
def hostile_url(hostile_project: Path):
    handler = functools.partial(QuietHandler, directory=str(hostile_project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def watched(browser):
    """A page that records every dialog and every request it makes."""
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.paths = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.on("request", lambda request: page.paths.append(urlparse(request.url).path))  # type: ignore[attr-defined]
    yield page
    context.close()


def assert_nothing_ran(page) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert [p for p in page.paths if p.rstrip("/").endswith("/x")] == []  # no <img src=x> was made


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_on_the_report_pages_and_the_title_shows_as_text(watched, hostile_url, path):
    assert watched.goto(hostile_url + path).ok
    watched.wait_for_load_state("networkidle")
    assert_nothing_ran(watched)
    assert watched.title().startswith(PAGES[path])  # the parallel view puts the report's title first
    if "parallel" in path:
        watched.locator(".parallel__row").first.wait_for()
        assert PAGES[path] in watched.locator(".parallel").inner_text()
    else:
        assert watched.locator('[data-md-component="header-topic"]').inner_text().strip().endswith(PAGES[path])
    images = watched.evaluate("[...document.images].map(i => new URL(i.src).pathname)")
    assert [src for src in images if not src.endswith(THEME_LOGO)] == []
    scripts = watched.evaluate("[...document.querySelectorAll('article script')].map(s => s.src ? new URL(s.src).pathname : 'inline')")
    assert [src for src in scripts if "/assets/javascripts/" not in src] == []  # only the archive's own files
    assert watched.locator("article iframe").count() == 0


@pytest.mark.parametrize("side", ["/", "/en/"])
def test_no_payload_runs_in_the_faceted_table_of_all_reports(watched, hostile_url, side):
    watched.goto(f"{hostile_url}{side}reports/")
    watched.locator(f'#facets tbody tr[data-report="{REPORT_ID}"]').wait_for()
    row = watched.locator(f'#facets tbody tr[data-report="{REPORT_ID}"]')
    assert (TITLE if side == "/" else TITLE_EN) in row.inner_text()
    assert_nothing_ran(watched)


@pytest.mark.parametrize("side, query", [("/", "sơ kết Chỉ thị 05 onerror"), ("/en/", "reviews Directive 05 onerror")])
def test_no_payload_runs_in_the_search_results(watched, hostile_url, side, query):
    watched.goto(f"{hostile_url}{side}search/?q={quote(query)}")
    results = watched.locator(".archive-search__link")
    results.first.wait_for(timeout=15000)
    watched.wait_for_load_state("networkidle")
    links = [link.get_attribute("href") for link in results.all()]
    assert any(REPORT_ID in (href or "") for href in links)
    shown = watched.locator(".archive-search__list").inner_text()
    assert "<script>" in shown or "onerror" in shown  # the payload is there, as text
    assert_nothing_ran(watched)
