"""Extraction accuracy on the labelled corpora (tests/corpus*) stays at or above the targets."""

import pytest

from generator.evaluation import evaluate
from tests.conftest import ROOT


@pytest.mark.parametrize("corpus, size", [("corpus", 40), ("corpus_heldout", 14), ("corpus_heldout2", 18), ("corpus_heldout3", 15)])
def test_labelled_corpus_meets_the_accuracy_targets(corpus, size):
    result = evaluate(ROOT / "tests" / corpus)
    assert result.reports >= size
    assert result.rate(result.province_ok) >= 0.97, result.misses
    assert result.directive_f1 >= 0.95, result.misses
    assert result.rate(result.main_ok) >= 0.95, result.misses
    assert result.rate(result.date_ok) >= 0.90, result.misses
    assert result.confident_errors == []
