"""Relations: who did what to whom, from the dependency parse (KG_SPEC s.5).

Input: the parsed ``Doc``, its resolved mentions and entities. Output: ``Relation``
records with evidence sentence, offsets, date, confidence, the rule's name and the
negated/hypothetical flags. The cue words and their slots live in ``ontology/frames.yaml``,
the multi-word constructions in ``ontology/constructions.yaml``, grammar word lists in
``ontology.cues``; this module knows only grammar: active and passive voice, event nouns,
coordination, control, relative clauses, appositions and simple anaphora.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from ..model import Article, LocalEntity, Mention, Relation
from ..names import match_key
from ..ontology import FRAMES, category_of, cues
from ..ontology import gazetteer as gz
from ..ontology.frames import FrameSet, Slot, matching_patterns
from .anaphora import (PLURAL, anaphor, lead_title_holder, named_role_holder, resolve_pronouns,
                       role_holders, sentences_back, us_state_mentions)
from .dates import event_date
from .entities import POSSESSIVE, initials, is_member_role
from .nlp import doc_text, sentence_of, sentence_start, tokens_of
from .resolve import jurisdiction_key

SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj", "dative"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
ACTORS = {"Person", "Official", "Agency", "Organization", "Group", "Place"}
BODY_LABELS = ("Agency", "Organization")


@dataclass
class Arg:
    """A resolved argument: an entity key and, for an unnamed member, its role."""

    key: str
    role: str = ""


@dataclass
class Context:
    """Everything the rules need about one parsed article."""

    doc: Doc
    article: Article
    entities: dict[str, LocalEntity]
    mentions: list[Mention]
    key_at: dict[int, str] = field(default_factory=dict)
    role_at: dict[int, str] = field(default_factory=dict)
    order: list[tuple[int, str]] = field(default_factory=list)  # (token, key) in text order
    gender: dict[str, str] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    frames: FrameSet = FRAMES
    role_holders: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    event_targets: dict[str, list] = field(default_factory=dict)  # type -> last event's targets
    #: matches of constructions.yaml: those that emit relations, and those that find an
    #: event noun's arguments (by the noun's token)
    constructions: list = field(default_factory=list)
    event_constructions: dict[int, list] = field(default_factory=dict)
    lead_end: int = 0  # first token after the article's first two sentences

    def label(self, key: str) -> str:
        return self.entities[key].label if key in self.entities else ""


# ---------------------------------------------------------------------- arguments
def build_context(doc: Doc, article: Article, mentions: list[Mention],
                  entities: dict[str, LocalEntity], frames: FrameSet = FRAMES) -> Context:
    """Index mentions by token, in text order, with honorific-derived gender."""
    ctx = Context(doc, article, entities, mentions, frames=frames)
    for m in sorted(mentions, key=lambda m: m.end - m.start):
        if not m.key or m.key not in entities or m.attribute_only:
            continue
        for i in range(m.start, m.end):
            ctx.key_at.setdefault(i, m.key)
            if m.role:
                ctx.role_at.setdefault(i, m.role)
        before = doc[m.start - 1].lower_.rstrip(".") if m.start > 0 else ""
        if before == "mr":
            ctx.gender.setdefault(m.key, "m")
        elif before in ("ms", "mrs", "miss"):
            ctx.gender.setdefault(m.key, "f")
    ctx.order = sorted({(m.head if m.head >= 0 else m.start, m.key) for m in mentions
                        if m.key in entities})
    resolve_pronouns(ctx)
    ctx.role_holders = role_holders(ctx)
    first = sentence_of(doc[0]).end if len(doc) else 0
    ctx.lead_end = sentence_of(doc[first]).end if first < len(doc) else first
    for construction, anchors in construction_matches(doc, frames):
        if construction.types:
            ctx.constructions.append((construction, anchors))
        else:
            ctx.event_constructions.setdefault(anchors["cue"].i, []).append((construction, anchors))
    return ctx


def resolve_arg(ctx: Context, token: Token, depth: int = 0) -> Optional[Arg]:
    """The entity a token stands for, following relative pronouns, anaphora and members."""
    if token.i in ctx.key_at:
        key = ctx.key_at[token.i]
        if ctx.label(key) == "Group" and depth < 3:
            owner = _pronoun_owner_of_members(ctx, token, depth)
            if owner is not None:
                return owner
        return Arg(key, ctx.role_at.get(token.i, ""))
    if depth > 3:
        return None
    lower = token.lower_
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _relative_antecedent(ctx, token.head.head, depth)
    if lower in ("who", "whom"):
        return _nearest_actor_before(ctx, token)
    if lower in gz.QUANTITY_WORDS or token.like_num:
        # "thousands of federal agents", "1,500 of the troops"
        for pobj in prep_objects(token, {"of"}):
            return resolve_arg(ctx, pobj, depth + 1)
    if token.pos_ == "PRON" and lower in PLURAL:
        key = anaphor(ctx, token)
        return Arg(key) if key else None
    if token.pos_ == "PRON" and lower in ("it", "its", "itself"):
        # "it"/"its": the body in subject position in this sentence, or the main-clause
        # subject of the previous one, else the last body named before it here
        start = sentence_start(token)
        prev = sentences_back(ctx.doc, start, 1)
        bodies = [(i, k) for i, k in ctx.order if prev <= i < token.i and ctx.label(k) in BODY_LABELS]
        subj = [(i, k) for i, k in bodies if ctx.doc[i].dep_ in ("nsubj", "nsubjpass")
                and (i >= start or ctx.doc[i].head.dep_ == "ROOT")]
        pick = max(subj) if subj else (max((b for b in bodies if b[0] >= start), default=None))
        return Arg(pick[1]) if pick else None
    if token.pos_ in ("NOUN", "PROPN"):
        # "its chief executive, Robert Lang": the named apposition
        for child in token.children:
            if child.dep_ == "appos" and child.i in ctx.key_at:
                return Arg(ctx.key_at[child.i], ctx.role_at.get(child.i, ""))
        # "the Nile region": a place noun with the place's name before it
        if lower in gz.PLACE_CONTAINERS:
            for c in token.children:
                if c.dep_ == "compound" and c.i in ctx.key_at and ctx.label(ctx.key_at[c.i]) == "Place":
                    return Arg(ctx.key_at[c.i])
        # "the city of Columbus", "the state of Texas"
        if lower in gz.PLACE_CONTAINERS:
            for pobj in prep_objects(token, {"of"}):
                if pobj.i in ctx.key_at and ctx.label(ctx.key_at[pobj.i]) == "Place":
                    return Arg(ctx.key_at[pobj.i])
        # an unnamed unit acting for its body: "the Justice Department's civil rights
        # division opened an investigation"
        if lower in gz.UNIT_NOUNS:
            for child in token.children:
                if child.dep_ in ("poss", "compound", "nmod") and child.i in ctx.key_at and \
                        ctx.label(ctx.key_at[child.i]) in BODY_LABELS:
                    return Arg(ctx.key_at[child.i], token.lemma_)
        # an unnamed member acting for a body: "an ICE agent", "an officer with the FBI",
        # "the head of the agency"; but "X, the ICE officer who ..." is X
        if is_member_role(token.lemma_) or is_member_role(token.text) or \
                token.lower_ in gz.LEADER_ROLES:
            if token.dep_ == "appos" and token.head.i in ctx.key_at and \
                    ctx.label(ctx.key_at[token.head.i]) in ("Person", "Official"):
                return Arg(ctx.key_at[token.head.i])
            for child in token.children:
                if child.dep_ in ("compound", "poss", "nmod", "amod") and child.i in ctx.key_at \
                        and ctx.label(ctx.key_at[child.i]) in ("Agency", "Organization"):
                    return Arg(ctx.key_at[child.i], token.lemma_)
                if child.dep_ == "prep" and child.lower_ in ("of", "with", "from", "for"):
                    for pobj in child.children:
                        if pobj.i in ctx.key_at and ctx.label(ctx.key_at[pobj.i]) in ("Agency", "Organization"):
                            return Arg(ctx.key_at[pobj.i], token.lemma_)
            owner = _pronoun_owner_of_members(ctx, token, depth) if depth < 3 else None
            if owner is not None:
                return owner
            person = named_role_holder(ctx, token)
            if person:
                return Arg(person)
        person = lead_title_holder(ctx, token)
        if person:
            return Arg(person)
        key = anaphor(ctx, token)
        if key:
            return Arg(key)
    return None


def _pronoun_owner_of_members(ctx: Context, token: Token, depth: int) -> Optional[Arg]:
    """"its troops", "their agents": members of the body a possessive pronoun stands for
    act for it (KG_SPEC s.5: an unnamed member is attributed to the body)."""
    if not (is_member_role(token.lemma_) or is_member_role(token.text)):
        return None
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            owner = resolve_arg(ctx, child, depth + 1)
            if owner is not None and ctx.label(owner.key) in BODY_LABELS:
                return Arg(owner.key, token.lemma_)
    return None


def possessor_targets(ctx: Context, tokens: list[Token], doers: bool = False) -> list[Arg]:
    """Owners of what is acted on, for types with ``possessor_target`` (frames.yaml): "investigated
    Acme's accounts" -> Acme; with ``doers`` also the "by" agent ("condemned the raids by
    Border Patrol agents"). Never through a person noun ("X's son", "X's lawyer") or an
    event X underwent ("called X's deportation illegal")."""
    out = []
    for token in tokens:
        if token.i in ctx.key_at or token.pos_ != "NOUN" or token.lower_ in gz.KIN_NOUNS or \
                token.lemma_ in gz.KIN_NOUNS or is_member_role(token.lemma_) or \
                token.lower_ in gz.LEADER_ROLES or token.lemma_ in gz.PATIENT_NOUNS:
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        if doers:
            owners += prep_objects(token, {"by"})
        # "the safety of X's plants", "irregularities at X": one phrase further
        for pobj in prep_objects(token, {"of", "at"}):
            if pobj.i in ctx.key_at and ctx.label(ctx.key_at[pobj.i]) in BODY_LABELS:
                owners.append(pobj)
            elif pobj.pos_ == "NOUN":
                owners += [c for c in pobj.children if c.dep_ == "poss"]
        for arg in resolve_args(ctx, owners):
            if arg not in out:
                out.append(arg)
    return out


def _nearest_actor_before(ctx: Context, token: Token) -> Optional[Arg]:
    """The person or group right before a relative 'who/whom' the parser did not attach."""
    for i in range(token.i - 1, max(sentence_start(token), token.i - 8) - 1, -1):
        key = ctx.key_at.get(i)
        if key and ctx.label(key) in ("Person", "Official", "Group"):
            return Arg(key, ctx.role_at.get(i, ""))
    return None


def resolve_behind(ctx: Context, noun: Token, exclude: set[str]) -> list[Arg]:
    """Entities behind a non-entity noun: its compound/possessive modifiers and its 'by'
    agent ("the US Justice Department probe", "their enforcement surge"); for a bare
    definite noun ("the search"), those behind the last such noun named before it that has
    any ("the FBI search ... the search")."""
    if noun.lower_ in RELATIVE_PRONOUNS and noun.head.dep_ == "relcl":
        noun = noun.head.head  # "the raid, which they called ...": the raid
    out = _behind(ctx, noun, exclude)
    bare = noun.pos_ == "NOUN" and not any(c.dep_ in ("compound", "poss", "nmod", "amod", "prep")
                                            for c in noun.children) and \
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    if not out and bare and noun.i not in ctx.key_at:
        for earlier in reversed(tokens_of(ctx.doc)[:noun.i]):
            if earlier.lemma_ == noun.lemma_ and earlier.pos_ == "NOUN":
                out = _behind(ctx, earlier, exclude)
                if out:
                    break
    return out


def _behind(ctx: Context, noun: Token, exclude: set[str]) -> list[Arg]:
    out = []
    for child in list(noun.children) + prep_objects(noun, {"by"}):
        if child.dep_ not in ("compound", "poss", "nmod", "pobj"):
            continue
        if child.lower_ in PLURAL:
            key = anaphor(ctx, child, exclude)
            arg = Arg(key) if key else None
        else:
            arg = resolve_arg(ctx, child)
        if arg and child.dep_ == "poss" and ctx.label(arg.key) in ("Person", "Official"):
            continue  # "Diaz's deportation": Diaz is the one it was done to
        if arg and arg.key not in exclude and arg not in out:
            out.append(arg)
    return out


def _relative_antecedent(ctx: Context, noun: Token, depth: int) -> Optional[Arg]:
    """The antecedent of 'who/whom': the noun the clause modifies, or a person it governs."""
    arg = resolve_arg(ctx, noun, depth + 1)
    if arg and ctx.label(arg.key) in ("Person", "Official", "Group", "Agency", "Organization"):
        return arg
    # "photos of migrants in Minnesota whom ...": walk up through prepositions
    current = noun
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.dep_ == "prep":
            current = current.head.head
            arg2 = resolve_arg(ctx, current, depth + 1)
            if arg2 and ctx.label(arg2.key) in ("Person", "Official", "Group"):
                return arg2
        else:
            break
    return arg


def conjuncts(token: Token) -> list[Token]:
    """A token and everything coordinated with it ("A, B and C")."""
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in ("conj", "appos") and child not in out:
                out.append(child)
                stack.append(child)
    return out


def resolve_args(ctx: Context, tokens: Iterable[Token]) -> list[Arg]:
    """Entities for tokens and their conjuncts, each once, in order."""
    seen, out = set(), []
    for token in tokens:
        if token.lower_ in ("they", "them") and token.i not in ctx.key_at:
            # "X and Y ... they": the nearest coordination of names before it in the sentence
            start = sentence_start(token)
            coord = next((ctx.doc[j] for j in range(token.i - 1, start - 1, -1)
                          if j in ctx.key_at and any(c.dep_ == "conj" for c in ctx.doc[j].children)), None)
            if coord is not None:
                args = [resolve_arg(ctx, c) for c in conjuncts(coord)]
                args = [a for a in args if a and ctx.label(a.key) in ("Person", "Official", "Organization", "Agency")]
                if len(args) >= 2:
                    for a in args:
                        if a.key not in seen:
                            seen.add(a.key); out.append(a)
                    continue
        first = resolve_arg(ctx, token)
        for t in conjuncts(token):
            arg = resolve_arg(ctx, t)
            if arg and t.dep_ == "appos" and first and ctx.label(arg.key) == "Place" and \
                    ctx.label(first.key) in ("Person", "Official"):
                continue  # a place in apposition to a person is her tag ("X (R-Utah)")
            if arg and arg.key not in seen:
                seen.add(arg.key)
                out.append(arg)
    return out


# --------------------------------------------------------------------- clause roles
def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
        (verb.tag_ == "VBN" and verb.dep_ == "acl")


def subjects_of(verb: Token, depth: int = 0) -> list[Token]:
    """Logical subjects: nsubj, the 'by' agent of a passive, the controller of an infinitive,
    the noun a participle or relative clause modifies."""
    if depth > 4:
        return []
    if is_passive(verb):
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not agents:
            # the parser hangs the agent on the verb's prepositional object: "was charged
            # with fraud by the SEC", "was arrested in Altoona by police"
            agents = [p for prep in verb.children if prep.dep_ == "prep"
                      for obj in prep.children if obj.dep_ == "pobj"
                      for by in obj.children if by.dep_ in ("prep", "agent") and by.lower_ == "by"
                      for p in by.children if p.dep_ == "pobj"]
        return agents
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subj) > 1:  # a misparse with two subjects: the nearest one before the verb
        before = [c for c in subj if c.i < verb.i]
        subj = [max(before, key=lambda c: c.i)] if before else subj[:1]
    if subj:
        # "X with Y and Z announced ...": named people joined to the subject by "with"
        extra = []
        for sj in subj:
            if sj.pos_ != "PROPN":
                continue
            for prep in (c for c in sj.children if c.dep_ == "prep" and c.lower_ in ("with", "alongside")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                    extra.append(pobj)
                    extra.extend(c for c in pobj.children if c.dep_ == "nmod" and c.pos_ == "PROPN")
        return subj + extra
    if verb.dep_ == "conj":
        head = verb.head
        if verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB" and head.dep_ in ("ccomp", "xcomp") and \
                any(c.dep_ == "aux" for c in head.children):
            # "X ruled that Y must stop ... and ordered Z": a finite verb cannot share the
            # bare verb's modal, so it is coordinated with the clause that governs it
            return subjects_of(head.head, depth + 1)
        return subjects_of(head, depth + 1)
    if verb.dep_ == "ROOT":
        return _implicit_subject(verb)
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if verb.dep_ == "advcl" and head.dep_ == "ccomp" and head.head.lemma_ in cues.SPEECH_VERBS:
            # "X said that ..., calling Y Z": the speaker does the calling
            return subjects_of(head.head, depth + 1)
        called_on = prep_objects(head, {"on", "upon"})
        if verb.dep_ in ("xcomp", "advcl") and head.lemma_ in cues.CALL_ON_VERBS and called_on:
            return called_on  # "called on authorities to charge X"
        if verb.dep_ == "xcomp" and head.lemma_ in cues.OBJECT_CONTROL_VERBS:
            # "ordered troops to deploy"; passive "troops were told to deploy"
            objs = [c for c in head.children if c.dep_ in OBJECT_DEPS or c.dep_ == "nsubjpass"]
            if objs:
                return objs
        if verb.dep_ == "advcl" and is_passive(head) and verb.tag_ == "VBG":
            return [c for c in head.children if c.dep_ == "nsubjpass"]
        return subjects_of(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return [verb.head]
    preventer = prevented_by(verb)
    if preventer is not None:
        # "blocked X from deploying": X is who would have done it
        return [c for c in preventer.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in ("for", "by", "after", "before", "while", "in", "over"):
        # a gerund in a phrase: "X had no reason for striking Y"
        cur = verb.head.head
        for _ in range(3):
            if cur.pos_ in ("VERB", "AUX"):
                break
            if cur.dep_ in ("dobj", "pobj", "prep", "attr"):
                cur = cur.head
            else:
                return []
        if cur.pos_ not in ("VERB", "AUX"):
            return []
        if is_passive(cur):
            return [c for c in cur.children if c.dep_ == "nsubjpass"]
        objs = [c for c in cur.children if c.dep_ in OBJECT_DEPS and c.pos_ in ("PROPN", "PRON")]
        return objs or [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
    return []


def _noun_before_auxiliaries(verb: Token, skip_punct: bool = False) -> Optional[Token]:
    """The noun ending right before a verb's auxiliaries (or the verb), if any."""
    j = min([c.i for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb.i]) - 1
    while skip_punct and j >= sentence_start(verb) and verb.doc[j].is_punct:
        j -= 1
    if j < sentence_start(verb) or verb.doc[j].pos_ not in ("PROPN", "NOUN"):
        return None
    return verb.doc[j]


def _implicit_subject(verb: Token) -> list[Token]:
    """A finite root verb the parser left without a subject: the noun phrase that ends
    right before its auxiliaries ("..., the Department has threatened")."""
    before = _noun_before_auxiliaries(verb)
    if before is not None and before.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj"):
        return [before]
    return []


def _lost_passive_subject(verb: Token) -> list[Token]:
    """A passive conj verb the parser left without a subject: the noun phrase ending right
    before its auxiliaries, climbed through appositions and coordination."""
    t = _noun_before_auxiliaries(verb, skip_punct=True)
    if t is None:
        return []
    while t.dep_ in ("appos", "conj") and t.head.dep_ in ("appos", "conj", "nsubj", "nsubjpass"):
        t = t.head
    return [t]


def objects_of(verb: Token) -> list[Token]:
    """Direct objects, or the passive subject."""
    if is_passive(verb):
        objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not objs and verb.dep_ == "conj":
            objs = _lost_passive_subject(verb)
        if not objs and verb.dep_ == "acl":
            objs = [verb.head]
        if not objs and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and \
                verb.head.head.pos_ in ("VERB", "AUX"):
            # "X died after being shot by Y": the clause's subject underwent it
            objs = [c for c in verb.head.head.children if c.dep_ in SUBJECT_DEPS]
        return objs
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not objs:
        # "shot and killed X": coordinated verbs share the object of the last one
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            objs = [c for c in conj.children if c.dep_ in OBJECT_DEPS]
            if objs:
                break
    return objs


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``token``."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(p for p in child.children if p.dep_ == "pobj")
    return out


def prevented_by(verb: Token) -> Optional[Token]:
    """The verb that keeps someone from doing ``verb`` ("blocked X from deploying"), if any."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_ in cues.PREVENTING_VERBS:
        return verb.head.head
    return None


def negated(verb: Token) -> bool:
    """True when the clause says the event did not happen."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb
    for _ in range(2):
        if head.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in head.head.children):
            return True
        # "declined to charge X", "refused to arrest X": the event did not happen
        if head.dep_ == "xcomp" and head.head.lemma_ in cues.NEGATING_GOVERNORS:
            return True
        # "blocked X from deploying troops", "barred the agency from suing X": prevented
        if prevented_by(head) is not None:
            return True
        head = head.head
    return False


def modality(verb: Token) -> tuple[bool, bool]:
    """(hypothetical, conditional): planned/threatened vs would/could/might."""
    hypothetical = conditional = False
    current = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in cues.CONDITIONAL_MODALS for c in current.children):
            conditional = True
        if current.dep_ in ("xcomp", "ccomp", "advcl") and current.head.lemma_ in cues.REQUEST_GOVERNORS:
            conditional = True  # a request is not an event
        if current.dep_ in ("xcomp", "ccomp") and current.head.lemma_ in cues.HYPOTHETICAL_GOVERNORS:
            hypothetical = True
        if current.head is current or current.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            break
        current = current.head
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in cues.CONDITIONAL_MODALS
                                    for c in verb.children):
        conditional = True
    return hypothetical, conditional


def under_threat(verb: Token) -> bool:
    """True for an action embedded under 'threaten to ...' (the threat is the relation)."""
    current = verb
    for _ in range(3):
        if current.dep_ == "xcomp" and current.head.lemma_ in cues.THREAT_VERBS:
            return True
        if current.dep_ != "xcomp":
            return False
        current = current.head
    return False


# --------------------------------------------------------------------------- emit
def emit(ctx: Context, source: Arg, rtype: str, target: Arg, trigger: Token, extractor: str,
         confidence: float, *, neg: bool = False, hyp: bool = False, title: str = "") -> None:
    """Record one relation with its evidence sentence and date."""
    if source.key == target.key or source.key not in ctx.entities or target.key not in ctx.entities:
        return
    sent = sentence_of(trigger)
    raw = doc_text(ctx.doc)[sent.start_char:sent.end_char]
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    ctx.relations.append(Relation(
        source=source.key, type=rtype, target=target.key, evidence=text,
        article=ctx.article.id, char_start=sent.start_char + lead,
        char_end=sent.start_char + lead + len(text), extractor=extractor,
        confidence=confidence,
        date=event_date(trigger, sent, ctx.article.date) if category_of(rtype) else None,
        negated=neg, hypothetical=hyp, agent_role=source.role, title=title,
        category=category_of(rtype)))


def _fits(ctx: Context, rtype: str, source: Arg, target: Arg) -> bool:
    """Argument labels of the type (``frames.yaml``)."""
    spec = ctx.frames.types.get(rtype)
    if spec is None:
        return False
    return ctx.label(source.key) in spec.source and _fits_target(ctx, rtype, target)


def _fits_target(ctx: Context, rtype: str, target: Arg) -> bool:
    """The target's label fits the type; a Group target of a ``force_target`` type must be
    a force ("troops", not "voters")."""
    spec = ctx.frames.types[rtype]
    label = ctx.label(target.key)
    if label not in spec.target:
        return False
    return not (spec.force_target and label == "Group") or _is_force(ctx, target)


# --------------------------------------------------------------------------- rules
def slot_tokens(verb: Token, slot: Slot) -> list[Token]:
    """The words filling one argument slot of a verb frame (see ``frames.yaml``)."""
    if slot.kind == "subject":
        return subjects_of(verb)
    if slot.kind == "object":
        return objects_of(verb)
    if slot.kind == "prep":
        return prep_objects(verb, slot.preps)
    if slot.kind == "object-prep":
        return [p for c in verb.children if c.dep_ == "dobj" for p in prep_objects(c, slot.preps)]
    if slot.kind == "obliged-subject":
        return [s for c in verb.children if c.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ in cues.OBLIGATION_MODALS for a in c.children)
                for s in c.children if s.dep_ in SUBJECT_DEPS]
    xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
    if slot.kind == "xcomp-object":
        return [t for xc in xcomps for t in objects_of(xc)]
    return [t for xc in xcomps for t in prep_objects(xc, slot.preps)]  # xcomp-prep


def fill_slots(ctx: Context, verb: Token, slots: tuple[Slot, ...]) -> tuple[list[Arg], list[Token], Optional[Slot]]:
    """The entities of the first slot that names any (alternatives in frame order), the
    words of every slot tried, and the slot that named them."""
    tried: list[Token] = []
    for slot in slots:
        tokens = slot_tokens(verb, slot)
        args = resolve_args(ctx, tokens)
        if args:
            return args, tokens, slot
        tried.extend(tokens)
    return [], tried, None


#: Token attributes a pattern may test, as read in Python for the quick checks below.
_TOKEN_ATTRS = {"ORTH": "text", "TEXT": "text", "LOWER": "lower_", "LEMMA": "lemma_",
                "POS": "pos_", "TAG": "tag_", "DEP": "dep_"}


def _may_match(token: Token, attrs: dict) -> bool:
    """Whether ``token`` may satisfy a pattern node's attributes: the string, IN and NOT_IN
    tests of ``_TOKEN_ATTRS`` are checked, anything else is left to the matcher."""
    for key, value in attrs.items():
        name = _TOKEN_ATTRS.get(key)
        if name is None:
            continue
        actual = getattr(token, name)
        if isinstance(value, str) and actual != value:
            return False
        if isinstance(value, dict) and (("IN" in value and actual not in value["IN"]) or
                                        ("NOT_IN" in value and actual in value["NOT_IN"])):
            return False
    return True


@functools.lru_cache(maxsize=8)
def _construction_matcher(frames: FrameSet, vocab) -> tuple[dict, tuple, DependencyMatcher]:
    """The constructions by the lemmas their first word may have (and those whose first
    word names none), and the DependencyMatcher of all their patterns."""
    by_lemma: dict[str, list] = {}
    unlemmaed = []
    tree = DependencyMatcher(vocab)
    for name, pattern in matching_patterns(frames).items():
        tree.add(name, [pattern])
        lemma = pattern[0].get("RIGHT_ATTRS", {}).get("LEMMA")
        lemmas = [lemma] if isinstance(lemma, str) else \
            lemma.get("IN") if isinstance(lemma, dict) and isinstance(lemma.get("IN"), list) else None
        for word in lemmas or ():
            by_lemma.setdefault(word, []).append(pattern)
        if lemmas is None:
            unlemmaed.append(pattern)
    return by_lemma, tuple(unlemmaed), tree


def _may_start(pattern: list, token: Token) -> bool:
    """Whether a pattern may match with ``token`` as its first node: that node's own tests,
    and those of a node hung right on it ("<": its head, ">": one of its children)."""
    if not _may_match(token, pattern[0].get("RIGHT_ATTRS", {})):
        return False
    first = pattern[0].get("RIGHT_ID")
    for node in pattern[1:]:
        if node.get("LEFT_ID") == first and node.get("REL_OP") in ("<", ">"):
            near = [token.head] if node["REL_OP"] == "<" else list(token.children)
            if not any(_may_match(t, node.get("RIGHT_ATTRS", {})) for t in near):
                return False
    return True


def construction_matches(doc: Doc, frames: FrameSet) -> list[tuple]:
    """Every match of the constructions of ``frames`` (``constructions.yaml``) in ``doc``:
    (construction, {anchor: token}). The DependencyMatcher runs only on the sentences where
    a construction may start (its word tests run over every token it is given, and a Span
    is copied into a Doc of its own)."""
    if not frames.constructions:
        return []
    by_lemma, unlemmaed, tree = _construction_matcher(frames, doc.vocab)
    sentences = {}
    for token in tokens_of(doc):
        if any(_may_start(p, token) for p in (*by_lemma.get(token.lemma_, ()), *unlemmaed)):
            sent = sentence_of(token)
            sentences[sent.start] = sent
    found = []
    for start in sorted(sentences):
        for match_id, token_ids in tree(sentences[start]):
            construction = frames.constructions[doc.vocab.strings[match_id]]
            anchors = {a: doc[start + i] for a, i in zip(construction.anchors, token_ids)}
            if construction.cue_without and any(c.dep_ in construction.cue_without
                                                for c in anchors["cue"].children):
                continue  # "the film critic of X": a post, no criticism
            found.append((construction, anchors))
    return found


def anchored_tokens(anchors: dict[str, Token], specs) -> list[Token]:
    """The words a construction's argument specs name: an anchor's word, or the words a
    frame slot finds on it."""
    return [t for a in specs for t in
            ([anchors[a.anchor]] if a.slot is None else slot_tokens(anchors[a.anchor], a.slot))]


def construction_relations(ctx: Context) -> None:
    """Relations of the constructions that name their types (``constructions.yaml``:
    "X, part of Y", "X based in Y"), between the entities their anchors name."""
    for construction, anchors in ctx.constructions:
        trigger = anchors.get("cue") or anchors[construction.anchors[0]]
        sources = resolve_args(ctx, anchored_tokens(anchors, construction.source))
        targets = resolve_args(ctx, anchored_tokens(anchors, construction.target))
        for s in sources:
            if construction.source_labels and ctx.label(s.key) not in construction.source_labels:
                continue
            for t in targets:
                if construction.target_labels and ctx.label(t.key) not in construction.target_labels:
                    continue
                for rtype in construction.types:
                    if _fits(ctx, rtype, s, t):
                        emit(ctx, s, rtype, t, trigger, f"pattern:{construction.name}",
                             construction.confidence)


def verb_relations(ctx: Context) -> None:
    """Verb frames (``frames.yaml``) in active and passive voice, with coordination and
    control; the frame says where source and target are, this code how to find them."""
    for verb in tokens_of(ctx.doc):
        if verb.pos_ != "VERB" or verb.dep_ == "amod":
            continue
        frame = ctx.frames.verb_frame(verb)
        if frame is None or under_threat(verb):
            continue
        hyp, conditional = modality(verb)
        if conditional:
            continue
        neg = negated(verb)
        if verb.i in ctx.key_at and ctx.label(ctx.key_at[verb.i]) == "Group":
            sources = [Arg(ctx.key_at[verb.i])]  # "residents protesting X"
        else:
            sources = fill_slots(ctx, verb, frame.source)[0]
        targets, target_tokens, slot = fill_slots(ctx, verb, frame.target)
        if frame.source_labels is not None:
            sources = [a for a in sources if ctx.label(a.key) in frame.source_labels]
        specs = [ctx.frames.spec(t) for t in frame.types]
        if not targets and any(s.possessor_target for s in specs):
            doers = any(s.doer_target for s in specs)
            targets = possessor_targets(ctx, target_tokens, doers=doers)
            if not targets and target_tokens and any(sl.kind == "prep" for sl in frame.target):
                # "looking into irregularities at X": the parser hangs the phrase on the verb
                targets = [a for a in (resolve_arg(ctx, p) for p in prep_objects(verb, {"at"}))
                           if a and ctx.label(a.key) in BODY_LABELS]
            if not targets and doers and target_tokens and not is_passive(verb):
                # "condemned the raids by X": the parser hangs the raids' agent on the verb
                targets = resolve_args(ctx, prep_objects(verb, {"by"}))
        if not targets and any(s.behind_target for s in specs):
            exclude = {a.key for a in sources}
            targets = [a for t in target_tokens for a in resolve_behind(ctx, t, exclude)]
        if frame.target_labels is not None:
            targets = [a for a in targets if ctx.label(a.key) in frame.target_labels]
        name = f"verb:{verb.lemma_}" + (":passive" if is_passive(verb) else "")
        if slot is not None and slot.kind.startswith("xcomp"):
            name += ":xcomp:" + next(c.lemma_ for c in verb.children if c.dep_ == "xcomp")
        fatal = any(c.lower_ in cues.FATAL_MODIFIERS for c in verb.children)
        for spec in specs:
            types = (spec.name,) + ((spec.fatal,) if fatal and spec.fatal else ())
            if spec.destination:
                _deployment(ctx, verb, spec, sources, targets, name, neg, hyp, target_tokens)
                continue
            for rtype in types:
                for s in sources:
                    for t in targets:
                        if _fits(ctx, rtype, s, t):
                            emit(ctx, s, rtype, t, verb, name, 0.8 if not hyp else 0.6, neg=neg, hyp=hyp)


def _deployment(ctx: Context, verb: Token, spec, sources: list[Arg], targets: list[Arg], name: str,
                neg: bool, hyp: bool, target_tokens=()) -> None:
    """A sending (sender -> force, e.g. DEPLOYED) and the force's destination (force ->
    place, e.g. DEPLOYED_TO)."""
    dest = prep_objects(verb, cues.DESTINATION_PREPS)
    if not dest:  # "kept 800 troops in X": the phrase hangs on the object
        dest = [p for t in target_tokens for p in prep_objects(t, cues.DESTINATION_PREPS)]
    places = [a for a in resolve_args(ctx, dest) if ctx.label(a.key) == "Place"]
    forces = [t for t in targets if _fits_target(ctx, spec.name, t)]
    if not targets and not is_passive(verb) and verb.lemma_ in cues.MOVEMENT_VERBS:
        # "troops deploy to the state", "agents arrived in the city": the subject is the
        # force (protesters arriving are no deployment)
        forces, sources = [s for s in sources if _is_force(ctx, s)], []
    for s in sources:
        for t in forces:
            if _fits(ctx, spec.name, s, t):
                emit(ctx, s, spec.name, t, verb, name, 0.75, neg=neg, hyp=hyp)
    for f in forces:
        for p in places:
            if _fits(ctx, spec.destination, f, p):
                emit(ctx, f, spec.destination, p, verb, name + ":to", 0.75, neg=neg, hyp=hyp)


def _is_force(ctx: Context, arg: Arg) -> bool:
    """A body, or a group named by a force word ("troops", "agents")."""
    label = ctx.label(arg.key)
    return label == "Agency" or (label == "Group" and
                                 match_key(ctx.entities[arg.key].name).split()[-1] in gz.FORCE_WORDS)


def nominal_relations(ctx: Context) -> None:
    """Event nouns: 'the shooting of X by Y', 'the X probe of Y', 'subpoenas that went to X'."""
    for noun in tokens_of(ctx.doc):
        frame = ctx.frames.nouns.get(noun.lemma_) if noun.pos_ == "NOUN" else None
        if frame is None:
            continue
        types = frame.types
        target_tokens = [t for slot in frame.target for t in prep_objects(noun, slot.preps)]
        source_tokens = prep_objects(noun, {"by"})
        for child in noun.children:
            if child.dep_ in ("compound", "nmod", "amod") and child.i in ctx.key_at:
                source_tokens.append(child)
            if child.dep_ == "poss":
                # "X's killing" is X killed, but "an officer's killing of X" is the officer's
                has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
                patient = frame.possessor == "patient" and not has_of
                (target_tokens if patient else source_tokens).append(child)
        # the constructions around the noun ("X received a subpoena from Y", "filed a
        # lawsuit against X": constructions.yaml)
        fallback: list[Token] = []
        for construction, anchors in ctx.event_constructions.get(noun.i, ()):
            source_tokens.extend(anchored_tokens(anchors, construction.source))
            target_tokens.extend(anchored_tokens(anchors, construction.target))
            fallback.extend(anchored_tokens(anchors, construction.source_if_none))
        if not source_tokens:
            source_tokens.extend(fallback)
        sources = resolve_args(ctx, source_tokens)
        targets = resolve_args(ctx, target_tokens)
        specs = [ctx.frames.spec(t) for t in types]
        if not targets and any(s.possessor_target for s in specs):
            targets = possessor_targets(ctx, target_tokens)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)
        if targets:
            ctx.event_targets[types[0]] = targets
        elif definite and types[0] in ctx.event_targets and (sources or noun.dep_ == "dobj"):
            # "filed the lawsuit", "joined the state's suit": the suit named before
            targets = ctx.event_targets[types[0]]
        if not targets:
            _moved_forces(ctx, noun, specs, sources)
            continue
        has_poss = any(c.dep_ == "poss" for c in noun.children)
        if not sources and definite and not has_poss:
            # "the subpoenas that went to X": the ones issued earlier in the article
            previous = [r for r in ctx.relations if r.type == types[0]]
            if previous:
                sources = [Arg(previous[-1].source, previous[-1].agent_role)]
        fatal = any(c.lower_ in cues.FATAL_ADJECTIVES for c in noun.children)
        neg = any(c.dep_ == "neg" for c in noun.children)
        hyp = False
        verb = _verb_taking(noun)
        if verb is not None:
            # "could face charges", "did not file a lawsuit", "plans to open an inquiry":
            # the event is the verb's, with its negation and modality
            hyp, conditional = modality(verb)
            if conditional:
                continue
            neg = neg or negated(verb)
        name = f"noun:{noun.lemma_}"
        if noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children) \
                and all(ctx.label(t.key) == "Group" for t in targets):
            # a bare plural between two unnamed groups is a generic statement
            sources = [s for s in sources if ctx.label(s.key) != "Group"]
        for spec in specs:
            for rtype in (spec.name,) + ((spec.fatal,) if fatal and spec.fatal else ()):
                for s in sources:
                    for t in targets:
                        if _fits(ctx, rtype, s, t):
                            emit(ctx, s, rtype, t, noun, name, 0.7 if not hyp else 0.5, neg=neg, hyp=hyp)
            if spec.destination:  # "the deployment of troops to Denver"
                # ("authorized the deployment of troops to Denver": "to" on the verb)
                on_verb = prep_objects(verb, cues.DESTINATION_PREPS - {"in"}) \
                    if verb is not None and noun.dep_ in ("dobj", "obj") else []
                places = [a for a in resolve_args(ctx, prep_objects(noun, cues.DESTINATION_PREPS - {"in"}) + on_verb)
                          if ctx.label(a.key) == "Place"]
                for force in (t for t in targets if _is_force(ctx, t)):
                    for place in places:
                        if _fits(ctx, spec.destination, force, place):
                            emit(ctx, force, spec.destination, place, noun, name + ":to", 0.7 if not hyp else 0.5,
                                 neg=neg, hyp=hyp)


def _moved_forces(ctx: Context, noun: Token, specs, owners: list[Arg]) -> None:
    """"the Guard's deployment in Portland", "their deployment to the border": a sending
    noun with no one sent moves its possessor, when a force, to the places it names (as a
    movement verb with no object moves its subject)."""
    places = [a for a in resolve_args(ctx, prep_objects(noun, cues.DESTINATION_PREPS))
              if ctx.label(a.key) == "Place"]
    if not places or not any(c.dep_ == "poss" for c in noun.children):
        return
    for spec in (s for s in specs if s.destination):
        for force in (o for o in owners if _is_force(ctx, o)):
            for place in places:
                if _fits(ctx, spec.destination, force, place):
                    emit(ctx, force, spec.destination, place, noun, f"noun:{noun.lemma_}:to", 0.65)


def _verb_taking(noun: Token) -> Optional[Token]:
    """The verb an event noun is the object of ("filed a lawsuit", "faces charges", "was
    placed under investigation", "charges were filed"), whose negation and modality are the
    event's; None for a subject ("the investigation found ..." happened whatever it found)."""
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def calling_criticism(ctx: Context) -> None:
    """'calling X "a partisan distraction"': criticism of X (or of the body behind X)."""
    for verb in tokens_of(ctx.doc):
        if verb.lemma_ not in cues.CALLING_VERBS or verb.pos_ != "VERB":
            continue
        objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        seconds = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")]
        misparsed_root = None
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "pobj" and \
                verb.head.head.dep_ == "prep" and verb.head.head.head.dep_ == "ROOT" and \
                verb.head.head.head.pos_ in ("PROPN", "NOUN"):
            # "X in a post called Y's Z 'a ...'": the parser made X the root
            misparsed_root = verb.head.head.head
            if not objs:
                objs = [c for c in verb.children if c.dep_ == "oprd"]
        if not objs:
            continue
        quoted = any(_is_quoted(ctx.doc, c) for c in seconds + objs[1:])
        derogatory = any(t.lower_ in cues.DEROGATORY_WORDS for c in seconds for t in c.subtree)
        derogatory |= any(t.lower_ in cues.DEROGATORY_WORDS for t in ctx.doc[verb.i + 1: sentence_of(verb).end]
                          if t.i > max(o.i for o in objs))
        if not (quoted or derogatory):
            continue
        sources = resolve_args(ctx, subjects_of(verb))
        if not sources and misparsed_root is not None:
            sources = resolve_args(ctx, [misparsed_root])
        # "called X's plan ...", "called the ruling by X ...": CRITICIZED takes owners and doers
        rtype = ctx.frames.rule_types["derogatory_naming"]
        targets = resolve_args(ctx, objs) or possessor_targets(ctx, objs, doers=ctx.frames.spec(rtype).doer_target)
        if not targets:
            exclude = {a.key for a in sources}
            targets = [a for obj in objs for a in resolve_behind(ctx, obj, exclude)]
        if not targets and (any(o.lower_ == "what" for o in objs) or not is_passive(verb)):
            # "what he called 'bullying' by Y", "called the ruling by Y 'a disgrace'" (the
            # parser hangs "by Y" on the verb; an active verb's doer is its subject): the
            # doer of what is so named
            targets = resolve_args(ctx, prep_objects(verb, {"by"}) +
                                   [p for c in seconds for p in prep_objects(c, {"by"})])
        for s in sources:
            for t in targets:
                if _fits(ctx, rtype, s, t):
                    emit(ctx, s, rtype, t, verb, "verb:call:derogatory", 0.6)


def _is_quoted(doc: Doc, token: Token) -> bool:
    left = doc[max(token.left_edge.i - 1, 0)]
    return left.text in ('"', "“", "'", "‘") or token.left_edge.text in ('"', "“")


def office_relations(ctx: Context) -> None:
    """HOLDS_OFFICE from titles: 'Minnesota Governor Tim Walz' -> Walz -> Minnesota."""
    holds = ctx.frames.rule_types["title_office"]
    seen = set()
    for m in ctx.mentions:
        if m.label != "Official" or not m.title or not m.key or m.nominal:
            continue
        juris = jurisdiction_key(m, ctx.key_at)
        if not juris or juris == m.key or (m.key, juris) in seen:
            continue
        if ctx.label(juris) not in ("Place", "Agency", "Organization"):
            continue
        seen.add((m.key, juris))
        emit(ctx, Arg(m.key), holds, Arg(juris), ctx.doc[m.head], "title", 0.85,
             title=m.title)
        place = _place_naming(ctx, juris)
        if place and (m.key, place) not in seen:
            # "Ohio Supreme Court Justice X", "Norland Police Commissioner X": the
            # office is the place's too
            seen.add((m.key, place))
            emit(ctx, Arg(m.key), holds, Arg(place), ctx.doc[m.head], "title:body-place",
                 0.7, title=m.title)
    # "Rep. Ana Ruiz, D-Ohio", "Sen. Ana Ruiz (R-Utah)", "Ana Ruiz, Oregon Republican": a
    # legislator's party tag names the state she represents
    for m in ctx.mentions:
        if m.label not in ("Person", "Official") or not m.key or m.key not in ctx.entities:
            continue
        state = _party_tag_state(ctx, m)
        if state and state != m.key and (m.key, state) not in seen:
            seen.add((m.key, state))
            emit(ctx, Arg(m.key), holds, Arg(state), ctx.doc[m.head], "title:party-tag",
                 0.75, title=m.title or "legislator")
    # "Gov. Ana Ruiz" with no state named beside her, in an article about one state: a
    # governor's office is a state's, and that state is the one the article is about
    # likewise "President X" holds the office of the country the article is about
    # (only when one person alone holds such a title unplaced: with two presidents, the
    # article's country is no guide to either)
    placed = {key for key, _ in seen}
    for titles, place, name in ((gz.STATE_ONLY_TITLES, _article_state(ctx), "title:article-state"),
                                (gz.NATIONAL_TITLES, _article_country(ctx), "title:article-country")):
        unplaced: dict[str, dict[str, Mention]] = {}
        for m in ctx.mentions:
            if m.label == "Official" and m.key and m.key not in placed and not m.nominal \
                    and match_key(m.title) in titles and m.key in ctx.entities:
                unplaced.setdefault(match_key(m.title), {}).setdefault(m.key, m)
        for holders in unplaced.values():
            if len(holders) > 1:
                # an ousted or former holder is no rival for the office of the article's country
                holders = {k: m for k, m in holders.items()
                           if not any(_former(ctx, x) for x in ctx.mentions if x.key == k)}
            if place and len(holders) == 1:
                (key, m), = holders.items()
                emit(ctx, Arg(key), holds, Arg(place), ctx.doc[m.head], name, 0.6,
                     title=m.title)


def _party_tag_state(ctx: Context, m: Mention) -> Optional[str]:
    """The state entity of a party-state tag right after a person's name: ", D-Ore.",
    "(R-Utah)", ", Oregon Republican"."""
    doc = ctx.doc
    if m.end + 2 >= len(doc) or doc[m.end].text not in (",", "("):
        return None
    end = m.end + 1
    while end < min(len(doc), m.end + 7) and doc[end].text not in (",", ")", ";") and \
            not doc[end].is_sent_start:
        end += 1
    if end >= len(doc) or doc[end].text not in (",", ")") and end != len(doc):
        return None
    tag = doc[m.end + 1:end]
    text = "".join(t.text_with_ws for t in tag).strip()
    party, dash, rest = text.partition("-")
    if dash and party.strip() in gz.PARTY_TAG_LETTERS:
        rest = rest.strip()
        state = rest if rest in gz.US_STATES else gz.STATE_ABBREVIATIONS.get(match_key(rest))
    elif len(tag) >= 2 and tag[-1].lower_ in gz.PARTY_MEMBER_WORDS and tag[-1].is_title:
        state = tag[:-1].text if tag[:-1].text in gz.US_STATES else None
    else:
        return None
    if not state:
        return None
    keys = [ctx.key_at[t.i] for t in tag if t.i in ctx.key_at and ctx.label(ctx.key_at[t.i]) == "Place"]
    keys += [k for k, e in ctx.entities.items() if e.label == "Place" and e.name == state]
    return next((k for k in keys if ctx.entities[k].name == state), None)


def _place_naming(ctx: Context, body: str) -> Optional[str]:
    """The place of the article that a government body's name begins with, if any."""
    if ctx.label(body) != "Agency":
        return None
    name = match_key(ctx.entities[body].name).split()
    for key, entity in ctx.entities.items():
        if entity.label != "Place":
            continue
        for alias in {entity.name, *entity.aliases}:
            words = match_key(alias).split()
            # the place's own body ("Ohio Supreme Court"), not one named for a place as its
            # subject ("the Cuba Affairs Office")
            if words and len(words) < len(name) and name[:len(words)] == words and \
                    name[len(words)] in gz.PLACE_OWNED_BODY_WORDS:
                return key
    return None


def _former(ctx: Context, m: Mention) -> bool:
    """A title held no longer: "former President X", "ousted Prime Minister X"."""
    return any(t.lower_ in gz.FORMER_WORDS for t in ctx.doc[max(m.start - 3, 0): m.start])


def _article_state(ctx: Context) -> Optional[str]:
    """The US state an article names most (at least twice, and more than any other)."""
    ranked = sorted(((k, len(v)) for k, v in us_state_mentions(ctx).items()), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


#: How far the most-named country must lead the next for an article to be about it.
COUNTRY_LEAD = 1.3


def _article_country(ctx: Context) -> Optional[str]:
    """The country an article names most, counting its demonym ("French"), its capital
    and, for the United States, its states; None unless it clearly leads the next one."""
    places = {ctx.entities[k].name: k for _, k in ctx.order if ctx.label(k) == "Place"}
    counts: dict[str, int] = {}
    for _, k in ctx.order:
        name = ctx.entities[k].name if ctx.label(k) == "Place" else ""
        if name in gz.US_STATES:  # states and territories ("Puerto Rico") are the US's
            counts["United States"] = counts.get("United States", 0) + 1
        elif name in gz.COUNTRIES or name in gz.CAPITALS:
            country = gz.CAPITALS.get(name, name)
            counts[country] = counts.get(country, 0) + 1
    for token in tokens_of(ctx.doc):  # "French troops", "the French government" count too
        country = gz.DEMONYMS.get(token.lower_)
        if country and token.is_title:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(((n, c) for n, c in counts.items() if n in places), key=lambda nc: -nc[1])
    if not ranked or ranked[0][1] < 2:
        return None
    runner_up = max((c for n, c in counts.items() if n != ranked[0][0]), default=0)
    return places[ranked[0][0]] if ranked[0][1] >= COUNTRY_LEAD * runner_up else None


def location_relations(ctx: Context) -> None:
    """LOCATED_IN from 'Davos, Switzerland', 'the town of X' and 'X in Y' ('troops based in
    Alaska' is a construction)."""
    located = ctx.frames.rule_types["place_in_place"]
    doc = ctx.doc
    places = sorted((m for m in ctx.mentions if m.label == "Place" and m.key), key=lambda m: m.start)
    by_start = {m.start: m for m in places}
    for m in places:
        outer = by_start.get(m.end + 1) if m.end + 1 < len(doc) and doc[m.end].text == "," else None
        if outer is None or outer.key == m.key or not _is_region(outer):
            continue
        # "Colorado, Connecticut, Delaware and ...": a list, not a place in a place
        before = doc[m.start - 2: m.start] if m.start >= 2 else None
        in_list = (before is not None and before[1].text == "," and before[0].i in ctx.key_at) or \
            (outer.end + 1 < len(doc) and doc[outer.end].text in (",", "and", "or") and
             (outer.end + 1 in by_start or doc[outer.end + 1].lower_ in ("and", "or")))
        if _is_region(m) and ctx.entities[outer.key].name not in gz.COUNTRIES:
            continue  # "Texas, Ohio": two states, not one inside the other
        if not in_list:
            emit(ctx, Arg(m.key), located, Arg(outer.key), doc[m.head],
                 "pattern:place-comma-place", 0.8)
    for noun in tokens_of(doc):  # "the coastal Norland town of Vik", "Vik, the capital of Norland"
        if noun.lemma_ not in gz.PLACE_TYPE_NOUNS or noun.pos_ != "NOUN":
            continue
        inner: list[Arg] = []
        if noun.dep_ == "appos":  # the one place described (not its own appositions)
            described = resolve_arg(ctx, _city_of_pair(ctx, noun.head))
            inner = [described] if described else []
        inner += resolve_args(ctx, prep_objects(noun, {"of"}))
        outer = resolve_args(ctx, [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss")])
        if noun.dep_ == "appos":
            outer += resolve_args(ctx, prep_objects(noun, {"of"}))
        for x in inner:
            for y in outer:
                if x.key != y.key and ctx.label(x.key) == ctx.label(y.key) == "Place":
                    emit(ctx, x, located, y, noun, "pattern:place-noun", 0.75)
    for m in places:  # "Pike County (Vik), the state's oldest county": misparsed often
        outer = _described_region(ctx, m)
        if outer and outer != m.key:
            emit(ctx, Arg(m.key), located, Arg(outer), doc[m.head], "pattern:place-described", 0.7)
    for token in tokens_of(doc):  # "the Elysee Palace in Paris": a place inside a place
        if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in ("PROPN", "NOUN"):
            continue
        holder = ctx.key_at.get(token.head.i)
        if holder is None and token.head.lemma_ in gz.FACILITY_NOUNS:
            # "the Acme bottling plant in Pike County": the named site is there
            holder = next((ctx.key_at[c.i] for c in token.head.children
                           if c.dep_ == "compound" and c.i in ctx.key_at), None)
            if holder and ctx.label(holder) not in ("Place", "Organization"):
                holder = None
        elif holder and ctx.label(holder) != "Place" and not (
                ctx.label(holder) == "Agency" and token.head.lower_ in gz.FORCE_WORDS and
                not ctx.role_at.get(token.head.i) and not any(c.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod")
                                                          for c in token.head.children)):
            # a body "in" a place is often only where it met, so places only; but "police
            # in Vik", the force the article names, is Vik's
            continue
        if not holder:
            continue
        for pobj in (c for c in token.children if c.dep_ == "pobj"):
            w = resolve_arg(ctx, pobj)
            if w and ctx.label(w.key) == "Place":
                emit(ctx, Arg(holder), located, w, token, "pattern:x-in-place", 0.55)


def _described_region(ctx: Context, m: Mention) -> Optional[str]:
    """The region in "X[ (Y)], the <region>'s [adjectives] <place noun>", read word by word:
    the parser often makes the description an adverb of the verb."""
    doc, i = ctx.doc, m.end
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i, min(i + 8, len(doc))) if doc[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i + 4 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ != "the":
        return None
    j = i + 2
    region = ctx.key_at.get(j)
    if region is not None:
        while j + 1 < len(doc) and ctx.key_at.get(j + 1) == region:
            j += 1
    elif doc[j].lower_ in gz.PLACE_CONTAINERS:  # "the state's": the state the article is about
        region = anaphor(ctx, doc[j])
    if region is None or ctx.label(region) != "Place" or j + 1 >= len(doc) or \
            doc[j + 1].lower_ not in POSSESSIVE:
        return None
    k = j + 2
    while k < len(doc) and k < j + 5 and doc[k].pos_ in ("ADJ", "ADV"):
        k += 1
    return region if k < len(doc) and doc[k].lemma_ in gz.PLACE_TYPE_NOUNS else None


def _city_of_pair(ctx: Context, token: Token) -> Token:
    """For the second of a "City, Region" or "County (City)" pair, the first: what an
    apposition after the pair describes ("Vik, Norland, the capital of ..."); else the
    token itself."""
    key = ctx.key_at.get(token.i)
    start = token.i
    while start > 0 and ctx.key_at.get(start - 1) == key:
        start -= 1
    if start >= 2 and ctx.doc[start - 1].text in (",", "(") and (start - 2) in ctx.key_at and \
            ctx.label(ctx.key_at[start - 2]) == "Place":
        return ctx.doc[start - 2]  # "Vik, Norland, the ...", "Vik (Norland), the ..."
    return token


def _is_region(m: Mention) -> bool:
    """A state, country or state abbreviation: what may follow "City, "."""
    name = m.canonical or m.text
    return name in gz.US_STATES or name in gz.COUNTRIES or match_key(m.text) in gz.STATE_ABBREVIATIONS


def part_of_relations(ctx: Context) -> None:
    """PART_OF from bodies' names and possessives ("the FBI's Cyber Division"; "ICE, part
    of DHS" is a construction)."""
    part_of = ctx.frames.rule_types["unit_of_body"]
    bodies = [m for m in ctx.mentions if m.key in ctx.entities and m.label in BODY_LABELS
              and ctx.label(m.key) in BODY_LABELS]
    for m in bodies:
        head = ctx.doc[m.head]
        # "the Acme Corp's Widget Lab": a body's own unit (a place's is its government's)
        # (the possessive may close a coordinated name: "Customs and Border Protection's")
        owners = [c for c in head.children if c.dep_ in ("poss", "nmod") and c.i < m.start
                  and (any(g.lower_ in POSSESSIVE for g in c.children) or c.lower_ == "its" or
                       ctx.doc[c.right_edge.i].lower_ in POSSESSIVE)]
        for owner in resolve_args(ctx, owners):
            if ctx.label(owner.key) in BODY_LABELS and owner.key != m.key:
                emit(ctx, Arg(m.key), part_of, owner, head, "pattern:body-possessive", 0.7)
        # "the Acme select committee": a unit named right after the body it belongs to
        last = match_key(m.text).split()[-1:]
        before = ctx.key_at.get(m.start - 1) if m.start > 0 else None
        if last and last[0] in gz.UNIT_NOUNS and before and before != m.key and \
                ctx.label(before) in BODY_LABELS and ctx.doc[m.start - 1].dep_ in ("compound", "nmod") \
                and m.start <= ctx.doc[m.start - 1].head.i < m.end:
            emit(ctx, Arg(m.key), part_of, Arg(before), head, "pattern:unit-after-body", 0.65)
        # "the Land Use Project at the Acme Institute": a unit at its parent
        after = ctx.doc[m.end: m.end + 3]
        if last and last[0] in gz.UNIT_NOUNS and len(after) and after[0].lower_ == "at":
            parent = next((ctx.key_at[t.i] for t in after[1:] if t.i in ctx.key_at), None)
            if parent and ctx.label(parent) in BODY_LABELS and parent != m.key:
                emit(ctx, Arg(m.key), part_of, Arg(parent), head, "pattern:unit-at", 0.65)
    # "the Acme Board" beside "Acme": a body named as another's unit
    # ("the Acme Program for Rural Health": the unit noun may begin the unit's own name)
    names = {match_key(a): m.key for m in bodies for a in ctx.entities[m.key].aliases}
    for m in bodies:  # a parent named in full is named by its initials too ("the ADH Program")
        letters = initials(ctx.entities[m.key].name.split())
        if len(letters) >= 3:
            names.setdefault(letters.lower(), m.key)
    for key, entity in ctx.entities.items():
        words = match_key(entity.name).split()
        if entity.label not in BODY_LABELS or len(words) < 2:
            continue
        units = [u for u in range(1, len(words)) if words[u] in gz.UNIT_NOUNS and
                 (u == len(words) - 1 or words[u + 1] in ("of", "for", "on"))]
        parent = next((names[" ".join(words[:k])] for u in units for k in range(u, 0, -1)
                       if " ".join(words[:k]) in names), None)
        named = next((m for m in bodies if m.key == key), None)
        if parent and parent != key and named is not None:
            emit(ctx, Arg(key), part_of, Arg(parent), ctx.doc[named.head], "pattern:unit-name", 0.65)


RULES = (verb_relations, nominal_relations, calling_criticism, office_relations,
         location_relations, part_of_relations, construction_relations)


def spoken_accusations(ctx: Context, quotes: list) -> None:
    """A speaker who says an entity did wrong accuses it: a verb of wrongdoing
    (``cues.WRONGDOING_VERBS``) or a predicate of it ("Y was guilty of ...",
    ``cues.WRONGDOING_PREDICATES``) inside the speaker's quote, or in a sentence whose main verb
    is the speaker's verb of saying ("X said Y violated the law")."""
    accused = ctx.frames.rule_types["wrongdoing_speech"]
    spans = [(q.char_start, q.char_end, q.speaker) for q in quotes]
    for sent in ctx.doc.sents:
        root = sent.root
        if root.lemma_ in cues.SPEECH_VERBS and root.pos_ == "VERB":
            speaker = resolve_args(ctx, [c for c in root.children if c.dep_ == "nsubj"])
            if speaker:
                spans.append((sent.start_char, sent.end_char, speaker[0].key))
    for token in tokens_of(ctx.doc):
        # "Y was guilty of ...", not "Y pleaded guilty" (Y's own plea)
        predicate = token.lower_ in cues.WRONGDOING_PREDICATES and token.dep_ == "acomp" and \
            token.head.lemma_ == "be"
        if not predicate and (token.lemma_ not in cues.WRONGDOING_VERBS or token.pos_ != "VERB"):
            continue
        speakers = [key for start, end, key in spans if start <= token.idx < end]
        verb = token.head if predicate else token  # "X was guilty of ...": X did wrong
        if not speakers or negated(verb) or any(modality(verb)):
            continue
        doers = subjects_of(verb)
        if not doers and token.dep_ == "pcomp":  # "halt X from violating ..."
            doers = [c for c in token.head.head.children if c.dep_ == "dobj"]
        speaker = Arg(speakers[-1])
        for doer in resolve_args(ctx, doers):
            if doer.key != speaker.key and _fits(ctx, accused, speaker, doer):
                emit(ctx, speaker, accused, doer, token, "speech:wrongdoing", 0.5)


def quoted_criticism(ctx: Context, quotes: list) -> None:
    """Criticism in a speaker's own quoted words (GUIDE: calling the target's action a
    derogatory name in a quote attributed to the critic): a quoted sentence that makes a
    body or person its actor ("X's blatant breach ...", "X has failed ...") and carries a
    word of condemnation."""
    criticized = ctx.frames.rule_types["derogatory_naming"]
    doc = ctx.doc
    for quote in quotes:
        span = doc.char_span(quote.char_start, quote.char_end, alignment_mode="expand")
        if span is None:
            continue
        # the speaker's own body is no target ("our board voted to ...")
        own = {jurisdiction_key(m, ctx.key_at) for m in ctx.mentions if m.key == quote.speaker}
        for sent in {sentence_of(t).start: sentence_of(t) for t in span}.values():
            inside = [t for t in sent if quote.char_start <= t.idx < quote.char_end]
            if not any(t.lower_ in cues.CONDEMNING_WORDS for t in inside):
                continue
            for token in inside:
                key = ctx.key_at.get(token.i)
                if key is None or key == quote.speaker or key in own or \
                        ctx.label(key) == "Group" or not _condemned_actor(token):
                    continue
                if _fits(ctx, criticized, Arg(quote.speaker), Arg(key)):
                    emit(ctx, Arg(quote.speaker), criticized, Arg(key), token,
                         "quote:condemnation", 0.5)


def _condemned_actor(token: Token) -> bool:
    """The token names who acts, and a word of condemnation names what it did: "X lied",
    "X acted recklessly", "X is corrupt", "X's blatant breach", "a cover-up by X" (not "X
    will fight these unlawful policies": the word is another's)."""
    def condemning(word: Token) -> bool:  # a verb of wrongdoing is an accusation instead
        return word.lower_ in cues.CONDEMNING_WORDS and not (
            word.pos_ == "VERB" and word.lemma_ in cues.WRONGDOING_VERBS)
    if token.dep_ == "nsubj":
        verb = token.head
        return condemning(verb) or any(condemning(c) for c in verb.children
                                       if c.dep_ in ("advmod", "acomp", "attr", "dobj", "oprd"))
    head = token.head
    if token.dep_ in ("poss", "compound", "nmod") and head.pos_ == "NOUN":
        return condemning(head) or any(condemning(c) for c in head.children if c.dep_ == "amod")
    if token.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "NOUN":
        noun = head.head
        return condemning(noun) or any(condemning(c) for c in noun.children if c.dep_ == "amod")
    return False


def extract_relations(ctx: Context, quotes: Optional[list] = None) -> list[Relation]:
    """Run every rule over the article (and its quotes); one relation per (source, type,
    target) with the most confident evidence (and a date from any evidence that has one)."""
    for rule in RULES:
        rule(ctx)
    if quotes is not None:
        quoted_criticism(ctx, quotes)
        spoken_accusations(ctx, quotes)
    best: dict[tuple, Relation] = {}
    dates: dict[tuple, str] = {}
    for r in ctx.relations:
        key = (r.source, r.type, r.target)
        if r.date and key not in dates:
            dates[key] = r.date
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    for key, r in best.items():
        if not r.date and key in dates:
            r.date = dates[key]
    return sorted(best.values(), key=lambda r: (r.char_start, r.type, r.source, r.target))
