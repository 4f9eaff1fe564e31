"""Links into a recording: the moment a quote was said, from the sidecar's URL.

Shared by the RDF writer (``schema:url`` of each assertion), the viewer and the
property-graph exports, so every output links to the same moment the same way.
"""

from __future__ import annotations

import math
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["moment_url"]

_YOUTUBE_HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com")


def moment_url(url: str | None, seconds: float | None = None) -> str | None:
    """A link to ``seconds`` into the recording at ``url``; None unless http(s).

    YouTube links get ``t=<seconds>`` in the query (replacing any there); other
    links get a ``#t=<seconds>`` media fragment unless they already use the fragment.
    """
    if not url:
        return None
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return _moment(url, None)
    return _moment(url, int(seconds))


@lru_cache(maxsize=4096)
def _moment(url: str, seconds: int | None) -> str | None:
    """``moment_url`` at whole seconds: a recording's quotes share a few thousand moments
    at most, and a build asks for each one from the RDF, the viewer and the exports."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if seconds is None:
        return urlunsplit(parts)
    t = str(seconds)
    host = parts.hostname.lower()
    if any(host == h or host.endswith("." + h) for h in _YOUTUBE_HOSTS):
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"]
        return urlunsplit(parts._replace(query=urlencode([*query, ("t", t)])))
    if parts.fragment and not parts.fragment.startswith("t="):
        return urlunsplit(parts)
    return urlunsplit(parts._replace(fragment=f"t={t}"))
