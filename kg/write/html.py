"""The knowledge graph as one self-contained HTML page (pyvis / vis-network).

The page must open from file:// with no network: pyvis inlines vis-network
with cdn_resources="in_line", but its template still links Bootstrap from a
CDN whatever the setting, so every tag that loads a file is cut from the page.
"""
from __future__ import annotations

import html
import os
import re

from pyvis.network import Network

from kg.model import ENTITY_TYPES, KnowledgeGraph, Money, Node, Provenance
from kg.write.atomic import atomic_write

# Tableau 10: ten hues that stay apart for most colour-blind readers.
COLOURS = dict(zip(ENTITY_TYPES, ("#4e79a7", "#59a14f", "#f28e2b", "#76b7b2", "#e15759",
                                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")))
UNKNOWN_COLOUR = "#dddddd"
# Tooltips list this many sentences per edge and documents per node and count
# the rest: a zone named in every issue would otherwise cover the screen.
MAX_EVIDENCE = 5
MAX_DOCS = 10

# Any <script src> or <link href>: with everything inlined, what is left is
# fetched from a CDN (Bootstrap, which the graph does not need) or from a
# relative path that does not exist beside our file (a commented-out vis).
_EXTERNAL_TAG = re.compile(r"""<(script|link)\b[^>]*?\b(?:src|href)\s*=[^>]*>(?:\s*</script>)?""",
                           re.IGNORECASE)


def to_html(kg: KnowledgeGraph) -> str:
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    # Chinese names as UTF-8 rather than \uXXXX: half the size, and greppable.
    net.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    investments: dict[str, list[Money]] = {}
    edges: dict[tuple[str, str, str, str], list[Provenance | None]] = {}
    for t in kg.triples:
        if t.object is not None:
            edges.setdefault((t.subject.id, t.predicate, t.object.id, t.role), []).append(t.provenance)
        elif t.value is not None:
            investments.setdefault(t.subject.id, []).append(t.value)
    for node in kg.nodes.values():
        net.add_node(node.id, label=node.name, color=COLOURS.get(node.type, UNKNOWN_COLOUR),
                     title=_node_title(node, investments.get(node.id, [])))
    for (subject, predicate, obj, role), sources in edges.items():
        net.add_edge(subject, obj, label=f"{predicate}（{role}）" if role else predicate,
                     title=_edge_title(sources),
                     arrows="to, from" if predicate == "cooperatesWith" else "to")
    page = _EXTERNAL_TAG.sub("", net.generate_html())
    # Without a doctype browsers fall back to quirks mode.
    return "<!DOCTYPE html>\n" + page.replace("<body>", "<body>\n" + _legend(), 1)


def write_html(kg: KnowledgeGraph, path: str | os.PathLike) -> None:
    # generate_html, not pyvis's write_html/show: those write in place and
    # may open a browser.
    atomic_write(path, to_html(kg))


def _node_title(node: Node, investments: list[Money]) -> str:
    # vis-network shows a string title as text, not HTML: newlines, no markup.
    lines = [node.type]
    if node.aliases:
        lines.append("别名：" + "、".join(sorted(node.aliases)))
    docs = sorted(node.docs)
    more = f" 等 {len(docs)} 篇" if len(docs) > MAX_DOCS else ""
    lines.append("文档：" + ", ".join(docs[:MAX_DOCS]) + more)
    # Money is frozen: the same figure reported by two documents is shown once.
    lines += [f"总投资：{m.qualifier}{m.amount:,.0f} {m.currency}" for m in dict.fromkeys(investments)]
    return "\n".join(lines)


def _edge_title(sources: list[Provenance | None]) -> str:
    unique = list(dict.fromkeys((p.doc, p.sentence, p.text) for p in sources if p is not None))
    shown = [f"{text}\n—— {doc}" for doc, _, text in unique[:MAX_EVIDENCE]]
    if len(unique) > MAX_EVIDENCE:
        shown.append(f"…另有 {len(unique) - MAX_EVIDENCE} 句")
    return "\n\n".join(shown)


def _legend() -> str:
    items = "".join(f'<span style="margin-right:1em"><span style="color:{colour}">&#9679;</span> '
                    f"{html.escape(type_)}</span>" for type_, colour in COLOURS.items())
    return f'<div id="legend" style="font:14px sans-serif;padding:6px">{items}</div>\n'
