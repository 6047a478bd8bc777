"""MkDocs hook: a page's front matter reaches the HTML escaped.

Material prints front-matter strings into the page as they are: `title` into the header
(`md-ellipsis`) and `<title>`, `description` and `author` into `<meta content="…">`. A report
page's front matter carries text from the raw report, its sidecar and its translation, which
is data, never markup. Each string becomes `markupsafe.Markup` (escaped once: Jinja's `| e`
leaves it as it is), so every template that prints it, today's or a later one, shows text.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    for key, value in page.meta.items():
        if isinstance(value, str):
            page.meta[key] = escape(value)
    return markdown
