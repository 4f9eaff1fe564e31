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
"""

from __future__ import annotations

from ...model import RelationCandidate
from ..entities import SpanMention
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
#: a subject that is the noun a participle or relative clause hangs on (concepts only)
_MOD = "modified"
_NAMING = frozenset({"call", "name", "know", "dub", "term", "label"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


def open_relations(doc, spans: list[SpanMention], evidence, linked) -> list[RelationCandidate]:
    """subject - verb (+particle/preposition) - object from the dependency parse."""
    by_role: dict[int, dict[str, list[tuple[SpanMention, str | None]]]] = {}
    type_at = {k: s.mention.type for s in spans for k in range(s.token_start, s.token_end)}
    for s in spans:
        root = doc[s.token_start : s.token_end].root
        while root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN"):
            if type_at.get(root.head.i, s.mention.type) != s.mention.type:
                break  # "in OpenAI and Greg Brockman ...": a run-on parse, not a list
            root = root.head
        if root.dep_ == "conj":
            continue
        head, role, prep = root.head, None, None
        if root.dep_ in _SUBJECT_DEPS:
            role = "subj"
            if root.dep_ == "agent":
                continue
        elif root.dep_ in _OBJECT_DEPS:
            role = "obj"
        elif (
            root.dep_ == "pobj"
            and root.head.dep_ in ("prep", "agent")
            and root.head.head.pos_ in ("VERB", "AUX")
        ):
            role, prep, head = "obj", root.head.lower_, root.head.head
        if role is not None and head.pos_ in ("VERB", "AUX"):
            by_role.setdefault(head.i, {}).setdefault(role, []).append((s, prep))
        # the noun a relative clause or a participle hangs on is that verb's subject:
        # "transformers, which replaced LSTMs", "a model trained on web text"
        # (between concepts only: a clause's "which" may be the whole clause before it)
        if s.mention.type == "Concept":
            for verb in doc[s.token_start : s.token_end].root.children:
                if verb.i >= s.token_end and verb.pos_ == "VERB" and _modifies(verb):
                    by_role.setdefault(verb.i, {}).setdefault("subj", []).append((s, _MOD))
    out = []
    for verb_i, roles in sorted(by_role.items()):
        verb = doc[verb_i]
        if verb.lemma_.lower() in _OPEN_SKIP_LEMMAS or not verb.is_alpha or hypothetical(verb):
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
        for subj, how in roles.get("subj", []):
            if how == _MOD and verb.lemma_.lower() in _NAMING:
                continue  # "a model called Kestrel": the name, not a relation
            for obj, prep in roles.get("obj", []):
                if how == _MOD and obj.mention.type != "Concept":
                    continue
                if subj is obj or (id(subj), id(obj)) in linked or (id(obj), id(subj)) in linked:
                    continue
                sources = {subj.mention.source, obj.mention.source}
                if {"addressee", "we", "it"} & sources:
                    continue  # generic "you can imagine ...", "we" is no claim about anyone
                named = {"lexicon", "ner"} & sources
                concepts = subj.mention.type == obj.mention.type == "Concept"
                if not named and not concepts:
                    continue
                if not named and prep is None and _passive(verb):
                    continue  # "software was not built revision control": a misparse
                # a participle keeps its form: "trained on", "based on", "used for"
                word = verb.lower_ if verb.tag_ == "VBN" and verb.dep_ == "acl" else None
                phrase = " ".join(p for p in (word or verb.lemma_.lower(), particle, prep) if p)
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


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


_RELATIVE = frozenset({"which", "that", "who"})


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


_MODALS = frozenset({"should", "would", "could", "might", "may", "must", "'d"})
_WISHES = frozenset({"want", "wish", "hope", "wonder", "imagine", "suppose", "try", "need"})


def hypothetical(verb) -> bool:
    """A verb under a modal, a wish or a condition states no fact ("should make Grok beat
    GPT", "wanted OpenAI to be acquired", "if you reach AGI")."""
    for token in (verb, *verb.ancestors):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children):
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
