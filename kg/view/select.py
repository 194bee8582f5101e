"""Which part of the graph a view shows: all of it, the best-linked part, or a neighbourhood.

Views cut from the networkx graph of kg.graph.network: one node per entity
(type, label, aliases, docs) and one edge per distinct link (predicate, role,
and the evidence sentences with their documents).
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Collection
from itertools import chain

import networkx as nx

from kg.graph.find import find
from kg.read import InputError

# Past this many nodes a page stops being a map anyone can read, and the
# browser spends seconds drawing it: the whole-graph view keeps the best linked.
MAX_NODES = 1000
ZONE_HOPS = 2
ZONE_LEAVES = ("Zone", "Industry", "Place", "Policy")     # categories many zones share: a zone's page stops there


@dataclass
class View:
    title: str
    graph: nx.MultiDiGraph
    note: str = ""      # what the view leaves out, said on the page


def view_of(g: nx.MultiDiGraph, entity: str | None = None, hops: int = 2,
            max_nodes: int | None = MAX_NODES) -> View:
    """The whole graph, or what lies within `hops` links of the entity called `entity`."""
    return whole(g, max_nodes=max_nodes) if entity is None else around(g, find(g, entity), hops, max_nodes)


def whole(g: nx.MultiDiGraph, title: str = "全图", max_nodes: int | None = MAX_NODES) -> View:
    """The whole graph, or past `max_nodes` the nodes with the most links (None or 0: no limit)."""
    return _cut(g, title, max_nodes)


def around(g: nx.MultiDiGraph, centre: str, hops: int = 2, max_nodes: int | None = MAX_NODES,
           leaves: Collection[str] = ()) -> View:
    """`centre` and what lies within `hops` links of it, whichever way the links point; the walk goes
    no further than an entity of a type in `leaves` (other than the centre)."""
    if hops < 0:
        raise InputError(f"hops must be 0 or more, not {hops}")

    # nx.ego_graph(undirected=True) deep-copies the whole graph for every call, and an undirected
    # view merges a node's links anew at every step: the search follows both kinds of link instead
    def onwards(n):
        return () if n != centre and g.nodes[n]["type"] in leaves else chain(g.succ[n], g.pred[n])

    reach = {centre, *(v for _, v in nx.generic_bfs_edges(g, centre, onwards, depth_limit=hops))}
    return _cut(_induced(g, reach), f"{g.nodes[centre]['label']}（{hops} 跳以内）", max_nodes, centre)


def _induced(g: nx.MultiDiGraph, keep) -> nx.MultiDiGraph:
    """The nodes of `keep` and the links among them, in the graph's order, as a graph of their own:
    a page reads it many times over, and through a subgraph view every read filters the whole graph."""
    nodes = [n for n in g if n in keep]
    ball = nx.MultiDiGraph()
    ball.add_nodes_from((n, g.nodes[n]) for n in nodes)
    ball.add_edges_from((u, v, key, data) for u in nodes for v, links in g.succ[u].items() if v in keep
                        for key, data in links.items())
    return ball


def zone_view(g: nx.MultiDiGraph, zone: str, hops: int = ZONE_HOPS, max_nodes: int | None = MAX_NODES) -> View:
    """A zone's own neighbourhood: its companies, projects, people and bureaus, and theirs. Industries,
    places, policies and other zones are where the walk stops: through 生物医药, 山东省 or a national
    campaign (“高效办成一件事”) it would reach every zone that shares them, and the page would be half
    other zones."""
    return around(g, zone, hops, max_nodes, leaves=ZONE_LEAVES)


def zones(g: nx.MultiDiGraph) -> list[str]:
    """The ids of the zones, by name."""
    return sorted((n for n, d in g.nodes(data=True) if d["type"] == "Zone"), key=lambda n: (g.nodes[n]["label"], n))


def _cut(g: nx.MultiDiGraph, title: str, max_nodes: int | None, centre: str | None = None) -> View:
    if max_nodes is not None and max_nodes < 0:
        raise InputError(f"max_nodes must be 0 (no limit) or more, not {max_nodes}")
    total = g.number_of_nodes()
    if not max_nodes or total <= max_nodes:
        return View(title, g)
    # The centre first, then by links; ties broken by id, so the same graph
    # always gives the same view.
    ranked = sorted(g.nodes, key=lambda n: (n != centre, -g.degree(n), n))[:max_nodes]
    note = f"实体过多：只显示连接最多的 {max_nodes:,} 个，共 {total:,} 个"
    return View(title, _induced(g, set(ranked)), note)
