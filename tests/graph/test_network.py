"""The networkx graph that the exports and statistics read."""
from kg.graph.merge import merge
from kg.graph.network import to_networkx
from kg.model import Provenance, Triple


def test_nodes_edges_and_attributes(weifang, weifang_000):
    kg = merge([weifang, weifang_000])
    g = to_networkx(kg)
    assert set(g.nodes) == set(kg.nodes)
    project, zone = weifang.entity("磁悬浮智能制造产业化项目"), weifang.entity("潍坊高新区")
    assert g.nodes[zone.id] == {"type": "Zone", "label": "潍坊高新区",
                                "aliases": ["潍坊国家高新区", "潍坊高新技术产业开发区"],
                                "docs": ["000_6c1ec9c07335c472", "001_473abfdb58def16d"]}
    # the amount two documents agree on is an attribute of the project, not an edge
    assert g.nodes[project.id]["totalInvestment"] == 3.5e9 and g.nodes[project.id]["currency"] == "CNY"
    # the project's locatedIn, read in both documents, is one edge with both sentences
    (edge,) = g.get_edge_data(project.id, zone.id).values()
    assert edge["predicate"] == "locatedIn" and edge["docs"] == ["000_6c1ec9c07335c472", "001_473abfdb58def16d"]
    assert all("磁悬浮智能制造产业化项目" in sentence for sentence in edge["evidence"])
    (post,) = g.get_edge_data(weifang.entity("韩滨").id, weifang.entity("潍坊高新区经济发展局").id).values()
    assert post["role"] == "党委书记、局长" and post["evidence"] == ["潍坊高新区经济发展局党委书记、局长韩滨说。"]
    facts = {(t.subject.id, t.predicate, t.object.id) for t in kg.triples if t.object is not None}
    assert g.number_of_edges() == len(facts)


def test_another_post_between_the_same_two_is_another_edge(weifang):
    person, bureau = weifang.entity("韩滨"), weifang.entity("潍坊高新区经济发展局")
    said = weifang.triples[-2].provenance
    weifang.triples.append(Triple(person, "holdsRole", bureau, role="副局长",
                                  provenance=Provenance(weifang.id, 0, 2, said.text, said.start, said.end)))
    g = to_networkx(merge([weifang]))
    assert sorted(e["role"] for e in g.get_edge_data(person.id, bureau.id).values()) == ["党委书记、局长", "副局长"]
