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


def test_a_text_longer_than_the_model_takes_is_parsed_in_windows(nlp):
    from kg.extract import parse_in_windows

    text = ("The FBI arrested John Smith in Denver on Monday.\n\n"
            "Police in Ohio detained Maria Lopez. She was released later.\n\n") * 3
    doc = parse_in_windows(nlp, text, size=70)
    assert doc.text == text  # offsets are the article's own
    assert [(e.text, e.start_char) for e in doc.ents if e.label_ == "AGENCY"] == \
        [("FBI", 4), ("FBI", 116), ("FBI", 228)]
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)


def _kg(*args):
    import subprocess
    import sys

    from conftest import REPO
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _article_ids(folder):
    import json
    lines = (folder / "graph.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(json.loads(line)["properties"]["article_id"] for line in lines
                  if '"Article"' in line and '"node"' in line)


def test_two_updates_into_one_folder_at_once_both_land(tmp_path):
    texts = {"one": "The FBI arrested John Smith in Denver.", "two": "Police detained Ana Diaz.",
             "three": "The SEC sued Acme Corp on Monday."}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    first = _kg("build", str(tmp_path / "one.txt"), "-o", str(out))
    assert first.wait(timeout=300) == 0
    runs = [_kg("build", str(tmp_path / f"{name}.txt"), "-o", str(out), "--update")
            for name in ("two", "three")]
    assert [run.wait(timeout=300) for run in runs] == [0, 0], [run.stderr.read() for run in runs]
    assert _article_ids(out) == ["one", "three", "two"]


KILL_AT = """
import os, sys
import kg.io.exporters as ex, kg.io.parts as parts, kg.pipeline as pipeline
from kg.cli import main
target = sys.argv[1]
def dying(real):
    def write(*args, **kwargs):
        path = args[1]
        if target == "kg-parts.jsonl":  # stage_parts(parts, folder)
            path = os.path.join(path, ".kg-parts.jsonl.partial")
        with open(path if not str(path).endswith("import.partial") else os.devnull, "w") as fh:
            fh.write("half a fil")
        os._exit(9)
    return write
if target == "kg-parts.jsonl":
    pipeline.stage_parts = dying(parts.stage_parts)
else:
    ex.WRITERS[target] = dying(ex.WRITERS[target])
sys.argv = ["kg", "build", *sys.argv[2:]]
main()
"""


def test_a_build_killed_at_any_write_loses_nothing(tmp_path):
    import subprocess
    import sys

    from conftest import REPO
    from kg.io.exporters import WRITERS
    from lxml import etree

    (tmp_path / "one.txt").write_text("The FBI arrested John Smith in Denver.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Police detained Ana Diaz on Monday.", encoding="utf-8")
    out = tmp_path / "out"
    assert _kg("build", str(tmp_path / "one.txt"), "-o", str(out)).wait(timeout=300) == 0
    for target in [*WRITERS, "kg-parts.jsonl"]:
        killed = subprocess.run([sys.executable, "-c", KILL_AT, target, str(tmp_path / "two.txt"),
                                 "-o", str(out), "--update"], cwd=REPO, capture_output=True, timeout=300)
        assert killed.returncode == 9, (target, killed.stderr)
        assert _article_ids(out) == ["one"], target  # the earlier outputs are whole
        etree.parse(str(out / "graph.graphml"))
        assert (out / "kg-parts.jsonl").read_text(encoding="utf-8").count("\n") == 1, target
    assert _kg("build", str(tmp_path / "two.txt"), "-o", str(out), "--update").wait(timeout=300) == 0
    assert _article_ids(out) == ["one", "two"]


def test_an_article_longer_than_the_model_takes_builds(nlp, monkeypatch):
    from kg.extract import extract_articles
    from kg.model import Article

    text = "The FBI arrested John Smith in Denver on Monday. " * 12  # 600 characters
    monkeypatch.setattr(nlp, "max_length", 200)
    short = Article(id="short", text="Police detained Ana Diaz.", date="2026-01-21")
    parts = list(extract_articles(nlp, [short, Article(id="long", text=text, date="2026-01-21"), short]))
    assert [p.article.id for p in parts] == ["short", "long", "short"]
    long_part = parts[1]
    assert {(r.type, long_part.entities[r.target].name) for r in long_part.relations
            if r.type == "ARRESTED"} == {("ARRESTED", "John Smith")}
    smith = next(e for e in long_part.entities.values() if e.name == "John Smith")
    assert smith.mentions == 12  # every window parsed, none lost
