"""The relation finder: runs, over the units of one transcript in order, reference
resolution, the typed pattern families, what lexicon names state, the parse, and
co-mentions and speaker topics, and returns relation candidates with their evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from ...lexicon import Lexicon, name_key
from ...model import Evidence, Mention, RelationCandidate, Sentence, Transcript
from ...nlp import doc_text, tokens, unit_text
from ..entities import SpanMention
from .clauses import clause_facts, is_question, non_asserting, tense_of, time_of
from .names import NameTable
from .open import open_relations
from .patterns import job_at, norm
from .placement import BESIDE_EXTRACTOR
from .reference import UNRESOLVED, Discourse, is_subject
from .typed import MAX_BETWEEN_WORDS, TYPED_PATTERNS, conjuncts, match, starts_clause

#: how many words before a pair of mentions a pattern's ``before`` regex reads (a title
#: of office: "the deputy secretary of")
_BEFORE_WORDS = 6


def _words_before(doc, span: SpanMention) -> str:
    """The normalised words (at most ``_BEFORE_WORDS``) of ``doc`` right before ``span``."""
    start = doc[max(span.token_start - _BEFORE_WORDS, 0)].idx
    return norm(doc_text(doc)[start : doc[span.token_start].idx])


__all__ = ["RelationFinder"]

#: pronouns that are never a clause's subject: a forward pattern's first mention is not
#: one ("X co-supervised me" reads backwards, and there "me" is the relation's subject)
_OBJECT_CASE = frozenset({"me", "him", "us", "them"})
#: words that say who did it: a pattern after them is not the talk's main person's
_PERSONAL = frozenset({"i", "my", "me", "i'm", "i've", "you", "your", "we", "our", "us"})


class RelationFinder:
    """Finds relation candidates in the units of one transcript, in order."""

    def __init__(self, transcript: Transcript, window: int = 0, lexicon: Lexicon | None = None):
        self.transcript = transcript
        self.org_prefixes = _org_prefixes(lexicon) if lexicon else {}
        self.discourse = Discourse(transcript)
        self.window = window
        self.recent: list[tuple[Sentence, list[SpanMention]]] = []
        self.names = NameTable()

    def learn(self, units) -> None:
        """Read the names of the whole transcript first ((sentence, doc, spans) per unit):
        their settled types and their first names (see ``names.py``)."""
        self.names = NameTable.learn(units)

    # -- the unit -----------------------------------------------------------------
    def find(self, doc, sentence: Sentence, spans: list[SpanMention]) -> list[RelationCandidate]:
        """All relation candidates of one unit; call once per unit, in transcript order.
        Co-mentions and topics are between the unit's mentions; typed and open relations
        between those mentions as the transcript types them and the names said again."""
        named = spans
        spans = self.names.view(doc, spans, sentence, self.transcript)
        subjects = frozenset(s.mention.char_start for s in spans if is_subject(doc, s))
        self.discourse.observe([s.mention for s in spans], sentence.speaker, subjects)
        quote_start = sentence.char_start
        quote = unit_text(self.transcript, sentence)
        t0, t1 = self.transcript.time_span(sentence.char_start, sentence.char_end)

        def evidence(
            extractor: str,
            confidence: float,
            role: str | None = None,
            tense: str | None = None,
            time: str | None = None,
        ) -> Evidence:
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
                tense,
                time,
            )

        out: list[RelationCandidate] = []
        question = is_question(doc)
        self.discourse.observe_turn(doc, sentence, question)
        if question:  # a question asserts nothing; what it names still co-occurs
            out += self._by_name(named, evidence)
            out += self._comentions(sentence, named, evidence)
            out += self._discusses(sentence, named, evidence)
            self.discourse.observe_things(sentence, doc, spans)
            return out
        silent = non_asserting(doc)
        # before pronouns: it says who "we" is
        we = self.discourse.we(doc, sentence, spans, evidence, silent)
        virtual = self.discourse.pronouns(doc, sentence, spans)
        everything = sorted(spans + virtual, key=lambda s: s.token_start)

        def asserted(*ends: SpanMention) -> bool:
            return not any(e.token_start in silent for e in ends)

        linked: set[tuple[int, int]] = set()
        clauses = self._clauses(doc, sentence, everything, evidence, linked, asserted)
        out += self._typed(doc, sentence, everything, evidence, linked, asserted)
        out += clauses
        out += we
        out += self._by_name(named, evidence)
        out += [
            r
            for r in open_relations(doc, everything, evidence, linked)
            if not any(s.mention is r.subject and s.token_start in silent for s in everything)
        ]
        out += self._comentions(sentence, named, evidence)
        out += self._discusses(sentence, named, evidence)
        out += self._for_partners(out)
        self.discourse.observe([s.mention for s in virtual], None)
        self.discourse.observe_things(sentence, doc, spans)
        return [_unresolved(c) for c in out]

    def _clauses(
        self, doc, sentence: Sentence, spans: list[SpanMention], evidence, linked, asserted
    ) -> list[RelationCandidate]:
        """Typed relations of the parse's clauses (``clauses.py``), with their tense and
        time; a first person's workplace becomes what "we" is for that speaker."""
        out = []

        def org_at(token, pointed: bool = False) -> SpanMention | None:
            """ "there" or a role said without its organisation, as the unit's one
            organisation (``Discourse.the_org``), placed at ``token``. ``pointed``: a
            demonstrative that points back ("that board"), so only the organisations
            named before ``token`` count."""
            view = [s for s in spans if s.token_end <= token.i] if pointed else spans
            org = self.discourse.the_org(sentence, view)
            return self.discourse.virtual(doc, token, sentence, org, None) if org else None

        for f in clause_facts(doc, spans, org_at):
            if f.extractor != BESIDE_EXTRACTOR and not asserted(f.subject, f.object):
                continue
            ev = evidence(f.extractor, f.confidence, f.role, tense_of(f.verb), time_of(f.verb))
            out.append(
                RelationCandidate(
                    f.subject.mention, f.predicate, f.object.mention, "typed", ev, f.role
                )
            )
            linked.add((id(f.subject), id(f.object)))
            if (
                f.predicate in ("worksFor", "founded")
                and not _finished(f.verb)
                and f.subject.mention.source == "speaker"
                and f.subject.mention.surface == self.discourse.speaker_of(sentence)
            ):
                self.discourse.we_org[sentence.speaker] = f.object.mention
        return out

    def _for_partners(self, found: list[RelationCandidate]) -> list[RelationCandidate]:
        """The typed relations of a "they both" read as its first person, for the
        second (``Discourse.partners``); the partners are the unit's only."""
        partners, self.discourse.partners = self.discourse.partners, {}
        return [
            replace(r, subject=partners[id(r.subject)])
            for r in found
            if r.kind == "typed" and id(r.subject) in partners
        ]

    def _typed(
        self, doc, sentence: Sentence, spans: list[SpanMention], evidence, linked, asserted
    ) -> list[RelationCandidate]:
        out = []
        text = doc_text(doc)
        negations = [t.i for t in tokens(doc) if t.dep_ == "neg"]
        denied = {id(b): _denied(doc, b) for b in spans} if negations else {}
        for i, a in enumerate(spans):
            for b in spans[i + 1 :]:
                if negations and (
                    any(a.token_end <= k < b.token_start for k in negations) or denied[id(b)]
                ):
                    continue  # "I did not move to Seattle", "Never have I worked at X"
                if not asserted(a, b) and not _one_phrase(doc, a, b):
                    # "if we moved to Berlin"; but a title or an apposition between two
                    # names of one noun phrase holds whatever the clause does: "I want
                    # to thank NASA Administrator Charlie Bolden"
                    continue
                if (
                    a.mention.source != "lexicon"
                    and a.mention.source != "ner"
                    and b.mention.source not in ("lexicon", "ner")
                ):
                    continue  # at least one side must be named in the text
                # words, not punctuation: "the co-founder" is three tokens
                between_words = [t for t in doc[a.token_end : b.token_start] if not t.is_punct]
                if len(between_words) > MAX_BETWEEN_WORDS:
                    continue
                between = norm(
                    text[
                        doc[a.token_end - 1].idx + len(doc[a.token_end - 1].text) : doc[
                            b.token_start
                        ].idx
                    ]
                )
                if id(a.mention) in self.discourse.partners:
                    between = _BOTH_BETWEEN.sub(r"\1", between)  # "they both founded X"
                # "X here from Y, who is the CEO at Z": "who" is X
                k = _who_person(doc, text, spans, i, between)
                first = a if k is None else spans[k]
                found = match(between, first.mention, b.mention, partial(_words_before, doc, first))
                if (
                    found
                    and first.token_start
                    and (doc[first.token_start - 1].lower_ in found[0].not_after)
                    and between != "of "
                ):
                    found = None  # "founded by X at Y": Y is where; "by X of Y" is X's own
                if found and found[0].forward and doc[first.token_start].lower_ in _OBJECT_CASE:
                    found = None  # "a mentor for me on the board of X": "me" is no subject
                if found:
                    pattern, role = found
                    # "Dario and Daniela Amodei co-founded Anthropic", "founded by X and Y"
                    firsts = [first, *conjuncts(doc, spans, i if k is None else k, -1)]
                    seconds = [b, *conjuncts(doc, spans, spans.index(b), +1)]
                    for x, y in list_pairs(firsts, seconds):
                        subj, obj = (x, y) if pattern.forward else (y, x)
                        for predicate, said in _stated(pattern, role):
                            if pattern.by_institution:
                                predicate = job_at(obj.mention)
                            out.append(
                                RelationCandidate(
                                    subj.mention,
                                    predicate,
                                    obj.mention,
                                    "typed",
                                    evidence(f"pattern:{predicate}", pattern.confidence, said),
                                    said,
                                )
                            )
                        linked.add((id(x), id(y)))
                    if pattern.predicate == "founded" and pattern.forward:
                        out += self._cofounders(doc, spans, first, b, evidence, linked, sentence)
        # an unsaid subject: "... postdoc with Andrew Ng", the talk's main person did it
        spans = [s for s in spans if s.mention.source != UNRESOLVED]
        if spans:
            first = spans[0]
            prefix = norm(text[: doc[first.token_start].idx])
            salient = self.discourse.salient_person(
                exclude={
                    self.discourse._key(s.mention) for s in spans if s.mention.type == "Person"
                }
            )
            grounded = not (set(prefix.split()) & _PERSONAL)  # "my PhD with X" is the speaker's
            if salient is not None and prefix and grounded:
                for pattern in TYPED_PATTERNS:
                    if not (
                        pattern.implicit_subject
                        and pattern.forward
                        and first.mention.type in pattern.object_types
                    ):
                        continue
                    m = pattern.regex.search(prefix)
                    if m and starts_clause(prefix, m.start()):
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
                        out += [
                            RelationCandidate(
                                virtual,
                                predicate,
                                first.mention,
                                "typed",
                                evidence(
                                    f"pattern:{predicate}:implicit",
                                    round(pattern.confidence * 0.75, 2),
                                    said,
                                ),
                                said,
                            )
                            for predicate, said in _stated(pattern, role)
                        ]
                        # the same unsaid subject carries over a following institution ("... in Stanford")
                        for second in spans[1:2]:
                            between = norm(
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

    def _cofounders(
        self, doc, spans: list[SpanMention], founder, org, evidence, linked, sentence
    ) -> list[RelationCandidate]:
        """ "I co-founded B with C in Lagos": C founded B too (the people named right
        after "with"), and B is in Lagos. A founder who is the speaker makes B what
        their "we" is."""
        if (
            founder.mention.source == "speaker"
            and founder.mention.surface == self.discourse.speaker_of(sentence)
            and sentence.speaker not in self.discourse.we_org
        ):
            self.discourse.we_org[sentence.speaker] = org.mention
        out = []
        last = org
        after = [s for s in spans if s.token_start >= org.token_end]
        if (
            after
            and after[0].mention.type == "Person"
            and norm(doc[org.token_end : after[0].token_start].text) == "with "
        ):
            k = spans.index(after[0])
            for c in [after[0], *conjuncts(doc, spans, k, +1)]:
                out.append(
                    RelationCandidate(
                        c.mention,
                        "founded",
                        org.mention,
                        "typed",
                        evidence("pattern:founded:with", 0.75),
                    )
                )
                linked.add((id(c), id(org)))
                last = c
        # "... founded B (with C) in Lagos": where B was founded
        place = next((s for s in spans if s.token_start >= last.token_end), None)
        if (
            place is not None
            and place.mention.type == "Place"
            and norm(doc[last.token_end : place.token_start].text) == "in "
        ):
            out.append(
                RelationCandidate(
                    org.mention,
                    "locatedIn",
                    place.mention,
                    "typed",
                    evidence("pattern:locatedIn:founded-in", 0.7),
                )
            )
            linked.add((id(org), id(place)))
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


#: the words between a person and the organisation said as where they are from: "X
#: (here) from Y", "X at Y", "X with Y"
_FROM_ORG = re.compile(r"(?:(?:here|there)\s+)?(?:from|at|of|with)\s+(?:the\s+)?")


#: "both" after a "they both" subject, which the patterns read as a name's verb:
#: "they both work at", "they're both founders of".
_BOTH_BETWEEN = re.compile(r"^((?:'re|’re|are|were)\s+)?both\s+")

#: A title between two names is a few nouns and adjectives ("administrator", "chief
#: science officer"): the names and it are one noun phrase.
_TITLE_WORDS = 3
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ"})


def _one_phrase(doc, a: SpanMention, b: SpanMention) -> bool:
    """The two names stand in one noun phrase, no verb between them: one hangs on the
    other ("NASA Administrator Charlie Bolden", "Ada Lind, the CEO of Tarn"). Names
    only: kinds said under a supposition stay supposed ("if we had used perception
    techniques like computer vision")."""
    if "Concept" in (a.mention.type, b.mention.type):
        return False
    inside = doc[a.token_end : b.token_start]
    if any(t.pos_ in ("VERB", "AUX") for t in inside):
        return False
    if 0 < len(inside) <= _TITLE_WORDS and all(t.pos_ in _TITLE_POS for t in inside):
        return True  # a title between the names, whatever the parse hung them on
    ra, rb = doc[a.token_start : a.token_end].root, doc[b.token_start : b.token_end].root
    return ra in rb.subtree or rb in ra.subtree


def _who_person(doc, text: str, spans: list[SpanMention], i: int, between: str) -> int | None:
    """The index of the person a "who" after ``spans[i]`` refers to, when ``spans[i]``
    is no person but the organisation said as where the person just before it is from
    ("X here from Y, who is the co-founder of Z"): "who" refers to a person, so it
    skips the organisation to the person it follows."""
    if not between.startswith("who ") or not i or spans[i].mention.type == "Person":
        return None
    person, org = spans[i - 1], spans[i]
    if person.mention.type != "Person" or person.token_end > org.token_start:
        return None
    start = doc[person.token_end - 1].idx + len(doc[person.token_end - 1].text)
    words = norm(text[start : doc[org.token_start].idx])
    return i - 1 if _FROM_ORG.fullmatch(words) else None


def _stated(pattern, role: str | None) -> list[tuple[str, str | None]]:
    """(predicate, role) of what a matched pattern states: its predicate with the role;
    a founding said together with a job ("the co-founder and CEO at Y") is both, the
    founding without a role and worksFor with it."""
    if pattern.predicate == "founded" and role:
        return [("founded", None), ("worksFor", role)]
    return [(pattern.predicate, role)]


def _unresolved(c: RelationCandidate) -> RelationCandidate:
    """A typed candidate with an ungrounded pronoun at one end becomes kind
    ``"unresolved"``: resolution keeps it apart from the edges (``graph.json``'s
    ``unresolved``)."""
    if c.kind == "typed" and UNRESOLVED in (c.subject.source, c.object.source):
        return replace(c, kind="unresolved")
    return c


def _finished(verb) -> bool:
    """A stint the speaker says is over ("spent three years at", "before that I was ... for
    six years"): it does not say whom "we" is now."""
    if verb is None:
        return False
    if verb.lemma_.lower() == "spend":
        return True
    words = {t.lower_ for t in verb.subtree}
    return "before" in words or bool({"years", "months"} & words and verb.tag_ == "VBD")


def list_pairs(
    firsts: list[SpanMention], seconds: list[SpanMention]
) -> list[tuple[SpanMention, SpanMention]]:
    """The (subject side, object side) pairs a pattern states between two lists.

    One name and a list pair with every item ("A and B co-founded C", "founded by A and
    B"). Two lists are parallel ("A and B are based in C and D"): items pair in order
    when the lists are as long as each other, and only the two names that meet at the
    pattern otherwise; never crosswise (A with D). ``firsts[0]`` and ``seconds[0]`` are
    the names next to the pattern."""
    if len(firsts) == 1 or len(seconds) == 1:
        return [(x, y) for x in firsts for y in seconds]
    if len(firsts) != len(seconds):
        return [(firsts[0], seconds[0])]
    by_place = sorted(firsts, key=lambda s: s.token_start)
    return list(zip(by_place, sorted(seconds, key=lambda s: s.token_start), strict=True))


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


def _denied(doc, span: SpanMention) -> bool:
    """The verb that governs ``span`` is denied by a negation said before the words
    between the two mentions: "Never have I worked at Siemens" (the pattern reads only
    "worked at" between "I" and "Siemens")."""
    token = doc[span.token_start : span.token_end].root
    for _ in range(4):  # up through the preposition to its verb
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "neg" and c.i < span.token_start for c in token.children
    )
