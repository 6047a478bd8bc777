"""Live preview: build, serve site/ on 127.0.0.1, rebuild when a raw report, sidecar or page changes."""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
import time
from pathlib import Path
from typing import Callable

WATCHED = ("source_reports", "docs/vi/about.md", "docs/en/about.md", "mkdocs.yml", "mkdocs.en.yml", "overrides", "generator")


def _snapshot(project: Path) -> dict[Path, float]:
    stamps: dict[Path, float] = {}
    for name in WATCHED:
        root = project / name
        paths = [root] if root.is_file() else root.rglob("*") if root.exists() else []
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                stamps[path] = path.stat().st_mtime
    return stamps


def serve(args: argparse.Namespace, rebuild: Callable[[], int]) -> int:
    project: Path = args.project
    rebuild()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving http://127.0.0.1:{args.port}/ (Ctrl-C to stop); rebuilding on changes", file=sys.stderr)
    seen = _snapshot(project)
    try:
        while True:
            time.sleep(1.0)
            now = _snapshot(project)
            if now != seen:
                seen = now
                print("change detected, rebuilding…", file=sys.stderr)
                rebuild()
    except KeyboardInterrupt:
        server.shutdown()
    return 0
