"""Why an entity is what it is: the rule behind each of its names, the reason for its
type and the user's corrections that changed it, from a build's ``graph.json``.

>>> from kg.graph import load_graph                            # doctest: +SKIP
>>> print(explain(load_graph("outputs"), "Hinton"))            # doctest: +SKIP
"""

from __future__ import annotations

import re

from .errors import KgError
from .graph import KnowledgeGraph
from .model import Entity

__all__ = ["find_entities", "explain", "explain_entity"]


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def find_entities(kg: KnowledgeGraph, name: str) -> list[Entity]:
    """Entities called ``name`` (label, alias or id; case and punctuation ignored), else
    those with ``name`` as one word of a name ("Hinton"), sorted by label."""
    n = _norm(name)
    exact = [e for e in kg.entities if n in {_norm(x) for x in (e.label, e.key, *e.aliases)}]
    if exact:
        return sorted(exact, key=lambda e: (e.label, e.key))
    words = [
        e
        for e in kg.entities
        if any(n in _norm(x).split() for x in (e.label, *e.aliases)) and " " not in n
    ]
    return sorted(words, key=lambda e: (e.label, e.key))


def explain_entity(kg: KnowledgeGraph, e: Entity) -> str:
    """One entity's explanation as lines of text."""
    lines = [f"{e.label} ({e.type}, id {e.key})", f"  type: {e.type_reason or 'not recorded'}"]
    width = max((len(o.name) for o in e.origins), default=0)
    rule_width = max((len(o.rule) for o in e.origins), default=0)
    lines.append("  names:")
    for o in e.origins:
        lines.append(f"    {o.name:<{width}}  {o.rule:<{rule_width}}  {o.detail}".rstrip())
    fixes = [c for c in kg.corrections if e.key in c.entities]
    for c in fixes:
        lines.append(f"  corrected: {c.file}:{c.line} {c.summary}")
    return "\n".join(lines) + "\n"


def explain(kg: KnowledgeGraph, name: str) -> str:
    """The explanation of every entity called ``name``; raises KgError if none is."""
    found = find_entities(kg, name)
    if not found:
        raise KgError(f"no entity called {name!r} in this build; `kg entities` lists them")
    return "\n".join(explain_entity(kg, e) for e in found)
