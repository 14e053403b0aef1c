"""Writers for every output format, one module each (KG_SPEC s.4).

``write_all`` writes every format into one folder and returns the seconds each took.
"""
from __future__ import annotations

import time
from pathlib import Path

import networkx as nx

from .csv_import import write_import_csv
from .cypher_script import write_cypher_script
from .gexf import write_gexf
from .graphml import write_graphml
from .jsonl import read_jsonl, write_jsonl

WRITERS = {
    "graph.jsonl": write_jsonl,
    "graph.graphml": write_graphml,
    "graph.gexf": write_gexf,
    "graph.cypher": write_cypher_script,
    "import": write_import_csv,
}

__all__ = ["WRITERS", "write_all", "read_jsonl", "write_jsonl", "write_graphml", "write_gexf",
           "write_cypher_script", "write_import_csv"]


def write_all(graph: nx.MultiDiGraph, out_dir: Path) -> dict[str, float]:
    """Write every export into ``out_dir``; returns seconds per output."""
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = {}
    for name, writer in WRITERS.items():
        start = time.perf_counter()
        writer(graph, out_dir / name)
        timings[name] = time.perf_counter() - start
    return timings
