"""The graph as HTML pages: graph.html (the whole graph), views/<zone>.html
(each zone and its own neighbourhood, kg.view.select.zone_view) and index.html listing them.

Each page is self-contained and works from file:// with no network (see
kg/view/page.py); each links back to index.html, and each zone node to its
zone's page. Each is written atomically.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from kg.graph.network import fact_count, to_networkx
from kg.model import KnowledgeGraph
from kg.view import MAX_NODES, View, render, render_index, whole, zone_view, zones
from kg.write.atomic import atomic_write

# Characters no file name may hold on one system or another.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def write_view(view: View, path: str | os.PathLike, index: str | None = None, pages: dict[str, str] | None = None) -> None:
    """index: the address of index.html from the page; pages: the address of each zone's page from it."""
    atomic_write(path, render(view, index, pages))


def write_views(kg: KnowledgeGraph, out: str | os.PathLike, max_nodes: int | None = MAX_NODES) -> list[Path]:
    """graph.html, views/<zone>.html and index.html in `out`; returns the pages written, index last."""
    out = Path(out)
    g = to_networkx(kg)
    names: set[str] = set()
    zone_pages = {zone: f"{_file_name(g.nodes[zone]['label'], zone, names)}.html" for zone in zones(g)}
    pages = [(whole(g, max_nodes=max_nodes), out / "graph.html", "index.html",
              {zone: f"views/{quote(name)}" for zone, name in zone_pages.items()})]
    # a zone's page links to the other zones' pages beside it
    pages += [(zone_view(g, zone, max_nodes=max_nodes), out / "views" / name, "../index.html",
               {other: quote(page) for other, page in zone_pages.items() if other != zone})
              for zone, name in zone_pages.items()]
    if zone_pages:
        (out / "views").mkdir(parents=True, exist_ok=True)
    for view, path, index, links in pages:
        write_view(view, path, index, links)
    listed = [{"title": view.title, "href": quote(path.relative_to(out).as_posix()), "note": view.note,
               "nodes": view.graph.number_of_nodes(), "facts": fact_count(view.graph)}
              for view, path, *_ in pages]
    atomic_write(out / "index.html", render_index(f"知识图谱：{len(kg.documents)} 篇文档", listed))
    return [path for _, path, *_ in pages] + [out / "index.html"]


def _file_name(name: str, node_id: str, taken: set[str]) -> str:
    safe = _UNSAFE.sub("_", name).strip(". ") or node_id
    if safe in taken:       # two names that differ only in unsafe characters
        safe = f"{safe}_{node_id}"
    taken.add(safe)
    return safe
