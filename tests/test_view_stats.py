"""kg view (offline HTML; the browser tests are in test_view_browser.py), kg stats, GEXF with
time, GraphML read by igraph."""
from __future__ import annotations

import re

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import HOSTILE, ICE_ARTICLE

from kg.cli import main
from kg.io.exporters import write_gexf, write_graphml
from kg.stats import compute_stats
from kg.view import render_view


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    result = CliRunner().invoke(main, ["build", str(ICE_ARTICLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_view_is_self_contained(built):
    result = CliRunner().invoke(main, ["view", str(built)])
    assert result.exit_code == 0
    page = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "http://" not in page.split('<script id="data"')[0]
    assert '"name": "Tim Walz"' in page and "#D62728" in page


def test_view_escapes_hostile_text(small_graph):
    import json

    hostile = 'he said "<!--<script>alert(1)</script>" \u2028 & left'
    edge = next((u, v, k) for u, v, k, d in small_graph.edges(keys=True, data=True)
                if d.get("type") == "PROTESTED")
    small_graph.edges[edge]["evidence"] = hostile
    page = render_view(small_graph)
    data = page.split('<script id="data" type="application/json">')[1].split("</script>")[0]
    assert not set(data) & {"<", ">", "&", "\u2028"}  # nothing can end or bend the block
    assert "DETACH DELETE" in data and "O'Brien" in data
    assert hostile in [e["evidence"] for e in json.loads(data)["edges"]]  # the text survives


def test_stats(built, small_graph):
    result = CliRunner().invoke(main, ["stats", str(built)])
    assert result.exit_code == 0
    assert "top by degree:" in result.output and "connected components:" in result.output
    stats = compute_stats(small_graph)
    assert stats.top_degree[0][0] == "Jane Roe"
    assert stats.relations_per_article == {"art-1": 2, "art-2": 1}
    assert sorted(stats.components, reverse=True) == stats.components and sum(stats.components) == 4


def test_stats_on_a_folder_that_is_not_built(tmp_path):
    result = CliRunner().invoke(main, ["stats", str(tmp_path)])
    assert result.exit_code == 1 and "not a kg output folder" in result.output


def test_gexf_has_time_and_reads_back(small_graph, tmp_path):
    path = tmp_path / "graph.gexf"
    write_gexf(small_graph, path)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'start="2024-04-30"' in text
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == small_graph.number_of_nodes()
    assert back.number_of_edges() == small_graph.number_of_edges()


def test_graphml_reads_in_igraph(small_graph, tmp_path):
    import igraph as ig

    path = tmp_path / "graph.graphml"
    write_graphml(small_graph, path)
    g = ig.Graph.Read_GraphML(str(path))
    assert g.vcount() == small_graph.number_of_nodes() and g.ecount() == small_graph.number_of_edges()
    assert "Jane Roe" in g.vs["label"] and HOSTILE in g.es["evidence"]


def test_layout_is_deterministic_and_keeps_components_apart():
    import numpy as np

    from kg.view import layout

    # a path 0-1-2, a pair 3-4, and 5 alone
    xy = layout(6, [0, 1, 3], [1, 2, 4])
    assert xy.shape == (6, 2)
    assert np.array_equal(xy, layout(6, [0, 1, 3], [1, 2, 4]))
    boxes = [(xy[m].min(0), xy[m].max(0)) for m in ([0, 1, 2], [3, 4], [5])]
    for i, (lo, hi) in enumerate(boxes):  # no two components' boxes overlap
        for lo2, hi2 in boxes[i + 1:]:
            assert (hi < lo2).any() or (hi2 < lo).any()
    assert layout(0, [], []).shape == (0, 2)


def test_view_data_lays_out_big_graphs_only(small_graph, monkeypatch):
    import kg.view

    data = kg.view.view_data(small_graph)
    assert data["big"] is False and not any("x" in n for n in data["nodes"])
    monkeypatch.setattr(kg.view, "BIG_RELATIONS", 2)  # the 3 relations make a "big" graph
    data = kg.view.view_data(small_graph)
    assert data["big"] is True
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
