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
   Entity files are one per bucket of surname groups and keys; ``DIR/state/`` keeps each
   bucket's key states and nodes and indexes of id bases and article ids, so ``--update``
   re-resolves only the buckets a new day's keys land in (``_update``).
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
from contextlib import contextmanager
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
#: What ``--update`` resolves against: key states, nodes and indexes by bucket, ``meta.json``.
STATE_DIR = "state"
META_FILE = "meta.json"
ONE_FILE_OUTPUTS = ("graph.jsonl", "graph.graphml", "graph.gexf", "graph.cypher")
#: Partitions up to which the resolution's tables stay in the workers' memory.
IN_MEMORY_PARTITIONS = 16
#: Fewest buckets of groups (entity output files) a build makes; else one per partition.
MIN_BUCKETS = 1
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
    resolved: str = ""  # what --update re-resolved, or why it re-resolved everything


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
        stats, why = _update(client, fs, root, part_urls, problems) if update else (None, "")
        if stats is None:
            stats = _resolve_and_write(client, fs, root, part_urls, problems)
            stats.resolved = f"every partition ({why})" if update else ""
    entities = sum(n for k, n in stats.node_labels.items() if k not in (ARTICLE_LABEL, QUOTE_LABEL))
    stats.written = [GRAPH_DIR + "/", IMPORT_DIR + "/", PARTS_DIR + "/", STATE_DIR + "/"]
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


def _finished_runs(fs, root: str, runs_path: str) -> list[int]:
    """The runs ``runs.json`` lists as finished; rebuilt from the partitions' names when it
    cannot be read."""
    try:
        finished = json.loads(fs.cat_file(runs_path)) if fs.exists(runs_path) else []
    except ValueError:
        finished = None
    if not isinstance(finished, list):
        finished = [_run_of(name) for name in _part_names(fs, root)]
    return finished


def _plan_run(fs, root: str, update: bool) -> int:
    """This run's number: one after the last finished run (``--update``), else 1 with
    every earlier partition gone."""
    runs_path = posixpath.join(root, PARTS_DIR, RUNS_FILE)
    finished = _finished_runs(fs, root, runs_path)
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
    finished = _finished_runs(fs, root, runs_path)
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
STATE_COLUMNS = {"pidx": "int64", "bucket": "int64", "group": "object", "global_key": "object", "rank": "int64",
                 "aliases": "object", "mentions": "int64", "articles": "object",
                 "first_article": "object", "first_epos": "int64", "first_name": "object",
                 "best": "object", "title_article": "object", "title_epos": "int64", "title": "object"}
NODE_COLUMNS = {"merged": "object", "base": "object", "label": "object", "name": "object",
                "aliases": "object", "mentions": "int64", "articles": "object", "title": "object",
                "keys": "object", "bucket": "int64"}
#: The stored key states (``OUT/state/keys-*.jsonl``): a key's state over every article.
KEY_STATE_FIELDS = [c for c in STATE_COLUMNS if c not in ("pidx", "bucket")]


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


def _bucket(text: str, buckets: int) -> int:
    """A stable bucket of a group, base or article id (the same in every process and run,
    unlike ``hash``)."""
    return int.from_bytes(hashlib.sha1(text.encode()).digest()[:8], "big") % buckets


def _state_rows(pidx: int, states: dict[str, dict], buckets: int) -> list[tuple]:
    return [(pidx, _bucket(_group_of(key), buckets), _group_of(key), key, s["rank"], sorted(s["aliases"]), s["mentions"],
             sorted(s["articles"]), s["first"][0], s["first"][1], s["first"][2], s["best"],
             *(s["title"] or ("", 0, ""))) for key, s in states.items()]


def _state_of(row) -> dict:
    return {"rank": row.rank, "aliases": row.aliases, "mentions": row.mentions,
            "articles": row.articles, "first": (row.first_article, row.first_epos, row.first_name),
            "best": row.best, "title": (row.title_article, row.title_epos, row.title) if row.title else None}


def _key_states(item: tuple[int, str, dict, int]):
    """One partition's entities folded into one state per global key (after the article
    renames: ``""`` drops an article), with the bucket of the key's group."""
    import pandas as pd

    pidx, url, renames, buckets = item
    states: dict[str, dict] = {}
    for pos, part in enumerate(_read_part_file(url)):
        article_id = renames.get(pos, part.article.id)
        if not article_id:
            continue
        for epos, e in enumerate(part.entities.values()):
            states[e.global_key] = _combine(states.get(e.global_key), _entity_state(e, article_id, epos))
    return pd.DataFrame(_state_rows(pidx, states, buckets), columns=list(STATE_COLUMNS)).astype(STATE_COLUMNS)


def _combined(frame) -> tuple[dict[str, dict], dict[str, int]]:
    """Key states (rows of partitions or stored) combined per key; and each key's bucket."""
    by_key: dict[str, dict] = {}
    bucket_of: dict[str, int] = {}
    for row in frame.itertuples():
        by_key[row.global_key] = _combine(by_key.get(row.global_key), _state_of(row))
        bucket_of[row.global_key] = row.bucket
    return by_key, bucket_of


def _nodes_of(by_key: dict[str, dict], bucket_of: dict[str, int]):
    """Whole groups' combined key states as merged nodes: a bare surname merged into the one
    full name of its group (``graph.cross_article_keys``), keys folded by merged key."""
    import pandas as pd

    merged_of = cross_article_keys(by_key)  # whole surname groups: the rule holds per group
    nodes: dict[str, dict] = {}
    keys: dict[str, list[str]] = {}
    for key in sorted(by_key):
        m = merged_of[key]
        nodes[m] = _combine(nodes.get(m), by_key[key])
        keys.setdefault(m, []).append(key)
    rows = [(m, id_base(m), ENTITY_LABELS[s["rank"]], _fuller(s["first"][2], s["best"]),
             sorted(s["aliases"]), s["mentions"], sorted(s["articles"]),
             s["title"][2] if s["title"] else "", keys[m], bucket_of[m]) for m, s in nodes.items()]
    return pd.DataFrame(rows, columns=list(NODE_COLUMNS)).astype(NODE_COLUMNS)


def _resolve_groups(frame):
    """A shuffled partition of key states (whole groups) as merged nodes."""
    return _nodes_of(*_combined(frame.reset_index()))


def _resolve_and_write(client, fs, root: str, part_urls: list[str], problems: list[ReadProblem]) -> ScaleStats:
    """Every partition resolved; outputs and the state for later updates written whole."""
    import dask
    import dask.dataframe as dd

    # few partitions: in-memory shuffles, tables kept on the workers between steps (fast);
    # many: disk-backed (p2p) shuffles and tables recomputed from the part files, so no
    # worker holds a share of the corpus's tables
    small = len(part_urls) <= IN_MEMORY_PARTITIONS
    keep = (lambda frame: _persist(client, frame)) if small else (lambda frame: frame)
    # a bucket of groups per partition: entities-NNNNN.jsonl and state/keys-NNNNN.jsonl
    # hold bucket NNNNN, so an update rewrites only the buckets its keys land in
    buckets = max(len(part_urls), MIN_BUCKETS)
    divisions = list(range(buckets + 1))
    staging = _staging(fs, root)
    state_url = _url(fs, root, f".{STATE_DIR}.partial")
    with dask.config.set({"dataframe.convert-string": False,
                          "dataframe.shuffle.method": "tasks" if small else "p2p"}):
        articles = dd.from_map(_article_table, [(i, u, {}) for i, u in enumerate(part_urls)],
                               meta=_meta(ARTICLE_COLUMNS))
        renames_at = _article_renames(articles, part_urls, problems)
        items = [(i, u, renames_at.get(i, {}), buckets) for i, u in enumerate(part_urls)]
        states = keep(dd.from_map(_key_states, items, meta=_meta(STATE_COLUMNS)))
        by_bucket = keep(states.set_index("bucket", divisions=divisions))
        nodes = keep(by_bucket.map_partitions(_resolve_groups, meta=_meta(NODE_COLUMNS)))
        ids = keep(_with_node_ids(nodes[["merged", "base", "label", "bucket"]]))
        ids_by_bucket = ids.set_index("bucket", divisions=divisions)
        entity_writes = [dask.delayed(_write_bucket)(s, n, i_, staging, state_url, i, "")
                         for i, (s, n, i_) in enumerate(zip(by_bucket.to_delayed(), nodes.to_delayed(),
                                                            ids_by_bucket.to_delayed()))]
        # each partition's keys with their node: one row per (partition, key), never one
        # per mention, so a heavy key adds one row per partition to the join
        node_of = nodes[["merged", "keys"]].merge(ids[["merged", "node_id", "label"]], on="merged")
        node_of = node_of.explode("keys").rename(columns={"keys": "global_key"})[["global_key", "node_id", "label"]]
        endpoints = states[["pidx", "global_key"]].merge(node_of, on="global_key")
        endpoints = endpoints.set_index("pidx", divisions=list(range(len(part_urls) + 1)))
        article_writes = [
            dask.delayed(_write_articles)(url, part, renames_at.get(i, {}), staging, i)
            for i, (url, part) in enumerate(zip(part_urls, endpoints.to_delayed()))]
        # the indexes an update reads: id bases (node ids) and article ids, by bucket
        bases = ids.assign(cb=ids.base.map(lambda b: _bucket(b, buckets), meta=("cb", "int64")))
        base_writes = [dask.delayed(_write_index)(part, state_url, "bases", i, "")
                       for i, part in enumerate(bases.set_index("cb", divisions=divisions).to_delayed())]
        final_ids = articles.map_partitions(_final_ids, renames_at, buckets, meta=_meta(ID_COLUMNS))
        id_writes = [dask.delayed(_write_index)(part, state_url, "ids", i, "")
                     for i, part in enumerate(final_ids.set_index("ib", divisions=divisions).to_delayed())]
        written = client.gather(client.compute(entity_writes + article_writes + base_writes + id_writes,
                                               retries=RETRIES))
    meta = {"buckets": buckets, "parts": [posixpath.basename(u) for u in part_urls],
            "files": {kind: {str(i): f"{kind}-{i:05d}.jsonl" for i in range(buckets)}
                      for kind in ("keys", "nodes", "bases", "ids")},
            "entities": {str(i): dict(w[1]) for i, w in enumerate(written[:buckets])},
            "articles": {str(i): [w[0], dict(w[1]), dict(w[2])]
                         for i, w in enumerate(written[buckets:buckets + len(part_urls)])}}
    _write_text(f"{state_url}/{META_FILE}", json.dumps(meta, sort_keys=True))
    _write_headers(fs, staging[1])
    _publish(fs, root)
    return _stats_of(meta)


def _persist(client, frame):
    """``frame`` computed and kept on the workers, waited for: a scheduler in this process
    (a LocalCluster) builds the graph in a thread, and building the next step's graph
    meanwhile can deadlock on Python 3.11's ``cached_property`` locks."""
    from dask.distributed import wait

    kept = client.persist(frame)
    wait(kept)
    return kept


def _stats_of(meta: dict) -> ScaleStats:
    stats = ScaleStats()
    for counts in meta["entities"].values():
        stats.node_labels.update(counts)
    for articles, node_labels, relation_types in meta["articles"].values():
        stats.articles += articles
        stats.node_labels.update(node_labels)
        stats.relation_types.update(relation_types)
    return stats


ID_COLUMNS = {"article_id": "object", "ib": "int64"}


def _final_ids(frame, renames_at: dict[int, dict[int, str]], buckets: int):
    """The articles' ids as built (renamed, dropped ones left out), with their bucket."""
    import pandas as pd

    ids = [renames_at.get(pidx, {}).get(pos, a) for pidx, pos, a in zip(frame.pidx, frame.pos, frame.article_id)]
    ids = [a for a in ids if a]
    return pd.DataFrame({"article_id": ids, "ib": [_bucket(a, buckets) for a in ids]}).astype(ID_COLUMNS)


def _write_text(url: str, text: str) -> None:
    with _open_out(url) as fh:
        fh.write(text)


def _read_rows(url: str) -> list[dict]:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    if not fs.exists(path):
        return []
    with fs.open(path, "r", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_index(frame, state_url: str, kind: str, index: int, suffix: str) -> None:
    """One bucket of an index (``bases``: base, merged, label, raw_id, node_id; ``ids``:
    article ids) as JSON lines."""
    columns = ["article_id"] if kind == "ids" else ["base", "merged", "label", "raw_id", "node_id"]
    rows = frame.reset_index()[columns].sort_values(columns).itertuples(index=False)
    _write_text(f"{state_url}/{kind}-{index:05d}{suffix}.jsonl",
                "".join(json.dumps(list(r)) + "\n" for r in rows))


def _write_bucket(states, nodes, ids, staging: tuple[str, str], state_url: str, index: int,
                  suffix: str) -> tuple[int, Counter, Counter]:
    """One bucket: its entity nodes (``graph/entities-NNNNN.jsonl``, ``import/entities-NNNNN.csv``)
    and its stored state (key states, and its nodes' keys and ids)."""
    by_key, _ = _combined(states.reset_index())
    _write_text(f"{state_url}/keys-{index:05d}{suffix}.jsonl", "".join(
        json.dumps([key] + _state_row(state)) + "\n" for key, state in sorted(by_key.items())))
    nodes = nodes.merge(ids.reset_index()[["merged", "node_id"]], on="merged")
    _write_text(f"{state_url}/nodes-{index:05d}{suffix}.jsonl", "".join(
        json.dumps([m, label, n, keys]) + "\n"
        for m, label, n, keys in sorted(zip(nodes.merged, nodes.label, nodes.node_id, nodes["keys"]))))
    return _write_entities(nodes, staging, index)


def _state_row(s: dict) -> list:
    """A combined key state as stored (``KEY_STATE_FIELDS`` after the group and key)."""
    return [s["rank"], sorted(s["aliases"]), s["mentions"], sorted(s["articles"]), *s["first"],
            s["best"], *(s["title"] or ("", 0, ""))]


def _stored_states(url: str, bucket: int):
    """A bucket's stored key states, as rows of ``STATE_COLUMNS``."""
    import pandas as pd

    rows = [(-1, bucket, _group_of(r[0]), *r) for r in _read_rows(url)]
    return pd.DataFrame(rows, columns=list(STATE_COLUMNS)).astype(STATE_COLUMNS)


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
    node_id = [ids[m] for m in frame.merged]
    return frame.assign(node_id=node_id, raw_id=node_id)


def _clashing(frame):
    return frame[frame.node_id.duplicated(keep=False)]


def _with_node_ids(nodes):
    """Nodes with their ids (``node_id``; ``raw_id`` before this fix): an id that two bases
    reach (``x_person`` for "person:x" beside "org:x" and for "org:x person") is told apart
    by a hash of the key."""
    meta = nodes._meta.assign(node_id=nodes._meta.merged, raw_id=nodes._meta.merged)
    nodes = nodes.shuffle("base").map_partitions(_ids_of_bases, meta=meta)
    clashing = nodes[["merged", "node_id"]].shuffle("node_id").map_partitions(
        _clashing, meta=_meta({"merged": "object", "node_id": "object"})).compute()
    fixes = {m: f"{n}_{hashlib.sha1(m.encode()).hexdigest()[:6]}"
             for m, n in zip(clashing.merged, clashing.node_id) if n != id_base(m)}
    if fixes:
        nodes = nodes.map_partitions(
            lambda f: f.assign(node_id=[fixes.get(m, n) for m, n in zip(f.merged, f.node_id)]), meta=meta)
    return nodes


# ------------------------------------------------------------------------- --update

def _read_meta(fs, root: str) -> Optional[dict]:
    """The stored state's index; ``{}`` when it cannot be read (the full resolution then
    rewrites it)."""
    path = posixpath.join(root, STATE_DIR, META_FILE)
    if not fs.exists(path):
        return None
    try:
        meta = json.loads(fs.cat_file(path))
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _update(client, fs, root: str, part_urls: list[str], problems: list[ReadProblem]) -> tuple[Optional[ScaleStats], str]:
    """``--update`` resolving only the new partitions' keys against the stored state:
    the buckets those keys land in are re-resolved and rewritten, the new partitions'
    articles written, nothing else touched. ``(None, why)`` when the day replaces a stored
    article or changes a stored node's id or label (every article naming it would change):
    the full resolution runs then."""
    import dask
    import dask.dataframe as dd

    meta = _read_meta(fs, root)
    names = [posixpath.basename(u) for u in part_urls]
    if meta is None:
        return None, "no stored state"
    if not meta or any(k not in meta for k in ("parts", "buckets", "files", "entities", "articles")):
        return None, "the stored state is unreadable"
    if meta.get("unfinished_update"):
        return None, "an earlier --update did not finish"
    state_dir = posixpath.join(root, STATE_DIR)
    if not all(fs.exists(posixpath.join(state_dir, name))
               for kind in meta["files"].values() for name in kind.values()):
        return None, "a stored state file is missing"
    old = meta["parts"]
    if names[:len(old)] != old:
        return None, "the stored partitions changed"
    if len(names) == len(old):
        stats = _stats_of(meta)
        stats.resolved = "nothing (no new partitions)"
        return stats, ""
    buckets, files = meta["buckets"], meta["files"]
    divisions = list(range(buckets + 1))
    state_url = _url(fs, root, STATE_DIR)
    new = list(range(len(old), len(names)))
    suffix = f"-r{_run_of(names[-1]):06d}"
    found: list[ReadProblem] = []  # kept only if this path finishes
    small = len(new) <= IN_MEMORY_PARTITIONS
    with dask.config.set({"dataframe.convert-string": False,
                          "dataframe.shuffle.method": "tasks" if small else "p2p"}):
        articles = _persist(client, dd.from_map(_article_table, [(i, part_urls[i], {}) for i in new],
                                              meta=_meta(ARTICLE_COLUMNS)))
        renames_at = _article_renames(articles, part_urls, found)
        final_ids = articles.map_partitions(_final_ids, renames_at, buckets, meta=_meta(ID_COLUMNS))
        ids_by_bucket = _persist(client, final_ids.set_index("ib", divisions=divisions))
        id_parts = ids_by_bucket.to_delayed()
        hits = client.gather(client.compute(
            [dask.delayed(_stored_hits)(part, f"{state_url}/{files['ids'][str(i)]}")
             for i, part in enumerate(id_parts)]))
        if sum(hits):
            return None, "a new article replaces a stored one"
        states = dd.from_map(_key_states, [(i, part_urls[i], renames_at.get(i, {}), buckets) for i in new],
                             meta=_meta(STATE_COLUMNS))
        by_bucket = _persist(client, states.set_index("bucket", divisions=divisions))
        sizes = by_bucket.map_partitions(len, meta=("n", "int64")).compute()
        touched = [i for i, n in enumerate(sizes) if n]
        parts = by_bucket.to_delayed()
        seen = client.gather(client.compute(
            [dask.delayed(_bucket_nodes)(parts[b], f"{state_url}/{files['keys'][str(b)]}",
                                         f"{state_url}/{files['nodes'][str(b)]}", b) for b in touched]))

        def read_bases(c: int, wanted: set[str]) -> list:
            return [r for r in _read_rows(f"{state_url}/{files['bases'][str(c)]}") if r[0] in wanted]
        plan = _new_ids(seen, buckets, read_bases)
        if isinstance(plan, str):
            return None, plan
        ids_of, rewrite = plan
        # from here the published graph/ and import/ change: a kill before the commit below
        # leaves this mark, and the next run resolves everything again
        _write_text(f"{state_url}/{META_FILE}", json.dumps({**meta, "unfinished_update": True}, sort_keys=True))
        graph_url, import_url = _url(fs, root, GRAPH_DIR), _url(fs, root, IMPORT_DIR)
        node_of = client.scatter(_endpoints_of(seen, ids_of), broadcast=True)
        writes = [dask.delayed(_update_bucket)(parts[b], f"{state_url}/{files['keys'][str(b)]}",
                                              f"{state_url}/{files['nodes'][str(b)]}",
                                              {m: ids_of[m] for m in seen[k][1]},
                                              (graph_url, import_url), state_url, b, suffix)
                  for k, b in enumerate(touched)]
        writes += [dask.delayed(_write_articles)(part_urls[i], node_of, renames_at.get(i, {}),
                                                 (graph_url, import_url), i) for i in new]
        base_writes = [dask.delayed(_rewrite_bases)(f"{state_url}/{files['bases'][str(c)]}", bases, rows,
                                                    f"{state_url}/bases-{c:05d}{suffix}.jsonl")
                       for c, (bases, rows) in sorted(rewrite.items())]
        id_writes = [dask.delayed(_add_ids)(id_parts[i], f"{state_url}/{files['ids'][str(i)]}",
                                            state_url, i, suffix) for i in range(buckets)]
        written = client.gather(client.compute(writes + id_writes + base_writes, retries=RETRIES))
    for c in rewrite:
        files["bases"][str(c)] = f"bases-{c:05d}{suffix}.jsonl"
    for k, b in enumerate(touched):
        meta["entities"][str(b)] = dict(written[k][1])
        files["keys"][str(b)] = f"keys-{b:05d}{suffix}.jsonl"
        files["nodes"][str(b)] = f"nodes-{b:05d}{suffix}.jsonl"
    for k, i in enumerate(new):
        a, n, r = written[len(touched) + k]
        meta["articles"][str(i)] = [a, dict(n), dict(r)]
    for i, name in enumerate(written[len(touched) + len(new):len(touched) + len(new) + buckets]):
        if name:
            files["ids"][str(i)] = name
    meta["parts"] = names
    _write_text(f"{state_url}/{META_FILE}", json.dumps(meta, sort_keys=True))  # the commit
    kept = {META_FILE} | {name for kind in files.values() for name in kind.values()}
    for path in fs.ls(posixpath.join(root, STATE_DIR), detail=False):
        if posixpath.basename(path) not in kept:
            fs.rm(path)
    problems.extend(found)
    stats = _stats_of(meta)
    stats.resolved = f"{len(touched)} of {buckets} buckets (the new partitions' keys)"
    return stats, ""


def _stored_hits(new_ids, url: str) -> int:
    """New article ids (one bucket) that a stored article has."""
    if not len(new_ids):
        return 0
    stored = {r[0] for r in _read_rows(url)}
    return sum(a in stored for a in new_ids.article_id)


def _add_ids(new_ids, url: str, state_url: str, index: int, suffix: str) -> str:
    """A bucket of stored article ids with the new ones; its new file name ("" unchanged)."""
    if not len(new_ids):
        return ""
    rows = sorted({r[0] for r in _read_rows(url)} | set(new_ids.article_id))
    name = f"ids-{index:05d}{suffix}.jsonl"
    _write_text(f"{state_url}/{name}", "".join(json.dumps([a]) + "\n" for a in rows))
    return name


def _bucket_nodes(new_states, keys_url: str, nodes_url: str, bucket: int) -> tuple[dict, dict]:
    """The nodes of a touched bucket's groups that the new states reach, before
    (``merged: (label, node_id, keys)``) and after (``merged: (base, label, keys)``): a
    group's keys merge only among themselves, so other nodes keep their id and label."""
    import pandas as pd

    new_states = new_states.reset_index()[list(STATE_COLUMNS)]
    groups = set(new_states.group)
    before = {r[0]: (r[1], r[2], r[3]) for r in _read_rows(nodes_url) if _group_of(r[0]) in groups}
    stored = _stored_states(keys_url, bucket)
    frame = pd.concat([stored[stored.group.isin(groups)], new_states])
    nodes = _nodes_of(*_combined(frame))
    after = {m: (b, label, keys) for m, b, label, keys in zip(nodes.merged, nodes.base, nodes.label, nodes["keys"])}
    return before, after


def _update_bucket(new_states, keys_url: str, nodes_url: str, ids: dict[str, str],
                   folders: tuple[str, str], state_url: str, bucket: int,
                   suffix: str) -> tuple[int, Counter, Counter]:
    """A touched bucket rewritten: its stored key states with the new ones, its nodes (the
    stored ids, with ``ids`` for the nodes the new states reach)."""
    import pandas as pd

    frame = pd.concat([_stored_states(keys_url, bucket), new_states.reset_index()[list(STATE_COLUMNS)]])
    nodes = _nodes_of(*_combined(frame))
    ids = {**{r[0]: r[2] for r in _read_rows(nodes_url)}, **ids}
    ids_frame = pd.DataFrame({"merged": list(ids), "node_id": list(ids.values())}, dtype="object")
    return _write_bucket(frame, nodes, ids_frame, folders, state_url, bucket, suffix)


def _endpoints_of(seen: list[tuple[dict, dict]], ids_of: dict[str, str]):
    """(global_key, node_id, label) of every key in the touched buckets."""
    import pandas as pd

    rows = [(key, ids_of[m], label) for _, after in seen for m, (_, label, keys) in after.items() for key in keys]
    return pd.DataFrame(rows, columns=["global_key", "node_id", "label"], dtype="object")


def _prefixes(node_id: str) -> set[str]:
    """The id bases that can give ``node_id`` (``b``, ``b_<kind>``, ``b_N``): itself and
    its prefixes ending before a "_"."""
    return {node_id} | {node_id[:i] for i, c in enumerate(node_id) if c == "_" and i}


def _new_ids(seen: list[tuple[dict, dict]], buckets: int, read_bases) -> "tuple[dict, dict] | str":
    """Node ids after the update, as the full build's ``_with_node_ids`` gives them, from the
    touched buckets' nodes and the stored ids of the bases they share (``read_bases(c, wanted)``
    gives bucket ``c``'s rows of those bases); ``(ids, {bucket: (bases, rows)})`` to rewrite
    the base index, or a message when a stored node's id or label, or a stored key's node,
    changes."""
    before = {m: v for b, _ in seen for m, v in b.items()}
    after = {m: v for _, a in seen for m, v in a.items()}
    entries: dict[str, dict[str, list]] = {}  # base -> merged -> [label, raw_id, node_id]
    done: set[str] = set()

    def load(bases: set[str]) -> None:
        by_bucket: dict[int, set[str]] = {}
        for b in bases - done:
            by_bucket.setdefault(_bucket(b, buckets), set()).add(b)
        for c, wanted in by_bucket.items():
            for base, m, label, raw, node_id in read_bases(c, wanted):
                entries.setdefault(base, {})[m] = [label, raw, node_id]
        done.update(bases)
    affected = {id_base(m) for m in before} | {v[0] for v in after.values()}
    load({p for b in affected for p in _prefixes(b)})
    raw: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for base in affected:
        members = {m: v[0] for m, v in entries.get(base, {}).items() if m not in before}
        members.update({m: v[1] for m, v in after.items() if v[0] == base})
        label_of.update(members)
        raw.update(node_ids(members))
    old_raw = {v[1] for base in affected for v in entries.get(base, {}).values()}
    involved = set(raw.values()) | old_raw  # the raw ids whose owners can change
    load({p for x in involved for p in _prefixes(x)})
    owners: dict[str, set[str]] = {}
    for base, ms in entries.items():
        if base not in affected:
            for m, (_, r, _) in ms.items():
                owners.setdefault(r, set()).add(m)
    for m, r in raw.items():
        owners.setdefault(r, set()).add(m)

    def final(m: str, r: str) -> str:
        return f"{r}_{hashlib.sha1(m.encode()).hexdigest()[:6]}" if len(owners[r]) > 1 and r != id_base(m) else r
    ids_of = {m: final(m, r) for m, r in raw.items()}
    for base, ms in entries.items():
        for m, (label, r, node_id) in ms.items():
            if base in affected:
                if ids_of.get(m) != node_id or label_of.get(m) != label:
                    return f"node {node_id} changes"
            elif r in involved and final(m, r) != node_id:
                return f"node {node_id} changes"
    old_key = {k: (v[1], v[0]) for v in before.values() for k in v[2]}
    new_key = {k: (ids_of[m], v[1]) for m, v in after.items() for k in v[2]}
    if any(new_key.get(k) != v for k, v in old_key.items()):
        return "a stored key's node changes"
    rewrite: dict[int, tuple[set, list]] = {}
    for base in affected:
        c = _bucket(base, buckets)
        rewrite.setdefault(c, (set(), []))[0].add(base)
    for m, r in raw.items():
        rewrite[_bucket(id_base(m), buckets)][1].append([id_base(m), m, label_of[m], r, ids_of[m]])
    return ids_of, rewrite


def _rewrite_bases(url: str, bases: set[str], rows: list, out_url: str) -> None:
    """A bucket of the base index with the rows of ``bases`` replaced."""
    kept = [r for r in _read_rows(url) if r[0] not in bases]
    _write_text(out_url, "".join(json.dumps(r) + "\n" for r in sorted(kept + rows)))


# ------------------------------------------------------------------------- writing

def _staging(fs, root: str) -> tuple[str, str]:
    """The staged ``graph/`` and ``import/`` folders of this run."""
    return _url(fs, root, f".{GRAPH_DIR}.partial"), _url(fs, root, f".{IMPORT_DIR}.partial")


@contextmanager
def _open_out(url: str):
    """A file written under a temporary name and renamed when whole: an update rewrites
    files of the published folders in place."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    with fs.open(path + ".partial", "w", encoding="utf-8", newline="") as fh:
        yield fh
    fs.mv(path + ".partial", path)


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

    for name in (GRAPH_DIR, IMPORT_DIR, STATE_DIR):
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

