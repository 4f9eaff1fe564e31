"""The user's corrections, kept beside the transcripts and applied on every build.

A curation file (``kg-curation.toml`` beside the inputs, or the file the setting
``curation`` names) holds entries such as::

    [[merge]]
    from = "Jeff"
    into = "Geoffrey Hinton"

    [[type]]
    entity = "Mila"
    type = "Organization"

Kinds (:data:`KINDS`): merge, split (by alias or by transcript), rename, type, drop,
drop_relation (a relation, or one of its assertions by quote or transcript), alias,
relation (added with a quote found in a transcript, or a note). Entities are named by
their label, an alias or their id, case and punctuation ignored, as in the graph the
build would make without the file; a later entry sees what earlier ones did.

They are applied at resolution (:func:`kg.resolve.resolve` calls :meth:`Curation.plan`),
never to cached extractions, so a correction survives every rebuild and removing the
file gives back the graph as it was. An entry that cannot be applied (an unknown
entity or type, a merge into itself or back into what was merged, a relation that is
not there) is reported in one line with its file and line, and the build goes on
without it. Each applied entry is a :class:`~kg.model.Correction` of the graph; the
names and types it set say so in their explanation (``kg explain``).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .model import ENTITY_TYPES, Correction, Entity, Evidence, Mention, NameOrigin, Relation
from .ontology import RELATION_SIGNATURES

__all__ = [
    "CURATION_FILE",
    "KINDS",
    "Entry",
    "Curation",
    "Plan",
    "read_curation",
    "load_curation",
    "find_curation_files",
    "append_entry",
    "entry_text",
]

#: The file name looked for beside the inputs.
CURATION_FILE = "kg-curation.toml"

#: Each kind of entry: its required fields, then its optional ones (the order written).
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "merge": (("from", "into"), ()),
    "split": (("entity",), ("alias", "transcript", "label", "type")),
    "rename": (("entity", "label"), ()),
    "type": (("entity", "type"), ()),
    "drop": (("entity",), ()),
    "drop_relation": (("subject", "object"), ("predicate", "quote", "transcript")),
    "alias": (("entity", "alias"), ()),
    "relation": (("subject", "predicate", "object"), ("quote", "note", "transcript")),
}

#: Typed relations a ``relation`` entry may add, with their domain and range.
_SIGNATURES = RELATION_SIGNATURES


def _norm(name: str) -> str:
    """A name as entries match it: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def entity_type(name: str) -> str | None:
    """The entity class a user wrote ("organization" -> "Organization"), or None."""
    return next((t for t in ENTITY_TYPES if t.lower() == name.strip().lower()), None)


@dataclass(frozen=True)
class Entry:
    """One entry of a curation file: its kind, its fields and where it is written."""

    kind: str
    fields: dict[str, str]
    file: str
    line: int

    def get(self, name: str) -> str | None:
        return self.fields.get(name)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def summary(self) -> str:
        """The entry in one line of words ("merge 'Jeff' into 'Geoffrey Hinton'")."""
        f = self.fields
        if self.kind == "merge":
            return f"merge '{f['from']}' into '{f['into']}'"
        if self.kind == "split":
            what = f"'{f['alias']}'" if "alias" in f else f"its mentions in {f.get('transcript')}"
            return f"split {what} off '{f['entity']}'" + (
                f" as '{f['label']}'" if "label" in f else ""
            )
        if self.kind == "rename":
            return f"rename '{f['entity']}' to '{f['label']}'"
        if self.kind == "type":
            return f"type '{f['entity']}' as {f['type']}"
        if self.kind == "drop":
            return f"drop '{f['entity']}'"
        if self.kind == "alias":
            return f"add the alias '{f['alias']}' to '{f['entity']}'"
        triple = f"'{f['subject']}' {f.get('predicate', '*')} '{f['object']}'"
        if self.kind == "drop_relation":
            one = f.get("quote") or f.get("transcript")
            return f"drop {triple}" + (f" (the assertion of {one!r})" if one else "")
        return f"add {triple}" + (f" (quote {f['quote']!r})" if "quote" in f else " (a note)")

    def explain(self) -> str:
        return f"{self.where} {self.summary()}"

    def problem(self, reason: str) -> str:
        return f"{self.where}: {self.kind}: {reason} (entry skipped)"


@dataclass
class Curation:
    """The entries of the build's curation files, and one line per one unreadable."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def plan(self, entities, slug_of, members, transcripts) -> Plan:
        """The structural corrections (merge, split, drop) resolved against the graph
        as it would be without them; see :class:`Plan`."""
        return Plan(self, entities, slug_of, members, transcripts)


def find_curation_files(paths: Iterable[str | Path], setting: str = "") -> list[Path]:
    """The curation files of a build: the one ``setting`` names ("off": none), else
    ``kg-curation.toml`` in each input folder and beside each input file, each once."""
    if setting == "off":
        return []
    if setting:
        return [Path(setting)]
    found, seen = [], set()
    for item in paths:
        p = Path(item)
        candidate = (p if p.is_dir() else p.parent) / CURATION_FILE
        if candidate.is_file() and candidate.resolve() not in seen:
            seen.add(candidate.resolve())
            found.append(candidate)
    return found


def load_curation(files: Iterable[str | Path]) -> Curation:
    """Every entry of ``files``, in order."""
    out = Curation()
    for path in files:
        one = read_curation(path)
        out.entries += one.entries
        out.problems += one.problems
        out.files += one.files
    return out


_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z_][\w-]*)\s*\]\]")


def read_curation(path: str | Path) -> Curation:
    """The entries of one curation file; a file that cannot be read or parsed, and
    each malformed entry, is one line in ``problems``."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Curation(problems=[f"{name}: no such curation file"])
    except (OSError, UnicodeDecodeError) as exc:
        return Curation(problems=[f"{name}: cannot read it ({exc}); no correction applied"])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+)", str(exc))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        where = f"{name}:{at.group(1)}" if at else name
        return Curation(problems=[f"{where}: not valid TOML ({reason}); no correction applied"])
    headers: dict[str, list[int]] = defaultdict(list)
    for number, line in enumerate(text.splitlines(), start=1):
        m = _HEADER.match(line)
        if m:
            headers[m.group(1)].append(number)
    out = Curation(files=[name])
    items = []
    for kind, value in data.items():
        lines = headers.get(kind, [])
        if kind not in KINDS:
            line = lines[0] if lines else _key_line(text, kind)
            known = ", ".join(KINDS)
            out.problems.append(f"{name}:{line}: unknown kind {kind!r} (known: {known}); skipped")
            continue
        tables = value if isinstance(value, list) else [value]
        for i, table in enumerate(tables):
            line = lines[i] if i < len(lines) else _key_line(text, kind)
            items.append((line, kind, table))
    for line, kind, table in sorted(items, key=lambda x: x[0]):
        entry, problem = _entry(kind, table, name, line)
        if problem:
            out.problems.append(problem)
        else:
            out.entries.append(entry)
    return out


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return number
    return 1


def _entry(kind: str, table, file: str, line: int) -> tuple[Entry | None, str | None]:
    where = f"{file}:{line}: {kind}"
    if not isinstance(table, dict):
        return None, f"{where}: write it as a [[{kind}]] table (entry skipped)"
    required, optional = KINDS[kind]
    unknown = sorted(set(table) - set(required) - set(optional))
    if unknown:
        known = ", ".join(required + optional)
        return None, f"{where}: unknown field {unknown[0]!r} (known: {known}) (entry skipped)"
    missing = [k for k in required if k not in table]
    if missing:
        return None, f"{where}: needs {', '.join(repr(k) for k in missing)} (entry skipped)"
    fields = {}
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            return None, f"{where}: {key!r} must be a non-empty string (entry skipped)"
        fields[key] = value.strip()
    entry = Entry(kind, fields, file, line)
    for key in ("type",):
        if key in fields and entity_type(fields[key]) is None:
            return None, entry.problem(
                f"unknown type {fields[key]!r} (known: {', '.join(ENTITY_TYPES)})"
            )
    if kind == "split" and ("alias" in fields) == ("transcript" in fields):
        return None, entry.problem("give either 'alias' or 'transcript'")
    if kind == "relation" and ("quote" in fields) == ("note" in fields):
        return None, entry.problem("give either 'quote' or 'note'")
    return entry, None


# -- writing --------------------------------------------------------------------------


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def entry_text(kind: str, fields: dict[str, str]) -> str:
    """An entry as the TOML block ``kg curate`` appends (fields in the order of KINDS)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    required, optional = KINDS[kind]
    lines = [f"[[{kind}]]"]
    for key in required + optional:
        if fields.get(key):
            lines.append(f"{key} = {_toml_string(fields[key])}")
    return "\n".join(lines) + "\n"


def append_entry(path: str | Path, kind: str, fields: dict[str, str]) -> Entry:
    """Append one entry to a curation file (created if missing); returns it as read
    back, with its line. Raises ValueError, with the reason, for an entry that the
    file would report as malformed."""
    path = Path(path)
    block = entry_text(kind, fields)
    entry, problem = _entry(kind, dict(fields), str(path), 0)
    if problem:
        raise ValueError(problem.split(": ", 1)[1].replace(" (entry skipped)", ""))
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    if old and not old.endswith("\n"):
        old += "\n"
    text = old + ("\n" if old else "") + block
    before = read_curation(path) if old else Curation()
    if before.problems and not before.entries and "not valid TOML" in before.problems[0]:
        raise ValueError(before.problems[0])
    line = text.count("\n", 0, len(text) - len(block)) + 1
    path.write_text(text, encoding="utf-8")
    return replace(entry, line=line)


# -- applying -------------------------------------------------------------------------


@dataclass
class _Step:
    kind: str  # merge, split, drop
    entry: Entry
    source: str  # the group (resolver key) it applies to
    target: str | None = None
    alias: str | None = None  # split: the normalised alias
    transcript: str | None = None  # split: the transcript id

    def takes(self, m: Mention) -> bool:
        if self.kind != "split":
            return True
        if self.alias is not None:
            return _norm(m.surface) == self.alias
        return m.transcript_id == self.transcript


class _Names:
    """Names -> resolver keys: labels and ids first, then aliases."""

    def __init__(self):
        self.primary: dict[str, set[str]] = defaultdict(set)
        self.secondary: dict[str, set[str]] = defaultdict(set)
        self.labels: dict[str, str] = {}
        self.of: dict[str, set[tuple[bool, str]]] = defaultdict(set)  # key -> its names

    def add(self, key: str, label: str, ids: Iterable[str], aliases: Iterable[str]) -> None:
        self.labels[key] = label
        for name in (label, *ids):
            self.name(key, name, primary=True)
        for name in aliases:
            self.name(key, name, primary=False)

    def name(self, key: str, name: str, primary: bool) -> None:
        (self.primary if primary else self.secondary)[_norm(name)].add(key)
        self.of[key].add((primary, _norm(name)))

    def move(self, source: str, target: str | None) -> None:
        """Every name of ``source`` now names ``target`` (None: nothing)."""
        for primary, name in self.of.pop(source, ()):
            keys = (self.primary if primary else self.secondary)[name]
            keys.discard(source)
            if target is not None:
                keys.add(target)
                self.of[target].add((primary, name))

    def find(self, name: str) -> tuple[str | None, str | None]:
        """(key, None) or (None, the reason no single entity has that name)."""
        n = _norm(name)
        for table in (self.primary, self.secondary):
            keys = table.get(n, set())
            if len(keys) == 1:
                return next(iter(keys)), None
            if len(keys) > 1:
                names = ", ".join(sorted(f"'{self.labels.get(k, k)}'" for k in keys))
                return None, f"{name!r} names {len(keys)} entities ({names}); use a label or id"
        return None, f"no entity called {name!r} in this build"


class Plan:
    """The corrections of one build, resolved against its entities.

    Built from the graph the build would make without them (``entities``, their keys
    ``slug_of`` and the mentions of each key ``members``): merge, split and drop
    become steps that :meth:`route` applies to each mention's key, in file order.
    :meth:`apply_to_entities` then renames, retypes and adds aliases, and
    :meth:`apply_to_relations` drops and adds relations.
    """

    def __init__(self, curation: Curation, entities, slug_of, members, transcripts):
        self.problems: list[str] = list(curation.problems)
        self.entries = curation.entries
        self.transcripts = transcripts
        self.steps: list[_Step] = []
        self.by_source: dict[str, list[int]] = defaultdict(list)
        #: split groups: their label and type, and why
        self.fixed: dict[str, tuple[str | None, str | None, str]] = {}
        self.applied: dict[int, tuple[Entry, list[str]]] = {}  # entry index -> keys
        self.slug_of: dict[str, str] = {}
        key_of = {slug: key for key, slug in slug_of.items()}
        names = _Names()
        for e in entities:
            ids = (e.key, e.lexicon_id) if e.lexicon_id else (e.key,)
            names.add(key_of[e.key], e.label, ids, e.aliases)
        members = {k: list(v) for k, v in members.items()}
        merged_at: dict[str, int] = {}
        for i, entry in enumerate(self.entries):
            if entry.kind not in ("merge", "split", "drop"):
                continue
            if entry.kind == "merge":
                self._merge(i, entry, names, members, merged_at)
            elif entry.kind == "split":
                self._split(i, entry, names, members)
            else:
                key, why = names.find(entry.fields["entity"])
                if key is None:
                    self.problems.append(entry.problem(why))
                    continue
                self._step(_Step("drop", entry, key))
                names.move(key, None)
                members.pop(key, None)
                self.applied[i] = (entry, [key])

    def _step(self, step: _Step) -> None:
        self.by_source[step.source].append(len(self.steps))
        self.steps.append(step)

    def _merge(self, i, entry, names, members, merged_at) -> None:
        source, why = names.find(entry.fields["from"])
        target, why_target = names.find(entry.fields["into"])
        if source is None or target is None:
            self.problems.append(entry.problem(why or why_target))
            return
        if source == target:
            earlier = merged_at.get(source)
            self.problems.append(
                entry.problem(
                    f"'{entry.fields['from']}' and '{entry.fields['into']}' are one entity "
                    + (
                        f"since the merge at line {earlier}: a cycle"
                        if earlier
                        else "already (a merge into itself)"
                    )
                )
            )
            return
        self._step(_Step("merge", entry, source, target))
        names.move(source, target)
        members.setdefault(target, []).extend(members.pop(source, []))
        merged_at[target] = entry.line
        self.applied[i] = (entry, [target])

    def _split(self, i, entry, names, members) -> None:
        f = entry.fields
        source, why = names.find(f["entity"])
        if source is None:
            self.problems.append(entry.problem(why))
            return
        new = f"split:{entry.file}:{entry.line}"
        step = _Step(
            "split",
            entry,
            source,
            new,
            alias=_norm(f["alias"]) if "alias" in f else None,
            transcript=f.get("transcript"),
        )
        taken = [m for m in members.get(source, []) if step.takes(m)]
        if not taken:
            what = (
                f"the alias {f['alias']!r}" if "alias" in f else f"transcript {f['transcript']!r}"
            )
            self.problems.append(entry.problem(f"'{f['entity']}' has no mention by {what}"))
            return
        if len(taken) == len(members[source]):
            self.problems.append(entry.problem(f"every mention of '{f['entity']}' would go"))
            return
        self._step(step)
        members[source] = [m for m in members[source] if not step.takes(m)]
        members[new] = taken
        label = f.get("label") or f.get("alias")
        etype = entity_type(f["type"]) if "type" in f else None
        self.fixed[new] = (label, etype, entry.explain())
        if label:
            names.name(new, label, primary=True)
            names.labels[new] = label
        if "alias" in f:
            names.secondary[step.alias].discard(source)
            names.of[source].discard((False, step.alias))
            names.name(new, f["alias"], primary=False)
        self.applied[i] = (entry, [source, new])

    def route(self, m: Mention, key: str) -> tuple[str | None, Entry | None]:
        """Where the corrections send a mention that resolution gave ``key``: its new key
        (None: dropped) and the entry that moved it last (None: not moved)."""
        moved, position = None, -1
        while True:
            nxt = next((i for i in self.by_source.get(key, ()) if i > position), None)
            if nxt is None:
                return key, moved
            step, position = self.steps[nxt], nxt
            if step.kind == "drop":
                return None, step.entry
            if step.takes(m):
                key, moved = step.target, step.entry

    # -- after the entities are made ----------------------------------------------------

    def apply_to_entities(self, entities: list[Entity], slug_of: dict[str, str]) -> list[Entity]:
        """Renames, types and aliases, in file order, on the entities of the build."""
        self.slug_of = slug_of
        by_key = {e.key: e for e in entities}
        names = _final_names(entities)
        for i, entry in enumerate(self.entries):
            if entry.kind not in ("rename", "type", "alias"):
                continue
            key, why = names.find(entry.fields["entity"])
            if key is None:
                self.problems.append(entry.problem(why))
                continue
            e = by_key[key]
            changed = _change(e, entry)
            if isinstance(changed, str):
                self.problems.append(entry.problem(changed))
                continue
            by_key[key] = changed
            if entry.kind != "type":  # the new name names it from the next entry on
                table = names.primary if entry.kind == "rename" else names.secondary
                table[
                    _norm(changed.label if entry.kind == "rename" else entry.fields["alias"])
                ].add(key)
                names.labels[key] = changed.label
            self.applied[i] = (entry, [key])
        return [by_key[e.key] for e in entities]

    def apply_to_relations(self, entities: list[Entity], relations: list[Relation]):
        """Relations dropped (or one assertion of one) and added, in file order."""
        by_key = {e.key: e for e in entities}
        names = _final_names(entities)
        relations = list(relations)
        for i, entry in enumerate(self.entries):
            if entry.kind not in ("drop_relation", "relation"):
                continue
            f = entry.fields
            (s, why_s), (o, why_o) = names.find(f["subject"]), names.find(f["object"])
            if s is None or o is None:
                self.problems.append(entry.problem(why_s or why_o))
                continue
            if entry.kind == "drop_relation":
                result = _drop_relation(relations, s, o, entry)
            else:
                result = self._add_relation(relations, by_key[s], by_key[o], entry)
            if isinstance(result, str):
                self.problems.append(entry.problem(result))
                continue
            relations = result
            self.applied[i] = (entry, [s, o])
        return relations

    def corrections(self) -> tuple[Correction, ...]:
        """The applied entries as the graph records them, with the entities' keys."""
        out = []
        for entry, keys in self.applied.values():
            slugs = sorted({self.slug_of.get(k, k) for k in keys})
            out.append(
                Correction(entry.file, entry.line, entry.kind, entry.summary(), tuple(slugs))
            )
        return tuple(sorted(out, key=lambda c: (c.file, c.line)))

    def _add_relation(self, relations, subject: Entity, obj: Entity, entry: Entry):
        f = entry.fields
        predicate = f["predicate"]
        kind = "typed" if predicate in _SIGNATURES else "open"
        if kind == "typed":
            domain, range_ = _SIGNATURES[predicate]
            if subject.type not in domain or obj.type not in range_:
                return (
                    f"{predicate} goes from {' or '.join(sorted(domain))} to "
                    f"{' or '.join(sorted(range_))}, not {subject.type} to {obj.type}"
                )
        else:
            predicate = "_".join(predicate.split())
        evidence = self._evidence(subject, obj, entry)
        if isinstance(evidence, str):
            return evidence
        out, done = [], False
        for r in relations:
            if (r.subject, r.predicate, r.object, r.kind, r.negated) == (
                subject.key,
                predicate,
                obj.key,
                kind,
                False,
            ):
                r = _with_evidence(r, evidence)
                done = True
            out.append(r)
        if not done:
            out.append(
                Relation(
                    subject.key,
                    predicate,
                    obj.key,
                    kind,
                    (evidence,),
                    count=1,
                    counts=((evidence.transcript_id, 1),),
                )
            )
        return sorted(out, key=lambda r: (r.subject, r.predicate, r.object, r.kind, r.negated))

    def _evidence(self, subject: Entity, obj: Entity, entry: Entry) -> Evidence | str:
        """The evidence of an added relation: its quote found in a transcript (the one
        named, else the first that has it), or its note, placed in the transcript named,
        else the first both entities are mentioned in, else the subject's first."""
        f = entry.fields
        transcripts = self.transcripts
        if "transcript" in f and f["transcript"] not in transcripts:
            return f"no transcript {f['transcript']!r} in this build"
        extractor = f"curation:{Path(entry.file).name}:{entry.line}"
        if "quote" in f:
            words = [re.escape(w) for w in re.findall(r"\w+", f["quote"])]
            if not words:
                return "the quote has no words"
            pattern = re.compile(r"\b" + r"\W+".join(words) + r"\b", re.IGNORECASE)
            ids = [f["transcript"]] if "transcript" in f else sorted(transcripts)
            for tid in ids:
                t = transcripts[tid]
                m = pattern.search(t.text)
                if m:
                    seg = t.segment_at(m.start())
                    start, end = t.time_span(m.start(), m.end())
                    return Evidence(
                        tid, seg.index, m.start(), m.end(), m.group(0), extractor, 1.0,
                        start, end, seg.speaker,
                    )  # fmt: skip
            where = f"transcript {f['transcript']}" if "transcript" in f else "any transcript"
            return f"the quote {f['quote']!r} is not in {where}"
        both = sorted(set(subject.transcripts) & set(obj.transcripts))
        tid = f.get("transcript") or (both or list(subject.transcripts) or sorted(transcripts))[0]
        seg = transcripts[tid].segments[0]
        return Evidence(tid, seg.index, seg.char_start, seg.char_start, f["note"], extractor, 1.0)


def _final_names(entities: Iterable[Entity]) -> _Names:
    names = _Names()
    for e in entities:
        ids = (e.key, e.lexicon_id) if e.lexicon_id else (e.key,)
        names.add(e.key, e.label, ids, e.aliases)
    return names


def _change(e: Entity, entry: Entry) -> Entity | str:
    """``e`` renamed, retyped or with one more alias, or why that changes nothing."""
    f, why = entry.fields, entry.explain()
    if entry.kind == "type":
        etype = entity_type(f["type"])
        if etype == e.type:
            return f"'{e.label}' is a {etype} already"
        return replace(e, type=etype, type_reason=f"correction: {why}")
    new = f["label"] if entry.kind == "rename" else f["alias"]
    if new in (e.label, *e.aliases):
        return f"{new!r} is a name of '{e.label}' already"
    origins = {o.name: o for o in e.origins}
    origins[new] = NameOrigin(new, "correction", why)
    if entry.kind == "alias":
        aliases = tuple(sorted({*e.aliases, new}))
        return replace(e, aliases=aliases, origins=tuple(origins[n] for n in sorted(origins)))
    aliases = tuple(sorted({*e.aliases, e.label} - {new}))
    return replace(
        e, label=new, aliases=aliases, origins=tuple(origins[n] for n in sorted(origins))
    )


def _drop_relation(relations: list[Relation], s: str, o: str, entry: Entry):
    """``relations`` without the relation(s) ``entry`` names, or without the assertions
    its quote or transcript picks; or why nothing matches."""
    f = entry.fields
    predicate = f.get("predicate")
    quote, tid = f.get("quote"), f.get("transcript")
    out, hit = [], False
    for r in relations:
        pair = (r.subject, r.object) == (s, o) or (
            r.kind == "comention" and (r.subject, r.object) == (o, s)
        )
        same = predicate is None or _norm(predicate) in (_norm(r.predicate), r.predicate.lower())
        if not (pair and same):
            out.append(r)
            continue
        if quote is None and tid is None:
            hit = True
            continue
        keep = [
            v
            for v in r.evidence
            if not (
                (tid is None or v.transcript_id == tid)
                and (quote is None or _norm(quote) in _norm(v.quote))
            )
        ]
        if len(keep) == len(r.evidence):
            out.append(r)
            continue
        hit = True
        if keep:
            out.append(_without(r, [v for v in r.evidence if v not in keep]))
    if not hit:
        return "matches no relation of this build"
    return out


def _without(r: Relation, gone: list[Evidence]) -> Relation:
    counts = dict(r.counts)
    for v in gone:
        counts[v.transcript_id] = counts.get(v.transcript_id, 1) - 1
    return replace(
        r,
        evidence=tuple(v for v in r.evidence if v not in gone),
        count=max(1, r.count - len(gone)),
        counts=tuple(sorted((t, n) for t, n in counts.items() if n > 0)),
    )


def _with_evidence(r: Relation, v: Evidence) -> Relation:
    counts = dict(r.counts)
    counts[v.transcript_id] = counts.get(v.transcript_id, 0) + 1
    evidence = sorted((*r.evidence, v), key=lambda x: (x.transcript_id, x.char_start, x.extractor))
    return replace(
        r,
        evidence=tuple(evidence),
        count=r.count + 1,
        counts=tuple(sorted(counts.items())),
    )
