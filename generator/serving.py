"""Live preview: build, serve site/ on 127.0.0.1, rebuild when a raw report, sidecar or page source changes."""

from __future__ import annotations

import functools
import http.server
import logging
import threading
import time
from pathlib import Path

from generator.build import BuildError, build
from generator.project import Project

log = logging.getLogger("generator")
WATCHED = ("docs/vi/about.md", "docs/en/about.md", "mkdocs.yml", "mkdocs.en.yml", "overrides", "generator")


def _snapshot(project: Project) -> dict[Path, float]:
    stamps: dict[Path, float] = {}
    for root in (project.source_dir, project.translations_dir, *(project.root / name for name in WATCHED)):
        paths = [root] if root.is_file() else root.rglob("*") if root.exists() else []
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                stamps[path] = path.stat().st_mtime
    return stamps


def _rebuild(project: Project) -> None:
    """The pages first (only those whose Markdown changed are built again), then the search
    index: a changed page can be read while Pagefind indexes the site."""
    from generator.site import SiteBuildError, index_search

    try:
        build(project, search=False)
        log.info("pages updated; indexing for search…")
        index_search(project.site_dir, project.languages)
        log.info("search index updated")
    except (BuildError, SiteBuildError) as exc:
        log.error("error: %s", exc)


def serve(project: Project, port: int) -> int:
    _rebuild(project)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log.info("serving http://127.0.0.1:%d/ (Ctrl-C to stop); rebuilding on changes", port)
    seen = _snapshot(project)
    try:
        while True:
            time.sleep(1.0)
            now = _snapshot(project)
            if now != seen:
                log.info("change detected, rebuilding…")
                _rebuild(project)
                seen = _snapshot(project)  # the build itself updates translation files
    except KeyboardInterrupt:
        server.shutdown()
    return 0
