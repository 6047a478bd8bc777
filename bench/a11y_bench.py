"""Lighthouse 12 accessibility scores of the pages a reader meets (home, report, document, table,
search with results; both sides), on a published build of the bundled reports served on
127.0.0.1. Prints each score and every audit that failed; asserts nothing (tests/test_accessibility.py
runs axe-core in the test suite).

Needs Node 20 and the npm registry (lighthouse@12 is fetched by `npm exec` on first use) and
Debian's /usr/bin/chromium.

    .venv/bin/python bench/a11y_bench.py [PAGE ...]     (default: the ten pages below)
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIGHTHOUSE = "lighthouse@12.2.3"  # 13 needs Node 22
PUBLISHED = "https://archive.example.org/"
PAGES = [f"{side}{path}" for side in ("/", "/en/") for path in (
    "", "reports/002_bd37ec31966b5a35/", "directives/05-ct-tw/", "reports/", "search/?q=H%C6%B0ng%20Y%C3%AAn",
)]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def published_site(work: Path) -> Path:
    from generator.build import build
    from generator.project import Project
    from tests.conftest import copy_project

    project = copy_project(work / "project")
    build(Project.at(project, site_url=PUBLISHED))
    return project / "site"


def lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    subprocess.run(
        ["npm", "exec", "--yes", f"--package={LIGHTHOUSE}", "--", "lighthouse", url, "--only-categories=accessibility",
         "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}", "--quiet", "--max-wait-for-load=30000"],
        check=True, env=env, cwd=out.parent, capture_output=True, text=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def failed_audits(report: dict) -> list[str]:
    refs = report["categories"]["accessibility"]["auditRefs"]
    audits = report["audits"]
    return [f"{r['id']} ({len(audits[r['id']].get('details', {}).get('items', []))} nodes)"
            for r in refs if r["weight"] > 0 and audits[r["id"]]["score"] not in (None, 1)]


def main(argv: list[str]) -> None:
    pages = argv or PAGES
    work = Path(tempfile.mkdtemp(prefix="a11y-bench-"))
    try:
        site = published_site(work)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        print(f"{LIGHTHOUSE}, accessibility, Debian Chromium, Node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}")
        scores = []
        for i, path in enumerate(pages):
            report = lighthouse(base + path, work / f"page{i}.json")
            score = round(report["categories"]["accessibility"]["score"] * 100)
            scores.append(score)
            failed = failed_audits(report)
            print(f"{score:>4}  {path}" + (f"   failed: {', '.join(failed)}" if failed else ""), flush=True)
        print(f"lowest {min(scores)}, mean {sum(scores) / len(scores):.1f} over {len(scores)} pages")
        server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
