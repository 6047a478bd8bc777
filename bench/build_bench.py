"""Time the whole build (generator + MkDocs, both languages) against a bare MkDocs build of the
same generated pages, at several corpus sizes. Prints numbers; asserts nothing.

    .venv/bin/python bench/build_bench.py [N ...]      (default: 100 1000 3000)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import fresh_project, write_corpus  # noqa: E402

# Each stage in a child process of its own (for its peak memory), through the library's functions.
GENERATE = [sys.executable, "-c", "from generator.build import build; from generator.project import Project; build(Project.at('.'), site=False)"]
BARE_MKDOCS = [sys.executable, "-c", "from generator.project import Project; from generator.site import build_site; build_site(Project.at('.'), search_index=False)"]
PAGEFIND = [sys.executable, "-c", "from generator.project import Project; from generator.site import index_search; "
            "p = Project.at('.'); index_search(p.site_dir, p.languages)"]


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    log = cwd / "stage.log"  # a file, not a pipe: a chatty child must never block on a full pipe
    started = time.perf_counter()
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {log.read_text(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def bench(n: int, out: Path) -> dict[str, float]:
    project = out / f"n{n}"
    fresh_project(project, ROOT)
    write_corpus(project / "source_reports", n, ROOT / "source_reports")
    gen_s, gen_mb = run(GENERATE, project)
    mk_s, mk_mb = run(BARE_MKDOCS, project)
    pf_s, pf_mb = run(PAGEFIND, project)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    return {"n": n, "pages": pages, "generate_s": gen_s, "mkdocs_s": mk_s, "pagefind_s": pf_s, "whole_s": gen_s + mk_s,
            "ratio": (gen_s + mk_s) / mk_s, "ratio_search": (gen_s + mk_s + pf_s) / mk_s, "ms_per_report": 1000 * (gen_s + mk_s) / n,
            "gen_mb": gen_mb, "mk_mb": mk_mb, "pf_mb": pf_mb, "site_mb": du(project / "site"),
            "index_mb": du(project / "site" / "pagefind") + du(project / "site" / "en" / "pagefind")}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000, 3000]
    out = ROOT / "bench" / "out"
    print("generate = raw reports -> docs/ (both languages); mkdocs = bare MkDocs build of those pages (vi + en);")
    print("pagefind = search index over the built site; whole = generate + mkdocs; peak RSS per stage (MiB)")
    print(f"{'N':>6} {'pages':>6} {'generate s':>10} {'mkdocs s':>9} {'pagefind s':>10} {'whole/bare':>10} {'+search':>8} "
          f"{'ms/report':>9} {'gen MiB':>7} {'mk MiB':>6} {'pf MiB':>6} {'site MiB':>8} {'index MiB':>9}")
    for n in sizes:
        r = bench(n, out)
        print(f"{r['n']:>6} {r['pages']:>6} {r['generate_s']:>10.2f} {r['mkdocs_s']:>9.2f} {r['pagefind_s']:>10.2f} {r['ratio']:>10.2f} "
              f"{r['ratio_search']:>8.2f} {r['ms_per_report']:>9.1f} {r['gen_mb']:>7.0f} {r['mk_mb']:>6.0f} {r['pf_mb']:>6.0f} "
              f"{r['site_mb']:>8.1f} {r['index_mb']:>9.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
