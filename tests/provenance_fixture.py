"""A report written for these tests (our own words): a Lạng Sơn newspaper item with the website's
date stamp, the agency tag, a byline in capitals and an editor's sidecar with the original URL."""

from __future__ import annotations

from pathlib import Path

LANG_SON_TEXT = """Thứ ba, 12/03/2024
Lạng Sơn sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị
LSO-Sáng 11/3/2024, Ban Thường vụ Tỉnh ủy Lạng Sơn tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trên địa bàn tỉnh.
Theo báo cáo tại hội nghị, các cấp ủy trong tỉnh đã đưa việc học tập và làm theo Bác vào nội dung sinh hoạt chi bộ hằng tháng; nhiều mô hình tự quản ở thôn, bản được nhân dân đồng tình hưởng ứng.
Hội nghị đề ra nhiệm vụ trong thời gian tới: tiếp tục nêu gương người đứng đầu, gắn việc làm theo Bác với cải cách hành chính và chăm lo đời sống nhân dân vùng biên giới.
HOÀNG LAN
Bình luận (0)
Các tin khác
"""
LANG_SON_SIDECAR = "url: https://baolangson.vn/so-ket-5-nam-chi-thi-05.html\nretrieved: 2024-03-15\n"
LANG_SON_URL = "https://baolangson.vn/so-ket-5-nam-chi-thi-05.html"


def write_lang_son(folder: Path, sidecar: str | None = LANG_SON_SIDECAR, name: str = "lang-son-2024") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    raw = folder / f"{name}.txt"
    raw.write_text(LANG_SON_TEXT, encoding="utf-8")
    if sidecar is not None:
        raw.with_suffix(".yaml").write_text(sidecar, encoding="utf-8")
    return raw
