"""Readers: every input kind, ids, dates, and every bad-input case."""
from __future__ import annotations

import io
import json

from kg.model import Article, ReadProblem
from kg.io.readers import content_id, read_file, read_inputs, read_stdin


def only(results):
    results = list(results)
    assert len(results) == 1, results
    return results[0]


def test_text_with_front_matter(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("---\ntitle: \"A title\"\ndate: 2024-03-05\nsource: Wire\nurl: http://x\n---\n"
                    "The mayor spoke.\n", encoding="utf-8")
    article = only(read_file(path))
    assert isinstance(article, Article)
    assert (article.id, article.title, article.date, article.source, article.url) == \
        ("story", "A title", "2024-03-05", "Wire", "http://x")
    assert article.text == "The mayor spoke.\n"


def test_front_matter_id_wins_and_date_option_is_fallback(tmp_path):
    (tmp_path / "a.md").write_text("---\nid: custom-id\n---\nText here.", encoding="utf-8")
    (tmp_path / "b.md").write_text("No front matter at all.", encoding="utf-8")
    a, b = list(read_inputs([str(tmp_path)], default_date="2020-01-02"))
    assert a.id == "custom-id" and a.date == "2020-01-02"
    assert b.id == "b" and b.text == "No front matter at all."


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "one", "text": "First story.", "date": "2023-01-01", "title": "T"}),
             "{not json",
             json.dumps({"id": "two"}),
             "",
             json.dumps({"text": "Third story."})]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(read_file(path))
    assert [type(r).__name__ for r in results] == ["Article", "ReadProblem", "ReadProblem", "Article"]
    assert results[0].id == "one" and results[0].date == "2023-01-01"
    assert results[1].where.endswith("feed.jsonl:2") and "malformed JSON" in results[1].message
    assert results[2].where.endswith("feed.jsonl:3") and '"text"' in results[2].message
    assert results[3].id == content_id("Third story.")


def test_html_main_text_and_metadata(tmp_path):
    html = ("<html><head><title>Judge orders release</title>"
            "<meta property='article:published_time' content='2024-02-06T10:00:00Z'></head>"
            "<body><nav>Home | Sports | Weather</nav><article><h1>Judge orders release</h1>"
            "<p>A federal judge ordered the release of a detained journalist on Monday, "
            "according to court papers filed in the case.</p><p>The Justice Department "
            "said it would appeal the ruling, which it called a serious mistake.</p></article>"
            "<footer>Copyright 2024 Example Media</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = only(read_file(path))
    assert isinstance(article, Article)
    assert article.title == "Judge orders release"
    assert article.date == "2024-02-06"
    assert "Justice Department said it would appeal" in article.text
    assert "Copyright" not in article.text and "Weather" not in article.text


def test_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Aye.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["a", "z"]


def test_glob(tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path / "*.txt")])]
    assert ids == ["one", "two"]


def test_stdin_article():
    article = only(read_stdin(stream=io.BytesIO(b"---\ntitle: From a pipe\n---\nBody text.")))
    assert article.title == "From a pipe" and article.text == "Body text."
    assert article.id == content_id("Body text.")


def test_bad_inputs_each_give_one_problem(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02hello")
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "yaml.md").write_text("---\ntitle: [unclosed\n---\nText", encoding="utf-8")
    (tmp_path / "data.pdf").write_bytes(b"%PDF-1.4")
    inputs = [str(tmp_path / n) for n in ("empty.txt", "binary.txt", "latin1.txt", "yaml.md",
                                           "data.pdf")] + [str(tmp_path / "missing.txt")]
    problems = list(read_inputs(inputs))
    assert all(isinstance(p, ReadProblem) for p in problems)
    messages = [p.message for p in problems]
    assert "empty file" in messages[0]
    assert "binary file" in messages[1]
    assert "not UTF-8" in messages[2] and "re-save it as UTF-8" in messages[2]
    assert "front matter is not valid YAML" in messages[3]
    assert "unsupported file type" in messages[4]
    assert "file not found" in messages[5]
    assert all("\n" not in str(p) for p in problems)
    assert [p.where for p in problems] == inputs


def test_a_glob_over_a_symlink_loop_ends(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Police arrested Tom Reed.", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Police arrested Ana Diaz.", encoding="utf-8")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path)  # a loop back to the root
    ids = [a.id for a in read_inputs([str(tmp_path / "**" / "*.txt")])]
    assert ids == ["x", "top"]
    assert [a.id for a in read_inputs([str(tmp_path / "a" / "*" / "x.txt")])] == ["x"]
