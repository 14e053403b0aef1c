"""Writers for every output format, one module each (KG_SPEC s.4).

``write_all`` writes every format into one folder and returns the seconds each took.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional

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

__all__ = ["WRITERS", "write_all", "publish", "staged", "read_jsonl", "write_jsonl", "write_graphml", "write_gexf",
           "write_cypher_script", "write_import_csv"]


#: Written by a forked second process when the build has more than one job: the slowest
#: writer and one light one, about half of the time of all of them.
SECOND_PROCESS = ("graph.gexf", "import")


def write_all(graph: nx.MultiDiGraph, out_dir: Path, jobs: int = 1,
              names: Optional[list[str]] = None) -> dict[str, float]:
    """Write every export (or the ``names`` of ``WRITERS`` given) into ``out_dir``; returns
    seconds per output. Each output is written under a temporary name and renamed into
    place once all are complete, so a killed or failed build leaves the folder's earlier
    outputs whole. With ``jobs`` > 1 (and a platform that forks) two processes share the
    writers."""
    names = list(WRITERS) if names is None else names
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        timings = _write_staged(graph, out_dir, jobs, names)
    except BaseException:
        for name in names:
            remove_path(staged(out_dir, name))
        raise
    for name in names:
        publish(staged(out_dir, name), out_dir / name)
    return timings


def staged(out_dir: Path, name: str) -> Path:
    """Where an output is written before it replaces the published one."""
    return out_dir / f".{name}.partial"


def publish(source: Path, target: Path) -> None:
    """Replace ``target`` by ``source`` (a file, or a folder such as ``import/``)."""
    if source.is_dir():
        old = target.with_name(f".{target.name}.old")
        remove_path(old)
        if target.exists():
            os.replace(target, old)
        os.replace(source, target)
        remove_path(old)
    else:
        os.replace(source, target)


def remove_path(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def _write_staged(graph: nx.MultiDiGraph, out_dir: Path, jobs: int, names: list[str]) -> dict[str, float]:
    forked_names = [n for n in SECOND_PROCESS if n in names]
    if jobs <= 1 or not forked_names or "fork" not in multiprocessing.get_all_start_methods():
        return write_some(graph, out_dir, names)
    global _FORKED_GRAPH
    _FORKED_GRAPH = graph  # the forked child reads it from memory, nothing is pickled
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            forked = pool.submit(_write_forked, out_dir, forked_names)
            timings = write_some(graph, out_dir, [n for n in names if n not in forked_names])
            timings.update(forked.result())
    finally:
        _FORKED_GRAPH = None
    return {name: timings[name] for name in names}


def write_some(graph: nx.MultiDiGraph, out_dir: Path, names: list[str]) -> dict[str, float]:
    """Write the outputs ``names`` (keys of ``WRITERS``) to their staged names, in
    ``WRITERS`` order; returns seconds per output. GraphML and GEXF share one Gephi-shaped
    copy of the graph (GEXF, written after GraphML, makes it dynamic in place)."""
    timings = {}
    gephi = None
    for name in sorted(names, key=list(WRITERS).index):
        start = time.perf_counter()
        target = staged(out_dir, name)
        remove_path(target)
        if name in GEPHI_SHAPED:
            gephi = gephi if gephi is not None else GraphmlWriter(graph).gephi_graph()
            WRITERS[name](graph, target, gephi=gephi)
        else:
            WRITERS[name](graph, target)
        timings[name] = time.perf_counter() - start
    return timings


_FORKED_GRAPH: nx.MultiDiGraph | None = None


def _write_forked(out_dir: Path, names: list[str]) -> dict[str, float]:
    return write_some(_FORKED_GRAPH, out_dir, names)
