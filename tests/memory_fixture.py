"""A small realistic report (Hà Nam, Chỉ thị 05) with its editors' English, as a throw-away project."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.model import Report
from generator.pipeline import process_report
from generator.registry import load_registry
from generator.segments import report_segments
from generator.translation_memory import find_entry, open_catalog, save_catalog

REPORT_ID = "900_ha_nam_so_ket"
TITLE = "Hà Nam sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW"
LEAD = ("Sáng 18-5, Ban Thường vụ Tỉnh ủy Hà Nam tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ "
        "Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
CAPTION = "Quang cảnh Hội nghị sơ kết."
NUMBERS = "Toàn tỉnh đã mở 731 lớp học tập chuyên đề, thu hút 40.539 đảng viên tham gia, đạt 98,1%."
AWARDS = "Hội nghị đã biểu dương 15 tập thể và 27 cá nhân có thành tích tiêu biểu trong học tập và làm theo Bác."
ENGLISH = {
    TITLE: "Ha Nam reviews 5 years of implementing Directive 05-CT/TW",
    LEAD: "On the morning of 18 May, the Standing Board of the provincial Party Committee of Hà Nam held a conference to "
          "review 5 years of implementing Directive No. 05-CT/TW of the Politburo on promoting studying and following "
          "Ho Chi Minh's ideology, morality and style.",
    CAPTION: "The review conference.",
    NUMBERS: "The province has opened 731 thematic study classes, attended by 40,539 Party members, or 98.1%.",
    AWARDS: "The conference commended 15 collectives and 27 individuals with outstanding achievements in studying and "
            "following Uncle Ho.",
}


def raw_text(*body: str) -> str:
    return "\n\n".join((TITLE, *(body or (LEAD, CAPTION, NUMBERS, AWARDS)))) + "\n"


@dataclass
class Project:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "source_reports"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    def raw(self, report_id: str = REPORT_ID) -> Path:
        return self.sources / f"{report_id}.txt"

    def po(self, report_id: str = REPORT_ID) -> Path:
        return self.translations / "en" / f"{report_id}.po"

    def write_raw(self, text: str, report_id: str = REPORT_ID) -> Path:
        self.sources.mkdir(parents=True, exist_ok=True)
        path = self.raw(report_id)
        path.write_text(text, encoding="utf-8")
        return path

    def report(self, report_id: str = REPORT_ID) -> Report:
        return process_report(self.raw(report_id), load_registry())


def translated_project(root: Path) -> Project:
    """The report and a PO file in which the editors translated every segment (as a build writes it)."""
    project = Project(root)
    project.write_raw(raw_text())
    report = project.report()
    segments = report_segments(report)
    po, path, _ = open_catalog(project.translations, report.id, segments, report.raw.sha256)
    for segment in segments:
        find_entry(po, segment).msgstr = ENGLISH[segment.text]
    po.metadata["X-Translation-Source"] = "editors"
    save_catalog(po, path)
    return project


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is missing: `make system-deps` installs it"
    return subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
