"""The graph as HTML pages: graph.html (the whole graph), views/<zone>.html
(each zone and what lies within two links of it) and index.html listing them.

Each page is self-contained and works from file:// with no network (see
kg/view/page.py); each is written atomically.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from kg.graph.network import to_networkx
from kg.model import KnowledgeGraph
from kg.view import MAX_NODES, View, around, render, render_index, whole, zones
from kg.write.atomic import atomic_write

ZONE_HOPS = 2
# Characters no file name may hold on one system or another.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def write_view(view: View, path: str | os.PathLike) -> None:
    atomic_write(path, render(view))


def write_views(kg: KnowledgeGraph, out: str | os.PathLike, max_nodes: int | None = MAX_NODES) -> list[Path]:
    """graph.html, views/<zone>.html and index.html in `out`; returns the pages written, index last."""
    out = Path(out)
    g = to_networkx(kg)
    pages = [(whole(g, max_nodes=max_nodes), out / "graph.html")]
    names: set[str] = set()
    for zone in zones(g):
        name = _file_name(g.nodes[zone]["label"], zone, names)
        pages.append((around(g, zone, ZONE_HOPS, max_nodes), out / "views" / f"{name}.html"))
    if len(pages) > 1:
        (out / "views").mkdir(parents=True, exist_ok=True)
    for view, path in pages:
        write_view(view, path)
    listed = [{"title": view.title, "href": quote(path.relative_to(out).as_posix()), "note": view.note,
               "nodes": view.graph.number_of_nodes(), "edges": view.graph.number_of_edges()}
              for view, path in pages]
    atomic_write(out / "index.html", render_index(f"知识图谱：{len(kg.documents)} 篇文档", listed))
    return [path for _, path in pages] + [out / "index.html"]


def _file_name(name: str, node_id: str, taken: set[str]) -> str:
    safe = _UNSAFE.sub("_", name).strip(". ") or node_id
    if safe in taken:       # two names that differ only in unsafe characters
        safe = f"{safe}_{node_id}"
    taken.add(safe)
    return safe
