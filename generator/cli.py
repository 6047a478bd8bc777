"""Command line: thin wrappers over the library. `python -m generator --help` explains each."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, Sequence

from generator.model import Report, ReportError
from generator.pipeline import Corpus, process_corpus
from generator.reading import find_reports
from generator.registry import load_registry
from generator.exports import metadata_fields
from generator.history import added_dates
from generator.translation import translate_corpus
from generator.rendering import LANGS, Publication, build_context, render_pages
from generator.writing import WriteError, write_pages

DESCRIPTION = """\
Turn raw scraped reports (source_reports/*.txt) into the bilingual archive site.

  build     generate docs/ from the raw reports, then build site/ with MkDocs (vi at /, en at /en/)
  generate  only generate docs/ (Markdown with YAML front matter)
  inspect   print the metadata extracted from raw files as JSON, writing nothing
  check     list reports with low-confidence or conflicting fields (exit 1 if any)
  serve     build, then serve site/ on 127.0.0.1:8000 and rebuild when a source file changes
  coverage  translated / machine / fuzzy / missing segments per report
  qa        check every published translation: numbers, document numbers, dates, glossary
  translate machine-translate untranslated segments (argos offline, or an OpenAI-compatible server)
  evaluate  score extraction against a labelled corpus (default: tests/corpus)
  schema    print the JSON Schema of a report page's front matter
  gazetteer regenerate generator/data/gazetteer.json from the vietnamadminunits package
"""


def _progress(done: int, total: int, started: float) -> None:
    if total >= 200 and (done % 1000 == 0 or done == total):
        rate = done / max(time.perf_counter() - started, 1e-9)
        print(f"  {done}/{total} reports ({rate:.0f}/s)", file=sys.stderr, flush=True)


PARALLEL_FROM = 400  # reports; below this a process pool costs more than it saves


def _process_chunk(paths: list[Path]) -> Corpus:
    return process_corpus(paths, load_registry())


def load(source_dir: Path, files: Sequence[Path] | None = None) -> Corpus:
    """Read and extract every report; on large corpora, in one process per core (order is kept)."""
    paths = list(files) if files else find_reports(source_dir)
    corpus = Corpus()
    started = time.perf_counter()
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) < PARALLEL_FROM or workers < 2:
        registry = load_registry()
        for index, path in enumerate(paths, 1):
            part = process_corpus([path], registry)
            corpus.reports += part.reports
            corpus.errors += part.errors
            _progress(index, len(paths), started)
        return corpus
    from concurrent.futures import ProcessPoolExecutor

    chunks = [paths[i : i + 200] for i in range(0, len(paths), 200)]
    done = 0
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk, part in zip(chunks, pool.map(_process_chunk, chunks)):
            corpus.reports += part.reports
            corpus.errors += part.errors
            done += len(chunk)
            _progress(done, len(paths), started)
    return corpus


def report_summary(report: Report) -> dict[str, Any]:
    """The `inspect --json` record: values, then evidence and confidence per field."""
    m = report.metadata
    return {
        "id": report.id,
        "file": str(report.raw.path),
        **metadata_fields(report),
        "evidence": {
            "title": {"text": m.title.evidence, "confidence": m.title.confidence.value, "from": m.title.source},
            "date": {"text": m.date.evidence, "confidence": m.date.confidence.value, "from": m.date.source},
            "province": {"text": m.province.evidence, "confidence": m.province.confidence.value, "from": m.province.source},
            "author": {"text": m.author.evidence, "confidence": m.author.confidence.value, "from": m.author.source},
            "source": {"text": m.source.evidence, "confidence": m.source.confidence.value, "from": m.source.source},
            "directives": [asdict(d) for d in m.directives],
        },
    }


def site_urls(site_url: str | None) -> dict[str, str]:
    """Each side's root URL: SITE_URL (set by the Pages workflow), else the local preview address."""
    root = (site_url or os.environ.get("SITE_URL") or "http://127.0.0.1:8000/").rstrip("/") + "/"
    return {"vi": root, "en": os.environ.get("SITE_URL_EN") or root + "en/"}


class TranslationQAFailed(Exception):
    pass


def generate_docs(corpus: Corpus, docs_dir: Path, source_dir: Path, site_url: str | None = None,
                  translations_dir: Path = Path("translations")) -> None:
    result = translate_corpus(corpus.reports, translations_dir)
    if result.updated_files:
        shown = ", ".join(p.name for p in result.updated_files[:5]) + (" …" if len(result.updated_files) > 5 else "")
        print(f"{translations_dir}: {len(result.updated_files)} translation files created or updated from the Vietnamese text ({shown})",
              file=sys.stderr)
    if result.problems:
        raise TranslationQAFailed("\n".join(f"translation QA: {p}" for p in result.problems))
    context = build_context(corpus.reports, load_registry(), result.views)
    added = added_dates(source_dir)
    urls = site_urls(site_url)
    for lang in LANGS:
        stats = write_pages(docs_dir / lang, render_pages(context, lang, Publication(urls[lang], added)))
        print(f"docs/{lang}: {stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed", file=sys.stderr)


def _print_errors(errors: list[ReportError]) -> None:
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def cmd_generate(args: argparse.Namespace, build: bool) -> int:
    corpus = load(args.source)
    _print_errors(corpus.errors)
    try:
        generate_docs(corpus, args.docs, args.source, args.site_url, args.translations)
    except (WriteError, TranslationQAFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if build:
        from generator.site import SiteBuildError, build_site

        try:
            build_site(args.project)
        except SiteBuildError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"site built in {args.project / 'site'} ({len(corpus.reports)} reports)", file=sys.stderr)
    return 1 if corpus.errors else 0


def cmd_inspect(args: argparse.Namespace) -> int:
    corpus = load(args.source, args.files)
    records = [report_summary(r) for r in corpus.reports]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            print(f"{r['id']}: {r['title']}\n  date {r['date']} ({r['date_precision']}), province {r['province']}, "
                  f"implements {', '.join(r['implements']) or '-'}, cites {', '.join(r['cites']) or '-'}")
            for f in r["findings"]:
                print(f"  ! {f['field']} [{f['code']}]: {f['message']}")
    _print_errors(corpus.errors)
    return 1 if corpus.errors else 0


def cmd_check(args: argparse.Namespace) -> int:
    corpus = load(args.source)
    flagged = 0
    for report in corpus.reports:
        m = report.metadata
        low = [name for name, f in (("title", m.title), ("date", m.date), ("province", m.province)) if f.confidence.value == "low"]
        if low or m.findings:
            flagged += 1
            print(f"{report.raw.path}: low confidence: {', '.join(low) or 'none'}")
            for f in m.findings:
                print(f"  ! {f.field} [{f.code}]: {f.message('en')}")
    _print_errors(corpus.errors)
    print(f"{flagged} of {len(corpus.reports)} reports need an editor; {len(corpus.errors)} could not be read", file=sys.stderr)
    return 1 if flagged or corpus.errors else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    corpus = load(args.source)
    result = translate_corpus(corpus.reports, args.translations, write=False)
    totals = [0, 0, 0, 0]
    print(f"{'report':32} {'translated':>10} {'machine':>8} {'fuzzy':>6} {'missing':>8}")
    for report in corpus.reports:
        c = result.views[report.id].coverage
        for i, n in enumerate((c.translated, c.machine, c.fuzzy, c.missing)):
            totals[i] += n
        print(f"{report.id:32} {c.translated:>10} {c.machine:>8} {c.fuzzy:>6} {c.missing:>8}")
    print(f"{'total':32} {totals[0]:>10} {totals[1]:>8} {totals[2]:>6} {totals[3]:>8}")
    return 0


def cmd_qa(args: argparse.Namespace) -> int:
    corpus = load(args.source)
    result = translate_corpus(corpus.reports, args.translations, write=False)
    for problem in result.problems:
        print(problem)
    print(f"{len(result.problems)} problems in published translations", file=sys.stderr)
    return 1 if result.problems else 0


def cmd_translate(args: argparse.Namespace) -> int:
    from generator.glossary import load_glossary
    from generator.machine_translation import (
        ArgosBackend, MachineTranslationError, MachineTranslationUnavailable, OpenAICompatibleBackend, translate_missing,
    )
    from generator.segments import report_segments
    from generator.translation_memory import open_catalog, save_catalog

    try:
        if args.backend == "argos":
            backend = ArgosBackend()
        else:
            if not args.url or not args.model:
                print("error: --backend http needs --url and --model", file=sys.stderr)
                return 2
            backend = OpenAICompatibleBackend(args.url, args.model, os.environ.get(args.api_key_env) if args.api_key_env else None)
    except MachineTranslationUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    corpus = load(args.source, [args.source / f"{i}.txt" for i in args.ids] if args.ids else None)
    glossary = load_glossary()
    for report in corpus.reports:
        segments = report_segments(report)
        po, path, changed = open_catalog(args.translations, report.id, segments)
        try:
            done, problems = translate_missing(po, segments, backend, glossary)
        except (MachineTranslationUnavailable, MachineTranslationError) as exc:
            print(f"error: {report.id}: {exc}", file=sys.stderr)
            return 2
        if changed or done:
            save_catalog(po, path)
        print(f"{report.id}: {done} segments machine-translated into {path}", file=sys.stderr)
        for problem in problems:
            print(f"  held back (fuzzy): {problem}", file=sys.stderr)
    _print_errors(corpus.errors)
    return 1 if corpus.errors else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from generator.evaluation import evaluate, format_evaluation

    print(format_evaluation(evaluate(args.corpus)))
    return 0


def cmd_schema(_: argparse.Namespace) -> int:
    from generator.schema import ReportFrontMatter

    print(json.dumps(ReportFrontMatter.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from generator.gazetteer import build_gazetteer_data
    from generator.writing import atomic_write

    target = Path(__file__).parent / "data" / "gazetteer.json"
    atomic_write(target, json.dumps(build_gazetteer_data(), ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {target}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serving import serve

    return serve(args, lambda: cmd_generate(args, build=True))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--project", type=Path, default=Path("."), help="project folder with mkdocs.yml (default: .)")
    sub = p.add_subparsers(dest="command", required=True)

    def with_paths(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--source", type=Path, default=Path("source_reports"), help="raw reports folder (default: source_reports)")
        sp.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder to generate into (default: docs)")
        sp.add_argument("--translations", type=Path, default=Path("translations"), help="translation memory folder (default: translations)")
        sp.add_argument("--site-url", default=None, help="published root URL for citations and the feed (default: $SITE_URL or the local preview)")
        return sp

    with_paths(sub.add_parser("build", help="generate docs/ and build site/"))
    with_paths(sub.add_parser("generate", help="generate docs/ only"))
    sp = with_paths(sub.add_parser("inspect", help="print extracted metadata, writing nothing"))
    sp.add_argument("files", nargs="*", type=Path, help="raw files (default: every report in --source)")
    sp.add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    with_paths(sub.add_parser("check", help="list reports that need an editor"))
    sp = with_paths(sub.add_parser("serve", help="live preview on 127.0.0.1"))
    sp.add_argument("--port", type=int, default=8000)
    with_paths(sub.add_parser("coverage", help="translated / machine / fuzzy / missing segments per report"))
    with_paths(sub.add_parser("qa", help="check every published translation (exit 1 on any problem)"))
    sp = with_paths(sub.add_parser("translate", help="machine-translate untranslated segments into the PO files"))
    sp.add_argument("ids", nargs="*", help="report ids (default: all)")
    sp.add_argument("--backend", choices=("argos", "http"), default="http")
    sp.add_argument("--url", help="OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1")
    sp.add_argument("--model", help="model name the server expects")
    sp.add_argument("--api-key-env", help="environment variable holding the API key, for hosted servers")
    sp = sub.add_parser("evaluate", help="score extraction against a labelled corpus")
    sp.add_argument("corpus", type=Path, nargs="?", default=Path("tests/corpus"), help="folder with raw reports and labels.yaml")
    sub.add_parser("schema", help="JSON Schema of the report front matter")
    sub.add_parser("gazetteer", help="regenerate data/gazetteer.json from vietnamadminunits")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    commands = {
        "build": lambda a: cmd_generate(a, build=True),
        "generate": lambda a: cmd_generate(a, build=False),
        "inspect": cmd_inspect,
        "check": cmd_check,
        "serve": cmd_serve,
        "schema": cmd_schema,
        "evaluate": cmd_evaluate,
        "coverage": cmd_coverage,
        "qa": cmd_qa,
        "translate": cmd_translate,
        "gazetteer": cmd_gazetteer,
    }
    return commands[args.command](args)
