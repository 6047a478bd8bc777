"""Markdown for the pages: escaping report text, dates in words, front matter, the templates.

Output is plain Markdown with YAML front matter and relative links, so MkDocs (or any
successor that reads mkdocs.yml) is only the last, thin stage. The pages themselves are made
by generator/pages.py.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import escape

from generator.datafiles import DataFileError, load_yaml
from generator.editor_notes import split_notes
from generator.model import Report
from generator.project import LANGUAGES
from generator.registry import Registry
from generator.schema import GENERATED_BY, IndexFrontMatter, ReportFrontMatter
from generator.site_context import english_title
from generator.translation import TranslationView
from generator.vocabulary import load_vocabulary

# Report text is data: nothing in it may become Markdown, MkDocs or HTML syntax. Inline markup
# characters get Python-Markdown's backslash escape (its ESCAPED_CHARS, and "|" for tables);
# "<", ">" and "&" become entities (a backslash before "<" is not an escape there: it would show).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|#])")
_HTML_CHARS = re.compile(r"[&<>]")
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")
# What may open a block when it starts a line: headings, quotes, lists, rules, admonitions
# ("!!!"), details ("???"), fences ("~~~"), blocks ("///"), definitions and tables. The first
# character is escaped: with a backslash where Python-Markdown has one, else as an entity.
_LINE_START = re.compile(r"^(?:[+\-!]|(?P<entity>[?~=:/^]))")
_MD_ORDERED = re.compile(r"^(\d+)([.)])(\s)")  # "1. " would start a numbered list


@lru_cache(maxsize=8192)
def md_escape(text: str) -> str:
    """Report text is data, never markup: one line of text that Markdown, its extensions
    (mkdocs.yml) and HTML all show as it is. Line breaks become spaces (as Markdown shows
    them), so no line of the text can start a block of its own."""
    return _safe_start(md_inline(text))


@lru_cache(maxsize=8192)
def md_inline(text: str) -> str:
    """The same for a piece of a line (spaces at its ends kept): only safe after other text."""
    text = _LINE_BREAKS.sub(" ", text)
    text = _HTML_CHARS.sub(lambda m: _HTML_ENTITIES[m.group()], text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _safe_start(text: str) -> str:
    """Escaped inline text made safe to open a line: no indent, no block syntax at its start."""
    text = _LINE_START.sub(lambda m: f"&#{ord(m.group())};" if m.group("entity") else "\\" + m.group(), text.strip())
    return _MD_ORDERED.sub(r"\1\\\2\3", text)


def notes_md(text: str, label: str) -> str:
    """A translation as Markdown, its editors' notes ([ed: …]) marked as theirs."""
    return _safe_start("".join(f'<span class="editor-note">\\[{md_inline(label)}: {md_inline(piece)}\\]</span>' if note else md_inline(piece)
                               for piece, note in split_notes(text)))


def notes_html(text: str, label: str) -> str:
    """The same, inside raw HTML (the parallel view)."""
    return "".join(f'<span class="editor-note">[{label}: {escape(piece)}]</span>' if note else escape(piece)
                   for piece, note in split_notes(text))


def format_date(iso: str | None, precision: str | None, lang: str) -> str:
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    if lang == "vi":
        if precision == "day":
            return f"ngày {parts[2]} tháng {parts[1]} năm {parts[0]}"
        if precision == "month":
            return f"tháng {parts[1]} năm {parts[0]}"
        return f"năm {parts[0]}"
    months = load_vocabulary().data.months_en
    if precision == "day":
        return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"
    if precision == "month":
        return f"{months[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


@lru_cache(maxsize=1)
def template_env() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown output; report text goes through the `md` filter
    )
    env.filters["md"] = md_escape
    env.filters["notes_md"] = notes_md
    env.filters["notes_html"] = notes_html
    env.filters["date"] = format_date
    return env


def _yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):  # a JSON object is a valid YAML flow mapping
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def front_matter(data: dict[str, Any]) -> str:
    """YAML front matter for flat records (scalars, lists of scalars or of flat mappings, one level of mapping).

    Written by hand because PyYAML's representer dominated build time at 10,000 pages; the
    output is checked against yaml.safe_load in tests/test_rendering.py.
    """
    lines = ["---"]
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{key}:" + ("" if value else " {}"))
            lines += [f"  {k}: {_yaml_scalar(v)}" for k, v in value.items()]
        elif isinstance(value, (list, tuple)):
            lines.append(f"{key}:" + ("" if value else " []"))
            lines += [f"- {_yaml_scalar(v)}" for v in value]
        else:
            lines.append(f"{key}: {_yaml_scalar(value)}")
    return "\n".join(lines) + "\n---\n\n"


def report_front_matter(report: Report, lang: str, view: TranslationView, provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    m = report.metadata
    date = m.date.value
    province = m.province.value
    title = m.title.value or report.id
    title_en = english_title(report, view)
    data = ReportFrontMatter(
        generated_by=GENERATED_BY,
        report_id=report.id,
        lang=lang,  # type: ignore[arg-type]
        title=(title_en or title) if lang == "en" else title,
        title_vi=title,
        title_en=title_en,
        title_derived=m.title_derived,
        translation="original" if lang == "vi" else view.page_status,
        date=date.iso if date else None,
        date_precision=date.precision if date else None,
        date_text=m.date.evidence or None,
        date_basis=date.basis if date else None,
        province=(
            {"name": province.name, "code": province.code, "name_2025": province.name_2025, "code_2025": province.code_2025}
            if province else None
        ),
        implements=list(m.implements),
        cites=list(m.cites),
        local_documents=[d.symbol for d in m.local_documents],
        author=m.author.value,
        source=m.source.value,
        people=list(m.people),
        source_file=f"source_reports/{report.raw.path.name}",
        source_sha256=report.raw.sha256,
        confidence={
            "title": m.title.confidence.value,
            "date": m.date.confidence.value,
            "province": m.province.confidence.value,
            "author": m.author.confidence.value,
            "source": m.source.confidence.value,
        },
        editor_fields=list(report.editor_fields),
        findings=[{"field": f.field, "code": f.code, "message": f.message(lang)} for f in m.findings],  # type: ignore[arg-type, misc]
        **(provenance or {}),
    )
    return data.model_dump(mode="json")


@lru_cache(maxsize=1)
def page_labels() -> dict[str, dict[str, Any]]:
    """data/labels.yaml: the words of the page chrome, with the same keys in every language."""
    data = load_yaml("labels.yaml")
    languages = [language.code for language in LANGUAGES]
    if not isinstance(data, dict) or sorted(data) != sorted(languages):
        raise DataFileError("labels.yaml", f"expected one mapping per language: {', '.join(languages)}")
    reference = _label_keys(data[languages[0]])
    for lang in languages[1:]:
        keys = _label_keys(data[lang])
        if keys != reference:
            missing, extra = sorted(reference - keys), sorted(keys - reference)
            raise DataFileError("labels.yaml", f"{lang}: keys differ from {languages[0]}: missing {missing or 'none'}, extra {extra or 'none'}")
    return data


def _label_keys(section: object, prefix: str = "") -> set[str]:
    if not isinstance(section, dict):
        return set()
    keys: set[str] = set()
    for key, value in section.items():
        keys.add(prefix + str(key))
        keys |= _label_keys(value, f"{prefix}{key}.")
    return keys


def index_front_matter(title: str, lang: str, search: str = "include") -> str:
    data = IndexFrontMatter(generated_by=GENERATED_BY, title=title, lang=lang,
                            search={"exclude": True} if search == "exclude" else None).model_dump(mode="json", exclude_none=True)
    return front_matter(data)


def directive_label(directive_id: str, registry: Registry, lang: str) -> str:
    directive = registry.get(directive_id)
    if directive is None:
        return directive_id
    kind = directive.type if lang == "vi" else directive.type_en
    return f"{kind} {directive.id}"
