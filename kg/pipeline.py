"""The kg pipeline, top to bottom in one place:

read articles (``io.readers``) -> spaCy ``nlp.pipe`` -> entity mentions -> resolution ->
relations and quotes (``kg.extract``, pure per article) -> merged graph (``GraphBuilder``)
-> exporters (``io.exporters``). Articles stream through; only the graph grows. With
``engine="dask"`` the same steps run on a cluster (``kg.scale``).
"""
from __future__ import annotations

import tempfile
import time
from collections import Counter, deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import networkx as nx

from .errors import EnvironmentFault, InputError, message
from .extract import extract_articles
from .extract.nlp import load_pipeline
from .graph import GraphBuilder
from .io.exporters import write_all
from .io.parts import PARTS_FILE, publish_parts, read_parts, stage_parts
from .io.readers import read_inputs
from .model import Article, ArticleGraph, ReadProblem, text_hash
from .ontology import ENTITY_LABELS, primary_label

#: Articles per task sent to a worker process (one ``nlp.pipe`` batch).
WORKER_CHUNK = 4
#: Tasks in flight per worker: enough that no worker waits, few enough to bound memory.
IN_FLIGHT_PER_JOB = 4


@dataclass
class BuildResult:
    """What a build made and how long it took."""

    graph: Optional[nx.MultiDiGraph]  # None when a Dask build left it in partitions
    articles: int
    problems: list[ReadProblem] = field(default_factory=list)
    seconds: float = 0.0
    export_seconds: dict[str, float] = field(default_factory=dict)  # per output, CPU-side
    write_seconds: float = 0.0  # wall time of writing every output
    unchanged: int = 0  # inputs already in the folder being updated
    parts: list[ArticleGraph] = field(default_factory=list)
    node_counts: Optional[Counter] = None  # when the graph stayed on a cluster
    relation_counts: Optional[Counter] = None
    skipped_outputs: str = ""  # why the one-file outputs were not written (Dask)
    written: list[str] = field(default_factory=list)  # outputs, when not export_seconds' keys
    resolved: str = ""  # what a Dask --update re-resolved

    def nodes_by_label(self) -> Counter:
        if self.node_counts is not None:
            return self.node_counts
        return Counter(primary_label(d.get("labels", [])) for _, d in self.graph.nodes(data=True))

    def relations_by_type(self) -> Counter:
        if self.relation_counts is not None:
            return self.relation_counts
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
    """Parse and extract every article, streaming, in input order. With ``jobs`` > 1
    chunks of articles go to worker processes (each loads the model once and runs the pure
    per-article step); a bounded number of chunks is in flight, so memory never holds the
    corpus and no worker waits for another to finish its chunk."""
    if jobs <= 1:
        for part in extract_articles(load_pipeline(model), articles):
            if on_article is not None:
                on_article(part.article)
            yield part
        return
    import multiprocessing

    global _WORKER_NLP
    # loaded here first: a bad --model is one clear error, not workers failing in a loop,
    # and forked workers share this copy instead of loading their own
    _WORKER_NLP = load_pipeline(model)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
        pending: deque = deque()
        for chunk in _chunks(articles, WORKER_CHUNK):
            pending.append(pool.apply_async(_extract_chunk, (chunk,)))
            if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
                yield from _finished(pending.popleft(), on_article)
        while pending:
            yield from _finished(pending.popleft(), on_article)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _finished(task, on_article) -> Iterator[ArticleGraph]:
    for part in task.get():
        if on_article is not None:
            on_article(part.article)
        yield part


_WORKER_NLP = None


def _init_worker(model: Optional[str]) -> None:
    global _WORKER_NLP
    if _WORKER_NLP is None:  # a spawned worker; a forked one has the parent's
        _WORKER_NLP = load_pipeline(model)


def _extract_chunk(articles: list[Article]) -> list[ArticleGraph]:
    """A worker's task: the per-article step over one chunk."""
    return list(extract_articles(_WORKER_NLP, articles))


def build_graph(inputs: Iterable[str], *, model: Optional[str] = None,
                default_date: Optional[str] = None, jobs: int = 1, strict: bool = False,
                on_article: Optional[Callable[[Article], None]] = None,
                problems: Optional[list[ReadProblem]] = None,
                previous: Optional[Path] = None) -> BuildResult:
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

    def fresh(article_id: str, digest: str) -> bool:
        """False for an article already built with the same text (``--update``)."""
        nonlocal unchanged
        if hashes.get(article_id) == digest:
            unchanged += 1
            return False
        hashes[article_id] = digest
        return True
    unique = UniqueIds(problems)
    parts = extract_all((replace(a, id=new_id) for a in articles
                         for new_id in [unique(a.id, text_hash(a.text), a.path)]
                         if new_id and fresh(new_id, text_hash(a.text))),
                        model=model, jobs=jobs, on_article=on_article)
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
    result.parts = builder.parts()
    return result


class UniqueIds:
    """One article per id in a run: the same id with the same text is one article (a
    warning); with another text the later one is built as "<id>~<text hash>" (a warning)."""

    def __init__(self, problems: list[ReadProblem]):
        self.problems = problems
        self.seen: dict[str, tuple[str, str]] = {}  # id -> (text hash, where)

    def __call__(self, article_id: str, digest: str, where: str) -> Optional[str]:
        if article_id not in self.seen:
            self.seen[article_id] = (digest, where)
            return article_id
        first_digest, first_where = self.seen[article_id]
        if digest == first_digest:
            self.problems.append(ReadProblem(where, message("E022", id=article_id, other=first_where),
                                             warning=True))
            return None
        new_id = f"{article_id}~{digest[:8]}"
        self.problems.append(ReadProblem(where, message("E023", id=article_id, other=first_where,
                                                        new=new_id), warning=True))
        self.seen[new_id] = (digest, where)
        return new_id


def renamed(part: ArticleGraph, article_id: str) -> ArticleGraph:
    """A part under another article id (its relations and quotes cite the article)."""
    if part.article.id == article_id:
        return part
    return ArticleGraph(replace(part.article, id=article_id), part.entities,
                        [replace(r, article=article_id) for r in part.relations],
                        [replace(q, article=article_id) for q in part.quotes], part.text_hash)


def _fail_on_problem(articles: Iterator[Article], problems: list[ReadProblem]) -> Iterator[Article]:
    for article in articles:
        if problems:
            raise InputError("E014", count=len(problems))
        yield article


def build(inputs: Iterable[str], out_dir: Path, update: bool = False,
          on_wait: Optional[Callable[[Path], None]] = None, engine: str = "local",
          **options) -> BuildResult:
    """``kg build``: the graph of ``inputs`` written to ``out_dir`` in every format; with
    ``update`` the folder's earlier articles are kept and only new or changed ones built.
    One build at a time writes a folder: a second one waits (``on_wait`` is told), so two
    ``--update`` runs into one folder both land. ``engine="dask"`` builds on a Dask
    cluster (``kg.scale``; ``out_dir`` may then be an fsspec URL)."""
    remote = engine == "dask" and "://" in str(out_dir)
    if not remote:
        check_writable(Path(out_dir))  # before the extraction, not after it
    with (nullcontext() if remote else folder_lock(Path(out_dir), on_wait)):
        if engine == "dask":
            return _build_on_dask(inputs, out_dir, update, **options)
        return _build_locked(inputs, Path(out_dir), update, **options)


def _build_on_dask(inputs: Iterable[str], out_dir, update: bool, *, jobs: int = 1,
                   scheduler: Optional[str] = None, strict: bool = False,
                   problems: Optional[list[ReadProblem]] = None,
                   on_article: Optional[Callable[[Article], None]] = None, **options) -> BuildResult:
    from .scale import dask_build

    start = time.perf_counter()
    problems = problems if problems is not None else []
    try:
        stats = dask_build(list(inputs), str(out_dir), scheduler=scheduler, workers=max(2, jobs),
                           update=update, problems=problems, **options)
    except OSError as exc:  # on the client or raised by a worker: disk, permissions, storage
        raise EnvironmentFault("E104", where=str(out_dir), reason=f"{type(exc).__name__}: {exc}") from None
    except Exception as exc:
        if type(exc).__name__ != "KilledWorker":
            raise
        raise EnvironmentFault("E106", reason=str(exc).splitlines()[0][:200]) from None
    if strict and any(not p.warning for p in problems):
        raise InputError("E014", count=len(problems))
    if stats.articles == 0:
        raise InputError("E010", count=len(problems))
    return BuildResult(stats.graph, stats.articles, problems, time.perf_counter() - start,
                       write_seconds=stats.merge_seconds, node_counts=stats.node_labels,
                       relation_counts=stats.relation_types, skipped_outputs=stats.skipped,
                       written=stats.written, resolved=stats.resolved)


@contextmanager
def folder_lock(out_dir: Path, on_wait: Optional[Callable[[Path], None]] = None):
    """An exclusive lock on an output folder for one build (POSIX advisory lock on
    ``DIR/.kg.lock``; where there is none, no lock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(out_dir / LOCK_FILE, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(out_dir)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


LOCK_FILE = ".kg.lock"


def _build_locked(inputs: Iterable[str], out_dir: Path, update: bool, **options) -> BuildResult:
    result = build_graph(inputs, previous=Path(out_dir) if update else None, **options)
    export_start = time.perf_counter()
    try:
        # the parts first (staged), then the outputs (staged and renamed into place), then
        # the parts renamed: a build killed at any step leaves a folder --update can finish
        parts_start = time.perf_counter()
        staged_parts = stage_parts(result.parts, Path(out_dir))
        parts_seconds = time.perf_counter() - parts_start
        result.export_seconds = write_all(result.graph, Path(out_dir), jobs=options.get("jobs", 1))
        publish_parts(staged_parts)
        result.export_seconds[PARTS_FILE] = parts_seconds
    except OSError as exc:
        raise InputError("E104", where=str(out_dir), reason=exc.strerror or str(exc)) from None
    result.write_seconds = time.perf_counter() - export_start
    result.seconds += result.write_seconds
    return result


def check_writable(out_dir: Path) -> None:
    """The output folder can be made and written, or E104 at once."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".kg-write-check-"):
            pass
    except OSError as exc:
        raise InputError("E104", where=str(out_dir), reason=exc.strerror or str(exc)) from None


def entity_count(graph: nx.MultiDiGraph) -> int:
    """Number of entity nodes (not articles or quotes)."""
    return sum(1 for _, d in graph.nodes(data=True)
               if any(label in ENTITY_LABELS for label in d.get("labels", [])))
