"""Relations between the mentions of one unit: typed patterns, open verb relations,
co-mentions and speaker topics.

Layout, for a newcomer:

* ``patterns.py``: the :class:`Pattern` and the shared vocabulary (roles, copulas).
* one module per family of typed relations, each with its between-words ``PATTERNS``
  and its parse ``VERB_RULES``: ``founding``, ``study``, ``roles`` (worksFor,
  affiliatedWith), ``creation`` (created, basedOn), ``taxonomy`` (broader),
  ``ownership`` (partOf, investedIn), ``location`` (locatedIn).
* ``typed.py``: the one list of families and the matching.
* ``reference.py``: who "I", "we", "you", "he", "she" are (grounded reference).
* ``open.py``: subject - verb - object from the dependency parse.
* ``finder.py``: :class:`RelationFinder`, which runs all of it unit by unit.
"""

from .finder import RelationFinder
from .reference import Discourse
from .typed import TYPED_PATTERNS

__all__ = ["Discourse", "RelationFinder", "TYPED_PATTERNS"]
