"""Command line: each command parses its arguments and calls one library function.
`python -m generator --help` explains each; README.md's "Commands" is generated from this parser."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from generator.build import BuildError
from generator.model import ReportError
from generator.pipeline import Corpus, load_corpus
from generator.project import Project, SiteUrlError
from generator.translation_memory import TranslationMemoryError


def _project(args: argparse.Namespace) -> Project:
    return Project.at(args.project, source=args.source, docs=args.docs, translations=args.translations,
                      site_url=args.site_url, workers=args.workers)


def _corpus(project: Project, files: Sequence[Path] | None = None) -> Corpus:
    return load_corpus(project.source_dir, files or None, workers=project.workers)


def _print_errors(errors: list[ReportError]) -> None:
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def cmd_build(args: argparse.Namespace, site: bool = True) -> int:
    from generator.build import build

    return build(_project(args), site=site).exit_code


def cmd_inspect(args: argparse.Namespace) -> int:
    from generator.editorial import inspect_record

    corpus = _corpus(_project(args), args.files)
    records = [inspect_record(r) for r in corpus.reports]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    for r in records if not args.json else []:
        print(f"{r['id']}: {r['title']}\n  date {r['date']} ({r['date_precision']}), province {r['province']}, "
              f"implements {', '.join(r['implements']) or '-'}, cites {', '.join(r['cites']) or '-'}")
        for f in r["findings"]:
            print(f"  ! {f['field']} [{f['code']}]: {f['message']}")
    _print_errors(corpus.errors)
    return 1 if corpus.errors else 0


def cmd_check(args: argparse.Namespace) -> int:
    from generator.editorial import check_report, needs_editor

    corpus = _corpus(_project(args))
    print(check_report(corpus.reports))
    _print_errors(corpus.errors)
    flagged = sum(1 for r in corpus.reports if needs_editor(r))
    kept = " (each keeps its last published pages until it is fixed)" if corpus.errors else ""
    print(f"{flagged} of {len(corpus.reports)} reports need an editor; {len(corpus.errors)} could not be read{kept}", file=sys.stderr)
    return 1 if flagged or corpus.errors else 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from generator.translation import coverage_table, translate_corpus

    project = _project(args)
    print(coverage_table(translate_corpus(_corpus(project).reports, project.translations_dir, write=False).views))
    return 0


def cmd_qa(args: argparse.Namespace) -> int:
    from generator.translation import translate_corpus

    project = _project(args)
    problems = translate_corpus(_corpus(project).reports, project.translations_dir, write=False).problems
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems in published translations", file=sys.stderr)
    return 1 if problems else 0


def cmd_translate(args: argparse.Namespace) -> int:
    from generator.build import machine_translate
    from generator.machine_translation import (
        MachineTranslationError,
        MachineTranslationUnavailable,
        make_backend,
    )

    project = _project(args)
    corpus = _corpus(project, [project.source_dir / f"{i}.txt" for i in args.ids])
    try:
        backend = make_backend(args.backend, args.url, args.model, os.environ.get(args.api_key_env) if args.api_key_env else None)
        for done in machine_translate(project, corpus.reports, backend):
            print(f"{done.report_id}: {done.segments} segments machine-translated into {done.path}", file=sys.stderr)
            for problem in done.held_back:
                print(f"  held back (fuzzy): {problem}", file=sys.stderr)
    except (MachineTranslationUnavailable, MachineTranslationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
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


def cmd_gazetteer(_: argparse.Namespace) -> int:
    from generator.gazetteer import write_gazetteer_data

    print(f"wrote {write_gazetteer_data()}", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serving import serve

    return serve(_project(args), args.port)


COMMANDS: dict[str, tuple[str, Callable[[argparse.Namespace], int]]] = {
    "build": ("generate docs/ from the raw reports, then build site/ with MkDocs (vi at /, en at /en/) and its search index", cmd_build),
    "generate": ("only generate docs/ (Markdown with YAML front matter), building no site", lambda a: cmd_build(a, site=False)),
    "inspect": ("print the metadata extracted from raw files, with evidence and findings, writing nothing", cmd_inspect),
    "check": ("list the reports that need an editor, grouped by the field and code of each finding (exit 1 if any)", cmd_check),
    "serve": ("build, serve site/ on 127.0.0.1 and rebuild when a raw report, sidecar or page source changes", cmd_serve),
    "coverage": ("translated / machine / fuzzy / missing segments per report", cmd_coverage),
    "qa": ("check every published translation: numbers, document numbers, dates, glossary (exit 1 on a problem)", cmd_qa),
    "translate": ("machine-translate untranslated segments into the PO files (argos offline, or an OpenAI-compatible server)", cmd_translate),
    "evaluate": ("score extraction against a labelled corpus (a folder of raw reports and labels.yaml)", cmd_evaluate),
    "schema": ("print the JSON Schema of a report page's front matter", cmd_schema),
    "gazetteer": ("regenerate generator/data/gazetteer.json from the vietnamadminunits package", cmd_gazetteer),
}
WITH_PROJECT = ("build", "generate", "inspect", "check", "serve", "coverage", "qa", "translate")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description="Turn raw scraped reports (source_reports/*.txt) into the bilingual archive site.")
    p.add_argument("--project", type=Path, default=Path("."), help="project folder with mkdocs.yml (default: .)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parsers = {name: sub.add_parser(name, help=text, description=text) for name, (text, _) in COMMANDS.items()}
    for name in WITH_PROJECT:
        sp = parsers[name]
        sp.add_argument("--source", type=Path, help="raw reports folder (default: PROJECT/source_reports)")
        sp.add_argument("--docs", type=Path, help="docs folder to generate into (default: PROJECT/docs)")
        sp.add_argument("--translations", type=Path, help="translation memory folder (default: PROJECT/translations)")
        sp.add_argument("--site-url", help="published root URL for citations and the feed (default: $SITE_URL, else the local preview)")
        sp.add_argument("--workers", type=int, help="processes reading reports (default: one per core, at most 4)")
    parsers["inspect"].add_argument("files", nargs="*", type=Path, help="raw files (default: every report in --source)")
    parsers["inspect"].add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    parsers["serve"].add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    translate = parsers["translate"]
    translate.add_argument("ids", nargs="*", help="report ids (default: all)")
    translate.add_argument("--backend", choices=("argos", "http"), default="http", help="machine translation engine (default: http)")
    for option, text in (("--url", "OpenAI-compatible API root, e.g. http://127.0.0.1:8080/v1"), ("--model", "model name the server expects"),
                         ("--api-key-env", "environment variable holding the API key, for hosted servers")):
        translate.add_argument(option, help=text)
    parsers["evaluate"].add_argument("corpus", type=Path, nargs="?", default=Path("tests/corpus"),
                                     help="folder with raw reports and labels.yaml (default: tests/corpus)")
    return p


def readme_commands() -> str:
    """The README's list of commands, made from the parser (a test keeps the README in step)."""
    lines = ["<!-- commands: generated from generator/cli.py (readme_commands) -->", "", "| command | what it does |", "|---|---|"]
    lines += [f"| `python -m generator {name}` | {text} |" for name, (text, _) in COMMANDS.items()]
    return "\n".join(lines + ["", "<!-- end of commands -->"])


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("generator")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    try:
        return COMMANDS[args.command][1](args)
    except (BuildError, TranslationMemoryError, SiteUrlError) as exc:  # the message names the file and the reason
        print(f"error: {exc}", file=sys.stderr)
        return 2
