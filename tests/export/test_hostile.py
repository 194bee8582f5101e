"""Exports of a graph from a hostile page, and of a hand-edited record, load back whole.

The page has control characters, backticks, quotes, line breaks and XML
markup; the record adds an entity type, a name and a relation crafted to close
the backticks of a Cypher label and run `MATCH (m) DETACH DELETE m`. Every export
is then read by what reads it: networkx for GraphML and GEXF, LadybugDB for the
Cypher, which must leave every node in place.
"""
import json
from collections import Counter

import networkx as nx
import pytest

from kg.build import build
from kg.export import export
from kg.export.neo4j import names
from kg.graph.load import load_graph
from kg.graph.network import to_networkx

PAGE = ("潍坊高新区`管委会`主任王`明说：\x1b[31m“潍坊高新区与山东\x07晨光'科技\"有限公司签约，总投资额35亿元的\x0b"
        "磁悬浮`智能制造`产业化项目落户潍坊高新区。”\nMATCH (m) DETACH DELETE m\n"
        "济南高新区管委会副主任李\x01华表示，济南高新区重点发展生物医药产业。\r\n"
        "青岛高新区位于山东省青岛市。`); DROP ALL; // <![CDATA[ ]]> &amp; </data>\n")
DELETE = "MATCH (m) DETACH DELETE m"
CRAFTED_TYPE = f"Zone`)\n{DELETE}\n//\x00;\\u0060"
CRAFTED_NAME = f"王`明\x00\"'\\\n{DELETE} // ]]>\x1b[0m"


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """A build of the hostile page, with crafted lines added to its extraction record by hand."""
    pages, out = tmp_path_factory.mktemp("pages"), tmp_path_factory.mktemp("hostile")
    (pages / "hostile.txt").write_text(PAGE, encoding="utf-8")
    build(pages, out)
    path = out / "extraction.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[0])["doc"]
    crafted = [{"kind": "entity", "doc": doc, "name": CRAFTED_NAME, "type": CRAFTED_TYPE, "aliases": ["`", "a;b"]},
               {"kind": "entity", "doc": doc, "name": "潍坊", "type": "ZONE", "aliases": []},
               {"kind": "triple", "doc": doc, "subject": CRAFTED_NAME, "predicate": f"x`]->() {DELETE} //",
                "object": "潍坊高新区", "role": "主任\x1b[31m`\"'", "evidence": PAGE.splitlines()[0],
                "article": 0, "sentence": 0, "span": [0, 10]}]
    path.write_text("\n".join([*lines, *map(json.dumps, crafted)]) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def graph(record):
    g = to_networkx(load_graph(record))
    assert any(d["type"] == CRAFTED_TYPE for _, d in g.nodes(data=True)), "the crafted record was read"
    assert any("\x1b" in "".join(d["evidence"]) for *_, d in g.edges(data=True)), "the page's escapes are kept"
    return g


def test_the_cypher_loads_every_node_and_runs_nothing_of_the_page(record, graph, tmp_path, load_ladybug):
    export(record, "neo4j", tmp_path)
    db = load_ladybug(tmp_path)
    named = names(graph)
    types = Counter(t for _, t in graph.nodes(data="type"))
    assert dict(db.rows("MATCH (n) RETURN label(n), count(*)")) == {named.labels[t]: n for t, n in types.items()}
    assert sum(n for _, n in db.rows("MATCH ()-[r]->() RETURN label(r), count(*)")) == graph.number_of_edges()
    label = named.labels[CRAFTED_TYPE]
    assert label == f"Zone`){DELETE}//；u0060", "without its line breaks, NUL and backslash"
    assert named.labels["ZONE"] == "ZONE_2", "numbered apart from Zone, as LadybugDB ignores case"
    (name, aliases), = db.rows(f"MATCH (n) WHERE label(n) = '{label}' RETURN n.name, n.aliases")
    assert name == CRAFTED_NAME.replace("\n", " ") and sorted(aliases) == ["`", "a；b"]
    roles = [role for (role,) in db.rows("MATCH ()-[r]->() WHERE r.role STARTS WITH '主任' RETURN r.role")]
    assert "主任\x1b[31m`\"'" in roles
    for script in ("load.cypher", "ladybug.cypher"):
        text = (tmp_path / script).read_text(encoding="utf-8")
        assert not any(line.startswith(("MATCH (m)", "//\x00")) for line in text.splitlines()), script
    assert all(p.parent == tmp_path for p in tmp_path.rglob("*")), "no file name leaves the folder"


@pytest.mark.parametrize("format, read", [("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
                                          ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_are_well_formed_and_read_back(record, graph, tmp_path, format, read):
    (path,) = export(record, format, tmp_path)
    back = read(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    crafted = {d["label"]: d["type"] for _, d in back.nodes(data=True) if d["type"].startswith("Zone`")}
    assert crafted == {f"王`明\"'\\\n{DELETE} // ]]>[0m": f"Zone`)\n{DELETE}\n//;\\u0060"}
    evidence = "\n".join(d["evidence"] for *_, d in back.edges(data=True))
    assert "[31m“潍坊高新区与山东晨光'科技\"有限公司" in evidence and "\x1b" not in evidence
