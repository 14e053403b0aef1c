"""Every .cypher file, and a generated graph.cypher, pass Neo4j's own parser; the Browser
style uses the GraphML palette."""
from __future__ import annotations

import re
import shutil
import subprocess


from conftest import REPO, ICE_ARTICLE

from kg.ontology import PALETTE

LINT = REPO / "scripts" / "cypher-lint"


def lint(paths):
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed for the Cypher lint (see README)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=LINT, check=True,
                       capture_output=True)
    return subprocess.run(["node", "lint.mjs", *map(str, paths)], cwd=LINT, capture_output=True,
                          text=True)


def test_repo_cypher_files_lint_clean():
    files = sorted((REPO / "cypher").rglob("*.cypher"))
    assert len(files) >= 8 + 7 + 1
    result = lint(files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": ok") == len(files)


def test_generated_script_lints_clean(tmp_path):
    from kg.io.exporters import write_cypher_script
    from kg.pipeline import build_graph

    path = tmp_path / "graph.cypher"
    write_cypher_script(build_graph([str(ICE_ARTICLE)]).graph, path)
    result = lint([path])
    assert result.returncode == 0, result.stdout


def test_lint_catches_an_error(tmp_path):
    bad = tmp_path / "bad.cypher"
    bad.write_text("MATCH (n RETURN n;\n", encoding="utf-8")
    assert lint([bad]).returncode == 1


def test_every_query_says_what_it_answers():
    for path in (REPO / "cypher" / "queries").glob("*.cypher"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("// ") and ":" in first, path.name


def test_style_grass_matches_the_palette():
    text = (REPO / "cypher" / "style.grass").read_text(encoding="utf-8")
    for label, color in PALETTE.items():
        block = re.search(r"node\." + label + r" \{(.*?)\}", text, re.S)
        assert block, label
        assert f"color: {color};" in block.group(1)
    assert "caption: '{name}'" in text and "caption: '<type>'" in text
