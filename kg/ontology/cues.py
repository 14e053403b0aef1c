"""Grammar word lists the relation rules share: negating and hypothetical governors,
verbs of saying, fatal modifiers, destination prepositions (the words of multi-word
constructions are lists in ``constructions.yaml``).

Which cue words signal which relation, and where their arguments are, is in
``frames.yaml`` (relation frames as data); the lists here are the words of grammatical
constructions that hold for every frame.
"""
from __future__ import annotations

#: Verbs whose infinitive complement did not happen: "declined to charge X".
NEGATING_GOVERNORS = {"decline", "refuse", "fail", "neglect", "forgo", "forego"}
#: Verbs that keep someone "from" doing what follows: "blocked X from deploying troops".
PREVENTING_VERBS = {"block", "bar", "prevent", "stop", "prohibit", "forbid", "ban", "enjoin",
                    "restrain", "keep", "preclude"}

#: Verbs whose subject is the force itself when used without an object
#: ("troops deployed to the state") and which take the destination with these prepositions.
MOVEMENT_VERBS = {"deploy", "send", "dispatch", "mobilize", "mobilise", "move", "redeploy",
                  "station", "arrive", "head", "return", "surge", "fly", "transfer"}
DESTINATION_PREPS = {"to", "into", "in", "across", "toward", "towards"}


#: Adverbs and particles that turn SHOT into SHOT + KILLED ("fatally shot", "shot dead").
FATAL_MODIFIERS = {"fatally", "dead", "death", "mortally", "lethally"}

#: Adjectives that make a shooting fatal ("the fatal shooting of X").
FATAL_ADJECTIVES = {"fatal", "deadly", "lethal"}




#: "call X a <word>" counts as criticism when the second object is quoted or derogatory.
DEROGATORY_WORDS = {
    "distraction", "disgrace", "hoax", "sham", "witch", "hunt", "farce", "travesty",
    "outrage", "attack", "stunt", "lie", "lies", "fraud", "abuse", "overreach",
    "illegal", "unconstitutional", "shameful", "disgraceful", "dangerous", "reckless",
    "absurd", "ridiculous", "partisan", "political", "persecution", "weaponization",
    "threat", "failure", "mistake", "insult", "joke", "scandal", "unacceptable",
}
#: Words of condemnation that make a quoted sentence about an actor a criticism of it
#: (strong ones only: "mistake", "political" or "dangerous" are said in defence too).
CONDEMNING_WORDS = {
    "disgrace", "disgraceful", "hoax", "sham", "farce", "travesty", "outrage", "outrageous",
    "lie", "lies", "lied", "fraud", "abuse", "abuses", "overreach", "illegal", "unlawful",
    "unconstitutional", "shameful", "shameless", "reckless", "persecution", "weaponization",
    "scandal", "unacceptable", "blatant", "brazen", "cruel", "egregious", "unconscionable",
    "lawless", "breach", "cover-up", "negligence", "negligent", "incompetent", "incompetence",
    "corrupt", "corruption", "irresponsible", "inhumane", "betrayal", "betrayed", "violation", "violated", "intimidation", "bullying", "harassment",
    "callous",
}
#: Verbs of wrongdoing: a speaker who says an entity did one accuses it.
WRONGDOING_VERBS = {"violate", "steal", "abuse", "trample", "defraud", "mislead", "lie",
                    "obstruct", "defy", "flout", "undermine", "weaponize", "betray", "harass",
                    "intimidate", "endanger", "exploit", "embezzle", "rig", "sabotage", "ignore"}
#: Predicate adjectives of wrongdoing: a speaker who says an entity "was guilty of" (or
#: "complicit in") something accuses it.
WRONGDOING_PREDICATES = {"guilty", "complicit", "culpable"}
CALLING_VERBS = {"call", "brand", "label", "describe", "dub", "term"}

#: Documents that speak for their author: "according to the FDA report", "the agency's
#: statement said".
DOCUMENT_NOUNS = {"report", "statement", "complaint", "filing", "lawsuit", "suit", "letter",
                  "study", "release", "memo", "order", "ruling", "indictment", "announcement",
                  "findings", "analysis", "review", "audit", "document", "documents", "post"}

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
#: Modal verbs of obligation: "ruled that X must stop" orders X.
OBLIGATION_MODALS = {"must", "shall"}
#: Modal verbs that make a clause conditional; relations under them are not asserted.
CONDITIONAL_MODALS = {"would", "could", "might", "may"}

#: Verbs that "call on" someone to act ("called on authorities to charge X"): the one called
#: on is the actor of the infinitive.
CALL_ON_VERBS = {"call", "urge", "press"}
#: Verbs whose object (not subject) controls an infinitive ("ordered troops to deploy").
OBJECT_CONTROL_VERBS = {"order", "direct", "instruct", "tell", "ask", "urge", "force",
                        "allow", "permit", "authorize", "authorise", "implore", "command",
                        "call", "compel", "require", "encourage", "help"}

#: Verbs that take an action on their complement: "threatened to prosecute X" gives
#: THREATENED X (the prosecuting itself is not asserted).
THREAT_VERBS = {"threaten", "warn"}


