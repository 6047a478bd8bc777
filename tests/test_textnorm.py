"""The display form of text carries no control character."""

from generator.textnorm import normalize_display, replace_controls


def test_line_breaking_controls_become_new_lines_and_tabs_spaces():
    assert replace_controls("a\x0bb\x0cc\x85d\u2028e\tf\r\ng") == ("a\nb\nc\nd\ne f\ng", {"\x0b": 1, "\x0c": 1, "\x85": 1, "\u2028": 1, "\t": 1, "\r": 1})


def test_terminal_escape_sequences_go_whole():
    assert replace_controls("\x1b[1;31mĐỏ\x1b[0m")[0] == "Đỏ"


def test_normalize_display_removes_controls_and_bidi_overrides():
    assert normalize_display("Tỉnh\x00 ủy\u202e Hà\u2066 Nam\u2069\x7f") == "Tỉnh ủy Hà Nam"


def test_text_without_controls_is_returned_as_is():
    text = "Sáng 23-8, Ban Tuyên giáo Tỉnh ủy\n\ntổ chức hội nghị."
    assert replace_controls(text) == (text, {})
