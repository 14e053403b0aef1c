"""Every extractor name has a case (issue #12).

Each relation and quote records in ``extractor`` the rule that produced it. ``CASES`` holds
one invented text per extractor name with the exact result that rule gives for it, and
``test_every_extractor_has_a_case`` reads kg/extract/relations.py and kg/extract/quotes.py
(and, for the constructions that emit relations, constructions.yaml) to collect the names
the rules can produce: an extractor added without a case fails there, by name.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kg.extract.quotes
import kg.extract.relations
from conftest import names_of
from kg.ontology import FRAMES

SOURCES = (Path(kg.extract.relations.__file__), Path(kg.extract.quotes.__file__))

# (text, expected): a relation is (source name, TYPE, target name, extractor), a quote
# (speaker name, quote text, extractor). All people, places and bodies are invented, except
# general institutions (the FBI, the Justice Department, the National Guard) and the US
# states and countries that rules look up in the gazetteer.
CASES = [
    # verb frames: active, passive, an infinitive's object, a destination
    ("The FBI arrested Dorian Vell in Brackenford on Monday.",
     ("Federal Bureau of Investigation", "ARRESTED", "Dorian Vell", "verb:arrest")),
    ("Dorian Vell was arrested by the FBI on Monday.",
     ("Federal Bureau of Investigation", "ARRESTED", "Dorian Vell", "verb:arrest:passive")),
    ("Mayor Ansel Brook threatened to sue Dorian Vell.",
     ("Ansel Brook", "THREATENED", "Dorian Vell", "verb:threaten:xcomp:sue")),
    ("Governor Ansel Brook sent 400 troops to Nevada.",
     ("troops", "DEPLOYED_TO", "Nevada", "verb:send:to")),
    ("About 300 National Guard soldiers were sent to Nevada last week.",
     ("National Guard", "DEPLOYED_TO", "Nevada", "verb:send:passive:to")),
    # noun frames, and a destination of one
    ("The Justice Department opened an investigation into Dorian Vell.",
     ("Department of Justice", "INVESTIGATED", "Dorian Vell", "noun:investigation")),
    ("The deployment of the National Guard to Nevada was ordered by Governor Ansel Brook.",
     ("National Guard", "DEPLOYED_TO", "Nevada", "noun:deployment:to")),
    # naming something in derogatory quoted words
    ("Senator Mira Castell called Governor Ansel Brook's plan \"a shameful stunt.\"",
     ("Mira Castell", "CRITICIZED", "Ansel Brook", "verb:call:derogatory")),
    # titles: the place in the title, the place of the body in it, the article's state/country
    ("Ohio Governor Ansel Brook signed the bill.",
     ("Ansel Brook", "HOLDS_OFFICE", "Ohio", "title")),
    ("Nevada Supreme Court Justice Ansel Brook ruled on Monday. Nevada voters approved it.",
     ("Ansel Brook", "HOLDS_OFFICE", "Nevada", "title:body-place")),
    ("Governor Ansel Brook met reporters in Nevada. He said Nevada would recover.",
     ("Ansel Brook", "HOLDS_OFFICE", "Nevada", "title:article-state")),
    ("President Ansel Brook spoke in Chile on Monday. Chilean officials said Chile would recover.",
     ("Ansel Brook", "HOLDS_OFFICE", "Chile", "title:article-country")),
    # a legislator's party tag names her state
    ("Mira Castell, Oregon Republican, criticized the Pentagon on Friday.",
     ("Mira Castell", "HOLDS_OFFICE", "Oregon", "title:party-tag")),
    # places in places
    ("The flight left Brackenford, Nevada, on Monday.",
     ("Brackenford", "LOCATED_IN", "Nevada", "pattern:place-comma-place")),
    ("The Marines based in Nevada were put on alert.",
     ("Marines", "LOCATED_IN", "Nevada", "pattern:based-in")),
    ("Officials met in the coastal Nevada town of Brackenford.",
     ("Brackenford", "LOCATED_IN", "Nevada", "pattern:place-noun")),
    ("Nevada lawmakers met on Monday. In Dunmore County, the state's poorest county, rain fell.",
     ("Dunmore County", "LOCATED_IN", "Nevada", "pattern:place-described")),
    ("The Corvel Foundation bottling plant in Dunmore County closed.",
     ("Corvel Foundation", "LOCATED_IN", "Dunmore County", "pattern:x-in-place")),
    # bodies in bodies
    ("The Office of Tenant Advocacy, part of the Justice Department, issued a report.",
     ("Office of Tenant Advocacy", "PART_OF", "Department of Justice", "pattern:part-of")),
    ("The Office of Tenant Advocacy, which is part of the Justice Department, issued a report.",
     ("Office of Tenant Advocacy", "PART_OF", "Department of Justice", "pattern:part-of-relative")),
    ("The FBI's Cyber Division arrested Dorian Vell.",
     ("Cyber Division", "PART_OF", "Federal Bureau of Investigation", "pattern:body-possessive")),
    ("The Land Use Project at the Corvel Institute published the study.",
     ("Land Use Project", "PART_OF", "Corvel Institute", "pattern:unit-at")),
    ("The Corvel Institute said on Monday that the Corvel Institute Project would close.",
     ("Corvel Institute Project", "PART_OF", "Corvel Institute", "pattern:unit-name")),
    ("The NASA Safety Office said on Monday it would look into it.",
     ("Safety Office", "PART_OF", "National Aeronautics and Space Administration", "pattern:unit-after-body")),
    # a standing critic
    ("Senator Mira Castell has long been a critic of the Corvel Company.",
     ("Mira Castell", "CRITICIZED", "Corvel Company", "pattern:critic-of")),
    ("Senator Mira Castell, a fierce critic of the Corvel Company, spoke on Monday.",
     ("Mira Castell", "CRITICIZED", "Corvel Company", "pattern:critic-of-appositive")),
    # what a speaker says
    ("Senator Mira Castell said the Corvel Company violated the law.",
     ("Mira Castell", "ACCUSED", "Corvel Company", "speech:wrongdoing")),
    ("\"The Justice Department's reckless probe is a farce,\" Senator Mira Castell said.",
     ("Mira Castell", "CRITICIZED", "Department of Justice", "quote:condemnation")),
    ("\"We will rebuild the bridge before winter,\" Mayor Dorian Vell said on Monday.",
     ("Dorian Vell", "We will rebuild the bridge before winter", "quote:verb")),
    ("\"The bridge will reopen well before the summer season,\" according to Mayor Dorian Vell.",
     ("Dorian Vell", "The bridge will reopen well before the summer season", "quote:context")),
]

# Names the code can compose that no case covers, with the reason.
NOT_COVERED = {
    "verb:*:xcomp:*:to": "no verb frame with an infinitive slot has a destination type",
    "verb:*:passive:xcomp:*:to": "no verb frame with an infinitive slot has a destination type",
    "verb:*:passive:xcomp:*": "a passive 'threaten' keeps its infinitive's object only in "
                              "contrived sentences (\"Nothing was threatened by X to harm Y\")",
}


@pytest.mark.parametrize("text, expected", CASES, ids=[expected[-1] for _, expected in CASES])
def test_extractor_case(extract, text, expected):
    part = extract(text)
    names = names_of(part)
    if len(expected) == 4:
        produced = {(names[r.source], r.type, names[r.target], r.extractor) for r in part.relations}
    else:
        produced = {(names[q.speaker], q.text, q.extractor) for q in part.quotes}
    assert expected in produced, produced
    # and that rule gives nothing else for the text
    assert {p for p in produced if p[-1] == expected[-1]} == {expected}, produced


# --------------------------------------------------------------------------- the source
def _strings(node: ast.expr, env: dict[str, set[str]]) -> set[str]:
    """The strings an expression can evaluate to; "*" stands for a part known only at run
    time (a lemma)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.JoinedStr):  # f"verb:{verb.lemma_}" -> "verb:*"
        return {"".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return {a + b for a in _strings(node.left, env) for b in _strings(node.right, env)}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, env) | _strings(node.orelse, env)
    if isinstance(node, ast.Name) and node.id in env:
        return env[node.id]
    return {"*"}


def _locals(function: ast.FunctionDef, params: dict[str, set[str]]) -> dict[str, set[str]]:
    """What each local name of a function can hold, whatever the path taken: its parameters
    (as passed at the call sites), assignments, "+=" (which may or may not run) and loops
    over a literal tuple of tuples."""
    env = {name: set(values) for name, values in params.items()}
    steps = [n for n in ast.walk(function) if isinstance(n, (ast.Assign, ast.AugAssign, ast.For))]
    for node in sorted(steps, key=lambda n: (n.lineno, n.col_offset)):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            env[node.targets[0].id] = env.get(node.targets[0].id, set()) | _strings(node.value, env)
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and \
                isinstance(node.target, ast.Name):
            old = env.get(node.target.id, set())
            env[node.target.id] = old | {a + b for a in old for b in _strings(node.value, env)}
        elif isinstance(node, ast.For) and isinstance(node.target, ast.Tuple) and \
                isinstance(node.iter, ast.Tuple):
            for row in node.iter.elts:
                if isinstance(row, ast.Tuple) and len(row.elts) == len(node.target.elts):
                    for target, value in zip(node.target.elts, row.elts):
                        if isinstance(target, ast.Name):
                            env[target.id] = env.get(target.id, set()) | _strings(value, env)
    return env


def _calls(function: ast.FunctionDef):
    return (n for n in ast.walk(function) if isinstance(n, ast.Call))


def produced_names() -> set[str]:
    """Every extractor name the source can produce, "*" for a lemma: the strings that reach
    an ``extractor=`` keyword, followed back through the parameters of the module's own
    functions that pass them on (``emit``'s ``extractor``, ``_deployment``'s ``name``)."""
    names: set[str] = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
        params: dict[str, dict[str, set[str]]] = {}
        for _ in range(10):  # until the values passed along chains of calls settle
            envs = {name: _locals(f, params.get(name, {})) for name, f in functions.items()}
            passed: dict[str, dict[str, set[str]]] = {}
            for name, function in functions.items():
                for call in _calls(function):
                    if not (isinstance(call.func, ast.Name) and call.func.id in functions):
                        continue
                    callee = functions[call.func.id].args
                    formal = [a.arg for a in callee.posonlyargs + callee.args]
                    actual = list(zip(formal, call.args)) + \
                        [(k.arg, k.value) for k in call.keywords]
                    for param, value in actual:
                        passed.setdefault(call.func.id, {}).setdefault(param, set()).update(
                            _strings(value, envs[name]))
            if passed == params:
                break
            params = passed
        names |= {s for name, function in functions.items() for call in _calls(function)
                  for k in call.keywords if k.arg == "extractor"
                  for s in _strings(k.value, envs[name])}
    return names


def construction_names(from_source: set[str]) -> set[str]:
    """The source writes "pattern:<name>" for the constructions that emit relations
    (``constructions.yaml``): the data gives the names."""
    assert "pattern:*" in from_source, "construction_relations no longer names its extractor"
    return {f"pattern:{c.name}" for c in FRAMES.constructions.values() if c.types}


_SOURCE_NAMES = produced_names()
PRODUCED = (_SOURCE_NAMES - {"pattern:*"}) | construction_names(_SOURCE_NAMES)


def family(name: str) -> str:
    """The name the source writes for an extractor name: a fixed name is itself, a
    dynamic one the pattern it fits ("verb:send:passive:to" -> "verb:*:passive:to",
    "verb:threaten:xcomp:sue" -> "verb:*:xcomp:*")."""
    if name in PRODUCED:
        return name
    fits = [p for p in PRODUCED if "*" in p and
            re.fullmatch(re.escape(p).replace(r"\*", "[^:]+"), name)]
    return fits[0] if len(fits) == 1 else name


def test_the_source_is_read():
    # the collection itself works: fixed names, f-strings, suffixes, parameters, loops
    assert {"title", "verb:*", "verb:*:passive", "verb:*:to", "noun:*:to", "verb:*:xcomp:*",
            "title:article-state", "quote:verb", "quote:context"} <= PRODUCED
    assert family("verb:send:passive:to") == "verb:*:passive:to"
    assert family("verb:call:derogatory") == "verb:call:derogatory"


def test_every_extractor_has_a_case():
    assert set(NOT_COVERED) <= PRODUCED, f"no longer produced: {set(NOT_COVERED) - PRODUCED}"
    produced = PRODUCED - set(NOT_COVERED)
    covered = {family(expected[-1]) for _, expected in CASES}
    assert covered == produced, (f"extractors without a case: {sorted(produced - covered)}; "
                                 f"cases of no extractor: {sorted(covered - produced)}")
    assert len(CASES) == len(covered), "one case per extractor name"


def test_no_frame_sends_through_an_infinitive():
    # the reason the ":xcomp:...:to" names have no case
    for frames in FRAMES.verbs.values():
        for frame in frames:
            if any(slot.kind.startswith("xcomp") for slot in frame.target):
                assert not any(FRAMES.spec(t).destination for t in frame.types), frame
