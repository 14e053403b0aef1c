"""import/*.csv: neo4j-admin headers, parsed back."""
from __future__ import annotations

import csv

from kg.io.exporters import write_import_csv


def read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_headers_and_rows(small_graph, tmp_path):
    folder = tmp_path / "import"
    write_import_csv(small_graph, folder)
    entities = read(folder / "entities.csv")
    assert entities[0][:2] == ["id:ID(Entity)", ":LABEL"]
    assert "aliases:string[]" in entities[0] and "mentions:int" in entities[0]
    row = next(r for r in entities[1:] if r[0] == "jane_roe")
    header = entities[0]
    assert row[1] == "Entity;Official;Person"
    assert row[header.index("aliases:string[]")] == "Jane Roe;Roe"
    rels = read(folder / "rel_entity_entity.csv")
    assert rels[0][:4] == ["id:string", ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert "char_start:int" in rels[0] and "negated:boolean" in rels[0]
    types = {r[3] for r in rels[1:]}
    assert types == {"INVESTIGATED", "HOLDS_OFFICE", "PROTESTED"}
    said = read(folder / "rel_entity_quote.csv")
    assert said[0][1:3] == [":START_ID(Entity)", ":END_ID(Quote)"] and said[1][3] == "SAID"
    total_rows = sum(len(read(p)) - 1 for p in folder.glob("rel_*.csv"))
    assert total_rows == small_graph.number_of_edges()
    node_rows = sum(len(read(folder / f)) - 1 for f in ("entities.csv", "articles.csv", "quotes.csv"))
    assert node_rows == small_graph.number_of_nodes()
