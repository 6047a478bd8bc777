"""A synthetic corpus of raw reports: real seed paragraphs recombined, with varied provinces,
dates and directives, written the way scraped files look (title or not, header date or not,
byline, boilerplate tail). Deterministic for a given seed."""

from __future__ import annotations

import random
from pathlib import Path

from generator.cleaning import clean_report
from generator.datafiles import load_json
from generator.reading import find_reports, read_report

DIRECTIVE_SENTENCES = [
    ("03-CT/TW", "Hội nghị đánh giá kết quả thực hiện Chỉ thị số 03-CT/TW của Bộ Chính trị (khóa XI) về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh."),
    ("05-CT/TW", "Ban Thường vụ Tỉnh ủy quán triệt, triển khai Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
    ("06-CT/TW", "Các cấp ủy tổ chức thực hiện Chỉ thị số 06-CT/TW, ngày 7/11/2006 của Bộ Chính trị về tổ chức Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”."),
    ("12-NQ/TW", "Tỉnh ủy tổ chức quán triệt, triển khai thực hiện Nghị quyết Trung ương 4 (khóa XI) “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”."),
    ("04-NQ/TW", "Các cấp ủy gắn việc thực hiện với Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng."),
    ("01-KL/TW", "Ban Tuyên giáo Tỉnh ủy hướng dẫn thực hiện Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW."),
]
TAILS = [["Phản hồi", "Các tin khác", "Mới nhất"], ["Bạn nên đọc", "%d bloggers like this:"], ["Liên kết website"], []]
BYLINES = ["THANH MAI", "Quốc Tuấn", "Thu Thảo", "Minh Quân", "Hoàng Anh", "Ngọc Lan"]


def seed_paragraphs(seed_dir: Path) -> list[str]:
    paragraphs: list[str] = []
    for path in find_reports(seed_dir):
        cleaned = clean_report(read_report(path))
        paragraphs += [b.text for b in cleaned.blocks[1:] if b.kind == "paragraph" and len(b.text) > 150]
    return paragraphs


def make_report(rng: random.Random, paragraphs: list[str], provinces: list[str]) -> tuple[str, dict[str, str]]:
    province = rng.choice(provinces)
    directive, sentence = rng.choice(DIRECTIVE_SENTENCES)
    year = rng.randint(2008, 2024)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    lead = f"Sáng ngày {day}/{month:02d}/{year}, Ban Thường vụ Tỉnh ủy {province} tổ chức hội nghị. {sentence}"
    body = rng.sample(paragraphs, k=rng.randint(3, 8))
    lines = []
    if rng.random() < 0.3:
        lines += [f"Thứ hai, {day:02d}/{month:02d}/{year}", ""]
    if rng.random() < 0.8:
        lines += [f"{province}: kết quả thực hiện {directive} năm {year}", ""]
    lines += [lead, ""] + [p + "\n" for p in body]
    lines += [rng.choice(BYLINES), ""] + [t + "\n" for t in rng.choice(TAILS)]
    return "\n".join(lines), {"province": province, "directive": directive, "year": str(year)}


def write_corpus(target: Path, n: int, seed_dir: Path, seed: int = 20261122) -> list[dict[str, str]]:
    rng = random.Random(seed)
    paragraphs = seed_paragraphs(seed_dir)
    provinces = [p["name"] for p in load_json("gazetteer.json")["provinces"] if p["name"] not in {"Hồ Chí Minh", "Hà Nội", "Huế"}]
    target.mkdir(parents=True, exist_ok=True)
    truth = []
    for i in range(n):
        text, labels = make_report(rng, paragraphs, provinces)
        (target / f"syn_{i:05d}.txt").write_text(text, encoding="utf-8")
        truth.append(labels)
    return truth
