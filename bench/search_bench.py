"""Search engines at scale: Pagefind (what the site uses) against Material's built-in lunr search
on the same generated pages. For each query: bytes a reader downloads from opening the page to
the first result (raw and gzip-compressed, as GitHub Pages serves them), time to first result,
and the first result. Needs a built bench corpus (bench/build_bench.py 3000 first).

    .venv/bin/python bench/search_bench.py [N]          (default: 3000)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["05-CT/TW", "CT 05", "hung yen", "Nghị quyết Trung ương 4 khóa XI"]
LUNR_CONFIG = """INHERIT: mkdocs.yml
site_dir: site-lunr
plugins:
  - search:
      lang: vi
"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def build_lunr(project: Path) -> float:
    (project / "mkdocs.lunr.yml").write_text(LUNR_CONFIG, encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.lunr.yml"], cwd=project, check=True,
                   capture_output=True)
    return time.perf_counter() - started


COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind", ".gz")  # served as they are


def measure(page, root: Path, url: str, run_query) -> tuple[int, int, float, str]:
    """Bytes fetched (raw, and as a server that gzips text sends them) until the first result, the
    seconds from opening the page to it, and its path."""
    fetched: list[str] = []
    page.on("response", lambda r: fetched.append(urlparse(r.url).path))
    started = time.perf_counter()
    first = run_query(page, url)
    elapsed = time.perf_counter() - started
    raw = gz = 0
    for path in list(fetched):
        file = root / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            data = file.read_bytes()
            raw += len(data)
            gz += len(data) if file.name.endswith(COMPRESSED) else len(gzip.compress(data, 6))
    return raw, gz, elapsed, first


def first_result(query: str, side: str = "/"):
    """Open the search page with ?q= and return the path of the first result, pinned or full-text."""
    def run(page, url: str) -> str:
        page.goto(f"{url}{side}search/?q={quote(query)}")
        first = page.locator(".archive-search__link").first
        first.wait_for(timeout=120000)
        return first.evaluate("a => a.pathname")
    return run


def measure_queries(site: Path, queries) -> list[tuple[str, int, int, float, str]]:
    """Each query in a fresh browser context (an empty cache), against `site` served on 127.0.0.1."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for query in queries:
            context = browser.new_context()
            raw, gz, elapsed, first = measure(context.new_page(), site, url, first_result(query))
            results.append((query, raw, gz, elapsed, first))
            context.close()
        browser.close()
    server.shutdown()
    return results


def pagefind_query(query: str):
    def run(page, url: str) -> str:
        page.goto(f"{url}/site/search/?q={quote(query)}")
        page.locator(".archive-search__result").first.wait_for(timeout=60000)
        return page.locator(".archive-search__link").first.evaluate("a => a.pathname")
    return run


def lunr_query(query: str):
    def run(page, url: str) -> str:
        page.goto(f"{url}/site-lunr/")
        page.locator(".md-search__input").first.click()
        page.locator("input.md-search__input").fill(query)
        link = page.locator("a.md-search-result__link").first
        link.wait_for(timeout=120000)
        return link.get_attribute("href")
    return run


def main(argv: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    n = int(argv[0]) if argv else 3000
    project = ROOT / "bench" / "out" / f"n{n}"
    if not (project / "site" / "pagefind").exists():
        raise SystemExit(f"{project}/site has no Pagefind index: run bench/build_bench.py {n} first")
    print(f"lunr variant built in {build_lunr(project):.1f} s; lunr index "
          f"{(project / 'site-lunr/search/search_index.json').stat().st_size / 2**20:.1f} MiB, "
          f"Pagefind bundle {sum(p.stat().st_size for p in (project / 'site/pagefind').rglob('*') if p.is_file()) / 2**20:.1f} MiB")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(project)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"{'engine':9} {'query':34} {'KiB raw':>8} {'KiB gzip':>8} {'s to 1st':>8}  first result")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for engine, make in (("pagefind", pagefind_query), ("lunr", lunr_query)):
            for query in QUERIES:
                context = browser.new_context()  # a new reader: empty cache
                page = context.new_page()
                raw, gz, elapsed, first = measure(page, project, url, make(query))
                print(f"{engine:9} {query:34} {raw / 1024:>8.0f} {gz / 1024:>8.0f} {elapsed:>8.2f}  {first}", flush=True)
                context.close()
        browser.close()
    server.shutdown()
    shutil.rmtree(project / "site-lunr", ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
