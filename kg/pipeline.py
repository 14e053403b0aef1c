"""The kg pipeline, top to bottom in one place:

read articles -> spaCy ``nlp.pipe`` -> entity mentions -> resolution -> relations and
quotes (``extract.extract_article``, pure per article) -> merged graph (``GraphBuilder``)
-> exporters. Articles stream through; only the graph grows.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import networkx as nx

from .errors import InputError
from .exporters import write_all
from .extract import extract_article
from .graph import GraphBuilder
from .model import Article, ArticleGraph, ReadProblem
from .nlp import load_pipeline, mask_boilerplate
from .ontology import ENTITY_LABELS, primary_label
from .parts import read_parts, text_hash, write_parts
from .readers import read_inputs

NLP_BATCH = 16
#: Articles handed to the worker pool at a time, per worker: bounds memory with --jobs.
WINDOW_PER_JOB = 32


@dataclass
class BuildResult:
    """What a build made and how long it took."""

    graph: nx.MultiDiGraph
    articles: int
    problems: list[ReadProblem] = field(default_factory=list)
    seconds: float = 0.0
    export_seconds: dict[str, float] = field(default_factory=dict)
    unchanged: int = 0  # inputs already in the folder being updated
    parts: list[ArticleGraph] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)

    def nodes_by_label(self) -> Counter:
        return Counter(primary_label(d.get("labels", [])) for _, d in self.graph.nodes(data=True))

    def relations_by_type(self) -> Counter:
        return Counter(d["type"] for _, _, d in self.graph.edges(data=True))


def split_articles(results: Iterable, problems: list[ReadProblem]) -> Iterator[Article]:
    """Articles from reader results; problems are collected on the side."""
    for item in results:
        if isinstance(item, ReadProblem):
            problems.append(item)
        else:
            yield item


def extract_all(articles: Iterable[Article], model: Optional[str] = None, jobs: int = 1,
                on_article: Optional[Callable[[Article], None]] = None) -> Iterator[ArticleGraph]:
    """Parse and extract every article, streaming. With ``jobs`` > 1 whole articles go to
    worker processes (each loads the model once and runs the pure per-article step), in
    bounded windows so memory never holds the corpus."""
    if jobs <= 1:
        nlp = load_pipeline(model)
        pairs = ((mask_boilerplate(a.text), a) for a in articles)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=NLP_BATCH):
            part = extract_article(doc, article)
            if on_article is not None:
                on_article(article)
            yield part
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
        window: list[Article] = []
        for article in articles:
            window.append(article)
            if len(window) >= WINDOW_PER_JOB * jobs:
                yield from _run_window(pool, window, on_article)
                window = []
        if window:
            yield from _run_window(pool, window, on_article)



def _run_window(pool, window: list[Article], on_article) -> Iterator[ArticleGraph]:
    for part in pool.imap(_extract_one, window, chunksize=4):
        if on_article is not None:
            on_article(part.article)
        yield part


_WORKER_NLP = None


def _init_worker(model: Optional[str]) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load_pipeline(model)


def _extract_one(article: Article) -> ArticleGraph:
    """The pure per-article step in a worker: parse, then extract."""
    return extract_article(_WORKER_NLP(mask_boilerplate(article.text)), article)


def build_graph(inputs: Iterable[str], *, model: Optional[str] = None,
                default_date: Optional[str] = None, jobs: int = 1, strict: bool = False,
                on_article: Optional[Callable[[Article], None]] = None,
                problems: Optional[list[ReadProblem]] = None,
                previous: Optional[Path] = None, engine: str = "local",
                scheduler: Optional[str] = None) -> BuildResult:
    """Read, extract and merge: the graph of every readable article in ``inputs``.
    Input problems are appended to ``problems`` (the caller's list, kept on failure).
    With ``previous`` (an earlier output folder) its articles are kept and an input whose
    id and text are already there is not extracted again."""
    start = time.perf_counter()
    problems = problems if problems is not None else []
    builder = GraphBuilder()
    hashes: dict[str, str] = {}
    for part, digest in (read_parts(previous) if previous else ()):
        builder.add(part)
        hashes[part.article.id] = digest
    articles = split_articles(read_inputs(inputs, default_date), problems)
    if strict:
        articles = _fail_on_problem(articles, problems)
    unchanged = 0

    def fresh(article: Article) -> bool:
        """False for an article already built with the same text (``--update``)."""
        nonlocal unchanged
        digest = text_hash(article.text)
        if hashes.get(article.id) == digest:
            unchanged += 1
            return False
        hashes[article.id] = digest
        return True
    if engine == "dask":
        from .engines import dask_extract

        parts, remote_problems = dask_extract(list(inputs), model=model, default_date=default_date,
                                              scheduler=scheduler, workers=max(2, jobs))
        problems.extend(remote_problems)
        parts = [part for part in parts if fresh(part.article)]
    else:
        parts = extract_all((a for a in articles if fresh(a)), model=model, jobs=jobs,
                            on_article=on_article)
    count = 0
    for part in parts:
        builder.add(part)
        count += 1
    if strict and problems:
        raise InputError("E014", count=len(problems))
    if count == 0 and unchanged == 0:
        raise InputError("E010", count=len(problems))
    result = BuildResult(builder.build(), count, problems, time.perf_counter() - start)
    result.unchanged = unchanged
    result.parts, result.hashes = builder.parts(), hashes
    return result


def _fail_on_problem(articles: Iterator[Article], problems: list[ReadProblem]) -> Iterator[Article]:
    for article in articles:
        if problems:
            raise InputError("E014", count=len(problems))
        yield article


def build(inputs: Iterable[str], out_dir: Path, update: bool = False, **options) -> BuildResult:
    """``kg build``: the graph of ``inputs`` written to ``out_dir`` in every format; with
    ``update`` the folder's earlier articles are kept and only new or changed ones built."""
    result = build_graph(inputs, previous=Path(out_dir) if update else None, **options)
    export_start = time.perf_counter()
    try:
        result.export_seconds = write_all(result.graph, Path(out_dir))
        write_parts(result.parts, Path(out_dir), result.hashes)
    except OSError as exc:
        raise InputError("E104", where=str(out_dir), reason=exc.strerror or str(exc)) from None
    result.seconds += time.perf_counter() - export_start
    return result


def entity_count(graph: nx.MultiDiGraph) -> int:
    """Number of entity nodes (not articles or quotes)."""
    return sum(1 for _, d in graph.nodes(data=True)
               if any(label in ENTITY_LABELS for label in d.get("labels", [])))
