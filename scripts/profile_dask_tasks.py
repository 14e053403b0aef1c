"""Which Dask task's memory grows with the corpus: workers' RSS sampled every 10 ms,
charged to the task prefixes running at that moment.

    python scripts/profile_dask_tasks.py --seed SEED_PARTS_DIR 10000 30000

Each size replays SEED's parts (``bench.replay_parts``) as one stored run and resolves and
writes it on a LocalCluster of 2 workers (restarted between sizes). Prints, per task
prefix, the highest worker RSS seen while it ran, its largest rise over the RSS at its
start, and the most data the worker held meanwhile, in MiB.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


from distributed import WorkerPlugin  # noqa: E402


class TaskMemory(WorkerPlugin):
    """A worker plugin: per task prefix, (peak RSS, largest rise) while it runs."""

    name = "kg-task-memory"

    def setup(self, worker):
        import psutil
        from dask.utils import key_split

        self.worker, self.proc, self.key_split = worker, psutil.Process(), key_split
        self.start: dict = {}
        self.seen: dict[str, list[float]] = {}
        self.stop = False
        threading.Thread(target=self._sample, daemon=True).start()

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing":
            self.start[key] = self.proc.memory_info().rss
        elif start == "executing":
            self.start.pop(key, None)

    def _sample(self):
        while not self.stop:
            rss = self.proc.memory_info().rss
            held = self.worker.state.nbytes  # managed memory: the results it keeps
            for key, base in list(self.start.items()):
                prefix = self.key_split(key)
                peak, rise, managed = self.seen.get(prefix, [0.0, 0.0, 0.0])
                self.seen[prefix] = [max(peak, rss / 2**20), max(rise, (rss - base) / 2**20),
                                     max(managed, held / 2**20)]
            time.sleep(0.01)


def report(dask_worker):
    plugin = dask_worker.plugins["kg-task-memory"]
    return plugin.seen


def main() -> None:
    from bench import replay_parts
    from dask.distributed import Client, LocalCluster

    from kg.scale import dask_build

    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=Path, required=True)
    parser.add_argument("sizes", type=int, nargs="+")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, \
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        for k in args.sizes:
            client.restart()
            client.register_plugin(TaskMemory())
            out = Path(tmp) / f"p{k}"
            replay_parts(args.seed, k, out)
            start = time.perf_counter()
            dask_build([], str(out), scheduler=cluster.scheduler_address, update=True, max_graph_nodes=0)
            seconds = time.perf_counter() - start
            merged: dict[str, list[float]] = {}
            for seen in client.run(report).values():
                for prefix, values in seen.items():
                    old = merged.get(prefix, [0.0, 0.0, 0.0])
                    merged[prefix] = [max(a, b) for a, b in zip(old, values)]
            print(f"--- {k} articles, {seconds:.0f} s; task prefix: peak RSS, largest rise during "
                  f"one task, most data held by the worker meanwhile (MiB)")
            for prefix, (peak, rise, held) in sorted(merged.items(), key=lambda kv: -kv[1][0])[:12]:
                print(f"  {prefix[:40]:40} {peak:7.0f} {rise:7.0f} {held:7.0f}")


if __name__ == "__main__":
    main()
