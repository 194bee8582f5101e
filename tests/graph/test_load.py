"""A built graph read back: from the extraction record, from the RDF, and what bad input says."""
import pytest

from kg.graph.load import from_record, from_rdf, load_graph
from kg.graph.merge import merge
from kg.pipeline import extract
from kg.read import InputError
from kg.write.jsonl import write_jsonl
from kg.rdf.graph import to_rdf


def _nodes(kg):
    return {i: (n.name, n.type, n.aliases, n.docs) for i, n in kg.nodes.items()}


def _facts(kg):
    return [(t.subject.id, t.predicate, t.object.id if t.object else t.value, t.role, t.provenance)
            for t in kg.triples]


def test_the_record_gives_back_the_graph_it_was_written_from(tmp_path, weifang, weifang_000):
    built = merge([weifang, weifang_000])
    write_jsonl([weifang, weifang_000], tmp_path / "extraction.jsonl")
    loaded = load_graph(tmp_path)
    assert _nodes(loaded) == _nodes(built)
    assert _facts(loaded) == _facts(built)      # posts, amounts and evidence sentences with their spans
    assert loaded.documents == built.documents


def test_rdf_gives_the_same_nodes_and_links_without_evidence(tmp_path, weifang, weifang_000):
    built = merge([weifang, weifang_000])
    to_rdf(built).serialize(tmp_path / "graph.ttl", format="turtle")
    loaded = from_rdf(tmp_path / "graph.ttl")
    assert _nodes(loaded) == _nodes(built)
    # the plain links: one per subject, relation and object, however many sentences state it
    assert {f[:3] for f in _facts(loaded)} == {f[:3] for f in _facts(built)}
    assert all(t.provenance is None and not t.role for t in loaded.triples)


def test_seeds_record_and_rdf_agree(seeds_build):
    record, rdf = from_record(seeds_build / "extraction.jsonl"), from_rdf(seeds_build / "graph.ttl")
    assert len(record.nodes) > 400
    assert _nodes(record) == _nodes(rdf)
    stated, linked = {f[:3] for f in _facts(record)}, {f[:3] for f in _facts(rdf)}
    assert stated <= linked
    # the RDF also puts cities in their provinces, from the division codes rather than a sentence
    assert all(p == "locatedIn" and rdf.nodes[s].type == rdf.nodes[o].type == "Place" for s, p, o in linked - stated)
    assert load_graph(seeds_build).triples[0].provenance is not None, "a build folder is read from its record"


@pytest.mark.parametrize("content, message", [
    ('{"kind": "entity", "doc": "a", "name": "甲高新区", "type": "Zone"}\nnot json\n', ":2: not a line of the extraction record"),
    ('{"kind": "triple", "doc": "a", "subject": "甲高新区", "predicate": "locatedIn", "object": "乙市"}\n',
     ":1: the triple names an entity that no entity line of its document has"),
    ('{"kind": "entity", "doc": "a", "name": "甲高新区", "type": "Zone", "confidence": 1.2}\n',
     ':1: "confidence" is a number from 0 to 1'),
    ('{"kind": "entity", "doc": "a", "name": "甲高新区", "type": "Zone", "confidence": "0.5"}\n',
     ':1: "confidence" is a number from 0 to 1'),
])
def test_a_broken_record_is_one_clear_error(tmp_path, content, message):
    (tmp_path / "extraction.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_graph(tmp_path)


def test_missing_or_unreadable_graphs(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_graph(tmp_path / "nowhere")
    with pytest.raises(InputError, match="holds neither extraction.jsonl nor graph.ttl"):
        load_graph(tmp_path)
    (tmp_path / "graph.ttl").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="graph.ttl: not valid Turtle at line 1, column 1: "):
        load_graph(tmp_path / "graph.ttl")
    (tmp_path / "graph.csv").write_text("a,b", encoding="utf-8")
    with pytest.raises(InputError, match="neither an extraction record"):
        load_graph(tmp_path / "graph.csv")


def test_a_pages_own_body_comes_back_as_its_own_node(tmp_path):
    # 省委 of two pages that name no province are two provinces' committees: two nodes, read back as two
    pages = [extract("省委常委、市委书记李明出席签约仪式。", "a"), extract("省委常委、市委书记王强出席开工仪式。", "b")]
    built = merge(pages)
    assert sorted(n.name for n in built.nodes.values() if n.name == "省委") == ["省委", "省委"]
    write_jsonl(pages, tmp_path / "extraction.jsonl")
    to_rdf(built).serialize(tmp_path / "graph.ttl", format="turtle")
    assert _nodes(load_graph(tmp_path)) == _nodes(built)
    assert _nodes(from_rdf(tmp_path / "graph.ttl")) == _nodes(built)
