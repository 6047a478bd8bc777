"""Size and time of the overview page (its four SVG pictures and data tables) as the archive grows:
synthetic counts for N reports over the 63 provinces, 40 documents and the years 2006–2026, the
largest provinces and documents holding most reports. Prints numbers; asserts nothing.

    .venv/bin/python bench/pictures_bench.py [N ...]      (default: 100 1000 10000 100000)
"""

from __future__ import annotations

import gzip
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.gazetteer import load_gazetteer  # noqa: E402
from generator.pages import Side, overview_page  # noqa: E402
from generator.picture_data import Area, PictureCounts, year_axis  # noqa: E402
from generator.pictures import picture_style  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.site_context import build_context  # noqa: E402
from generator.textnorm import slugify  # noqa: E402


def synthetic_counts(n: int, seed: int = 20261201) -> PictureCounts:
    rng = random.Random(seed)
    gazetteer = load_gazetteer()
    registry_ids = [d.id for d in load_registry().directives]
    documents = registry_ids + [f"{i}-CT/TU" for i in range(40 - len(registry_ids))]
    province_weights = [1 / (i + 1) ** 0.6 for i in range(63)]
    document_weights = [1 / (i + 1) for i in range(len(documents))]
    years = [str(y) for y in range(2006, 2027)] + ["undated"]
    provinces, docs, per_year, doc_year, doc_province = Counter(), Counter(), Counter(), Counter(), Counter()
    slugs = [p.slug for p in gazetteer.provinces]
    for _ in range(n):
        slug = rng.choices(slugs, province_weights)[0]
        year = rng.choice(years)
        provinces[slug] += 1
        per_year[year] += 1
        for document in set(rng.choices(documents, document_weights, k=rng.choice((1, 1, 2)))):
            docs[document] += 1
            doc_year[document, year] += 1
            doc_province[document, slug] += 1
    shown = [d for d, _ in docs.most_common(picture_style().documents)]
    by_2025 = Counter()
    for p in gazetteer.provinces:
        by_2025[p.code_2025] += provinces[p.slug]
    seen = {}
    for p in gazetteer.provinces:
        seen.setdefault(p.code_2025, Area(p.code_2025, slugify(p.name_2025), p.name_2025, p.name_2025_en, by_2025[p.code_2025]))
    return PictureCounts(
        provinces=tuple(Area(p.code, p.slug, p.name, p.name_en, provinces[p.slug]) for p in gazetteer.provinces),
        provinces_2025=tuple(sorted(seen.values(), key=lambda a: a.code)), unknown_province=0,
        years=year_axis(dict(per_year)), by_year=dict(per_year), documents=tuple(shown), documents_with_reports=len(docs),
        by_document={d: docs[d] for d in shown},
        by_document_year={k: v for k, v in doc_year.items() if k[0] in shown},
        by_document_province={k: v for k, v in doc_province.items() if k[0] in shown},
    )


def main(sizes: list[int]) -> None:
    context = build_context([], load_registry())
    print(f"{'reports':>8} {'page KB':>8} {'gzip KB':>8} {'map63':>7} {'map34':>7} {'timeline':>9} {'matrix':>7} {'links':>6} {'ms':>6}")
    for n in sizes:
        counts = synthetic_counts(n)
        started = time.perf_counter()
        page = overview_page(Side("vi", "https://example.org/", {}, context), counts).content
        elapsed = (time.perf_counter() - started) * 1000
        pictures = re.findall(r"<svg .*?</svg>", page, re.S)
        sizes_kb = [f"{len(p.encode()) / 1024:.1f}" for p in pictures]
        raw = page.encode()
        print(f"{n:>8} {len(raw) / 1024:>8.1f} {len(gzip.compress(raw)) / 1024:>8.1f} {sizes_kb[0]:>7} {sizes_kb[1]:>7} "
              f"{sizes_kb[2]:>9} {sizes_kb[3]:>7} {page.count('<a href'):>6} {elapsed:>6.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000, 100000])
