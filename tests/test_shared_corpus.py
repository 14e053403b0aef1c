"""Quality on the shared gold and robustness on the dev set (read from ../shared)."""
from __future__ import annotations

import pytest

from conftest import DEV_CORPUS, ICE_GOLD

from kg.evaluate import evaluate
from kg.pipeline import build_graph


@pytest.fixture(scope="module")
def ice_score():
    total, _ = evaluate([str(ICE_GOLD)])
    return total


def test_entity_targets(ice_score):
    assert ice_score.named_typed.f1 >= 0.92
    assert ice_score.groups.f1 >= 0.80
    assert ice_score.duplicates == 0


def test_relation_targets(ice_score):
    assert ice_score.relations.f1 >= 0.80
    assert ice_score.quotes_found >= 5
    assert ice_score.dates_right == ice_score.dates_total == 3


def test_dev_corpus_builds_without_crash():
    result = build_graph([str(DEV_CORPUS)])
    assert result.articles == 30 and not result.problems
    labels = result.nodes_by_label()
    assert labels["Article"] == 30 and labels["Official"] > 20 and labels["Agency"] > 20
