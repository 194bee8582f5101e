"""The review page: every fact of a build with its sentences, the least sure first, to tick ✓ or ✗.

    from kg.review.page import write_review
    write_review("out", "out/review.html")

One self-contained HTML file that works from file:// with no network, as the
views do. What the reviewer decides (✓, ✗, a new type, a merge) is written in
the page as a corrections file (kg/correct) that it downloads; `kg build
--corrections FILE` then applies it on every build.
"""
from __future__ import annotations

import os
from collections import defaultdict
from functools import reduce
from importlib.resources import files
from pathlib import Path

import orjson
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from kg.confidence import surest
from kg.graph.load import load_graph
from kg.model import ENTITY_TYPES, PREDICATES, KnowledgeGraph, Node, Triple
from kg.money import chinese
from kg.text.unwrap import unwrap
from kg.view.page import RELATION_NAMES, TYPE_NAMES
from kg.write.atomic import atomic_write

# a fact's sentences shown on its row; the rest are counted
SHOWN_EVIDENCE = 3
# the relations by which a thing belongs to a zone, for the page's zone filter
_WITHIN = ("locatedIn", "partOf", "signs")

_TEMPLATES = Environment(loader=PackageLoader("kg.review", "static"), autoescape=True,
                         trim_blocks=True, lstrip_blocks=True)


def write_review(source: str | os.PathLike, out: str | os.PathLike) -> Path:
    """The review page of the build at `source` (a folder, its extraction.jsonl or its graph.ttl) in `out`."""
    atomic_write(out, render_review(source))
    return Path(out)


def render_review(source: str | os.PathLike) -> str:
    data = review_data(load_graph(source))
    static = files("kg.review") / "static"
    return _TEMPLATES.get_template("review.html").render(
        title=f"事实审核：{len(data['facts'])} 条事实", data=_script_json(data),
        css=Markup(static.joinpath("review.css").read_text(encoding="utf-8")),
        js=Markup(static.joinpath("review.js").read_text(encoding="utf-8")))


def review_data(kg: KnowledgeGraph) -> dict:
    """What review.js reads: each fact once, least confident first (unknown last), and the lists to filter by."""
    said: dict[tuple, list[Triple]] = defaultdict(list)
    for t in kg.triples:
        said[_key(t)].append(t)
    zones = _zones(kg)
    facts = [_fact(kg, triples, zones) for triples in said.values()]
    facts.sort(key=lambda f: (f["confidence"] is None, f["confidence"] or 0, PREDICATES.index(f["relation"])
                              if f["relation"] in PREDICATES else len(PREDICATES), f["subject"], f["object"]))
    return {"facts": facts, "types": [{"type": t, "name": TYPE_NAMES[t]} for t in ENTITY_TYPES],
            "relations": [{"relation": p, "name": RELATION_NAMES[p]} for p in PREDICATES
                          if any(f["relation"] == p for f in facts)],
            "zones": sorted({z for f in facts for z in f["zones"]}),
            "documents": sorted({d for f in facts for d in f["docs"]}),
            "entities": sorted({f"{f[end]} ({f[end + 'Type']})" for f in facts for end in ("subject", "object")
                                if f[end + "Type"]})}


def _key(t: Triple) -> tuple:
    return t.subject.id, t.predicate, t.object.id if t.object else t.value, t.role


def _fact(kg: KnowledgeGraph, triples: list[Triple], zones: dict[str, set[str]]) -> dict:
    """A fact as its row shows it: as sure as its surest sentence (None: a record that gives no confidence)."""
    t = triples[0]
    confidence = reduce(surest, (x.confidence for x in triples), None)
    subject = kg.nodes[t.subject.id]
    obj: Node | None = kg.nodes.get(t.object.id) if t.object else None
    sentences = list(dict.fromkeys((unwrap(x.provenance.text), x.provenance.doc) for x in triples if x.provenance))
    return {"subject": subject.name, "subjectType": subject.type, "relation": t.predicate, "role": t.role,
            "object": obj.name if obj else "", "objectType": obj.type if obj else "",
            "value": t.value.digits if t.value else "", "amount": chinese(t.value) if t.value else "",
            "confidence": float(confidence) if confidence is not None else None,
            "reviewer": next((x.reviewer for x in triples if x.reviewer), ""),
            "evidence": sentences[:SHOWN_EVIDENCE], "more": max(0, len(sentences) - SHOWN_EVIDENCE),
            "docs": sorted({x.provenance.doc for x in triples if x.provenance}),
            "zones": sorted(zones.get(subject.id, set()) | (zones.get(obj.id, set()) if obj else set()))}


def _zones(kg: KnowledgeGraph) -> dict[str, set[str]]:
    """The zones each entity is, or lies in, belongs to or was signed by, one link away."""
    zones: dict[str, set[str]] = defaultdict(set)
    for node in kg.nodes.values():
        if node.type == "Zone":
            zones[node.id].add(node.name)
    for t in kg.triples:
        if t.predicate in _WITHIN and t.object is not None:
            inner, outer = (t.object, t.subject) if t.predicate == "signs" else (t.subject, t.object)
            if outer.type == "Zone" and outer.id in kg.nodes:
                zones[inner.id].add(kg.nodes[outer.id].name)
    return zones


def _script_json(data: dict) -> Markup:
    # as kg/view/page.py: "<" spelt \u003c, so that no sentence can end the <script> element
    return Markup(orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode().replace("<", "\\u003c"))
