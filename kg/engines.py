"""Distributed extraction on Dask: the pure per-article step as Dask tasks.

Inputs (files, folders, globs, JSONL shards) are split into partitions of files; each
partition runs on a worker, which loads the spaCy model once (``load_pipeline`` caches it)
and returns the partial graphs and input problems; the client merges them with the same
``GraphBuilder`` as the local engine, so the output is the same bytes. Without a scheduler
address a ``dask.distributed.LocalCluster`` is started for the run.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .errors import EnvironmentFault, InputError
from .model import ArticleGraph, ReadProblem
from .readers import expand_inputs, read_file


def _extract_files(paths: list[str], model: Optional[str], default_date: Optional[str]):
    """One partition on a worker: every article of these files, extracted."""
    from .extract import extract_articles
    from .nlp import load_pipeline

    problems: list[ReadProblem] = []

    def articles():
        for path in paths:
            for item in read_file(Path(path), default_date):
                if isinstance(item, ReadProblem):
                    problems.append(item)
                else:
                    yield item
    parts: list[ArticleGraph] = list(extract_articles(load_pipeline(model), articles()))
    return parts, problems


def dask_extract(inputs: list[str], *, model: Optional[str] = None, default_date: Optional[str] = None,
                 scheduler: Optional[str] = None, workers: int = 2, files_per_task: int = 8):
    """(parts, problems) of every input, extracted on a Dask cluster."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("E015") from None
    paths, problems = [], []
    for item in expand_inputs(inputs):
        if isinstance(item, ReadProblem):
            problems.append(item)
        elif item == "-":
            raise InputError("E016")
        else:
            paths.append(str(item))
    chunks = [paths[i:i + files_per_task] for i in range(0, len(paths), files_per_task)]
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise EnvironmentFault("E207", address=scheduler or "LocalCluster", reason=str(exc)) from None
    try:
        futures = client.map(_extract_files, chunks, model=model, default_date=default_date, pure=False)
        parts = []
        for chunk_parts, chunk_problems in client.gather(futures):
            parts.extend(chunk_parts)
            problems.extend(chunk_problems)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return parts, problems
