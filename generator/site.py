"""Stage 7: docs/ -> site/ with two plain MkDocs builds: Vietnamese at /, English at /en/.

Each side has its own <html lang>, interface language, search index and sitemap; both sides
share the page paths, so the language switch keeps the reader on the same page.

The two sides are built at the same time, each in a process of its own, into one site/ that
this stage cleans first (a side's own build never cleans: the other side may be writing). Each
process then squeezes the indentation out of the HTML it wrote (Material's templates are about
an eighth indentation), keeping every tag and attribute as MkDocs wrote it. Then Pagefind
indexes the whole site.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.project import Language, Project


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


def index_search(site_dir: Path) -> None:
    """Pagefind over the whole built site: one bundle at site/pagefind/, one index per <html lang>."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SiteBuildError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


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


def build_side(root: Path, language: Language, side_url: str, strict: bool = True, others: tuple[str, ...] = ()) -> SideBuild:
    """One side: MkDocs (strict, not cleaning site/), then its pages squeezed, not those of the
    other sides built inside its folder (`others`: their prefixes). Runs in its own process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())
    config_file = root / language.config
    started = time.perf_counter()
    since = time.time() - 1.0  # file times may be a little coarser than the clock
    try:
        config = load_config(config_file=str(config_file), strict=strict, site_url=side_url)
        build(config, dirty=True)
    except (Abort, ConfigurationError) as exc:
        raise SiteBuildError(f"{config_file.name}: mkdocs build failed: {exc}") from None
    site_dir = Path(config["site_dir"])
    files, saved = squeeze_pages(site_dir, since, skip=tuple(site_dir / prefix for prefix in others))
    return SideBuild(language.code, time.perf_counter() - started, files, saved)


def clean_site(site_dir: Path) -> None:
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.mkdir(parents=True)


def build_site(project: Project, strict: bool = True, search_index: bool = True) -> list[SideBuild]:
    """Clean site/, build every side at once (each in its own process), then the search index.
    Each side's `site_url` is the project's, whatever the config says."""
    clean_site(project.site_dir)
    sides = project.languages
    with ProcessPoolExecutor(max_workers=len(sides)) as pool:
        futures = [pool.submit(build_side, project.root, language, project.side_url(language), strict,
                               tuple(other.prefix for other in sides if other.prefix and not language.prefix and other != language))
                   for language in sides]
        built = [future.result() for future in futures]
    if search_index:
        index_search(project.site_dir)
    return built
