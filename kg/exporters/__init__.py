"""Writers for every output format, one module each (KG_SPEC s.4).

``write_all`` writes every format into one folder and returns the seconds each took.
"""
from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import networkx as nx

from .csv_import import write_import_csv
from .cypher_script import write_cypher_script
from .gexf import write_gexf
from .graphml import GraphmlWriter, write_graphml
from .jsonl import read_jsonl, write_jsonl

WRITERS = {
    "graph.jsonl": write_jsonl,
    "graph.graphml": write_graphml,
    "graph.gexf": write_gexf,
    "graph.cypher": write_cypher_script,
    "import": write_import_csv,
}

#: Outputs written from the Gephi-shaped copy of the graph (GraphML first, then GEXF).
GEPHI_SHAPED = ("graph.graphml", "graph.gexf")

__all__ = ["WRITERS", "write_all", "read_jsonl", "write_jsonl", "write_graphml", "write_gexf",
           "write_cypher_script", "write_import_csv"]


#: Written by a forked second process when the build has more than one job: the slowest
#: writer and one light one, about half of the time of all of them.
SECOND_PROCESS = ("graph.gexf", "import")


def write_all(graph: nx.MultiDiGraph, out_dir: Path, jobs: int = 1) -> dict[str, float]:
    """Write every export into ``out_dir``; returns seconds per output. With ``jobs`` > 1
    (and a platform that forks) two processes share the writers."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return write_some(graph, out_dir, list(WRITERS))
    global _FORKED_GRAPH
    _FORKED_GRAPH = graph  # the forked child reads it from memory, nothing is pickled
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            forked = pool.submit(_write_forked, out_dir, list(SECOND_PROCESS))
            timings = write_some(graph, out_dir, [n for n in WRITERS if n not in SECOND_PROCESS])
            timings.update(forked.result())
    finally:
        _FORKED_GRAPH = None
    return {name: timings[name] for name in WRITERS}


def write_some(graph: nx.MultiDiGraph, out_dir: Path, names: list[str]) -> dict[str, float]:
    """Write the outputs ``names`` (keys of ``WRITERS``), in ``WRITERS`` order; returns seconds
    per output. GraphML and GEXF share one Gephi-shaped copy of the graph (GEXF, written
    after GraphML, makes it dynamic in place)."""
    timings = {}
    gephi = None
    for name in sorted(names, key=list(WRITERS).index):
        start = time.perf_counter()
        if name in GEPHI_SHAPED:
            gephi = gephi if gephi is not None else GraphmlWriter(graph).gephi_graph()
            WRITERS[name](graph, out_dir / name, gephi=gephi)
        else:
            WRITERS[name](graph, out_dir / name)
        timings[name] = time.perf_counter() - start
    return timings


_FORKED_GRAPH: nx.MultiDiGraph | None = None


def _write_forked(out_dir: Path, names: list[str]) -> dict[str, float]:
    return write_some(_FORKED_GRAPH, out_dir, names)
