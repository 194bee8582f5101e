"""A built graph back into a KnowledgeGraph, for the exports and statistics.

    from kg.graph.load import load_graph
    kg = load_graph("out")                  # a folder written by kg build
    kg = load_graph("out/extraction.jsonl") # its extraction record
    kg = load_graph("out/graph.ttl")        # or its RDF

The extraction record is read first when there is a choice: it holds every fact
with its post and evidence sentence, and the same documents merged again give
the very nodes the build wrote. From RDF only what is least likely to change
shape is read — types, labels, aliases, documents, the plain links and the
confidences of entities and statements — so a graph from RDF has no evidence or posts.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import orjson
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SDO, SKOS

from kg.confidence import normal, surest
from kg.graph.merge import merge
from kg.lexicon import named_by_level, page_of
from kg.model import ENTITY_TYPES, PREDICATES, Document, Entity, KnowledgeGraph, Money, Node, Provenance, Triple, name_key
from kg.rdf.terms import HZ
from kg.read import InputError

RECORD = "extraction.jsonl"
# the suffixes of the RDF kg build may write, the usual one first, and two more that people have
RDF_SUFFIXES = (".ttl", ".nt", ".jsonld", ".trig", ".nq", ".rdf")


def load_graph(path: str | Path) -> KnowledgeGraph:
    path = Path(path)
    if path.is_dir():
        # graph.ttl, or graph.nt / .jsonld / .trig when the build was asked for another format
        for found in [path / RECORD, *(path / f"graph{suffix}" for suffix in RDF_SUFFIXES)]:
            if found.is_file():
                return load_graph(found)
        raise InputError(f"{path}: holds neither {RECORD} nor graph.ttl; give a folder written by kg build")
    if not path.is_file():
        raise InputError(f"{path}: no such file or folder; give a folder written by kg build, "
                         f"its {RECORD} or its graph.ttl")
    if path.suffix == ".jsonl":
        return from_record(path)
    if path.suffix not in RDF_SUFFIXES:
        raise InputError(f"{path}: neither an extraction record (.jsonl) nor RDF (.ttl, .nt, .jsonld, .trig)")
    return from_rdf(path)


def from_record(path: Path) -> KnowledgeGraph:
    reader = RecordReader()
    for number, record in _records(path):
        reader.read(record, f"{path}:{number}")
    return merge(reader.documents.values())


class RecordReader:
    """Lines of an extraction record back into documents with their entities and triples."""

    def __init__(self):
        self.documents: dict[str, Document] = {}
        self._named: dict[tuple[str, str], Entity] = {}     # (document, name_key of a name or alias) → entity

    def read(self, record: dict, where: str) -> None:
        doc = self.documents.setdefault(record["doc"], Document(id=record["doc"], raw=""))
        if record["kind"] == "document":
            doc.date, doc.meta = record.get("date", ""), record.get("meta", {})
        elif record["kind"] == "entity":
            entity = Entity(record["name"], record["type"], set(record.get("aliases", ())),
                            byline=record.get("byline", False), confidence=confidence_of(record),
                            page=page_of(record["type"], record["name"], doc.id))
            doc.entities.append(entity)
            for name in (entity.name, *entity.aliases):
                self._named.setdefault((doc.id, name_key(name)), entity)
        elif record["kind"] == "triple":
            doc.triples.append(self._triple(doc, record, where))

    def _triple(self, doc: Document, record: dict, where: str) -> Triple:
        # Entity lines come before the triple lines of their document (kg.write.jsonl).
        subject = self._named.get((doc.id, name_key(record["subject"])))
        obj = self._named.get((doc.id, name_key(record["object"]))) if "object" in record else None
        if subject is None or ("object" in record and obj is None):
            raise InputError(f"{where}: the triple names an entity that no entity line of its document has")
        value = None
        if "value" in record:
            value = Money(_exact(record["value"], where), record.get("currency", "CNY"), record.get("qualifier", ""))
        provenance = None
        if "evidence" in record:
            start, end = record.get("span", (0, 0))
            provenance = Provenance(doc.id, record.get("article", 0), record.get("sentence", 0),
                                    record["evidence"], start, end)
        return Triple(subject, record["predicate"], obj, value, record.get("role", ""), provenance,
                      record.get("source", ""), confidence_of(record), reviewer=_reviewer(record))


def confidence_of(record: dict) -> Decimal | None:
    """An entity's or triple's confidence, spelt one way whether its line said 0.5 or 0.50
    (kg.confidence.normal); a line from a file has been checked by _wrong."""
    return normal(record["confidence"]) if "confidence" in record else None


def _reviewer(record: dict) -> str:
    """Who reviewed the fact (kg/correct), "" when no one did."""
    if not record.get("reviewed"):
        return ""
    return str(record.get("reviewer") or "reviewer")


def _exact(value, where: str) -> Decimal:
    # The record writes an amount so that its digits survive orjson (kg.write.jsonl.json_number):
    # a double's shortest repr gives them back.
    try:
        if isinstance(value, bool):
            raise TypeError
        amount = Decimal(repr(value) if isinstance(value, float) else value)
        if amount.is_finite():
            return amount
    except (TypeError, ArithmeticError):
        pass
    raise InputError(f"{where}: the triple's value {value!r} is not an amount; give a number")


def _records(path: Path):
    try:
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.strip():
                    yield number, _record(line, f"{path}:{number}")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: byte {exc.start} of a line is not UTF-8; the extraction record is UTF-8") from None


def _record(line: str, where: str) -> dict:
    """A line of a record that may have been edited by hand, checked for what the graph needs of it."""
    try:
        record = orjson.loads(line)
    except ValueError:
        record = None
    if not isinstance(record, dict) or not {"kind", "doc"} <= record.keys():
        raise InputError(f"{where}: not a line of the extraction record (see SCHEMA.md)")
    wrong = _wrong(record)
    if wrong:
        raise InputError(f"{where}: {wrong} (see SCHEMA.md)")
    return record


def _text(value) -> bool:
    return isinstance(value, str) and value != ""


def _wrong(record: dict) -> str | None:
    """What is wrong with the record's values, or None."""
    kind = record["kind"]
    if not _text(record["doc"]):
        return '"doc" is not a name'
    if kind == "document":
        ok = isinstance(record.get("date", ""), str) and isinstance(record.get("meta", {}), dict)
        return None if ok else 'a document\'s "date" is text and its "meta" an object'
    if "confidence" in record and not _confidence_ok(record["confidence"]):
        return '"confidence" is a number from 0 to 1'
    if kind == "entity":        # a type of one's own is allowed: the exports quote whatever it is
        if not _text(record.get("name")) or not _text(record.get("type")):
            return 'an entity has a "name" and a "type", each a non-empty string'
        aliases = record.get("aliases", [])
        return None if isinstance(aliases, list) and all(map(_text, aliases)) else '"aliases" is a list of names'
    if kind == "triple":
        return _wrong_triple(record)
    return f'"kind" is {kind!r}, not entity, triple or document'


def _confidence_ok(value) -> bool:
    # a number, not the digits in a string: the record writes it as one
    if not isinstance(value, (int, float)):
        return False
    try:
        normal(value)
    except ValueError:
        return False
    return True


def _wrong_triple(record: dict) -> str | None:
    if not _text(record.get("subject")) or not _text(record.get("predicate")):
        return 'a triple has a "subject" and a "predicate", each a non-empty string'
    if not (_text(record.get("object")) if "object" in record else "value" in record):    # the value: _exact
        return 'a triple has an "object" name, or a "value"'
    if not all(isinstance(record.get(k, ""), str) for k in ("role", "currency", "qualifier", "evidence")):
        return '"role", "currency", "qualifier" and "evidence" are text'
    span = record.get("span", [0, 0])
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(n, int) and n >= 0 for n in span)
            and span[0] <= span[1]):
        return '"span" is [start, end], two offsets with start <= end'
    return None if all(isinstance(record.get(k, 0), int) for k in ("article", "sentence")) \
        else '"article" and "sentence" are numbers'


def from_rdf(path: Path) -> KnowledgeGraph:
    from kg.rdf.load import load_graph as parse     # pyoxigraph's parser: its errors name the line and column

    g = parse(path)         # a graph split into named graphs (TriG, N-Quads) is read as their union
    entities: dict = {}
    for type_ in ENTITY_TYPES:
        for iri in g.subjects(RDF.type, HZ[type_]):
            label = _label(g, iri)
            if label:
                # a page's own body (kg.resolve.own_bodies) is mentioned in its page alone
                page = min((_doc_id(g, d) for d in g.objects(iri, HZ.mentionedIn)), default="") \
                    if named_by_level(type_, label) else ""
                entities[iri] = Entity(label, type_, {str(a) for a in g.objects(iri, SKOS.altLabel)},
                                       confidence=_rdf_confidence(g, iri), page=page)
    kg = KnowledgeGraph(documents=sorted({_doc_id(g, d) for d in g.objects(None, HZ.mentionedIn)}))
    for iri, entity in entities.items():
        node = kg.nodes.setdefault(entity.id, Node(entity.id, entity.name, entity.type))
        node.aliases |= entity.aliases - {entity.name}
        node.docs |= {_doc_id(g, d) for d in g.objects(iri, HZ.mentionedIn)}
        node.confidence = surest(node.confidence, entity.confidence)
    stated = _statement_confidences(g)
    for predicate in PREDICATES:
        for s, o in g.subject_objects(HZ[predicate]):
            if s not in entities:
                continue
            confidence = stated.get((s, HZ[predicate], o))
            if o in entities:
                kg.triples.append(Triple(entities[s], predicate, entities[o], confidence=confidence))
            elif (value := _money(g, s, o)) is not None:
                kg.triples.append(Triple(entities[s], predicate, value=value, confidence=confidence))
    return kg


def _rdf_confidence(g, iri) -> Decimal | None:
    """The hz:confidence of an entity or statement, if it has one that is a confidence."""
    value = g.value(iri, HZ.confidence)
    try:
        return normal(str(value)) if isinstance(value, Literal) else None
    except ValueError:      # not ours to judge here: kg validate says what is wrong with it
        return None


def _statement_confidences(g) -> dict[tuple, Decimal]:
    """The confidence of each link (subject, predicate, object) its rdf:Statement states."""
    found = {}
    for statement in g.subjects(RDF.type, RDF.Statement):
        confidence = _rdf_confidence(g, statement)
        if confidence is not None:
            link = (g.value(statement, RDF.subject), g.value(statement, RDF.predicate),
                    g.value(statement, RDF.object))
            found[link] = confidence
    return found


def _label(g, iri) -> str:
    labels = sorted(g.objects(iri, RDFS.label), key=lambda lit: getattr(lit, "language", None) != "zh")
    return str(labels[0]) if labels else ""


def _doc_id(g, iri) -> str:
    label = g.value(iri, RDFS.label)
    return str(label) if label is not None else unquote(str(iri).rstrip("/").rsplit("/", 1)[-1])


def _money(g, subject, o) -> Money | None:
    """A bare xsd:decimal, with the currency and hedge of the subject's schema:MonetaryAmount of that value."""
    if not isinstance(o, Literal):
        return None
    try:
        amount = Decimal(str(o))
    except ArithmeticError:
        return None
    if not amount.is_finite():
        return None
    for node in g.objects(subject, HZ.totalInvestmentAmount):
        if g.value(node, SDO.value) == o:
            currency, hedge = g.value(node, SDO.currency), g.value(node, HZ.qualifier)
            return Money(amount, str(currency or "CNY"), str(hedge or ""))
    return Money(amount)
