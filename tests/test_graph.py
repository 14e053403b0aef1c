"""Merging per-article graphs: cross-article resolution, ids, order independence."""
from __future__ import annotations

from conftest import hand_made_parts

from kg.graph import GraphBuilder


def test_surname_joins_the_one_full_name_across_articles(small_graph):
    people = [n for n, d in small_graph.nodes(data=True) if "Person" in d["labels"]]
    assert people == ["jane_roe"]
    node = small_graph.nodes["jane_roe"]
    assert node["labels"] == ["Entity", "Official", "Person"]
    assert node["articles"] == ["art-1", "art-2"]
    assert node["mentions"] == 2 and node["title"] == "Governor"
    assert set(node["aliases"]) == {"Jane Roe", "Roe"}


def test_two_people_sharing_a_surname_stay_apart():
    from kg.model import ArticleGraph, Article, LocalEntity

    def part(aid, key, name):
        return ArticleGraph(Article(id=aid, text="t"), {key: LocalEntity(key, "Person", name, {name}, 1, global_key=key)}, [], [])
    builder = GraphBuilder()
    builder.extend([part("a", "person:jane roe", "Jane Roe"), part("b", "person:john roe", "John Roe"),
                    part("c", "person:roe", "Roe")])
    graph = builder.build()
    names = sorted(d["name"] for _, d in graph.nodes(data=True) if "Person" in d.get("labels", []))
    assert names == ["Jane Roe", "John Roe", "Roe"]


def test_build_is_independent_of_input_order():
    parts = hand_made_parts()
    forward, backward = GraphBuilder(), GraphBuilder()
    forward.extend(parts)
    backward.extend(reversed(parts))
    g1, g2 = forward.build(), backward.build()
    assert sorted(g1.nodes(data=True)) == sorted(g2.nodes(data=True))
    assert sorted(g1.edges(keys=True, data=True)) == sorted(g2.edges(keys=True, data=True))


def test_provenance_article_nodes_and_quotes(small_graph):
    article = small_graph.nodes["article_art_1"]
    assert article["labels"] == ["Article"] and article["title"] == "First"
    mentioned = {t for _, t, d in small_graph.out_edges("article_art_1", data=True) if d["type"] == "MENTIONS"}
    assert {"jane_roe", "ohio", "department_of_justice"} <= mentioned
    said = [(s, t) for s, t, d in small_graph.edges(data=True) if d["type"] == "SAID"]
    assert len(said) == 1 and said[0][0] == "jane_roe"
    assert small_graph.nodes[said[0][1]]["labels"] == ["Quote"]
