"""Shared fixtures: the seed reports, the registry, one strictly built copy of the site, and a browser that visits it at its published address."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.cleaning import clean_report
from generator.model import CleanedText, Report
from generator.pipeline import load_corpus, process_report
from generator.reading import read_report
from generator.registry import Registry, load_registry

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "source_reports"
SEED = {
    "000": SOURCES / "000_f4d9ae87f141ab91.txt",
    "001": SOURCES / "001_6c6cd01c535d82ba.txt",
    "002": SOURCES / "002_bd37ec31966b5a35.txt",
    "003": SOURCES / "003_819d290b6f01cc90.txt",
    "004": SOURCES / "004_a325bf6e288159c8.txt",
}
PROJECT_FILES = ("mkdocs.yml", "mkdocs.en.yml", "overrides", "docs/vi/about.md", "docs/en/about.md")
# Where the test site is published (a project site on a sub-path, as GitHub Pages serves one);
# the browser tests serve it there (tests/test_browser.py).
PUBLISHED_URL = "https://archive.example.org/bao-cao/"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def seed_reports(registry: Registry) -> dict[str, Report]:
    return {key: process_report(path, registry) for key, path in SEED.items()}


@pytest.fixture(scope="session")
def seed_cleaned() -> dict[str, CleanedText]:
    return {key: clean_report(read_report(path)) for key, path in SEED.items()}


@pytest.fixture
def page_metadata(tmp_path: Path, registry: Registry):
    """The metadata of a page saved as a scraper saves it (a fixture written by us, never a
    third-party text): `page_metadata("line\\nline …")`."""
    def extract(text: str, name: str = "trang.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return process_report(path, registry).metadata
    return extract


def copy_project(target: Path, sources: Path = SOURCES) -> Path:
    """A throw-away copy of the project (configs, theme, hand-written pages, raw reports)."""
    for name in PROJECT_FILES:
        src, dst = ROOT / name, target / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)
    shutil.copytree(sources, target / "source_reports")
    shutil.copytree(ROOT / "translations", target / "translations")
    return target


def project_args(project: Path, command: str = "build") -> list[str]:
    """CLI arguments that keep every read and write inside a copied project."""
    return ["--project", str(project), command]


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generate docs/ and build site/ (both languages, --strict) from the bundled reports, for its
    published address; or, for bench/scale_bench.py, a project it built ($ARCHIVE_BUILT_PROJECT:
    the query table at scale)."""
    from generator.build import build
    from generator.project import Project

    if os.environ.get("ARCHIVE_BUILT_PROJECT"):
        return Path(os.environ["ARCHIVE_BUILT_PROJECT"])

    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build(Project.at(project, site_url=PUBLISHED_URL))
    assert result.errors == [] and result.site_built
    return project


@pytest.fixture(scope="session")
def seed_corpus(registry: Registry):
    return load_corpus(SOURCES)


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled reports and one hostile report (tests/hostile_fixture.py), built like built_project."""
    from generator.build import build
    from generator.project import Project
    from tests.hostile_fixture import write_hostile_report

    project = copy_project(tmp_path_factory.mktemp("hostile"))
    write_hostile_report(project / "source_reports", project / "translations")
    result = build(Project.at(project, site_url="http://127.0.0.1:8000/"))
    assert result.errors == [] and result.site_built
    return project


# --- a reader in a real browser (tests/test_browser.py, tests/test_accessibility.py) ------------
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]
PUBLISHED = urlparse(PUBLISHED_URL)
SITE = PUBLISHED_URL.rstrip("/")  # pages are SITE + "/reports/…/"
PREFIX = PUBLISHED.path  # "/bao-cao/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ as GitHub Pages does: a path with no file gets the site's 404 page."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def local_server(built_project: Path):
    handler = functools.partial(QuietHandler, directory=str(built_project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def site_url(local_server: str) -> str:
    """The published address of the site's root (no trailing slash)."""
    return SITE


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "Debian chromium is missing: `make system-deps` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def serve_published(context, local_server: str) -> None:
    """Answer the published address from the local copy; a redirect keeps the sub-path."""
    from playwright.sync_api import Error

    def proxy(route) -> None:
        url = urlparse(route.request.url)
        if not url.path.startswith(PREFIX):
            route.fulfill(status=404, body="outside the site")
            return
        local = f"{local_server}/{url.path[len(PREFIX):]}" + (f"?{url.query}" if url.query else "")
        try:
            response = route.fetch(url=local, max_redirects=0)
            headers = dict(response.headers)
            if "location" in headers and headers["location"].startswith("/"):
                headers["location"] = PREFIX + headers["location"].lstrip("/")
            route.fulfill(status=response.status, headers=headers, body=response.body())  # the bytes as served
        except Error:  # the test ended and closed the page while a request was under way
            pass

    context.route(f"{PUBLISHED.scheme}://{PUBLISHED.netloc}/**", proxy)


@pytest.fixture
def page(browser, local_server):
    context = browser.new_context()
    serve_published(context, local_server)
    page = context.new_page()
    page.requested_hosts = set()  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested_hosts.add(urlparse(request.url).hostname))  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.fixture(scope="module")
def reader(browser, local_server):
    """One page for the tests that only read results: its cache keeps the index between queries."""
    context = browser.new_context()
    serve_published(context, local_server)
    yield context.new_page()
    context.close()
