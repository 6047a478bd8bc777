"""Re-create the real-page evaluation texts outside the repository, and check them.

The texts are third-party pages and are never committed: this folder holds only the manifest
(where each page was found, its length and sha256) and the labels. A session that has the
`search` tool (corpus "pages") re-finds each page and saves its excerpt; this script checks it.

    python bench/realpages/retrieve.py list [--split dev|heldout|dev2|all]
    python bench/realpages/retrieve.py save ID FILE [--out DIR]
    python bench/realpages/retrieve.py check [--out DIR] [--split dev|heldout|dev2|all]

`list` prints, per page, the id, the exact query that returned it and its URL. `save` copies an
excerpt saved to FILE into DIR/<id>.txt, refusing it unless its length and sha256 are the
manifest's. `check` verifies every text of the split in DIR and writes DIR/labels.yaml with that
split's labels, so that `python -m generator evaluate DIR` scores it. DIR defaults to
/work/realpages/texts and may not be inside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MANIFEST = HERE / "manifest.yaml"
LABELS = HERE / "labels.yaml"
DEFAULT_OUT = Path("/work/realpages/texts")
SPLITS = ("dev", "heldout", "dev2", "all")


class RetrieveError(Exception):
    """A refusal with a message for the user (exit status 1)."""


def load_yaml(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RetrieveError(f"{path}: expected a mapping of page ids")
    return data


def selected(manifest: dict[str, Any], split: str) -> list[str]:
    return [pid for pid, entry in manifest.items() if split == "all" or entry["split"] == split]


def digest(text_bytes: bytes) -> str:
    return hashlib.sha256(text_bytes).hexdigest()


def verify(pid: str, entry: dict[str, Any], data: bytes, source: Path) -> None:
    """Raise unless data is the excerpt the manifest describes (UTF-8, same length and sha256)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RetrieveError(f"{pid}: {source} is not UTF-8 ({exc})") from exc
    if len(text) != entry["length"]:
        raise RetrieveError(
            f"{pid}: {source} has {len(text)} characters, the manifest says {entry['length']}: "
            "save the excerpt exactly as the search tool returned it (JSON escapes decoded, "
            "no added newline)"
        )
    if digest(data) != entry["sha256"]:
        raise RetrieveError(
            f"{pid}: {source} has the right length but a different sha256 than the manifest "
            "(some character differs): it is not the labelled page text"
        )


def output_dir(raw: str | None) -> Path:
    out = Path(raw).expanduser().resolve() if raw else DEFAULT_OUT
    if out == REPO or REPO in out.parents:
        raise RetrieveError(f"{out} is inside the repository; third-party texts must stay outside it")
    return out


def cmd_list(manifest: dict[str, Any], split: str) -> None:
    for pid in selected(manifest, split):
        entry = manifest[pid]
        print(f"{pid}\t{entry['split']}\trank {entry['rank']}\tquery: {entry['query']}\n\t{entry['url']}")


def cmd_save(manifest: dict[str, Any], pid: str, source: Path, out: Path) -> None:
    if pid not in manifest:
        raise RetrieveError(f"{pid}: no such id in {MANIFEST.name}")
    if not source.is_file():
        raise RetrieveError(f"{source}: no such file")
    data = source.read_bytes()
    verify(pid, manifest[pid], data, source)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{pid}.txt").write_bytes(data)
    print(f"{pid}: saved to {out / (pid + '.txt')}")


def cmd_check(manifest: dict[str, Any], labels: dict[str, Any], out: Path, split: str) -> None:
    ids = selected(manifest, split)
    missing = [pid for pid in ids if not (out / f"{pid}.txt").is_file()]
    problems: list[str] = []
    for pid in ids:
        path = out / f"{pid}.txt"
        if path.is_file():
            try:
                verify(pid, manifest[pid], path.read_bytes(), path)
            except RetrieveError as exc:
                problems.append(str(exc))
    unlabelled = [pid for pid in ids if pid not in labels]
    if missing or problems or unlabelled:
        lines = [f"missing text: {pid} (search for it: retrieve.py list)" for pid in missing]
        lines += problems + [f"no label: {pid}" for pid in unlabelled]
        raise RetrieveError("\n".join(lines))
    extra = sorted(p.stem for p in out.glob("*.txt") if p.stem not in ids)
    split_labels = {pid: labels[pid] for pid in ids}
    header = (
        f"# Labels of the {split} split of bench/realpages (written by retrieve.py check).\n"
        "# Scored by: python -m generator evaluate " + str(out) + "\n"
    )
    body = yaml.safe_dump(split_labels, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
    (out / "labels.yaml").write_text(header + body, encoding="utf-8")
    print(f"{len(ids)} texts verified ({split}); wrote {out / 'labels.yaml'}")
    if extra:
        print(f"note: {len(extra)} other .txt files in {out} are not in this split and will be read "
              f"(unscored) by evaluate: {', '.join(extra[:10])}{' …' if len(extra) > 10 else ''}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list", help="print id, query and url of each page")
    p_list.add_argument("--split", choices=SPLITS, default="all")
    p_save = sub.add_parser("save", help="copy a saved excerpt after checking it against the manifest")
    p_save.add_argument("id")
    p_save.add_argument("file", type=Path)
    p_save.add_argument("--out", help=f"target folder (default {DEFAULT_OUT})")
    p_check = sub.add_parser("check", help="verify the texts and write labels.yaml for evaluate")
    p_check.add_argument("--out", help=f"folder with the texts (default {DEFAULT_OUT})")
    p_check.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args(argv)
    try:
        manifest = load_yaml(MANIFEST)
        if args.command == "list":
            cmd_list(manifest, args.split)
        elif args.command == "save":
            cmd_save(manifest, args.id, args.file, output_dir(args.out))
        else:
            cmd_check(manifest, load_yaml(LABELS), output_dir(args.out), args.split)
    except RetrieveError as exc:
        print(f"retrieve.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
