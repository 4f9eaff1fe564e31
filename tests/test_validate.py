"""SHACL validation of real builds: the seeds' graph conforms; graphs broken on
purpose do not, and the messages say what is wrong and where."""

from __future__ import annotations

import shutil
from decimal import Decimal

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, XSD

from kg.cli import main
from kg.ontology import KG
from kg.validate import validate_graph


def _graph(seeds_build) -> Graph:
    return Graph().parse(seeds_build.outputs_dir / "graph.nt", format="nt")


def test_seeds_build_is_valid(seeds_build, capsys):
    assert main(["validate", "-o", str(seeds_build.outputs_dir)]) == 0
    assert "valid" in capsys.readouterr().out


def test_relation_without_evidence_is_reported(seeds_build):
    g = _graph(seeds_build)
    assertion = next(g.subjects(KG.kind, Literal("typed")))
    s, p, o = (g.value(assertion, t) for t in (RDF.subject, RDF.predicate, RDF.object))
    for other in list(g.subjects(RDF.subject, s)):
        if g.value(other, RDF.predicate) == p and g.value(other, RDF.object) == o:
            g.remove((other, None, None))
    report = validate_graph(g)
    assert not report.conforms
    assert any("evidence" in v.lower() and str(s) in v for v in report.violations), report.text


def test_second_label_and_reversed_times_are_reported(seeds_build):
    g = _graph(seeds_build)
    entity = next(g.subjects(RDF.type, KG.Person))
    g.add((entity, RDFS.label, Literal("A second name")))
    timed = next(
        s for s in g.subjects(RDF.type, KG.Assertion) if g.value(s, KG.startTime) is not None
    )
    g.set((timed, KG.endTime, Literal(Decimal("0.5"), datatype=XSD.decimal)))
    g.set((timed, KG.startTime, Literal(Decimal("9.5"), datatype=XSD.decimal)))
    report = validate_graph(g)
    assert not report.conforms
    text = report.text
    assert str(entity) in text and str(timed) in text, text


def test_cli_exits_non_zero_on_a_broken_build(seeds_build, tmp_path, capsys):
    broken = tmp_path / "outputs"
    shutil.copytree(seeds_build.outputs_dir, broken, ignore=shutil.ignore_patterns("store"))
    g = Graph().parse(broken / "graph.nt", format="nt")
    mention = next(g.subjects(RDF.type, KG.Mention))
    g.set((mention, KG.charStart, Literal(-5)))
    g.serialize(broken / "graph.nt", format="nt", encoding="utf-8")
    assert main(["validate", "-o", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "violation" in out and str(mention) in out and "Traceback" not in out
