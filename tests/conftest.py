"""Shared fixtures: the seed reports, the registry, and one strictly built copy of the site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
    """Generate docs/ and build site/ (both languages, --strict) from the bundled reports; or, for
    bench/scale_bench.py, a project it built ($ARCHIVE_BUILT_PROJECT: the query table at scale)."""
    from generator.build import build
    from generator.project import Project

    if os.environ.get("ARCHIVE_BUILT_PROJECT"):
        return Path(os.environ["ARCHIVE_BUILT_PROJECT"])

    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build(Project.at(project, site_url="http://127.0.0.1:8000/"))
    assert result.errors == [] and result.site_built
    return project


@pytest.fixture(scope="session")
def seed_corpus(registry: Registry):
    return load_corpus(SOURCES)
