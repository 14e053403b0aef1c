"""The whole build on a Dask cluster: no process holds the corpus or the whole graph.

1. **Extract.** Workers read and extract partitions of the input files and write each
   partition's per-article parts to ``DIR/parts/run-NNNNNN-<hash>.jsonl`` (the lines of
   ``kg-parts.jsonl``), under a name fixed by the files' paths, sizes and times: a rerun
   after a kill keeps the partitions already written. Only counts and input problems come
   back to the client.
2. **Resolve, as shuffles** on Dask dataframes, by the local merge's rules
   (``kg.graph``): duplicate article ids (within a run as the local engine does; a later
   ``--update`` run replaces an article), the surname rule (person keys grouped by
   surname), entities folded by merged key, node ids per id base.
3. **Write, on the workers**: the entity nodes (``graph/entities-NNNNN.jsonl``,
   ``import/entities-NNNNN.csv``) and, one part file each, the articles with their
   relations and quotes (``graph/articles-NNNNN.jsonl``, ``import/<kind>-NNNNN.csv``).
   The concatenation of ``graph/*.jsonl`` is ``graph.jsonl``; ``import/<kind>-header.csv``
   heads every kind for ``neo4j-admin``.
4. A graph of at most ``max_graph_nodes`` entities is read back once on the client for the
   one-file outputs (``graph.jsonl``, GraphML, GEXF, the Cypher script); a bigger one skips
   them and says so.

Paths go through fsspec, so ``s3://``, ``gs://`` or ``hdfs://`` outputs work with the
matching fsspec package installed (the folder lock and the one-file outputs are local only).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import posixpath
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import networkx as nx

from .errors import EnvironmentFault, InputError
from .io.exporters.csv_import import (NODE_FILES, RELATIONSHIP_SPACES, id_space, node_csv_row, node_header,
                                   relationship_csv_row, relationship_file, relationship_header)
from .io.exporters.jsonl import encode_line, node_line, read_jsonl, relationship_line
from .graph import add_article, entity_node, id_base, merge_entity, node_ids, surname_of
from .model import LocalEntity, ReadProblem
from .ontology import ARTICLE_LABEL, QUOTE_LABEL, labels_for, primary_label
from .io.parts import part_from_json, part_to_json

#: Entity nodes above which the one-file outputs (GraphML, GEXF, graph.jsonl, the Cypher
#: script) are not written: reading the graph back would take the client ~1 GiB.
DEFAULT_MAX_GRAPH_NODES = 200_000
PARTS_DIR = "parts"
GRAPH_DIR = "graph"
IMPORT_DIR = "import"
ONE_FILE_OUTPUTS = ("graph.jsonl", "graph.graphml", "graph.gexf", "graph.cypher")
#: Partitions up to which the resolution's tables stay in the workers' memory.
IN_MEMORY_PARTITIONS = 16
#: Times the scheduler reruns a task whose worker died.
RETRIES = 3


@dataclass
class ScaleStats:
    """What the cluster built, in counts (the graph itself stays in files)."""

    articles: int = 0
    node_labels: Counter = field(default_factory=Counter)
    relation_types: Counter = field(default_factory=Counter)
    skipped: str = ""  # why the one-file outputs were not written
    written: list[str] = field(default_factory=list)
    merge_seconds: float = 0.0  # resolving and writing, after the extraction
    graph: Optional[nx.MultiDiGraph] = None  # read back when small enough


def dask_build(inputs: list[str], out: str, *, model: Optional[str] = None,
               default_date: Optional[str] = None, scheduler: Optional[str] = None,
               workers: int = 2, files_per_task: int = 8, update: bool = False,
               max_graph_nodes: int = DEFAULT_MAX_GRAPH_NODES,
               problems: Optional[list[ReadProblem]] = None) -> ScaleStats:
    """Build ``inputs`` into the folder ``out`` (a path or fsspec URL) on a Dask cluster
    (``scheduler``'s, or a LocalCluster of ``workers`` for the run)."""
    from fsspec.core import url_to_fs

    problems = problems if problems is not None else []
    paths = _input_paths(inputs, problems)
    fs, root = url_to_fs(str(out))
    fs.makedirs(posixpath.join(root, PARTS_DIR), exist_ok=True)
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)  # per-shuffle notices
    with _client(scheduler, workers) as client:
        run = _plan_run(fs, root, update)
        chunks = [paths[i:i + files_per_task] for i in range(0, len(paths), files_per_task)]
        names = [_chunk_name(run, chunk, model, default_date) for chunk in chunks]
        _forget_unfinished(fs, root, run, set(names))
        todo = [(c, n) for c, n in zip(chunks, names)
                if not fs.exists(posixpath.join(root, PARTS_DIR, n))]
        futures = client.map(_extract_partition, [c for c, _ in todo],
                             [_url(fs, root, PARTS_DIR, n) for _, n in todo],
                             model=model, default_date=default_date, pure=False, retries=RETRIES)
        for chunk_problems in client.gather(futures):
            problems.extend(chunk_problems)
        _finish_run(fs, root, run)
        merge_start = time.perf_counter()
        part_urls = [_url(fs, root, PARTS_DIR, n) for n in _part_names(fs, root)]
        if not part_urls:
            raise InputError("E010", count=len(problems))
        stats = _resolve_and_write(client, fs, root, part_urls, problems)
    entities = sum(n for k, n in stats.node_labels.items() if k not in (ARTICLE_LABEL, QUOTE_LABEL))
    stats.written = [GRAPH_DIR + "/", IMPORT_DIR + "/", PARTS_DIR + "/"]
    if entities > max_graph_nodes:
        stats.skipped = f"{entities} entities, more than --max-graph-nodes {max_graph_nodes}"
    elif not _is_local(fs):
        stats.skipped = "they are written for local folders only"
    else:
        stats.graph = _one_file_outputs(Path(root))
        stats.written += list(ONE_FILE_OUTPUTS)
    if stats.skipped:
        for name in ONE_FILE_OUTPUTS:
            if fs.exists(posixpath.join(root, name)):
                fs.rm(posixpath.join(root, name))  # a stale copy would disagree with graph/
    stats.merge_seconds = time.perf_counter() - merge_start
    return stats


# ------------------------------------------------------------------------- extraction

def _input_paths(inputs: list[str], problems: list[ReadProblem]) -> list[str]:
    from .io.readers import expand_inputs

    paths = []
    for item in expand_inputs(inputs):
        if isinstance(item, ReadProblem):
            problems.append(item)
        elif item == "-":
            raise InputError("E016")
        else:
            paths.append(str(item))
    return paths


class _client:
    """A client of ``scheduler``, or of a LocalCluster started (and stopped) for the run."""

    def __init__(self, scheduler: Optional[str], workers: int):
        self.scheduler, self.workers, self.cluster = scheduler, workers, None

    def __enter__(self):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise InputError("E015") from None
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="20s")
            else:
                # a free port for the scheduler's web server: 8787 may be taken
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=":0")
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise EnvironmentFault("E207", address=self.scheduler or "LocalCluster",
                                   reason=str(exc)) from None
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


RUNS_FILE = "runs.json"


def _plan_run(fs, root: str, update: bool) -> int:
    """This run's number: one after the last finished run (``--update``), else 1 with
    every earlier partition gone."""
    runs_path = posixpath.join(root, PARTS_DIR, RUNS_FILE)
    finished = json.loads(fs.cat_file(runs_path)) if fs.exists(runs_path) else []
    if not update:
        for name in _part_names(fs, root):
            if not name.startswith("run-000001-"):
                fs.rm(posixpath.join(root, PARTS_DIR, name))
        if fs.exists(runs_path):
            fs.rm(runs_path)
        return 1
    return max(finished, default=0) + 1


def _forget_unfinished(fs, root: str, run: int, planned: set[str]) -> None:
    """Partitions of an unfinished run that this run does not plan (a killed run with other
    inputs) are removed; planned ones already written are kept and not extracted again."""
    for name in _part_names(fs, root):
        if _run_of(name) >= run and name not in planned:
            fs.rm(posixpath.join(root, PARTS_DIR, name))


def _finish_run(fs, root: str, run: int) -> None:
    runs_path = posixpath.join(root, PARTS_DIR, RUNS_FILE)
    finished = json.loads(fs.cat_file(runs_path)) if fs.exists(runs_path) else []
    with fs.open(runs_path, "w") as fh:
        fh.write(json.dumps(sorted(set(finished) | {run})))


def _part_names(fs, root: str) -> list[str]:
    """Finished partition files, oldest run first."""
    folder = posixpath.join(root, PARTS_DIR)
    return sorted(posixpath.basename(p) for p in fs.ls(folder, detail=False)
                  if posixpath.basename(p).startswith("run-") and p.endswith(".jsonl"))


def _run_of(name: str) -> int:
    return int(name.split("-")[1])


def _chunk_name(run: int, chunk: list[str], model: Optional[str], default_date: Optional[str]) -> str:
    """A partition's file name, fixed by its files (path, size, time) and the options that
    change what is extracted from them."""
    digest = hashlib.sha1(f"{model}|{default_date}".encode())
    for path in chunk:
        st = os.stat(path)
        digest.update(f"\n{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return f"run-{run:06d}-{digest.hexdigest()[:16]}.jsonl"


def _url(fs, root: str, *names: str) -> str:
    return fs.unstrip_protocol(posixpath.join(root, *names))


def _extract_partition(paths: list[str], part_url: str, model: Optional[str],
                       default_date: Optional[str]) -> list[ReadProblem]:
    """One partition, on a worker: its articles extracted and written as one part file
    (under a temporary name, renamed when whole); its input problems returned."""
    from fsspec.core import url_to_fs

    from .extract import extract_articles
    from .extract.nlp import load_pipeline
    from .io.readers import read_file

    problems: list[ReadProblem] = []

    def articles():
        for path in paths:
            for item in read_file(Path(path), default_date):
                if isinstance(item, ReadProblem):
                    problems.append(item)
                else:
                    yield item
    fs, path = url_to_fs(part_url)
    with fs.open(path + ".partial", "w", encoding="utf-8") as fh:
        for part in extract_articles(load_pipeline(model), articles()):
            fh.write(encode_line(part_to_json(part)) + "\n")
    fs.mv(path + ".partial", path)
    return problems


def _read_part_file(part_url: str):
    """The parts of one partition file, in input order."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(part_url)
    with fs.open(path, "r", encoding="utf-8") as fh:
        return [part_from_json(json.loads(line))[0] for line in fh if line.strip()]


# ------------------------------------------------------------------------- resolution

ARTICLE_COLUMNS = {"pidx": "int64", "pos": "int64", "article_id": "object", "text_hash": "object",
                   "path": "object"}
ENTITY_COLUMNS = {"pidx": "int64", "pos": "int64", "epos": "int64", "article_id": "object",
                  "key": "object", "global_key": "object", "label": "object", "name": "object",
                  "aliases": "object", "mentions": "int64", "title": "object"}


def _article_table(item: tuple[int, str]):
    import pandas as pd

    pidx, url = item
    rows = [(pidx, pos, p.article.id, p.text_hash, p.article.path)
            for pos, p in enumerate(_read_part_file(url))]
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS)).astype(ARTICLE_COLUMNS)


def _entity_table(item: tuple[int, str]):
    import pandas as pd

    pidx, url = item
    rows = [(pidx, pos, epos, p.article.id, e.key, e.global_key, e.label, e.name,
             sorted(e.aliases), e.mentions, e.title)
            for pos, p in enumerate(_read_part_file(url))
            for epos, e in enumerate(p.entities.values())]
    return pd.DataFrame(rows, columns=list(ENTITY_COLUMNS)).astype(ENTITY_COLUMNS)


def _meta(columns: dict):
    import pandas as pd

    return pd.DataFrame({k: pd.Series(dtype=v) for k, v in columns.items()})


def _resolve_and_write(client, fs, root: str, part_urls: list[str], problems: list[ReadProblem]) -> ScaleStats:
    import dask
    import dask.dataframe as dd

    items = list(enumerate(part_urls))
    # few partitions: in-memory shuffles, tables kept on the workers between steps (fast);
    # many: disk-backed (p2p) shuffles and tables recomputed from the part files, so no
    # worker holds a share of the corpus's tables
    small = len(part_urls) <= IN_MEMORY_PARTITIONS
    keep = client.persist if small else (lambda frame: frame)
    with dask.config.set({"dataframe.convert-string": False,
                          "dataframe.shuffle.method": "tasks" if small else "p2p"}):
        articles = keep(dd.from_map(_article_table, items, meta=_meta(ARTICLE_COLUMNS)))
        entities = dd.from_map(_entity_table, items, meta=_meta(ENTITY_COLUMNS))
        renames = _article_renames(articles, part_urls, problems)
        if len(renames):
            entities = entities.merge(renames, on=["pidx", "pos"], how="left")
            entities = entities[entities.final_id != ""]
            entities["article_id"] = entities.final_id.fillna(entities.article_id)
            entities = entities.drop(columns="final_id")
        # kept on the workers between the steps, so no step reads the part files again
        entities = keep(_merge_surnames(entities))
        nodes = keep(entities.groupby("merged").apply(_fold, meta=_meta(NODE_COLUMNS)))
        nodes = keep(_with_node_ids(nodes))
        entity_writes = [dask.delayed(_write_entities)(part, _staging(fs, root), i)
                         for i, part in enumerate(nodes.to_delayed())]
        endpoints = entities[["pidx", "pos", "key", "merged"]].merge(
            nodes[["merged", "node_id", "label"]], on="merged")
        endpoints = endpoints.set_index("pidx", divisions=list(range(len(part_urls) + 1)))
        renames_at: dict[int, dict[int, str]] = {}
        for pidx, pos, final in renames.itertuples(index=False):
            renames_at.setdefault(pidx, {})[pos] = final
        article_writes = [
            dask.delayed(_write_articles)(url, part, renames_at.get(i, {}), _staging(fs, root), i)
            for i, (url, part) in enumerate(zip(part_urls, endpoints.to_delayed()))]
        written = client.gather(client.compute(entity_writes + article_writes, retries=RETRIES))
    stats = ScaleStats()
    for articles, node_labels, relation_types in written:
        stats.articles += articles
        stats.node_labels.update(node_labels)
        stats.relation_types.update(relation_types)
    _write_headers(fs, _staging(fs, root)[1])
    _publish(fs, root)
    return stats


def _article_renames(articles, part_urls: list[str], problems: list[ReadProblem]):
    """``(pidx, pos, final_id)`` of the articles whose id another article has too ("" =
    dropped): in one run as ``pipeline.UniqueIds`` does; across runs the latest replaces."""
    import pandas as pd

    from .pipeline import UniqueIds

    counts = articles.article_id.value_counts()
    shared = counts[counts > 1].index.compute()
    rows = []
    if len(shared):
        dup = articles[articles.article_id.isin(list(shared))].compute()
        dup["run"] = [_run_of(posixpath.basename(part_urls[i])) for i in dup.pidx]
        for _, group in dup.sort_values(["run", "pidx", "pos"]).groupby("article_id", sort=True):
            latest = group.run.max()
            unique = UniqueIds(problems)
            for row in group.itertuples():
                final = unique(row.article_id, row.text_hash, row.path) if row.run == latest else None
                if final != row.article_id:
                    rows.append((row.pidx, row.pos, final or ""))
    return pd.DataFrame(rows, columns=["pidx", "pos", "final_id"]).astype(
        {"pidx": "int64", "pos": "int64", "final_id": "object"})


def _surnames(frame):
    found = [surname_of(k) for k in frame.global_key]
    return frame.assign(surname=[f[0] if f else "" for f in found],
                        full=[bool(f and f[1]) for f in found])


def _merge_surnames(entities):
    """Entities with the key each merges into (``merged``): a bare surname joins the one
    full name that ends with it, never one of two (``graph.cross_article_keys``)."""
    keys = entities[["global_key"]].drop_duplicates()
    people = keys.map_partitions(_surnames, meta={"global_key": "object", "surname": "object",
                                                  "full": "bool"})
    people = people[people.surname != ""]
    full = people[people.full]
    sizes = full.groupby("surname").size().to_frame("owners").reset_index()
    owners = full.merge(sizes[sizes.owners == 1][["surname"]], on="surname")
    owners = owners[["surname", "global_key"]].rename(columns={"global_key": "merged"})
    bare = people[~people.full][["global_key", "surname"]].merge(owners, on="surname")
    entities = entities.merge(bare[["global_key", "merged"]], on="global_key", how="left")
    entities["merged"] = entities.merged.fillna(entities.global_key)
    return entities


NODE_COLUMNS = {"merged": "object", "label": "object", "name": "object", "aliases": "object",
                "mentions": "int64", "articles": "object", "title": "object"}


def _fold(group):
    """One merged key's entities folded into a node, in article id order (``merge_entity``)."""
    import pandas as pd

    node: dict = {}
    for row in group.sort_values(["article_id", "epos"]).itertuples():
        merge_entity(node, LocalEntity(key=row.key, label=row.label, name=row.name,
                                       aliases=set(row.aliases), mentions=row.mentions,
                                       title=row.title), row.article_id)
    return pd.DataFrame([{"merged": group.name, "label": node["_label"],
                          "name": node["name"], "aliases": sorted(node["aliases"]),
                          "mentions": node["mentions"], "articles": sorted(node["articles"]),
                          "title": node.get("title") or ""}]).astype(NODE_COLUMNS)


def _ids_of_base(group):
    import pandas as pd

    ids = node_ids(dict(zip(group.merged, group.label)))
    return pd.DataFrame({"merged": list(ids), "node_id": list(ids.values())}, dtype="object")


def _with_node_ids(nodes):
    """Nodes with their ids, given per id base as ``graph.node_ids`` gives them; an id that
    two bases reach (``x_person`` for "person:x" beside "org:x" and for "org:x person") is
    told apart by a hash of the key."""
    import pandas as pd

    nodes = nodes.reset_index(drop=True)
    bases = nodes[["merged", "label"]].assign(base=nodes.merged.map(id_base, meta=("base", "object")))
    ids = bases.groupby("base").apply(_ids_of_base, meta={"merged": "object", "node_id": "object"})
    counts = ids.node_id.value_counts()
    clashes = counts[counts > 1].index.compute()
    if len(clashes):
        clashing = ids[ids.node_id.isin(list(clashes))].compute()
        fixes = {m: f"{n}_{hashlib.sha1(m.encode()).hexdigest()[:6]}"
                 for m, n in zip(clashing.merged, clashing.node_id) if n != id_base(m)}
        ids["node_id"] = ids.map_partitions(
            lambda f: pd.Series([fixes.get(m, n) for m, n in zip(f.merged, f.node_id)], index=f.index,
                                dtype="object"), meta=("node_id", "object"))
    return nodes.merge(ids, on="merged")


# ------------------------------------------------------------------------- writing

def _staging(fs, root: str) -> tuple[str, str]:
    """The staged ``graph/`` and ``import/`` folders of this run."""
    return _url(fs, root, f".{GRAPH_DIR}.partial"), _url(fs, root, f".{IMPORT_DIR}.partial")


def _open_out(url: str):
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    return fs.open(path, "w", encoding="utf-8", newline="")


class _CsvParts:
    """The CSV rows of one partition, by kind (a file per kind with rows)."""

    def __init__(self) -> None:
        self.rows: dict[str, io.StringIO] = {}
        self.writers: dict = {}

    def add(self, kind: str, row: list[str]) -> None:
        if kind not in self.writers:  # one writer per kind, not one per row
            self.rows[kind] = io.StringIO(newline="")
            self.writers[kind] = csv.writer(self.rows[kind])
        self.writers[kind].writerow(row)

    def write(self, folder_url: str, index: int) -> None:
        for kind, buffer in self.rows.items():
            with _open_out(f"{folder_url}/{kind}-{index:05d}.csv") as fh:
                fh.write(buffer.getvalue())


def _write_entities(nodes, staging: tuple[str, str], index: int) -> tuple[int, Counter, Counter]:
    """One partition of entity nodes as APOC lines and CSV rows; (0 articles, nodes by
    label, no relations)."""
    counts: Counter = Counter()
    lines, rows = [], _CsvParts()
    for row in nodes.sort_values("node_id").itertuples():
        data = entity_node(row.node_id, {"_label": row.label, "name": row.name, "aliases": row.aliases,
                                         "mentions": row.mentions, "articles": row.articles,
                                         "title": row.title})
        lines.append(encode_line(node_line(row.node_id, data)) + "\n")
        space, csv_row = node_csv_row(row.node_id, data)
        rows.add(NODE_FILES[space][0][:-4], csv_row)
        counts[primary_label(data["labels"])] += 1
    with _open_out(f"{staging[0]}/entities-{index:05d}.jsonl") as fh:
        fh.writelines(lines)
    rows.write(staging[1], index)
    return 0, counts, Counter()


def _write_articles(part_url: str, endpoints, renames: dict[int, str], staging: tuple[str, str],
                    index: int) -> tuple[int, Counter, Counter]:
    """One part file's articles, relations and quotes as APOC lines and CSV rows, their
    entity ends given by ``endpoints`` (``pos``, ``key``, ``node_id``, ``label``); (articles,
    nodes by label, relations by type)."""
    from .pipeline import renamed

    ends: dict[int, dict[str, str]] = {}
    labels: dict[str, list[str]] = {}
    for row in endpoints.itertuples():
        ends.setdefault(row.pos, {})[row.key] = row.node_id
        labels[row.node_id] = labels_for(row.label)
    articles, nodes, relations = 0, Counter(), Counter()
    lines, rows = [], _CsvParts()
    for pos, part in enumerate(_read_part_file(part_url)):
        final = renames.get(pos, part.article.id)
        if not final:
            continue
        part = renamed(part, final)
        graph = nx.MultiDiGraph()
        local_to_node = ends.get(pos, {})
        graph.add_nodes_from((n, {"labels": labels[n]}) for n in set(local_to_node.values()))
        add_article(graph, part, local_to_node)
        articles += 1
        for node_id, data in graph.nodes(data=True):
            if node_id not in labels:
                lines.append(encode_line(node_line(node_id, data)) + "\n")
                space, csv_row = node_csv_row(node_id, data)
                rows.add(NODE_FILES[space][0][:-4], csv_row)
                nodes[primary_label(data["labels"])] += 1
        for source, target, key, data in graph.edges(keys=True, data=True):
            s_labels, t_labels = graph.nodes[source]["labels"], graph.nodes[target]["labels"]
            lines.append(encode_line(relationship_line(source, target, key, data, s_labels, t_labels)) + "\n")
            rows.add(relationship_file(id_space(s_labels), id_space(t_labels)),
                     relationship_csv_row(source, target, key, data))
            relations[data["type"]] += 1
    with _open_out(f"{staging[0]}/articles-{index:05d}.jsonl") as fh:
        fh.writelines(lines)
    rows.write(staging[1], index)
    return articles, nodes, relations


def _write_headers(fs, import_url: str) -> None:
    """``<kind>-header.csv`` for every kind, so ``neo4j-admin`` takes
    ``--nodes=import/entities-header.csv,import/entities-\\d+.csv``."""
    heads = {NODE_FILES[space][0][:-4]: node_header(space) for space in NODE_FILES}
    heads.update({relationship_file(s, t): relationship_header(s, t) for s, t in RELATIONSHIP_SPACES})
    for kind, head in heads.items():
        with _open_out(f"{import_url}/{kind}-header.csv") as fh:
            csv.writer(fh).writerow(head)


def _publish(fs, root: str) -> None:
    """The staged folders replace the published ones (a rename on a local disk)."""
    from .io.exporters import publish

    for name in (GRAPH_DIR, IMPORT_DIR):
        staged, target = posixpath.join(root, f".{name}.partial"), posixpath.join(root, name)
        if _is_local(fs):
            publish(Path(staged), Path(target))
        else:
            if fs.exists(target):
                fs.rm(target, recursive=True)
            fs.mv(staged, target, recursive=True)


def _is_local(fs) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" in protocols


def graph_partitions(folder) -> list[Path]:
    """The ``graph/*.jsonl`` partitions of a folder built on Dask, entities first."""
    part_dir = Path(folder) / GRAPH_DIR
    if not part_dir.is_dir():
        return []
    return sorted(part_dir.glob("entities-*.jsonl")) + sorted(part_dir.glob("articles-*.jsonl"))


def _one_file_outputs(folder: Path) -> nx.MultiDiGraph:
    """The small graph read back from its partitions and written in every one-file format."""
    from .io.exporters import write_all

    graph = nx.MultiDiGraph()
    for path in graph_partitions(folder):
        read_jsonl(path, graph)
    write_all(graph, folder, names=list(ONE_FILE_OUTPUTS))
    return graph

