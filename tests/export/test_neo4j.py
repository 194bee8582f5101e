"""kg export neo4j: the bulk-import CSVs as neo4j-admin reads them, and a real load into LadybugDB.

LadybugDB (an embedded openCypher database, the maintained fork of Kùzu, a dev
dependency) runs the ladybug.cypher the export wrote, over the CSVs it wrote;
the answers are then checked against the RDF graph of the same build, queried
with SPARQL (pyoxigraph).
"""
import csv
import json
import re
from collections import Counter

import pyoxigraph
import pytest

from kg.export import export
from kg.export.neo4j import relationship_type, write_neo4j
from kg.graph.load import load_graph
from kg.graph.merge import merge
from kg.graph.network import to_networkx
from kg.model import ENTITY_TYPES, PREDICATES

HZ = "https://w3id.org/kg-hz/ontology#"
PREFIXES = f"""PREFIX hz: <{HZ}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def exported(seeds_build, tmp_path_factory):
    out = tmp_path_factory.mktemp("neo4j")
    export(seeds_build, "neo4j", out)
    return out


@pytest.fixture(scope="module")
def ladybug_db(exported, load_ladybug):
    return load_ladybug(exported)


@pytest.fixture(scope="module")
def rdf(seeds_build):
    store = pyoxigraph.Store()
    store.load(path=str(seeds_build / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    return store


def sparql(g, query) -> list[list[str]]:
    return [[term.value for term in row] for row in g.query(PREFIXES + query)]


def grouped(rows) -> dict[str, set]:
    found: dict[str, set] = {}
    for key, value in rows:
        found.setdefault(key, set()).add(value)
    return found


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name} starts with a BOM"
    return list(csv.reader(raw.decode("utf-8").splitlines()))


def test_one_file_per_label_and_type_with_neo4j_admin_headers(exported, seeds_build):
    g = to_networkx(load_graph(seeds_build))
    labels, types = Counter(t for _, t in g.nodes(data="type")), Counter(p for _, _, p in g.edges(data="predicate"))
    for label, count in labels.items():
        header, *rows = read_csv(exported / f"nodes_{label}.csv")
        assert header[:6] == ["id:ID", ":LABEL", "name", "aliases:string[]", "docs:string[]", "confidence:double"]
        assert ("totalInvestment:double" in header) == (label == "Project")
        assert ("totalInvestmentConfidence:double" in header) == (label == "Project")
        assert len(rows) == count and {r[1] for r in rows} == {label}
        for row in rows:
            node = g.nodes[row[0]]
            assert row[2] == node["label"] and row[3].split(";") == (node["aliases"] or [""])
            assert row[5] == format(node["confidence"], "f")        # its own digits: 0.50
    for predicate, count in types.items():
        name = relationship_type(predicate)
        header, *rows = read_csv(exported / f"relationships_{name}.csv")
        assert header == [":START_ID", ":END_ID", ":TYPE", "role", "evidence:string[]", "doc:string[]",
                          "confidence:double", "reviewed:boolean", "reviewer"]
        assert len(rows) == count and {r[2] for r in rows} == {name}
        assert all(r[6] == format(g.edges[r[0], r[1], f"{predicate}:{r[3]}" if r[3] else predicate]["confidence"], "f")
                   for r in rows)
        assert {(r[7], r[8]) for r in rows} == {("false", "")}, "no one has reviewed the seeds' facts"
        assert all(len(r[4].split(";")) == len(r[5].split(";")) for r in rows), "a document for each sentence"
    assert sorted(p.name for p in exported.glob("*.csv")) == sorted(
        [f"nodes_{label}.csv" for label in labels] + [f"relationships_{relationship_type(p)}.csv" for p in types])


def test_node_counts_per_label_match_the_rdf(ladybug_db, rdf):
    loaded = dict(ladybug_db.rows("MATCH (n) RETURN label(n), count(*)"))
    typed = {t[len(HZ):]: int(n) for t, n in sparql(rdf, "SELECT ?t (COUNT(?x) AS ?n) WHERE { ?x a ?t } GROUP BY ?t")
             if t.startswith(HZ) and t[len(HZ):] in ENTITY_TYPES}
    assert loaded == typed and sum(loaded.values()) > 400


def test_relationship_counts_per_type_match_the_rdf_and_the_graph(ladybug_db, rdf, seeds_build):
    # One relationship per fact and post; the RDF's plain links leave out the post, so count distinct ends.
    # Both hold the cities put in their provinces from the division codes (kg.graph.merge.in_provinces).
    ends = dict(ladybug_db.rows("MATCH (a)-[r]->(b) RETURN label(r), count(DISTINCT [a.id, b.id])"))
    links = {}
    for predicate in PREDICATES:
        (n,), = sparql(rdf, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s hz:{predicate} ?o FILTER(isIRI(?o)) }}")
        if int(n):
            links[relationship_type(predicate)] = int(n)
    assert ends == links and links["LOCATED_IN"] > 50
    facts = Counter(p for _, _, p in to_networkx(load_graph(seeds_build)).edges(data="predicate"))
    relationships = dict(ladybug_db.rows("MATCH ()-[r]->() RETURN label(r), count(*)"))
    assert sum(relationships.values()) == sum(facts.values())


def test_projects_a_zone_signed(ladybug_db, rdf):
    loaded = grouped(ladybug_db.rows("MATCH (z:Zone)-[:SIGNS]->(p:Project) RETURN z.name, p.name"))
    expected = grouped(sparql(rdf, "SELECT ?z ?p WHERE { ?zone a hz:Zone ; rdfs:label ?z ; hz:signs ?project . "
                                   "?project rdfs:label ?p }"))
    assert loaded == expected and max(len(p) for p in expected.values()) > 1


def test_posts_of_a_person(ladybug_db, rdf, seeds_build):
    rows = ladybug_db.rows("MATCH (x:Person)-[r:HOLDS_ROLE]->(o) RETURN x.name, o.name, r.role, r.evidence")
    expected = grouped(sparql(rdf, "SELECT ?x ?o WHERE { ?person a hz:Person ; rdfs:label ?x ; hz:holdsRole ?org . "
                                   "?org rdfs:label ?o }"))
    assert grouped((x, o) for x, o, _, _ in rows) == expected and len(expected) > 5
    # the post and its sentence, as the extraction record has them
    lines = (seeds_build / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    posts = {(r["subject"], r["role"]) for r in map(json.loads, lines) if r.get("predicate") == "holdsRole"}
    for person, org, role, evidence in rows:
        assert role and (person, role) in posts
        assert all(person in sentence for sentence in evidence)


def test_companies_of_a_zone(ladybug_db, rdf):
    loaded = grouped(ladybug_db.rows("MATCH (c:Company)-[:LOCATED_IN]->(z:Zone) RETURN z.name, c.name"))
    expected = grouped(sparql(rdf, "SELECT ?z ?c WHERE { ?company a hz:Company ; rdfs:label ?c ; hz:locatedIn ?zone . "
                                   "?zone a hz:Zone ; rdfs:label ?z }"))
    assert loaded == expected and sum(len(c) for c in expected.values()) > 10


def test_properties_survive_the_load(ladybug_db, seeds_build):
    g = to_networkx(load_graph(seeds_build))
    amounts = {d["label"]: d["totalInvestment"] for _, d in g.nodes(data=True) if "totalInvestment" in d}
    assert dict(ladybug_db.rows("MATCH (p:Project) WHERE p.totalInvestment IS NOT NULL "
                                "RETURN p.name, p.totalInvestment")) == amounts
    assert amounts["磁悬浮智能制造产业化项目"] == 3.5e9
    sure = {d["label"]: float(d["totalInvestmentConfidence"]) for _, d in g.nodes(data=True) if "totalInvestment" in d}
    assert dict(ladybug_db.rows("MATCH (p:Project) WHERE p.totalInvestment IS NOT NULL "
                                "RETURN p.name, p.totalInvestmentConfidence")) == sure
    # every node and relationship has its confidence, a number
    assert ladybug_db.rows("MATCH (n) WHERE n.confidence IS NULL RETURN count(*)") == [[0]]
    edges = sorted(float(c) for *_, c in g.edges(data="confidence"))
    assert sorted(c for (c,) in ladybug_db.rows("MATCH ()-[r]->() RETURN r.confidence")) == edges
    aliased = {d["label"]: d["aliases"] for _, d in g.nodes(data=True) if d["aliases"]}
    assert {name: sorted(a) for name, a in ladybug_db.rows("MATCH (n) WHERE n.aliases IS NOT NULL "
                                                            "RETURN n.name, n.aliases")} == aliased


def test_load_cypher_is_the_ladybug_load_in_neo4j_dialect(exported):
    neo4j, lb = ((exported / name).read_text(encoding="utf-8").split("\n\n")
                 for name in ("load.cypher", "ladybug.cypher"))
    constraints = [s for s in neo4j if s.startswith("CREATE CONSTRAINT")]
    loads = [s for s in neo4j if s.startswith("LOAD CSV WITH HEADERS FROM 'file:///")]
    assert len(constraints) == len(list(exported.glob("nodes_*.csv")))
    assert neo4j.index(loads[0]) > neo4j.index(constraints[-1]), "constraints come first"
    assert {re.search(r"file:///(\S+\.csv)'", s)[1] for s in loads} == {p.name for p in exported.glob("*.csv")}

    def body(statement: str) -> str:
        # the statement without the line that reads the file, in one spelling of columns and functions
        text = statement.split("\n", 1)[1].replace("row.`", "`").replace("string_split(", "split(")
        text = re.sub(r"CAST\(([^()]+?) AS BOOLEAN\)", r"toBoolean(\1)", text)
        return re.sub(r"CAST\((.+?) AS DOUBLE\)", r"toFloat(\1)", text)

    assert [body(s) for s in loads] == [body(s) for s in lb if s.startswith("LOAD WITH HEADERS")]


def test_array_delimiter_inside_a_value_and_stale_files(tmp_path, weifang):
    weifang.entity("韩滨").aliases.add("韩;局长")
    out = tmp_path / "neo4j"
    out.mkdir()
    (out / "nodes_Gone.csv").write_text("id:ID\n", encoding="utf-8")
    (out / "kuzu.cypher").write_text("// an export of before LadybugDB\n", encoding="utf-8")
    (out / "notes.csv").write_text("mine\n", encoding="utf-8")
    write_neo4j(to_networkx(merge([weifang])), out)
    people = read_csv(out / "nodes_Person.csv")
    assert ["韩;局长"] != [row[3] for row in people if row[2] == "韩滨"] == ["韩；局长"]
    assert not (out / "nodes_Gone.csv").exists(), "a label of an earlier export is removed"
    assert not (out / "kuzu.cypher").exists() and (out / "ladybug.cypher").exists()
    assert (out / "notes.csv").exists(), "files that are not ours are left alone"
