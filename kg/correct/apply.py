"""Corrections applied to a build: to each page's extraction record as it comes, and as facts of their own.

    book = Book.read(["news/corrections.yaml"])
    lines = book.correct(records)           # one page's record lines (dicts), corrected
    for doc, records in book.added(): ...   # the facts the files add, as a page of their own each
    print(book.report(graph).summary())

They are applied to the record, not to the graph: everything else a build
writes (the RDF, the views) is made from the record, and so is whatever reads a
build folder later (kg export, kg show), so every output shows one corrected
graph. The cache keeps what the extractor made; the corrections are applied
afresh on every build, in the file's order, entities first and then facts.
"""
from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kg.confidence import surest
from kg.correct.read import Correction, Fact, Ref, read_corrections
from kg.eval.score import DOMAIN_RANGE
from kg.graph.merge import DIVISIONS
from kg.lexicon import page_of
from kg.model import Entity, KnowledgeGraph, Money, Triple, name_key
from kg.rdf.terms import entity_iri
from kg.write.jsonl import json_number

REVIEWER = "reviewer"       # what made an added fact or a corrected entity, in the record's "source"
DECLARED = "declared"       # the source of a mention of a name a corrections file declares (kg/recognize)
STATED = Decimal("1.00")    # the confidence of a fact a person adds: they vouch for it
ENTITY_ACTIONS = ("split", "merge", "rename", "alias", "retype")
FACT_ACTIONS = ("reject", "accept")


class Book:
    """The corrections of one build, and what each has matched so far."""

    def __init__(self, corrections: list[Correction], files: Iterable[Path] = ()):
        self.corrections = corrections
        self.files = list(files)
        self.matched: Counter[int] = Counter()      # a correction's index → the records it changed
        self.unfit = 0      # facts dropped: a merge made them a loop, or a retype unfit for their relation
        self._entities = [(i, c) for i, c in enumerate(corrections) if c.action in ENTITY_ACTIONS]
        self._facts = [(i, c) for i, c in enumerate(corrections) if c.action in FACT_ACTIONS]
        self._entity_keys = {name_key(n) for _, c in self._entities for n in _names(c)}
        self._fact_keys = {name_key(c.fact.subject.name) for _, c in self._facts if c.fact.subject}
        self._by_id = any(c.fact.id for _, c in self._facts)

    @classmethod
    def read(cls, paths: Iterable[str | Path]) -> Book:
        paths = [Path(p) for p in paths]
        return cls([c for p in paths for c in read_corrections(p)], paths)

    def __bool__(self) -> bool:
        return bool(self.corrections)

    @property
    def declared(self) -> tuple[tuple[str, str], ...]:
        """(name, type) of each name to recognise, for kg.recognize."""
        return tuple(sorted({(c.entity.name, c.entity.type) for c in self.corrections if c.action == "recognise"}))

    def correct(self, records: list[dict]) -> list[dict]:
        """One page's record, corrected: its document line, then its entities, then its facts."""
        page = _Page(records)
        if any(name_key(n) in self._entity_keys for e in page.entities for n in (e["name"], *e["aliases"])):
            for index, c in self._entities:
                self.matched[index] += _EDITS[c.action](page, c)
            page.combine()
            self.unfit += page.drop_unfit()
        for index, c in enumerate(self.corrections):
            if c.action == "recognise":
                self.matched[index] += page.declared(c.entity)
        if self._facts:
            page.triples = [t for t in page.triples if self._verdict(page, t)]
        return page.records()

    def _verdict(self, page: _Page, t: dict) -> bool:
        """Whether the fact stays; marked reviewed when accepted. The last decision on a fact stands."""
        subject, obj = page.ends(t)
        if subject is None:
            return True
        if not self._by_id and not {name_key(n) for n in (subject["name"], *subject["aliases"])} & self._fact_keys:
            return True
        statement = _statement(t, subject, obj) if self._by_id else ""
        last = None
        for index, c in self._facts:
            if _matches(c.fact, t, subject, obj, statement):
                self.matched[index] += 1
                last = c
        if last is not None and last.action == "accept":
            t.update(reviewed=True, reviewer=last.by)
        return last is None or last.action != "reject"

    def added(self) -> list[tuple[str, list[dict]]]:
        """The facts each file adds, as the record of a document named after the file, corrected as pages are."""
        adds = [(i, c) for i, c in enumerate(self.corrections) if c.action == "add"]
        pages = []
        for file in dict.fromkeys(c.file for _, c in adds):
            mine = [(i, c) for i, c in adds if c.file == file]
            self.matched.update(i for i, _ in mine)
            doc = Path(file).name
            doc += f"~{len(pages) + 1}" if any(doc == other for other, _ in pages) else ""   # two files of one name
            pages.append((doc, self.correct(_added(doc, mine))))
        return pages

    def report(self, graph: KnowledgeGraph) -> CorrectionReport:
        names = _graph_names(graph)
        unmatched = [_unmatched(c, graph, names) for i, c in enumerate(self.corrections) if not self.matched[i]]
        return CorrectionReport([str(f) for f in self.files], len(self.corrections) - len(unmatched),
                                len(self.corrections), unmatched, self.unfit)


@dataclass
class CorrectionReport:
    files: list[str]
    applied: int            # corrections that changed something
    total: int
    unmatched: list[str] = field(default_factory=list)     # one line each: which, and the nearest names
    unfit: int = 0

    def summary(self) -> str:
        line = f"corrections: {self.applied} of {self.total} applied, from {', '.join(self.files)}"
        if self.unmatched:
            line += f"; {len(self.unmatched)} match nothing in the graph (listed on standard error)"
        if self.unfit:
            line += f"; {self.unfit} fact(s) dropped that a merge made a loop or a retype unfit for their relation"
        return line


class _Page:
    """A page's record lines, with each fact's two ends as indexes into its entities."""

    def __init__(self, records: list[dict]):
        self.head = [r for r in records if r["kind"] not in ("entity", "triple")]
        self.entities = [dict(r, aliases=list(r.get("aliases", ()))) for r in records if r["kind"] == "entity"]
        self.triples = [dict(r) for r in records if r["kind"] == "triple"]
        self.doc = records[0]["doc"] if records else ""
        named: dict[str, int] = {}
        for i, e in enumerate(self.entities):
            for name in (e["name"], *e["aliases"]):
                named.setdefault(name_key(name), i)
        # as kg.graph.load.RecordReader resolves them: the first entity with the name or alias
        for t in self.triples:
            t["_ends"] = (named.get(name_key(t["subject"])), named.get(name_key(t["object"])) if "object" in t else None)

    def ends(self, t: dict) -> tuple[dict | None, dict | None]:
        return tuple(None if i is None else self.entities[i] for i in t["_ends"])

    def matching(self, ref: Ref) -> list[dict]:
        key = name_key(ref.name)
        return [e for e in self.entities if name_key(e["name"]) == key and ref.type in (None, e["type"])]

    def declared(self, ref: Ref) -> int:
        return sum(DECLARED in e.get("source", ()) for e in self.matching(ref))

    def combine(self) -> None:
        """Entities that corrections made one (same type and name) become one entity line."""
        kept: dict[tuple, int] = {}
        moved: dict[int, int] = {}
        entities: list[dict] = []
        for i, e in enumerate(self.entities):
            key = (e["type"], name_key(e["name"]))
            if key in kept:
                _absorb(entities[kept[key]], e)
            else:
                kept[key] = len(entities)
                entities.append(e)
            moved[i] = kept[key]
        self.entities = entities
        for t in self.triples:
            s, o = t["_ends"]
            t["_ends"] = (moved.get(s, s), moved.get(o, o) if o is not None else None)
            t["_loop"] = s != o and t["_ends"][0] == t["_ends"][1]

    def drop_unfit(self) -> int:
        """Drop facts that merged into a loop or whose ends' types their relation no longer allows."""
        before = len(self.triples)
        self.triples = [t for t in self.triples if _fits(t, *self.ends(t))]
        for t in self.triples:
            s, o = self.ends(t)
            if s is not None:
                t["subject"] = s["name"]
            if o is not None:
                t["object"] = o["name"]
        return before - len(self.triples)

    def records(self) -> list[dict]:
        for e in self.entities:
            e["aliases"] = sorted(set(e["aliases"]) - {e["name"]})
            e.pop("_changed", None)
        triples, seen = [], set()
        for t in self.triples:
            t.pop("_ends", None)
            t.pop("_loop", None)
            key = repr(sorted(t.items()))
            if key not in seen:     # two facts a merge made one, read in the same sentence
                seen.add(key)
                triples.append(t)
        return [*self.head, *self.entities, *triples]


def _fits(t: dict, subject: dict | None, obj: dict | None) -> bool:
    """Whether a fact still holds after its page's entities were corrected: not made a loop by a merge, and,
    where an end was changed, of the types its relation links."""
    if t.get("_loop"):
        return False
    if subject is None or ("object" in t and obj is None) or not any(e and e.get("_changed") for e in (subject, obj)):
        return True         # an end no entity line names, or neither end changed: as the record had it
    domain, range_ = DOMAIN_RANGE.get(t["predicate"], (None, None))
    return (domain is None or subject["type"] in domain) and (obj is None or range_ is None or obj["type"] in range_)


def _absorb(into: dict, e: dict) -> None:
    into["aliases"] = sorted({*into["aliases"], *e["aliases"], e["name"]} - {into["name"]})
    into["mentions"] = sorted({tuple(m) for m in (*into.get("mentions", ()), *e.get("mentions", ()))})
    into["mentions"] = [list(m) for m in into["mentions"]]
    into["source"] = sorted({*into.get("source", ()), *e.get("source", ())})
    if e.get("confidence") is not None:       # as sure as its surest reading
        into["confidence"] = surest(into.get("confidence"), e["confidence"])
    for flag in ("byline", "_changed"):
        if e.get(flag):
            into[flag] = True


def _renamed(e: dict, name: str, type_: str) -> None:
    """The entity called `name`, of `type_`, keeping the name it had as an alias; a reviewer among its sources."""
    if name_key(e["name"]) != name_key(name):
        e["aliases"] = [*e["aliases"], e["name"]]
    e.update(name=name, type=type_, id=_iri(name, type_, e["doc"]), _changed=True)
    e["source"] = sorted({*e.get("source", ()), REVIEWER})


def _merge(page: _Page, c: Correction) -> int:
    found = page.matching(c.entity)
    for e in found:
        _renamed(e, c.to.name, c.to.type)
    return len(found)


def _rename(page: _Page, c: Correction) -> int:
    found = page.matching(c.entity)
    for e in found:
        _renamed(e, c.to.name, c.to.type or e["type"])
    return len(found)


def _retype(page: _Page, c: Correction) -> int:
    found = page.matching(c.entity)
    for e in found:
        _renamed(e, e["name"], c.type)
    return len(found)


def _alias(page: _Page, c: Correction) -> int:
    """The names are the entity's: its lines get them, and an entity a page calls by one becomes it."""
    changed = 0
    for name in c.names:
        for e in page.matching(Ref(name)):
            _renamed(e, c.entity.name, c.entity.type or e["type"])
            changed += 1
    for e in page.matching(c.entity):
        e["aliases"] = [*e["aliases"], *c.names]
        e["source"] = sorted({*e.get("source", ()), REVIEWER})
        changed += 1
    return changed


def _split(page: _Page, c: Correction) -> int:
    if c.drop:
        found = [e for e in page.matching(c.entity) if name_key(c.drop) in map(name_key, e["aliases"])]
        for e in found:
            e["aliases"] = [a for a in e["aliases"] if name_key(a) != name_key(c.drop)]
            e["source"] = sorted({*e.get("source", ()), REVIEWER})
        return len(found)
    if page.doc not in c.documents:
        return 0
    return _rename(page, c)


_EDITS = {"merge": _merge, "rename": _rename, "retype": _retype, "alias": _alias, "split": _split}


def _names(c: Correction) -> list[str]:
    """The names a correction of entities looks for in a page."""
    return [c.entity.name, *c.names]


def _fits_ref(ref: Ref, e: dict | None) -> bool:
    return e is not None and ref.type in (None, e["type"]) and \
        name_key(ref.name) in {name_key(n) for n in (e["name"], *e["aliases"])}


def _matches(f: Fact, t: dict, subject: dict, obj: dict | None, statement: str) -> bool:
    if f.id:
        return f.id == statement
    if t["predicate"] != f.relation or not _fits_ref(f.subject, subject):
        return False
    if f.role is not None and name_key(f.role) != name_key(t.get("role", "")):
        return False
    if f.object is not None:
        return _fits_ref(f.object, obj)
    return "value" in t and _amount(t["value"]) == f.value


def _amount(value) -> Decimal:
    return Decimal(repr(value) if isinstance(value, float) else value)


def _statement(t: dict, subject: dict, obj: dict | None) -> str:
    """The 16 hex digits of the fact's statement in graph.ttl."""
    from kg.rdf.graph import statement_iri

    end = _on_page(obj["name"], obj["type"], t["doc"]) if obj else None
    value = None if obj else Money(_amount(t["value"]), t.get("currency", "CNY"))
    subject = _on_page(subject["name"], subject["type"], t["doc"])
    return statement_iri(Triple(subject, t["predicate"], end, value)).rsplit("/", 1)[-1]


def _on_page(name: str, type_: str, doc: str) -> Entity:
    """The entity of that name on page `doc`, with its page where the name says not whose it is (Entity.page)."""
    return Entity(name, type_, page=page_of(type_, name, doc))


def _iri(name: str, type_: str, doc: str) -> str:
    entity = _on_page(name, type_, doc)
    return str(entity_iri(entity.type, entity.id))


def _added(doc: str, added: list[tuple[int, Correction]]) -> list[dict]:
    entities: dict[tuple, dict] = {}
    triples = []
    for _, c in added:
        f = c.fact
        for ref in (f.subject, f.object):
            if ref is not None:
                entities.setdefault((ref.type, name_key(ref.name)), {
                    "kind": "entity", "doc": doc, "name": ref.name, "type": ref.type, "aliases": [],
                    "id": _iri(ref.name, ref.type, doc), "mentions": [],
                    "source": [REVIEWER]})
        t = {"kind": "triple", "doc": doc, "subject": f.subject.name, "predicate": f.relation}
        if f.object is not None:
            t["object"] = f.object.name
        else:
            t.update(value=json_number(f.value), currency="CNY")
        if f.role:
            t["role"] = f.role
        # the note stands in for a sentence, and the item's place in the file for its span
        t.update(source=REVIEWER, evidence=c.note, article=0, sentence=c.line - 1, span=list(c.span),
                 confidence=STATED, reviewed=True, reviewer=c.by)
        triples.append(t)
    return [*entities.values(), *triples]


def _graph_names(graph: KnowledgeGraph) -> dict[str, str]:
    """Every name and alias of the graph by its name_key."""
    names = {}
    for node in graph.nodes.values():
        for name in (node.name, *sorted(node.aliases)):
            names.setdefault(name_key(name), name)
    return names


def _types(graph: KnowledgeGraph, name: str) -> list[str]:
    """The types of the entities called `name` in the graph."""
    key = name_key(name)
    return sorted({n.type for n in graph.nodes.values() if name_key(n.name) == key})


def _unmatched(c: Correction, graph: KnowledgeGraph, names: dict[str, str]) -> str:
    if c.action == "recognise":
        return f"{c.where}: {c}: no page names {c.entity.name}"
    if c.action == "reject" and c.fact and not c.fact.id and _derived(c.fact, graph):
        return (f"{c.where}: {c}: this fact is derived from China's division codes on every build, not read "
                f"from a page; it cannot be rejected")
    refs = [r for r in (c.entity, c.to, c.fact and c.fact.subject, c.fact and c.fact.object) if r]
    missing = [r.name for r in refs if name_key(r.name) not in names]
    if c.action == "alias":
        missing = [] if name_key(c.entity.name) in names else [c.entity.name]
    if not missing:
        for r in refs:
            if r.type and r.type not in _types(graph, r.name) and _types(graph, r.name):
                return (f"{c.where}: {c}: matches nothing in the graph; {r.name} is "
                        f"{' and '.join(_types(graph, r.name))} there, not {r.type}")
        return f"{c.where}: {c}: matches nothing in the graph (its names are there, but not as it says)"
    near = difflib.get_close_matches(missing[0], list(names.values()), n=3, cutoff=0.4)
    return (f"{c.where}: {c}: matches nothing in the graph; no entity is called {missing[0]}"
            + (f"; nearest names: {'、'.join(near)}" if near else ""))


def _derived(f: Fact, graph: KnowledgeGraph) -> bool:
    return any(t.source == DIVISIONS and t.predicate == f.relation and name_key(t.subject.name) == name_key(f.subject.name)
               and t.object is not None and f.object is not None and name_key(t.object.name) == name_key(f.object.name)
               for t in graph.triples)
