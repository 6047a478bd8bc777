"""Stage 7: docs/ -> site/ with two plain MkDocs builds: Vietnamese at /, English at /en/.

Each side has its own <html lang>, interface language, search index and sitemap; both sides
share the page paths, so the language switch keeps the reader on the same page.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.project import Language, Project
from generator.rendering import page_labels


class SiteBuildError(Exception):
    pass


# Never in an excerpt or a match: heading permalinks ("¶"), a report's table of facts (its values
# are Pagefind metadata and filters instead), the collapsed boxes (citations in BibTeX and JSON, an
# editor's checklist) and the notices about a translation's state.
NOT_INDEXED = (".headerlink", ".report-facts", "details", ".admonition.warning", ".admonition.info")


def index_search(site_dir: Path) -> None:
    """Pagefind over the whole built site: one bundle at site/pagefind/, one index per <html lang>."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet", "--exclude-selectors", ", ".join(NOT_INDEXED)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SiteBuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


def theme_extra(project: Project, language: Language, extra: dict[str, Any]) -> dict[str, Any]:
    """What the theme overrides need beyond mkdocs.yml: each side's absolute root (hreflang),
    whether this is a preview, and the words of the header's search box (data/labels.yaml)."""
    roots = {lang.code: project.side_url(lang) for lang in project.languages}
    sides = [dict(side, url=roots[side["lang"]]) for side in extra.get("languages") or []]
    labels = page_labels()[language.code]
    box = {key: labels["search_ui"][key] for key in ("label", "placeholder", "submit")}
    archive = {"preview": labels["preview_notice"] if project.preview else None, "labels": box}
    return dict(extra, languages=sides, archive=archive)


def build_site(project: Project, strict: bool = True, search_index: bool = True) -> None:
    """Build the source language first (it cleans site/), then each other side into its folder,
    then the search index. Each side's `site_url` is the project's (never a config file's)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    for language in project.languages:
        config_file = project.root / language.config
        try:
            config = load_config(config_file=str(config_file), strict=strict, site_url=project.side_url(language))
            config["extra"] = theme_extra(project, language, dict(config["extra"]))
            build(config)
        except (Abort, ConfigurationError) as exc:
            raise SiteBuildError(f"{config_file.name}: mkdocs build failed: {exc}") from None
    if search_index:
        index_search(project.site_dir)
