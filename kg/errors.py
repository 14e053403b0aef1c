"""Every user-facing error kg raises, in one coded catalogue.

A ``KgError`` carries a code from ``Errors``; the CLI prints ``kg: <message>`` on one line
and exits with the error's exit code (1 for bad input or usage, 2 for the environment).
"""
from __future__ import annotations


class Errors:
    """Message templates by code. E0xx: input; E1xx: model/env; E2xx: database; E3xx: eval."""

    # input problems: the reader prefixes "<file>[:line]: " (see ReadProblem)
    E001 = "file not found; check the path"
    E002 = "empty file; nothing to extract (add article text or remove it)"
    E003 = "binary file, not text; give a .txt, .md, .html or .jsonl article"
    E004 = "not UTF-8 text (byte {byte}); re-save it as UTF-8"
    E005 = "cannot be read ({reason}); check its permissions"
    E006 = "malformed JSON line ({reason}); fix or remove that line"
    E007 = "JSON line has no non-empty \"text\" field; add one"
    E008 = "front matter is not valid YAML ({reason}); fix the block between the --- lines"
    E009 = "no article text found in the HTML page"
    E010 = "no input articles could be read ({count} problem(s) above); fix them and rerun"
    E011 = "unsupported file type {suffix!r}; use .txt, .md, .html or .jsonl"
    E012 = "no files matched; check the path or glob"
    E017 = "front matter is not a YAML mapping; fix the block between the --- lines"
    E018 = "no article text after the front matter; add the text"
    E019 = "gold file not found: {where}; check the path"
    E013 = "--date {value!r} is not an ISO date (YYYY-MM-DD)"
    E014 = "{count} input problem(s) with --strict; fix them or drop --strict"
    E015 = "--engine dask needs Dask: pip install -e \".[dask]\""
    E016 = "--engine dask reads files, folders or globs, not stdin; save the article to a file"
    E020 = "metadata field {field!r} is not text; built without it (give a string)"
    E021 = "date {value!r} is not a real date (YYYY-MM-DD); built without a date"
    E022 = "article id {id!r} with the same text as {other}; built once"
    E023 = "article id {id!r} is {other}'s too; this one is built as {new!r} (give it an id of its own)"
    E101 = ("spaCy model {name!r} is not installed; install the project (pip install -e .) "
            "or pass --model with an installed model name or path")
    E102 = "{where}: not a kg output folder (no graph.jsonl); run `kg build ... -o {where}` first"
    E105 = ("{where}: built on Dask with more entities than --max-graph-nodes, so its graph is "
            "in graph/ partitions only; use `kg load {where}` and Neo4j, or rebuild with a "
            "larger --max-graph-nodes")
    E103 = "{where}: graph.jsonl line {line} is not valid ({reason}); rebuild the folder"
    E104 = "{where}: cannot write outputs ({reason}); check the folder's permissions"
    E106 = ("a Dask worker died on the same task again and again ({reason}); check the workers' "
            "memory and logs, then rerun: finished partitions are kept")
    E201 = "cannot reach the database at {uri} ({reason}); check that it runs and the URI"
    E202 = "authentication failed at {uri} for user {user!r}; check --user/--password or NEO4J_USERNAME/NEO4J_PASSWORD"
    E203 = "load failed at batch {batch} of {what} ({reason}); rows before it are committed, rerun to complete"
    E204 = "query failed: {reason}"
    E205 = "--param {value!r} is not of the form key=value"
    E208 = "--param refused: {reason}"
    E209 = "{where}: cannot read the query file ({reason}); save it as UTF-8 text"
    E207 = "cannot start or reach the Dask scheduler at {address} ({reason}); check --scheduler"
    E206 = "give a query either as text or with -f FILE, not both or neither"
    E401 = "{path}: {entry}: {reason}; fix that entry of the rules file"
    E301 = "{where}: not a gold file ({reason}); see KG_SPEC s.6"
    E302 = "{where}: gold article file {article} not found"


def message(code: str, **values) -> str:
    """The catalogue's text for ``code``."""
    return getattr(Errors, code).format(**values)


class KgError(Exception):
    """A user-facing error: one line, an exit code, no traceback."""

    def __init__(self, code: str, exit_code: int = 1, **values):
        self.code = code
        self.exit_code = exit_code
        self.values = values
        super().__init__(getattr(Errors, code).format(**values))


class InputError(KgError):
    """Bad input or usage: exit 1."""


class EnvironmentFault(KgError):
    """A database or environment the user must fix: exit 2."""

    def __init__(self, code: str, **values):
        super().__init__(code, exit_code=2, **values)
