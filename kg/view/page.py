"""A view as one self-contained HTML page, and the index page that lists views.

The page must open from file:// with no network. pyvis's `local` mode still
loads vis-network from a CDN and its template always links Bootstrap from one,
so the page is our own template (static/view.html) with vis-network inlined
from the copy pyvis ships, and the graph as JSON that static/view.js reads.
"""
from __future__ import annotations

from collections import Counter
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

import networkx as nx
import orjson
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from kg.graph.network import fact_count
from kg.model import ENTITY_TYPES, PREDICATES, SYMMETRIC, Money
from kg.money import chinese
from kg.text.unwrap import unwrap
from kg.view.layout import positions
from kg.view.select import View

# Tableau 10: ten hues that stay apart for most colour-blind readers; the
# shape tells the types apart in grey print and where two hues are close.
COLOURS = dict(zip(ENTITY_TYPES, ("#4e79a7", "#59a14f", "#f28e2b", "#76b7b2", "#e15759",
                                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")))
SHAPES = dict(zip(ENTITY_TYPES, ("star", "triangle", "square", "hexagon", "diamond",
                                 "dot", "triangleDown", "dot", "square", "diamond")))
TYPE_NAMES = dict(zip(ENTITY_TYPES, ("高新区", "地点", "企业", "机构", "政府部门",
                                     "人物", "项目", "产业", "政策", "产品")))
RELATION_NAMES = dict(zip(PREDICATES, ("位于", "隶属", "签约", "投资", "任职",
                                       "合作", "聚焦产业", "发布政策", "生产", "总投资")))
# Past this many nodes vis-network's physics takes seconds to settle: the
# precomputed layout is shown as it is.
PHYSICS_MAX = 600
# Tooltips list this many sentences per edge and documents per node and count
# the rest: a zone named in every issue would otherwise cover the screen.
MAX_EVIDENCE = 5
MAX_DOCS = 10
# Its stylesheet is not taken: 220 kB of editing and navigation buttons the
# views do not show; view.css styles the tooltip.
# found, not imported: importing pyvis brings in IPython, a quarter of a second at every start
VIS = Path(find_spec("pyvis").submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"

_TEMPLATES = Environment(loader=PackageLoader("kg.view", "static"), autoescape=True,
                         trim_blocks=True, lstrip_blocks=True)


def render(view: View, index: str | None = None, pages: dict[str, str] | None = None) -> str:
    """index: the address of index.html from the page (none for a page of its own); pages: the address of
    each zone's page, which its node links to."""
    return _TEMPLATES.get_template("view.html").render(
        title=view.title, note=view.note, index=index, data=_script_json(page_data(view, pages)),
        css=_inline(_static("view.css")),
        js=_inline(VIS / "vis-network.min.js", _static("view.js")))


def render_index(title: str, views: list[dict]) -> str:
    """views: one dict per page, with title, href, nodes, edges and note."""
    return _TEMPLATES.get_template("index.html").render(title=title, views=views)


def page_data(view: View, pages: dict[str, str] | None = None) -> dict:
    """What view.js reads: the nodes and edges for vis-network and the tables for legend and filters."""
    g = view.graph
    physics = g.number_of_nodes() <= PHYSICS_MAX
    at = positions(g)
    nodes = [_node(g, n, at[n], (pages or {}).get(n)) for n in g.nodes]
    seen: Counter[frozenset] = Counter()
    edges = []
    for u, v, d in g.edges(data=True):
        edges.append(_edge(u, v, d, seen[frozenset((u, v))], (g.nodes[u]["label"], g.nodes[v]["label"])))
        seen[frozenset((u, v))] += 1
    types = Counter(n["group"] for n in nodes)
    relations = Counter(e["relation"] for e in edges)
    return {"nodes": nodes, "edges": edges, "physics": physics, "facts": fact_count(g),
            # the slider that hides links below a confidence shows only where the links have one
            "confident": any("confidence" in edge for edge in edges),
            "types": [{"type": t, "name": TYPE_NAMES[t], "colour": COLOURS[t], "shape": SHAPES[t],
                       "count": types[t]} for t in ENTITY_TYPES if types[t]],
            "relations": [{"relation": p, "name": RELATION_NAMES[p], "count": relations[p]}
                          for p in PREDICATES if relations[p]]}


def _node(g: nx.MultiDiGraph, node_id: str, at: tuple[float, float], page: str | None) -> dict:
    d = g.nodes[node_id]
    # `tip`, not vis-network's `title`: view.js shows its own tooltip, which a click pins
    node = {"id": node_id, "label": d["label"], "group": d["type"], "aliases": d["aliases"],
            "value": g.degree(node_id), "x": at[0], "y": at[1], "tip": _node_title(d)}
    if page:
        node["page"] = page
    return node


def _edge(subject: str, obj: str, d: dict, parallel: int, names: tuple[str, str]) -> dict:
    """parallel: how many links between the same two nodes came before this one; names: of its two ends."""
    predicate, role = d["predicate"], d["role"]
    name = RELATION_NAMES.get(predicate, predicate)
    heading = f"{name}（{predicate}）" + (f"：{role}" if role else "") + f"\n{names[0]} → {names[1]}"
    if d.get("reviewed"):       # a person checked it (kg/correct)
        heading += f"\n已审核：{d['reviewer']}"
    edge = {"from": subject, "to": obj, "relation": predicate,
            "label": f"{name}：{role}" if role else name,
            "arrows": "to, from" if predicate in SYMMETRIC else "to",
            "tip": _edge_title(heading + _sure(d.get("confidence")), d["evidence"], d["docs"])}
    if d.get("confidence") is not None:
        # a number for the slider to compare: a two-place Decimal's float reads back as the same digits
        edge["confidence"] = float(d["confidence"])
    if parallel:
        # Links are straight lines, so two between the same nodes would lie on
        # top of each other, labels and all: each further one bends further.
        edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * parallel}
    return edge


def _node_title(d: dict) -> str:
    # shown as text, not HTML: newlines, no markup
    lines = [d["label"], f"{TYPE_NAMES.get(d['type'], d['type'])}（{d['type']}）" + _sure(d.get("confidence"))]
    if d["aliases"]:
        lines.append("别名：" + "、".join(d["aliases"]))
    more = f" 等 {len(d['docs'])} 篇" if len(d["docs"]) > MAX_DOCS else ""
    lines.append("文档：" + ", ".join(d["docs"][:MAX_DOCS]) + more)
    if "totalInvestment" in d:
        lines.append("总投资：" + chinese(Money(d["totalInvestment"], d["currency"]))
                     + _sure(d.get("totalInvestmentConfidence"), "（置信度 {}）"))
    return "\n".join(lines)


def _sure(confidence, form: str = "\n置信度：{}") -> str:
    """The confidence as a tooltip says it, in its own digits (0.50); nothing if it is unknown."""
    return "" if confidence is None else form.format(format(confidence, "f"))


def _edge_title(heading: str, evidence: list[str], docs: list[str]) -> str:
    """evidence: the sentences, and docs the document of each."""
    shown = [f"{unwrap(text)}\n—— {doc}" for text, doc in zip(evidence[:MAX_EVIDENCE], docs)]
    if len(evidence) > MAX_EVIDENCE:
        shown.append(f"…另有 {len(evidence) - MAX_EVIDENCE} 句")
    return "\n\n".join([heading, *shown])


def _script_json(data: dict) -> Markup:
    # Inside <script> a "</script>" in a sentence would end the element;
    # JSON may spell every "<" as \u003c.
    return Markup(orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode().replace("<", "\\u003c"))


def _static(name: str):
    return files("kg.view") / "static" / name


def _inline(*resources) -> Markup:
    return Markup("\n".join(r.read_text(encoding="utf-8") for r in resources))
