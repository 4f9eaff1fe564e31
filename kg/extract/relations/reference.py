"""Reference: who "I", "we", "you", "he" and "she" are in a transcript.

Pronouns become virtual mentions of the person (or organisation) they stand for, so the
pattern families and the parse can relate them like any name: "I" is the labelled
speaker (unlabelled: the sidecar's one speaker, a sidecar speaker introducing themself
in the unit, or in an interview the guest answering the host's question, see
``observe_turn``); "you" the person called by name just before ("Helen, you ...") or the other
party of a labelled dialogue; "he"/"she" the last person named before it; "we" the
organisation the speaker said they are at ("at Anthropic we ...") or founded; "it" the thing
(organisation, product, work) last named in the same turn, a clause's subject before
its other mentions ("Kestrel is built on Whisper, and we released it": Kestrel); a
subject "they" the one organisation the unit named before it, when it names no person
("an ad for IBM after they bought Red Hat"; "Dana at Google, and they ..." is no one).

A person pronoun or "we" that the transcript does not ground (no labelled speaker, no
one addressed, no person named close before) becomes a placeholder mention of source
``"unresolved"``: the typed readers still see its clause, and the finder turns what
they state into an unresolved candidate (kept in ``graph.json``), never an edge.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import NamedTuple

from ...lexicon import name_key
from ...model import Mention, RelationCandidate, Sentence, Transcript
from ...nlp import doc_text, tokens
from ..entities import SpanMention
from .patterns import _TIME, ROLES, norm

__all__ = ["Discourse", "vocative", "is_subject", "UNRESOLVED"]

#: Modal verbs that make a "you" their subject anyone at all ("you can", "you'd").
_GENERIC_MODALS = frozenset(
    {"can", "could", "would", "should", "must", "might", "may", "'d", "’d", "ca"}
)
#: Verbs of obligation before "to": "you have to", "you had to", "you need to".
_OBLIGATION_VERBS = frozenset({"have", "need", "get"})


def _generic_you(token) -> bool:
    """A "you" said of anyone, not of the one listening: the subject of a modal ("you
    can see", "you'd have to") or of an obligation ("you had to be a team member at
    X", "you need to join"). A rule is stated, not the listener's career."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    if any(c.dep_ == "aux" and c.lower_ in _GENERIC_MODALS for c in verb.children):
        return True
    return verb.lemma_.lower() in _OBLIGATION_VERBS and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )


#: the source of a placeholder mention for a pronoun the transcript does not ground
UNRESOLVED = "unresolved"

_THIRD_PERSON = frozenset({"he", "she", "him", "his", "her", "hers", "he's", "she's"})
_SECOND_PERSON = frozenset({"you", "your", "yours", "you've", "you're"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "i've", "i'm"})
_FIRST_PLURAL = frozenset({"we", "we're", "we've", "our", "us"})
#: "we" as a subject stands for the speaker's organisation once the speaker has said
#: which one it is ("at Anthropic we ..."): "we released Claude Code" -> Anthropic
_WE_SUBJECT = frozenset({"we", "we're", "we've"})
#: between "we" and an organisation: "we built in the early days at", "we are here at"
#: "we ... at X", "we ... for X"; "with X" only after a form of "be" ("we're with X"):
#: "we built it in collaboration with X", "we partnered with X" name a partner
#: "we ... at X" (up to eight words between), "we work for X" (a verb, no more: "we
#: were using it as a build system for X" says whom the work was for, not where)
_WE_AT = re.compile(
    r"^(?:(?:(?!they |he |she |you )\S+ ){0,8}(?:at|here at)"
    r"|(?:(?!they |he |she |you )\S+ ){1,2}for"
    r"|(?:(?:'re|re|are|were|was|'ve|ve|have|had|been|all|both|now|still|also) )*with)"
    r" (?:the )?$"
)
#: Verbs whose "at" names what is looked at or aimed at, not where one works ("we're
#: looking at the DSKY", "we laughed at X").
_AT_OBJECT_VERBS = frozenset(
    {"look", "stare", "glance", "peek", "gaze", "laugh", "smile", "point", "aim", "shoot"}
    | {"throw", "yell", "shout", "hint", "marvel", "wonder", "guess", "arrive", "arrived"}
)


def _aimed_at(doc, start: int) -> bool:
    """The "at" before the mention at ``start`` is the object of a verb of looking or
    aiming, or of an adjective ("good at X"): no place of work."""
    at = next((doc[k] for k in (start - 1, start - 2) if k >= 0 and doc[k].lower_ == "at"), None)
    if at is None:
        return False
    head = at.head
    return head.pos_ == "ADJ" or head.lemma_.lower() in _AT_OBJECT_VERBS


_OUR_ROLE = re.compile(
    rf"(?:^| )(?:(?:our|my) (?:{_TIME.strip('?')}?)?(?P<role>{ROLES})"
    # "one of our engineers, X", "one of our team members, X": one of the speaker's staff
    rf"|one of (?:our|my) (?P<staff>(?:{ROLES}|team member|staff member|colleague|employee)s)"
    # "my colleague X", "our teammate X": someone who works where the speaker does
    r"|(?:our|my) (?:colleague|coworker|co-worker|teammate)) $"
)


class NamedPerson(NamedTuple):
    """A person named in a unit, as :class:`Discourse` remembers them for pronouns."""

    unit: int  # the unit's index
    start: int  # character offset in the transcript
    key: str  # the person's key (see ``Discourse._key``)
    subject: bool  # named as a clause's subject


@dataclass
class Discourse:
    """What pronouns refer to in a transcript: kept across its units, in order."""

    transcript: Transcript
    person_counts: Counter = field(default_factory=Counter)
    last_person: dict[str, Mention] = field(default_factory=dict)
    last_speaker: str | None = None
    previous_speaker: str | None = None
    #: the persons named lately, in order
    recent: list[NamedPerson] = field(default_factory=list)
    #: speaker -> the organisation "we" is
    we_org: dict[str | None, Mention] = field(default_factory=dict)
    #: a "they both" of the current unit, read as its first person: id of that virtual
    #: mention -> the second person's, which the unit's relations are copied to
    partners: dict[int, Mention] = field(default_factory=dict)
    _sole_speaker: str | None = None
    #: unlabelled interviews: a question was asked before this unit; the unit's own
    #: speaker as grounded by ``observe_turn`` (None: not grounded)
    _asked: bool = False
    _turn_speaker: str | None = None
    #: labelled transcripts: the host who asked in the unit before, and whether this
    #: unit, an answer to that question under the host's own label, is mislabelled
    _host_asked: str | None = None
    _mislabelled: bool = False
    #: the things named in the last unit: (unit index, speaker, [(mention, is subject)])
    things: tuple[int, str | None, list[tuple[Mention, bool]]] | None = None
    #: the one organisation the last unit named as a place one is at ("at X", "in X"),
    #: for a "there" when that unit named others too: (unit index, speaker, mention)
    where: tuple[int, str | None, Mention] | None = None

    def observe(
        self, mentions: list[Mention], speaker: str | None, subjects: frozenset[int] = frozenset()
    ) -> None:
        """Remember the people a unit named; ``subjects``: the character starts of the
        mentions that are a clause's subject there."""
        if speaker and speaker != self.last_speaker:
            self.previous_speaker, self.last_speaker = self.last_speaker, speaker
        for m in mentions:
            if m.type == "Person" and m.source in ("lexicon", "ner", "coref"):
                key = self._key(m)
                self.person_counts[key] += 1
                if m.source != "coref" or key not in self.last_person:
                    self.last_person[key] = m
                # "she sat on our board. I believe she was ...": a pronoun keeps its
                # person as near as a name would (a chain, each link two units at most)
                self.recent.append(
                    NamedPerson(m.sentence_index, m.char_start, key, m.char_start in subjects)
                )
        self.recent = self.recent[-20:]

    def antecedent(
        self, unit_index: int, char_start: int, spans, speaker: str | None
    ) -> Mention | None:
        """Whom "he"/"she" at ``char_start`` means: the last person named before it in
        this unit or the two before, never the one speaking; else no one (the transcript does
        not ground it, and a person is never guessed). A person this unit names after the
        pronoun is no antecedent ("he ran it for years before Dana arrived": not Dana),
        though the unit is observed before its pronouns are read."""
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
        for named in reversed(self.recent):
            if named.unit < unit_index - 2:
                break
            if named.unit == unit_index and named.start >= char_start:
                continue
            if named.key != speaker_key and named.key in self.last_person:
                return self.last_person[self._subject_of(named, speaker_key)]
        return None  # no person named close before it: not guessed

    def _subject_of(self, named: NamedPerson, speaker_key: str | None) -> str:
        """The person a pronoun means in ``named``'s unit, ``named`` the last one named
        there: another person who is that unit's subject goes first ("Russ joined a
        little after Ian. He'd been an intern at X": Russ)."""
        if named.subject:
            return named.key
        subjects = [
            n.key
            for n in self.recent
            if n.unit == named.unit
            and n.subject
            and n.key != speaker_key
            and n.key in self.last_person
        ]
        return subjects[-1] if len(set(subjects)) == 1 else named.key

    def _key(self, m: Mention) -> str:
        if m.lexicon_id:
            return m.lexicon_id
        key = name_key(m.surface)
        # a first name seen alone counts towards the full name it shortens
        for other in self.last_person:
            if other.startswith(key) and other != key:
                return other
        return key

    def observe_things(self, sentence: Sentence, doc, spans: list[SpanMention]) -> None:
        """Remember the things a unit named, for an "it" in the next one."""
        named = [
            (s.mention, is_subject(doc, s))
            for s in spans
            if s.mention.type in _THINGS and s.mention.source in ("lexicon", "ner")
        ]
        at = _distinct(
            s.mention for s in spans if s.mention.type == "Organization" and _located(doc, s)
        )
        self.where = (sentence.index, sentence.speaker, at[0]) if len(at) == 1 else None
        if named:
            self.things = (sentence.index, sentence.speaker, named)
        elif self.things and self.things[1] != sentence.speaker:
            self.things = None  # another turn: "it" no longer reaches back

    def the_org(self, sentence: Sentence, spans: list[SpanMention]) -> Mention | None:
        """The organisation a unit is about, for "there" and a role said without one
        ("she was a professor there", "she is still the CEO"): the one organisation
        named in this unit (or stood for by "it"), else the one named in the unit just
        before by the same speaker; none when two are named (never guessed)."""
        here = _distinct(
            s.mention
            for s in spans
            if s.mention.type == "Organization" and s.mention.source in ("lexicon", "ner", "it")
        )
        if here:
            return here[0] if len(here) == 1 else None
        if self.things and self.things[:2] == (sentence.index - 1, sentence.speaker):
            before = _distinct(m for m, _ in self.things[2] if m.type == "Organization")
            if len(before) > 1 and self.where and self.where[:2] == self.things[:2]:
                return self.where[2]  # "... at X, ... you followed Y." "Z worked there"
            return before[0] if len(before) == 1 else None
        return None

    def thing(self, sentence: Sentence, doc, spans: list[SpanMention], token) -> Mention | None:
        """What "it" at ``token`` stands for: a thing named before it in this unit (a
        subject first, then the nearest), else the subject of the unit before, said by
        the same speaker (what that unit was about); else nothing (never guessed)."""
        here = [
            (s.mention, is_subject(doc, s))
            for s in spans
            if s.token_end <= token.i
            and doc[s.token_start : s.token_end].root.head != token.head  # not "X made it"
            and s.mention.type in _THINGS
            and s.mention.source in ("lexicon", "ner")
        ]
        before = []
        if self.things and self.things[:2] == (sentence.index - 1, sentence.speaker):
            before = self.things[2]
        subjects = [m for m, subject in here if subject]
        if subjects:
            return subjects[-1]
        if here:
            return here[-1][0]
        subjects = [m for m, subject in before if subject]
        return subjects[-1] if subjects else None

    def unit_org(self, doc, spans: list[SpanMention], token) -> Mention | None:
        """The one organisation named as a subject before ``token`` in this unit (by
        the text, not a pronoun), or None: what an object "them" can stand for."""
        found = _distinct(
            s.mention
            for s in spans
            if s.token_end <= token.i
            and s.mention.type == "Organization"
            and s.mention.source in ("lexicon", "ner")
            and is_subject(doc, s)
            and not doc[s.token_start : s.token_end].root.conjuncts  # "A and B ... them"
            and doc[s.token_start : s.token_end].root.head != token.head
        )
        return found[0] if len(found) == 1 else None

    def they_org(self, doc, spans: list[SpanMention], token) -> Mention | None:
        """What a subject "they" stands for: the one organisation named before it in
        this unit (by the text, in any role: "a commercial for IBM after they bought
        X"), when no person is named there and it is listed with no other; else None."""
        before = [s for s in spans if s.token_end <= token.i]
        if any(s.mention.type == "Person" for s in before):
            return None
        orgs = [
            s
            for s in before
            if s.mention.type == "Organization" and s.mention.source in ("lexicon", "ner")
        ]
        for s in orgs:
            root = doc[s.token_start : s.token_end].root
            near = {doc[k].lower_ for k in (s.token_start - 1, s.token_end) if 0 <= k < len(doc)}
            if root.conjuncts or near & {"and", "or", "&"}:
                return None  # "A and B ... they": two of them
        found = _distinct(s.mention for s in orgs)
        return found[0] if len(found) == 1 else None

    def _both(self, doc, sentence: Sentence, spans: list[SpanMention], token) -> SpanMention | None:
        """A subject "they both" ("they're both from X", "they both work at X", "they
        co-founded X together") stands for the two people just named: two listed
        together in this unit before it, else the only two the unit before named. It is
        read as the first, and the unit's relations from it are copied to the second
        (``partners``); anything else is not guessed."""
        if not _said_of_both(token):
            return None
        pair = _listed_pair(doc, [s for s in spans if s.token_end <= token.i])
        if pair is None:
            keys = []
            for n in self.recent:
                if n.unit == sentence.index - 1 and n.key not in keys and n.key in self.last_person:
                    keys.append(n.key)
            if len(keys) == 2:
                pair = (self.last_person[keys[0]], self.last_person[keys[1]])
        if pair is None:
            return None
        first = self.virtual(doc, token, sentence, pair[0], None)
        second = self.virtual(doc, token, sentence, pair[1], None)
        self.partners[id(first.mention)] = second.mention
        return first

    def salient_person(self, exclude: set[str] = frozenset()) -> Mention | None:
        ranked = [
            k
            for k, _ in sorted(self.person_counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if k not in exclude
        ]
        return self.last_person[ranked[0]] if ranked else None

    def addressee(self, speaker: str | None) -> str | None:
        """Who "you" is: the other party of a labelled dialogue; unlabelled, the one
        guest the sidecar names (an interview's "you" is the host's question to them)."""
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

    def observe_turn(self, doc, sentence: Sentence, question: bool) -> None:
        """Ground the first person of one unlabelled unit, before its relations are read.

        * A speaker of the sidecar introducing themself ("I'm Chris Benson", "my name is
          ...") is the unit's "I".
        * An unlabelled interview (the sidecar names one guest and no labels say who
          speaks): after the host's first question, a unit that is no question and
          addresses no one ("you", "your"; the filler "you know" addresses no one) is
          the guest's answer. A unit with "you" may
          be the host's lead-in ("I know you went to ..."), so its "I" stays ungrounded,
          as does everything said before the first question (the host's introduction).
        """
        self._turn_speaker = None
        if sentence.speaker:
            self._mislabelled = self._host_asked == sentence.speaker and _answers(doc)
            self._host_asked = sentence.speaker if question and self._hosts(sentence) else None
            return
        introduced = self._self_introduction(doc)
        if introduced:
            self._turn_speaker = introduced
            return
        guest = self._interview_guest
        if guest is None:
            return
        if question:
            self._asked = True
            return
        if self._asked and not any(_addresses(t) for t in tokens(doc)):
            self._turn_speaker = guest

    def _hosts(self, sentence: Sentence) -> bool:
        """The unit's labelled speaker is a host or interviewer in the sidecar."""
        return any(
            s.name == sentence.speaker and (s.role or "").lower() in ("host", "interviewer")
            for s in self.transcript.meta.speakers
        )

    def _self_introduction(self, doc) -> str | None:
        """The sidecar speaker a unit opens by naming as "I" ("I'm X", "my name is X")."""
        text = norm(doc_text(doc))
        for speaker in self.transcript.meta.speakers:
            name = norm(speaker.name).strip()
            if name and re.search(
                rf"(?:^| )(?:i'm|i am|my name is|my name's) {re.escape(name)} ", text
            ):
                return speaker.name
        return None

    @cached_property
    def _interview_guest(self) -> str | None:
        """The one guest of an unlabelled interview (host and guest in the sidecar).

        A property of the whole transcript, so read once: asked per unit it scanned
        every segment again (quadratic in the transcript's length)."""
        speakers = self.transcript.meta.speakers
        if any(seg.speaker for seg in self.transcript.segments):
            return None
        guests = [s.name for s in speakers if (s.role or "").lower() in ("guest", "interviewee")]
        hosts = [s for s in speakers if (s.role or "").lower() in ("host", "interviewer")]
        return guests[0] if len(guests) == 1 and len(hosts) == len(speakers) - 1 else None

    def speaker_of(self, sentence: Sentence) -> str | None:
        """Who "I" is: the labelled speaker; in an unlabelled transcript whose sidecar
        names exactly one speaker (a talk, a monologue), that speaker; in an unlabelled
        interview, the speaker ``observe_turn`` grounded for this unit; else no one."""
        if sentence.speaker:
            # a host's question answered "yes, I ..." under the host's own label: the
            # guest's words run into the host's caption (VTT cues); whose "I" is unsaid
            return None if self._mislabelled else sentence.speaker
        if self._turn_speaker:
            return self._turn_speaker
        if self._sole_speaker is None:
            speakers = self.transcript.meta.speakers
            labelled = any(seg.speaker for seg in self.transcript.segments)
            self._sole_speaker = speakers[0].name if len(speakers) == 1 and not labelled else ""
        return self._sole_speaker or None

    def virtual(
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

    def pronouns(self, doc, sentence: Sentence, spans: list[SpanMention]) -> list[SpanMention]:
        taken = {k for s in spans for k in range(s.token_start, s.token_end)}
        out = []
        for token in tokens(doc):
            if token.i in taken:
                continue
            lower = token.lower_
            if lower in ("'s", "’s") and token.i > 0:
                continue
            if lower in _THIRD_PERSON:
                # never the one saying "I": the labelled speaker, or the one the
                # transcript grounds as "I" (a talk's sole speaker, an interview's guest)
                me = sentence.speaker or self.speaker_of(sentence)
                antecedent = self.antecedent(
                    sentence.index, sentence.char_start + token.idx, spans, me
                )
                v = self.virtual(doc, token, sentence, antecedent, None)
            elif lower in _SECOND_PERSON:
                called = vocative(doc, spans, token.i)
                if called is not None:  # "Helen, you worked at ...": the person called
                    v = self.virtual(doc, token, sentence, called, None)
                elif _generic_you(token):
                    v = None  # "you had to be a team member at X": anyone, not the listener
                else:
                    v = self.virtual(doc, token, sentence, None, self.addressee(sentence.speaker))
                if v is not None:  # "you" is often generic: kept apart, see _open
                    v = SpanMention(
                        replace(v.mention, source="addressee"), v.token_start, v.token_end
                    )
            elif lower == "it" and token.dep_ in _IT_ROLES and not _expletive(token):
                thing = self.thing(sentence, doc, spans, token)
                v = self.virtual(doc, token, sentence, thing, None) if thing else None
                if v is not None:  # typed relations only: an open "it" claims too little
                    v = SpanMention(replace(v.mention, source="it"), v.token_start, v.token_end)
            elif (lower == "they" and token.dep_ == "nsubj") or (
                lower == "them" and token.dep_ in ("dobj", "pobj")
            ):
                # "I was at IBM after they bought Red Hat": the one organisation the
                # unit named before it, with no person named there ("they" may be
                # people) and none listed with another (never guessed); "Pixar went
                # bankrupt and Steve funded them": the organisation the unit named as a
                # subject before it; otherwise no one (people are "them" too)
                resolve = self.they_org if lower == "they" else self.unit_org
                org = resolve(doc, spans, token)
                v = self.virtual(doc, token, sentence, org, None) if org else None
                if v is None and lower == "they":
                    v = self._both(doc, sentence, spans, token)
                    if v is not None:
                        out.append(v)
                    continue
                if v is None:
                    continue
                v = SpanMention(replace(v.mention, source="it"), v.token_start, v.token_end)
            elif lower in _FIRST_PERSON and _quoted(doc, token):
                v = None  # "you hear "I was an engineer at X"": someone else's words
            elif lower in _FIRST_PERSON:
                v = self.virtual(doc, token, sentence, None, self.speaker_of(sentence))
            elif lower in _WE_SUBJECT and sentence.speaker in self.we_org and not self._mislabelled:
                v = self.virtual(doc, token, sentence, self.we_org[sentence.speaker], None)
                if v is not None:  # typed patterns only: a generic "we" is no claim (see _open)
                    v = SpanMention(replace(v.mention, source="we"), v.token_start, v.token_end)
            elif lower in _WE_SUBJECT:
                v = None
            else:
                continue
            if v is None and lower not in _POSSESSIVE_ONLY:
                v = self.placeholder(token, sentence, lower in _WE_SUBJECT)
            if v is not None:
                out.append(v)
        return out

    def placeholder(self, token, sentence: Sentence, plural: bool) -> SpanMention:
        """A mention of no one for an ungrounded pronoun (see the module docs): a Person,
        or for "we" an Organization, as a grounded "we" would be."""
        char_start = sentence.char_start + token.idx
        t0, t1 = self.transcript.time_span(char_start, char_start + len(token.text))
        segment = self.transcript.segment_at(char_start)
        mention = Mention(
            self.transcript.id,
            sentence.index,
            segment.index,
            char_start,
            char_start + len(token.text),
            token.text,
            "Organization" if plural else "Person",
            UNRESOLVED,
            None,
            t0,
            t1,
            segment.speaker,
        )
        return SpanMention(mention, token.i, token.i + 1)

    def we(
        self, doc, sentence: Sentence, spans: list[SpanMention], evidence, silent=frozenset()
    ) -> list[RelationCandidate]:
        """First person plural at an organisation: "we built ... at Anthropic", "at OpenAI
        we ...": the speaker (or, unlabelled, the one guest) works there; and "our CEO
        Sam Altman" then works there too. A "we" whose own clause asserts nothing
        ("we would host a machine for X", "if we moved to X") says nothing of the kind;
        one in a clause that a future or modal verb only introduces ("I will mention
        something we've done at X") still does."""
        who = self.speaker_of(sentence) or (None if self._mislabelled else self.addressee(None))
        text = doc_text(doc)
        we_tokens = [
            t
            for t in tokens(doc)
            if t.lower_ in _FIRST_PLURAL and not (t.i in silent and _own_modal(t))
        ]
        out = []
        for s in spans:
            m = s.mention
            if m.type != "Organization" or not who:
                continue
            start = doc[s.token_start].idx
            after = norm(text[doc[s.token_end - 1].idx + len(doc[s.token_end - 1].text) :])
            preceded_by_at = s.token_start > 0 and doc[s.token_start - 1].lower_ in ("at", "for")
            found = preceded_by_at and re.match(r"^(?:we|we're|we've|our)\b", after)
            for t in we_tokens:
                if t.i < s.token_start and s.token_start - t.i <= 12:
                    between = norm(text[t.idx + len(t.text) : start])
                    if _WE_AT.match(between) and not _aimed_at(doc, s.token_start):
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
                before = norm(text[: doc[s.token_start].idx])
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


_ANSWER_OPENERS = frozenset({"yes", "yeah", "yep", "yup", "no", "nope", "right", "exactly"})


def _quoted(doc, token) -> bool:
    """The token stands inside a quotation of its unit (an odd number of straight
    double quotes before it, or more opening curly quotes than closing ones): the words
    of someone the speaker quotes, whose "I" is not the speaker."""
    before = doc_text(doc)[: token.idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _answers(doc) -> bool:
    """A unit that opens as the answer to a question: "Yeah, I was ...", "No, ..."."""
    words = [t for t in tokens(doc) if not (t.is_space or t.is_punct)]
    return bool(words) and words[0].lower_ in _ANSWER_OPENERS


def vocative(doc, spans: list[SpanMention], before: int) -> Mention | None:
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
#: pronouns that only own something ("his team"): no relation has them as an end
_POSSESSIVE_ONLY = frozenset({"yours", "hers", "mine"})
#: the verbs of a "you" that addresses no one: "you know", "you see", "I mean, you know"
_FILLER_VERBS = frozenset({"know", "see", "mean"})


def _addresses(token) -> bool:
    """A second person that speaks to someone: not the filler "you know" / "you see"
    (its verb an aside with nothing of its own: "at that point -- you know, I was ...").
    "I know you went to X", "you know that X" and "do you see it" address someone."""
    if token.lower_ not in _SECOND_PERSON:
        return False
    verb = token.head
    filler = (
        token.lower_ == "you"
        and token.dep_ == "nsubj"
        and verb.lemma_.lower() in _FILLER_VERBS
        and verb.dep_ in ("parataxis", "intj", "advcl", "dep", "ROOT")
        and not any(c.dep_ not in ("nsubj", "punct", "advmod", "intj") for c in verb.children)
    )
    return not filler


_THINGS = frozenset({"Organization", "Product", "Work"})
_IT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _own_modal(token) -> bool:
    """The verb ``token`` is the subject of is itself modal or conditional ("we would
    do", "if we had")."""
    verb = token.head
    return any(
        (c.dep_ == "aux" and c.lower_ in _MODALS) or (c.dep_ == "mark" and c.lower_ in _IF)
        for c in verb.children
    )


_MODALS = frozenset({"would", "could", "might", "should", "may", "'d", "must", "can"})
_IF = frozenset({"if", "unless", "whether"})


def _distinct(mentions) -> list[Mention]:
    """Mentions with one per name (the name's lexicon id, else its key), in order."""
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(m.lexicon_id or name_key(m.surface), m)
    return list(out.values())


def _located(doc, s: SpanMention) -> bool:
    """The mention is said as a place one is at: the object of "at" or "in"."""
    root = doc[s.token_start : s.token_end].root
    return root.dep_ == "pobj" and root.head.lower_ in ("at", "in")


#: Words that say a plural "they" is each of two: "they're both from X", "they
#: founded it together".
_BOTH = frozenset({"both", "together"})


def _said_of_both(token) -> bool:
    """A subject "they" with "both" right after it ("they both", "they're both") or
    "both"/"together" in its clause ("they co-founded it together")."""
    if token.dep_ != "nsubj":
        return False
    doc = token.doc
    after = [doc[k].lower_ for k in range(token.i + 1, min(token.i + 3, len(doc)))]
    if after[:1] == ["both"] or (after[:1] and after[0] in _PLURAL_BE and after[1:2] == ["both"]):
        return True
    return any(
        t.lower_ in _BOTH and t.dep_ in ("advmod", "det", "dep", "appos")
        for t in token.head.subtree
    )


_PLURAL_BE = frozenset({"'re", "’re", "are", "were"})


def _listed_pair(doc, spans: list[SpanMention]) -> tuple[Mention, Mention] | None:
    """The one pair of people named as a list ("X and Y") among ``spans``."""
    people = [
        s for s in spans if s.mention.type == "Person" and s.mention.source in ("lexicon", "ner")
    ]
    pairs = []
    for i, a in enumerate(people):
        ra = doc[a.token_start : a.token_end].root
        for b in people[i + 1 :]:
            if doc[b.token_start : b.token_end].root in ra.conjuncts:
                pairs.append((a.mention, b.mention))
    return pairs[0] if len(pairs) == 1 else None


def is_subject(doc, s: SpanMention) -> bool:
    """The mention is a clause's subject."""
    return doc[s.token_start : s.token_end].root.dep_ in ("nsubj", "nsubjpass")


def _expletive(token) -> bool:
    """ "it's been a decade", "it is hard to say", "it seems that": no thing meant."""
    head = token.head
    return token.dep_ == "nsubj" and (
        head.lemma_ in ("seem", "appear", "turn", "take", "rain")
        or any(c.dep_ in ("ccomp", "xcomp", "csubj", "acomp", "advcl") for c in head.children)
        and head.lemma_ == "be"
    )
