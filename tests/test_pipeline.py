"""The pipeline: the same bytes whatever --jobs and input order."""
from __future__ import annotations

from conftest import DEV_CORPUS

from kg.pipeline import build


def test_output_identical_across_jobs_and_input_order(tmp_path):
    files = sorted(str(p) for p in DEV_CORPUS.glob("*.txt"))[:8]
    one = build(files, tmp_path / "one", jobs=1)
    two = build(list(reversed(files)), tmp_path / "two", jobs=2)
    assert one.articles == two.articles == 8
    # with two jobs a forked process writes GEXF and the CSVs: the same bytes
    for name in ("graph.jsonl", "graph.graphml", "graph.gexf", "graph.cypher",
                 "import/entities.csv", "import/rel_entity_entity.csv", "kg-parts.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert set(two.export_seconds) >= {"graph.gexf", "import", "kg-parts.jsonl"}


def test_extracted_parts_hold_no_article_text(tmp_path):
    """Memory grows with the graph, not the corpus: a part keeps the text's hash only."""
    files = sorted(str(p) for p in DEV_CORPUS.glob("*.txt"))[:3]
    result = build(files, tmp_path / "out", jobs=2)
    assert len(result.parts) == 3
    assert all(p.article.text == "" and len(p.text_hash) == 40 for p in result.parts)


def test_update_on_two_halves_equals_one_build(tmp_path):
    files = sorted(str(p) for p in DEV_CORPUS.glob("*.txt"))[:6]
    build(files, tmp_path / "whole")
    build(files[:3], tmp_path / "halves")
    second = build(files[2:], tmp_path / "halves", update=True)
    assert second.articles == 3 and second.unchanged == 1  # files[2] was already there
    for name in ("graph.jsonl", "graph.graphml", "graph.cypher", "kg-parts.jsonl"):
        assert (tmp_path / "whole" / name).read_bytes() == (tmp_path / "halves" / name).read_bytes(), name


def test_update_rebuilds_a_changed_article(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The FBI arrested John Smith in Denver.", encoding="utf-8")
    build([str(story)], tmp_path / "out")
    story.write_text("The FBI arrested Jane Roe in Denver.", encoding="utf-8")
    again = build([str(story)], tmp_path / "out", update=True)
    assert again.articles == 1 and again.unchanged == 0
    names = {d.get("name") for _, d in again.graph.nodes(data=True)}
    assert "Jane Roe" in names and "John Smith" not in names


def test_dask_engine_on_a_local_cluster_matches_the_local_engine(tmp_path):
    files = sorted(str(p) for p in DEV_CORPUS.glob("*.txt"))[:6]
    local = build(files, tmp_path / "local")
    remote = build(files, tmp_path / "dask", engine="dask")
    assert remote.articles == local.articles == 6
    for name in ("graph.jsonl", "graph.graphml", "graph.cypher", "kg-parts.jsonl"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def test_a_text_longer_than_the_model_takes_is_parsed_in_windows(nlp):
    from kg.extract import parse_in_windows

    text = ("The FBI arrested John Smith in Denver on Monday.\n\n"
            "Police in Ohio detained Maria Lopez. She was released later.\n\n") * 3
    doc = parse_in_windows(nlp, text, size=70)
    assert doc.text == text  # offsets are the article's own
    assert [(e.text, e.start_char) for e in doc.ents if e.label_ == "AGENCY"] == \
        [("FBI", 4), ("FBI", 116), ("FBI", 228)]
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
