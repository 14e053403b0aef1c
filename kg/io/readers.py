"""Read articles from files, folders, globs, JSON lines, HTML pages and stdin.

``read_inputs`` yields ``Article`` records and ``ReadProblem`` records in a stable order;
a problem never stops the rest of a batch.
"""
from __future__ import annotations

import datetime as _dt
import glob as _glob
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

import yaml

from ..errors import message
from ..model import Article, ReadProblem

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Control characters other than tab and newline: no XML format can hold them, so they
#: become spaces (the same length: every offset into the text stays right).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML without timestamps: a date stays text, so an impossible one ("2025-02-30") is
    reported on one line instead of failing inside the YAML parser."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

ReadResult = Union[Article, ReadProblem]


def content_id(text: str) -> str:
    """Deterministic id for an article that has no name of its own."""
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def iso_date(value) -> Optional[str]:
    """An ISO date string from a YAML/JSON value, or None when it is not a real date."""
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    match = ISO_DATE.match(str(value).strip())
    if not match:
        return None
    try:
        _dt.date.fromisoformat(match.group(0))
    except ValueError:
        return None  # "2025-02-30"
    return match.group(0)


def clean_text(text: str) -> str:
    """Control characters as spaces, offsets kept."""
    return CONTROL_CHARS.sub(" ", text)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Union[Path, str, ReadProblem]]:
    """Expand paths, folders (recursively) and globs to files, in sorted order; '-' is stdin."""
    for item in inputs:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not files:
                yield ReadProblem(item, message("E012"))
            yield from files
        elif path.exists():
            yield path
        elif any(ch in item for ch in "*?["):
            matches = glob_files(item)
            if not matches:
                yield ReadProblem(item, message("E012"))
            yield from matches
        else:
            yield ReadProblem(item, message("E001"))


def glob_files(pattern: str) -> list[Path]:
    """Files matching a glob ("**" for any depth), sorted; each real folder is walked once,
    so a symlink loop ends (Python's own recursive glob follows it forever)."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _glob.has_magic(part)), len(parts))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    matcher = re.compile(_glob_regex("/".join(parts[fixed:])))
    found, seen = [], set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # hidden, as glob does
        for name in (f for f in files if not f.startswith(".")):
            path = Path(folder) / name
            if matcher.fullmatch(path.relative_to(root).as_posix()) and path.is_file():
                found.append(path)
    return sorted(found)


def _glob_regex(pattern: str) -> str:
    """A glob as a regular expression over "/"-separated relative paths."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape("["))
                i += 1
            else:
                out.append("[" + pattern[i + 1:end].replace("!", "^", 1) + "]")
                i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def _decode(where: str, data: bytes) -> Union[str, ReadProblem]:
    if not data.strip():
        return ReadProblem(where, message("E002"))
    if b"\x00" in data[:8192]:
        return ReadProblem(where, message("E003"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadProblem(where, message("E004", byte=exc.start))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text_article(text: str, where: str, default_id: str,
                       default_date: Optional[str]) -> ReadResult:
    """A plain-text/Markdown article, with optional YAML front matter."""
    meta: dict = {}
    body = text
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
        except yaml.YAMLError as exc:
            reason = str(exc).splitlines()[0]
            return ReadProblem(where, message("E008", reason=reason))
        if not isinstance(loaded, dict):
            return ReadProblem(where, message("E017"))
        meta = loaded
        body = text[match.end():]
    if not body.strip():
        return ReadProblem(where, message("E018"))
    return _article(body, meta, where, default_id, default_date)


#: Metadata fields that must be text (a list or map there is a mistake, not a value).
TEXT_FIELDS = ("id", "title", "source", "url")


def _article(body: str, meta: dict, where: str, default_id: str,
             default_date: Optional[str]) -> list[ReadResult]:
    """The article, after a warning line for each metadata field it had to leave out."""
    warnings = []
    fields = {}
    for name in TEXT_FIELDS:
        value = meta.get(name)
        if isinstance(value, (list, dict, set, tuple)):
            warnings.append(ReadProblem(where, message("E020", field=name), warning=True))
            value = None
        fields[name] = clean_text(str(value)) if value not in (None, "") else ""
    date = iso_date(meta.get("date"))
    if meta.get("date") not in (None, "") and date is None:
        warnings.append(ReadProblem(where, message("E021", value=str(meta.get("date"))[:40]),
                                    warning=True))
    article = Article(
        id=fields["id"] or default_id or content_id(body),
        text=clean_text(body),
        title=fields["title"],
        date=date or default_date,
        source=fields["source"],
        url=fields["url"],
        path=where,
    )
    return [*warnings, article]


def parse_html_article(html: str, where: str, default_id: str,
                       default_date: Optional[str]) -> ReadResult:
    """Main text and metadata of an HTML page, boilerplate dropped (trafilatura)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return ReadProblem(where, message("E009"))
    # trafilatura separates paragraphs by one newline; a blank line keeps them apart
    # for the sentence splitter.
    body = re.sub(r"\n+", "\n\n", text) + "\n"
    meta = {"title": getattr(doc, "title", "") or "", "date": getattr(doc, "date", None),
            "source": getattr(doc, "sitename", "") or "", "url": getattr(doc, "url", "") or ""}
    return _article(body, meta, where, default_id, default_date)


def parse_jsonl(text: str, where: str, default_date: Optional[str]) -> Iterator[ReadResult]:
    """One article per JSON line; a malformed line is a problem, the rest still read."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_where = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(line_where, message("E006", reason=exc.msg))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) \
                or not record["text"].strip():
            yield ReadProblem(line_where, message("E007"))
            continue
        body = record["text"].replace("\r\n", "\n")
        default_id = content_id(body)
        yield from _article(body, record, line_where, default_id, default_date)


def read_file(path: Path, default_date: Optional[str] = None) -> Iterator[ReadResult]:
    """Every article in one file (a JSONL file holds many)."""
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ReadProblem(where, message("E011", suffix=suffix or "(none)"))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadProblem(where, message("E005", reason=exc.strerror or exc))
        return
    text = _decode(where, data)
    if isinstance(text, ReadProblem):
        yield text
        return
    if suffix in JSONL_SUFFIXES:
        yield from parse_jsonl(text, where, default_date)
    elif suffix in HTML_SUFFIXES:
        yield from _listed(parse_html_article(text, where, path.stem, default_date))
    else:
        yield from _listed(parse_text_article(text, where, path.stem, default_date))


def _listed(result) -> list[ReadResult]:
    return result if isinstance(result, list) else [result]


def read_stdin(default_date: Optional[str] = None, stream=None) -> list[ReadResult]:
    """One article from standard input (after any warning lines about its metadata)."""
    stream = stream if stream is not None else sys.stdin.buffer
    text = _decode("<stdin>", stream.read())
    if isinstance(text, ReadProblem):
        return [text]
    if text.lstrip().startswith("<"):
        return _listed(parse_html_article(text, "<stdin>", "", default_date))
    return _listed(parse_text_article(text, "<stdin>", "", default_date))


def read_inputs(inputs: Iterable[str], default_date: Optional[str] = None) -> Iterator[ReadResult]:
    """Articles and problems from every input, in a stable order."""
    for item in expand_inputs(inputs):
        if isinstance(item, ReadProblem):
            yield item
        elif item == "-":
            yield from read_stdin(default_date)
        else:
            yield from read_file(item, default_date)
