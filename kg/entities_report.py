"""``kg entities``: the entities of the last build as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .csv_safety import spreadsheet_cell
from .errors import printable
from .graph import load_graph
from .model import ENTITY_TYPES

__all__ = ["entity_rows", "entities_table"]


def entity_rows(outputs_dir: str | Path, etype: str | None = None) -> list[dict]:
    """One row per entity: key, label, type, mentions, transcripts, aliases (most mentioned first)."""
    if etype and etype not in ENTITY_TYPES:
        from .errors import KgError

        raise KgError(f"unknown type {etype!r}; use one of {', '.join(ENTITY_TYPES)}")
    kg = load_graph(outputs_dir)
    rows = [
        {
            "key": e.key,
            "label": e.label,
            "type": e.type,
            "mentions": len(e.mentions),
            "transcripts": list(e.transcripts),
            "aliases": list(e.aliases),
        }
        for e in kg.entities
        if not etype or e.type == etype
    ]
    rows.sort(key=lambda r: (-r["mentions"], r["label"].casefold(), r["key"]))
    return rows


def entities_table(
    outputs_dir: str | Path,
    etype: str | None = None,
    fmt: str = "table",
    spreadsheet: bool = False,
) -> str:
    """The entities as ``fmt``: an aligned table for the terminal (control characters
    shown as escapes), CSV (``spreadsheet``: cells that start like a formula get a
    ``'``, see :mod:`kg.csv_safety`; else the exact data), or JSON."""
    rows = entity_rows(outputs_dir, etype)
    cell = spreadsheet_cell if spreadsheet else str
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["key", "label", "type", "mentions", "transcripts", "aliases"])
        for r in rows:
            writer.writerow(
                [
                    cell(value)
                    for value in (
                        r["key"],
                        r["label"],
                        r["type"],
                        r["mentions"],
                        ";".join(r["transcripts"]),
                        ";".join(r["aliases"]),
                    )
                ]
            )
        return buf.getvalue()
    header = ("label", "type", "mentions", "transcripts", "aliases")
    table = [header] + [
        (
            printable(r["label"]),
            r["type"],
            str(r["mentions"]),
            printable(", ".join(r["transcripts"])),
            printable(", ".join(r["aliases"])),
        )
        for r in rows
    ]
    widths = [min(40, max(len(row[i]) for row in table)) for i in range(len(header))]
    lines = [
        "  ".join(_cut(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + f"\n{len(rows)} entities\n"


def _cut(cell: str, width: int) -> str:
    """``cell`` padded to ``width``; a longer one cut to end in an ellipsis."""
    return cell[: width - 1] + "…" if len(cell) > width else cell.ljust(width)
