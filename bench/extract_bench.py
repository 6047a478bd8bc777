"""Extraction speed on one core: read → clean → extract for N synthetic reports, in one process.

    .venv/bin/python bench/extract_bench.py [N]        (default: 2000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_corpus  # noqa: E402
from generator.pipeline import process_corpus  # noqa: E402
from generator.provinces import province_matcher  # noqa: E402
from generator.reading import find_reports  # noqa: E402
from generator.registry import load_registry  # noqa: E402


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 2000
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), n, ROOT / "source_reports")
        paths = find_reports(Path(tmp))
        registry = load_registry()
        province_matcher()  # data loading is a one-off cost, not per report
        best = 0.0
        for _ in range(3):
            started = time.perf_counter()
            corpus = process_corpus(paths, registry)
            elapsed = time.perf_counter() - started
            best = max(best, len(corpus.reports) / elapsed)
            print(f"{len(corpus.reports)} reports in {elapsed:.2f} s: {len(corpus.reports) / elapsed:.0f} reports/s (one core)")
        print(f"best of 3: {best:.0f} reports/s")


if __name__ == "__main__":
    main(sys.argv[1:])
