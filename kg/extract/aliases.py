"""Names a speaker says are one thing: "the Lightning Network Trust Chain, also known as
the Lightning Torch", "Olaoluwa, aka Roasbeef", "X, otherwise known as Y". Without this,
each name becomes a node of its own and the graph splits one thing in two.

Read from the words between two names of one unit: the first name, a comma (or an
opening bracket), "also known as" / "otherwise known as" / "better known as" / "aka" /
"a.k.a.", an optional "the", then the second name. The second name (every mention of
it in the transcript) is then keyed by the first (:class:`kg.model.Mention` ``norm``,
which :mod:`kg.resolve` keys names by) and takes the first's type, as
``_short_organisation_names`` does for a firm's short name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..nlp import doc_text
from .entities import SpanMention

__all__ = ["known_as_pairs", "with_aliases"]

#: The words between two names that make the second another name of the first.
_KNOWN_AS = re.compile(
    r"^\s*[,(]\s*(?:(?:also|otherwise|better|commonly|now)\s+)?(?:known\s+as|aka|a\.k\.a\.?)"
    r"\s+(?:the\s+)?['\"‘“]?\s*$",
    re.IGNORECASE,
)


def known_as_pairs(doc, spans: list[SpanMention]) -> list[tuple[SpanMention, SpanMention]]:
    """(first name, other name) for each "A, also known as B" of one unit: two name
    mentions (not concepts) with nothing but those words between them."""
    text = doc_text(doc)
    names = [s for s in spans if s.mention.type != "Concept"]
    out = []
    for a, b in zip(names, names[1:], strict=False):
        start = doc[a.token_end - 1].idx + len(doc[a.token_end - 1].text)
        between = text[start : doc[b.token_start].idx]
        if _KNOWN_AS.match(between):
            out.append((a, b))
    return out


def with_aliases(units):
    """``units`` (sentence, doc, spans, candidates) with every mention of a name said to
    be another name of one ("A, also known as B") keyed and typed as that one: B's
    ``norm`` is A's name. A name said to be another name of two things stays itself."""
    targets: dict[str, set[tuple[str, str]]] = {}
    for _, doc, spans, _ in units:
        for a, b in known_as_pairs(doc, spans):
            if b.mention.surface != a.mention.surface:
                name = a.mention.norm or a.mention.surface
                targets.setdefault(b.mention.surface, set()).add((name, a.mention.type))
    aliases = {s: next(iter(t)) for s, t in targets.items() if len(t) == 1}
    if not aliases:
        return units

    def keyed(s: SpanMention) -> SpanMention:
        target = aliases.get(s.mention.surface)
        if target is None or s.mention.type == "Concept":
            return s
        name, etype = target
        return SpanMention(replace(s.mention, norm=name, type=etype), s.token_start, s.token_end)

    return [(sent, doc, [keyed(s) for s in spans], c) for sent, doc, spans, c in units]
