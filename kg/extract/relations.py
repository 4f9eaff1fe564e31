"""Relations between the mentions of one unit: typed patterns, open verb relations,
and co-mentions.

Typed relations are read from the words *between* two mentions, which works on
unpunctuated speech where a dependency parse often does not ("he's a co-founder of
openai", "his PhD with Jeff Hinton", "OpenAI's CEO Sam Altman"). Pronouns ("he",
"his", "you") stand for the person the talk is about: the most mentioned person so far
for third person, the interviewee (or the other speaker) for "you", the speaker for
"I". Open relations come from the parse: subject, verb (+particle/preposition), object.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..lexicon import Lexicon, name_key
from ..model import Evidence, Mention, RelationCandidate, Sentence, Transcript
from .entities import SpanMention

__all__ = ["Discourse", "RelationFinder", "TYPED_PATTERNS"]

ROLES = (
    r"chief executive officer|chief executive|ceo|chief technology officer|cto|chief scientist|"
    r"chief operating officer|coo|chief research officer|president|chairman|chairwoman|chair|"
    r"head of [a-z]+|director of [a-z]+|director|vice president|vp of [a-z]+|vp|research scientist|"
    r"researcher|scientist|engineer|software engineer|employee|member of technical staff|"
    r"board member|member of the board|lead|research lead|team lead|head|cso|cfo|manager|"
    r"partner|investor|advisor|professor|intern|"
    r"chief(?: [a-z]+){1,2} (?:officer|scientist)|(?:senior|staff|principal|distinguished|lead) "
    r"(?:research )?(?:scientist|engineer|researcher)|fellow|postdoc|phd student"
)
_ART = r"(?:(?:the|a|an|one of the|one of|its|their|our|his|her)\s+)?"
_BE = r"(?:(?:is|was|are|were|am|'m|’m|'s|’s|s|has been|had been|have been|became|becomes|being|as|now|who's|who is|who was)\s+)?"
_TIME = r"(?:(?:former|current|new|interim|then|now|first|founding|longtime|long-time)\s+)?"


@dataclass(frozen=True)
class Pattern:
    """A typed relation read from the text between two mentions.

    ``forward``: subject comes first; otherwise the object does. ``subject_types`` and
    ``object_types`` restrict what may be linked.
    """

    predicate: str
    regex: re.Pattern
    subject_types: frozenset[str]
    object_types: frozenset[str]
    forward: bool = True
    confidence: float = 0.9
    implicit_subject: bool = False  # the subject may be left unsaid ("postdoc with X")


def _p(predicate, regex, subj, obj, forward=True, confidence=0.9, implicit=False):
    return Pattern(
        predicate,
        re.compile(regex),
        frozenset(subj.split()),
        frozenset(obj.split()),
        forward,
        confidence,
        implicit,
    )


_PERSON, _ORG, _AGENT = "Person", "Organization", "Person Organization"
_ARTIFACT = "Product Work Concept"

TYPED_PATTERNS: tuple[Pattern, ...] = (
    # founded: "he's a co-founder of openai", "co-founded Anthropic", "OpenAI was founded by"
    _p(
        "founded",
        rf"^{_BE}{_ART}{_TIME}(?:co-?\s?founders?|cofounders?|founders?|founding members?)\s+(?:of|at|and [a-z ]+ (?:of|at))\s+$",
        _PERSON,
        _ORG,
        implicit=True,
    ),
    _p(
        "founded",
        r"^(?:(?:who|that|also|then|later|had|has|have)\s+)*(?:co-?\s?founded|cofounded|founded|started|set up|launched)\s+$",
        _PERSON,
        _ORG,
    ),
    _p(
        "founded",
        r"^(?:(?:was|is|were|which was|that was|which is|which were|that were)\s+)?(?:co-?\s?founded|cofounded|founded|started|set up)\s+by\s+$",
        _PERSON,
        _ORG,
        forward=False,
    ),
    _p(
        "founded",
        r"^(?:'s|’s|s)?\s*(?:co-?\s?founders?|cofounders?|founders?)\s+$",
        _PERSON,
        _ORG,
        forward=False,
        confidence=0.8,
    ),
    # studiedUnder: "his PhD with Jeff Hinton", "postdoc with Andrew Ng", "studied under"
    _p(
        "studiedUnder",
        r"^(?:(?:did|does|do|doing|done|got|get|completed|finished|was|is|and|then|it is|it was|he did|she did|i did)\s+)*(?:his|her|their|my|a|the)?\s*(?:ph\.?\s?d\.?|doctorate|doctoral (?:work|studies|thesis)|postdoc|post-doc|post doc|postdoctoral (?:work|fellowship|research)|master'?s|thesis|grad school|graduate studies|phd studies)\s+(?:(?:with|under|advised by|supervised by)\s+)$",
        _PERSON,
        _PERSON,
        confidence=0.9,
        implicit=True,
    ),
    _p(
        "studiedUnder",
        r"^(?:(?:who|also|then|was|had)\s+)*(?:studied|trained|worked as a (?:student|postdoc))\s+(?:under|with)\s+$",
        _PERSON,
        _PERSON,
        confidence=0.8,
    ),
    _p(
        "studiedUnder",
        rf"^{_BE}{_ART}(?:former\s+)?(?:student|phd student|grad student|graduate student|postdoc|advisee|doctoral student)\s+of\s+$",
        _PERSON,
        _PERSON,
    ),
    _p(
        "studiedUnder",
        r"^(?:'s|’s|s)\s+(?:former\s+)?(?:student|phd student|grad student|graduate student|postdoc|advisee)\s+$",
        _PERSON,
        _PERSON,
        forward=False,
    ),
    # advisors: "my PhD advisor was Geoffrey Hinton", "Hinton supervised my thesis"
    _p(
        "studiedUnder",
        r"^(?:(?:phd|ph\.d\.|doctoral|thesis|postdoc|postdoctoral|graduate|grad school|master'?s)\s+)?(?:advisor|adviser|supervisor)\s+(?:was|is|had been)\s+$",
        _PERSON,
        _PERSON,
        confidence=0.85,
    ),
    _p(
        "studiedUnder",
        r"^(?:(?:who|also|then|had|has)\s+)*(?:advised|supervised|co-?supervised)\s+$",
        _PERSON,
        _PERSON,
        forward=False,
        confidence=0.8,
    ),
    # worksFor with role: "Ilya is the chief scientist at open AI", "OpenAI's CEO Sam Altman"
    _p(
        "worksFor",
        rf"^{_BE}{_ART}{_TIME}(?P<role>{ROLES})\s+(?:at|of|for|in|with)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        implicit=True,
    ),
    _p(
        "worksFor",
        r"^(?:(?:who|also|now|then|still|currently|has|had|have|is|was|used to)\s+)*(?:works|worked|working|work)\s+(?:at|for|with)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    _p(
        "worksFor",
        r"^(?:(?:who|also|now|then|still|currently)\s+)*(?:leads|led|heads|headed|runs|ran|directs|directed|co-?leads|co-?led)\s+(?:the\s+)?$",
        _PERSON,
        _ORG,
        confidence=0.75,
    ),
    _p(
        "worksFor",
        r"^(?:(?:who|also|then|has|had|have|just|recently)\s+)*(?:joined|joins|joining)\s+$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    _p(
        "worksFor",
        rf"^(?:'s|’s|s)?\s*{_TIME}(?P<role>{ROLES})\s+$",
        _PERSON,
        _ORG,
        forward=False,
        confidence=0.85,
    ),
    # affiliatedWith: a person at an institution
    _p(
        "affiliatedWith",
        r"^(?:(?:was|is|did|doing|his|her|a|the|my|then)\s+)*(?:ph\.?\s?d\.?|postdoc|post-doc|post doc|professor|prof|student|studied|studying|teaches|taught|faculty|lecturer|research(?:er)?|fellow|graduate|graduated|dropped out|undergrad(?:uate)?)\s+(?:(?:with|under)\s+\S+(?:\s+\S+)?\s+)?(?:at|in|in in|from|of)\s+(?:the\s+)?$",
        _PERSON,
        "Organization Place",
        confidence=0.8,
        implicit=True,
    ),
    # board members: "Helen Toner, who was on the board of OpenAI"
    _p(
        "affiliatedWith",
        r"^(?:(?:who|also|then|now|still|has|had|have|was|is|were|sits|sat|served|serves|been)\s+)*(?:on|joined)\s+(?:the|its|their|his|her)\s+board\s+(?:of\s+(?:directors\s+(?:of|at)\s+)?(?:the\s+)?|at\s+(?:the\s+)?)$",
        _PERSON,
        _ORG,
        confidence=0.8,
    ),
    # a person named right before an institution: "Andrew Ng at Stanford"
    _p("affiliatedWith", r"^(?:(?:at|in|from|of)\s+)(?:the\s+)?$", _PERSON, _ORG, confidence=0.6),
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
    _p("created", r"^(?:'s|’s|s)\s+$", _ORG, "Product", confidence=0.6),
    # authors: "Noam Shazeer, one of the authors of the Transformer paper"
    _p(
        "created",
        rf"^,?\s*{_BE}{_ART}(?:co-?)?(?:authors?|writers?|creators?|inventors?)\s+of\s+(?:the\s+)?$",
        _AGENT,
        "Product Work",
        confidence=0.8,
    ),
    # broader: "an LSTM is a recurrent neural network", "models such as GPT"
    _p(
        "broader",
        r"^(?:is|are|was|were|being|as)\s+(?:basically\s+|just\s+|essentially\s+|really\s+)?(?:a|an|one)\s+(?:(?:kind|type|form|sort|class|variant|example|instance|subfield|branch|subset|area|special case)\s+of\s+(?:a\s+|an\s+)?)?$",
        "Concept Product",
        "Concept",
        confidence=0.8,
    ),
    _p(
        "broader",
        r"^(?:is|are)\s+(?:a\s+)?(?:kind|type|form|sort|subfield|branch|subset)\s+of\s+$",
        "Concept Product",
        "Concept",
        confidence=0.85,
    ),
    _p(
        "broader", r"^are\s+(?:all\s+|just\s+|basically\s+)?$", "Concept", "Concept", confidence=0.7
    ),
    _p(
        "broader",
        r"^(?:such as|like|including|e\.g\.|for example|for instance)\s+$",
        "Concept Product",
        "Concept",
        forward=False,
        confidence=0.7,
    ),
    _p("broader", r"^(?:and|or)\s+other\s+$", "Concept Product", "Concept", confidence=0.8),
    _p(
        "broader",
        r"^(?:called|named|known as) $",
        "Concept",
        "Concept",
        forward=False,
        confidence=0.75,
    ),
    # organisations and products
    _p(
        "partOf",
        r"^(?:(?:is|was|became|which is|which was|now)\s+)?(?:(?:a|the)\s+)?(?:part of|division of|subsidiary of|owned by|acquired by|unit of|lab of|lab at|arm of)\s+(?:the\s+)?$",
        _ORG,
        _ORG,
        confidence=0.85,
    ),
    _p(
        "basedOn",
        r"^(?:(?:is|was|which is|that is|are)\s+)?(?:based on|built on(?: top of)?|powered by|runs on|running on|fine-?tuned (?:from|on)|derived from)\s+(?:the\s+)?$",
        "Product",
        "Product",
        confidence=0.85,
    ),
    _p(
        "investedIn",
        r"^(?:(?:has|had|have|also|then)\s+)*(?:invested|invests|investing|put money)\s+(?:(?:\$?[\d.,]+|[a-z]+)\s+(?:billion|million|dollars)\s+)?(?:dollars\s+)?in(?:to)?\s+$",
        _AGENT,
        _ORG,
        confidence=0.85,
    ),
    _p(
        "locatedIn",
        r"^(?:(?:is|was|are|which is)\s+)?(?:based|headquartered|located)\s+(?:in|out of)\s+$",
        _ORG,
        "Place",
        confidence=0.85,
    ),
)

_MAX_BETWEEN_WORDS = 9
_THIRD_PERSON = frozenset({"he", "she", "him", "his", "her", "hers", "he's", "she's"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "you've", "you're"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "i've", "i'm"})
_FIRST_PLURAL = frozenset({"we", "we're", "we've", "our", "us"})
#: "we" as a subject stands for the speaker's organisation once the speaker has said
#: which one it is ("at Anthropic we ..."): "we released Claude Code" -> Anthropic
_WE_SUBJECT = frozenset({"we", "we're", "we've"})
#: between "we" and an organisation: "we built in the early days at", "we are here at"
_WE_AT = re.compile(r"^(?:(?!they |he |she |you )\S+ ){0,8}(?:at|here at|for|with) (?:the )?$")
_OUR_ROLE = re.compile(rf"(?:^| )(?:our|my) (?:{_TIME.strip('?')}?)?(?P<role>{ROLES}) $")
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
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


@dataclass
class Discourse:
    """What pronouns refer to in a transcript: kept across its units, in order."""

    transcript: Transcript
    person_counts: Counter = field(default_factory=Counter)
    last_person: dict[str, Mention] = field(default_factory=dict)
    last_speaker: str | None = None
    previous_speaker: str | None = None
    recent: list[tuple[int, str]] = field(default_factory=list)  # (unit index, person key)

    def observe(self, mentions: list[Mention], speaker: str | None) -> None:
        if speaker and speaker != self.last_speaker:
            self.previous_speaker, self.last_speaker = self.last_speaker, speaker
        for m in mentions:
            if m.type == "Person" and m.source in ("lexicon", "ner", "coref"):
                key = self._key(m)
                self.person_counts[key] += 1
                if m.source != "coref" or key not in self.last_person:
                    self.last_person[key] = m
                if m.source != "coref":
                    self.recent.append((m.sentence_index, key))
        self.recent = self.recent[-20:]

    def antecedent(
        self, unit_index: int, char_start: int, spans, speaker: str | None
    ) -> Mention | None:
        """Whom "he"/"she" at ``char_start`` means: the last person named before it in
        this unit or the two before, never the one speaking; else the talk's main person."""
        before = [
            s.mention
            for s in spans
            if s.mention.type == "Person"
            and s.mention.char_end <= char_start
            and s.mention.source in ("lexicon", "ner")
        ]
        speaker_key = name_key(speaker) if speaker else None
        for m in reversed(before):
            if self._key(m) != speaker_key:
                return m
        for index, key in reversed(self.recent):
            if index < unit_index - 2:
                break
            if key != speaker_key and key in self.last_person:
                return self.last_person[key]
        return self.salient_person(exclude={speaker_key} if speaker_key else set())

    def _key(self, m: Mention) -> str:
        if m.lexicon_id:
            return m.lexicon_id
        key = name_key(m.surface)
        # a first name seen alone counts towards the full name it shortens
        for other in self.last_person:
            if other.startswith(key) and other != key:
                return other
        return key

    def salient_person(self, exclude: set[str] = frozenset()) -> Mention | None:
        ranked = [
            k
            for k, _ in sorted(self.person_counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if k not in exclude
        ]
        return self.last_person[ranked[0]] if ranked else None

    def addressee(self, speaker: str | None) -> str | None:
        """Who "you" is: the other party of a labelled dialogue, else the one guest."""
        if speaker and self.previous_speaker and self.previous_speaker != speaker:
            return self.previous_speaker
        guests = [
            s.name
            for s in self.transcript.meta.speakers
            if (s.role or "").lower() in ("guest", "interviewee")
        ]
        if not speaker and len(guests) == 1:
            return guests[0]
        return None


#: Verb phrases of the dependency parse that state a typed relation, when subject and
#: object have the types given: (phrases, predicate, subject types, object types,
#: forward). ``forward`` False swaps them ("Google acquired DeepMind": DeepMind partOf).
_TYPED_VERB_RULES: tuple[tuple[tuple[str, ...], str, str, str, bool], ...] = (
    (
        ("found", "co-found", "cofound", "start", "establish", "set up", "launch"),
        "founded",
        _PERSON,
        _ORG,
        True,
    ),
    (
        ("join", "lead", "run", "head", "direct", "work at", "work for"),
        "worksFor",
        _PERSON,
        _ORG,
        True,
    ),
    (
        ("create", "build", "develop", "release", "train", "invent", "design", "write")
        + ("publish", "ship", "launch", "open-source"),
        "created",
        _AGENT,
        "Product Work",
        True,
    ),
    (("acquire",), "partOf", _ORG, _ORG, False),
    (("acquire by",), "partOf", _ORG, _ORG, True),
    (("invest in",), "investedIn", _AGENT, _ORG, True),
    (("study under",), "studiedUnder", _PERSON, _PERSON, True),
)


def _typed_verb(phrase: str, subj: Mention, obj: Mention) -> tuple[str, bool] | None:
    """The typed relation an open verb phrase states between these mentions, if any."""
    for phrases, predicate, subject_types, object_types, forward in _TYPED_VERB_RULES:
        if phrase not in phrases:
            continue
        s_, o_ = (subj, obj) if forward else (obj, subj)
        if s_.type in subject_types.split() and o_.type in object_types.split():
            return predicate, forward
    return None


def _conjuncts(doc, spans: list[SpanMention], index: int, step: int) -> list[SpanMention]:
    """The mentions listed with ``spans[index]`` ("X and Y", "X, Y and Z") of its type,
    walking before it (``step`` -1) or after it (+1)."""
    out = []
    kind = spans[index].mention.type
    j = index
    while 0 <= j + step < len(spans):
        near, far = (spans[j + step], spans[j]) if step < 0 else (spans[j], spans[j + step])
        joint = " ".join(t.lower_ for t in doc[near.token_end : far.token_start])
        if joint not in ("and", ",", ", and", "&") or spans[j + step].mention.type != kind:
            break
        j += step
        out.append(spans[j])
    return out


def _vocative(doc, spans: list[SpanMention], before: int) -> Mention | None:
    """The person called by name at the start of a clause, just before token ``before``:
    "Helen, you ...", "so Sam, you ..."."""
    for s in spans:
        if s.mention.type != "Person" or not (0 < before - s.token_end <= 3):
            continue
        previous = doc[s.token_start - 1] if s.token_start else None
        clause_start = previous is None or previous.is_punct or previous.lower_ in _OPENERS
        if doc[s.token_end].text == "," and clause_start:
            return s.mention
    return None


_OPENERS = frozenset({"so", "and", "well", "now", "okay", "ok"})


class RelationFinder:
    """Finds relation candidates in the units of one transcript, in order."""

    def __init__(self, transcript: Transcript, window: int = 0, lexicon: Lexicon | None = None):
        self.transcript = transcript
        self.org_prefixes = _org_prefixes(lexicon) if lexicon else {}
        self.discourse = Discourse(transcript)
        self.window = window
        self.recent: list[tuple[Sentence, list[SpanMention]]] = []
        self.we_org: dict[str | None, Mention] = {}  # speaker -> the organisation "we" is

    # -- pronouns ---------------------------------------------------------------
    def _virtual(
        self, doc, token, sentence: Sentence, antecedent: Mention | None, name: str | None
    ) -> SpanMention | None:
        if antecedent is None and not name:
            return None
        char_start = sentence.char_start + token.idx
        char_end = char_start + len(token.text)
        t0, t1 = self.transcript.time_span(char_start, char_end)
        segment = self.transcript.segment_at(char_start)
        if antecedent is not None:
            mention = replace(
                antecedent,
                sentence_index=sentence.index,
                segment_index=segment.index,
                char_start=char_start,
                char_end=char_end,
                source="coref",
                start=t0,
                end=t1,
                speaker=segment.speaker,
            )
        else:
            mention = Mention(
                self.transcript.id,
                sentence.index,
                segment.index,
                char_start,
                char_end,
                name,
                "Person",
                "speaker",
                None,
                t0,
                t1,
                segment.speaker,
            )
        return SpanMention(mention, token.i, token.i + 1)

    def _pronouns(self, doc, sentence: Sentence, spans: list[SpanMention]) -> list[SpanMention]:
        taken = {k for s in spans for k in range(s.token_start, s.token_end)}
        out = []
        for token in doc:
            if token.i in taken:
                continue
            lower = token.lower_
            if lower in ("'s", "’s") and token.i > 0:
                continue
            if lower in _THIRD_PERSON:
                antecedent = self.discourse.antecedent(
                    sentence.index, sentence.char_start + token.idx, spans, sentence.speaker
                )
                v = self._virtual(doc, token, sentence, antecedent, None)
            elif lower in _SECOND_PERSON:
                called = _vocative(doc, spans, token.i)
                if called is not None:  # "Helen, you worked at ...": the person called
                    v = self._virtual(doc, token, sentence, called, None)
                else:
                    v = self._virtual(
                        doc, token, sentence, None, self.discourse.addressee(sentence.speaker)
                    )
                if v is not None:  # "you" is often generic: kept apart, see _open
                    v = SpanMention(
                        replace(v.mention, source="addressee"), v.token_start, v.token_end
                    )
            elif lower in _FIRST_PERSON:
                v = self._virtual(doc, token, sentence, None, sentence.speaker)
            elif lower in _WE_SUBJECT and sentence.speaker in self.we_org:
                v = self._virtual(doc, token, sentence, self.we_org[sentence.speaker], None)
                if v is not None:  # typed patterns only: a generic "we" is no claim (see _open)
                    v = SpanMention(replace(v.mention, source="we"), v.token_start, v.token_end)
            else:
                continue
            if v is not None:
                out.append(v)
        return out

    # -- the unit -----------------------------------------------------------------
    def find(self, doc, sentence: Sentence, spans: list[SpanMention]) -> list[RelationCandidate]:
        """All relation candidates of one unit; call once per unit, in transcript order."""
        self.discourse.observe([s.mention for s in spans], sentence.speaker)
        quote_start = sentence.char_start
        quote = self.transcript.text[sentence.char_start : sentence.char_end].replace("\n", " ")
        t0, t1 = self.transcript.time_span(sentence.char_start, sentence.char_end)

        def evidence(extractor: str, confidence: float, role: str | None = None) -> Evidence:
            return Evidence(
                self.transcript.id,
                sentence.segment_index,
                quote_start,
                sentence.char_end,
                quote,
                extractor,
                confidence,
                t0,
                t1,
                sentence.speaker,
                role,
            )

        we = self._we(doc, sentence, spans, evidence)  # before pronouns: it says who "we" is
        virtual = self._pronouns(doc, sentence, spans)
        everything = sorted(spans + virtual, key=lambda s: s.token_start)
        out: list[RelationCandidate] = []
        linked: set[tuple[int, int]] = set()
        out += self._typed(doc, everything, evidence, linked)
        out += we
        out += self._by_name(spans, evidence)
        out += self._open(doc, everything, evidence, linked)
        out += self._comentions(sentence, spans, evidence)
        out += self._discusses(sentence, spans, evidence)
        self.discourse.observe([s.mention for s in virtual], None)
        return out

    def _typed(self, doc, spans: list[SpanMention], evidence, linked) -> list[RelationCandidate]:
        out = []
        text = doc.text
        for i, a in enumerate(spans):
            for b in spans[i + 1 :]:
                if (
                    a.mention.source != "lexicon"
                    and a.mention.source != "ner"
                    and b.mention.source not in ("lexicon", "ner")
                ):
                    continue  # at least one side must be named in the text
                between_words = doc[a.token_end : b.token_start]
                if len(between_words) > _MAX_BETWEEN_WORDS:
                    continue
                between = _norm(
                    text[
                        doc[a.token_end - 1].idx + len(doc[a.token_end - 1].text) : doc[
                            b.token_start
                        ].idx
                    ]
                )
                found = _match(between, a.mention, b.mention)
                if found:
                    pattern, role = found
                    # "Dario and Daniela Amodei co-founded Anthropic", "founded by X and Y"
                    firsts = [a, *_conjuncts(doc, spans, i, -1)]
                    seconds = [b, *_conjuncts(doc, spans, spans.index(b), +1)]
                    for x in firsts:
                        for y in seconds:
                            subj, obj = (x, y) if pattern.forward else (y, x)
                            out.append(
                                RelationCandidate(
                                    subj.mention,
                                    pattern.predicate,
                                    obj.mention,
                                    "typed",
                                    evidence(
                                        f"pattern:{pattern.predicate}", pattern.confidence, role
                                    ),
                                    role,
                                )
                            )
                            linked.add((id(x), id(y)))
        # an unsaid subject: "... postdoc with Andrew Ng", the talk's main person did it
        if spans:
            first = spans[0]
            prefix = _norm(text[: doc[first.token_start].idx])
            salient = self.discourse.salient_person(
                exclude={
                    self.discourse._key(s.mention) for s in spans if s.mention.type == "Person"
                }
            )
            if salient is not None and prefix:
                for pattern in TYPED_PATTERNS:
                    if not (
                        pattern.implicit_subject
                        and pattern.forward
                        and first.mention.type in pattern.object_types
                    ):
                        continue
                    m = pattern.regex.search(prefix)
                    if m and _starts_clause(prefix, m.start()):
                        role = m.groupdict().get("role")
                        virtual = replace(
                            salient,
                            sentence_index=first.mention.sentence_index,
                            segment_index=first.mention.segment_index,
                            char_start=first.mention.char_start,
                            char_end=first.mention.char_start,
                            source="coref",
                            start=first.mention.start,
                            end=first.mention.start,
                        )
                        out.append(
                            RelationCandidate(
                                virtual,
                                pattern.predicate,
                                first.mention,
                                "typed",
                                evidence(
                                    f"pattern:{pattern.predicate}:implicit",
                                    round(pattern.confidence * 0.75, 2),
                                    role,
                                ),
                                role,
                            )
                        )
                        # the same unsaid subject carries over a following institution ("... in Stanford")
                        for second in spans[1:2]:
                            between = _norm(
                                text[
                                    doc[first.token_end - 1].idx
                                    + len(doc[first.token_end - 1].text) : doc[
                                        second.token_start
                                    ].idx
                                ]
                            )
                            if second.mention.type in ("Organization", "Place") and re.fullmatch(
                                r"(?:(?:at|in|from)\s+)+(?:the\s+)?", between + " "
                            ):
                                out.append(
                                    RelationCandidate(
                                        virtual,
                                        "affiliatedWith",
                                        second.mention,
                                        "typed",
                                        evidence("pattern:affiliatedWith:implicit", 0.6),
                                        None,
                                    )
                                )
                        break
        return out

    def _by_name(self, spans: list[SpanMention], evidence) -> list[RelationCandidate]:
        """What a name says: "the OpenAI Charter" is OpenAI's, "GitHub Copilot" was made by
        GitHub, "Microsoft Research" is part of Microsoft (lexicon names only)."""
        out = []
        for s in spans:
            m = s.mention
            if m.source != "lexicon" or not m.lexicon_id:
                continue
            for prefix, org_id in self.org_prefixes.get(m.lexicon_id, ()):
                if not name_key(m.surface).startswith(name_key(prefix)):
                    continue  # said without the organisation's name ("Windows")
                predicate = "partOf" if m.type == "Organization" else "created"
                org = replace(
                    m, lexicon_id=org_id, type="Organization", source="implied", surface=prefix
                )
                subject, obj = (m, org) if predicate == "partOf" else (org, m)
                out.append(
                    RelationCandidate(
                        subject, predicate, obj, "typed", evidence(f"name:{predicate}", 0.7)
                    )
                )
        return out

    def _we(
        self, doc, sentence: Sentence, spans: list[SpanMention], evidence
    ) -> list[RelationCandidate]:
        """First person plural at an organisation: "we built ... at Anthropic", "at OpenAI
        we ...": the speaker (or, unlabelled, the one guest) works there; and "our CEO
        Sam Altman" then works there too."""
        who = sentence.speaker or self.discourse.addressee(None)
        text = doc.text
        we_tokens = [t for t in doc if t.lower_ in _FIRST_PLURAL]
        out = []
        for s in spans:
            m = s.mention
            if m.type != "Organization" or not who:
                continue
            start = doc[s.token_start].idx
            after = _norm(text[doc[s.token_end - 1].idx + len(doc[s.token_end - 1].text) :])
            preceded_by_at = s.token_start > 0 and doc[s.token_start - 1].lower_ in ("at", "for")
            found = preceded_by_at and re.match(r"^(?:we|we're|we've|our)\b", after)
            for t in we_tokens:
                if t.i < s.token_start and s.token_start - t.i <= 12:
                    between = _norm(text[t.idx + len(t.text) : start])
                    if _WE_AT.match(between):
                        found = True
            if found:
                person = Mention(
                    m.transcript_id,
                    m.sentence_index,
                    m.segment_index,
                    m.char_start,
                    m.char_start,
                    who,
                    "Person",
                    "speaker",
                    None,
                    m.start,
                    m.start,
                    sentence.speaker,
                )
                out.append(
                    RelationCandidate(
                        person, "worksFor", m, "typed", evidence("pattern:worksFor:we", 0.6)
                    )
                )
                self.we_org[sentence.speaker] = m
        org = self.we_org.get(sentence.speaker)
        if org is not None:
            for s in spans:
                if s.mention.type != "Person":
                    continue
                before = _norm(text[: doc[s.token_start].idx])
                match = _OUR_ROLE.search(before)
                if match:
                    role = match.group("role")
                    out.append(
                        RelationCandidate(
                            s.mention,
                            "worksFor",
                            org,
                            "typed",
                            evidence("pattern:worksFor:our", 0.6, role),
                            role,
                        )
                    )
        return out

    def _open(self, doc, spans: list[SpanMention], evidence, linked) -> list[RelationCandidate]:
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
            if role is None or head.pos_ not in ("VERB", "AUX"):
                continue
            by_role.setdefault(head.i, {}).setdefault(role, []).append((s, prep))
        out = []
        for verb_i, roles in sorted(by_role.items()):
            verb = doc[verb_i]
            if verb.lemma_.lower() in _OPEN_SKIP_LEMMAS or not verb.is_alpha or _hypothetical(verb):
                continue
            negated = any(c.dep_ == "neg" for c in verb.children)
            particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
            for subj, _ in roles.get("subj", []):
                for obj, prep in roles.get("obj", []):
                    if (
                        subj is obj
                        or (id(subj), id(obj)) in linked
                        or (id(obj), id(subj)) in linked
                    ):
                        continue
                    if {"addressee", "we"} & {subj.mention.source, obj.mention.source}:
                        continue  # generic "you can imagine ...", "we" is no claim about anyone
                    if subj.mention.source not in ("lexicon", "ner") and obj.mention.source not in (
                        "lexicon",
                        "ner",
                    ):
                        continue
                    phrase = " ".join(p for p in (verb.lemma_.lower(), particle, prep) if p)
                    typed = None if negated else _typed_verb(phrase, subj.mention, obj.mention)
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

    def _comentions(
        self, sentence: Sentence, spans: list[SpanMention], evidence
    ) -> list[RelationCandidate]:
        out = []
        real = [s.mention for s in spans]
        for i, a in enumerate(real):
            for b in real[i + 1 :]:
                out.append(
                    RelationCandidate(
                        a, "relatedTo", b, "comention", evidence("comention:sentence", 0.5)
                    )
                )
        if self.window:
            for _, previous in self.recent:
                for a in (s.mention for s in previous):
                    for b in real:
                        out.append(
                            RelationCandidate(
                                a,
                                "relatedTo",
                                b,
                                "comention",
                                evidence(f"comention:window{self.window}", 0.4),
                            )
                        )
            self.recent = (self.recent + [(sentence, spans)])[-self.window :]
        return out

    def _discusses(
        self, sentence: Sentence, spans: list[SpanMention], evidence
    ) -> list[RelationCandidate]:
        if not sentence.speaker:
            return []
        out = []
        for s in spans:
            speaker = Mention(
                self.transcript.id,
                sentence.index,
                sentence.segment_index,
                s.mention.char_start,
                s.mention.char_start,
                sentence.speaker,
                "Person",
                "speaker",
                None,
                s.mention.start,
                s.mention.end,
                sentence.speaker,
            )
            out.append(
                RelationCandidate(
                    speaker, "discusses", s.mention, "discusses", evidence("speaker:turn", 1.0)
                )
            )
        return out


_MODALS = frozenset({"should", "would", "could", "might", "may", "must", "'d"})
_WISHES = frozenset({"want", "wish", "hope", "wonder", "imagine", "suppose", "try", "need"})


def _hypothetical(verb) -> bool:
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


def _norm(text: str) -> str:
    """Lowercase, single-spaced, with ASR stutters collapsed ("in in" -> "in")."""
    words = re.sub(r"[,;:]", " ", text.lower().replace("’", "'")).split()
    words = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return " ".join(words) + " " if words else ""


def _starts_clause(prefix: str, position: int) -> bool:
    """An implicit-subject trigger must open the unit or follow a clause joiner."""
    before = prefix[:position].split()
    return (
        not before
        or before[-1] in ("and", "then", "so", "also", "did", "a", "with")
        or len(before) <= 2
    )


def _match(between: str, a: Mention, b: Mention):
    for pattern in TYPED_PATTERNS:
        subj, obj = (a, b) if pattern.forward else (b, a)
        if subj.type not in pattern.subject_types or obj.type not in pattern.object_types:
            continue
        m = pattern.regex.match(between)
        if m:
            return pattern, m.groupdict().get("role")
    return None


def _org_prefixes(lexicon: Lexicon) -> dict[str, list[tuple[str, str]]]:
    """Lexicon entries whose label starts with an organisation's label: entry id ->
    [(organisation label, organisation id)]."""
    orgs = {
        e.label: e.id
        for e in lexicon.entries.values()
        if e.type == "Organization" and len(e.label) >= 3
    }
    out: dict[str, list[tuple[str, str]]] = {}
    for entry in lexicon.entries.values():
        if entry.type not in ("Product", "Work", "Organization"):
            continue
        words = entry.label.split()
        for n in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:n])
            if prefix in orgs and orgs[prefix] != entry.id:
                out.setdefault(entry.id, []).append((prefix, orgs[prefix]))
                break
    return out
