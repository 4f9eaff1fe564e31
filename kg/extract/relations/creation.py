"""Creation and derivation: created ("built", "trained", "authors of") and basedOn
("based on", "built on", "fine-tuned from")."""

from __future__ import annotations

from .patterns import _AGENT, _ART, _BE, _ORG, _PERSON, _TIME, ROLES, Pattern, _p  # noqa: F401

__all__ = ["PATTERNS", "VERB_RULES"]

#: kinds of made things a maker's name or "by" ties to their name: "Nora Lind's book
#: Deep Habits", "Deep Habits is a novel by Nora Lind"
_MADE_KINDS = (
    "book|novel|paper|essay|article|album|song|film|movie|documentary|play|poem|memoir|"
    "biography|podcast|show|series|blog|newsletter|lecture|report|study|language|app|game|"
    "library|framework|opera|symphony|painting"
)

PATTERNS: tuple[Pattern, ...] = (
    # created: "you did alexnet", "OpenAI built GPT-4", "GPT-4 was trained by OpenAI"
    _p(
        "created",
        r"^(?:(?:who|which|that|also|then|has|have|had|just|recently|actually|basically|they|we)\s+)*(?:built|build|builds|created|creates|create|developed|develops|develop|made|makes|invented|invents|invent|trained|trains|released|releases|launched|launches|wrote|writes|published|publishes|designed|introduced|introduces|did|shipped|ships|open-?sourced)\s+(?:the\s+|a\s+|an\s+)?(?:first\s+)?$",
        _AGENT,
        "Product Work",
        confidence=0.8,
    ),
    _p(
        "created",
        r"^(?:(?:was|were|is|are|been|being)\s+)?(?:built|created|developed|made|invented|trained|released|launched|written|published|designed|introduced)\s+by\s+$",
        _AGENT,
        "Product Work",
        forward=False,
        confidence=0.85,
    ),
    _p("created", r"^(?:'s|’s|s)\s+$", _ORG, "Product Work", confidence=0.6),
    # a work named with its kind after its maker's name: "Nora Lind's book Deep Habits",
    # "Rob Pike's language Go" (the kind noun says the name is the thing made, not owned)
    _p(
        "created",
        rf"^(?:'s|’s|s)\s+(?:(?:new|latest|first|last|famous|own|debut|recent)\s+)?(?:{_MADE_KINDS})\s+$",
        _AGENT,
        "Product Work",
        confidence=0.75,
    ),
    # a work and its author side by side: "Deep Habits by Nora Lind", "Deep Habits,
    # written by Nora Lind", "Deep Habits is a book by Nora Lind"
    _p(
        "created",
        rf"^(?:(?:is|was)\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:{_MADE_KINDS})\s+)?(?:(?:written|directed|composed|edited|hosted|produced)\s+)?by\s+$",
        _PERSON,
        "Work",
        forward=False,
        confidence=0.7,
    ),
    # a product named with its maker: "GPT-2 from OpenAI", "Gemini by Google"
    _p("created", r"^(?:from|by)\s+$", _ORG, "Product", forward=False, confidence=0.6),
    # authors: "Noam Shazeer, one of the authors of the Transformer paper"
    _p(
        "created",
        rf"^,?\s*{_BE}{_ART}(?:co-?)?(?:authors?|writers?|creators?|inventors?|editors?|directors?|producers?)\s+of\s+(?:the\s+)?$",
        _AGENT,
        "Product Work",
        confidence=0.8,
    ),
    # a show's host makes it: "Bridget Todd, who is host of Mozilla's IRL Podcast"
    _p(
        "created",
        rf"^,?\s*{_BE}{_ART}(?:co-?)?(?:hosts?|presenters?)\s+of\s+(?:the\s+)?$",
        _PERSON,
        "Work",
        confidence=0.7,
    ),
    # ideas have authors too: "Darwin's theory of natural selection", "Alan Turing, the
    # father of computer science", "the founder of experimental immunology"
    _p(
        "created",
        r"^(?:(?:'s|’s|s)\s+)?(?:(?:famous|early|own|first|original|general|special)\s+)?(?:theory|theories|law|laws|principle|method|equation|equations|conjecture|hypothesis|notion|idea)\s+of\s+(?:the\s+)?$",
        _PERSON,
        "Concept",
        confidence=0.75,
    ),
    _p(
        "created",
        rf"^,?\s*{_BE}{_ART}(?:father|mother|founder|inventor|pioneer|originator)\s+of\s+(?:the\s+)?(?:(?:field|discipline|science|theory|idea|concept)\s+of\s+)?$",
        _PERSON,
        "Concept",
        confidence=0.75,
    ),
    _p(
        "created",
        r"^(?:(?:who|also|then|had|has|first)\s+)*(?:invented|coined|pioneered|formulated|devised|came up with|comes up with|come up with|thought up|dreamed up|dreamt up)\s+(?:the\s+|a\s+|an\s+)?(?:(?:idea|concept|notion|theory|field)\s+of\s+)?$",
        _PERSON,
        "Concept",
        confidence=0.75,
    ),
    _p(
        "basedOn",
        r"^(?:(?:is|was|which is|that is|are)\s+)?(?:based on|built on(?: top of)?|powered by|runs on|running on|fine-?tuned (?:from|on)|derived from)\s+(?:the\s+)?$",
        "Product",
        "Product",
        confidence=0.85,
    ),
)

#: Verb phrases of the dependency parse (lemma + particle/preposition) that state the
#: relation when subject and object have the types given: (phrases, predicate, subject
#: types, object types, forward). ``forward`` False swaps them.
VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = (
    (
        ("create", "build", "develop", "release", "train", "invent", "design", "write")
        + ("publish", "ship", "launch", "open-source"),
        "created",
        _AGENT,
        "Product Work",
        True,
    ),
    # what one makes up is one's idea or one's made thing: "McCarthy came up with
    # garbage collection" (the pattern above reads it when nothing stands between)
    (
        ("come up with", "think up", "dream up"),
        "created",
        _PERSON,
        "Product Work Concept",
        True,
    ),
    # a legislature makes the laws it passes: "Congress passed the Clean Air Act"
    (("pass", "enact"), "created", _ORG, "Work", True),
    # a field one founds is one's idea, as its founder's is ("the founder of the
    # discipline of X" above): "helped to found the discipline of computational ecology"
    (
        tuple(
            f"{verb} {field} of"
            for verb in ("found", "establish", "pioneer", "invent", "create")
            for field in ("field", "discipline", "science")
        ),
        "created",
        _PERSON,
        "Concept",
        True,
    ),
)
