"""Relation frames as data: ``frames.yaml`` loaded, validated and indexed.

A frame says which relation types a cue word signals and in which grammatical slots its
source and target are found (PETRARCH-style verb dictionaries); a construction
(``constructions.yaml``) is a named ``DependencyMatcher`` pattern whose anchors say where a
multi-word construction's source and target are. The extraction code in
``kg.extract.relations`` is generic over both: it knows slots and anchors, not words. A
malformed entry is ``E401`` naming the file and the entry, raised when the files are loaded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import yaml
from spacy.matcher import DependencyMatcher
from spacy.vocab import Vocab

from ..errors import KgError

DEFAULT_PATH = Path(__file__).with_name("frames.yaml")
CONSTRUCTIONS_PATH = Path(__file__).with_name("constructions.yaml")

#: Shorthand in ``source``/``target`` label lists.
ACTOR_LABELS = ("Person", "Official", "Agency", "Organization", "Group")
_TYPE_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")  # safe as a Cypher relationship type
_SLOT = re.compile(r"^(subject|object|xcomp-object|obliged-subject|"
                   r"(?:prep|object-prep|xcomp-prep):[a-z]+(?:,[a-z]+)*)$")

_TYPE_KEYS = {"category", "core", "source", "target", "fatal", "possessor_target",
              "doer_target", "behind_target", "destination", "force_target"}
_VERB_KEYS = {"lemmas", "types", "source", "target", "with_object", "with_prep_object",
              "unless", "requires_target", "source_labels", "target_labels"}
_NOUN_KEYS = {"lemmas", "types", "possessor", "target"}
_CONSTRUCTION_KEYS = {"name", "pattern", "source", "target", "source_if_none", "types",
                      "source_labels", "target_labels", "confidence", "cue_without"}
_CONSTRUCTION_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
#: The rules of kg/extract/relations.py that find relations by grammar rather than by a cue
#: word or pattern; ``rule_types`` in a frames file names the type each emits.
RULE_NAMES = frozenset({"title_office", "place_in_place", "unit_of_body", "derogatory_naming",
                        "wrongdoing_speech"})
DEFAULT_NOUN_TARGET = ("prep:of,into,against,on,for",)


@dataclass(frozen=True)
class Slot:
    """Where an argument is found: ``kind`` (subject, object, prep, object-prep,
    xcomp-object, xcomp-prep) and the prepositions for the prep kinds."""

    kind: str
    preps: frozenset = frozenset()

    @classmethod
    def parse(cls, text: str) -> "Slot":
        kind, _, preps = text.partition(":")
        return cls(kind, frozenset(preps.split(",")) if preps else frozenset())


@dataclass(frozen=True)
class RelationType:
    """One relation type: its category, argument labels and behaviours (frames.yaml)."""

    name: str
    category: Optional[str]
    core: bool
    source: frozenset
    target: frozenset
    fatal: Optional[str] = None
    possessor_target: bool = False
    doer_target: bool = False
    behind_target: bool = False
    destination: Optional[str] = None
    force_target: bool = False


@dataclass(frozen=True)
class VerbFrame:
    lemmas: tuple[str, ...]
    types: tuple[str, ...]
    source: tuple[Slot, ...] = (Slot("subject"),)
    target: tuple[Slot, ...] = (Slot("object"),)
    with_object: frozenset = frozenset()
    with_prep_object: frozenset = frozenset()  # {("into", "custody"), ...}
    unless: frozenset = frozenset()
    requires_target: bool = False
    source_labels: Optional[frozenset] = None  # narrower than the type's, for this cue
    target_labels: Optional[frozenset] = None


@dataclass(frozen=True)
class NounFrame:
    lemmas: tuple[str, ...]
    types: tuple[str, ...]
    possessor: str = "agent"
    target: tuple[Slot, ...] = tuple(Slot.parse(s) for s in DEFAULT_NOUN_TARGET)


@dataclass(frozen=True)
class Anchored:
    """An argument of a construction: the word matched by ``anchor`` itself, or the words
    a frame ``slot`` finds on it ("verb.subject")."""

    anchor: str
    slot: Optional[Slot] = None


@dataclass(frozen=True)
class Construction:
    """A named dependency pattern (``constructions.yaml``): without ``types`` it adds
    words to the arguments of the event noun at its ``cue`` anchor; with ``types`` it
    emits those relations itself."""

    name: str
    pattern: tuple = field(compare=False)  # DependencyMatcher pattern, lists expanded
    anchors: tuple[str, ...] = ()  # RIGHT_IDs in pattern order (a match's token order)
    source: tuple[Anchored, ...] = ()
    target: tuple[Anchored, ...] = ()
    source_if_none: tuple[Anchored, ...] = ()
    types: tuple[str, ...] = ()
    source_labels: Optional[frozenset] = None
    target_labels: Optional[frozenset] = None
    confidence: float = 0.7
    cue_without: frozenset = frozenset()  # dependencies the cue may not have a child by


class FrameSet:
    """Relation types, frames and constructions from one or more data files, indexed."""

    def __init__(self, types: dict[str, RelationType], verbs: list[VerbFrame],
                 nouns: list[NounFrame], constructions: Iterable[Construction] = (),
                 rule_types: Optional[dict[str, str]] = None):
        self.types = types
        self.constructions = {c.name: c for c in constructions}
        self.rule_types = dict(rule_types or {})
        self.verbs: dict[str, list[VerbFrame]] = {}
        for frame in verbs:
            for lemma in frame.lemmas:
                self.verbs.setdefault(lemma, []).append(frame)
        self.nouns: dict[str, NounFrame] = {}
        for frame in nouns:
            for lemma in frame.lemmas:
                self.nouns.setdefault(lemma, frame)

    def spec(self, rtype: str) -> RelationType:
        return self.types[rtype]

    def verb_frame(self, verb) -> Optional[VerbFrame]:
        """The first frame of ``verb``'s lemma whose conditions hold in its parse."""
        for frame in self.verbs.get(verb.lemma_, ()):
            if frame_applies(frame, verb):
                return frame
        return None

    def core_types(self) -> dict[str, Optional[str]]:
        return {name: t.category for name, t in self.types.items() if t.core}

    def extra_types(self) -> dict[str, Optional[str]]:
        return {name: t.category for name, t in self.types.items() if not t.core}


def frame_applies(frame: VerbFrame, verb) -> bool:
    """Conditions of a verb frame on the verb's own children (no argument resolution)."""
    children = list(verb.children)
    if frame.unless and any(c.dep_ in ("prt", "advmod") and c.lower_ in frame.unless for c in children):
        return False
    if frame.with_object and not any(c.dep_ == "dobj" and c.lower_ in frame.with_object for c in children):
        return False
    if frame.with_prep_object and not any(
            (c.lower_, obj.lemma_) in frame.with_prep_object
            for c in children if c.dep_ == "prep" for obj in c.children if obj.dep_ == "pobj"):
        return False
    if frame.requires_target and not any(
            c.dep_ == "prep" and c.lower_ in slot.preps and any(p.dep_ == "pobj" for p in c.children)
            for slot in frame.target if slot.kind == "prep" for c in children):
        return False
    return True


# ------------------------------------------------------------------------- loading
class FrameError(KgError):
    """A malformed frames file: exit 1, one line naming the file and entry."""

    def __init__(self, path: Path, entry: str, reason: str):
        super().__init__("E401", path=str(path), entry=entry, reason=reason)


def _words(value, path, entry, key) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise FrameError(path, entry, f"{key} must be a word or a list of words")
    return tuple(v.lower() for v in value)


def _labels(value, path, entry, key, entity_labels) -> frozenset:
    out = set()
    for label in _words(value, path, entry, key):
        if label == "actor":
            out.update(ACTOR_LABELS)
            continue
        match = next((l for l in entity_labels if l.lower() == label), None)
        if match is None:
            raise FrameError(path, entry, f"{key}: unknown entity label {label!r}")
        out.add(match)
    return frozenset(out)


def _slots(value, path, entry, key) -> tuple[Slot, ...]:
    slots = []
    for text in _words(value, path, entry, key):
        if not _SLOT.match(text):
            raise FrameError(path, entry, f"{key}: unknown slot {text!r} (subject, object, "
                             "prep:A,B, object-prep:A,B, xcomp-object, xcomp-prep:A,B, "
                             "obliged-subject)")
        slots.append(Slot.parse(text))
    return tuple(slots)


def _check_keys(item, allowed, path, entry):
    if not isinstance(item, dict):
        raise FrameError(path, entry, "must be a mapping")
    unknown = set(item) - allowed
    if unknown:
        raise FrameError(path, entry, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def _relation_type(name, item, path, entity_labels) -> RelationType:
    entry = f"relation_types.{name}"
    if not isinstance(name, str) or not _TYPE_NAME.match(name):
        raise FrameError(path, entry, "a type name is upper case letters, digits and _")
    _check_keys(item, _TYPE_KEYS, path, entry)
    category = item.get("category")
    if category is not None and not (isinstance(category, str) and _TYPE_NAME.match(category)):
        raise FrameError(path, entry, "category must be an upper-case name or null")
    every = frozenset(entity_labels)
    return RelationType(
        name=name, category=category, core=bool(item.get("core", False)),
        source=_labels(item["source"], path, entry, "source", entity_labels) if "source" in item else every,
        target=_labels(item["target"], path, entry, "target", entity_labels) if "target" in item else every,
        fatal=item.get("fatal"), possessor_target=bool(item.get("possessor_target")),
        doer_target=bool(item.get("doer_target")), behind_target=bool(item.get("behind_target")),
        destination=item.get("destination"), force_target=bool(item.get("force_target")))


def _verb_frame(item, path, entry, entity_labels) -> VerbFrame:
    _check_keys(item, _VERB_KEYS, path, entry)
    for key in ("lemmas", "types"):
        if key not in item:
            raise FrameError(path, entry, f"{key} is required")
    phrases = set()
    if "with_prep_object" in item:
        for phrase in _words(item["with_prep_object"], path, entry, "with_prep_object"):
            parts = phrase.split()
            if len(parts) != 2:
                raise FrameError(path, entry, f"with_prep_object {phrase!r} must be 'PREP NOUN'")
            phrases.add(tuple(parts))
    return VerbFrame(
        lemmas=_words(item["lemmas"], path, entry, "lemmas"),
        types=tuple(t.upper() for t in _words(item["types"], path, entry, "types")),
        source=_slots(item.get("source", ["subject"]), path, entry, "source"),
        target=_slots(item.get("target", ["object"]), path, entry, "target"),
        with_object=frozenset(_words(item["with_object"], path, entry, "with_object"))
        if "with_object" in item else frozenset(),
        with_prep_object=frozenset(phrases),
        unless=frozenset(_words(item["unless"], path, entry, "unless")) if "unless" in item else frozenset(),
        requires_target=bool(item.get("requires_target", False)),
        **{k: _labels(item[k], path, entry, k, entity_labels) if k in item else None
           for k in ("source_labels", "target_labels")})


def _noun_frame(item, path, entry) -> NounFrame:
    _check_keys(item, _NOUN_KEYS, path, entry)
    for key in ("lemmas", "types"):
        if key not in item:
            raise FrameError(path, entry, f"{key} is required")
    possessor = item.get("possessor", "agent")
    if possessor not in ("agent", "patient"):
        raise FrameError(path, entry, "possessor must be agent or patient")
    target = _slots(item.get("target", list(DEFAULT_NOUN_TARGET)), path, entry, "target")
    if any(s.kind != "prep" for s in target):
        raise FrameError(path, entry, "a noun's target slots are prep:A,B")
    return NounFrame(lemmas=_words(item["lemmas"], path, entry, "lemmas"),
                     types=tuple(t.upper() for t in _words(item["types"], path, entry, "types")),
                     possessor=possessor, target=target)


def _expand_lists(value, lists: dict[str, list[str]], path, entry):
    """A pattern with every "@name" list reference replaced by the list's words."""
    if isinstance(value, dict):
        return {k: _expand_lists(v, lists, path, entry) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand_lists(v, lists, path, entry) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in lists:
            raise FrameError(path, entry, f"unknown list {value!r}; declare it under lists")
        return list(lists[value[1:]])
    return value


def _dependency_matcher(vocab, constructions: Iterable[Construction]) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab, validate=True)
    for c in constructions:
        matcher.add(c.name, [list(c.pattern)])
    return matcher


def matching_patterns(frames: "FrameSet") -> dict[str, list[dict]]:
    """Each construction's DependencyMatcher pattern as it is matched: the ``cue`` of a
    construction without types is one of the frames' event nouns."""
    nouns = sorted(frames.nouns)
    out = {}
    for c in frames.constructions.values():
        pattern = [dict(node) for node in c.pattern]
        if not c.types:
            cue = pattern[c.anchors.index("cue")]
            cue["RIGHT_ATTRS"] = {"LEMMA": {"IN": nouns}, **cue.get("RIGHT_ATTRS", {})}
        out[c.name] = pattern
    return out


def pattern_problem(exc: Exception) -> str:
    """One line for spaCy's (many-line) rejection of a pattern."""
    lines = str(exc).splitlines()
    detail = next((line.strip("- ") for line in lines if line.startswith("- ")),
                  lines[0] if lines else type(exc).__name__)
    return f"pattern rejected by spaCy: {detail}"


def _anchored(value, anchors, path, entry, key) -> tuple[Anchored, ...]:
    out = []
    for text in _words(value, path, entry, key):
        anchor, _, slot = text.partition(".")
        if anchor not in anchors:
            raise FrameError(path, entry, f"{key}: {anchor!r} is no anchor (RIGHT_ID) of the pattern")
        out.append(Anchored(anchor, _slots(slot, path, entry, key)[0] if slot else None))
    return tuple(out)


def _construction(item, path, entry, lists, entity_labels) -> Construction:
    _check_keys(item, _CONSTRUCTION_KEYS, path, entry)
    name = item.get("name")
    if not isinstance(name, str) or not _CONSTRUCTION_NAME.match(name):
        raise FrameError(path, entry, "name must be lower-case letters, digits and hyphens")
    entry = f"{entry} ({name})"
    pattern = item.get("pattern")
    if not isinstance(pattern, list) or not pattern or not all(isinstance(n, dict) for n in pattern):
        raise FrameError(path, entry, "pattern must be a list of DependencyMatcher nodes")
    pattern = _expand_lists(pattern, lists, path, entry)
    anchors = tuple(str(node.get("RIGHT_ID", "")) for node in pattern)
    try:
        _dependency_matcher(Vocab(), [Construction(name, tuple(pattern), anchors)])
    except Exception as exc:  # spaCy's MatchPatternError / ValueError
        raise FrameError(path, entry, pattern_problem(exc)) from None
    types = tuple(t.upper() for t in _words(item["types"], path, entry, "types")) if "types" in item else ()
    if not types and "cue" not in anchors:
        raise FrameError(path, entry, "a construction without types needs an anchor named cue "
                         "(the event noun whose arguments it finds)")
    labels = {k: _labels(item[k], path, entry, k, entity_labels) if k in item else None
              for k in ("source_labels", "target_labels")}
    if not types and any(labels.values()):
        raise FrameError(path, entry, "source_labels/target_labels need types")
    confidence = item.get("confidence", 0.7)
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise FrameError(path, entry, "confidence must be a number in (0, 1]")
    slots = {k: _anchored(item[k], anchors, path, entry, k) if k in item else ()
             for k in ("source", "target", "source_if_none")}
    if types and not (slots["source"] and slots["target"]):
        raise FrameError(path, entry, "a construction with types needs source and target")
    cue_without = frozenset(_words(item["cue_without"], path, entry, "cue_without")) \
        if "cue_without" in item else frozenset()
    if cue_without and "cue" not in anchors:
        raise FrameError(path, entry, "cue_without needs an anchor named cue")
    return Construction(name, tuple(pattern), anchors, types=types, confidence=float(confidence),
                        cue_without=cue_without, **slots, **labels)


def load_frames(paths: Iterable[Path], entity_labels: Iterable[str]) -> FrameSet:
    """Read frame files in order (a later file adds types and frames) and validate them."""
    entity_labels = tuple(entity_labels)
    paths = [Path(p) for p in paths]
    types: dict[str, RelationType] = {}
    verbs: list[VerbFrame] = []
    nouns: list[NounFrame] = []
    constructions: dict[str, Construction] = {}
    rule_types: dict[str, str] = {}
    rule_origins: dict[str, Path] = {}
    lists: dict[str, list[str]] = {}
    origins: list[tuple] = []  # (frame, file, entry), to name the entry of an unknown type
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise FrameError(path, "-", f"cannot be read as YAML ({type(exc).__name__})") from None
        _check_keys(data, {"relation_types", "verbs", "nouns", "lists", "constructions", "rule_types"},
                    path, "top level")
        for name, item in (data.get("relation_types") or {}).items():
            types[name] = _relation_type(name, item, path, entity_labels)
        for i, item in enumerate(data.get("verbs") or []):
            verbs.append(_verb_frame(item, path, f"verbs[{i}]", entity_labels))
            origins.append((verbs[-1], path, f"verbs[{i}] ({verbs[-1].lemmas[0]})"))
        for i, item in enumerate(data.get("nouns") or []):
            nouns.append(_noun_frame(item, path, f"nouns[{i}]"))
            origins.append((nouns[-1], path, f"nouns[{i}] ({nouns[-1].lemmas[0]})"))
        for rule, rtype in (data.get("rule_types") or {}).items():
            if rule not in RULE_NAMES:
                raise FrameError(path, f"rule_types.{rule}", f"no such rule ({', '.join(sorted(RULE_NAMES))})")
            rule_types[rule] = str(rtype)
            rule_origins[rule] = path
        for name, words in (data.get("lists") or {}).items():
            lists[name] = list(_words(words, path, f"lists.{name}", "a list"))
        for i, item in enumerate(data.get("constructions") or []):
            c = _construction(item, path, f"constructions[{i}]", lists, entity_labels)
            if c.name in constructions:
                raise FrameError(path, f"constructions[{i}] ({c.name})", "a second construction of that name")
            constructions[c.name] = c
            origins.append((c, path, f"constructions[{i}] ({c.name})"))
        for name, spec in types.items():
            for ref in (spec.fatal, spec.destination):
                if ref is not None and ref not in types:
                    raise FrameError(path, f"relation_types.{name}", f"names undeclared type {ref!r}")
    # every type a frame names must be declared, in its own file or any other
    for frame, path, entry in origins:
        for rtype in frame.types:
            if rtype not in types:
                raise FrameError(path, entry, f"unknown relation type {rtype!r}; declare it under relation_types")
    for rule, rtype in rule_types.items():
        if rtype not in types:
            raise FrameError(rule_origins[rule], f"rule_types.{rule}",
                             f"unknown relation type {rtype!r}; declare it under relation_types")
    missing = RULE_NAMES - set(rule_types)
    if missing and paths:
        raise FrameError(paths[0], "rule_types", f"no type for rule(s) {sorted(missing)}")
    return FrameSet(types, verbs, nouns, constructions.values(), rule_types)
