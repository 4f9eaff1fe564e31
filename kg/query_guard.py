"""Deciding whether a SPARQL query could make the store open a network connection.

pyoxigraph runs ``SERVICE <url> { ... }`` by sending an HTTP request to ``url`` and has
no option to turn that off, so the endpoint must refuse such queries before they reach
the store. A keyword scan is not enough: the first one read ``ex:x\\#`` (a legal escaped
``#`` in a local name) as the start of a comment and let the ``SERVICE`` after it
through. This module decides from what the query *is*, failing closed:

1. The query's ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes are expanded first, as the SPARQL
   grammar (and pyoxigraph) do before parsing, so an escaped keyword is seen.
2. A query in which the letters ``service`` appear nowhere (any case, any Unicode case
   folding) cannot name the keyword: it passes without further work.
3. Otherwise two independent readings must both clear it:

   * a lexer written to the terminal grammar of SPARQL 1.1 (section 19.8) must place
     every occurrence inside a string literal, an IRI, a variable or a prefixed name.
     An occurrence inside a comment or as a bare word is refused, and so is one inside
     an IRI that could also be read as a ``<`` comparison (an IRI with a ``)`` in it);
   * rdflib's SPARQL parser (a full grammar, independent of pyoxigraph's) must parse
     the query and find no ``SERVICE`` pattern in it.

Updates cannot reach the network through the endpoint either: the store is opened
read-only and queried with ``Store.query``, which parses queries only (``LOAD`` is an
update); :func:`refuse_network_access` still names them in its message for clarity.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

__all__ = ["NetworkAccessRefused", "refuse_network_access", "expand_codepoint_escapes"]

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE_LETTERS = re.compile("service", re.IGNORECASE)
#: Longest query (characters) given to rdflib's parser, which is slow on huge inputs.
MAX_PARSED = 65_536


class NetworkAccessRefused(Exception):
    """A query that names (or may name) ``SERVICE``; the message says why."""


def expand_codepoint_escapes(text: str) -> str:
    """``text`` with SPARQL's codepoint escapes replaced by the characters they stand for
    (an escape of a surrogate or past U+10FFFF is left as written)."""

    def expand(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return match.group(0)
        return chr(code)

    return _CODEPOINT.sub(expand, text)


# -- SPARQL 1.1 terminals (https://www.w3.org/TR/sparql11-query/#grammar) ------------

_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = rf"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (
    rf"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
    rf"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)
_VARNAME = rf"[{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"
_ECHAR = r"\\[tbnrf\\\"']"

_TOKEN = re.compile(
    rf"""
      (?P<space>[\x20\t\r\n]+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*'''
                |\"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|{_ECHAR}))*\"\"\"
                |'(?:[^\x27\x5c\x0a\x0d]|{_ECHAR})*'
                |\"(?:[^\x22\x5c\x0a\x0d]|{_ECHAR})*\")
    | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]{_VARNAME})
    | (?P<bnode>_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)
    | (?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)
    | (?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
#: Tokens inside which the letters ``service`` are data, not the keyword.
_DATA_TOKENS = {"string", "iri", "var", "pname", "bnode", "langtag"}


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of every token of ``text``, whitespace and comments included."""
    for match in _TOKEN.finditer(text):
        yield match.lastgroup or "other", match.start(), match.end()


def _lexer_objection(text: str) -> str | None:
    """Why the SPARQL lexer cannot clear ``text`` (None if every ``service`` is data)."""
    spans = list(_tokens(text))
    starts = [start for _, start, _ in spans]
    for occurrence in _SERVICE_LETTERS.finditer(text):
        kind, start, end = spans[bisect.bisect_right(starts, occurrence.start()) - 1]
        if kind == "comment":
            return "the word appears in a comment"
        if kind not in _DATA_TOKENS:
            return "it uses the SERVICE keyword"
        if occurrence.end() > end:
            return "the word spans two tokens"
        if kind == "iri" and ")" in text[start:end]:
            return "an IRI with ')' holds the word, which could also be read as a comparison"
    return None


def _has_service_pattern(node) -> bool:
    """True if rdflib's parse tree ``node`` holds a ``ServiceGraphPattern`` anywhere."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False


def _parser_objection(text: str) -> str | None:
    """Why rdflib's SPARQL parser cannot clear ``text`` (None if it parses without SERVICE)."""
    if len(text) > MAX_PARSED:
        return f"it is longer than {MAX_PARSED:,} characters"
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except Exception as error:  # noqa: BLE001 - any parser failure means "not cleared"
        reason = " ".join(str(error).split())[:160]
        return f"it could not be parsed to prove it has no SERVICE ({reason})"
    if _has_service_pattern(tree):
        return "it uses the SERVICE keyword"
    return None


def refuse_network_access(sparql: str) -> None:
    """Raise :class:`NetworkAccessRefused` unless ``sparql`` provably has no ``SERVICE``.

    Fails closed: a query that merely mentions the word where the two readings cannot
    both place it inside data is refused, with the reason and what to do.
    """
    text = expand_codepoint_escapes(sparql)
    if not _SERVICE_LETTERS.search(text):
        return
    objection = _lexer_objection(text) or _parser_objection(text)
    if objection is not None:
        raise NetworkAccessRefused(
            f"SERVICE (federated query) refused: this endpoint queries only its own store, "
            f"and {objection}; remove SERVICE (and the word 'service' outside strings "
            f"and names) from the query"
        )


_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_from_network() -> str | None:
    """Move this process into a new, empty network namespace (Linux), so that nothing it
    runs can open a connection, not even to the loopback interface; None on success,
    else why not (another system, or namespaces not permitted here).

    The endpoint's query workers call this first thing, while they have one thread, as a
    second wall behind :func:`refuse_network_access`: if some spelling ever got past the
    check, pyoxigraph's HTTP request would still fail. Open pipes and files are kept.
    """
    import ctypes
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return f"network namespaces are Linux only (this is {sys.platform})"
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError as error:
        return f"cannot load the C library: {error}"
    if libc.unshare(_CLONE_NEWNET) == 0:
        return None
    first = ctypes.get_errno()
    # Unprivileged: a new user namespace first, mapping this user to itself, so that
    # file permissions are judged as before.
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return f"unshare refused ({os.strerror(first)}; {os.strerror(ctypes.get_errno())})"
    try:
        with open("/proc/self/setgroups", "w") as f:
            f.write("deny")
        with open("/proc/self/uid_map", "w") as f:
            f.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as f:
            f.write(f"{gid} {gid} 1")
    except OSError:
        pass  # unmapped ids still read files the user owns
    return None
