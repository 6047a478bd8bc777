"""A file meant as an editor's sidecar but named otherwise is an error that names it, never ignored."""

from pathlib import Path

import pytest

from generator.pipeline import load_corpus
from generator.sidecar_files import read_sidecar_files
from tests.conftest import SEED

LANG_SON = SEED["003"].stem


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "source_reports"
    folder.mkdir()
    (folder / SEED["003"].name).write_bytes(SEED["003"].read_bytes())
    return folder


@pytest.mark.parametrize("name", [f"{LANG_SON}.yml", f"{LANG_SON}.YAML", f"{LANG_SON}.Yaml", f"{LANG_SON}.yaml.txt",
                                  f"{LANG_SON}.txt.yaml", f"{LANG_SON}.yml.txt"])
def test_a_misspelt_sidecar_stops_its_report_with_an_error_naming_the_file(corpus_dir: Path, name: str):
    (corpus_dir / name).write_text('date: "2011"\nauthor: Minh Quân\n', encoding="utf-8")
    corpus = load_corpus(corpus_dir)
    assert corpus.reports == []  # published as it was last built, not without the correction
    [error] = corpus.errors
    assert error.path == corpus_dir / name and error.report_id == LANG_SON
    assert f"named exactly {LANG_SON}.yaml" in str(error) and "last good pages" in str(error)


def test_a_sidecar_saved_as_txt_is_not_read_as_a_report(corpus_dir: Path):
    (corpus_dir / f"{LANG_SON}.yaml.txt").write_text("author: Minh Quân\n", encoding="utf-8")
    assert read_sidecar_files(corpus_dir).not_reports == {f"{LANG_SON}.yaml.txt"}
    assert [e.path.name for e in load_corpus(corpus_dir).errors] == [f"{LANG_SON}.yaml.txt"]


def test_a_sidecar_whose_raw_report_does_not_exist_is_an_error_and_stops_nothing_else(corpus_dir: Path):
    (corpus_dir / "003_819d290b6f01cc9.yaml").write_text("author: Minh Quân\n", encoding="utf-8")  # one digit short
    corpus = load_corpus(corpus_dir)
    assert [r.id for r in corpus.reports] == [LANG_SON]
    [error] = corpus.errors
    assert error.path.name == "003_819d290b6f01cc9.yaml"
    assert "sidecar of no raw report" in str(error) and "003_819d290b6f01cc9.txt does not exist" in str(error)


def test_a_well_named_sidecar_and_other_files_are_no_error(corpus_dir: Path, caplog):
    (corpus_dir / f"{LANG_SON}.yaml").write_text("author: Minh Quân\n", encoding="utf-8")
    (corpus_dir / "ghi-chu.md").write_text("# Ghi chú của biên tập\n", encoding="utf-8")
    (corpus_dir / ".#003.txt").write_text("", encoding="utf-8")  # an editor's lock file
    corpus = load_corpus(corpus_dir)
    assert corpus.errors == [] and corpus.reports[0].metadata.author.value == "Minh Quân"
    assert "ghi-chu.md: neither a raw report (.txt) nor a sidecar (.yaml): ignored" in caplog.text
