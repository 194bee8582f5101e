"""One graph, one count: kg build, kg stats on the folder and on graph.ttl, the views and the Neo4j
export give the same number of facts, with a threshold on their confidence too; a city's province is
derived once, for every output."""
import csv
import json
import re
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest

from kg.build import build
from kg.export import export
from kg.graph.load import load_graph
from kg.graph.network import fact_count, to_networkx
from kg.graph.stats import graph_stats
from kg.model import fact_key
from kg.rdf.terms import entity_iri
from kg.run.cache import Cache

HZ = "https://w3id.org/kg-hz/ontology#"

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("counts") / "out"
    report = build(SEEDS, out)
    return report, out


def test_every_output_counts_the_same_facts(built, tmp_path):
    report, out = built
    counted = len(report.graph.facts())
    assert f"facts: {counted} " in report.summary()
    assert fact_count(to_networkx(load_graph(out))) == counted
    assert fact_count(to_networkx(load_graph(out / "graph.ttl"))) == counted
    index = (out / "index.html").read_text(encoding="utf-8")
    overview = re.search(r'<a href="graph.html">[^<]+</a></td>\s*<td class="count">[\d,]+</td>'
                         r'<td class="count">([\d,]+)</td>', index)
    assert int(overview.group(1).replace(",", "")) == counted
    export(out, "neo4j", tmp_path / "neo4j")
    links = sum(1 for f in (tmp_path / "neo4j").glob("relationships_*.csv") for _ in csv.reader(f.open()))
    links -= len(list((tmp_path / "neo4j").glob("relationships_*.csv")))      # the headers
    amounts = sum(1 for f in (tmp_path / "neo4j").glob("nodes_*.csv") for row in csv.DictReader(f.open())
                  if row.get("totalInvestment:double"))
    assert links + amounts == counted


def test_a_city_lies_in_its_province_in_every_output(built):
    report, out = built
    derived = [t for t in report.graph.triples if t.source == "derived:divisions"]
    assert ("潍坊市", "山东省") in {(t.subject.name, t.object.name) for t in derived}
    for source in (out, out / "graph.ttl"):
        g = load_graph(source)
        assert any(t.subject.name == "潍坊市" and t.predicate == "locatedIn" and t.object.name == "山东省"
                   for t in g.triples), source


def _ttl_confidences(path) -> dict[tuple, Decimal]:
    """Each fact of a graph.ttl (its statement's subject, predicate and object) with its hz:confidence."""
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    rows = store.query("""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?p ?o ?c WHERE { ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                                   OPTIONAL { ?st <https://w3id.org/kg-hz/ontology#confidence> ?c } }""")
    return {(r["s"].value, r["p"].value, r["o"].value): Decimal(r["c"].value) if r["c"] else None for r in rows}


def test_a_threshold_keeps_the_same_facts_in_every_output(hashed_builds, tmp_path):
    (full, _), (report, out) = hashed_builds["all"], hashed_builds["0.5"]
    at_least = Decimal("0.5")
    everything = full.graph.facts()
    expected = {key for key, t in everything.items() if t.confidence >= at_least}
    assert 0 < len(expected) < len(everything)
    kept = report.graph.facts()
    assert kept.keys() == expected
    assert all(t.confidence >= at_least for t in kept.values())
    counted = len(kept)
    assert report.left_out == len(everything) - counted
    assert f"facts: {counted} " in report.summary()
    assert f"min confidence: 0.50   facts left out below it: {report.left_out}" in report.summary()

    # the record: only sentences at 0.5 or more, and among them every fact kept
    lines = [json.loads(line) for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()]
    triples = [r for r in lines if r["kind"] == "triple"]
    assert triples and all(Decimal(str(r["confidence"])) >= at_least for r in triples)
    # a city's province comes from the division codes, not from the record
    read = {(r["subject"], r["predicate"], r.get("object"), r.get("role", "")) for r in triples}
    assert read == {(t.subject.name, t.predicate, t.object.name if t.object else None, t.role)
                    for t in kept.values() if t.source != "derived:divisions"}

    # the RDF: as many statements, each at 0.5 or more; read back, the same count and bands
    stated = _ttl_confidences(out / "graph.ttl")
    assert len(stated) == counted and all(c >= at_least for c in stated.values())
    for source in (out, out / "graph.ttl", out / "extraction.jsonl"):
        g = to_networkx(load_graph(source))
        assert fact_count(g) == counted, source
        stats = graph_stats(g)
        assert stats.facts == counted and sum(stats.confidence.values()) == counted, source
        assert stats.confidence["0.0–0.2"] == stats.confidence["0.2–0.4"] == 0, source

    # the views
    index = (out / "index.html").read_text(encoding="utf-8")
    overview = re.search(r'<a href="graph.html">[^<]+</a></td>\s*<td class="count">[\d,]+</td>'
                         r'<td class="count">([\d,]+)</td>', index)
    assert int(overview.group(1).replace(",", "")) == counted

    # the property graphs: relationships and amounts, each with its confidence
    export(out, "neo4j", tmp_path / "neo4j")
    confidences = [Decimal(row["confidence:double"]) for f in (tmp_path / "neo4j").glob("relationships_*.csv")
                   for row in csv.DictReader(f.open(encoding="utf-8"))]
    confidences += [Decimal(row["totalInvestmentConfidence:double"]) for f in (tmp_path / "neo4j").glob("nodes_*.csv")
                    for row in csv.DictReader(f.open(encoding="utf-8")) if row.get("totalInvestment:double")]
    assert len(confidences) == counted and min(confidences) >= at_least
    export(out, "graphml", tmp_path / "graph.graphml")
    graphml = nx.read_graphml(tmp_path / "graph.graphml")
    amounts = [d["totalInvestmentConfidence"] for _, d in graphml.nodes(data=True) if "totalInvestment" in d]
    edges = [d["confidence"] for *_, d in graphml.edges(data=True)]
    assert len(edges) + len(amounts) == counted and min(edges + amounts) >= 0.5


def test_a_fact_is_as_sure_as_its_surest_sentence_in_every_output(hashed_builds):
    report, out = hashed_builds["all"]
    said: dict[tuple, list] = {}
    for t in report.graph.triples:
        said.setdefault(fact_key(t), []).append(t.confidence)
    # facts said in several sentences at different confidences, the surest not always the first
    varied = {key: cs for key, cs in said.items() if len(set(cs)) > 1}
    assert any(cs[0] != max(cs) for cs in varied.values())
    facts = report.graph.facts()
    assert all(facts[key].confidence == max(cs) for key, cs in said.items())
    stated = _ttl_confidences(out / "graph.ttl")
    ids = {node.id: str(entity_iri(node.type, node.id)) for node in report.graph.nodes.values()}
    g = to_networkx(load_graph(out))
    for (subject, predicate, obj, role), confidences in varied.items():
        if obj is None:
            continue
        assert stated[ids[subject], f"{HZ}{predicate}", ids[obj]] == max(confidences)
        assert g.edges[subject, obj, f"{predicate}:{role}" if role else predicate]["confidence"] == max(confidences)


def test_changing_the_threshold_needs_no_new_extraction(tmp_path):
    cache = Cache(tmp_path / "cache")
    build(SEEDS, tmp_path / "all", cache=cache, min_confidence=0)
    again = build(SEEDS, tmp_path / "sure", cache=cache, min_confidence="0.95")
    assert again.reused == 5 and again.extracted == 0
    fresh = build(SEEDS, tmp_path / "fresh", min_confidence="0.95")
    for name in ("extraction.jsonl", "graph.ttl"):
        assert (tmp_path / "sure" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert len(again.graph.facts()) == len(fresh.graph.facts())
