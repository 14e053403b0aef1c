"""The pipeline: the same bytes whatever --jobs and input order."""
from __future__ import annotations

from conftest import DEV_CORPUS

from kg.pipeline import build


def test_output_identical_across_jobs_and_input_order(tmp_path):
    files = sorted(str(p) for p in DEV_CORPUS.glob("*.txt"))[:8]
    one = build(files, tmp_path / "one", jobs=1)
    two = build(list(reversed(files)), tmp_path / "two", jobs=2)
    assert one.articles == two.articles == 8
    for name in ("graph.jsonl", "graph.graphml", "graph.cypher", "import/entities.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
