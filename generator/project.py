"""A project: where its raw reports, translation memory, generated docs and built site live, its
languages, its published address and how many processes may work. The languages are declared
here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

Lang = Literal["vi", "en"]
# The one place the published address comes from: $SITE_URL (the Pages workflow derives it from
# the repository) or --site-url. Without either the build is a preview that knows no address:
# its links, citations, feeds and downloads give paths from the site's root ("/reports/…/"),
# which work wherever the site is served at a host's root and never point at a machine that is
# not the reader's; every page says so (overrides/partials/preview.html).
PREVIEW_URL = "/"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")


class SiteUrlError(ValueError):
    """The configured site address cannot be published (not absolute http(s), or has a query)."""


def checked_site_url(url: str, origin: str) -> str:
    """An absolute http(s) root URL ending in "/"; `origin` names where it came from for the error."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SiteUrlError(f"{origin}: {url!r} is not an absolute http(s) address of the site's root "
                           "(e.g. https://owner.github.io/repository/)")
    return url.strip().rstrip("/") + "/"


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in LOOPBACK_HOSTS


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
        The site's URL is `site_url`, else $SITE_URL, else a preview's root path "/"."""
        root = Path(root)
        if site_url:
            url = checked_site_url(site_url, "--site-url")
        elif os.environ.get("SITE_URL"):
            url = checked_site_url(os.environ["SITE_URL"], "$SITE_URL")
        else:
            url = PREVIEW_URL
        return cls(
            root=root,
            source_dir=source or root / "source_reports",
            docs_dir=docs or root / "docs",
            translations_dir=translations or root / "translations",
            site_dir=root / "site",
            site_url=url,
            workers=workers,
        )

    @property
    def preview(self) -> bool:
        """A local preview: its addresses are not to be cited, and its pages say so."""
        return self.site_url == PREVIEW_URL or is_loopback(self.site_url)

    def absolute_side_url(self, language: Language) -> str | None:
        """A side's absolute address, for MkDocs (canonical links, sitemap); None in a preview
        that knows no address."""
        url = self.side_url(language)
        return url if urlsplit(url).scheme else None

    def side_url(self, language: Language) -> str:
        return self.site_url + language.prefix

    def lang_docs(self, language: Language) -> Path:
        return self.docs_dir / language.code

    @property
    def target_languages(self) -> tuple[Language, ...]:
        return tuple(lang for lang in self.languages if lang != SOURCE_LANGUAGE)
