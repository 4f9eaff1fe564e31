"""Open relations: subject - verb (+particle/preposition) - object from the dependency
parse, where no typed pattern linked the two mentions; a verb phrase that states a
typed relation when the types fit becomes that relation ("Mira Murati, who ..., started
Thinking Machines Lab"). Negation is kept as a flag; hypotheticals assert nothing.

Between two concepts too, always through a verb: "transformers replaced LSTMs"
(replace), a relative clause on its noun ("transformers, which replaced LSTMs"), a
participle on it ("a model trained on web text": trained on; "methods based on
attention": based on; "reinforcement learning applied to robotics": applied to). A bare
preposition between two nouns ("the alignment of superintelligence", "scaling laws for
prediction") says too little and gives nothing.

Frames beyond subject - verb - object: a passive with its agent reads actively
("fermentation was caused by microorganisms": microorganism cause fermentation); a
passive without one keeps its participle ("X is used for Y": used for); an adjective
with its preposition after a copula ("the artificial neuron is related to the biological
neuron": be related to); a noun after a copula with its preposition ("microbes were
the agents of disease": be agent of; not a noun of quantity: "a lot of"); a complex
preposition ("testified in front of Congress":
testify in front of; "arose out of hospital medicine": arise out of); entering a field
("I went into machine learning": go into; "got into math": get into).
A name that classifies the verb's subject or object noun stands for it ("the Kestrel
engineers met in Oslo": Kestrel meet in Oslo; "visited the Kestrel offices"); not inside a
preposition's noun ("a member of the Kestrel board" is no member of Kestrel).

A subject is shared with the verbs that have none of their own: a verb coordinated after
it by a conjunction in the same voice ("she wrote two novels and then studied machine
learning": study), its open complement ("began working on X": work on), and a named
person's "who" clause ("Tomas Berg, who introduced X, ..."). A bare comma between two
verbs, a passive after an active ("built X and Y is based on Z" read as one clause), a
naming verb and a topic ("talk about X growing and partnering with Y") share nothing.

People and organisations relate to concepts only when the subject is grounded: a named
person, "I" of a labelled speaker, "he"/"she" of a person named close before, and
"we" of the organisation the speaker said they work at, the last only with a verb of
making or working ("we built X", "we worked on X", "we got to work on X", "we ended up
contributing to X": the tense is the governing verb's): a generic "we" or "you" is no
claim.
Between the speaker's "I" and a concept no name grounds, a verb of attitude or
perception ("I love X", "I looked at X") says something of the speaker, not of the
concept, and gives nothing (with a named end it stays: "I love Ilya" is stated).
"""

from __future__ import annotations

from ...model import RelationCandidate
from ..entities import SpanMention
from .creation import VERB_RULES as CREATION_VERB_RULES
from .typed import typed_verb

__all__ = ["open_relations", "hypothetical"]

_OPEN_SKIP_LEMMAS = frozenset(
    {
        "be",
        "have",
        "do",
        "imagine",
        "compare",
        "mention",
        "say",
        "get",
        "go",
        "know",
        "think",
        "mean",
        "let",
        "make",
        "see",
        "want",
        "like",
        "take",
        "come",
        "give",
        "tell",
        "talk",
        "feel",
        "look",
        "put",
    }
)
#: verbs that say what the subject feels or perceives, not what it did with the object
_ATTITUDE = frozenset(
    {"love", "enjoy", "hate", "care", "worry", "hope", "believe", "agree", "wonder"}
    | {"remember", "forget", "understand", "find", "hear", "watch", "notice", "realize"}
    | {"prefer", "appreciate", "miss", "bet", "guess", "assume", "suppose", "try", "ask"}
)
#: what a grounded "we" (the speaker's organisation) states with a concept: making it,
#: working on it ("we built a speech recognizer", "we worked on protein folding")
_WE_VERBS = frozenset(
    {"build", "develop", "create", "design", "release", "launch", "train", "publish"}
    | {"invent", "pioneer", "work", "research", "study", "introduce", "ship", "deploy"}
    | {"contribute", "write", "maintain"}
)
#: the nouns of complex prepositions: "in front of", "on top of", "on behalf of"
_COMPLEX_PREP = frozenset({"front", "top", "behalf"})
#: a person said in the text or the labelled speaker's "I" ("he"/"she" is left out: in
#: a lecture the last person named is often not the one meant)
_GROUNDED = frozenset({"lexicon", "ner", "speaker"})
#: a subject that is the noun a participle or relative clause hangs on (concepts only)
_MOD = "modified"
#: Prepositions of place and time: after an adjective they set the scene ("was very
#: general in Vienna", "is popular in winter"), they relate nothing to the subject.
_SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "on", "during", "since", "before", "after", "around", "across", "within"}
    | {"throughout", "until", "inside", "outside", "near"}
)
#: Verbs of making (:mod:`.creation`'s): what is made is the noun, never a name that
#: only classifies it ("published a YouTube video" made no YouTube).
_MAKING = frozenset(CREATION_VERB_RULES[0][0])
_NAMING = frozenset({"call", "name", "know", "dub", "term", "label"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


def open_relations(doc, spans: list[SpanMention], evidence, linked) -> list[RelationCandidate]:
    """subject - verb (+particle/preposition) - object from the dependency parse."""
    by_role: dict[int, dict[str, list[tuple[SpanMention, str | None]]]] = {}
    type_at = {k: s.mention.type for s in spans for k in range(s.token_start, s.token_end)}
    through_noun: set[int] = set()  # objects read through the verb's object noun
    classifying: set[int] = set()  # names read through the noun they classify
    for s in spans:
        root = doc[s.token_start : s.token_end].root
        while root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN"):
            if type_at.get(root.head.i, s.mention.type) != s.mention.type:
                break  # "in OpenAI and Greg Brockman ...": a run-on parse, not a list
            root = root.head
        if root.dep_ == "conj":
            continue
        if (
            root.dep_ == "compound"
            and root.head.pos_ == "NOUN"
            and root.head.i not in type_at
            and root.head.dep_ in ("nsubj", "nsubjpass", "dobj")
        ):
            # a name that classifies the verb's subject or object noun is what the
            # clause is about: "Kestrel engineers met in Oslo", "visited the Kestrel
            # offices" (not a preposition's noun: "a member of the X board" is no
            # member of X)
            root = root.head
            classifying.add(id(s))
        if (
            root.dep_ == "appos"
            and root.head.pos_ == "NOUN"
            and root.head.dep_ in ("dobj", "pobj")
            and root.head.i not in type_at
            and _renames(root)
        ):
            root = root.head  # "started a company, Willow Garage": the noun it renames
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.lemma_.lower() in _SHELL_NOUNS
            and root.head.head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
            and root.head.head.i not in type_at
        ):
            root = root.head.head  # "used the concept of X", "licensed it to a bunch of Ys"
        head, role, prep = root.head, None, None
        if root.dep_ in _SUBJECT_DEPS:
            role = "subj"
            if root.dep_ == "agent":
                continue
        elif root.dep_ in _OBJECT_DEPS:
            role = "obj"
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ == "agent"
            and root.head.head.pos_ == "VERB"
            and _passive(root.head.head)
        ):
            role, head = "agent", root.head.head  # "was caused by X": X did it
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ in ("prep", "agent")
            and root.head.head.pos_ in ("VERB", "AUX")
        ):
            role, prep, head = "obj", root.head.lower_, root.head.head
        elif root.dep_ == "pobj" and root.head.dep_ == "prep" and _complex_prep(root.head):
            # "testified in front of Congress": "in front of"
            inner = root.head.head
            role, head = "obj", inner.head.head
            prep = f"{inner.head.lower_} {inner.lower_} {root.head.lower_}"
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ == "prep"
            and root.head.lower_ not in _SETTING_PREPOSITIONS
            and root.head.head.dep_ == "acomp"
            and root.head.head.head.lemma_.lower() in ("be", "become", "seem", "remain")
        ):
            # "X is related to Y": the adjective and its preposition
            role, head = "obj", root.head.head.head
            prep = f"{root.head.head.lower_} {root.head.lower_}"
        elif root.dep_ == "pobj" and root.head.dep_ == "prep" and _predicate_noun(root.head.head):
            # "microbes were the cause of disease": the noun after the copula and its
            # preposition ("be cause of", "be expert in")
            noun = root.head.head
            role, head = "obj", noun.head
            prep = f"{noun.lemma_.lower()} {root.head.lower_}"
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ == "prep"
            and root.head.head.dep_ == "prep"
            and root.head.head.head.pos_ == "VERB"
        ):
            # two prepositions in a row: "arose out of Y", "moved away from Y"
            role, head = "obj", root.head.head.head
            prep = f"{root.head.head.lower_} {root.head.lower_}"
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ == "prep"
            and _object_noun(root.head.head)
            and root.head.head.i not in type_at
        ):
            # the verb's object noun and its preposition: "declared war on Y", "had
            # offices in Y", "got a call from Y" ("declare war on", "have office in")
            noun = root.head.head
            role, head = "obj", noun.head
            prep = f"{noun.lemma_.lower()} {root.head.lower_}"
            through_noun.add(id(s))
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ == "prep"
            and root.head.lower_ not in _SETTING_PREPOSITIONS
            and _copular_adjective(root.head.head)
        ):
            # "X is closely related to Y" parsed with the adjective as the clause's head
            role, head = "obj", root.head.head
            prep = f"{head.lower_} {root.head.lower_}"
        if role is not None and (head.pos_ in ("VERB", "AUX") or _copular_adjective(head)):
            by_role.setdefault(head.i, {}).setdefault(role, []).append((s, prep))
            if role == "subj":
                # "Y founded X and later sold Z", "X went on to replace Z": the subject
                # of a verb is the subject of the verbs it governs without one of their own
                for verb in _sharing(head):
                    by_role.setdefault(verb.i, {}).setdefault("subj", []).append((s, None))
        # the noun a relative clause or a participle hangs on is that verb's subject:
        # "transformers, which replaced LSTMs", "a model trained on web text"
        # (between concepts only: a clause's "which" may be the whole clause before it)
        if s.mention.type == "Concept":
            for verb in doc[s.token_start : s.token_end].root.children:
                if verb.i >= s.token_end and verb.pos_ == "VERB" and _modifies(verb):
                    by_role.setdefault(verb.i, {}).setdefault("subj", []).append((s, _MOD))
        elif s.mention.type == "Person" and s.mention.source in ("lexicon", "ner"):
            # a named person's "who" clause is theirs: "Ada Lind, who wrote Tarn, ..."
            for verb in doc[s.token_start : s.token_end].root.children:
                if verb.i >= s.token_end and verb.dep_ == "relcl" and _who(verb):
                    for v in (verb, *_sharing(verb)):
                        by_role.setdefault(v.i, {}).setdefault("subj", []).append((s, None))
    out = []
    for verb_i, roles in sorted(by_role.items()):
        verb = doc[verb_i]
        lemma = "be" if _copular_adjective(verb) else verb.lemma_.lower()
        if not verb.is_alpha or hypothetical(verb) or _required(verb):
            continue
        if roles.get("agent") and (lemma not in _OPEN_SKIP_LEMMAS or lemma == "make"):
            # the passive read actively: "X was caused by Y"
            roles = {"subj": roles["agent"], "obj": [(o, None) for o, _ in roles.get("subj", [])]}
        elif lemma in ("go", "get"):
            # entering a field: "I went into machine learning", "got into math"
            objects = [
                (o, p)
                for o, p in roles.get("obj", [])
                if (p == "into" and o.mention.type == "Concept") or id(o) in through_noun
            ]
            if not objects:
                continue
            roles = {"subj": roles.get("subj", []), "obj": objects}
        elif lemma in _LIGHT_VERBS:
            # a light verb says something only with its noun: "had offices in Y", "made
            # peace with Y", "got a call from Y"
            objects = [(o, p) for o, p in roles.get("obj", []) if id(o) in through_noun]
            if not objects:
                continue
            roles = {"subj": roles.get("subj", []), "obj": objects}
        elif lemma in _OPEN_SKIP_LEMMAS:
            # a copula relates only through its adjective: "X is related to Y"
            objects = [(o, p) for o, p in roles.get("obj", []) if p and " " in p]
            if lemma not in ("be", "become", "seem", "remain") or not objects:
                continue
            roles = {"subj": roles.get("subj", []), "obj": objects}
        negated = _negated(verb)
        particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
        active = "agent" in by_role[verb_i] and roles is not by_role[verb_i]
        if not active:
            roles = {**roles, "subj": _nearest_list(doc, roles.get("subj", []))}
        for subj, how in roles.get("subj", []):
            how = "agent" if active else how
            if how == _MOD and verb.lemma_.lower() in _NAMING:
                continue  # "a model called Kestrel": the name, not a relation
            for obj, prep in roles.get("obj", []):
                if how == _MOD and obj.mention.type != "Concept":
                    continue
                if subj is obj or (id(subj), id(obj)) in linked or (id(obj), id(subj)) in linked:
                    continue
                if prep is not None and how != _MOD and obj.token_start < subj.token_start:
                    continue  # a fronted adjunct sets the scene: "Before X, I spent ..."
                sources = {subj.mention.source, obj.mention.source}
                if not _grounded(subj, obj, verb, prep):
                    continue  # generic "you can imagine ...", "we" is no claim about anyone
                named = {"lexicon", "ner"} & sources
                if not named and prep is None and _passive(verb) and how != "agent":
                    continue  # "software was not built revision control": a misparse
                # a participle keeps its form: "trained on", "based on", "used for"
                participle = verb.tag_ == "VBN" and (
                    verb.dep_ == "acl" or (_passive(verb) and how != "agent")
                )
                word = verb.lower_ if participle else None
                phrase = " ".join(p for p in (word or lemma, particle, prep) if p)
                if id(obj) in classifying and lemma in _MAKING and obj.mention.type != "Concept":
                    # a name classifying what was made is not what was made: "published a
                    # YouTube video", "built the Kestrel app" (a concept is its kind:
                    # "wrote the first role-playing game")
                    continue
                typed = None if negated else typed_verb(phrase, subj.mention, obj.mention)
                if typed is not None:
                    # the parse found subject and object where the text between them
                    # fit no pattern: "Mira Murati, who ..., started Thinking Machines"
                    predicate, forward = typed
                    s_, o_ = (subj, obj) if forward else (obj, subj)
                    out.append(
                        RelationCandidate(
                            s_.mention,
                            predicate,
                            o_.mention,
                            "typed",
                            evidence(f"parse:{predicate}", 0.7),
                        )
                    )
                    continue
                if "unresolved" in sources:
                    continue  # an ungrounded pronoun: typed candidates only (finder.py)
                out.append(
                    RelationCandidate(
                        subj.mention,
                        phrase,
                        obj.mention,
                        "open",
                        evidence("open:svo", 0.6),
                        None,
                        negated,
                    )
                )
    return out


def _grounded(subj: SpanMention, obj: SpanMention, verb, prep: str | None) -> bool:
    """Whether an open relation between these ends claims something of someone: two
    concepts; a named end; the labelled speaker's "I" with a concept; the speaker's
    organisation as "we" with a verb of making or working in the past tense (what it
    did: "we trained a speech model", not "we're building a human brain"). Never "you",
    "it" or an ungrounded pronoun; a person and a concept never through "as" (a role:
    "spent three years at X as a research scientist") or a naming verb ("I called it
    cold storage" names, it relates nothing)."""
    s, o = subj.mention, obj.mention
    sources = {s.source, o.source}
    lemma = verb.lemma_.lower()
    if {"addressee", "it"} & sources:
        return False
    if o.type == "Concept" and s.type != "Concept" and (prep == "as" or lemma in _NAMING):
        return False
    if s.source == "we":
        # the tense is the governing verb's when the subject is shared with it: "we
        # ended up contributing to X", "we got to work on X"
        tensed = verb
        while tensed.dep_ in ("xcomp", "conj") and tensed.tag_ in ("VB", "VBG", "VBN"):
            tensed = tensed.head
        done = tensed.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lower_ in ("have", "'ve", "had") for c in tensed.children
        )
        return o.type == "Concept" and lemma in _WE_VERBS and done and o.source != "speaker"
    if "we" in sources:
        return False
    if {"lexicon", "ner"} & sources or s.type == o.type == "Concept":
        return True
    grounded = s.type == "Person" and s.source in _GROUNDED and o.type == "Concept"
    return grounded and lemma not in _ATTITUDE


def _nearest_list(doc, subjects: list[tuple[SpanMention, str | None]]):
    """Subjects the parse lists with a verb between them are two clauses read as one
    ("A invested in B, and C backed D" parsed with A and C as the subjects of "backed"):
    only the ones after the last verb are this verb's."""
    listed = sorted((x for x in subjects if x[1] != _MOD), key=lambda x: x[0].token_start)
    for k in range(len(listed) - 1, 0, -1):
        between = doc[listed[k - 1][0].token_end : listed[k][0].token_start]
        if any(t.pos_ in ("VERB", "AUX") for t in between):
            keep = {id(x[0]) for x in listed[k:]}
            return [x for x in subjects if x[1] == _MOD or id(x[0]) in keep]
    return subjects


def _copular_adjective(token) -> bool:
    """An adjective the parse made its clause's head, with the copula hanging on it ("X
    is closely related to Y": "related" with "is" as its auxiliary)."""
    return token.pos_ == "ADJ" and any(
        c.dep_ in ("aux", "auxpass", "cop") and c.lemma_.lower() == "be" for c in token.children
    )


#: nouns of quantity or vagueness after a copula: "is a lot of X" relates nothing
_VAGUE_NOUNS = frozenset(
    {"lot", "lots", "bunch", "number", "couple", "plenty", "ton", "tons", "deal", "bit"}
    | {"piece", "amount", "sort", "thing", "stuff", "way", "time", "one", "idea", "point"}
)


def _predicate_noun(noun) -> bool:
    """A common noun after a copula, with a preposition of its own: "the cause" in
    "microbes were the cause of disease", "an iteration" in "X was an early iteration
    of Y"; not a noun of quantity or vagueness ("a lot of", "the thing about")."""
    return (
        noun.dep_ == "attr"
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in _VAGUE_NOUNS
        and noun.head.lemma_.lower() in ("be", "become", "remain")
    )


#: nouns whose "of" names what the clause is about: "used the concept of attenuation"
#: uses attenuation, "a bunch of companies licensed it" is the companies
_SHELL_NOUNS = frozenset(
    {"idea", "concept", "notion", "kind", "type", "sort", "form", "lot", "lots", "bunch"}
    | {"couple", "set", "number", "variety", "range", "entirety", "whole", "plenty"}
)


def _renames(appos) -> bool:
    """An appositive renames the noun the parse hangs it on only when no other noun's
    phrase comes between them ("licensed it to a bunch of companies: Sega"); after "a
    bug in a piece of software on the system, the bash shell" it may rename any of them."""
    noun = appos.head
    for t in appos.doc[noun.i + 1 : appos.left_edge.i]:
        if t.dep_ == "prep" and not (t.lower_ == "of" and noun.lemma_.lower() in _SHELL_NOUNS):
            return False
    return True


#: verbs that say little alone and something with their object noun: "have offices in",
#: "make peace with", "get a call from", "take a job at", "give a talk at", "do a postdoc in"
_LIGHT_VERBS = frozenset({"have", "get", "make", "take", "give", "do"})


def _object_noun(noun) -> bool:
    """A common noun that is a verb's direct object, with a preposition of its own: "war"
    in "declared war on Japan", "offices" in "had offices in Seattle"; not a noun of
    quantity or vagueness ("a lot of", "the thing about"), whose "of" names the object
    itself, nor a noun a determiner of choice makes hypothetical ("any", "no"), nor
    someone else's ("your journey with X")."""
    return (
        noun.dep_ == "dobj"
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in _VAGUE_NOUNS
        and noun.head.pos_ == "VERB"
        and not any(c.dep_ == "det" and c.lower_ in ("any", "no", "every") for c in noun.children)
        # the addressee's or a named other's thing: "watching your journey with X",
        # "Tyler's journey with X" (not the subject's own: "made his peace with X")
        and not any(
            c.dep_ == "poss" and (c.lower_ in ("your", "yours") or c.pos_ == "PROPN")
            for c in noun.children
        )
    )


#: adjectives of necessity or chance: a clause under "it is important that ..." states a
#: norm or a possibility, not a fact
_MODAL_ADJECTIVES = frozenset(
    {"important", "necessary", "essential", "crucial", "critical", "vital", "possible"}
    | {"impossible", "likely", "unlikely", "conceivable", "desirable", "imperative"}
)


def _required(verb) -> bool:
    """``verb`` sits in a clause under an adjective of necessity or chance: "it is
    important that no one person have total control over X", "it's possible that X
    beat Y" say what should or could be, not what is."""
    for token in (verb, *verb.ancestors):
        if token.dep_ == "ccomp" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _MODAL_ADJECTIVES for c in token.head.children
        ):
            return True
        if token.dep_ == "ROOT":
            break
    return False


def _complex_prep(prep) -> bool:
    """ "of" in "in front of X": its noun is a complex preposition's, hanging on a
    preposition of the verb."""
    noun = prep.head
    return (
        prep.lower_ == "of"
        and noun.dep_ == "pobj"
        and noun.lower_ in _COMPLEX_PREP
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ == "VERB"
    )


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


_RELATIVE = frozenset({"which", "that", "who"})
_OWN_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _sharing(verb) -> list:
    """The verbs that take ``verb``'s subject as theirs: coordinated after it ("founded
    X and sold Y") or its open complement ("went on to found X", "helped build Y"),
    each without a subject of its own; a clause with its own subject is another claim."""
    if verb.dep_ == "pcomp":
        return []  # "talk about X beginning and starting with Y": a topic, not a claim
    out, todo = [], [verb]
    while todo:
        head = todo.pop()
        for c in head.children:
            if (
                c.dep_ in ("conj", "xcomp")
                and c.pos_ == "VERB"
                and c.i > head.i
                and c.lemma_.lower() not in _NAMING
                and not any(g.dep_ in _OWN_SUBJECT for g in c.children)
                and (c.dep_ == "xcomp" or _coordinated(head, c))
            ):
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _coordinated(head, conj) -> bool:
    """``conj`` is coordinated with ``head`` by a conjunction ("and", "but", "then"
    between them), in the same voice and the same kind of form: a bare comma ("more
    software focused, focused around X"), a passive after an active ("built X and Y is
    based on Z" read as one clause) or a bare "-ing" form after a verb that is none ("AI
    lose and killing people and ...", a caption's run-on list) is a run-on parse."""
    cc = any(t.dep_ == "cc" and head.i < t.i < conj.i for t in (*head.children, *conj.children))
    run_on_gerund = (
        conj.tag_ == "VBG"
        and head.tag_ != "VBG"
        and not any(c.dep_ in ("aux", "auxpass") for c in conj.children)
    )
    return cc and _passive(head) == _passive(conj) and not run_on_gerund


def _who(verb) -> bool:
    """A relative clause whose subject is "who": it speaks of the person it hangs on."""
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


def _modifies(verb) -> bool:
    """``verb`` says something of the noun it hangs on: a participle ("trained on",
    "using") or a relative clause whose subject is the relative pronoun ("which
    replaced"), not one with a subject of its own ("the model that we trained")."""
    if verb.dep_ == "acl":
        return verb.tag_ in ("VBN", "VBG") and not any(
            c.dep_ in _SUBJECT_DEPS for c in verb.children
        )
    if verb.dep_ == "relcl":
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and all(c.lower_ in _RELATIVE for c in subjects)
    return False


_MODALS = frozenset({"should", "would", "could", "might", "may", "must"})
_WISHES = frozenset({"want", "wish", "hope", "wonder", "imagine", "suppose", "try", "need"})


def hypothetical(verb) -> bool:
    """A verb under a modal, a wish or a condition states no fact ("should make Grok beat
    GPT", "wanted OpenAI to be acquired", "if you reach AGI"). Read once per verb of a
    Doc (the relation readers ask about the same verbs many times)."""
    known = verb.doc.user_data.setdefault(_HYPOTHETICAL_KEY, {})
    if verb.i not in known:
        known[verb.i] = _hypothetical(verb)
    return known[verb.i]


_HYPOTHETICAL_KEY = "kg.hypothetical"


def _modal(aux) -> bool:
    """A modal auxiliary; "'d" before a past participle is "had", no modal ("he'd
    been an intern at X" reports; "he'd go there" supposes)."""
    if aux.lower_ in ("'d", "’d"):
        return aux.head.tag_ != "VBN"
    return aux.lower_ in _MODALS


_FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def _negated(token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _offered(verb) -> bool:
    """ "I can explain the nuance", "we can say ...": a speaker's own "can" offers or
    proposes the act, it does not report it (a clause under it, "I can tell you I
    worked there", still states its fact)."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON_SUBJECTS
        for c in verb.children
    )


def _hypothetical(verb) -> bool:
    if _offered(verb):
        return True
    below = None
    for token in (verb, *verb.ancestors):
        if below is not None and below.dep_ in ("ccomp", "xcomp") and _negated(token):
            return True  # "I don't know what to expect from X", "I don't think X beat Y"
        below = token
        if any(c.dep_ == "aux" and _modal(c) for c in token.children):
            return True
        if any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children
        ):
            return True
        if token is not verb and token.lemma_.lower() in _WISHES:
            return True
        if token.dep_ == "ROOT":
            break
    return False
