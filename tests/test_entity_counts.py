"""One definition of "the entities in a transcript" (mentioned in it, or speaking in it:
``Entity.transcripts``), and every place that counts them agrees: the index page,
SPARQL's ``transcript_overview``, the property graph of the exports and a real Kuzu
database loaded from it. On the seeds the speaker Dwarkesh Patel is never named in his
own transcript's text: he is the case that used to give three different numbers."""

from __future__ import annotations

import re

import pytest


def _index_counts(outputs) -> dict[str, int]:
    """Transcript id -> the Entities column of index.html."""
    page = (outputs / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<div class="id">([^<]+)</div></td><td>[^<]*</td><td>[^<]*</td>'
        r'<td class="n">[\d,]+</td><td class="n">([\d,]+)</td>',
        page,
    )
    return {tid: int(n.replace(",", "")) for tid, n in rows}


def test_a_speaker_never_named_is_in_the_transcript(kg):
    dwarkesh = kg.entity("dwarkesh-patel")
    assert not any(m.transcript_id == "001_e3e5ae1872f45ed1" for m in dwarkesh.mentions)
    assert "001_e3e5ae1872f45ed1" in dwarkesh.transcripts


def test_index_sparql_and_exports_count_the_same(kg, outputs, pg, tmp_path):
    expected = kg.entity_counts()
    assert set(expected) == {t.id for t in kg.transcripts} and all(expected.values())
    assert _index_counts(outputs) == expected

    from kg.sparql import load

    rows = load(outputs).query_named("transcript_overview")
    assert {r["transcriptId"]: int(r["entities"]) for r in rows} == expected

    per_transcript: dict[str, int] = {}
    for rel in pg.rel_table("MENTIONED_IN").rows:
        per_transcript[rel.end] = per_transcript.get(rel.end, 0) + 1
    assert per_transcript == expected

    kuzu = pytest.importorskip("kuzu")
    from kg.export import export

    target = tmp_path / "counts.kuzu"
    export("kuzu", outputs, target)
    conn = kuzu.Connection(kuzu.Database(str(target), read_only=True))
    result = conn.execute(
        "MATCH (e:Entity)-[:MENTIONED_IN]->(t:Transcript) RETURN t.id, count(e) ORDER BY t.id"
    )
    assert dict(result.get_all()) == expected
