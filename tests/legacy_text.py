"""Fixtures for the reading tests: a few report sentences in our own words, and encoders that
put Unicode Vietnamese into the legacy encodings, written from the encodings' layouts
(independently of the decoders under test)."""

from __future__ import annotations

import unicodedata

REPORT = (
    "Sáng thứ Hai, Ban Thường vụ Tỉnh ủy Quảng Ngãi tổ chức hội nghị sơ kết năm năm thực hiện "
    "Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
    "phong cách Hồ Chí Minh.\n"
    "Đồng chí Lê Minh Quân, Phó Bí thư Thường trực Tỉnh ủy, chủ trì hội nghị. Các đại biểu "
    "đánh giá nhiều chi bộ đã đưa nội dung học tập vào sinh hoạt định kỳ hằng tháng, gắn với "
    "việc giải quyết những vấn đề bức xúc ở cơ sở.\n"
    "Trong năm qua, toàn tỉnh có hơn một nghìn tập thể và cá nhân được khen thưởng vì đã có "
    "cách làm hay, việc làm tốt; nhiều mô hình khéo vận động nhân dân cùng xây dựng nông thôn mới."
)

# TCVN3 (TCVN 5712:1993, VN3 "ABC"): one byte per letter, lower-case accented letters only.
_TCVN3_LETTERS = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}


def tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        if ch in _TCVN3_LETTERS:
            out.append(_TCVN3_LETTERS[ch])
        elif ch.lower() in _TCVN3_LETTERS:  # an accented capital: TCVN3 has none, typists used the small letter
            out.append(_TCVN3_LETTERS[ch.lower()])
        else:  # ASCII, and the punctuation of the Windows code page (“ ” –)
            out += ch.encode("cp1252")
    return bytes(out)


# VNI Windows: base letter, then one byte for the vowel's shape and tone together.
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRCUMFLEX = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _split_letter(ch: str) -> tuple[str, str, str]:
    """'ệ' -> ('e', circumflex, dot below)."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    tone = "".join(m for m in marks if m in _TONES)
    shape = "".join(m for m in marks if m not in _TONES)
    return base, shape, tone


def _cased(mark: str, upper: bool) -> str:
    return mark.upper() if upper else mark


def vni(text: str) -> bytes:
    out: list[str] = []
    for ch in text:
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        base, shape, tone = _split_letter(ch)
        upper = base.isupper()
        if ch.isascii() or not (shape or tone):
            out.append(ch)
        elif base.lower() == "i":
            out.append(_cased(_VNI_I[tone], upper))
        elif shape == "\u031b":  # horn: ơ ư are one byte, the tone follows
            out.append(_cased("ô" if base.lower() == "o" else "ö", upper) + _cased(_VNI_TONE.get(tone, ""), upper))
        elif shape == "\u0302":
            out.append(base + _cased(_VNI_CIRCUMFLEX[tone], upper))
        elif shape == "\u0306":
            out.append(base + _cased(_VNI_BREVE[tone], upper))
        else:
            out.append(base + _cased(_VNI_TONE[tone], upper))
    return "".join(out).encode("cp1252")


# VIQR (RFC 1456): ASCII marks after the vowel.
_VIQR_SHAPE = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}
_VIQR_TONE = {"\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "."}


def viqr(text: str, escape: bool = True) -> str:
    """`escape`: a "." or "?" that is punctuation after a vowel is written "\\." (RFC 1456)."""
    out: list[str] = []
    for ch in text:
        if escape and ch in ".?" and out and out[-1][-1] in "aeiouyAEIOUY^(+'`?~.":
            out.append("\\" + ch)
            continue
        if ch in "đĐ":
            out.append("dd" if ch == "đ" else "DD")
            continue
        base, shape, tone = _split_letter(ch)
        out.append(base + "".join(_VIQR_SHAPE[m] for m in shape) + _VIQR_TONE.get(tone, ""))
    return "".join(out)


def windows_1258(text: str) -> bytes:
    """cp1258 has ă â ê ô ơ ư đ and some toned letters; other tones are combining bytes."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, shape, tone = _split_letter(ch)
            out += unicodedata.normalize("NFC", base + shape).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def read_as_cp1252(data: bytes) -> str:
    """What a program that assumed Windows-1252 shows (and saves again as UTF-8)."""
    return data.decode("cp1252", errors="replace")
