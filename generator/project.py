"""A project: where its raw reports, translation memory, generated docs and built site live, its
languages, its published address and how many processes may work. The languages are declared
here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Lang = Literal["vi", "en"]
PREVIEW_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Language:
    code: Lang
    config: str  # the side's MkDocs configuration file
    prefix: str  # where the side lives under the site's root URL


SOURCE_LANGUAGE = Language("vi", "mkdocs.yml", "")
LANGUAGES: tuple[Language, ...] = (SOURCE_LANGUAGE, Language("en", "mkdocs.en.yml", "en/"))


@dataclass(frozen=True)
class Project:
    root: Path
    source_dir: Path
    docs_dir: Path
    translations_dir: Path
    site_dir: Path
    site_url: str  # the site's root URL, ending in "/"; each side is `site_url + prefix`
    workers: int | None = None  # processes for reading reports; None: one per core (at most 4)
    languages: tuple[Language, ...] = field(default=LANGUAGES)

    @classmethod
    def at(cls, root: Path | str = ".", *, source: Path | None = None, docs: Path | None = None,
           translations: Path | None = None, site_url: str | None = None, workers: int | None = None) -> "Project":
        """The project in `root` with its usual layout; any folder may be given elsewhere.
        The site's URL is `site_url`, else $SITE_URL, else the local preview address."""
        root = Path(root)
        url = site_url or os.environ.get("SITE_URL") or PREVIEW_URL
        return cls(
            root=root,
            source_dir=source or root / "source_reports",
            docs_dir=docs or root / "docs",
            translations_dir=translations or root / "translations",
            site_dir=root / "site",
            site_url=url.rstrip("/") + "/",
            workers=workers,
        )

    def side_url(self, language: Language) -> str:
        return self.site_url + language.prefix

    def lang_docs(self, language: Language) -> Path:
        return self.docs_dir / language.code

    @property
    def target_languages(self) -> tuple[Language, ...]:
        return tuple(lang for lang in self.languages if lang != SOURCE_LANGUAGE)
