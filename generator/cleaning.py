"""Stage 2: raw text -> body blocks, with web chrome removed and kept aside.

What is removed is never lost silently: every dropped line is listed in `CleanedText.dropped`
with the reason, and the byline, source credit, agency tag and header date become metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from generator.datafiles import validated
from generator.model import Block, CleanedText, RawReport, Stamp
from generator.patterns import patterns
from generator.stamps import read_stamp, scraper_stamp
from generator.textnorm import fold, fold_keep_length

_TERMINAL = tuple(".!?…;:,")
HEAD_LINES = 8  # the top of a page, where stamps, chrome and the title stand
MARKER_MAX = 60  # tail markers ("Các tin khác", "%d bloggers like this:") are short lines
CHROME_MAX = 200  # so are chrome lines ("Ảnh minh họa", "Từ khóa: …")
SECTION_LABEL_WORDS = 5  # a site section's name above the title is short ("Thời sự - Chính trị")
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


@dataclass(frozen=True)
class BoilerplateRules:
    tail_markers: frozenset[str]
    drop_lines: re.Pattern[str]  # every `drop_lines` entry read on the folded line, in one alternation
    drop_display_lines: re.Pattern[str]  # those read on the line as printed
    agency_prefix: re.Pattern[str]
    source_credit: re.Pattern[str]
    source_credit_words: tuple[str, ...]  # every credit contains one: lines without any are not searched
    caption: re.Pattern[str]
    caption_words: tuple[str, ...]
    head_markup: re.Pattern[str]  # on the line as printed


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TailMarker(_Entry):
    text: str = Field(min_length=2)


class LinePattern(_Entry):
    pattern: str
    reads: Literal["folded", "display"] = "folded"
    contains: tuple[str, ...] = ()  # a line without one of these words is not searched (speed)
    examples: tuple[str, ...] = Field(min_length=1)
    not_examples: tuple[str, ...] = ()

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regex: {exc}") from None
        return value


class BoilerplateFile(_Entry):
    tail_markers: tuple[TailMarker, ...]
    drop_lines: tuple[LinePattern, ...]
    agency_prefix: LinePattern
    source_credit: LinePattern
    caption: LinePattern
    head_markup: LinePattern

    @field_validator("drop_lines")
    @classmethod
    def _no_named_groups(cls, entries: tuple[LinePattern, ...]) -> tuple[LinePattern, ...]:
        for entry in entries:
            if re.compile(entry.pattern).groupindex:
                raise ValueError(f"{entry.pattern!r}: drop_lines are searched as one alternation, so they may not name groups")
        return entries


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One search for several patterns (none has named groups: LinePattern refuses them)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    data = validated("boilerplate.yaml", BoilerplateFile)
    return BoilerplateRules(
        tail_markers=frozenset(_marker_key(fold(m.text)) for m in data.tail_markers),
        drop_lines=_any_of(d.pattern for d in data.drop_lines if d.reads == "folded"),
        drop_display_lines=_any_of(d.pattern for d in data.drop_lines if d.reads == "display"),
        agency_prefix=re.compile(data.agency_prefix.pattern),
        source_credit=re.compile(data.source_credit.pattern),
        source_credit_words=data.source_credit.contains,
        caption=re.compile(data.caption.pattern),
        caption_words=data.caption.contains,
        head_markup=re.compile(data.head_markup.pattern),
    )


_COUNT = re.compile(r"\s*\(\d+\)$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_UNCLOSED_COMMENT = re.compile(r"<!--[^\n]*")  # runs to the end of its line


def _marker_key(folded_line: str) -> str:
    """'Bình luận (0)' and 'Phản hồi:' (folded) -> 'binh luan', 'phan hoi'."""
    return _COUNT.sub("", folded_line.strip()).rstrip(":").strip()


def _squash(text: str) -> str:
    """Whitespace-free, ellipsis-free form used to spot a repeated lead."""
    return re.sub(r"\s+|…|\.\.\.", "", text)


def remove_html_comments(text: str) -> tuple[str, list[str]]:
    """HTML comments taken out (`<!-- … -->`, over several lines too; one never closed ends
    with its line): a comment is page source, never the article nor evidence (a province it
    names, a date). Each comment's line breaks stay, so the lines around it keep their place."""
    if "<!--" not in text:
        return text, []
    comments: list[str] = []

    def cut(match: re.Match[str]) -> str:
        comments.append(" ".join(match.group().split()))
        return "\n" * match.group().count("\n")

    return _UNCLOSED_COMMENT.sub(cut, _HTML_COMMENT.sub(cut, text)), comments


def split_lines(text: str) -> list[str]:
    """Lines with outer spaces stripped; a whitespace-only line becomes '' (a blank or photo slot)."""
    return [line.strip() for line in text.split("\n")]


def folded_lines(lines: list[str]) -> dict[str, str]:
    """Each short line (the only ones compared with chrome) -> its folded form, folded in one
    call: folding keeps one character per character, so the folded text splits the same way."""
    short = list(dict.fromkeys(line for line in lines if line and len(line) <= CHROME_MAX))
    folded = fold_keep_length("\n".join(short)).split("\n")
    return dict(zip(short, folded)) if len(folded) == len(short) else {}


def is_chrome(line: str, folded: dict[str, str], rules: BoilerplateRules) -> bool:
    """A line of page furniture (boilerplate.yaml drop_lines), dropped wherever it stands."""
    if len(line) > CHROME_MAX:
        return False
    folded_line = folded.get(line) or fold(line)
    return bool(rules.drop_lines.search(folded_line) or rules.drop_display_lines.search(line))


@dataclass(frozen=True)
class Head:
    """What the top of a page holds before its body: stamps, chrome, the title."""

    title: str | None
    stamps: tuple[Stamp, ...]
    dropped: tuple[tuple[str, str], ...]
    lines: list[str]  # every other line, the body, in order


def read_head(lines: list[str], chrome: Callable[[str], bool]) -> Head:
    """The first HEAD_LINES non-empty lines: publication stamps (anywhere among them, above or
    below the title), page chrome, and the title (the first other line, when it looks like one).
    A scraper's " date 2019-06 " before the first line is a stamp too."""
    stamps: list[Stamp] = []
    dropped: list[tuple[str, str]] = []
    kept: list[str] = []
    title: str | None = None
    body_started = False
    seen = 0
    pats = patterns()
    for index, line in enumerate(lines):
        if not line or seen >= HEAD_LINES:
            kept.append(line)
            continue
        seen += 1
        if seen == 1 and (scraped := scraper_stamp(line, pats)):
            stamps.append(scraped[0])
            line = scraped[1].strip()
            if not line:
                continue
        stamp = read_stamp(line, "before_title" if title is None else "after_title", pats)
        if stamp:
            stamps.append(stamp)
            continue
        if chrome(line):
            dropped.append(("web page chrome", line))
            continue
        if title is None and not body_started and is_title_like(line) and any(lines[index + 1 :]):
            following, stamp_between = _next_head_line(lines, index, chrome)
            # between the site's stamp and the article's ("Thứ Sáu, 19/7/2024 | Ban Tuyên giáo Trung
            # ương | Thứ Năm, 8/6/2023 14:46"), the line keeps the place that tells the stamps apart
            if is_section_label(line, following) and not (stamps and stamp_between):
                dropped.append(("section label above the title", line))
                continue
            title = line
            continue
        body_started = True
        kept.append(line)
    return Head(title, tuple(stamps), tuple(dropped), kept)


def _next_head_line(lines: list[str], index: int, chrome: Callable[[str], bool]) -> tuple[str | None, bool]:
    """The next line after `index` that is neither empty, a stamp nor chrome, and whether a stamp came first."""
    stamp_between = False
    for line in lines[index + 1 : index + HEAD_LINES]:
        if not line or chrome(line):
            continue
        if read_stamp(line, "before_title"):
            stamp_between = True
            continue
        return line, stamp_between
    return None, stamp_between


def is_section_label(line: str, following: str | None) -> bool:
    """A site section's name above the title ("Xây dựng Đảng", "Thời sự - Chính trị"), the
    stamp between them or not: a few words, followed by a longer line that looks like a title."""
    words = len(line.split())
    return (following is not None and words <= SECTION_LABEL_WORDS and is_title_like(following)
            and len(following.split()) > words)


def cut_tail(lines: list[str], rules: BoilerplateRules, folded: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Drop everything from the first tail marker ('Phản hồi', 'Bạn nên đọc', …) on."""
    folded = folded or {}
    seen_body = False
    for i, line in enumerate(lines):
        if line and len(line) <= MARKER_MAX and seen_body and _marker_key(folded.get(line) or fold(line)) in rules.tail_markers:
            return lines[:i], [l for l in lines[i:] if l]
        seen_body = seen_body or len(line) > 80
    return lines, []


def is_title_like(line: str) -> bool:
    return 8 <= len(line) <= 220 and not line.endswith(_TERMINAL) and not _SENTENCE_END.search(line[:-1])


def is_name_like(line: str) -> bool:
    """A byline: 1–5 capitalised words, no digits or sentence punctuation ('THANH MAI', 'Thu Thảo')."""
    words = line.replace(".", " ").split()
    return (
        0 < len(words) <= 5
        and len(line) <= 40
        and not any(ch.isdigit() for ch in line)
        and not line.endswith(_TERMINAL)
        and all(w[0].isupper() for w in words)
    )


def remove_repeated_lead(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Scrapers often repeat the lead (the sapo) before the full text: drop a paragraph that the text after it begins with."""
    if len(paragraphs) < 2 or paragraphs[0][:20] != paragraphs[1][:20]:
        return paragraphs, []
    first = _squash(paragraphs[0])
    following = _squash("".join(paragraphs[1:4]))
    if len(first) >= 40 and following.startswith(first):
        return paragraphs[1:], [paragraphs[0]]
    return paragraphs, []


def strip_agency_prefix(paragraph: str, rules: BoilerplateRules) -> tuple[str, str | None]:
    match = rules.agency_prefix.match(paragraph)
    if not match:
        return paragraph, None
    tag = match.group("tag")
    # Only an all-capitals tag ("LSO", "QNO") or a domain ("Baonghean.vn") is an agency tag.
    if not (tag.isupper() or tag.lower().endswith(".vn")):
        return paragraph, None
    return paragraph[match.end():], tag


def is_credited_photo_caption(text: str, rules: BoilerplateRules) -> bool:
    """A short line with a photo credit: 'Báo cáo viên trình bày tham luận – Ảnh: Thanh Huyền'."""
    return len(text) < 300 and any(w in text for w in rules.caption_words) and bool(rules.caption.search(text))


def split_credit(line: str, rules: BoilerplateRules) -> tuple[str | None, str | None]:
    """'Quốc Tuấn _ Theo website Kiên Giang' -> ('Quốc Tuấn', 'Theo website Kiên Giang'); else (None, None)."""
    match = rules.source_credit.search(line) if any(w in line for w in rules.source_credit_words) else None
    if not match:
        return None, None
    credit = match.group("credit").strip()
    before = line[: match.start("credit")].strip().strip("_|-–—").strip()
    return (before or None), credit


def clean_report(raw: RawReport) -> CleanedText:
    rules = boilerplate_rules()
    source, comments = remove_html_comments(raw.text)
    dropped: list[tuple[str, str]] = [("HTML comment", c) for c in comments]
    lines = split_lines(source)
    folded = folded_lines(lines)
    lines, tail = cut_tail(lines, rules, folded)
    dropped += [("web page tail (comments, related links)", t) for t in tail]

    head = read_head(lines, lambda line: is_chrome(line, folded, rules) or bool(rules.head_markup.match(line)))
    dropped += head.dropped
    entries: list[str] = []
    for line in head.lines:
        if not line:
            continue
        if is_chrome(line, folded, rules):
            dropped.append(("web page chrome", line))
            continue
        entries.append(line)

    # Byline and source credit sit at the end.
    byline: str | None = None
    credit: str | None = None
    while entries:
        text = entries[-1]
        name, found_credit = split_credit(text, rules)
        if found_credit and credit is None:
            credit = found_credit
            byline = byline or name
            entries.pop()
            continue
        if byline is None and is_name_like(text) and len(entries) > 1:
            byline = text
            entries.pop()
            continue
        break

    paragraphs = entries
    prefix: str | None = None
    stripped: list[str] = []
    for i, p in enumerate(paragraphs):
        new, tag = strip_agency_prefix(p, rules) if i < 2 else (p, None)
        if tag:
            prefix = prefix or tag
        stripped.append(new)
    paragraphs, repeated = remove_repeated_lead(stripped)
    dropped += [("repeated lead paragraph", r) for r in repeated]
    while paragraphs and head.title and _squash(fold(paragraphs[0])) == _squash(fold(head.title)):
        dropped.append(("repeated title", paragraphs.pop(0)))  # a topic page prints its title twice

    blocks = tuple(classify_blocks(paragraphs, _photo_slots(source), rules))
    return CleanedText(
        title_line=head.title,
        stamps=head.stamps,
        blocks=blocks,
        byline=byline,
        source_credit=credit,
        agency_prefix=prefix,
        dropped=tuple(dropped),
    )


def _photo_slots(text: str) -> frozenset[str]:
    """Lines that follow a whitespace-only line (an image that the scraper lost): caption candidates."""
    slots: set[str] = set()
    raw_lines = text.split("\n")
    for i, line in enumerate(raw_lines):
        if line and not line.strip():  # spaces only (NBSP etc.), not an empty separator line
            following = [l.strip() for l in raw_lines[i + 1 : i + 4] if l.strip()]
            if following:
                slots.add(following[0])
    return frozenset(slots)


def classify_blocks(paragraphs: list[str], photo_slots: frozenset[str], rules: BoilerplateRules) -> list[Block]:
    blocks: list[Block] = []
    last = len(paragraphs) - 1
    for i, text in enumerate(paragraphs):
        blocks.append(Block(kind=_block_kind(i, last, text, paragraphs, photo_slots, rules), text=text))
    return blocks


def _block_kind(i: int, last: int, text: str, paragraphs: list[str], photo_slots: frozenset[str], rules: BoilerplateRules) -> str:
    if is_credited_photo_caption(text, rules):
        return "caption"
    if text in photo_slots and len(text) < 300 and i > 0:
        return "caption"
    if i == 1 and len(text) < 110 and len(_SENTENCE_END.findall(text)) <= 1 and text.endswith(".") and len(paragraphs[0]) > 150:
        # a one-sentence line right after the lead: the caption of the lead photo
        return "caption"
    if 0 < i < last and len(text) <= 120 and not text.endswith(_TERMINAL) and text[0].isupper():
        return "heading"
    return "paragraph"
