"""``kg validate``: check the last build against ``ontology/shapes.ttl`` with pyshacl
and say, in plain words, what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .errors import OutputsMissingError
from .ontology import ontology_file, ontology_graph

__all__ = ["ValidationReport", "validate_graph", "validate_outputs"]


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[str, ...]
    text: str


def validate_graph(data: Graph, ontology: str = "") -> ValidationReport:
    """Validate a graph (the ontology is merged in, so sub-property paths resolve).

    ``ontology`` is the ``ontology`` setting: a folder whose ``shapes.ttl`` and
    ``kg.ttl`` replace the built-in ones (each one it lacks stays built-in)."""
    import pyshacl

    shapes_path = ontology_file("shapes.ttl", ontology)
    shapes = Graph().parse(shapes_path, format="turtle")
    merged = Graph()
    for triple in data:
        merged.add(triple)
    for triple in ontology_graph(ontology):
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
        shown = shapes_path if ontology else "ontology/shapes.ttl"
        text = f"valid: the graph conforms to {shown}\n"
    else:
        text = (
            "".join(f"violation: {v}\n" for v in violations) + f"{len(violations)} violation(s)\n"
        )
    return ValidationReport(conforms, tuple(violations), text)


def validate_outputs(outputs_dir: str | Path, ontology: str = "") -> ValidationReport:
    """Validate the ``graph.nt`` of a build (see :func:`validate_graph`)."""
    path = Path(outputs_dir) / "graph.nt"
    if not path.is_file():
        raise OutputsMissingError(str(outputs_dir))
    return validate_graph(Graph().parse(path, format="nt"), ontology)


_LABEL = __import__("rdflib").RDFS.label
