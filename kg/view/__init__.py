"""Interactive views of the graph: which part to show (select), where nodes go (layout), the page (page).

    from kg.graph.load import load_graph
    from kg.graph.network import to_networkx
    from kg.view import render, view_of
    g = to_networkx(load_graph("out"))
    html = render(view_of(g, "示例高新区", hops=2))
"""
from kg.view.page import render, render_index
from kg.view.select import MAX_NODES, View, around, find, view_of, whole, zone_view, zones

__all__ = ["MAX_NODES", "View", "around", "find", "render", "render_index", "view_of", "whole", "zone_view", "zones"]
