"""The archive at scale, in one run: reports of the seeds' full length in both languages (the seed
reports recombined under other provinces, years and people, their editors' translations carried
over), built with the whole `build(project)`; then what a reader downloads to search it.

Prints, per N: wall and CPU seconds and the peak memory of the whole build (all its processes
together) and of its search stage; bytes of published site per report and where they go; how
many reports fit under GitHub Pages' 1 GB; index bytes per report; and for the issue's queries
in headless Chromium, the bytes downloaded and the seconds from opening the search page to the
first result. Asserts nothing.

    .venv/bin/python bench/scale_bench.py [N ...] [--out DIR] [--no-search] [--keep]
        (default N: 1000; DIR: bench/out, git-ignored)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import fresh_project, write_full_corpus  # noqa: E402

PAGES_LIMIT = 10**9  # GitHub Pages: a published site of at most 1 GB
BUILD = [sys.executable, "-m", "generator", "build"]
# Where the bytes of the site go: (label, paths relative to site/ that it sums, both sides).
PARTS = (
    ("report pages", ("reports", "en/reports")),
    ("lists (document, province, year pages)", ("directives", "en/directives", "provinces", "en/provinces", "years", "en/years")),
    ("downloads (data/, raw/, feeds)", ("data", "en/data", "raw", "datapackage.json", "feed.xml", "en/feed.xml")),
    ("search index (pagefind/, en/pagefind/)", ("pagefind", "en/pagefind")),
    ("sitemaps", ("sitemap.xml", "sitemap.xml.gz", "en/sitemap.xml", "en/sitemap.xml.gz")),
)
QUERIES = ("05-CT/TW", "CT 05", "hung yen", "Trần Thị Vui", "học tập và làm theo")


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        child = int(entry.name)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


@dataclass
class Run:
    wall: float
    cpu: float
    peak: int  # bytes, all processes of the run together
    stage_peaks: dict[str, int] = field(default_factory=dict)  # command-line word -> peak bytes of those processes


def run(cmd: list[str], cwd: Path, watch: tuple[str, ...] = ("pagefind",)) -> Run:
    """Run `cmd` in `cwd`, sampling the memory of its process tree ten times a second."""
    log = cwd / "build.log"
    started = time.perf_counter()
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=err, stderr=err)
        peak, stages, done = [0], {name: 0 for name in watch}, threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(proc.pid))
                for name in watch:
                    stages[name] = max(stages[name], sum(_rss(p) for p in _pids_named(proc.pid, name)))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        sampler.join()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{log.read_text(errors='replace')[-3000:]}")
    return Run(time.perf_counter() - started, usage.ru_utime + usage.ru_stime, peak[0], stages)


def _pids_named(root: int, word: str) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and int(entry.name) != root:
            try:
                cmdline = Path(f"/proc/{entry.name}/cmdline").read_bytes()
            except OSError:
                continue
            if word.encode() in cmdline:
                found.append(int(entry.name))
    return found


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def make_project(n: int, out: Path) -> Path:
    project = out / f"scale-{n}"
    fresh_project(project, ROOT)
    write_full_corpus(project, n, ROOT / "source_reports", ROOT / "translations")
    return project


def report_sizes(n: int, site: Path) -> None:
    total = size(site)
    print(f"  site: {total / 2**20:.1f} MiB, {total / n / 1000:.1f} KB per report; "
          f"{int(PAGES_LIMIT / (total / n)):,} reports of this length fit under Pages' 1 GB")
    counted = 0
    for label, paths in PARTS:
        part = sum(size(site / p) for p in paths)
        counted += part
        print(f"    {label:42} {part / n / 1000:6.1f} KB per report")
    print(f"    {'everything else (assets, home, search, parallel)':42} {(total - counted) / n / 1000:6.1f} KB per report")
    index = sum(size(bundle / "index") + size(bundle / "fragment") + size(bundle / "filter")
                + sum(p.stat().st_size for p in bundle.glob("*.pf_meta")) for bundle in (site / "pagefind", site / "en" / "pagefind"))
    print(f"  search index (words, fragments, page list): {index / n / 1000:.1f} KB per report")


def search_timings(site: Path, queries: tuple[str, ...]) -> None:
    from bench.search_bench import measure_queries

    print(f"  {'query':24} {'KiB raw':>8} {'KiB gzip':>8} {'s to 1st':>8}  first result")
    for query, raw, gz, seconds, first in measure_queries(site, queries):
        print(f"  {query:24} {raw / 1024:>8.0f} {gz / 1024:>8.0f} {seconds:>8.2f}  {first}", flush=True)


def one_report_rebuild(project: Path) -> None:
    """An editor's note on one report's sidecar, then `build` again: what serve does on a change."""
    sidecar = project / "source_reports" / "002_bd37ec31966b5a35.yaml"
    sidecar.write_text('note: "Đã đối chiếu với bản in."\n', encoding="utf-8")
    page = project / "site" / "reports" / "002_bd37ec31966b5a35" / "index.html"
    before = time.time()
    rebuild = run(BUILD, project)
    pages = sum(1 for p in (project / "site").rglob("*.html") if p.stat().st_mtime > before)
    shown = "Đã đối chiếu với bản in." in page.read_text(encoding="utf-8")
    print(f"  one sidecar changed, build again: {rebuild.wall:.1f} s wall, {rebuild.cpu:.1f} s CPU, {pages} HTML pages rewritten, "
          f"change {'on the page' if shown else 'NOT on the page'}", flush=True)


def query_table(project: Path) -> None:
    """The browser tests' query table (tests/test_browser.py) against this built project."""
    env = {**os.environ, "ARCHIVE_BUILT_PROJECT": str(project)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "test_browser.py"),
                             "-k", "test_search_puts_the_expected_page_first"], cwd=ROOT, env=env, capture_output=True, text=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("FAILED") or " passed" in line or " failed" in line]
    print("  browser query table: " + ("; ".join(lines) or result.stdout[-500:]), flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--no-search", action="store_true", help="skip the browser timings and the query table")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the one-report rebuild")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start (other work on the machine inflates wall time)")
    for n in args.sizes:
        project = make_project(n, args.out)
        build = run(BUILD, project)
        print(f"N={n}: whole build {build.wall:.1f} s wall, {build.cpu:.1f} s CPU, peak {build.peak / 2**20:.0f} MiB "
              f"(all processes); search stage peak {build.stage_peaks['pagefind'] / 2**20:.0f} MiB; "
              f"{1000 * build.wall / n:.1f} ms per report; load average now {os.getloadavg()[0]:.1f}", flush=True)
        report_sizes(n, project / "site")
        if not args.no_search:
            search_timings(project / "site", QUERIES)
            query_table(project)
        if not args.no_rebuild:
            one_report_rebuild(project)


if __name__ == "__main__":
    main(sys.argv[1:])
