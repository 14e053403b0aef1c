"""NER repairs as data: ``entity_patterns.yaml`` loaded and validated.

Each entry is a spaCy ``SpanRuler`` token pattern with the ontology label of what it finds
and the repair's name; ``kg.extract.entities`` runs them after the NER and adds their
matches where no mention is. A malformed entry is ``E401`` naming the file and the entry,
raised when the file is loaded.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import yaml
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from .frames import FrameError, pattern_problem

DEFAULT_PATH = Path(__file__).with_name("entity_patterns.yaml")
_KEYS = {"id", "label", "pattern"}
_ID = re.compile(r"^[a-z][a-z0-9-]*$")


def load_entity_patterns(paths: Iterable[Path], entity_labels: Iterable[str]) -> tuple[dict, ...]:
    """The patterns of the files, in order, as ``SpanRuler`` pattern dicts."""
    labels = tuple(entity_labels)
    out = []
    for path in map(Path, paths):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise FrameError(path, "-", f"cannot be read as YAML ({type(exc).__name__})") from None
        if not isinstance(data, dict) or set(data) - {"patterns"}:
            raise FrameError(path, "top level", "the file holds one key, patterns")
        for i, item in enumerate(data.get("patterns") or []):
            out.append(_pattern(item, path, f"patterns[{i}]", labels))
    return tuple(out)


def _pattern(item, path: Path, entry: str, labels: tuple[str, ...]) -> dict:
    if not isinstance(item, dict):
        raise FrameError(path, entry, "must be a mapping")
    unknown = set(item) - _KEYS
    if unknown:
        raise FrameError(path, entry, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    name = item.get("id")
    if not isinstance(name, str) or not _ID.match(name):
        raise FrameError(path, entry, "id must be lower-case letters, digits and hyphens")
    entry = f"{entry} ({name})"
    if item.get("label") not in labels:
        raise FrameError(path, entry, f"label {item.get('label')!r} is no entity label ({', '.join(labels)})")
    pattern = item.get("pattern")
    if not isinstance(pattern, list) or not pattern:
        raise FrameError(path, entry, "pattern must be a list of token specs")
    try:
        Matcher(Vocab(), validate=True).add(name, [pattern])
    except Exception as exc:  # spaCy's MatchPatternError / ValueError
        raise FrameError(path, entry, pattern_problem(exc)) from None
    return {"id": name, "label": item["label"], "pattern": pattern}
