"""graph.graphml: what Gephi needs, read back by networkx with equal counts."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from lxml import etree

from kg.io.exporters import write_graphml
from kg.ontology import PALETTE

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


def test_gephi_keys_unique_edge_ids_and_round_trip(small_graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(small_graph, path)
    tree = etree.parse(str(path))
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in tree.iter(GRAPHML_NS + "key")}
    for name in ("label", "type", "labels", "color", "size"):
        assert ("node", name) in keys
    for name in ("label", "weight"):
        assert ("edge", name) in keys
    assert all(for_ in ("node", "edge") for for_, _ in keys)  # no graph-level keys
    assert set(keys.values()) <= {"string", "int", "long", "float", "double", "boolean"}
    edge_ids = [e.get("id") for e in tree.iter(GRAPHML_NS + "edge")]
    assert len(edge_ids) == len(set(edge_ids)) == small_graph.number_of_edges()

    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == small_graph.number_of_nodes()
    assert back.number_of_edges() == small_graph.number_of_edges()
    roe = back.nodes["jane_roe"]
    assert roe["label"] == "Jane Roe" and roe["type"] == "Official"
    assert roe["color"] == PALETTE["Official"] and roe["aliases"] == "Jane Roe; Roe"
    edge_labels = {d["label"] for _, _, d in back.edges(data=True)}
    assert {"INVESTIGATED", "HOLDS_OFFICE", "SAID", "MENTIONS"} <= edge_labels


def test_graphml_validates_against_the_structure_schema(small_graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(small_graph, path)
    schema = etree.XMLSchema(etree.parse(str(Path(__file__).with_name("graphml_structure.xsd"))))
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    # the schema is strict enough to fail: an edge without a target is rejected
    edge = next(doc.iter(GRAPHML_NS + "edge"))
    del edge.attrib["target"]
    assert not schema.validate(doc)


def test_graphml_is_the_same_when_gexf_shares_its_gephi_copy(small_graph, tmp_path):
    """write_some builds the Gephi-shaped graph once; GEXF makes it dynamic in place, so
    GraphML must be written first whatever order it is asked in."""
    from kg.io.exporters import staged, write_some

    write_graphml(small_graph, tmp_path / "alone.graphml")
    (tmp_path / "both").mkdir()
    write_some(small_graph, tmp_path / "both", ["graph.gexf", "graph.graphml"])
    alone = (tmp_path / "alone.graphml").read_bytes()
    assert staged(tmp_path / "both", "graph.graphml").read_bytes() == alone
    assert b"start=" in staged(tmp_path / "both", "graph.gexf").read_bytes()
