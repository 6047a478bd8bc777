"""A project with hostile text in every input an editor or a scraper controls, written by us.

One raw report (Hà Nam, Chỉ thị 05) whose title carries a `<script>` and an `onerror` payload
and control characters, and whose paragraphs are Markdown, MkDocs and HTML syntax that must
stay text; its sidecar puts payloads into the author (a `<meta content="…">` on the page), the
source (a spreadsheet formula in the CSV) and the editor's note; its translation memory puts
payloads and a "\\v" into the English. Every payload, if it ran, would set `window.__xss`.
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import process_report
from generator.registry import load_registry
from generator.segments import report_segments
from generator.translation_memory import find_entry, open_catalog, save_catalog

THEME_LOGO = "assets/images/logo.svg"  # the one image a page may hold: the theme's own (overrides/partials/logo.html)
REPORT_ID = "950_ha_nam_tieu_de_doc"
TITLE = 'Hà Nam: <script>window.__xss=1</script> <img src=x onerror="window.__xss=2;alert(document.domain)"> sơ kết Chỉ thị 05'
# Paragraphs that are syntax of Markdown, of the extensions mkdocs.yml enables, and of HTML.
SYNTAX = [
    '!!! danger "Cảnh báo giả"',
    '??? note "Bấm để mở"',
    "# Một dòng mở đầu bằng dấu thăng",
    'Xem [tài liệu gốc](javascript:window.__xss=3) hoặc <a href="javascript:window.__xss=4">tại đây</a>, '
    '<div markdown>*chữ nghiêng*</div> {: .lead onclick="window.__xss=5" }',
    "---",
    "title: không phải phần đầu trang",
    "---",
    '<iframe src="javascript:window.__xss=6"></iframe> ~~~ ``` [TOC] [^1] *[HTML]: viết tắt <!-- bình luận -->',
    "1. Đây không phải danh sách đánh số, có 40 đảng viên tham gia.",
    "> Đây không phải trích dẫn, tỷ lệ đạt 98,1%.",
    "| cột một | cột hai |",
    "|---|---|",
    "&lt;b&gt;không đậm&lt;/b&gt; và \\*không nghiêng\\*",
]
LEAD = ("Sáng 12/3/2019, Ban Thường vụ Tỉnh ủy Hà Nam tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của Bộ "
        "Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
CLOSING = "Các chi bộ đều xây dựng chuyên đề riêng, gắn việc học tập với nhiệm vụ của từng cơ quan, đơn vị."
# ESC and a vertical tab (Word's line break) in the title line: reading takes them out.
RAW = "\n\n".join([TITLE.replace(" Chỉ thị", "\x1b Chỉ thị") + "\x0b", LEAD, *SYNTAX, CLOSING]) + "\n"
AUTHOR = 'Phóng viên "><script>window.__xss=7</script>'
SIDECAR = (
    f"author: '{AUTHOR}'\n"
    "source: \"=HYPERLINK(\\\"http://example.org\\\", \\\"Báo Hà Nam\\\")\"\n"
    "note: '<script>window.__xss=8</script> !!! warning \"không phải khung\"'\n"
)
TITLE_EN = 'Ha Nam: <script>window.__xss=1</script> <img src=x onerror="window.__xss=2;alert(document.domain)"> reviews Directive 05'
LEAD_EN = ('On the morning of 12 March 2019, <img src=x onerror="window.__xss=10"> the Standing Board of the provincial '
           "Party Committee of Ha Nam reviewed 3 years of implementing Directive 05-CT/TW of the Politburo on\vstudying "
           "and following Ho Chi Minh's ideology, morality and style.")


def write_hostile_report(sources: Path, translations: Path) -> Path:
    """The raw report and its sidecar in `sources`; its English title and lead in the PO file."""
    raw = sources / f"{REPORT_ID}.txt"
    raw.write_text(RAW, encoding="utf-8")
    raw.with_suffix(".yaml").write_text(SIDECAR, encoding="utf-8")
    report = process_report(raw, load_registry())
    segments = report_segments(report)
    po, path, _ = open_catalog(translations, report.id, segments, report.raw.sha256)
    for segment in segments:
        if segment.kind == "title" or segment.text == LEAD:
            find_entry(po, segment).msgstr = TITLE_EN if segment.kind == "title" else LEAD_EN
    save_catalog(po, path)
    return raw
