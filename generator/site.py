"""Stage 7: docs/ -> site/ with two plain MkDocs builds: Vietnamese at /, English at /en/.

Each side has its own <html lang>, interface language, search index and sitemap; both sides
share the page paths, so the language switch keeps the reader on the same page.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from generator.project import Project


class SiteBuildError(Exception):
    pass


def index_search(site_dir: Path) -> None:
    """Pagefind over the whole built site: one bundle at site/pagefind/, one index per <html lang>."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SiteBuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


def build_site(project: Project, strict: bool = True, search_index: bool = True) -> None:
    """Build the source language first (it cleans site/), then each other side into its folder,
    then the search index. Each side's `site_url` is the project's, whatever the config says."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    for language in project.languages:
        config_file = project.root / language.config
        try:
            config = load_config(config_file=str(config_file), strict=strict, site_url=project.side_url(language))
            build(config)
        except (Abort, ConfigurationError) as exc:
            raise SiteBuildError(f"{config_file.name}: mkdocs build failed: {exc}") from None
    if search_index:
        index_search(project.site_dir)
