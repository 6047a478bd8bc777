"""Stage 7: docs/ -> site/ with two plain MkDocs builds: Vietnamese at /, English at /en/.

Each side has its own <html lang>, interface language, search index and sitemap; both sides
share the page paths, so the language switch keeps the reader on the same page.

The two sides are built at the same time, each in a process of its own, into one site/ (a
side's own build never cleans it: the other side may be writing). A site built before with the
same configuration, theme and MkDocs is built again in place: MkDocs rebuilds only the pages
whose Markdown changed (its `dirty` build) and this stage removes the pages of removed files;
otherwise site/ is cleaned first. Each
process then squeezes the indentation out of the HTML it wrote (Material's templates are about
an eighth indentation), keeping every tag and attribute as MkDocs wrote it. Then Pagefind
indexes the whole site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.project import Language, Project
from generator.rendering import page_labels
from generator.workers import die_with_parent, program_dies_with_parent


class SiteBuildError(Exception):
    pass


@dataclass(frozen=True)
class SideBuild:
    """What one side's build did: its language, seconds, pages written and bytes squeezed out."""

    lang: str
    seconds: float
    pages: int
    squeezed_bytes: int


# A side's MkDocs build leaves site/ as it is (`dirty`): this stage cleans it once, before both
# sides start. MkDocs warns about every such build, which strict mode would count as an error.
_DIRTY_WARNING = "A 'dirty' build is being performed"


class _NotTheDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


# Never in an excerpt or a match: heading permalinks ("¶"), a report's table of facts (its values
# are Pagefind metadata and filters instead), the collapsed boxes (citations in BibTeX and JSON, an
# editor's checklist) and the notices about a translation's state.
NOT_INDEXED = (".headerlink", ".report-facts", "details", ".admonition.warning", ".admonition.info")


def side_pages_glob(side_dir: Path, others: tuple[str, ...]) -> str:
    """A side's pages as a Pagefind glob relative to its folder: its top-level pages and folders,
    not the folders of the other sides built inside it (nor assets and search bundles)."""
    skip = {other.rstrip("/") for other in others} | {"pagefind", "assets"}
    folders = sorted(p.name for p in side_dir.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name not in skip)
    return "{*.html," + ",".join(f"{name}/**/*.html" for name in folders) + "}"


def index_search(site_dir: Path, languages: tuple[Language, ...]) -> None:
    """Pagefind, once per side and one side at a time (the index of one language at a time in
    memory), each over its own folder so that result URLs are relative to the side (the search
    page adds the side's root): site/pagefind/, site/en/pagefind/. Each bundle is written beside
    the last one and swapped in, so a reader of a site rebuilt in place always has an index."""
    prefixes = tuple(language.prefix for language in languages if language.prefix)
    for language in languages:
        side_dir = site_dir / language.prefix
        inside = tuple(p.removeprefix(language.prefix) for p in prefixes if p != language.prefix and p.startswith(language.prefix))
        _index_side(side_dir, side_pages_glob(side_dir, inside))


def _index_side(side_dir: Path, glob: str) -> None:
    bundle = side_dir / "pagefind"
    fresh = bundle.with_name(".pagefind-new")
    shutil.rmtree(fresh, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(side_dir), "--glob", glob, "--output-path", str(fresh.resolve()),
         "--quiet", "--exclude-selectors", ", ".join(NOT_INDEXED)],
        capture_output=True, text=True, preexec_fn=program_dies_with_parent,  # never outlives a killed build
    )
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SiteBuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    old = bundle.with_name(".pagefind-old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


# Elements whose white space is content: never touched.
_KEEP = re.compile(r"<(pre|textarea|script|style)\b")  # MkDocs and Material write tags in lower case
_INDENT = re.compile(r"\n[ \t\n]+")


def squeeze_whitespace(html: str) -> str:
    """Every run of white space that holds a line break becomes one line break (which renders as
    the same single space), except inside <pre>, <textarea>, <script> and <style>."""
    out, at = [], 0
    for match in _KEEP.finditer(html):
        if match.start() < at:
            continue  # inside an element already kept
        end = html.find(f"</{match[1]}>", match.end())
        end = len(html) if end < 0 else end
        out.append(_INDENT.sub("\n", html[at:match.start()]))
        out.append(html[match.start():end])
        at = end
    out.append(_INDENT.sub("\n", html[at:]))
    return "".join(out)


def squeeze_pages(root: Path, since: float, skip: tuple[Path, ...] = ()) -> tuple[int, int]:
    """Squeeze every HTML file under `root` written at or after `since` (not under `skip`):
    (files, bytes saved)."""
    files = saved = 0
    for path in root.rglob("*.html"):
        if any(path.is_relative_to(folder) for folder in skip):
            continue
        if path.stat().st_mtime < since:
            continue
        html = path.read_text(encoding="utf-8")
        small = squeeze_whitespace(html)
        if small != html:
            path.write_text(small, encoding="utf-8")
        files += 1
        saved += len(html.encode("utf-8")) - len(small.encode("utf-8"))
    return files, saved


def theme_extra(project: Project, language: Language, extra: dict[str, Any]) -> dict[str, Any]:
    """What the theme overrides need beyond mkdocs.yml: each side's absolute root (hreflang),
    whether this is a preview, and the words of the header's search box (data/labels.yaml)."""
    roots = {lang.code: project.side_url(lang) for lang in project.languages}
    sides = [dict(side, url=roots[side["lang"]]) for side in extra.get("languages") or []]
    labels = page_labels()[language.code]
    box = {key: labels["search_ui"][key] for key in ("label", "placeholder", "submit")}
    archive = {"preview": labels["preview_notice"] if project.preview else None, "labels": box}
    return dict(extra, languages=sides, archive=archive)


def build_side(project: Project, language: Language, strict: bool = True, others: tuple[str, ...] = ()) -> SideBuild:
    """One side: MkDocs (strict, not cleaning site/), then its pages squeezed, not those of the
    other sides built inside its folder (`others`: their prefixes). Runs in its own process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())
    config_file = project.root / language.config
    started = time.perf_counter()
    since = time.time() - 1.0  # file times may be a little coarser than the clock
    try:
        config = load_config(config_file=str(config_file), strict=strict, site_url=project.absolute_side_url(language))
        config["extra"] = theme_extra(project, language, dict(config["extra"]))
        build(config, dirty=True)
    except (Abort, ConfigurationError) as exc:
        raise SiteBuildError(f"{config_file.name}: mkdocs build failed: {exc}") from None
    site_dir = Path(config["site_dir"])
    files, saved = squeeze_pages(site_dir, since, skip=tuple(site_dir / prefix for prefix in others))
    return SideBuild(language.code, time.perf_counter() - started, files, saved)


STAMP = ".build-stamp.json"  # in site/: what the pages there were built with


def site_stamp(project: Project) -> dict[str, str]:
    """What every built page depends on besides its own Markdown: the configurations, the theme
    overrides, the words and flags given to them and the versions of MkDocs and Material. A change
    to any means a clean build."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    sources = [project.root / language.config for language in project.languages]
    overrides = project.root / "overrides"
    sources += sorted(p for p in overrides.rglob("*") if p.is_file()) if overrides.is_dir() else []
    for path in sources:
        digest.update(path.relative_to(project.root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for language in project.languages:  # the words and roots the overrides are given (labels.yaml, preview)
        digest.update(json.dumps(theme_extra(project, language, {}), sort_keys=True, ensure_ascii=False).encode() + b"\0")
    return {"sources": digest.hexdigest(), "mkdocs": version("mkdocs"), "material": version("mkdocs-material"),
            "site_url": project.site_url}


def prepare_site(project: Project, removed: dict[str, list[str]]) -> bool:
    """Make site/ ready for both sides: True if the pages already there can stay (same stamp),
    with those of removed files deleted; else site/ is emptied. Returns whether it was kept."""
    site_dir = project.site_dir
    try:
        kept = json.loads((site_dir / STAMP).read_text(encoding="utf-8")) == site_stamp(project)
    except (OSError, ValueError):
        kept = False
    if not kept:
        if site_dir.exists():
            shutil.rmtree(site_dir)
        site_dir.mkdir(parents=True)
        return False
    (site_dir / STAMP).unlink()  # written again once both sides are built
    prefixes = {language.code: language.prefix for language in project.languages}
    for lang, paths in removed.items():
        for path in paths:
            if path.endswith(".md"):
                page = site_dir / prefixes.get(lang, "") / project_url(path) / "index.html"
            else:
                page = site_dir / prefixes.get(lang, "") / path
            page.unlink(missing_ok=True)
            if page.name == "index.html" and page.parent.is_dir() and not any(page.parent.iterdir()):
                page.parent.rmdir()
    return True


def project_url(path: str) -> str:
    """The folder of a docs path's published page ("reports/a.md" -> "reports/a", "a/index.md" -> "a")."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index").rstrip("/") if stem.endswith("index") else stem


def build_site(project: Project, strict: bool = True, search_index: bool = True,
               removed: dict[str, list[str]] | None = None) -> list[SideBuild]:
    """Build every side at once (each in its own process), then the search index. Each side's
    `site_url` is the project's, whatever the config says. `removed`: language -> docs paths the
    writer removed since the last build, whose pages go too."""
    prepare_site(project, removed or {})
    sides = project.languages
    with ProcessPoolExecutor(max_workers=len(sides), initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(build_side, project, language, strict,
                               tuple(other.prefix for other in sides if other.prefix and not language.prefix and other != language))
                   for language in sides]
        built = [future.result() for future in futures]
    if search_index:
        index_search(project.site_dir, sides)
    (project.site_dir / STAMP).write_text(json.dumps(site_stamp(project)), encoding="utf-8")
    return built
