"""The scorer (KG_SPEC s.6) on tiny hand-made graphs whose right numbers are known."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import InputError
from kg.evaluate import Gold, load_gold, score_graph
from kg.names import normalise


def test_normalise_follows_the_spec():
    assert normalise("The U.S.") == "u s" == normalise("US".replace("US", "U.S."))
    assert normalise("Ms Good’s") == "good"
    assert normalise("Mr. Trump") == "trump"
    assert normalise("Attorney-General") == "attorney general"
    assert normalise("  St.  Paul ") == "st paul"
    assert normalise("“Quote”") == '"quote"'


def graph_of(nodes, edges=()):
    g = nx.MultiDiGraph()
    for node_id, labels, name, aliases in nodes:
        g.add_node(node_id, labels=["Entity", *labels], name=name, aliases=aliases, mentions=1)
    for n, (s, rtype, t, extra) in enumerate(edges):
        g.add_edge(s, t, key=f"r{n}", type=rtype, **extra)
    return g


GOLD = Gold(path=Path("g.json"), article_file=Path("a.txt"), article_date=None,
            entities=[
                {"id": "trump", "label": "Official", "name": "Donald Trump", "aliases": ["Trump"]},
                {"id": "good", "label": "Person", "name": "Renee Good", "aliases": []},
                {"id": "ice", "label": "Agency", "name": "ICE", "aliases": []},
                {"id": "cbs", "label": "Organization", "name": "CBS News", "aliases": []},
                {"id": "agents", "label": "Group", "name": "federal agents", "aliases": ["agents"]},
                {"id": "bbg", "label": "Organization", "name": "Bloomberg", "aliases": [], "optional": True},
            ],
            relations=[
                {"source": "ice", "type": "SHOT", "target": "good", "date": "2026-01-07"},
                {"source": "trump", "type": "ACCUSED", "target": "agents"},
                {"source": "ice", "type": "PART_OF", "target": "cbs", "optional": True},
            ],
            quotes=[{"speaker": "trump", "contains": "They’re going"},
                    {"speaker": "good", "contains": "never said", "optional": True}])


def test_entities_duplicates_types_optional_and_groups():
    g = graph_of([
        ("n1", ["Official", "Person"], "Donald Trump", ["Mr Trump"]),
        ("n2", ["Person"], "Trump", []),                      # duplicate of trump -> FP
        ("n3", ["Official", "Person"], "Renee Good", []),     # gold Person must not be Official
        ("n4", ["Agency", "Organization"], "ICE", []),
        ("n5", ["Agency", "Organization"], "CBS News", []),   # gold Organization must not be Agency
        ("n6", ["Organization"], "Bloomberg", []),            # optional: neither
        ("n7", ["Place"], "Nowhere", []),                     # unmatched: FP
        ("n8", ["Group"], "agents", []),
    ])
    s = score_graph(g, GOLD)
    assert (s.entities.tp, s.entities.fp, s.entities.fn) == (5, 2, 0)
    assert (s.entities_typed.tp, s.entities_typed.fp, s.entities_typed.fn) == (3, 4, 2)
    assert s.duplicates == 1
    assert (s.named_typed.tp, s.named_typed.fp, s.named_typed.fn) == (2, 4, 2)
    assert (s.groups.tp, s.groups.fp, s.groups.fn) == (1, 0, 0)
    assert s.entities.precision == pytest.approx(5 / 7)


def test_relations_dates_and_quotes():
    g = graph_of([
        ("trump", ["Official", "Person"], "Donald Trump", []),
        ("good", ["Person"], "Renee Good", []),
        ("ice", ["Agency", "Organization"], "ICE", []),
        ("cbs", ["Organization"], "CBS News", []),
        ("x", ["Place"], "Elsewhere", []),
    ], [
        ("ice", "SHOT", "good", {"date": "2026-01-07"}),     # TP, date right
        ("ice", "PART_OF", "cbs", {}),                       # optional: neither
        ("trump", "SUED", "good", {}),                       # FP
        ("x", "LOCATED_IN", "good", {}),                     # unmatched endpoint: FP
        ("trump", "CLASHED_WITH", "good", {}),               # not a core type: ignored
    ])
    g.add_node("q1", labels=["Quote"], text="They're going to make mistakes")
    g.add_edge("trump", "q1", key="s1", type="SAID")
    s = score_graph(g, GOLD)
    assert (s.relations.tp, s.relations.fp, s.relations.fn) == (1, 2, 1)
    assert (s.dates_right, s.dates_total) == (1, 1)
    assert (s.quotes_found, s.quotes_total) == (1, 1)


def test_wrong_date_and_missing_quote():
    g = graph_of([("good", ["Person"], "Renee Good", []), ("ice", ["Agency"], "ICE", [])],
                 [("ice", "SHOT", "good", {"date": "2026-01-20"})])
    s = score_graph(g, GOLD)
    assert (s.dates_right, s.dates_total) == (0, 1)
    assert (s.quotes_found, s.quotes_total) == (0, 1)
    assert s.missed_quotes == ["trump: They’re going"]


def test_gold_file_errors(tmp_path):
    bad = tmp_path / "gold" / "bad.gold.json"
    bad.parent.mkdir()
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a gold file"):
        load_gold(bad)
    missing_article = tmp_path / "gold" / "m.gold.json"
    missing_article.write_text(json.dumps({"article": {"file": "corpus/none.txt"}, "entities": []}),
                               encoding="utf-8")
    with pytest.raises(InputError, match="not found"):
        load_gold(missing_article)


def test_misses_are_counted_by_kind():
    g = graph_of([
        ("n1", ["Official", "Person"], "Donald Trump", []),
        ("n2", ["Person"], "Trump", []),                       # duplicate node
        ("n3", ["Official", "Person"], "Renee Good", []),      # type wrong (gold Person)
        ("n4", ["Organization"], "CBS", []),                   # span wrong for "CBS News"
        ("n5", ["Place"], "Nowhere", []),                      # spurious entity
        ("n6", ["Group"], "agents", []),
    ], [
        ("n3", "SHOT", "n1", {}),                              # spurious relation
        ("n1", "CRITICIZED", "n6", {}),                        # gold ACCUSED: wrong type
        ("n5", "SUED", "n1", {}),                              # an end matches no gold entity
    ])
    g.add_node("q1", labels=["Quote"], text="They’re going to make mistakes")
    g.add_edge("n3", "q1", key="s1", type="SAID")              # quote given to another speaker
    s = score_graph(g, GOLD)
    assert {k: v for k, v in s.errors.items() if v} == {
        "entity not found": 1,            # ICE
        "entity span wrong": 1,           # CBS News
        "entity type wrong": 1,
        "duplicate node": 1,
        "spurious entity": 2,             # Nowhere, CBS
        "relation: an end not found": 1,  # ice SHOT good: no ICE node
        "relation: wrong type": 1,        # the miss of trump ACCUSED agents ...
        "relation: spurious": 2,          # ... whose CRITICIZED is also a false positive
        "relation: spurious, end unmatched": 1,
        "quote: other speaker": 1,
    }
