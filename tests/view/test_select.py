import networkx as nx
import pytest

from kg.read import InputError
from kg.view import around, find, view_of, whole, zone_view, zones


def test_the_whole_graph_when_it_is_small_enough(seeds_graph):
    view = whole(seeds_graph)
    assert view.graph is seeds_graph and view.note == ""


def test_past_the_limit_the_best_linked_nodes_and_a_note_that_says_so(seeds_graph, node_named):
    view = whole(seeds_graph, max_nodes=40)
    shown = set(view.graph.nodes)
    assert len(shown) == 40
    weakest_shown = min(seeds_graph.degree(n) for n in shown)
    assert all(seeds_graph.degree(n) <= weakest_shown for n in set(seeds_graph) - shown)
    assert node_named("潍坊高新区") in shown
    assert view.note == f"实体过多：只显示连接最多的 40 个，共 {seeds_graph.number_of_nodes()} 个"
    # the links among the nodes shown are kept, with their evidence
    assert view.graph.number_of_edges() == seeds_graph.subgraph(shown).number_of_edges() > 0


@pytest.mark.parametrize("hops", [0, 1, 2])
def test_a_neighbourhood_is_what_lies_within_so_many_links_either_way(seeds_graph, node_named, hops):
    centre = node_named("潍坊高新区")
    reach = nx.single_source_shortest_path_length(seeds_graph.to_undirected(as_view=True), centre, cutoff=hops)
    view = around(seeds_graph, centre, hops)
    assert set(view.graph.nodes) == set(reach)
    # every link among them, with its data, and nothing else
    links = sorted((u, v, k, str(d)) for u, v, k, d in seeds_graph.subgraph(reach).edges(keys=True, data=True))
    assert sorted((u, v, k, str(d)) for u, v, k, d in view.graph.edges(keys=True, data=True)) == links
    assert view.title == f"潍坊高新区（{hops} 跳以内）"


def test_a_zone_reaches_its_city_and_the_projects_in_it(seeds_graph, node_named):
    shown = {d["label"] for _, d in around(seeds_graph, node_named("潍坊高新区"), 1).graph.nodes(data=True)}
    assert {"潍坊市", "磁悬浮智能制造产业化项目"} <= shown


def test_a_capped_neighbourhood_keeps_its_centre(seeds_graph, node_named):
    centre = node_named("潍坊市")
    view = around(seeds_graph, centre, 2, max_nodes=5)
    assert centre in view.graph and view.graph.number_of_nodes() == 5 and view.note


def test_entities_are_found_by_name_or_alias(seeds_graph, node_named):
    assert find(seeds_graph, "潍坊高新区") == node_named("潍坊高新区")
    assert find(seeds_graph, "潍坊") == node_named("潍坊市")     # 潍坊 is an alias of the city


def test_an_unknown_name_is_one_clear_error_with_suggestions(seeds_graph):
    with pytest.raises(InputError, match=r"no entity is called '潍坊高新'; did you mean .*潍坊高新区"):
        find(seeds_graph, "潍坊高新")
    with pytest.raises(InputError, match="kg search finds names by any part"):
        find(seeds_graph, "不存在的名字")
    with pytest.raises(InputError, match="hops must be 0 or more"):
        view_of(seeds_graph, "潍坊高新区", hops=-1)


def test_every_zone_gets_a_view(seeds_graph, node_named):
    found = zones(seeds_graph)
    assert len(found) == sum(d["type"] == "Zone" for _, d in seeds_graph.nodes(data=True)) > 10
    assert node_named("潍坊高新区") in found


def test_a_zones_page_is_its_own_neighbourhood_not_the_zones_that_share_an_industry(seeds_graph, node_named):
    centre = node_named("潍坊高新区")
    wide, own = around(seeds_graph, centre, 2).graph, zone_view(seeds_graph, centre).graph
    zones_in = lambda g: {n for n, d in g.nodes(data=True) if d["type"] == "Zone"} - {centre}   # noqa: E731
    assert zones_in(wide) and not zones_in(own)       # the seeds' other zones are reached through 生物医药 …
    stops = {n for n in own if n != centre and seeds_graph.nodes[n]["type"] in ("Zone", "Industry", "Place", "Policy")}
    assert stops, "its industries and its city are on the page"
    both_ways = seeds_graph.to_undirected(as_view=True)
    for node in set(own) - {centre} - set(both_ways[centre]):
        # two links away, through one of its companies, projects, bureaus: never through an industry, a place or a policy
        assert set(both_ways[node]) & (set(both_ways[centre]) - stops), seeds_graph.nodes[node]["label"]
    assert set(own) <= set(wide)
