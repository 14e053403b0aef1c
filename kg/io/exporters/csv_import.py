"""CSV files with ``neo4j-admin database import`` headers, for bulk loads.

One node file per id space (Entity, Article, Quote) and one relationship file per pair of
spaces. Arrays are ``;``-joined (neo4j-admin's default array delimiter), so a ``;``
inside an array element becomes ``,``.

    neo4j-admin database import full neo4j --overwrite-destination \\
      --nodes=import/entities.csv --nodes=import/articles.csv --nodes=import/quotes.csv \\
      --relationships=import/rel_entity_entity.csv --relationships=import/rel_entity_quote.csv \\
      --relationships=import/rel_article_entity.csv --relationships=import/rel_article_quote.csv
"""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from ...ontology import ARTICLE_LABEL, QUOTE_LABEL

NODE_FILES = {
    "Entity": ("entities.csv", [("name", "string"), ("aliases", "string[]"),
                                ("mentions", "int"), ("articles", "string[]"), ("title", "string")]),
    "Article": ("articles.csv", [("article_id", "string"), ("title", "string"),
                                 ("date", "string"), ("source", "string"), ("url", "string")]),
    "Quote": ("quotes.csv", [("text", "string"), ("article", "string"), ("date", "string")]),
}
#: The (start, end) id spaces relationships join: entity to entity, a speaker to a quote,
#: an article to what it mentions.
RELATIONSHIP_SPACES = [("Entity", "Entity"), ("Entity", "Quote"), ("Article", "Entity"), ("Article", "Quote")]
REL_PROPS = [("evidence", "string"), ("article", "string"), ("char_start", "int"),
             ("char_end", "int"), ("date", "string"), ("confidence", "float"),
             ("extractor", "string"), ("negated", "boolean"), ("hypothetical", "boolean"),
             ("agent_role", "string"), ("title", "string"), ("category", "string")]


def id_space(labels) -> str:
    if ARTICLE_LABEL in labels:
        return "Article"
    if QUOTE_LABEL in labels:
        return "Quote"
    return "Entity"


def _cell(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind.endswith("[]"):
        return ";".join(str(v).replace(";", ",") for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def node_header(space: str) -> list[str]:
    """The header row of one id space's node file."""
    return [f"id:ID({space})", ":LABEL"] + [f"{p}:{t}" for p, t in NODE_FILES[space][1]]


def node_csv_row(node_id: str, data: dict) -> tuple[str, list[str]]:
    """(id space, row) of one node."""
    space = id_space(data.get("labels", []))
    return space, [node_id, ";".join(data.get("labels", []))] + [
        _cell(data.get(p), t) for p, t in NODE_FILES[space][1]]


def relationship_file(source_space: str, target_space: str) -> str:
    """Stem of the file of relationships between two id spaces."""
    return f"rel_{source_space.lower()}_{target_space.lower()}"


def relationship_header(source_space: str, target_space: str) -> list[str]:
    return (["id:string", f":START_ID({source_space})", f":END_ID({target_space})", ":TYPE"] +
            [f"{p}:{kind}" for p, kind in REL_PROPS])


def relationship_csv_row(source: str, target: str, key: str, data: dict) -> list[str]:
    return [key, source, target, data["type"]] + [_cell(data.get(p), kind) for p, kind in REL_PROPS]


class ImportCsvWriter:
    """Writes node and relationship CSVs with typed neo4j-admin headers."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        g = self.graph
        writers, handles = {}, []
        try:
            for space, (filename, props) in NODE_FILES.items():
                fh = open(folder / filename, "w", encoding="utf-8", newline="")
                handles.append(fh)
                writers[space] = csv.writer(fh)
                writers[space].writerow(node_header(space))
            for node_id, data in sorted(g.nodes(data=True)):
                space, row = node_csv_row(node_id, data)
                writers[space].writerow(row)
            rel_writers = {}
            for source, target, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
                s = id_space(g.nodes[source].get("labels", []))
                t = id_space(g.nodes[target].get("labels", []))
                if (s, t) not in rel_writers:
                    fh = open(folder / f"{relationship_file(s, t)}.csv", "w", encoding="utf-8", newline="")
                    handles.append(fh)
                    rel_writers[(s, t)] = csv.writer(fh)
                    rel_writers[(s, t)].writerow(relationship_header(s, t))
                rel_writers[(s, t)].writerow(relationship_csv_row(source, target, key, data))
        finally:
            for fh in handles:
                fh.close()


def write_import_csv(graph: nx.MultiDiGraph, folder: Path) -> None:
    """Write ``graph`` as neo4j-admin import CSVs into ``folder``."""
    ImportCsvWriter(graph).write(Path(folder))
