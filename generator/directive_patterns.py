"""Every written form of a Party document reference, as regexes over folded text.

Matching runs on `fold_keep_length(prepare(text))`: tone-less, lower case, đ -> d, so
"Chỉ thị", "Chi thi" and "chỉ thị" match alike and spans line up with the display text.
Each pattern lists the examples it must match; tests/test_directive_patterns.py checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.scanning import first_not_after, trie_pattern
from generator.textnorm import fold_keep_length

# "TƯ" / "T.Ư" (Trung ương) would fold to "tu", the suffix of a provincial committee; make them
# "TW" first (same length, so spans still line up).
_TU_CENTRAL = re.compile(r"T(\.?)Ư(?![A-Za-zÀ-ỹ])")


def prepare(text: str, folded: str | None = None) -> str:
    """The folded text with "TƯ" read as "TW" (pass `folded` when the text is already folded)."""
    folded = fold_keep_length(text) if folded is None else folded
    if "Ư" not in text:
        return folded
    chars = list(folded)
    for match in _TU_CENTRAL.finditer(text):
        chars[match.end() - 1] = "w"
    return "".join(chars)


# Type words and abbreviations -> canonical Vietnamese type.
TYPE_WORDS: dict[str, str] = {
    "chi thi": "Chỉ thị", "ct": "Chỉ thị",
    "nghi quyet": "Nghị quyết", "nq": "Nghị quyết",
    "ket luan": "Kết luận", "kl": "Kết luận",
    "ke hoach": "Kế hoạch", "kh": "Kế hoạch",
    "quy dinh": "Quy định", "qdi": "Quy định",
    "huong dan": "Hướng dẫn", "hd": "Hướng dẫn",
    "quyet dinh": "Quyết định",
    "chuong trinh hanh dong": "Chương trình hành động", "ctr": "Chương trình hành động",
    "cong van": "Công văn", "cv": "Công văn",
    "thong bao": "Thông báo", "tb": "Thông báo",
}
# Symbol type code (folded) -> printed code.
TYPE_CODES: dict[str, str] = {
    "nq": "NQ", "ct": "CT", "kl": "KL", "kh": "KH", "hd": "HD", "qdi": "QĐi", "qd": "QĐ",
    "cv": "CV", "tb": "TB", "bc": "BC", "ttr": "TTr", "ctr": "CTr", "da": "ĐA",
}
# Issuer suffix (folded) -> printed suffix, and whether it is a central body.
ISSUERS: dict[str, tuple[str, bool]] = {
    "tw": ("TW", True), "t.w": ("TW", True), "btctw": ("BTCTW", True), "btgtw": ("BTGTW", True),
    "ubkttw": ("UBKTTW", True), "vptw": ("VPTW", True), "qutw": ("QUTW", True),
    "tu": ("TU", False), "hu": ("HU", False), "qu": ("QU", False), "du": ("ĐU", False),
    "duk": ("ĐUK", False), "btctu": ("BTCTU", False), "btgtu": ("BTGTU", False),
    "ubkttu": ("UBKTTU", False), "vptu": ("VPTU", False), "bdvtu": ("BDVTU", False),
    "tu.": ("TU", False), "tp": ("TP", False), "tx": ("TX", False),
}

SYMBOL = re.compile(
    r"(?P<num>" + first_not_after(r"\d", r"[\w/.]") + r"\d{0,3})\s*[-–—/]\s*"
    r"(?P<type>ctr|ct|nq|kl|kh|hd|qdi|qd|cv|tb|bc|ttr|da)\s*[-–/]\s*"
    r"(?P<iss>btctw|btgtw|ubkttw|vptw|qutw|btctu|btgtu|ubkttu|vptu|bdvtu|t\.w|tw|tu|hu|qu|duk|du)(?![a-z])"
)
SYMBOL_EXAMPLES = [
    "Chỉ thị số 05-CT/TW", "03-CT/T.Ư", "Chỉ thị 03/CT-TW", "05 – CT/TW", "06 - CT/TW", "08-QĐi/TW",
    "Kế hoạch 24-KH/TU", "926-CV/BTCTU", "05-CT-TW", "10-CT / TW", "05-CT/TƯ", "101-QD/TW",
]
SYMBOL_NOT = ["14/14 huyện", "5/01/2012", "452/507 đồng chí"]

_BARE_TYPE_WORDS = ["chuong trinh hanh dong", "chi thi", "nghi quyet", "ket luan", "ke hoach", "huong dan", "quy dinh",
                    "quyet dinh", "cong van", "thong bao", "ctr", "ct", "nq", "kl", "kh", "hd"]
# The definition. `find_bare` finds the same spans faster, reading the text backwards.
BARE = re.compile(
    r"(?<![a-z])(?P<tw>" + "|".join(_BARE_TYPE_WORDS) + r")\s*(?:so\s*)?(?P<num>\d{1,3})(?!\d)(?![/.,]\d)(?!\s*[-–—/]\s*[a-z])"
)
# BARE on the reversed text: it starts at the number, and numbers are rare where the type words'
# first letters (c, n, k, h, q, t) are everywhere, so `re` skips ahead (3× faster). The look-ahead
# after the number becomes fixed-width look-behinds; "not followed by '-CT/…'" is checked afterwards.
_BARE_REVERSED = re.compile(
    r"(?P<num>" + first_not_after(r"\d", r"\d") + r"(?<!\d[/.,]\d)\d{0,2})\s*(?:os\s*)?"
    r"(?P<tw>" + trie_pattern([w[::-1] for w in _BARE_TYPE_WORDS]) + r")(?![a-z])"
)
_SYMBOL_TAIL = re.compile(r"\s*[-–—/]\s*[a-z]")


@dataclass(frozen=True)
class BareMatch:
    start: int
    end: int
    type_word: str  # folded: "chi thi", "ct"
    number: int


def find_bare(folded: str) -> list[BareMatch]:
    """The matches of BARE in `folded`, in order."""
    backwards, n = folded[::-1], len(folded)
    found = []
    for m in _BARE_REVERSED.finditer(backwards):
        start, end = n - m.end(), n - m.start()
        if not _SYMBOL_TAIL.match(folded, end):
            found.append(BareMatch(start, end, m["tw"][::-1], int(m["num"][::-1])))
    found.reverse()
    return found


BARE_EXAMPLES = [
    "Chỉ thị 05", "Chỉ thị số 05", "CT 05", "CT05", "chi thi 5", "Kế hoạch số 03, ngày 01-7-2011",
    "Hướng dẫn 09, ngày 02-3-2012", "Nghị quyết số 26 của Ban Chấp hành Trung ương", "Kết luận 01",
    "Chương trình hành động số 62 của Tỉnh ủy",
]
BARE_NOT = ["Chỉ thị 05-CT/TW", "Kế hoạch năm 2019", "chỉ thị 2019"]

_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_N = r"(?:\d{1,2}|nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi)"
_CC = r"(?:ban chap hanh trung uong|bch\s*tw|bchtw)(?:\s*dang)?"
PLENUM = re.compile(
    r"(?<![a-z])(?:nghi quyet|nq)\s*(?:hoi nghi\s*)?"
    r"(?:(?:trung uong|t\.w|tw)\s*(?:lan thu\s*)?(?P<n1>" + _N + r")(?P<more>(?:\s*(?:,|va)\s*\d{1,2})*)"
    r"|lan thu\s*(?P<n2>" + _N + r")\s*(?:" + _CC + r")?)"
    r"(?![\w-])(?:\s*,?\s*" + _CC + r")?"
    r"(?:\s*[,(]?\s*\(?\s*khoa\s*(?P<term>xiv|xiii|xii|xi|x|ix|viii|\d{1,2})(?![a-z])\)?)?"
)
PLENUM_STARTS = ("nghi quyet", "nq")  # every match begins with one (scanning.find_from_literals)
PLENUM_EXAMPLES = [
    "Nghị quyết Trung ương 4 (khóa XI)", "Nghị quyết Trung ương 4 (khoá XI)", "Nghị quyết Trung ương 4 khóa XII",
    "Nghị quyết Hội nghị lần thứ 4 Ban Chấp hành Trung ương Đảng (khóa XI)", "Nghị quyết Trung ương 4, 6, 7 (khóa XII)",
    "NQ TW4", "NQ TW 4", "Nghị quyết TW4 khóa 11", "Nghị quyết T.Ư 4, khóa XI",
    "Nghị quyết Hội nghị lần thứ tư BCH TW Đảng khóa XI", "Nghị quyết Trung ương 4",
]

# Within a few words after a mention: who issued it, and its date.
CENTRAL_ISSUER_AFTER = re.compile(
    r"^[^.;]{0,40}?cua\s+(?:bo chinh tri|ban bi thu|ban chap hanh trung uong|bch\s*tw|trung uong|ban to chuc trung uong|ban tuyen giao trung uong)"
)
LOCAL_ISSUER_AFTER = re.compile(
    r"^[^.;]{0,40}?cua\s+(?:ban thuong vu\s+)?(?:tinh uy|thanh uy|huyen uy|thi uy|quan uy|dang uy|ubnd|uy ban nhan dan|hdnd)"
)
DATE_AFTER = re.compile(r"(?:^\s*,?\s*|ngay\s*)(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>(?:19|20)\d{2})")
# Where the words after a mention stop being about it: the next document or the sentence end.
NEXT_DOCUMENT = re.compile(r"[.;]\s|(?:chi thi|nghi quyet|ke hoach|ket luan|huong dan|quy dinh|quyet dinh|cong van)\s|\d{1,4}\s*-\s*[a-z]{2,4}/")
TERM_AFTER = re.compile(r"^[^.;]{0,60}?khoa\s*(?P<term>xiv|xiii|xii|xi|x|ix|viii|\d{1,2})(?![a-z])")
# "… gắn với (thực hiện) Chỉ thị 03": the document named second is linked, not the subject.
SECONDARY_BEFORE = re.compile(r"(?:gan voi|gan ket voi|cung voi|ket hop voi|ke thua)\s*(?:viec\s*)?(?:thuc hien\s*|trien khai\s*)?$")
IMPLEMENT_BEFORE = re.compile(
    r"(?:thuc hien|trien khai|quan triet|hoc tap|so ket|tong ket|giao ban|ket qua|theo tinh than)[^.;]{0,25}$"
)


def ordinal_value(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return _ORDINALS.get(text)
