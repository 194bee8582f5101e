"""Entities by name, as kg show and kg search find them: kg.graph.find."""
import pytest

from kg.graph.find import card, find, nearest, search
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.read import InputError


@pytest.fixture(scope="module")
def g(seeds_build):
    return to_networkx(load_graph(seeds_build))


def label(g, node):
    return g.nodes[node]["label"]


def test_search_puts_the_name_itself_then_an_alias_then_a_prefix_then_a_part(g):
    found = [label(g, n) for n in search(g, "潍坊")]
    assert found[0] == "潍坊市"             # 潍坊 is its alias
    assert found.index("潍坊高新区") < found.index("潍坊高新区经济发展局")   # a prefix each: the better linked first
    assert all("潍坊" in name or "潍坊" in "".join(g.nodes[n]["aliases"]) for n, name in
               ((n, label(g, n)) for n in search(g, "潍坊")))
    assert [label(g, n) for n in search(g, "潍坊高新区")][0] == "潍坊高新区"
    assert len(search(g, "高新区", limit=2)) == 2 and search(g, "没有这个名字") == []


def test_a_card_has_the_facts_either_way_with_their_sentences_unwrapped(g):
    bureau = card(g, find(g, "潍坊高新区经济发展局"))
    facts = {(f.subject, f.predicate, f.object, f.role) for f in bureau.facts}
    assert {("韩滨", "holdsRole", "潍坊高新区经济发展局", "党委书记、局长"),
            ("潍坊高新区经济发展局", "partOf", "潍坊高新区", "")} <= facts
    assert all("\n" not in sentence for f in bureau.facts for sentence, _ in f.evidence)
    project = card(g, find(g, "磁悬浮智能制造产业化项目"))
    assert (project.investment.digits, project.investment.currency) == ("3500000000", "CNY")
    assert "total investment: 3500000000 CNY" in project.text()


@pytest.mark.parametrize("name, first", [("山东潍坊高新区", "潍坊高新区"), ("韩斌", "韩滨"), ("潍坊高新", "潍坊高新区")])
def test_the_nearest_names_lead_with_the_likeliest(g, name, first):
    assert nearest(g, name)[0] == first
    with pytest.raises(InputError, match=f"did you mean {first}"):
        find(g, name)
