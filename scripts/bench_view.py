"""How fast `kg view` opens a big graph: 10,000 entities and 20,000 relations by default.

    python scripts/bench_view.py                       # 3 runs, one table
    python scripts/bench_view.py --entities 2000 --relations 4000 --repeat 5

Builds a synthetic graph shaped like kg's (entity labels, relations with evidence, dates
and articles, a few hubs), writes the page, opens it in headless Chromium (the system one,
driven by playwright) and measures, per run in a fresh page: navigation to
``document.body.dataset.rendered`` (first frame drawn), navigation to the end of the
ForceAtlas2 layout, a search (type a name, press Enter, the panel shows it) and a click on
that entity (the panel reopens).
"""
from __future__ import annotations

import argparse
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
    start = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_function("document.body.dataset.rendered === 'true'", timeout=60_000, polling=10)
    rendered = time.perf_counter() - start
    page.wait_for_function("document.body.dataset.layout === 'done'", timeout=120_000, polling=10)
    layout = time.perf_counter() - start

    t = time.perf_counter()
    page.locator("#search").fill(name)
    page.locator("#search").press("Enter")
    page.wait_for_function(f"document.querySelector('#panel h2')?.textContent === {name!r}", polling=10)
    search = time.perf_counter() - t

    page.locator("#panel-close").click()
    page.wait_for_timeout(500)  # the camera's move to the entity
    at = page.evaluate(f"kgView.nodeOnPage({node!r})")
    t = time.perf_counter()
    page.mouse.click(at["x"], at["y"])
    page.wait_for_function("!document.getElementById('panel').hidden", polling=10)
    click = time.perf_counter() - t
    if errors:
        raise RuntimeError(errors)
    page.close()
    return {"rendered": rendered, "layout": layout, "search": search, "click": click}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    graph = synthetic_graph(args.entities, args.relations)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.html"
        t = time.perf_counter()
        write_view(graph, path, "bench")
        written = time.perf_counter() - t
        data = view_data(graph)
        hub = max(data["nodes"], key=lambda n: n["degree"])
        print(f"{args.entities} entities, {args.relations} relations; page "
              f"{path.stat().st_size / 1e6:.1f} MB written in {written:.2f} s; "
              f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, headless Chromium")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox"])
            runs = [measure(browser, path, hub["name"], hub["id"]) for _ in range(args.repeat)]
            browser.close()
    print()
    print("| run | first frame (`rendered`) | layout done | search → panel | click → panel |")
    print("|---|---|---|---|---|")
    for i, r in enumerate(runs, 1):
        print(f"| {i} | {r['rendered']:.2f} s | {r['layout']:.2f} s | {r['search']:.2f} s | {r['click']:.2f} s |")
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"| median | {med['rendered']:.2f} s | {med['layout']:.2f} s | {med['search']:.2f} s | {med['click']:.2f} s |")


if __name__ == "__main__":
    main()
