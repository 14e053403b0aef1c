"""The whole build on a Dask cluster: no process holds the corpus or the whole graph.

1. **Extract.** Workers read and extract partitions of the input files and write each
   partition's per-article parts to ``DIR/parts/run-NNNNNN-<hash>.jsonl`` (the lines of
   ``kg-parts.jsonl``), under a name fixed by the files' paths, sizes and times: a rerun
   after a kill keeps the partitions already written. Only counts and input problems come
   back to the client.
2. **Resolve, as shuffles** on Dask dataframes, by the local merge's rules
   (``kg.graph``): duplicate article ids (within a run as the local engine does; a later
   ``--update`` run replaces an article); each partition folds its entities into one state
   per key, and the states are shuffled by surname (person keys) or key, where the surname
   rule and the fold by merged key run; node ids per id base. No step shuffles mentions.
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
from .graph import add_article, cross_article_keys, entity_node, id_base, node_ids, surname_of
from .model import LocalEntity, ReadProblem
from .ontology import ARTICLE_LABEL, ENTITY_LABELS, LABEL_RANK, QUOTE_LABEL, labels_for, primary_label
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
#
# No step groups the corpus's entity mentions by key: a heavy key (an entity named in a
# third of the articles) would put a third of the corpus's rows in one task. Each partition
# first folds its own mentions into one state per key (``_key_states``); only those states
# are shuffled, so a task holds at most a partition's rows, or one group's states (a key,
# or a surname with its keys) with one row per partition that names it.

ARTICLE_COLUMNS = {"pidx": "int64", "pos": "int64", "article_id": "object", "text_hash": "object",
                   "path": "object"}
#: One key's entities folded (``merge_entity``'s rules as an associative state): ``rank``
#: the most specific label's, ``first_*`` the first entity in (article id, position) order,
#: ``best`` the fullest name of a non-Place entity ("" none), ``title*`` the first title.
STATE_COLUMNS = {"pidx": "int64", "group": "object", "global_key": "object", "rank": "int64",
                 "aliases": "object", "mentions": "int64", "articles": "object",
                 "first_article": "object", "first_epos": "int64", "first_name": "object",
                 "best": "object", "title_article": "object", "title_epos": "int64", "title": "object"}
NODE_COLUMNS = {"merged": "object", "base": "object", "label": "object", "name": "object",
                "aliases": "object", "mentions": "int64", "articles": "object", "title": "object",
                "keys": "object"}


def _article_table(item: tuple[int, str, dict]):
    import pandas as pd

    pidx, url, _ = item
    rows = [(pidx, pos, p.article.id, p.text_hash, p.article.path)
            for pos, p in enumerate(_read_part_file(url))]
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS)).astype(ARTICLE_COLUMNS)


def _meta(columns: dict):
    import pandas as pd

    return pd.DataFrame({k: pd.Series(dtype=v) for k, v in columns.items()})


def _group_of(key: str) -> str:
    """The shuffle group of a key: its surname for a person (the surname rule decides
    within it), else the key itself."""
    found = surname_of(key)
    return f"s:{found[0]}" if found else f"k:{key}"


def _entity_state(entity: LocalEntity, article_id: str, epos: int) -> dict:
    return {"rank": LABEL_RANK[entity.label], "aliases": set(entity.aliases) | {entity.name},
            "mentions": entity.mentions, "articles": {article_id},
            "first": (article_id, epos, entity.name),
            "best": entity.name if entity.label != "Place" else "",
            "title": (article_id, epos, entity.title) if entity.title else None}


def _fuller(a: str, b: str) -> str:
    return max(a, b, key=lambda n: (len(n), n))


def _combine(state: Optional[dict], other: dict) -> dict:
    """Two states of one key (or merged key) as one; order-free, so any tree of combines
    gives ``merge_entity``'s fold in article id order."""
    if state is None:
        return {**other, "aliases": set(other["aliases"]), "articles": set(other["articles"])}
    state["rank"] = min(state["rank"], other["rank"])
    state["aliases"].update(other["aliases"])
    state["mentions"] += other["mentions"]
    state["articles"].update(other["articles"])
    state["first"] = min(state["first"], other["first"])
    state["best"] = _fuller(state["best"], other["best"])
    if other["title"] and (not state["title"] or other["title"] < state["title"]):
        state["title"] = other["title"]
    return state


def _state_rows(pidx: int, states: dict[str, dict]) -> list[tuple]:
    return [(pidx, _group_of(key), key, s["rank"], sorted(s["aliases"]), s["mentions"],
             sorted(s["articles"]), s["first"][0], s["first"][1], s["first"][2], s["best"],
             *(s["title"] or ("", 0, ""))) for key, s in states.items()]


def _state_of(row) -> dict:
    return {"rank": row.rank, "aliases": row.aliases, "mentions": row.mentions,
            "articles": row.articles, "first": (row.first_article, row.first_epos, row.first_name),
            "best": row.best, "title": (row.title_article, row.title_epos, row.title) if row.title else None}


def _key_states(item: tuple[int, str, dict]):
    """One partition's entities folded into one state per global key (after the article
    renames: ``""`` drops an article)."""
    import pandas as pd

    pidx, url, renames = item
    states: dict[str, dict] = {}
    for pos, part in enumerate(_read_part_file(url)):
        article_id = renames.get(pos, part.article.id)
        if not article_id:
            continue
        for epos, e in enumerate(part.entities.values()):
            states[e.global_key] = _combine(states.get(e.global_key), _entity_state(e, article_id, epos))
    return pd.DataFrame(_state_rows(pidx, states), columns=list(STATE_COLUMNS)).astype(STATE_COLUMNS)


def _resolve_groups(frame):
    """A shuffled partition of key states (whole groups) as merged nodes: states of a key
    combined, a bare surname merged into the one full name of its group
    (``graph.cross_article_keys``), keys folded by merged key."""
    import pandas as pd

    by_key: dict[str, dict] = {}
    for row in frame.itertuples():
        by_key[row.global_key] = _combine(by_key.get(row.global_key), _state_of(row))
    merged_of = cross_article_keys(by_key)  # whole surname groups: the rule holds per group
    nodes: dict[str, dict] = {}
    keys: dict[str, list[str]] = {}
    for key in sorted(by_key):
        m = merged_of[key]
        nodes[m] = _combine(nodes.get(m), by_key[key])
        keys.setdefault(m, []).append(key)
    rows = [(m, id_base(m), ENTITY_LABELS[s["rank"]], _fuller(s["first"][2], s["best"]),
             sorted(s["aliases"]), s["mentions"], sorted(s["articles"]),
             s["title"][2] if s["title"] else "", keys[m]) for m, s in nodes.items()]
    return pd.DataFrame(rows, columns=list(NODE_COLUMNS)).astype(NODE_COLUMNS)


def _resolve_and_write(client, fs, root: str, part_urls: list[str], problems: list[ReadProblem]) -> ScaleStats:
    import dask
    import dask.dataframe as dd

    # few partitions: in-memory shuffles, tables kept on the workers between steps (fast);
    # many: disk-backed (p2p) shuffles and tables recomputed from the part files, so no
    # worker holds a share of the corpus's tables
    small = len(part_urls) <= IN_MEMORY_PARTITIONS
    keep = client.persist if small else (lambda frame: frame)
    with dask.config.set({"dataframe.convert-string": False,
                          "dataframe.shuffle.method": "tasks" if small else "p2p"}):
        articles = dd.from_map(_article_table, [(i, u, {}) for i, u in enumerate(part_urls)],
                               meta=_meta(ARTICLE_COLUMNS))
        renames_at = _article_renames(articles, part_urls, problems)
        items = [(i, u, renames_at.get(i, {})) for i, u in enumerate(part_urls)]
        states = keep(dd.from_map(_key_states, items, meta=_meta(STATE_COLUMNS)))
        nodes = states.shuffle("group").map_partitions(_resolve_groups, meta=_meta(NODE_COLUMNS))
        nodes = keep(_with_node_ids(nodes))
        entity_writes = [dask.delayed(_write_entities)(part, _staging(fs, root), i)
                         for i, part in enumerate(nodes.to_delayed())]
        # each partition's keys with their node: one row per (partition, key), never one
        # per mention, so a heavy key adds one row per partition to the join
        node_of = nodes[["keys", "node_id", "label"]].explode("keys").rename(columns={"keys": "global_key"})
        endpoints = states[["pidx", "global_key"]].merge(node_of, on="global_key")
        endpoints = endpoints.set_index("pidx", divisions=list(range(len(part_urls) + 1)))
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


def _duplicated_ids(frame):
    return frame[frame.article_id.duplicated(keep=False)]


def _article_renames(articles, part_urls: list[str], problems: list[ReadProblem]) -> dict[int, dict[int, str]]:
    """``{pidx: {pos: final_id}}`` of the articles whose id another article has too ("" =
    dropped): in one run as ``pipeline.UniqueIds`` does; across runs the latest replaces.
    Found by a shuffle on the id: only the duplicated rows come back."""
    from .pipeline import UniqueIds

    dup = articles.shuffle("article_id").map_partitions(_duplicated_ids, meta=articles._meta).compute()
    renames: dict[int, dict[int, str]] = {}
    if len(dup):
        dup["run"] = [_run_of(posixpath.basename(part_urls[i])) for i in dup.pidx]
        for _, group in dup.sort_values(["run", "pidx", "pos"]).groupby("article_id", sort=True):
            latest = group.run.max()
            unique = UniqueIds(problems)
            for row in group.itertuples():
                final = unique(row.article_id, row.text_hash, row.path) if row.run == latest else None
                if final != row.article_id:
                    renames.setdefault(row.pidx, {})[row.pos] = final or ""
    return renames


def _ids_of_bases(frame):
    """Node ids given per id base as ``graph.node_ids`` gives them (a shuffled partition
    holds whole bases)."""
    ids: dict[str, str] = {}
    for _, group in frame.groupby("base", sort=False):
        ids.update(node_ids(dict(zip(group.merged, group.label))))
    return frame.assign(node_id=[ids[m] for m in frame.merged])


def _clashing(frame):
    return frame[frame.node_id.duplicated(keep=False)]


def _with_node_ids(nodes):
    """Nodes with their ids; an id that two bases reach (``x_person`` for "person:x" beside
    "org:x" and for "org:x person") is told apart by a hash of the key."""
    meta = _meta({**NODE_COLUMNS, "node_id": "object"})
    nodes = nodes.shuffle("base").map_partitions(_ids_of_bases, meta=meta)
    clashing = nodes[["merged", "node_id"]].shuffle("node_id").map_partitions(
        _clashing, meta=_meta({"merged": "object", "node_id": "object"})).compute()
    fixes = {m: f"{n}_{hashlib.sha1(m.encode()).hexdigest()[:6]}"
             for m, n in zip(clashing.merged, clashing.node_id) if n != id_base(m)}
    if fixes:
        nodes = nodes.map_partitions(
            lambda f: f.assign(node_id=[fixes.get(m, n) for m, n in zip(f.merged, f.node_id)]), meta=meta)
    return nodes


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
    entity ends given by ``endpoints`` (``global_key``, ``node_id``, ``label``); (articles,
    nodes by label, relations by type)."""
    from .pipeline import renamed

    node_of = dict(zip(endpoints.global_key, endpoints.node_id))
    labels = {n: labels_for(label) for n, label in zip(endpoints.node_id, endpoints.label)}
    articles, nodes, relations = 0, Counter(), Counter()
    lines, rows = [], _CsvParts()
    for pos, part in enumerate(_read_part_file(part_url)):
        final = renames.get(pos, part.article.id)
        if not final:
            continue
        part = renamed(part, final)
        graph = nx.MultiDiGraph()
        local_to_node = {k: node_of[e.global_key] for k, e in part.entities.items()}
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

