"""A synthetic corpus of raw reports: real seed paragraphs recombined, with varied provinces,
dates and directives, written the way scraped files look (title or not, header date or not,
byline, boilerplate tail). Deterministic for a given seed."""

from __future__ import annotations

import hashlib
import random
import re
import shutil
from dataclasses import dataclass
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


# Reports of the seeds' full length, translated: each seed report recombined under another
# province, other years and other people, its editors' translation memory carried over with the
# same substitutions (so the English side is complete, as it is for the seeds).
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam",
         "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân"]
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


@dataclass(frozen=True)
class Seed:
    report_id: str
    text: str
    catalog: str  # its PO file, as the editors wrote it
    province: tuple[str, str]  # (Vietnamese name, English name)
    people: tuple[str, ...]


def load_seeds(seed_dir: Path, translations_dir: Path) -> list[Seed]:
    from generator.pipeline import load_corpus

    seeds = []
    for report in load_corpus(seed_dir).reports:
        province = report.metadata.province.value
        assert province is not None, f"{report.id}: a seed report needs a province"
        catalog = (translations_dir / "en" / f"{report.id}.po").read_text(encoding="utf-8")
        seeds.append(Seed(report.id, report.raw.path.read_text(encoding="utf-8"), catalog,
                          (province.name, province.name_en), tuple(report.metadata.people)))
    return seeds


def _recombine(text: str, swaps: dict[str, str], shift: int) -> str:
    for old, new in swaps.items():
        text = text.replace(old, new)
    return _YEAR.sub(lambda m: str(int(m[1]) + shift), text)


def full_length_report(seed: Seed, report_id: str, rng: random.Random, provinces: list[dict[str, str]]) -> tuple[str, str]:
    """(raw text, PO file) of one full-length report made from `seed`."""
    province = rng.choice([p for p in provinces if p["name"] != seed.province[0]])
    people = {name: f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for name in seed.people}
    shift = rng.randint(-3, 5)
    text = _recombine(seed.text, {seed.province[0]: province["name"], **people}, shift)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = []
    for line in seed.catalog.splitlines():
        if line.startswith('"X-Source-SHA256: '):
            line = f'"X-Source-SHA256: {sha}\\n"'
        elif line.startswith('"Project-Id-Version: '):
            line = line.replace(seed.report_id, report_id)
        else:
            swaps = {seed.province[0]: province["name"], **people}
            if line.startswith("msgstr"):
                swaps[seed.province[1]] = province["name_en"]
            line = _recombine(line, swaps, shift)
        lines.append(line)
    return text, "\n".join(lines) + "\n"


def write_full_corpus(project: Path, n: int, seed_dir: Path, translations_dir: Path, seed: int = 20261201) -> int:
    """The seed reports themselves, then full-length recombinations of them up to `n` reports
    (source_reports/ and translations/en/ of `project`). Returns the number written."""
    rng = random.Random(seed)
    seeds = load_seeds(seed_dir, translations_dir)
    provinces = [p for p in load_json("gazetteer.json")["provinces"] if p["name"] not in {"Hồ Chí Minh", "Hà Nội", "Huế"}]
    sources, catalogs = project / "source_reports", project / "translations" / "en"
    sources.mkdir(parents=True, exist_ok=True)
    catalogs.mkdir(parents=True, exist_ok=True)
    for s in seeds[:n]:
        (sources / f"{s.report_id}.txt").write_text(s.text, encoding="utf-8")
        (catalogs / f"{s.report_id}.po").write_text(s.catalog, encoding="utf-8")
    for i in range(len(seeds), n):
        report_id = f"syn_{i:06d}"
        text, catalog = full_length_report(seeds[i % len(seeds)], report_id, rng, provinces)
        (sources / f"{report_id}.txt").write_text(text, encoding="utf-8")
        (catalogs / f"{report_id}.po").write_text(catalog, encoding="utf-8")
    return n


# What a bench project copies from the repository besides its generated corpus.
PROJECT_FILES = ("mkdocs.yml", "mkdocs.en.yml", "overrides", "docs/vi/about.md", "docs/en/about.md")


def fresh_project(project: Path, root: Path) -> Path:
    """An empty project at `project` with the site configuration and theme of the repository at
    `root` (any earlier one there removed); the caller writes its corpus."""
    shutil.rmtree(project, ignore_errors=True)
    for name in PROJECT_FILES:
        src, dst = root / name, project / name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(src, dst) if src.is_dir() else shutil.copy2(src, dst)
    return project
