"""APOC JSON-lines export format: one node or relationship object per line.

Node: ``{"type":"node","id","labels","properties"}``; relationship:
``{"type":"relationship","id","label","start":{"id","labels"},"end":{"id","labels"},
"properties"}`` (as ``apoc.export.json`` writes and ``apoc.import.json`` reads).
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ...errors import InputError


class JsonlWriter:
    """Writes a kg graph as APOC JSON lines, nodes first, in a stable order."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph

    def lines(self):
        g = self.graph
        for node_id, data in sorted(g.nodes(data=True)):
            yield node_line(node_id, data)
        for source, target, key, data in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
            yield relationship_line(source, target, key, data, g.nodes[source].get("labels", []),
                                    g.nodes[target].get("labels", []))

    def write(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(encode_line(obj) + "\n" for obj in self.lines())


def node_line(node_id: str, data: dict) -> dict:
    """One node's APOC line (``data``: ``labels`` plus the properties)."""
    return {"type": "node", "id": node_id, "labels": list(data.get("labels", [])),
            "properties": {k: v for k, v in data.items() if k != "labels"}}


def relationship_line(source: str, target: str, key: str, data: dict, source_labels,
                      target_labels) -> dict:
    """One relationship's APOC line (``data``: ``type`` plus the properties)."""
    return {"type": "relationship", "id": key, "label": data["type"],
            "start": {"id": source, "labels": list(source_labels)},
            "end": {"id": target, "labels": list(target_labels)},
            "properties": {k: v for k, v in data.items() if k != "type"}}


#: One encoder for every line (json.dumps with options builds a new one per call).
encode_line = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def write_jsonl(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``graph`` to ``path`` in APOC's JSON-lines format."""
    JsonlWriter(graph).write(Path(path))


def read_jsonl(path: Path, graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Read a ``graph.jsonl`` (or one partition of it, into ``graph``) back into the graph
    shape the pipeline builds."""
    path = Path(path)
    graph = nx.MultiDiGraph() if graph is None else graph
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if obj["type"] == "node":
                    graph.add_node(obj["id"], **dict(sorted({"labels": list(obj["labels"]),
                                                             **obj["properties"]}.items())))
                elif obj["type"] == "relationship":
                    graph.add_edge(obj["start"]["id"], obj["end"]["id"], key=obj["id"],
                                   **dict(sorted({"type": obj["label"], **obj["properties"]}.items())))
                else:
                    raise ValueError(f"unknown type {obj['type']!r}")
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError("E103", where=str(path), line=number, reason=str(exc)) from None
    return graph
