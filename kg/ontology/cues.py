"""Relation cue lexicons: which words signal which relation, and how their arguments sit.

Verbs are matched by lemma. ``source`` and ``target`` say where the arguments are found
(the defaults are subject -> object; passive voice is handled generically). Nominal cues
("the shooting of X by Y", "the X probe of Y") list the event nouns, which preposition
carries the target and whether a possessive marks the actor or the one acted on.
"""
from __future__ import annotations

#: Verb lemma -> relation types it signals (a verb may signal more than one).
VERB_CUES: dict[str, tuple[str, ...]] = {
    # SHOT / KILLED
    "shoot": ("SHOT",), "gun": ("SHOT",), "fire": ("SHOT",),
    "kill": ("KILLED",), "murder": ("KILLED",), "slay": ("KILLED",),
    "assassinate": ("KILLED",), "execute": ("KILLED",), "behead": ("KILLED",),
    # SUBPOENAED
    "subpoena": ("SUBPOENAED",),
    # INVESTIGATED
    "investigate": ("INVESTIGATED",), "probe": ("INVESTIGATED",),
    "scrutinize": ("INVESTIGATED",), "scrutinise": ("INVESTIGATED",),
    "audit": ("INVESTIGATED",),
    # ARRESTED
    "arrest": ("ARRESTED",), "detain": ("ARRESTED",), "apprehend": ("ARRESTED",),
    "capture": ("ARRESTED",), "jail": ("ARRESTED",), "imprison": ("ARRESTED",),
    "handcuff": ("ARRESTED",), "incarcerate": ("ARRESTED",),
    # CHARGED
    "charge": ("CHARGED",), "indict": ("CHARGED",), "prosecute": ("CHARGED",),
    # SUED
    "sue": ("SUED",), "countersue": ("SUED",),
    # THREATENED
    "threaten": ("THREATENED",),
    # ACCUSED
    "accuse": ("ACCUSED",), "blame": ("ACCUSED",),
    # CRITICIZED
    "criticize": ("CRITICIZED",), "criticise": ("CRITICIZED",), "condemn": ("CRITICIZED",),
    "denounce": ("CRITICIZED",), "slam": ("CRITICIZED",), "blast": ("CRITICIZED",),
    "decry": ("CRITICIZED",), "rebuke": ("CRITICIZED",), "lambaste": ("CRITICIZED",),
    "assail": ("CRITICIZED",), "castigate": ("CRITICIZED",), "censure": ("CRITICIZED",),
    "chastise": ("CRITICIZED",), "berate": ("CRITICIZED",), "excoriate": ("CRITICIZED",),
    "mock": ("CRITICIZED",), "ridicule": ("CRITICIZED",), "attack": ("CRITICIZED",),
    # PROTESTED
    "protest": ("PROTESTED",), "demonstrate": ("PROTESTED",), "rally": ("PROTESTED",),
    # ORDERED
    "order": ("ORDERED",), "direct": ("ORDERED",), "instruct": ("ORDERED",),
    "command": ("ORDERED",),
    # DEPLOYED (sender -> force) and DEPLOYED_TO (force -> place)
    "deploy": ("DEPLOYED",), "send": ("DEPLOYED",), "mobilize": ("DEPLOYED",),
    "mobilise": ("DEPLOYED",), "dispatch": ("DEPLOYED",), "station": ("DEPLOYED",),
    "federalize": ("DEPLOYED",), "federalise": ("DEPLOYED",), "activate": ("DEPLOYED",),
    "redeploy": ("DEPLOYED",), "arrive": ("DEPLOYED",),
    # extras (never scored)
    "clash": ("CLASHED_WITH",), "sanction": ("SANCTIONED",),
    "oust": ("FIRED",), "dismiss": ("FIRED",), "sack": ("FIRED",),
}

#: Verbs whose subject is the force itself when used without an object
#: ("troops deployed to the state") and which take the destination with these prepositions.
#: Verbs whose infinitive complement did not happen: "declined to charge X".
NEGATING_GOVERNORS = {"decline", "refuse", "fail", "neglect", "forgo", "forego"}

MOVEMENT_VERBS = {"deploy", "send", "dispatch", "mobilize", "mobilise", "move", "redeploy",
                  "station", "arrive", "head", "return", "surge", "fly", "transfer"}
DESTINATION_PREPS = {"to", "into", "in", "across", "toward", "towards"}


#: Adverbs and particles that turn SHOT into SHOT + KILLED ("fatally shot", "shot dead").
FATAL_MODIFIERS = {"fatally", "dead", "death", "mortally", "lethally"}

#: "fire on/at X" is shooting; plain "fire X" is dismissal.
FIRE_SHOOT_PREPS = {"on", "at", "upon", "into"}

#: Event nouns -> (relation types, role of a possessive: "agent" or "patient").
NOMINAL_CUES: dict[str, tuple[tuple[str, ...], str]] = {
    "shooting": (("SHOT",), "patient"),
    "killing": (("KILLED",), "patient"),
    "murder": (("KILLED",), "patient"),
    "assassination": (("KILLED",), "patient"),
    "slaying": (("KILLED",), "patient"),
    "subpoena": (("SUBPOENAED",), "agent"),
    "investigation": (("INVESTIGATED",), "agent"),
    "probe": (("INVESTIGATED",), "agent"),
    "inquiry": (("INVESTIGATED",), "agent"),
    "arrest": (("ARRESTED",), "patient"),
    "detention": (("ARRESTED",), "patient"),
    "indictment": (("CHARGED",), "patient"),
    "charge": (("CHARGED",), "patient"),
    "prosecution": (("CHARGED",), "patient"),
    "lawsuit": (("SUED",), "agent"),
    "suit": (("SUED",), "agent"),
    "deployment": (("DEPLOYED",), "agent"),
    "criticism": (("CRITICIZED",), "agent"),
    "condemnation": (("CRITICIZED",), "agent"),
    "protest": (("PROTESTED",), "agent"),
}
#: Types whose target may be the owner of what is acted on: "investigated Acme's accounts",
#: "criticized the agency's handling of the tests" (not for harm: "shot X's son").
POSSESSOR_TARGET_TYPES = {"INVESTIGATED", "CRITICIZED", "ACCUSED", "SUED"}
#: Prepositions that carry the one acted on after an event noun.
NOMINAL_TARGET_PREPS = {"of", "into", "against", "on", "to", "for"}
#: Event nouns with their own target prepositions (the others take all but "to"):
#: "charges against X" (not "in charge of X", "a charge of $5"); "subpoenas to X".
NOMINAL_TARGET_PREPS_BY_NOUN = {"charge": {"against"}, "subpoena": NOMINAL_TARGET_PREPS}
#: Adjectives that make a shooting fatal ("the fatal shooting of X").
FATAL_ADJECTIVES = {"fatal", "deadly", "lethal"}

#: Light verbs + event noun: "file a lawsuit against X", "open an investigation into X",
#: "issue subpoenas to X", "bring charges against X", "launch a probe of X".
LIGHT_VERBS = {"file", "open", "launch", "issue", "bring", "announce", "begin", "start",
               "lodge", "serve", "press", "conduct", "initiate", "level", "send"}

#: Verbs whose subject (or passive agent) is the actor of the event noun they take:
#: "X ordered the deployment of Y", "the deployment was approved by X".
AUTHORIZING_VERBS = {"order", "approve", "authorize", "authorise", "direct", "announce"}

#: Verbs whose subject undergoes the event noun they take: "X received a subpoena from Y".
RECEIVING_VERBS = {"receive", "get", "face", "obtain", "draw"}

#: "call X a <word>" counts as criticism when the second object is quoted or derogatory.
DEROGATORY_WORDS = {
    "distraction", "disgrace", "hoax", "sham", "witch", "hunt", "farce", "travesty",
    "outrage", "attack", "stunt", "lie", "lies", "fraud", "abuse", "overreach",
    "illegal", "unconstitutional", "shameful", "disgraceful", "dangerous", "reckless",
    "absurd", "ridiculous", "partisan", "political", "persecution", "weaponization",
    "threat", "failure", "mistake", "insult", "joke", "scandal", "unacceptable",
}
CALLING_VERBS = {"call", "brand", "label", "describe", "dub", "term"}

#: Verbs of saying (quotes and reported speech).
SPEECH_VERBS = {
    "say", "tell", "add", "state", "write", "declare", "announce", "insist", "argue",
    "explain", "note", "claim", "warn", "ask", "reply", "respond", "continue",
    "post", "tweet", "testify", "remark", "acknowledge", "admit", "confirm", "deny",
    "emphasize", "emphasise", "stress", "urge", "implore", "vow", "pledge", "promise",
    "suggest", "predict", "complain", "recall", "conclude", "observe", "describe",
    "shout", "chant", "exclaim", "quip", "joke", "lament",
}

#: Verbs that make what they govern hypothetical ("threatened to", "plans to").
HYPOTHETICAL_GOVERNORS = {
    "threaten", "plan", "prepare", "consider", "propose", "seek", "want", "intend",
    "vow", "pledge", "promise", "aim", "hope", "try", "attempt", "weigh", "mull",
    "urge", "ask", "order", "allow", "permit", "call",
}
#: Verbs of asking: what they govern is a request, not an event ("called on X to charge Y").
REQUEST_GOVERNORS = {"call", "urge", "ask", "demand", "want", "hope", "press", "implore",
                     "beg", "petition", "appeal"}
#: Modal verbs that make a clause conditional; relations under them are not asserted.
CONDITIONAL_MODALS = {"would", "could", "might", "may"}

#: Verbs whose object (not subject) controls an infinitive ("ordered troops to deploy").
OBJECT_CONTROL_VERBS = {"order", "direct", "instruct", "tell", "ask", "urge", "force",
                        "allow", "permit", "authorize", "authorise", "implore", "command",
                        "call", "compel", "require", "encourage", "help"}

#: Verbs that take an action on their complement: "threatened to prosecute X" gives
#: THREATENED X (the prosecuting itself is not asserted).
THREAT_VERBS = {"threaten", "warn"}

#: Words marking the place a thing is in: "troops based in Alaska".
LOCATION_PARTICIPLES = {"base", "station", "headquarter", "locate", "situate", "house"}

#: Appositive heads that state membership: "ICE, part of DHS".
PART_OF_NOUNS = {"part", "division", "unit", "arm", "branch", "subsidiary", "component",
                 "department", "agency", "bureau", "office", "wing"}

#: Verb + preposition + noun idioms -> relation types ("police took him into custody").
PHRASAL_CUES: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("take", "into", "custody"): ("ARRESTED",),
    ("place", "under", "arrest"): ("ARRESTED",),
    ("put", "under", "arrest"): ("ARRESTED",),
    ("place", "in", "custody"): ("ARRESTED",),
    ("place", "under", "investigation"): ("INVESTIGATED",),
    ("put", "under", "investigation"): ("INVESTIGATED",),
    ("take", "to", "court"): ("SUED",),
}
#: Verb + object idioms -> relation types; the target follows a preposition
#: ("troops opened fire on protesters").
VERB_OBJECT_CUES: dict[tuple[str, str], tuple[str, ...]] = {
    ("open", "fire"): ("SHOT",),
}
PHRASAL_VERBS = {verb for verb, _, _ in PHRASAL_CUES} | {verb for verb, _ in VERB_OBJECT_CUES}

#: Relations whose target is always a person or group: a "place" in that role is a name.
PERSON_PATIENT_TYPES = {"ARRESTED", "SHOT", "KILLED", "CHARGED"}

#: Entity labels each relation takes: (sources, targets). A place can sue, accuse,
#: criticise, investigate, order and threaten ("California sued", "Ukraine accused Russia"),
#: and be accused, investigated and ordered, as governments are named
#: by their seats.
_ACTORS = frozenset({"Person", "Official", "Agency", "Organization", "Group"})
_BODIES_AND_PEOPLE = _ACTORS
ARGUMENT_LABELS: dict[str, tuple[frozenset, frozenset]] = {
    "SHOT": (_ACTORS, frozenset({"Person", "Official", "Group"})),
    "KILLED": (_ACTORS, frozenset({"Person", "Official", "Group"})),
    "ARRESTED": (_ACTORS, frozenset({"Person", "Official", "Group"})),
    "CHARGED": (_ACTORS, frozenset({"Person", "Official", "Group", "Organization"})),
    "DEPLOYED": (_ACTORS | {"Place"}, frozenset({"Agency", "Group"})),
    "DEPLOYED_TO": (frozenset({"Agency", "Group"}), frozenset({"Place"})),
    "THREATENED": (_ACTORS | {"Place"}, _ACTORS | {"Law", "Place"}),
    "SUED": (_ACTORS | {"Place"}, _ACTORS | {"Place"}),
    "CRITICIZED": (_ACTORS | {"Place"}, _ACTORS | {"Place", "Law"}),
    "ACCUSED": (_ACTORS | {"Place"}, _BODIES_AND_PEOPLE | {"Place"}),
    "SUBPOENAED": (_ACTORS, _BODIES_AND_PEOPLE),
    "INVESTIGATED": (_ACTORS | {"Place"}, _BODIES_AND_PEOPLE | {"Place"}),
    "ORDERED": (_ACTORS | {"Place"}, _BODIES_AND_PEOPLE | {"Place"}),
    "PROTESTED": (_ACTORS, _BODIES_AND_PEOPLE | {"Law"}),
}
