"""APOC JSON-lines export format: one node or relationship object per line.

Node: ``{"type":"node","id","labels","properties"}``; relationship:
``{"type":"relationship","id","label","start":{"id","labels"},"end":{"id","labels"},
"properties"}`` (as ``apoc.export.json`` writes and ``apoc.import.json`` reads).
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ..errors import InputError


class JsonlWriter:
    """Writes a kg graph as APOC JSON lines, nodes first, in a stable order."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def lines(self):
        g = self.graph
        for node_id, data in sorted(g.nodes(data=True)):
            props = {k: v for k, v in data.items() if k != "labels"}
            yield {"type": "node", "id": node_id, "labels": list(data.get("labels", [])),
                   "properties": props}
        for source, target, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
            props = {k: v for k, v in data.items() if k != "type"}
            yield {"type": "relationship", "id": key, "label": data["type"],
                   "start": {"id": source, "labels": list(g.nodes[source].get("labels", []))},
                   "end": {"id": target, "labels": list(g.nodes[target].get("labels", []))},
                   "properties": props}

    def write(self, path: Path) -> None:
        # one encoder for every line: json.dumps with options builds a new one per call
        encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(encode(obj) + "\n" for obj in self.lines())


def write_jsonl(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``graph`` to ``path`` in APOC's JSON-lines format."""
    JsonlWriter(graph).write(Path(path))


def read_jsonl(path: Path) -> nx.MultiDiGraph:
    """Read a ``graph.jsonl`` back into the graph shape the pipeline builds."""
    path = Path(path)
    graph = nx.MultiDiGraph()
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if obj["type"] == "node":
                    graph.add_node(obj["id"], labels=list(obj["labels"]), **obj["properties"])
                elif obj["type"] == "relationship":
                    graph.add_edge(obj["start"]["id"], obj["end"]["id"], key=obj["id"],
                                   type=obj["label"], **obj["properties"])
                else:
                    raise ValueError(f"unknown type {obj['type']!r}")
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError("E103", where=str(path), line=number, reason=str(exc)) from None
    return graph
