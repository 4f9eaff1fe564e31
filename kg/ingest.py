"""Read transcript files into :class:`~kg.model.Transcript` objects.

Ingest is the first stage: it turns a file in one of several transcript formats
into normalised text plus the segments (times, speaker, source line) that cover
it, so that every later stage can map any span of text back to a moment in the
recording and a speaker. It also loads the optional metadata sidecar.

Formats (``FORMATS``; detected from the content, the extension is only a hint):

``plain``
    Plain text. Blank-line separated paragraphs become segments (wrapped lines
    are joined); a file without blank lines gives one segment per line. A long
    unpunctuated line stays one segment: sentence splitting happens later.
``whisper``
    Whisper lines ``[hh:mm:ss.mmm --> hh:mm:ss.mmm]  text``; ``[mm:ss.mmm --> ...]``
    and ``[12.34 --> 15.00]`` (seconds) are accepted too. A line without a
    timestamp continues the previous segment.
``srt``
    SubRip cues. YouTube auto-captions ("rolling" cues that repeat the previous
    line and add one, plus 10 ms echo cues) are detected and de-duplicated so
    the text reads once; ordinary SRT is left as is.
``vtt``
    WebVTT: ``WEBVTT`` header, ``hh:mm:ss.mmm`` or ``mm:ss.mmm`` times with cue
    settings, NOTE/STYLE/REGION blocks skipped, ``<v Name>`` voice tags become
    the segment speaker, inline tags (``<c>``, ``<00:00:01.000>``, ``<i>``) are
    removed. Rolling YouTube VTT is de-duplicated like SRT.
``speaker``
    Speaker-labelled text: ``Name: text`` lines (Name = 1-4 capitalised words,
    optionally with a time such as ``[00:01:02] Name:`` or ``Name (01:02):``),
    or the Lex Fridman web-page style ``Name [(hh:mm:ss)](url) text`` where a
    paragraph that starts with a bare ``[(hh:mm:ss)](url)`` link keeps the
    previous speaker. In the linked style only paragraphs that start with such
    a link are transcript, so the page's menu, headings and footer are dropped.
    A file counts as speaker-labelled when a name labels two lines or more, or,
    however short, when most of its lines are ``Name:`` turns (``Host: ...`` /
    ``Sam Altman: ...``). Text read as plain that still has such lines or
    timestamps gets a one-line note (:func:`format_note`): ``--format`` reads it
    otherwise.
``whisper-json``
    ``{"segments": [{"start": 0.0, "end": 2.5, "text": "...", "speaker": "..."}]}``
    (``speaker`` optional; a bare list of segments is accepted too).

Speaker labels found in the text become ``Segment.speaker`` (in timed formats a
``Name:`` prefix counts only when that name labels at least two cues, so a
sentence that happens to start with "Note:" is left alone).

Text is decoded as UTF-8, or as UTF-8/UTF-16/UTF-32 when the file starts with a
byte-order mark; CRLF and CR line ends are accepted. Each segment's text is
normalised (Unicode NFC, runs of whitespace collapsed to one space, stripped);
empty segments are dropped; ``Transcript.text`` is the segments joined by
``"\\n"`` and ``Segment.char_start``/``char_end`` index into it.

Metadata sidecar
----------------
An optional JSON file next to the transcript, named ``<stem>.meta.json``
(``000_x.txt`` -> ``000_x.meta.json``; ``talk.en.srt`` -> ``talk.en.meta.json``)::

    {
      "title": "Fireside chat with Ilya Sutskever",
      "date": "2023",                       # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD[Thh:mm...]
      "url": "https://example.org/talk",    # recording URL (http/https)
      "source": "seed transcript",          # where the transcript came from
      "language": "en",                     # BCP 47 tag, default "en"
      "speakers": [{"name": "Ilya Sutskever", "role": "guest",
                    "label": "SPEAKER_01"}]   # optional: the speaker's label in the text
    }

Every field is optional; ``null`` means absent; a speaker may also be given as
a bare name string. Speaker labels that are no one's name ("SPEAKER_00",
"Speaker 2", "Host", "Q") become the sidecar speaker whose ``label``/``labels`` list
them, or, for a role label, the one sidecar speaker with that role; otherwise they
stay, scoped to the transcript ("Host (ep12)") so two recordings' hosts stay apart. Keys starting with ``_`` are ignored (use them for
comments). Invalid JSON, an unknown key or a value of the wrong type raises
:class:`~kg.errors.InputError` naming the sidecar and the reason.

Every problem with an input raises :class:`~kg.errors.InputError` with a
one-line message naming the file (and the line, where there is one).
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime
import hashlib
import html
import json
import os
import re
import stat
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import InputError
from .model import Segment, Speaker, Transcript, TranscriptMeta

__all__ = [
    "FORMATS",
    "detect_format",
    "read_transcript",
    "load_meta",
    "sidecar_path",
    "discover_inputs",
    "transcript_id",
    "transcripts_of_sidecar",
    "format_note",
]

#: The transcript formats ``read_transcript`` understands (``--format`` values).
FORMATS = ("plain", "whisper", "srt", "vtt", "speaker", "whisper-json")

_FORMAT_HINT = "valid formats: " + ", ".join(FORMATS) + " (or auto)"

# --------------------------------------------------------------------------- text helpers

_WS_RE = re.compile(r"\s+")
# Control characters (other than whitespace) and invisible format characters that
# would split or glue words without being visible: removed from segment text.
_DROP_CHARS = {
    c: None
    for c in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x200B, 0x2060, 0xFEFF]
    if not chr(c).isspace()
}


def _normalise(text: str) -> str:
    """NFC, invisible/control characters removed, whitespace runs collapsed, stripped."""
    text = unicodedata.normalize("NFC", text).translate(_DROP_CHARS)
    return _WS_RE.sub(" ", text).strip()


# One timestamp: seconds ("12.34"), mm:ss(.mmm) or hh:mm:ss(.mmm); "," or "." decimals.
_TIME_RE = re.compile(r"^(?:(?:(?P<h>\d+):)?(?P<m>\d{1,2}):)?(?P<s>\d+(?:[.,]\d+)?)$")
_TS = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"


def _parse_time(value: str) -> float | None:
    """Seconds for a timestamp string, or None if it is not a valid timestamp."""
    m = _TIME_RE.match(value.strip())
    if not m:
        return None
    seconds = float(m["s"].replace(",", "."))
    minutes = int(m["m"]) if m["m"] is not None else 0
    hours = int(m["h"]) if m["h"] is not None else 0
    if m["m"] is not None and seconds >= 60:
        return None
    if m["h"] is not None and minutes >= 60:
        return None
    return round(hours * 3600 + minutes * 60 + seconds, 3)


_NAME_CONNECTORS = frozenset(
    ["de", "van", "von", "der", "den", "la", "le", "da", "di", "del", "du"]
    + ["bin", "al", "ibn", "ten", "ter", "y", "dos", "das"]
)
_NAME_WORD_CHARS = frozenset(".'’-_")


def _valid_name(name: str) -> bool:
    """True for a plausible speaker label: 1-4 capitalised words, at most 40 characters."""
    words = name.split()
    if not 1 <= len(words) <= 4 or len(name) > 40:
        return False
    if not words[0][0].isupper():
        return False
    for i, word in enumerate(words):
        if i and word in _NAME_CONNECTORS:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        if not all(ch.isalnum() or ch in _NAME_WORD_CHARS for ch in word):
            return False
    return True


# "Name: text", "[00:01:02] Name: text", "Name (01:02): text", ">> Name: text".
_LABEL_RE = re.compile(
    rf"^(?:>>\s*)?(?:[\[(]?(?P<t1>{_TS})[\])]?\s+(?:-\s+)?)?"
    r"(?P<name>[^\W\d_][^:\[\]()\n]{0,39}?)"
    rf"\s*(?:[\[(](?P<t2>{_TS})[\])])?\s*:(?:\s+(?P<rest>.*))?$"
)

# Lex Fridman page style: "Name [(00:00:26)](https://...&t=26) text" or a bare link.
_LINK_RE = re.compile(
    r"^(?:(?P<name>[^\[\]()\n]{1,60}?)\s+)?"
    r"\[\((?P<time>\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?)\)\]\((?P<url>[^)\s]*)\)\s*(?P<rest>.*)$"
)
_MD_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")

# A Whisper line, loosely: "[<anything> --> <anything>] text" (validated afterwards so
# a malformed timestamp is reported rather than read as text).
_WHISPER_RE = re.compile(r"^\s*\[(?P<a>[^\]\n>-]*)-+>(?P<b>[^\]\n]*)\](?P<rest>.*)$")
# An SRT/VTT time line, loosely: "<token> --> <token> [settings]" (the first token must
# contain a digit; the times are validated afterwards).
_CUE_TIME_RE = re.compile(r"^\s*(?P<a>\S+?)\s*-->\s*(?P<b>\S*)(?P<settings>.*)$")
# Strictly time-like, used by detection only.
_CUE_TIME_STRICT_RE = re.compile(r"^\s*\d[\d:.,]{0,15}\s*-->\s*\d")
_VTT_BLOCK_RE = re.compile(r"^(?:NOTE|STYLE|REGION)(?:\s|$)")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG_RE = re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}")
_CHEVRONS_RE = re.compile(r"^\s*>>+\s*")


@dataclass(slots=True)
class _Piece:
    """A segment before normalisation and offset assignment."""

    text: str
    line: int | None
    start: float | None = None
    end: float | None = None
    speaker: str | None = None
    url: str | None = None


# --------------------------------------------------------------------------- reading


def transcript_id(path: str | os.PathLike[str]) -> str:
    """A stable id from the file stem: lowercase ASCII ``[a-z0-9_-]``.

    Used in IRIs, so it must not depend on anything but the file name:
    ``seeds/000_d7e5a9d90b8e53ea.txt`` -> ``000_d7e5a9d90b8e53ea``. A stem with no
    usable character (e.g. only CJK) gets ``transcript-`` plus a hash of the stem.
    """
    stem = Path(path).stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_-]+", "-", ascii_stem.lower()).strip("-")
    if slug:
        return slug
    return "transcript-" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:12]


#: Largest input file read (transcript or sidecar): 32 MiB, about five million words,
#: far beyond any recording. A larger file is refused before it is read, so memory
#: stays bounded whatever is named as an input (``/dev/zero`` is refused as a device).
MAX_INPUT_BYTES = 32 * 1024 * 1024

#: Longest "word" (run of non-space characters) in a transcript. Longer ones are not
#: speech (a pasted blob, a corrupted file) and would exceed spaCy's limit (E088);
#: the file is refused with the line where it is.
MAX_WORD_CHARS = 1000

_LONG_WORD_RE = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")

#: Largest sidecar (``<stem>.meta.json``) read: 1 MiB.
MAX_SIDECAR_BYTES = 1024 * 1024


def _read_bytes(path: Path, shown: str, limit: int | None = None) -> bytes:
    """The file's bytes (at most ``limit``, default :data:`MAX_INPUT_BYTES`); every
    OS-level failure becomes an InputError. Only regular files are read: a FIFO,
    socket or device is refused, and it is opened without blocking to find out."""
    limit = MAX_INPUT_BYTES if limit is None else limit
    try:
        if path.is_dir():
            raise InputError(
                shown,
                "is a directory, not a transcript file",
                hint="pass the transcript files, or give the directory as an input to expand",
            )
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(shown, f"is a {_file_kind(info.st_mode)}, not a transcript file")
            if info.st_size > limit:
                raise InputError(
                    shown,
                    f"file of {info.st_size:,} bytes is larger than the limit of {limit:,}",
                    hint="split the transcript into several files",
                )
            chunks, size = [], 0
            while size <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > limit:  # the file grew while it was read
                raise InputError(shown, f"file is larger than the limit of {limit:,} bytes")
            return b"".join(chunks)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise InputError(shown, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, not a transcript file") from None
    except PermissionError:
        raise InputError(
            shown, "cannot read file: permission denied", hint="check the file's permissions"
        ) from None
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None


def _file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for error messages."""
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _check_words(text: str, shown: str) -> None:
    """Refuse a text with a "word" longer than :data:`MAX_WORD_CHARS`, naming its line."""
    m = _LONG_WORD_RE.search(text)
    if m:
        length = m.end() - m.start()
        raise InputError(
            shown,
            f"a word of {length:,} characters without a space (longest allowed "
            f"{MAX_WORD_CHARS:,}); not speech",
            line=text.count("\n", 0, m.start()) + 1,
            hint="remove the blob or break it up",
        )


def _check_strings(value: object, shown: str, where: str = "") -> None:
    """Refuse JSON whose strings hold a lone surrogate (``"\\ud800"``): they are not
    text and cannot be written as UTF-8. Walks the decoded JSON iteratively."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            if _SURROGATE_RE.search(item):
                raise InputError(
                    shown,
                    f"{at or 'a string'} holds a lone surrogate escape (\\ud800-\\udfff), "
                    "which is not text",
                    hint="re-export the file; a surrogate must be half of a pair",
                )
        elif isinstance(item, dict):
            for key, v in item.items():
                stack.append((key, at))
                stack.append((v, f"{at}.{key}" if at else str(key)))
        elif isinstance(item, list):
            stack.extend((v, f"{at}[{i}]") for i, v in enumerate(item))


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


#: C0 control characters other than tab, newlines, form feed and vertical tab.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _decode(raw: bytes, shown: str) -> str:
    """Decode the raw bytes to text with ``\\n`` line ends, or raise InputError.

    UTF-8 is expected; a byte-order mark selects UTF-8, UTF-16 or UTF-32. NUL bytes
    or many control characters mean a binary file.
    """
    if not raw:
        raise InputError(shown, "empty file", hint="expected a transcript")
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    shown,
                    f"invalid {label} at byte offset {exc.start}",
                    hint=f"the file starts with a {label} byte-order mark; re-save it as UTF-8",
                ) from None
            text = text.removeprefix("\ufeff")
            break
    else:
        nul = raw.find(b"\x00")
        if nul >= 0:
            head = raw[:512]
            utf16ish = head.count(b"\x00") * 3 >= len(head)
            raise InputError(
                shown,
                f"binary file (NUL byte at byte offset {nul})",
                line=_line_at(raw, nul),
                hint=(
                    "looks like UTF-16 without a byte-order mark; re-save it as UTF-8"
                    if utf16ish
                    else "expected a text transcript"
                ),
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                shown,
                f"invalid UTF-8 at byte offset {exc.start} (byte 0x{raw[exc.start]:02x})",
                line=_line_at(raw, exc.start),
                hint="re-save the file as UTF-8",
            ) from None
    if "\x00" in text:
        raise InputError(shown, "binary file (contains NUL characters)")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError(
            shown, f"binary file ({controls} control characters)", hint="expected a text transcript"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(shown, "empty file (only whitespace)", hint="expected a transcript")
    return text


# --------------------------------------------------------------------------- detection


def _label_of(line: str) -> tuple[str, re.Match[str]] | None:
    """The speaker name and match if ``line`` starts with a plausible ``Name:`` label."""
    m = _LABEL_RE.match(line.strip())
    if not m:
        return None
    name = _normalise(m["name"])
    if not _valid_name(name):
        return None
    return name, m


def _link_of(line: str) -> re.Match[str] | None:
    """The match if ``line`` starts with ``[Name ][(hh:mm:ss)](url)``, name plausible."""
    m = _LINK_RE.match(line.strip())
    if not m:
        return None
    if m["name"] is not None and not _valid_name(_normalise(m["name"])):
        return None
    return m


def _looks_speaker(lines: list[str]) -> bool:
    """True if the text is speaker-labelled (linked page style or ``Name:`` lines)."""
    if sum(1 for line in lines if _link_of(line)) >= 2:
        return True
    names: Counter[str] = Counter()
    for line in lines:
        label = _label_of(line)
        if label:
            names[label[0]] += 1
    labelled = sum(names.values())
    nonblank = [line for line in lines if line.strip()]
    if labelled >= 2 and labelled * 2 > len(nonblank):
        return True  # mostly turns, however short ("Host: ..." / "Sam Altman: ...")
    if labelled < 2 or max(names.values()) < 2:
        return False
    paragraphs = sum(
        1 for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())
    )
    units = paragraphs if paragraphs > 1 else len(nonblank)
    return labelled >= 0.3 * units or labelled >= 10


def detect_format(text: str, path: str) -> str:
    """The format of ``text`` (one of ``FORMATS``), judged from the content.

    The extension of ``path`` only breaks ties (a ``.vtt`` file without the WEBVTT
    header, a ``.json`` file, SRT vs VTT cues without numbers), so a mislabelled
    file is still read correctly.
    """
    ext = Path(path).suffix.lower()
    body = text.lstrip("\ufeff \t\n\r")
    if body.startswith("WEBVTT"):
        return "vtt"
    if body.startswith("{") or (body.startswith("[") and body[1:].lstrip()[:1] in ("{", "]")):
        return "whisper-json"
    if ext == ".json":
        return "whisper-json"
    lines = text.split("\n")
    nonblank = [line for line in lines if line.strip()]
    if not nonblank:
        return "plain"
    whisper = sum(1 for line in nonblank if _WHISPER_RE.match(line))
    if whisper and whisper * 2 >= len(nonblank):
        return "whisper"
    timelines = [i for i, line in enumerate(lines) if _CUE_TIME_STRICT_RE.match(line)]
    if timelines:
        if ext in (".srt", ".vtt"):
            return ext[1:]
        numbered = any(i > 0 and lines[i - 1].strip().isdigit() for i in timelines)
        if numbered or len(timelines) * 5 >= len(nonblank):
            first = lines[timelines[0]].split("-->")[0]
            return "srt" if numbered or "," in first else "vtt"
    if ext in (".srt", ".vtt"):
        return ext[1:]
    if _looks_speaker(lines):
        return "speaker"
    return "plain"


def format_note(transcript: Transcript) -> str | None:
    """One line saying what a detected format leaves out, or None.

    Plain text keeps no speakers and no times; when a transcript read as plain has
    lines that start like ``Name:`` turns or carry timestamps, they are text only, and
    the user should know (``--format`` reads them otherwise). A format the user forced
    gets no note: they chose it.
    """
    if transcript.format != "plain":
        return None
    lines = transcript.text.split("\n")
    labels = sum(1 for line in lines if _label_of(line))
    times = sum(1 for line in lines if _WHISPER_RE.match(line) or _CUE_TIME_STRICT_RE.match(line))
    lost = []
    if labels:
        lost.append(f"{labels} line(s) starting like 'Name:' were not read as speaker turns")
    if times:
        lost.append(f"{times} timestamp line(s) were not read as times")
    if not lost:
        return None
    fix = "--format speaker" if labels >= times else "--format whisper, srt or vtt"
    return f"{transcript.path}: read as plain text: {'; '.join(lost)} (pass {fix} if they are)"


# --------------------------------------------------------------------------- parsers


def _parse_plain(text: str, shown: str) -> tuple[list[_Piece], str | None]:
    """Paragraphs (blank-line separated) or, without blank lines, lines."""
    lines = text.split("\n")
    paragraphs = re.search(r"\S[^\S\n]*\n[^\S\n]*\n\s*\S", text) is not None
    pieces: list[_Piece] = []
    current: _Piece | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            current = None
        elif paragraphs and current is not None:
            current.text += " " + line
        else:
            current = _Piece(line, n)
            pieces.append(current)
    return pieces, None


def _timestamp_error(shown: str, n: int, value: str, example: str) -> InputError:
    return InputError(
        shown,
        f"malformed timestamp {value.strip()!r}",
        line=n,
        hint=f"expected {example}; times are non-negative",
    )


def _check_order(shown: str, n: int, start: float, end: float) -> None:
    if end < start:
        raise InputError(
            shown,
            f"start time {start:g}s is after end time {end:g}s",
            line=n,
            hint="a cue must end at or after its start",
        )


def _parse_whisper(text: str, shown: str) -> tuple[list[_Piece], str | None]:
    """``[start --> end]  text`` lines; untimed lines continue the previous segment."""
    example = "[hh:mm:ss.mmm --> hh:mm:ss.mmm], [mm:ss.mmm --> mm:ss.mmm] or [12.34 --> 15.00]"
    pieces: list[_Piece] = []
    timed = 0
    for n, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped:
            continue
        m = _WHISPER_RE.match(line)
        if m:
            start, end = _parse_time(m["a"]), _parse_time(m["b"])
            if start is None:
                raise _timestamp_error(shown, n, m["a"], example)
            if end is None:
                raise _timestamp_error(shown, n, m["b"], example)
            _check_order(shown, n, start, end)
            pieces.append(_Piece(m["rest"], n, start, end))
            timed += 1
        elif stripped.startswith("[") and "-->" in stripped:
            raise InputError(
                shown,
                f"malformed timestamp line {stripped[:40]!r}",
                line=n,
                hint=f"expected {example}; times are non-negative",
            )
        elif pieces:
            pieces[-1].text += " " + stripped
        else:
            pieces.append(_Piece(stripped, n))
    if not timed:
        raise InputError(shown, "no Whisper timestamp lines found", hint=f"expected {example}")
    return pieces, None


@dataclass(slots=True)
class _Word:
    text: str
    key: str  # casefolded, punctuation-stripped: what rolling de-duplication compares
    line: int
    voice: str | None


@dataclass(slots=True)
class _Cue:
    start: float
    end: float
    line: int  # the time line
    raw: list[tuple[int, str]] = field(default_factory=list)
    lines: list[list[_Word]] = field(default_factory=list)


_KEY_STRIP = string.punctuation + "“”‘’…–—"


def _word_key(word: str) -> str:
    return word.strip(_KEY_STRIP).casefold() or word.casefold()


def _cue_words(cue: _Cue, vtt: bool) -> None:
    """Split a cue's text lines into words, with tags removed and voices noted."""
    voice: str | None = None
    for n, raw in cue.raw:
        line_voice = voice
        if vtt:
            voices = list(_VOICE_RE.finditer(raw))
            if voices:
                line_voice = _normalise(html.unescape(voices[-1][1])) or None
            closed = raw.rfind("</v>") > (voices[-1].start() if voices else -1)
            voice = None if closed else line_voice
        clean = html.unescape(_TAG_RE.sub("", raw))
        clean = _CHEVRONS_RE.sub("", clean)
        words = [_Word(w, _word_key(w), n, line_voice) for w in _normalise(clean).split(" ") if w]
        if words:
            cue.lines.append(words)


def _is_rolling(cues: list[_Cue]) -> bool:
    """True for YouTube-style rolling captions: most cues start with the previous cue's
    last line."""
    previous: list[str] | None = None
    pairs = hits = 0
    for cue in cues:
        if not cue.lines:
            continue
        if previous is not None:
            pairs += 1
            hits += [w.key for w in cue.lines[0]] == previous
        previous = [w.key for w in cue.lines[-1]]
    return hits >= 2 and hits >= 0.3 * pairs


def _new_words(cue: _Cue, spoken: list[str]) -> list[_Word]:
    """The words of a rolling cue that were not already said, given the keys so far.

    The longest prefix of the cue that repeats the end of ``spoken`` is dropped:
    the whole cue (a 10 ms echo), else whole leading lines, else at least two
    words (a single shared word is more likely a coincidence than a repeat).
    """
    words = [w for line in cue.lines for w in line]
    keys = [w.key for w in words]
    n = len(keys)
    if not n:
        return []
    if n <= len(spoken) and spoken[-n:] == keys:
        return []
    drop = 0
    count = 0
    for line in cue.lines[:-1]:
        count += len(line)
        if count <= len(spoken) and spoken[-count:] == keys[:count]:
            drop = count
    if not drop:
        for k in range(min(n - 1, len(spoken)), 1, -1):
            if spoken[-k:] == keys[:k]:
                drop = k
                break
    return words[drop:]


def _parse_cues(text: str, shown: str, vtt: bool) -> tuple[list[_Piece], str | None]:
    """SRT or WebVTT cues, line by line (tolerates blank lines inside cues, missing
    numbers and missing blank lines between cues)."""
    kind = "WebVTT" if vtt else "SRT"
    sep = "." if vtt else ","
    example = f"hh:mm:ss{sep}mmm --> hh:mm:ss{sep}mmm" + (" (or mm:ss.mmm)" if vtt else "")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    skip_block = vtt and lines[first].lstrip("\ufeff").startswith("WEBVTT")
    cues: list[_Cue] = []
    current: _Cue | None = None
    prev_blank = True
    for i, line in enumerate(lines):
        n = i + 1
        stripped = line.strip()
        if skip_block:
            if not stripped:
                skip_block = False
                prev_blank = True
            continue
        if not stripped:
            prev_blank = True
            continue
        m = _CUE_TIME_RE.match(line) if "-->" in line else None
        if m and any(ch.isdigit() for ch in m["a"]):
            start, end = _parse_time(m["a"]), _parse_time(m["b"])
            if start is None:
                raise _timestamp_error(shown, n, m["a"], example)
            if end is None:
                raise _timestamp_error(shown, n, m["b"], example)
            _check_order(shown, n, start, end)
            if current is not None and current.raw and current.raw[-1][0] == n - 1:
                ident = current.raw[-1][1].strip()
                if vtt or ident.isdigit():
                    current.raw.pop()  # the next cue's identifier
            current = _Cue(start, end, n)
            cues.append(current)
        elif vtt and prev_blank and _VTT_BLOCK_RE.match(stripped):
            skip_block = True
        elif current is not None:
            current.raw.append((n, line))
        prev_blank = False
    if not cues:
        raise InputError(shown, f"no {kind} cues found", hint=f"expected time lines like {example}")
    for cue in cues:
        _cue_words(cue, vtt)
    rolling = _is_rolling(cues)
    spoken: list[str] = []
    pieces: list[_Piece] = []
    for cue in cues:
        if rolling:
            if not cue.lines:
                spoken.clear()  # after a blank cue the captions start afresh
            words = _new_words(cue, spoken)
            spoken.extend(w.key for w in words)
        else:
            words = [w for line in cue.lines for w in line]
        group: list[_Word] = []
        for word in [*words, None]:
            if group and (word is None or word.voice != group[0].voice):
                text_ = " ".join(w.text for w in group)
                pieces.append(_Piece(text_, group[0].line, cue.start, cue.end, group[0].voice))
                group = []
            if word is not None:
                group.append(word)
    return pieces, None


def _parse_srt(text: str, shown: str) -> tuple[list[_Piece], str | None]:
    return _parse_cues(text, shown, vtt=False)


def _parse_vtt(text: str, shown: str) -> tuple[list[_Piece], str | None]:
    return _parse_cues(text, shown, vtt=True)


def _strip_t(url: str) -> str:
    """``url`` without a ``t=`` time parameter (query or fragment)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "t"]
    fragment = "" if parts.fragment.startswith("t=") else parts.fragment
    return urlunsplit(parts._replace(query=urlencode(query), fragment=fragment))


def _parse_speaker(text: str, shown: str) -> tuple[list[_Piece], str | None]:
    """Speaker-labelled text, in the linked page style or as ``Name:`` lines."""
    lines = text.split("\n")
    if any(_link_of(line) for line in lines):
        return _parse_linked(lines, shown)
    return _parse_labelled(lines, shown)


def _set_ends(pieces: list[_Piece]) -> None:
    """End of each timed piece = start of the next one (if not earlier); last: None."""
    for piece, following in zip(pieces, pieces[1:], strict=False):
        nxt = following.start
        if piece.start is not None and nxt is not None and nxt >= piece.start:
            piece.end = nxt


def _parse_linked(lines: list[str], shown: str) -> tuple[list[_Piece], str | None]:
    """``Name [(hh:mm:ss)](url) text`` paragraphs; everything else is page noise."""
    pieces: list[_Piece] = []
    current: _Piece | None = None
    speaker: str | None = None
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        m = _link_of(stripped)
        if m:
            if m["name"] is not None:
                speaker = _normalise(m["name"])
            start = _parse_time(m["time"])
            if start is None:
                raise _timestamp_error(shown, n, m["time"], "(hh:mm:ss) or (mm:ss)")
            current = _Piece(_MD_LINK_RE.sub(r"\1", m["rest"]), n, start, None, speaker, m["url"])
            pieces.append(current)
        elif current is not None and not stripped.startswith("#"):
            current.text += " " + _MD_LINK_RE.sub(r"\1", stripped)
        else:
            current = None
    _set_ends(pieces)
    urls = {_strip_t(p.url) for p in pieces if p.url and p.text.strip()}
    url = None
    if len(urls) == 1 and all(p.url for p in pieces):
        (only,) = urls
        if urlsplit(only).scheme in ("http", "https"):
            url = only
    return pieces, url


def _parse_labelled(lines: list[str], shown: str) -> tuple[list[_Piece], str | None]:
    """``Name: text`` turns; unlabelled lines continue the turn, and a new paragraph
    without a label keeps the previous speaker."""
    pieces: list[_Piece] = []
    current: _Piece | None = None
    speaker: str | None = None
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        label = _label_of(stripped)
        if label:
            speaker, m = label
            start = None
            stamp = m["t1"] or m["t2"]
            if stamp:
                start = _parse_time(stamp)
                if start is None:
                    raise _timestamp_error(shown, n, stamp, "hh:mm:ss or mm:ss")
            current = _Piece(m["rest"] or "", n, start, None, speaker)
            pieces.append(current)
        elif current is not None:
            current.text += " " + stripped
        else:
            current = _Piece(stripped, n, None, None, speaker)
            pieces.append(current)
    _set_ends(pieces)
    return pieces, None


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _parse_whisper_json(text: str, shown: str) -> tuple[list[_Piece], str | None]:
    """Whisper's JSON output: ``{"segments": [{"start", "end", "text", "speaker"?}]}``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            shown,
            f"invalid JSON: {exc.msg} (column {exc.colno})",
            line=exc.lineno,
            hint='expected Whisper JSON: {"segments": [{"start": 0.0, "end": 1.5, "text": "..."}]}',
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(shown, f"invalid JSON: {_one_line(exc)}") from None
    _check_strings(data, shown)
    if isinstance(data, dict) and "segments" in data:
        segments = data["segments"]
    elif isinstance(data, dict) and isinstance(data.get("text"), str):
        segments = [{"text": data["text"]}]
    else:
        segments = data
    if not isinstance(segments, list):
        raise InputError(
            shown,
            'no "segments" list in the JSON',
            hint='expected {"segments": [{"start": 0.0, "end": 1.5, "text": "..."}]}',
        )
    pieces: list[_Piece] = []
    for i, seg in enumerate(segments):
        where = f"segments[{i}]"
        if not isinstance(seg, dict):
            raise InputError(shown, f"{where} is {type(seg).__name__}, expected an object")
        seg_text = seg.get("text", "")
        if not isinstance(seg_text, str):
            raise InputError(shown, f'{where}: "text" must be a string')
        times: list[float | None] = []
        for key in ("start", "end"):
            value = seg.get(key)
            if value is not None and (not _number(value) or value < 0 or value != value):
                raise InputError(
                    shown, f'{where}: "{key}" must be a non-negative number of seconds'
                )
            times.append(None if value is None else round(float(value), 3))
        start, end = times
        if start is not None and end is not None and end < start:
            raise InputError(shown, f"{where}: start time {start:g}s is after end time {end:g}s")
        speaker = seg.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            raise InputError(shown, f'{where}: "speaker" must be a string')
        pieces.append(_Piece(seg_text, None, start, end, _normalise(speaker or "") or None))
    return pieces, None


_PARSERS: dict[str, Callable[[str, str], tuple[list[_Piece], str | None]]] = {
    "plain": _parse_plain,
    "whisper": _parse_whisper,
    "srt": _parse_srt,
    "vtt": _parse_vtt,
    "speaker": _parse_speaker,
    "whisper-json": _parse_whisper_json,
}


_SPEAKER_ID_RE = re.compile(r"^speaker[ _-]?\d+$", re.IGNORECASE)


def _apply_labels(pieces: list[_Piece]) -> None:
    """``Name:`` prefixes in timed cues become speakers, for names that label at least
    two cues (and then also one-off multi-word or ``SPEAKER_n`` labels); later
    unlabelled cues keep the last speaker."""
    found: list[tuple[str, str] | None] = []
    names: Counter[str] = Counter()
    for piece in pieces:
        label = _label_of(piece.text) if piece.speaker is None else None
        if label and (label[1]["t1"] or label[1]["t2"]):
            label = None  # times inside a timed cue: leave the text alone
        found.append((label[0], label[1]["rest"] or "") if label else None)
        if label:
            names[label[0]] += 1
    accepted = {name for name, count in names.items() if count >= 2}
    if not accepted:
        return
    # Once the cues are known to carry labels, a one-off label is accepted when it
    # looks like a speaker ("Audience Member", "SPEAKER_03") rather than "Note:".
    accepted |= {name for name in names if len(name.split()) > 1 or _SPEAKER_ID_RE.match(name)}
    speaker: str | None = None
    for piece, label in zip(pieces, found, strict=True):
        if piece.speaker is not None:
            speaker = piece.speaker
        elif label and label[0] in accepted:
            speaker, piece.text = label
            piece.speaker = speaker
        else:
            piece.speaker = speaker


def read_transcript(path: str | os.PathLike[str], format: str | None = None) -> Transcript:
    """Read, decode and parse one transcript file, with its sidecar metadata.

    ``format`` is one of ``FORMATS``; ``None`` (or ``"auto"``) detects it from the
    content. Any problem with the file raises :class:`~kg.errors.InputError` with a
    one-line message naming the file, the line where there is one, and the reason.
    """
    shown = os.fspath(path)
    if format is not None and format != "auto" and format not in FORMATS:
        raise InputError(shown, f"unknown format {format!r}", hint=_FORMAT_HINT)
    if _is_sidecar(shown):
        raise InputError(
            shown,
            "a metadata sidecar, not a transcript",
            hint="pass the transcript next to it; its sidecar is read with it",
        )
    raw = _read_bytes(Path(shown), shown)
    text = _decode(raw, shown)
    _check_words(text, shown)
    fmt = format if format in FORMATS else detect_format(text, shown)
    pieces, url = _PARSERS[fmt](text, shown)
    if fmt in ("whisper", "srt", "vtt", "whisper-json"):
        _apply_labels(pieces)
    texts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for piece in pieces:
        seg_text = _normalise(piece.text)
        if not seg_text:
            continue
        if segments:
            offset += 1  # the "\n" between segments
        segments.append(
            Segment(
                index=len(segments),
                char_start=offset,
                char_end=offset + len(seg_text),
                start=piece.start,
                end=piece.end,
                speaker=piece.speaker,
                line=piece.line,
            )
        )
        texts.append(seg_text)
        offset += len(seg_text)
    if not segments:
        raise InputError(
            shown,
            f"no transcript text found (read as {fmt})",
            hint="check the file, or pass --format" if format is None else _FORMAT_HINT,
        )
    meta = load_meta(shown)
    if meta.url is None and url is not None:
        meta = dataclasses.replace(meta, url=url)
    tid = transcript_id(shown)
    segments = name_speakers(segments, meta, tid)
    return Transcript(
        id=tid,
        path=shown,
        format=fmt,
        text="\n".join(texts),
        segments=tuple(segments),
        sha256=hashlib.sha256(raw).hexdigest(),
        meta=meta,
    )


# --------------------------------------------------------------------------- speakers

#: Labels that say what a speaker is, not who: diarization ids ("SPEAKER_00",
#: "Speaker 1", "Speaker A") and roles ("Host", "Interviewer", "Q"). Each names a
#: different person in every transcript.
_GENERIC_SPEAKER_RE = re.compile(
    r"^(?:(?:speaker|spk|voice|participant|person|unknown|guest|host|co-?host|interviewer"
    r"|interviewee|moderator|narrator|presenter|caller|panelist|audience(?: member)?"
    r"|question|answer|q|a)(?:\s*[_#-]?\s*(?:\d{1,3}|[A-Z]))?|[A-Z]|\d{1,3})$",
    re.IGNORECASE,
)
#: A role label and the sidecar roles it stands for.
_ROLE_LABELS = {
    "host": ("host", "interviewer", "moderator"),
    "interviewer": ("interviewer", "host"),
    "moderator": ("moderator", "host"),
    "guest": ("guest", "interviewee"),
    "interviewee": ("interviewee", "guest"),
}


def is_generic_speaker(label: str) -> bool:
    """True for a speaker label that is no one's name ("SPEAKER_01", "Host", "Q")."""
    return _GENERIC_SPEAKER_RE.match(label.strip()) is not None


def name_speakers(segments: list[Segment], meta: TranscriptMeta, transcript: str) -> list[Segment]:
    """Give each segment's speaker the person's name where the label is not one.

    A label the sidecar lists for a speaker (``"label": "SPEAKER_00"``) becomes that
    speaker's name; a role label ("Host", "Guest") becomes the one sidecar speaker
    with that role. Any other generic label stays, scoped to its transcript
    ("SPEAKER_00 (ep12)"), so that the SPEAKER_00 of two recordings, two different
    people, never merge into one node.
    """
    given = {label.casefold(): s.name for s in meta.speakers for label in s.labels}
    listed = {s.name for s in meta.speakers}
    names: dict[str, str] = {}
    for label in sorted({seg.speaker for seg in segments if seg.speaker}):
        if label in listed:
            continue  # the sidecar calls this speaker by the label: it is the name
        if label.casefold() in given:
            names[label] = given[label.casefold()]
            continue
        roles = _ROLE_LABELS.get(label.casefold())
        if roles:
            for role in roles:
                holders = [s.name for s in meta.speakers if (s.role or "").casefold() == role]
                if holders:
                    break
            if len(holders) == 1:
                names[label] = holders[0]
                continue
        if is_generic_speaker(label):
            names[label] = f"{label} ({transcript})"
    if not names:
        return segments
    return [
        dataclasses.replace(seg, speaker=names.get(seg.speaker, seg.speaker)) for seg in segments
    ]


# --------------------------------------------------------------------------- metadata

_META_FIELDS = ("title", "date", "url", "source", "language", "speakers")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\S+)?)?)?$")
_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_URL_RE = re.compile(r"^https?://[^\s/]+\S*$")


def sidecar_path(path: str | os.PathLike[str]) -> Path:
    """Where the metadata sidecar of transcript ``path`` lives: ``<stem>.meta.json``
    next to it (``path`` itself if it already is a ``.meta.json`` file)."""
    p = Path(path)
    if p.name.endswith(".meta.json"):
        return p
    return p.with_name(p.stem + ".meta.json")


def _json_line(text: str, needle: str) -> int | None:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else None


def load_meta(path: str | os.PathLike[str]) -> TranscriptMeta:
    """The metadata in the sidecar of transcript ``path``; defaults if there is none.

    The sidecar format is described in the module docstring. A sidecar that cannot
    be read, is not valid JSON, has an unknown key or a value of the wrong type
    raises :class:`~kg.errors.InputError` naming the sidecar file.
    """
    side = sidecar_path(path)
    shown = str(side)
    if not side.exists():
        return TranscriptMeta()
    raw = _read_bytes(side, shown, MAX_SIDECAR_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            shown,
            f"invalid UTF-8 at byte offset {exc.start}",
            line=_line_at(raw, exc.start),
            hint="save the sidecar as UTF-8",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            shown, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(shown, f"invalid JSON: {_one_line(exc)}") from None
    _check_strings(data, shown)
    if not isinstance(data, dict):
        raise InputError(
            shown,
            f"expected a JSON object, got {type(data).__name__}",
            hint="see the sidecar format in kg.ingest",
        )

    def fail(key: str, reason: str, hint: str | None = None) -> InputError:
        return InputError(shown, reason, line=_json_line(text, f'"{key}"'), hint=hint)

    for key in data:
        if key not in _META_FIELDS and not key.startswith("_"):
            raise fail(
                key, f"unknown field {key!r}", hint="known fields: " + ", ".join(_META_FIELDS)
            )

    def string_field(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise fail(key, f"field {key!r} must be a string, not {type(value).__name__}")
        return _normalise(value) or None

    title = string_field("title")
    source = string_field("source")
    date = string_field("date")
    if date is not None:
        m = _DATE_RE.match(date)
        valid = m is not None
        if m and m[2]:
            try:
                datetime.date(int(m[1]), int(m[2]), int(m[3] or 1))
            except ValueError:
                valid = False
        if not valid:
            raise fail(
                "date",
                f"field 'date' is not an ISO 8601 date: {date!r}",
                hint="use YYYY, YYYY-MM or YYYY-MM-DD",
            )
    url = string_field("url")
    if url is not None and not _URL_RE.match(url):
        raise fail("url", f"field 'url' is not an http(s) URL: {url!r}")
    language = string_field("language") or "en"
    if not _LANG_RE.match(language):
        raise fail(
            "language", f"field 'language' is not a language tag: {language!r}", hint='e.g. "en"'
        )
    speakers: list[Speaker] = []
    value = data.get("speakers")
    if value is not None and not isinstance(value, list):
        raise fail("speakers", f"field 'speakers' must be a list, not {type(value).__name__}")
    for i, item in enumerate(value or []):
        where = f"speakers[{i}]"
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise fail(
                "speakers", f"{where} must be an object or a name, not {type(item).__name__}"
            )
        for key in item:
            if key not in ("name", "role", "label", "labels") and not key.startswith("_"):
                raise fail(
                    "speakers",
                    f"{where}: unknown field {key!r}",
                    hint="known: name, role, label, labels",
                )
        name, role = item.get("name"), item.get("role")
        if not isinstance(name, str) or not _normalise(name):
            raise fail("speakers", f"{where}: 'name' must be a non-empty string")
        if role is not None and not isinstance(role, str):
            raise fail("speakers", f"{where}: 'role' must be a string")
        labels = item.get("labels", [])
        if "label" in item:
            labels = [item["label"], *labels] if isinstance(labels, list) else labels
        if not isinstance(labels, list) or not all(
            isinstance(x, str) and _normalise(x) for x in labels
        ):
            raise fail(
                "speakers",
                f"{where}: 'label' must be a string and 'labels' a list of strings",
                hint='e.g. "label": "SPEAKER_00"',
            )
        speakers.append(
            Speaker(
                _normalise(name),
                _normalise(role or "") or None,
                tuple(dict.fromkeys(_normalise(x) for x in labels)),
            )
        )
    return TranscriptMeta(
        title=title,
        date=date,
        url=url,
        source=source,
        speakers=tuple(speakers),
        language=language,
    )


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__


# --------------------------------------------------------------------------- discovery


def _skipped(name: str) -> bool:
    """Files in an input directory that are not transcripts."""
    lower = name.lower()
    return (
        name.startswith(".")
        or lower.endswith((".meta.json", ".md", "~"))
        or lower.startswith("readme")
    )


_SIDECAR_SUFFIX = ".meta.json"


def _is_sidecar(path: str | os.PathLike[str]) -> bool:
    return Path(path).name.lower().endswith(_SIDECAR_SUFFIX)


def transcripts_of_sidecar(path: str | os.PathLike[str]) -> list[Path]:
    """The transcript(s) whose sidecar ``path`` is: the files next to it named
    ``<stem>.<ext>`` for the sidecar ``<stem>.meta.json``. InputError if there is none."""
    p = Path(path)
    stem = p.name[: -len(_SIDECAR_SUFFIX)]
    try:
        found = sorted(
            c for c in p.parent.iterdir() if c.is_file() and c.stem == stem and not _skipped(c.name)
        )
    except OSError as exc:
        raise InputError(str(p), f"cannot list its folder: {exc.strerror or exc}") from None
    if not found:
        raise InputError(
            str(p),
            f"a metadata sidecar, and no transcript {stem}.* is next to it",
            hint="pass the transcript; its sidecar is read with it",
        )
    return found


def discover_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The transcript files named by ``paths``, in order, each once.

    A directory expands to the files directly inside it, sorted by name, skipping
    hidden files, ``*.meta.json`` sidecars, ``README*`` and ``*.md``; an explicit
    file is kept as given (even if it would be skipped in a directory), but an
    explicit sidecar ``<stem>.meta.json`` stands for its transcript ``<stem>.<ext>``
    (``kg build seeds/*`` passes both). A missing path, a sidecar without its
    transcript, or a directory with no transcript in it, raises InputError.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            found.append(p)

    for item in paths:
        p = Path(item)
        if p.is_dir():
            try:
                # everything but folders: a FIFO, device or dangling link in the folder
                # is then refused by the reader with its own line, not skipped silently
                children = sorted(c for c in p.iterdir() if not c.is_dir() and not _skipped(c.name))
            except OSError as exc:
                raise InputError(str(p), f"cannot list directory: {exc.strerror or exc}") from None
            if not children:
                raise InputError(
                    str(p),
                    "no transcript files in directory",
                    hint="hidden files, *.meta.json, README* and *.md are skipped",
                )
            for child in children:
                add(child)
        elif p.exists() and _is_sidecar(p):
            for transcript in transcripts_of_sidecar(p):
                add(transcript)
        elif p.exists():
            add(p)
        else:
            raise InputError(str(p), "no such file or directory")
    return found
