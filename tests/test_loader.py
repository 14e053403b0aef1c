"""The Neo4j loader over real Bolt with the official driver (FalkorDB's Bolt port)."""
from __future__ import annotations

import time
from collections import Counter

import pytest
from neo4j import GraphDatabase

from conftest import HOSTILE, ICE_ARTICLE, hand_made_parts
from falkordb_server import FalkorServer

from kg.neo4j import dialects, loader
from kg.neo4j.cypher import cypher_dir
from kg.errors import EnvironmentFault
from kg.graph import GraphBuilder
from kg.neo4j.loader import Loader, connect, load_graph
from kg.ontology import primary_label
from kg.pipeline import build_graph
from kg.neo4j.query import run_query


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = FalkorServer(tmp_path_factory.mktemp("falkordb")).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def driver(server):
    drv = GraphDatabase.driver(server.uri, auth=("falkordb", ""))
    yield drv
    drv.close()


@pytest.fixture
def clean(driver):
    with driver.session() as s:
        s.run("MATCH (n) DETACH DELETE n").consume()
    return driver


@pytest.fixture(scope="module")
def ice_graph():
    return build_graph([str(ICE_ARTICLE)]).graph


def db_counts(driver):
    with driver.session() as s:
        labels = Counter()
        for record in s.run("MATCH (n) RETURN labels(n) AS labels"):
            labels[primary_label(record["labels"])] += 1
        types = Counter({r["t"]: r["c"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(r) AS c")})
    return labels, types


def graph_counts(graph):
    labels = Counter(primary_label(d["labels"]) for _, d in graph.nodes(data=True))
    types = Counter(d["type"] for _, _, d in graph.edges(data=True))
    return labels, types


def test_detects_falkordb_and_adapts_schema(clean):
    with clean.session() as s:
        assert dialects.detect(s) == dialects.FALKORDB
    assert all(st.startswith("CREATE INDEX FOR") for st in dialects.schema(dialects.FALKORDB))
    assert any("CONSTRAINT" in st for st in dialects.schema(dialects.NEO4J))


def test_two_loads_equal_graph_jsonl_counts(clean, ice_graph):
    first = load_graph(ice_graph, uri="", user="", password="", driver=clean, batch_size=7)
    assert first.nodes_created == ice_graph.number_of_nodes()
    assert first.relationships_created == ice_graph.number_of_edges()
    second = load_graph(ice_graph, uri="", user="", password="", driver=clean)
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert db_counts(clean) == graph_counts(ice_graph)


def test_labels_properties_and_provenance(clean, ice_graph):
    load_graph(ice_graph, uri="", user="", password="", driver=clean)
    with clean.session() as s:
        walz = s.run("MATCH (n:Entity {name: 'Tim Walz'}) RETURN labels(n) AS l, n.title AS t, "
                     "n.aliases AS a").single()
        assert set(walz["l"]) == {"Entity", "Official", "Person"} and walz["t"] == "Governor"
        assert "Walz" in walz["a"]
        rel = s.run("MATCH (:Entity {name: 'Tim Walz'})-[r:HOLDS_OFFICE]->(p:Place) "
                    "RETURN p.name AS p, r.title AS t, r.evidence AS e, r.char_start AS cs").single()
        assert rel["p"] == "Minnesota" and rel["t"] == "Governor" and "Walz" in rel["e"]
        assert isinstance(rel["cs"], int)
        mentions = s.run("MATCH (a:Article)-[:MENTIONS]->(e:Entity) RETURN count(e) AS c").single()["c"]
        assert mentions == sum(1 for _, d in ice_graph.nodes(data=True) if "Entity" in d["labels"])


def test_hostile_text_round_trips_as_data(clean):
    builder = GraphBuilder()
    builder.extend(hand_made_parts())
    graph = builder.build()
    # a long string too (FalkorDB's Bolt layer caps a query near 4 KiB; Neo4j has no such cap)
    long_text = ("A long sentence with ‘quotes’, \\ and \n newlines. " * 40)[:2400]
    graph.nodes["ohio"]["note"] = long_text
    load_graph(graph, uri="", user="", password="", driver=clean)
    with clean.session() as s:
        evidence = s.run("MATCH ()-[r:INVESTIGATED]->() RETURN r.evidence AS e").single()["e"]
        quote = s.run("MATCH (q:Quote) RETURN q.text AS t").single()["t"]
        nodes = s.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        note = s.run("MATCH (n:Entity {id: 'ohio'}) RETURN n.note AS n").single()["n"]
    assert evidence == HOSTILE and quote == HOSTILE and note == long_text
    assert nodes == graph.number_of_nodes()


def test_same_fact_in_two_articles_is_kept_apart(clean):
    from kg.model import Article, ArticleGraph, LocalEntity, Relation

    def part(aid):
        ents = {k: LocalEntity(k, lab, n, {n}, 1, global_key=k) for k, lab, n in
                (("body:fbi", "Agency", "FBI"), ("person:ann lee", "Person", "Ann Lee"))}
        rel = Relation("body:fbi", "ARRESTED", "person:ann lee", evidence=f"In {aid}: the FBI arrested Ann Lee.",
                       article=aid, char_start=0, char_end=30, extractor="test")
        return ArticleGraph(Article(id=aid, text="t"), ents, [rel], [])
    builder = GraphBuilder()
    builder.extend([part("a1"), part("a2")])
    load_graph(builder.build(), uri="", user="", password="", driver=clean)
    with clean.session() as s:
        rows = s.run("MATCH (:Entity {name: 'FBI'})-[r:ARRESTED]->(:Entity {name: 'Ann Lee'}) "
                     "RETURN r.article AS a, r.evidence AS e ORDER BY a").data()
    assert [r["a"] for r in rows] == ["a1", "a2"]
    assert rows[0]["e"] != rows[1]["e"]


def test_transient_error_is_retried(clean, ice_graph, monkeypatch):
    from neo4j.exceptions import ServiceUnavailable

    calls = {"n": 0}
    real = loader._run_batch

    def once_unavailable(tx, statement, rows):
        calls["n"] += 1
        if calls["n"] == 2:
            raise ServiceUnavailable("connection dropped")
        return real(tx, statement, rows)
    monkeypatch.setattr(loader, "_run_batch", once_unavailable)
    load_graph(ice_graph, uri="", user="", password="", driver=clean)
    assert db_counts(clean) == graph_counts(ice_graph)


def test_failure_mid_load_reports_batch_and_rerun_completes(clean, ice_graph, monkeypatch):
    from neo4j.exceptions import DatabaseError

    calls = {"n": 0, "committed": 0}
    real = loader._run_batch

    def flaky(tx, statement, rows):
        calls["n"] += 1
        if calls["n"] == 3:
            raise DatabaseError("disk full")
        calls["committed"] += len(rows)
        return real(tx, statement, rows)
    monkeypatch.setattr(loader, "_run_batch", flaky)
    with pytest.raises(EnvironmentFault) as err:
        Loader(clean, batch_size=10).load(ice_graph)
    assert err.value.exit_code == 2 and "batch 3 of entities" in str(err.value)
    with clean.session() as s:
        assert s.run("MATCH (n:Entity) RETURN count(n) AS c").single()["c"] == calls["committed"] > 0
    monkeypatch.setattr(loader, "_run_batch", real)
    load_graph(ice_graph, uri="", user="", password="", driver=clean, batch_size=10)
    assert db_counts(clean) == graph_counts(ice_graph)


def test_library_queries_run(clean, ice_graph):
    load_graph(ice_graph, uri="", user="", password="", driver=clean)
    queries = cypher_dir() / "queries"
    params = {"name": "Tim Walz", "limit": 5, "source": "Tim Walz", "type": "HOLDS_OFFICE",
              "target": "Minnesota"}
    results = {}
    # shortestPath is Neo4j syntax FalkorDB does not take; every other query runs here
    for path in sorted(queries.glob("*.cypher")):
        if path.stem == "shortest_path":
            continue
        try:
            columns, rows = run_query(clean, path.read_text(encoding="utf-8"), params)
        except Exception as exc:  # name the query that failed
            raise AssertionError(f"{path.name}: {exc}") from exc
        results[path.stem] = rows
    assert ["Minnesota", "Tim Walz", "Governor"] in results["officials_by_jurisdiction"]
    assert results["evidence_for_relation"] and "Walz" in results["evidence_for_relation"][0][0]
    assert any("partisan distraction" in r[0] for r in results["quotes_by_speaker"])
    assert results["articles_mentioning"][0][0] == "ice-mistakes"
    assert results["most_connected"][0][2] >= results["most_connected"][-1][2]
    assert any(r[1] == "SHOT" for r in results["who_did_what_to_whom"])


def test_event_queries_leave_out_what_did_not_or_may_happen(clean, ice_graph):
    queries = cypher_dir() / "queries"

    def rows(graph, name, params):
        with clean.session() as s:
            s.run("MATCH (n) DETACH DELETE n").consume()
        load_graph(graph, uri="", user="", password="", driver=clean)
        return run_query(clean, (queries / f"{name}.cypher").read_text(encoding="utf-8"), params)[1]

    names = ("who_did_what_to_whom", "events_by_category", "timeline_of_entity")
    params = {"name": "Renee Good"}
    before = {n: rows(ice_graph, n, params) for n in names}
    graph = ice_graph.copy()
    flagged = {"SHOT": "negated", "ARRESTED": "hypothetical"}
    for u, v, k, d in list(graph.edges(keys=True, data=True)):
        if d.get("type") in flagged:
            graph.edges[u, v, k][flagged[d["type"]]] = True
    after = {n: rows(graph, n, params) for n in names}
    assert any(r[1] in flagged for r in before["who_did_what_to_whom"])
    assert any(r[2] in flagged for r in before["timeline_of_entity"])
    # (rows of one date come in any order)
    assert sorted(after["who_did_what_to_whom"]) == sorted(r for r in before["who_did_what_to_whom"]
                                                            if r[1] not in flagged)
    assert sorted(after["events_by_category"]) == sorted(r for r in before["events_by_category"]
                                                          if r[1] not in flagged)
    assert sorted(after["timeline_of_entity"]) == sorted(r for r in before["timeline_of_entity"]
                                                          if r[2] not in flagged)


def test_unreachable_server_is_exit_2_quickly():
    start = time.monotonic()
    with pytest.raises(EnvironmentFault) as err:
        connect("bolt://127.0.0.1:1", "neo4j", "x")
    assert err.value.exit_code == 2 and "bolt://127.0.0.1:1" in str(err.value)
    assert time.monotonic() - start < 30


def test_bad_credentials_name_authentication(monkeypatch):
    from neo4j.exceptions import AuthError

    class Refusing:
        def verify_connectivity(self):
            raise AuthError("The client is unauthorized due to authentication failure.")

        def close(self):
            pass
    monkeypatch.setattr("neo4j.GraphDatabase.driver", lambda *a, **k: Refusing())
    with pytest.raises(EnvironmentFault) as err:
        connect("bolt://db:7687", "neo4j", "wrong")
    assert err.value.exit_code == 2 and "authentication failed" in str(err.value)


def test_streaming_load_of_graph_jsonl_equals_the_in_memory_load(clean, ice_graph, tmp_path):
    from kg.io.exporters import write_jsonl
    from kg.neo4j.loader import load_jsonl

    path = tmp_path / "graph.jsonl"
    write_jsonl(ice_graph, path)
    report = load_jsonl(path, uri="", user="", password="", driver=clean, batch_size=3)
    assert report.nodes_created == ice_graph.number_of_nodes()
    assert report.relationships_created == ice_graph.number_of_edges()
    assert db_counts(clean) == graph_counts(ice_graph)
    again = load_jsonl(path, uri="", user="", password="", driver=clean)
    assert again.nodes_created == 0 and again.relationships_created == 0


def test_falkordb_param_checks():
    from kg.neo4j import dialects

    dialects.check_params(dialects.NEO4J, {"x') DELETE": "a" * 10000})  # Neo4j takes anything
    dialects.check_params(dialects.FALKORDB, {"name": "O'Brien", "m": {"ok_key": [1, {"a": 2}]}})
    for bad in ({"m": {"x'}) DETACH DELETE n //": 1}}, {"m": [{"a b": 1}]}, {"x": "a" * 4000}):
        with pytest.raises(ValueError):
            dialects.check_params(dialects.FALKORDB, bad)
