"""How fast `kg view` opens a big graph: 10,000 entities and 20,000 relations by default.

    python scripts/bench_view.py                       # 3 runs, one table
    python scripts/bench_view.py --entities 2000 --relations 4000 --repeat 5
    git show 1c20e54:kg/static/kg-view.js > /tmp/old.js   # an older build
    python scripts/bench_view.py --repeat 5 --baseline /tmp/old.js   # old and new, interleaved

Builds a synthetic graph shaped like kg's (entity labels, relations with evidence, dates
and articles, a few hubs), writes the page, opens it in headless Chromium (the system one,
driven by playwright, no flags but --no-sandbox: its WebGL is SwiftShader, software) and
measures, per run in a fresh page: navigation to ``document.body.dataset.rendered`` (first
frame drawn); then at once, as a user would, a search (type the biggest hub's name, press
Enter, until the panel shows it: seconds, and seconds since navigation); a click on that
entity (the panel reopens); and navigation to the end of the layout (``dataset.layout``:
a big graph comes laid out by kg/view.py, its layout is done with the first frame; otherwise
an upper bound, read after the click). Each run notes the 1-minute load average.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.ontology import ENTITY_LABELS, labels_for  # noqa: E402
from kg.view import view_data, write_view  # noqa: E402

EVENT_TYPES = ["SHOT", "ARRESTED", "CHARGED", "SUED", "CRITICIZED", "INVESTIGATED", "ORDERED",
               "DEPLOYED", "PROTESTED", "HOLDS_OFFICE", "LOCATED_IN", "PART_OF"]


def synthetic_graph(entities: int, relations: int, articles: int = 500, seed: int = 7) -> nx.MultiDiGraph:
    """A kg-shaped graph; endpoints drawn with a preference for hubs, as in news."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for a in range(articles):
        graph.add_node(f"article_{a}", labels=["Article"], article_id=f"a{a}", title=f"Article {a}",
                       source=f"Source {a % 12}", date=f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}")
    ids = []
    for i in range(entities):
        label = ENTITY_LABELS[i % len(ENTITY_LABELS)]
        node = f"entity_{i}"
        graph.add_node(node, labels=labels_for(label), id=node, name=f"{label} {i}",
                       aliases=[f"{label} {i}"], mentions=1)
        ids.append(node)
    weights = [1 / (1 + i) ** 0.6 for i in range(entities)]  # a few hubs, a long tail
    sources = rng.choices(ids, weights, k=relations)
    targets = rng.choices(ids, weights, k=relations)
    for r, (s, t) in enumerate(zip(sources, targets)):
        if s == t:
            t = ids[(ids.index(t) + 1) % entities]
        a = rng.randrange(articles)
        graph.add_edge(s, t, key=f"r_{r}", type=rng.choice(EVENT_TYPES), article=f"a{a}",
                       date=f"2025-{1 + r % 12:02d}-{1 + r % 28:02d}" if r % 3 else "",
                       evidence=f"{graph.nodes[s]['name']} did something to {graph.nodes[t]['name']} "
                                f"on a day of the year, the article said in sentence {r}.")
    return graph


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    sys.exit("no Chromium found: apt-get install chromium")


def measure(browser, page_path: Path, name: str, node: str) -> dict:
    """Seconds from navigation to each milestone, in a fresh page."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    load = os.getloadavg()[0]
    start = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_function("document.body.dataset.rendered === 'true'", timeout=60_000, polling=10)
    rendered = time.perf_counter() - start
    laid_out = page.evaluate("document.body.dataset.layout") == "done"  # a big graph: from kg/view.py

    t = time.perf_counter()
    page.locator("#search").fill(name)
    page.locator("#search").press("Enter")
    page.wait_for_function(f"document.querySelector('#panel h2')?.textContent === {name!r}",
                           timeout=120_000, polling=10)
    search = time.perf_counter() - t
    searched = time.perf_counter() - start

    page.locator("#panel-close").click()
    page.wait_for_timeout(500)  # the camera's move to the entity
    at = page.evaluate(f"kgView.nodeOnPage({node!r})")
    t = time.perf_counter()
    page.mouse.click(at["x"], at["y"])
    page.wait_for_function("!document.getElementById('panel').hidden", timeout=120_000, polling=10)
    click = time.perf_counter() - t
    page.wait_for_function("document.body.dataset.layout === 'done'", timeout=120_000, polling=10)
    layout = rendered if laid_out else time.perf_counter() - start
    if errors:
        raise RuntimeError(errors)
    page.close()
    return {"rendered": rendered, "search": search, "searched": searched, "click": click,
            "layout": layout, "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another kg-view.js (an older build) to run "
                        "interleaved with this one, on the same data")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    graph = synthetic_graph(args.entities, args.relations)
    with tempfile.TemporaryDirectory() as tmp:
        pages = {"this build": Path(tmp) / "graph.html"}
        t = time.perf_counter()
        write_view(graph, pages["this build"], "bench")
        written = time.perf_counter() - t
        if args.baseline:
            pages["baseline"] = Path(tmp) / "baseline.html"
            text = pages["this build"].read_text(encoding="utf-8")
            head, rest = text.split("<script>", 1)
            pages["baseline"].write_text(head + "<script>" + args.baseline.read_text(encoding="utf-8")
                                         + "</script>" + rest.split("</script>", 1)[1], encoding="utf-8")
        data = view_data(graph)
        hub = max(data["nodes"], key=lambda n: n["degree"])
        print(f"{args.entities} entities, {args.relations} relations; page "
              f"{pages['this build'].stat().st_size / 1e6:.1f} MB written in {written:.2f} s; "
              f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, headless Chromium")
        runs = {name: [] for name in pages}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
            for _ in range(args.repeat):
                for name, path in pages.items():  # interleaved: the load drifts, both see it
                    runs[name].append(measure(browser, path, hub["name"], hub["id"]))
            browser.close()
    for name, rs in runs.items():
        print(f"\n{name}\n")
        print("| run | first frame (`rendered`) | search → panel (since navigation) | click → panel "
              "| layout done | load average |")
        print("|---|---|---|---|---|---|")
        rows = [(str(i), r) for i, r in enumerate(rs, 1)]
        rows.append(("median", {k: statistics.median(r[k] for r in rs) for k in rs[0]}))
        for label, r in rows:
            print(f"| {label} | {r['rendered']:.2f} s | {r['search']:.2f} s ({r['searched']:.2f} s) | "
                  f"{r['click']:.2f} s | {r['layout']:.2f} s | {r['load']:.1f} |")


if __name__ == "__main__":
    main()
