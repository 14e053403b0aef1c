"""The whole build on a Dask cluster (``kg.scale``): the local engine's graph, from
partitions written by the workers; a day added with --update; duplicate ids; a killed
worker; a rerun after a killed build; a graph too big for the one-file outputs."""
from __future__ import annotations

import csv
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from conftest import DEV_CORPUS

from click.testing import CliRunner

from kg.cli import main
from kg.neo4j.cypher import stream_plan
from kg.pipeline import build
from kg.scale import graph_partitions

distributed = pytest.importorskip("dask.distributed")

ONE_FILE = ("graph.jsonl", "graph.graphml", "graph.gexf", "graph.cypher")
CSV_KINDS = ("entities", "articles", "quotes", "rel_entity_entity", "rel_entity_quote",
             "rel_article_entity", "rel_article_quote")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as running:
        yield running


@pytest.fixture(scope="module")
def files():
    return sorted(str(p) for p in DEV_CORPUS.glob("*.txt"))[:6]


@pytest.fixture(scope="module")
def local(files, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    build(files, out)
    return out


def lines_of(paths) -> list[str]:
    return sorted(line for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines())


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_dask_build_writes_the_local_graph_from_partitions(cluster, files, local, tmp_path):
    out = tmp_path / "dask"
    result = build(files, out, engine="dask", scheduler=cluster.scheduler_address)
    assert result.articles == 6
    for name in ONE_FILE:  # read back once on the client: the same bytes
        assert (out / name).read_bytes() == (local / name).read_bytes(), name
    assert result.nodes_by_label() == build_counts(local)
    # the partitions the workers wrote are the graph, line for line
    partitions = graph_partitions(out)
    assert [p.name for p in partitions] == ["entities-00000.jsonl", "articles-00000.jsonl"]
    assert lines_of(partitions) == lines_of([local / "graph.jsonl"])
    for kind in CSV_KINDS:  # neo4j-admin: a header file, then the parts
        header, *rows = csv_rows(local / "import" / f"{kind}.csv")
        assert csv_rows(out / "import" / f"{kind}-header.csv") == [header]
        parts = sorted((out / "import").glob(f"{kind}-0*.csv"))
        assert sorted(r for p in parts for r in csv_rows(p)) == sorted(rows), kind
    assert json.loads((out / "parts" / "runs.json").read_text()) == [1]


def build_counts(folder: Path):
    from collections import Counter

    from kg.io.exporters import read_jsonl
    from kg.ontology import primary_label

    return Counter(primary_label(d["labels"]) for _, d in read_jsonl(folder / "graph.jsonl").nodes(data=True))


def test_update_adds_a_day_as_new_partitions(cluster, files, local, tmp_path):
    out = tmp_path / "dask"
    build(files[:4], out, engine="dask", scheduler=cluster.scheduler_address)
    again = build(files[3:], out, engine="dask", scheduler=cluster.scheduler_address, update=True)
    assert again.articles == 6  # files[3] is in both days: built once
    assert again.resolved == "every partition (a new article replaces a stored one)"
    assert (out / "graph.jsonl").read_bytes() == (local / "graph.jsonl").read_bytes()
    assert json.loads((out / "parts" / "runs.json").read_text()) == [1, 2]
    assert [p.name[:11] for p in sorted((out / "parts").glob("run-*.jsonl"))] == ["run-000001-", "run-000002-"]


def test_duplicate_article_ids_as_the_local_engine_treats_them(cluster, tmp_path):
    shard = tmp_path / "wire.jsonl"
    rows = [{"id": "a1", "text": "The FBI arrested John Smith in Denver."},
            {"id": "a1", "text": "The FBI arrested John Smith in Denver."},
            {"id": "a1", "text": "Police in Austin detained Mary Jones."}]
    shard.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    problems_local, problems_dask = [], []
    build([str(shard)], tmp_path / "local", problems=problems_local)
    result = build([str(shard)], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                   problems=problems_dask)
    assert result.articles == 2
    assert [str(p) for p in problems_dask] == [str(p) for p in problems_local]
    assert len(problems_dask) == 2
    assert (tmp_path / "dask" / "graph.jsonl").read_bytes() == (tmp_path / "local" / "graph.jsonl").read_bytes()


def test_a_worker_killed_mid_run_changes_nothing(cluster, files, local, tmp_path):
    client = distributed.Client(cluster)
    killed = []

    def kill_a_busy_worker():
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy:
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(pid, signal.SIGKILL)  # the nanny starts a new worker process
                killed.append(busy[0])
            time.sleep(0.05)
    killer = threading.Thread(target=kill_a_busy_worker)
    killer.start()
    try:
        result = build(files, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                       files_per_task=1)
    finally:
        killer.join()
        client.close()
    assert len(killed) == 1
    assert result.articles == 6
    assert (tmp_path / "dask" / "graph.jsonl").read_bytes() == (local / "graph.jsonl").read_bytes()


def test_a_rerun_after_a_killed_build_completes_without_duplicates(cluster, files, local, tmp_path):
    out = tmp_path / "dask"
    build(files, out, engine="dask", scheduler=cluster.scheduler_address)
    part = next((out / "parts").glob("run-*.jsonl"))
    written = part.stat().st_mtime_ns
    # as if killed after the extraction: the run not marked finished, no outputs yet, and
    # a partition that was still being written
    for name in ("parts/runs.json", "graph.jsonl", "graph.graphml"):
        (out / name).unlink()
    (out / "parts" / "run-000001-0000000000000000.jsonl.partial").write_text("{", encoding="utf-8")
    result = build(files, out, engine="dask", scheduler=cluster.scheduler_address)
    assert result.articles == 6
    assert part.stat().st_mtime_ns == written  # the finished partition was kept, not redone
    assert (out / "graph.jsonl").read_bytes() == (local / "graph.jsonl").read_bytes()
    assert lines_of(graph_partitions(out)) == lines_of([local / "graph.jsonl"])


def test_a_graph_over_the_limit_stays_in_partitions(cluster, files, local, tmp_path):
    out = tmp_path / "dask"
    out.mkdir()
    (out / "graph.jsonl").write_text("stale\n", encoding="utf-8")
    result = build(files, out.as_uri(), engine="dask", scheduler=cluster.scheduler_address,
                   max_graph_nodes=5)  # an fsspec URL for the folder
    assert result.graph is None
    counts = build_counts(local)
    entities = sum(n for label, n in counts.items() if label not in ("Article", "Quote"))
    assert result.skipped_outputs == f"{entities} entities, more than --max-graph-nodes 5"
    assert not any((out / name).exists() for name in ONE_FILE)
    # `kg load DIR` streams the partitions: the rows the one file would give
    def plan(paths):
        return sorted(json.dumps([step.name, step.rows], sort_keys=True)
                      for step in stream_plan(paths, batch_size=1))
    assert plan(graph_partitions(out)) == plan(local / "graph.jsonl")
    # the commands that need the one file say where the graph is, in one line
    stats = CliRunner().invoke(main, ["stats", str(out)])
    assert stats.exit_code == 1
    assert stats.output == (f"kg: {out}: built on Dask with more entities than --max-graph-nodes, "
                            "so its graph is in graph/ partitions only; use `kg load "
                            f"{out}` and Neo4j, or rebuild with a larger --max-graph-nodes\n")


def test_many_partitions_resolve_through_disk_backed_shuffles(cluster, files, local, tmp_path,
                                                              monkeypatch):
    """Above IN_MEMORY_PARTITIONS the tables are not kept on the workers and the shuffles are
    p2p (disk-backed): the same graph."""
    import kg.scale

    monkeypatch.setattr(kg.scale, "IN_MEMORY_PARTITIONS", 1)
    out = tmp_path / "dask"
    result = build(files, out, engine="dask", scheduler=cluster.scheduler_address, files_per_task=2)
    assert result.articles == 6
    assert len(list((out / "parts").glob("run-*.jsonl"))) == 3
    assert (out / "graph.jsonl").read_bytes() == (local / "graph.jsonl").read_bytes()
    assert lines_of(graph_partitions(out)) == lines_of([local / "graph.jsonl"])


def test_key_states_fold_as_merge_entity_does_in_any_grouping():
    """The per-partition states of one key, combined in any order and grouping, give the
    node ``merge_entity`` folds in article id order: the most specific label, the first
    title, a Place's first name unless a non-Place entity's name is fuller."""
    import random

    from kg.graph import merge_entity
    from kg.model import LocalEntity
    from kg.ontology import ENTITY_LABELS
    from kg.scale import _combine, _entity_state, _fuller

    seen = [  # (article id, position, entity)
        ("a3", 0, LocalEntity("k", "Place", "Springfield", {"Springfield"}, 2)),
        ("a1", 0, LocalEntity("k", "Place", "Sprngfld", {"Sprngfld", "SF"}, 1)),
        ("a1", 1, LocalEntity("k", "Organization", "SF", {"SF"}, 1, title="")),
        ("a7", 2, LocalEntity("k", "Agency", "Springfield Police", {"SPD"}, 3, title="Chief")),
        ("a5", 0, LocalEntity("k", "Place", "Springfield, Illinois", set(), 1)),
        ("a9", 4, LocalEntity("k", "Organization", "Springfield Polic", set(), 1, title="Head")),
    ]
    expected: dict = {}
    for article, _, entity in sorted(seen, key=lambda s: (s[0], s[1])):
        merge_entity(expected, entity, article)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = seen[:]
        rng.shuffle(shuffled)
        cut = rng.randrange(1, len(seen))
        halves = []
        for chunk in (shuffled[:cut], shuffled[cut:]):
            state = None
            for article, epos, entity in chunk:
                state = _combine(state, _entity_state(entity, article, epos))
            halves.append(state)
        state = _combine(halves[1], halves[0])
        got = {"_label": ENTITY_LABELS[state["rank"]], "aliases": state["aliases"],
               "mentions": state["mentions"], "articles": state["articles"],
               "name": _fuller(state["first"][2], state["best"]), "title": state["title"][2]}
        assert got == expected


def test_a_partition_sends_one_state_per_key_to_the_shuffle(tmp_path):
    """However many of a partition's articles name a key, the shuffle gets one row for it
    (a heavy key costs a row per partition, not per mention); a dropped article adds nothing."""
    from dataclasses import replace

    from conftest import hand_made_parts

    from kg.io.exporters.jsonl import encode_line
    from kg.io.parts import part_to_json
    from kg.pipeline import renamed
    from kg.scale import _key_states

    parts = [renamed(part, f"{part.article.id}-{n}") for n in range(3) for part in hand_made_parts()]
    parts = [replace(p, text_hash=p.text_hash or "h") for p in parts]
    path = tmp_path / "run-000001-0000000000000000.jsonl"
    path.write_text("".join(encode_line(part_to_json(p)) + "\n" for p in parts), encoding="utf-8")
    states = _key_states((4, str(path), {5: ""}, 1))  # the sixth article (art-2-2) dropped
    assert sorted(states.global_key) == ["body:department of justice", "group:protesters",
                                         "person:jane roe", "person:roe", "place:ohio"]
    row = states.set_index("global_key").loc["person:jane roe"]
    assert (row.pidx, row.group, row.mentions, row.articles, row.title) == (
        4, "s:roe", 3, ["art-1-0", "art-1-1", "art-1-2"], "Governor")
    assert states.set_index("global_key").loc["person:roe"].articles == ["art-2-0", "art-2-1"]
    assert states.set_index("global_key").loc["place:ohio"].group == "k:place:ohio"


def test_an_update_rewrites_only_the_buckets_its_keys_land_in(cluster, files, local, tmp_path,
                                                              monkeypatch):
    """--update resolves the new partitions' keys against the stored state: the outputs of
    untouched buckets and of the stored partitions keep their bytes and times, and the
    graph is the one a build of every article gives."""
    import kg.scale

    monkeypatch.setattr(kg.scale, "MIN_BUCKETS", 16)  # buckets to spare for a day's keys
    out = tmp_path / "dask"
    build(files[:5], out, engine="dask", scheduler=cluster.scheduler_address, files_per_task=1)
    published = sorted((out / "graph").glob("*.jsonl")) + sorted((out / "import").glob("*.csv"))
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in published}
    result = build(files[5:], out, engine="dask", scheduler=cluster.scheduler_address, files_per_task=1,
                   update=True)
    assert result.articles == 6
    touched = int(result.resolved.split()[0])
    assert result.resolved == f"{touched} of 16 buckets (the new partitions' keys)"
    assert 0 < touched < 16
    assert (out / "graph.jsonl").read_bytes() == (local / "graph.jsonl").read_bytes()
    assert lines_of(graph_partitions(out)) == lines_of([local / "graph.jsonl"])
    kept = sorted(p.name for p, (mtime, data) in before.items()
                  if p.stat().st_mtime_ns == mtime and p.read_bytes() == data)
    changed = sorted(p.name for p in before if p.name not in kept)
    assert [n for n in changed if not n.startswith("entities-")] == []  # stored articles untouched
    assert len({n.split(".")[0] for n in changed}) == touched
    assert len(list((out / "graph").glob("articles-*.jsonl"))) == 6
    assert json.loads((out / "state" / "meta.json").read_text())["parts"] == sorted(
        p.name for p in (out / "parts").glob("run-*.jsonl"))


def test_an_update_that_moves_a_stored_key_resolves_everything(cluster, tmp_path):
    """A day that adds a second Smith takes the bare "Smith" of a stored article away from
    John Smith: that article's relations change, so the whole store is re-resolved; the
    graph is the local engine's over both days."""
    rows = [{"id": "d1", "text": "The FBI arrested John Smith in Denver on Monday. Prosecutors charged him with fraud."},
            {"id": "d3", "text": "Smith was charged with fraud by prosecutors in Denver, the FBI said."},
            {"id": "d2", "text": "Police in Austin detained Jane Smith on Tuesday. The FBI said she had fled Denver."}]
    day1, day2 = tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"
    day1.write_text("".join(json.dumps(r) + "\n" for r in rows[:2]), encoding="utf-8")
    day2.write_text(json.dumps(rows[2]) + "\n", encoding="utf-8")
    build([str(day1), str(day2)], tmp_path / "local")
    out = tmp_path / "dask"
    build([str(day1)], out, engine="dask", scheduler=cluster.scheduler_address)
    result = build([str(day2)], out, engine="dask", scheduler=cluster.scheduler_address, update=True)
    assert result.resolved == "every partition (a stored key's node changes)"
    assert (out / "graph.jsonl").read_bytes() == (tmp_path / "local" / "graph.jsonl").read_bytes()


def test_new_ids_give_the_full_builds_ids_or_say_what_changes():
    """``_new_ids`` from a touched bucket's nodes and the stored id-base index: a new key
    beside a stored one of the same base, an id two bases reach, a stored node's id taken."""
    from kg.scale import _bucket, _new_ids

    def run(stored, before, after):
        def read_bases(c, wanted):
            return [r for r in stored if r[0] in wanted and _bucket(r[0], 4) == c]
        return _new_ids([(before, after)], 4, read_bases)

    stored = [["acme", "person:acme", "Person", "acme", "acme"],
              ["acme_org", "org:acme org", "Organization", "acme_org", "acme_org"]]
    # "org:acme" is new: base acme gives it acme_org, which base acme_org has too, so the
    # new one (not its own base) is told apart by a hash, as _with_node_ids does
    ids, rewrite = run(stored, {}, {"org:acme": ("acme", "Organization", ["org:acme"])})
    assert ids == {"person:acme": "acme", "org:acme": f"acme_org_{_sha('org:acme')}"}
    assert {c: sorted(rows) for c, (_, rows) in rewrite.items()} == {_bucket("acme", 4): [
        ["acme", "org:acme", "Organization", "acme_org", f"acme_org_{_sha('org:acme')}"],
        ["acme", "person:acme", "Person", "acme", "acme"]]}
    # a new Official "official:acme"? no: a Person key's more specific label takes the bare id
    stored = [["acme", "org:acme", "Organization", "acme", "acme"]]
    assert run(stored, {}, {"person:acme": ("acme", "Person", ["person:acme"])}) == "node acme changes"
    # a stored node whose label changes
    stored = [["roe", "person:roe", "Person", "roe", "roe"]]
    before = {"person:roe": ("Person", "roe", ["person:roe"])}
    assert run(stored, before, {"person:roe": ("roe", "Official", ["person:roe"])}) == "node roe changes"
    assert run(stored, before, {"person:roe": ("roe", "Person", ["person:roe"])}) == (
        {"person:roe": "roe"}, {_bucket("roe", 4): ({"roe"}, [["roe", "person:roe", "Person", "roe", "roe"]])})


def _sha(key: str) -> str:
    import hashlib

    return hashlib.sha1(key.encode()).hexdigest()[:6]


@pytest.mark.parametrize("damage, why", [
    ("unfinished", "an earlier --update did not finish"),
    ("missing", "a stored state file is missing"),
    ("unreadable", "the stored state is unreadable"),
])
def test_an_update_over_damaged_state_resolves_everything(cluster, files, local, tmp_path, damage, why):
    """A killed --update (its unfinished mark left), a lost state file or an unreadable index:
    the next --update resolves every partition and the graph is the local engine's."""
    out = tmp_path / "dask"
    build(files[:5], out, engine="dask", scheduler=cluster.scheduler_address, files_per_task=1)
    meta_path = out / "state" / "meta.json"
    meta = json.loads(meta_path.read_text())
    if damage == "unfinished":
        meta_path.write_text(json.dumps({**meta, "unfinished_update": True}))
    elif damage == "missing":
        (out / "state" / next(iter(meta["files"]["keys"].values()))).unlink()
    else:
        meta_path.write_text("{not json")
    result = build(files[5:], out, engine="dask", scheduler=cluster.scheduler_address,
                   files_per_task=1, update=True)
    assert result.resolved == f"every partition ({why})"
    assert (out / "graph.jsonl").read_bytes() == (local / "graph.jsonl").read_bytes()
    assert "unfinished_update" not in json.loads(meta_path.read_text())


@pytest.mark.parametrize("raised, code", [
    (PermissionError(13, "Permission denied"), "E104"),
    (type("KilledWorker", (Exception,), {})("Attempted to run task ('extract', 3) on 4 different workers"), "E106"),
])
def test_a_dask_fault_is_one_coded_line(tmp_path, monkeypatch, raised, code):
    import kg.scale
    from kg.errors import EnvironmentFault

    def fail(*args, **kwargs):
        raise raised
    monkeypatch.setattr(kg.scale, "dask_build", fail)
    with pytest.raises(EnvironmentFault) as info:
        build([str(tmp_path)], tmp_path / "out", engine="dask")
    assert info.value.code == code and info.value.exit_code == 2
    assert "\n" not in str(info.value)
