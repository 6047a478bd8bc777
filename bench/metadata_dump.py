"""Dump every metadata field of every report, to show that a change leaves extraction as it was.

    .venv/bin/python bench/metadata_dump.py OUT.json          # dump
    .venv/bin/python bench/metadata_dump.py --compare A.json B.json

Inputs (written to a temporary folder): every labelled report (tests/corpus*/), the seeds, 300
synthetic reports (bench/synthetic.py) and an upper-case, lower-case, diacritics-free and NFD
copy of each labelled report and seed. Findings are dumped as their English messages prefixed
with their field, the form the warnings had before findings were typed.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_corpus  # noqa: E402
from generator.pipeline import process_corpus  # noqa: E402
from generator.reading import find_reports  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.textnorm import ascii_name  # noqa: E402

VARIANTS = {"upper": str.upper, "lower": str.lower, "ascii": ascii_name, "nfd": lambda s: unicodedata.normalize("NFD", s)}


def write_inputs(target: Path) -> list[Path]:
    base, variants = target / "base", target / "variants"
    base.mkdir(parents=True)
    variants.mkdir()
    for path in sorted(ROOT.glob("tests/corpus*/*.txt")) + sorted((ROOT / "source_reports").glob("*.txt")):
        shutil.copy(path, base / f"{path.parent.name}__{path.name}")
    write_corpus(target / "synthetic", 300, ROOT / "source_reports")
    for path in sorted(base.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for name, change in VARIANTS.items():
            (variants / f"{path.stem}__{name}.txt").write_text(change(text), encoding="utf-8")
    return [base, target / "synthetic", variants]


def _field(value: Any) -> list[Any]:
    inner = dataclasses.asdict(value.value) if dataclasses.is_dataclass(value.value) else value.value
    return [inner, value.confidence.value, value.evidence, value.source]


def dump(folders: list[Path]) -> dict[str, Any]:
    registry, records = load_registry(), {}
    for folder in folders:
        corpus = process_corpus(find_reports(folder), registry)
        for r in corpus.reports:
            m, c = r.metadata, r.cleaned
            records[f"{folder.name}/{r.id}"] = {
                "title": _field(m.title), "derived": m.title_derived, "date": _field(m.date), "province": _field(m.province),
                "directives": [dataclasses.asdict(d) for d in m.directives], "local": [dataclasses.asdict(d) for d in m.local_documents],
                "author": _field(m.author), "source": _field(m.source), "people": list(m.people),
                "findings": [f"{f.field}: {f.message('en')}" for f in m.findings],
                "blocks": [[b.kind, b.text] for b in c.blocks], "dropped": list(c.dropped), "header": [s.text for s in c.stamps if s.place == "before_title"],
                "byline": c.byline, "credit": c.source_credit, "agency": c.agency_prefix, "title_line": c.title_line,
            }
        for error in corpus.errors:
            records[f"{folder.name}/error/{error.path.name}"] = error.reason
    return records


def compare(a: dict[str, Any], b: dict[str, Any]) -> int:
    differing = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    for key in differing[:20]:
        before, after = a.get(key), b.get(key)
        fields = [f for f in (before or after) if (before or {}).get(f) != (after or {}).get(f)] if isinstance(before or after, dict) else ["value"]
        print(f"{key}: {', '.join(fields)} differ")
    print(f"{len(differing)} of {len(set(a) | set(b))} reports differ")
    return 1 if differing else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--compare"]:
        return compare(*(json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:3]))
    with tempfile.TemporaryDirectory() as tmp:
        records = dump(write_inputs(Path(tmp)))
    Path(argv[0]).write_text(json.dumps(records, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(records)} reports dumped into {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
