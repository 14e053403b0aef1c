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

from ..ontology import ARTICLE_LABEL, QUOTE_LABEL

NODE_FILES = {
    "Entity": ("entities.csv", [("name", "string"), ("aliases", "string[]"),
                                ("mentions", "int"), ("articles", "string[]"), ("title", "string")]),
    "Article": ("articles.csv", [("article_id", "string"), ("title", "string"),
                                 ("date", "string"), ("source", "string"), ("url", "string")]),
    "Quote": ("quotes.csv", [("text", "string"), ("article", "string"), ("date", "string")]),
}
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
                w = csv.writer(fh)
                w.writerow([f"id:ID({space})", ":LABEL"] + [f"{p}:{t}" for p, t in props])
                writers[space] = (w, props)
            for node_id, data in sorted(g.nodes(data=True)):
                space = id_space(data.get("labels", []))
                w, props = writers[space]
                w.writerow([node_id, ";".join(data.get("labels", []))] +
                           [_cell(data.get(p), t) for p, t in props])
            rel_writers = {}
            for source, target, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
                s = id_space(g.nodes[source].get("labels", []))
                t = id_space(g.nodes[target].get("labels", []))
                if (s, t) not in rel_writers:
                    fh = open(folder / f"rel_{s.lower()}_{t.lower()}.csv", "w", encoding="utf-8", newline="")
                    handles.append(fh)
                    w = csv.writer(fh)
                    w.writerow(["id:string", f":START_ID({s})", f":END_ID({t})", ":TYPE"] +
                               [f"{p}:{kind}" for p, kind in REL_PROPS])
                    rel_writers[(s, t)] = w
                rel_writers[(s, t)].writerow([key, source, target, data["type"]] +
                                             [_cell(data.get(p), kind) for p, kind in REL_PROPS])
        finally:
            for fh in handles:
                fh.close()


def write_import_csv(graph: nx.MultiDiGraph, folder: Path) -> None:
    """Write ``graph`` as neo4j-admin import CSVs into ``folder``."""
    ImportCsvWriter(graph).write(Path(folder))
