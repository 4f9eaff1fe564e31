"""``kg validate``: check the last build against ``ontology/shapes.ttl`` with pyshacl
and say, in plain words, what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .errors import OutputsMissingError
from .ontology import ONTOLOGY_DIR, ontology_graph

__all__ = ["ValidationReport", "validate_graph", "validate_outputs"]


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[str, ...]
    text: str


def validate_graph(data: Graph) -> ValidationReport:
    """Validate a graph (the ontology is merged in, so sub-property paths resolve)."""
    import pyshacl

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    merged = Graph()
    for triple in data:
        merged.add(triple)
    for triple in ontology_graph():
        merged.add(triple)
    conforms, results, _ = pyshacl.validate(
        merged, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    violations = []
    for result in sorted(results.subjects(SH.resultSeverity, SH.Violation), key=str):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        label = data.value(focus, _LABEL) if focus is not None else None
        where = f"{focus}" + (f" ({label})" if label else "")
        violations.append(
            f"{where}: {message or 'violates a shape'}" + (f" [path {path}]" if path else "")
        )
    violations = sorted(set(violations))
    if conforms:
        text = "valid: the graph conforms to ontology/shapes.ttl\n"
    else:
        text = (
            "".join(f"violation: {v}\n" for v in violations) + f"{len(violations)} violation(s)\n"
        )
    return ValidationReport(conforms, tuple(violations), text)


def validate_outputs(outputs_dir: str | Path) -> ValidationReport:
    path = Path(outputs_dir) / "graph.nt"
    if not path.is_file():
        raise OutputsMissingError(str(outputs_dir))
    return validate_graph(Graph().parse(path, format="nt"))


_LABEL = __import__("rdflib").RDFS.label
