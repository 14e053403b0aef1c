"""graph.cypher: schema first, UNWIND/MERGE batches, hostile text escaped as literals."""
from __future__ import annotations

import pytest

from conftest import HOSTILE

from kg.neo4j.cypher import cypher_literal, load_plan, load_statement
from kg.io.exporters import write_cypher_script


def test_script_order_and_idempotent_shape(small_graph, tmp_path):
    path = tmp_path / "graph.cypher"
    write_cypher_script(small_graph, path)
    text = path.read_text(encoding="utf-8")
    statements = [s for s in text.split(";\n\n") if s.strip() and not s.strip().startswith("//")]
    first_unwind = next(i for i, s in enumerate(statements) if "UNWIND" in s)
    assert all("CONSTRAINT" in s or "INDEX" in s for s in statements[:first_unwind])
    assert "CREATE (" not in text  # only MERGE, so a rerun adds nothing
    assert text.count("MERGE (n:Entity {id: row.id})") >= 1
    assert "[r:INVESTIGATED {id: row.id}]" in text and "RELATION_TYPE" not in text


def test_literals_escape_hostile_text():
    literal = cypher_literal({"text": HOSTILE, "n": 3, "ok": True, "none": None, "list": ["a'b"]})
    assert literal.startswith("{text: '") and "O\\'Brien" in literal
    assert "\\\\back\\\\" in literal and "n: 3" in literal and "ok: true" in literal
    assert "none: null" in literal and "['a\\'b']" in literal
    # the string literal ends exactly where it should: no unescaped quote inside
    inner = literal[len("{text: '"):]
    end = next(i for i, ch in enumerate(inner) if ch == "'" and inner[i - 1] != "\\")
    assert inner[:end].replace("\\'", "'").replace("\\\\", "\\").replace('\\"', '"') == HOSTILE


def test_relationship_types_only_from_the_ontology():
    assert "[r:SHOT {id: row.id}]" in load_statement("relationships", "SHOT")
    with pytest.raises(ValueError):
        load_statement("relationships", "SHOT]->(x) DETACH DELETE x //")


def test_plan_puts_nodes_before_relationships(small_graph):
    names = [step.name for step in load_plan(small_graph)]
    assert names[:3] == ["entities", "articles", "quotes"]
    assert "relationships:INVESTIGATED" in names and names.index("said") > 2
