"""The command line: build writes every output, bad input is one line, eval prints a table."""
from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from conftest import ICE_ARTICLE, ICE_GOLD

from kg.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_build_writes_all_outputs_and_summary(tmp_path):
    out = tmp_path / "out"
    result = run("build", str(ICE_ARTICLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    for name in ("graph.jsonl", "graph.graphml", "graph.cypher", "import/entities.csv"):
        assert (out / name).exists(), name
    assert "articles: 1 built, 0 skipped" in result.output
    assert "Official 5" in result.output and "SUBPOENAED" in result.output
    lines = [json.loads(l) for l in (out / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {l["type"] for l in lines} == {"node", "relationship"}


def test_batch_with_bad_files_still_builds(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The Justice Department sued the city of Springfield on Monday.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    out = tmp_path / "out"
    result = run("build", str(tmp_path), "-o", str(out))
    assert result.exit_code == 0
    assert "articles: 1 built, 1 skipped" in result.output
    assert (out / "graph.jsonl").exists()


def test_strict_makes_a_skip_fatal(tmp_path):
    (tmp_path / "good.txt").write_text("The mayor spoke.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "out"), "--strict")
    assert result.exit_code == 1


def test_single_bad_file_exits_1_with_one_line_and_no_traceback(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(bad), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert lines[0].startswith(f"kg: skipped {bad}: empty file")
    assert lines[-1].startswith("kg: no input articles could be read")


def test_bad_date_option_is_usage_error(tmp_path):
    for value in ("21/01/2026", "2026-13-45", "2025-02-30"):
        result = run("build", str(ICE_ARTICLE), "-o", str(tmp_path), "--date", value)
        assert result.exit_code == 1, value
        assert result.output == f"kg: --date {value!r} is not an ISO date (YYYY-MM-DD)\n"


def test_hostile_text_and_metadata_build_with_one_line_each(tmp_path):
    from lxml import etree

    (tmp_path / "ctl.txt").write_text("The FBI arrested John\x0c Smith in Denver\x1b on Monday.\x0b",
                                      encoding="utf-8")
    (tmp_path / "date.txt").write_text("---\ndate: 2025-02-30\n---\nPolice arrested Tom Reed.",
                                       encoding="utf-8")
    (tmp_path / "meta.jsonl").write_text(json.dumps({"text": "The FBI arrested Ana Diaz.",
                                                     "title": ["x", "y"], "id": "j1"}) + "\n",
                                         encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles: 3 built, 0 skipped" in result.output
    warnings = sorted(line for line in result.output.splitlines() if line.startswith("kg: warning:"))
    assert warnings == [
        f"kg: warning: {tmp_path / 'date.txt'}: date '2025-02-30' is not a real date (YYYY-MM-DD); "
        "built without a date",
        f"kg: warning: {tmp_path / 'meta.jsonl'}:1: metadata field 'title' is not text; built "
        "without it (give a string)"]
    etree.parse(str(out / "graph.graphml"))  # control characters became spaces: XML parses
    nodes = [json.loads(line) for line in (out / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = {n["properties"]["article_id"]: n["properties"] for n in nodes
                if "Article" in n.get("labels", [])}
    assert sorted(articles) == ["ctl", "date", "j1"]
    assert "title" not in articles["j1"] and "date" not in articles["date"]


def test_eval_table_and_json():
    table = run("eval", str(ICE_GOLD))
    assert table.exit_code == 0
    assert "named (typed)" in table.output and "relations" in table.output
    data = json.loads(run("eval", str(ICE_GOLD), "--json").output)
    assert set(data["total"]) >= {"entities", "named_typed", "groups", "relations", "dates", "quotes"}


def test_eval_missing_gold_file(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "none.gold.json")])
    assert result.exit_code == 1 and "gold file not found" in result.output


def test_unwritable_output_folder_is_one_line_before_any_extraction(tmp_path, monkeypatch):
    import kg.pipeline

    def no_extraction(*args, **kwargs):
        raise AssertionError("extraction ran before the output folder was checked")
    monkeypatch.setattr(kg.pipeline, "build_graph", no_extraction)
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run("build", str(ICE_ARTICLE), "-o", str(blocker / "out"))
    assert result.exit_code == 1
    assert result.output == f"kg: {blocker / 'out'}: cannot write outputs (Not a directory); check the " \
        "folder's permissions\n"


def test_an_unknown_model_is_one_line_with_any_number_of_jobs(tmp_path):
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ICE_ARTICLE), "-o",
                               str(tmp_path / jobs), "--model", "no_such_model", "--jobs", jobs],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, (jobs, proc.stderr[-500:])
        assert "Traceback" not in proc.stderr
        assert "no_such_model" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_repeated_article_id_loses_no_article(tmp_path):
    for folder, text in (("a", "The FBI arrested John Smith in Denver."),
                         ("b", "Police in Ohio detained Maria Lopez on Monday."),
                         ("c", "The FBI arrested John Smith in Denver.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    lines = [json.dumps({"id": "w1", "text": t}) for t in ("Police arrested Tom Reed.", "Police arrested Ana Diaz.")]
    (tmp_path / "a" / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles: 4 built, 0 skipped" in result.output
    nodes = [json.loads(line) for line in (out / "graph.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = sorted(n["properties"]["article_id"] for n in nodes if "Article" in n.get("labels", []))
    assert [i.split("~")[0] for i in ids] == ["story", "story", "w1", "w1"] and len(set(ids)) == 4
    assert sum("kg: warning:" in line for line in result.output.splitlines()) == 3
