"""graph.jsonl: APOC JSON-lines shape, read back equal."""
from __future__ import annotations

import json

import pytest

from conftest import HOSTILE

from kg.errors import InputError
from kg.io.exporters import read_jsonl, write_jsonl


def test_apoc_shape_and_round_trip(small_graph, tmp_path):
    path = tmp_path / "graph.jsonl"
    write_jsonl(small_graph, path)
    lines = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]
    nodes = [l for l in lines if l["type"] == "node"]
    rels = [l for l in lines if l["type"] == "relationship"]
    assert len(nodes) == small_graph.number_of_nodes() and len(rels) == small_graph.number_of_edges()
    assert lines.index(rels[0]) > lines.index(nodes[-1])  # nodes first
    for n in nodes:
        assert set(n) == {"type", "id", "labels", "properties"}
    for r in rels:
        assert set(r) == {"type", "id", "label", "start", "end", "properties"}
        assert set(r["start"]) == {"id", "labels"}
    ids = [r["id"] for r in rels]
    assert len(set(ids)) == len(ids)
    back = read_jsonl(path)
    assert sorted(back.nodes(data=True)) == sorted(small_graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(small_graph.edges(keys=True, data=True))
    investigated = next(r for r in rels if r["label"] == "INVESTIGATED")
    assert investigated["properties"]["evidence"] == HOSTILE


def test_corrupt_line_is_one_clear_error(tmp_path):
    path = tmp_path / "graph.jsonl"
    path.write_text('{"type": "node", "id": "a", "labels": [], "properties": {}}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_jsonl(path)
    assert "line 2" in str(err.value) and "rebuild" in str(err.value)
