"""Who a pronoun or a bare description stands for: "he"/"she" -> the person in focus,
"they" -> the group or body of the sentence, "the state"/"the agency" -> the one the article
is about, "the officer" -> the one officer it named, "A state judge" in a lead -> the one
judge it names. Rules read these through ``Context`` (``key_at``, ``role_holders``)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Token

from ..names import match_key
from ..ontology import cues, gazetteer as gz
from .entities import is_member_role
from .nlp import sentence_start, tokens_of

if TYPE_CHECKING:
    from .relations import Context

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "themselves"}

#: How many sentences back a pronoun looks for a main-clause subject before taking the
#: last person named.
PRONOUN_REACH = 5

def resolve_pronouns(ctx: Context) -> None:
    """Third-person singular pronouns -> the person last in focus (gender-compatible)."""
    people = [(i, k) for i, k in ctx.order if ctx.label(k) in ("Person", "Official")]
    resolved: list[tuple[int, str]] = []
    quoted = quoted_tokens(ctx.doc)
    for token in tokens_of(ctx.doc):
        lower = token.lower_
        if lower not in MALE and lower not in FEMALE:
            continue
        want = "m" if lower in MALE else "f"
        # a pronoun outside quotation marks never stands for a name quoted inside them
        # ('"... the mayor and the council keep failing ...," he said')
        cands = [(i, k) for i, k in people + resolved if i < token.i
                 and (token.i in quoted or i not in quoted)
                 and ctx.gender.get(k, want) == want
                 and token.i - i < 400]
        if not cands:
            continue
        # prefer the subject of the current or previous sentence when it is a person
        sent_start = sentence_start(token)
        subj = [(i, k) for i, k in cands if i >= sent_start and
                ctx.doc[i].dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            # the last person in subject position within the two sentences before, over a
            # later possessive or object mention ("X said ... when Y's term ended. '...,' she said");
            # a main clause's subject over one of a clause it governs ("X said Y had no
            # reason ... He also said ...": X); with none, the last main-clause subject a few
            # sentences further back, over an object named since
            for back in (2, PRONOUN_REACH):
                prev_start = sentences_back(ctx.doc, sent_start, back)
                subj = [(i, k) for i, k in cands if i >= prev_start and
                        ctx.doc[i].dep_ in ("nsubj", "nsubjpass")]
                main = [(i, k) for i, k in subj if ctx.doc[i].head.dep_ == "ROOT"]
                subj = main or (subj if back == 2 else [])
                if subj:
                    break
        i, key = max(subj or cands)
        ctx.key_at[token.i] = key
        resolved.append((token.i, key))

def sentences_back(doc: Doc, start: int, count: int) -> int:
    """The first token of the sentence ``count`` sentences before the one at ``start``."""
    for _ in range(count):
        start = sentence_start(doc[start - 1]) if start > 0 else 0
    return start

def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside double quotation marks (straight or curly)."""
    inside, out = False, set()
    for token in tokens_of(doc):
        if token.text in ("“", "”", '"', "``", "''"):
            inside = (token.text == "“") or (token.text in ('"', "``") and not inside)
            if token.text in ("”", "''"):
                inside = False
            continue
        if "\n\n" in token.text_with_ws:
            inside = False if token.is_space else inside
        if inside:
            out.add(token.i)
    return out

def anaphor(ctx: Context, token: Token, exclude: frozenset | set = frozenset()) -> Optional[str]:
    """'they' -> last group/body in the sentence; 'the state' -> the state most named so
    far; 'the department' -> the last such body named."""
    if token.lower_ in PLURAL:
        cands = [(i, k) for i, k in ctx.order if i < token.i and i >= sentence_start(token)
                 and ctx.label(k) in ("Group", "Agency") and k not in exclude]
        return max(cands)[1] if cands else None
    det = [c for c in token.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
    poss = [c for c in token.children if c.dep_ == "poss"]
    if not det or poss:
        return None
    lower = token.lower_
    if lower == "state":
        # the state the article is about: most mentions so far, then the latest
        counts = us_state_mentions(ctx, before=token.i)
        if not counts:
            return None
        return max(counts, key=lambda k: (len(counts[k]), max(counts[k])))
    if lower in gz.AGENCY_ANAPHORS:
        # "the agency": a government body before any company the NER took for one
        return _last_body_named(ctx, token, ("Agency", "Organization"),
                                lambda k: lower in match_key(ctx.entities[k].name).split() or
                                lower in ("agency", "panel"),
                                prefer="Agency" if lower == "agency" else None)
    if token.lemma_ in gz.COMPANY_ANAPHORS:
        # "the company", "the online retailer": the last company named, never a news service
        # that only reported ("..., Reuters reported. The company sued ...")
        return _last_body_named(ctx, token, ("Organization",),
                                lambda k: not _only_reports(ctx, k, token.i))
    return None


def _last_body_named(ctx: Context, token: Token, labels: tuple, fits, prefer: Optional[str] = None) -> Optional[str]:
    """The body of ``labels`` named last before ``token`` that ``fits``; when several are
    named, the one last in subject position ("the FDA found ... led the EPA to order ...
    The agency said" is the FDA), before one only mentioned since."""
    cands = [(i, k) for i, k in ctx.order if i < token.i and ctx.label(k) in labels and fits(k)]
    if prefer:
        cands = [c for c in cands if ctx.label(c[1]) == prefer] or cands
    if len({k for _, k in cands}) > 1:
        cands = [c for c in cands if ctx.doc[c[0]].dep_ in ("nsubj", "nsubjpass")] or cands
    return max(cands)[1] if cands else None


def _only_reports(ctx: Context, key: str, before: int) -> bool:
    """Every mention of ``key`` before ``before`` is the subject of a verb of saying."""
    spots = [i for i, k in ctx.order if k == key and i < before]
    return bool(spots) and all(ctx.doc[i].dep_ == "nsubj" and
                               ctx.doc[i].head.lemma_ in cues.SPEECH_VERBS | {"report"} for i in spots)


def us_state_mentions(ctx: Context, before: Optional[int] = None) -> dict[str, list[int]]:
    """Token positions of each US state named in the article (before ``before``, if given)."""
    counts: dict[str, list[int]] = {}
    for i, k in ctx.order:
        if (before is None or i < before) and ctx.label(k) == "Place" and \
                ctx.entities[k].name in gz.US_STATES:
            counts.setdefault(k, []).append(i)
    return counts

def named_role_holder(ctx: Context, token: Token) -> Optional[str]:
    """"the officer" with nothing qualifying it: the one person the article named with that
    role before ("police officer Mark Lee ... the officer ordered ..."), if only one."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or \
            any(c.dep_ in ("compound", "poss", "amod", "prep", "nmod") for c in token.children) or \
            token.tag_ not in ("NN", "NNP"):
        return None
    holders = {key for i, key in ctx.role_holders.get(token.lemma_, ()) if i < token.i}
    return holders.pop() if len(holders) == 1 else None

def lead_title_holder(ctx: Context, token: Token) -> Optional[str]:
    """"A state judge on Thursday told ..." opening an article: the one official the
    article names with that title (news leads name the person later)."""
    if token.tag_ != "NN" or token.lemma_ not in gz.OFFICIAL_TITLES or \
            not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) or \
            sentence_start(token) > ctx.lead_end:
        return None
    holders = {m.key for m in ctx.mentions if m.label == "Official" and m.key in ctx.entities
               and match_key(m.title).split()[-1:] == [token.lemma_]}
    return holders.pop() if len(holders) == 1 else None

def role_holders(ctx: Context) -> dict[str, list[tuple[int, str]]]:
    """Role word -> (position, person) for people named with a rank-and-file role right
    before the name ("police officer Mark Lee") or in an apposition ("Mark Lee, an
    officer")."""
    out: dict[str, list[tuple[int, str]]] = {}
    for m in ctx.mentions:
        if m.label not in ("Person", "Official") or not m.key or m.key not in ctx.entities:
            continue
        # only a role inside the name's own phrase ("police officer X", "X, an officer"),
        # not any role word before it ("two officers arrested X")
        words = [t for t in ctx.doc[max(0, m.start - 3):m.start] if m.start <= t.head.i < m.end]
        head = ctx.doc[m.head] if m.head >= 0 else None
        if head is not None:
            words += [c for c in head.children if c.dep_ == "appos"]
        for t in words:
            if is_member_role(t.lemma_):
                out.setdefault(t.lemma_, []).append((m.start, m.key))
    return out
