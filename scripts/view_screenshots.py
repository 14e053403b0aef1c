"""Regenerate the README's screenshots of `kg view` (headless system Chromium, playwright).

    python scripts/view_screenshots.py

examples/view.png: the bundled article (examples/ice-mistakes.txt), ICE clicked so the panel
lists its relations. examples/view-dev.png: the dev corpus (../shared/corpus/dev),
the connected story with unconnected entities hidden (the default).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV_CORPUS = REPO.parent / "shared" / "corpus" / "dev"
SIZE = {"width": 1600, "height": 1000}


def build(inputs: Path, out: Path) -> Path:
    """`kg build` then `kg view`, as a user runs them; the page's path."""
    kg = [sys.executable, "-m", "kg.cli"]
    subprocess.run([*kg, "build", str(inputs), "-o", str(out)], check=True, capture_output=True, cwd=REPO)
    subprocess.run([*kg, "view", str(out)], check=True, capture_output=True, cwd=REPO)
    return out / "graph.html"


def open_page(browser, page_path: Path):
    page = browser.new_page(viewport=SIZE)
    page.goto(page_path.as_uri())
    page.wait_for_function("document.body.dataset.layout === 'done'", timeout=120_000)
    page.wait_for_timeout(300)
    return page


def main() -> None:
    from playwright.sync_api import sync_playwright

    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    if not chromium:
        sys.exit("no Chromium found: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        article = open_page(browser, build(REPO / "examples" / "ice-mistakes.txt", Path(tmp) / "article"))
        # a click on ICE (no search: the camera stays on the whole story)
        ice = article.evaluate("kgView.graph.findNode((k, a) => a.entity.aliases.includes('ICE'))")
        at = article.evaluate(f"kgView.nodeOnPage({ice!r})")
        article.mouse.click(at["x"], at["y"])
        article.mouse.move(1, 1)
        article.wait_for_timeout(300)
        article.screenshot(path=str(REPO / "examples" / "view.png"))
        dev = open_page(browser, build(DEV_CORPUS, Path(tmp) / "dev"))
        dev.screenshot(path=str(REPO / "examples" / "view-dev.png"))
        browser.close()
    print("wrote examples/view.png and examples/view-dev.png")


if __name__ == "__main__":
    main()
