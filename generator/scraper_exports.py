"""A scraper's export saved as .txt is not one report: a CSV with a header row ("title,date,
content") and a row per article, a JSON array or object of articles, or JSON Lines.

`count_exported_articles` says what a text is (None for a report). It looks only at the
shape of the whole file: a report that quotes a JSON line or has commas in every sentence is
still a report, since it neither parses as JSON throughout nor opens with a header of
column names.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from generator.textnorm import fold

# Column names of article exports, folded (Vietnamese and English, snake_case or spaced).
_TEXT_COLUMNS = {"title", "headline", "tieu de", "content", "noi dung", "body", "text", "article", "bai viet",
                 "description", "summary", "tom tat", "sapo", "mo ta"}
_OTHER_COLUMNS = {"id", "date", "ngay", "ngay dang", "published", "published at", "publish date", "time", "thoi gian",
                  "created", "created at", "updated", "url", "link", "source", "nguon", "author", "tac gia",
                  "category", "chuyen muc", "tags", "tu khoa", "keywords", "province", "tinh", "image", "anh", "lang"}
_COLUMN = re.compile(r"[\w\-/#()]+(?: [\w\-/#()]+){0,2}")  # one to three words: "published_at", "Ngày đăng"
_DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True)
class Export:
    """What kind of export a text is, how many articles it holds, and its field names."""

    kind: str  # "CSV", "JSON", "JSON Lines"
    articles: int
    fields: tuple[str, ...]


def _column_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", fold(name).strip().strip('"').lower()).strip()


def _is_article_key(name: str) -> bool:
    return _column_key(name) in _TEXT_COLUMNS


def _header(line: str) -> tuple[str, list[str]] | None:
    """The delimiter and column names when `line` is a header row of an article export."""
    if not any(delimiter in line for delimiter in _DELIMITERS):
        return None  # a header row has a delimiter; checked first, as it needs no folding
    folded = fold(line).lower()
    if not any(column in folded for column in _TEXT_COLUMNS):
        return None  # a header names its text column; a title line does not (most lines stop here)
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        fields = next(csv.reader([line], delimiter=delimiter))
        if len(fields) < 2 or not all(len(f) <= 40 and _COLUMN.fullmatch(f.strip()) for f in fields):
            continue
        keys = [_column_key(f) for f in fields]
        if any(k in _TEXT_COLUMNS for k in keys) and sum(k in _TEXT_COLUMNS | _OTHER_COLUMNS for k in keys) >= 2:
            return delimiter, [f.strip() for f in fields]
    return None


def _csv_export(text: str) -> Export | None:
    start = len(text) - len(text.lstrip("\ufeff\n "))
    end = text.find("\n", start)
    found = _header(text[start : end if end != -1 else len(text)])
    if found is None:
        return None
    delimiter, fields = found
    try:
        rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff\n ")), delimiter=delimiter) if any(c.strip() for c in r)]
    except csv.Error:
        return None
    articles = sum(1 for r in rows[1:] if len(r) == len(fields))
    if not articles or articles < 0.8 * (len(rows) - 1):  # an export's rows all have the header's columns
        return None
    return Export("CSV", articles, tuple(fields))


def _articles_in(value: object) -> list[dict[str, object]] | None:
    """The article records in parsed JSON: a list of them, one, or a list under some key."""
    if isinstance(value, dict):
        if any(_is_article_key(str(k)) for k in value):
            return [value]
        for inner in value.values():
            found = _articles_in(inner) if isinstance(inner, list) else None
            if found:
                return found
        return None
    if isinstance(value, list):
        records = [v for v in value if isinstance(v, dict) and any(_is_article_key(str(k)) for k in v)]
        return records or None
    return None


def _json_export(text: str) -> Export | None:
    stripped = text.strip()
    if not stripped.startswith(("[", "{")):
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        return _json_lines_export(stripped)
    records = _articles_in(value)
    if records is None:
        return Export("JSON", 0, ())
    return Export("JSON", len(records), tuple(dict.fromkeys(str(k) for r in records for k in r)))


def _json_lines_export(text: str) -> Export | None:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or not all(line.lstrip().startswith("{") for line in lines):
        return None
    records: list[dict[str, object]] = []
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        records.append(value)
    articles = [r for r in records if any(_is_article_key(str(k)) for k in r)]
    return Export("JSON Lines", len(articles), tuple(dict.fromkeys(str(k) for r in records for k in r)))


def find_export(text: str) -> Export | None:
    """The export `text` is, or None when it is (as far as its shape tells) one report."""
    return _json_export(text) or _csv_export(text)
