"""Editors' notes inside a translation: `[ed: printed “Wetise”]` in a PO file's English.

What the editors add that the Vietnamese does not say (a misprint pointed out, a word the
printed title leaves out) is written `[ed: …]` in the msgstr. Pages show it marked as the
editors' note, the data keep it as written, and translation QA and citations leave it out.
"""

from __future__ import annotations

import re

NOTE = re.compile(r"\[ed: ([^\[\]]+)\]")
_NOTE_WITH_SPACE = re.compile(r"\s?\[ed: [^\[\]]+\]")


def split_notes(text: str) -> list[tuple[str, bool]]:
    """The text in pieces, each (text, is_note): 'the website [ed: printed “Wetise”] and' ->
    [('the website ', False), ('printed “Wetise”', True), (' and', False)]."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    for match in NOTE.finditer(text):
        if match.start() > start:
            pieces.append((text[start : match.start()], False))
        pieces.append((match.group(1), True))
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append((text[start:], False))
    return pieces


def without_notes(text: str) -> str:
    """The translation alone, as QA checks it and a citation quotes it."""
    return _NOTE_WITH_SPACE.sub("", text) if "[ed: " in text else text
