"""The data model, defined once and passed through every stage.

    Document → Article → Sentence → Mention → Entity, and Triple with Provenance.

Stages add to a `Document` and hand it on (repair → segment → recognise →
resolve → relate); the graph stage merges documents into a `KnowledgeGraph`.
Offsets are character offsets into `Document.text` (the repaired text) unless a
name says *original*; `Document.original_span` maps them back to the file.
"""
from __future__ import annotations

import hashlib
import unicodedata
from decimal import Decimal
from functools import lru_cache
from dataclasses import dataclass, field, replace

from kg.confidence import surest

ENTITY_TYPES = ("Zone", "Place", "Company", "Organization", "GovernmentAgency",
                "Person", "Project", "Industry", "Policy", "Product")
BODIES = ("Company", "Organization", "GovernmentAgency")      # the types of a body's name
# the bodies that act: they work together, hold posts, own and sign (SCHEMA.md's cooperatesWith joins any two)
ACTORS = ("Zone", *BODIES)
PREDICATES = ("locatedIn", "partOf", "signs", "investsIn", "holdsRole",
              "cooperatesWith", "focusesOn", "issues", "produces", "totalInvestment")
SYMMETRIC = ("cooperatesWith",)     # said of its two ends alike: A works with B as B with A


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """The form under which two surface names count as the same name."""
    s = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in s if not ch.isspace() and ch not in "“”‘’\"'「」《》").lower()


@dataclass
class Sentence:
    index: int          # position in the document, counted over all articles
    start: int
    end: int
    text: str


@dataclass
class Article:
    index: int
    start: int
    end: int
    title: str = ""
    bylines: list[tuple[str, int, int]] = field(default_factory=list)   # (name, start, end) of each reporter
    sentences: list[Sentence] = field(default_factory=list)


GOLD_SOURCE = "gold"    # the source of a mention the gold names (kg/train/gold.py), which no page read at run time has


@dataclass
class Mention:
    text: str           # the surface form, as repaired
    type: str
    start: int
    end: int
    sentence: int       # Sentence.index
    name: str = ""      # the canonical name of the entity it refers to, set by resolve
    source: str = ""    # what made it: "model", "gazetteer", "byline", or the rule that derived it

    def __post_init__(self):
        self.name = self.name or self.text

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, other: "Mention") -> bool:
        return other.start <= self.start and self.end <= other.end


@dataclass
class Entity:
    """One real-world thing as one document names it."""
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    byline: bool = False
    confidence: Decimal | None = None   # how often an entity like it is right, calibrated on held-out folds
    page: str = ""      # the document whose own body it is, where its name says not whose (kg.resolve.own_bodies)

    @property
    def id(self) -> str:
        """Stable across runs and documents: the same type and name give the same id, on every page but for a
        page's own body (省委 of a page that names no province), whose id is its page's."""
        return entity_id(self.type, self.name, self.page)


@lru_cache(maxsize=1 << 18)
def entity_id(type_: str, name: str, page: str = "") -> str:
    key = f"{type_}\t{name_key(name)}" + (f"\t{page}" if page else "")
    return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Money:
    amount: Decimal     # in units of `currency`, exactly as the text says (1.16亿元 → 116000000)
    currency: str = "CNY"   # ISO 4217, as the text names it; never converted
    qualifier: str = ""  # 近 / 约 / 超 / 余 / 多: the text's hedge, kept rather than dropped

    def __post_init__(self):
        # A float has already lost digits (1.16e8 is 115999999.99999999…): only exact amounts come in.
        if isinstance(self.amount, (float, bool)) or not isinstance(self.amount, (Decimal, int, str)):
            raise TypeError(f"an amount is a Decimal, an int or its digits, not {type(self.amount).__name__}")
        amount = Decimal(self.amount)
        if not amount.is_finite():
            raise ValueError(f"an amount is a finite number, not {self.amount}")
        # One spelling per value (116000000, not 1.16E+8), so that every output writes the same digits.
        object.__setattr__(self, "amount", Decimal(int(amount)) if amount == amount.to_integral_value()
                           else amount.normalize())

    @property
    def digits(self) -> str:
        """The amount's digits, with no exponent: what RDF's xsd:decimal, CSV and JSON write."""
        return format(self.amount, "f")


@dataclass(frozen=True)
class Provenance:
    doc: str
    article: int
    sentence: int
    text: str           # the evidence sentence
    start: int          # the evidence's span in the original file
    end: int


@dataclass
class Triple:
    subject: Entity
    predicate: str
    object: Entity | None = None     # None only for totalInvestment
    value: Money | None = None
    role: str = ""                    # the post, for holdsRole
    provenance: Provenance | None = None
    source: str = ""                  # the rule or model that read it ("rule:located" …)
    confidence: Decimal | None = None   # 0.00–1.00, two places: how often a fact like it is right (held-out folds)
    reviewer: str = ""                # who checked it, when a person did (kg/correct): the fact is reviewed


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input: a page skipped, or built with a warning."""
    path: str                         # the file, printable (odd bytes and controls escaped)
    reason: str                       # one line: what is wrong, and what to do about it
    skipped: bool = True              # False: the page was built all the same
    doc: str = ""                     # the document, when the file holds several (.jsonl)
    line: int | None = None           # 1-based line of the file
    byte: int | None = None           # offset in the file where the trouble is


@dataclass
class Document:
    id: str
    raw: str                          # the page's text as read (decoded, a web page's body text), untouched
    original: str = ""                # from simplify to quote: the page's own text, while raw is a simplified copy
    path: str = ""
    date: str = ""                    # the publication date the input gives, ISO 8601 (2024-01-05)
    meta: dict = field(default_factory=dict)          # what else the input says of it (a .jsonl article's keys)
    problems: list[Problem] = field(default_factory=list)   # warnings met on the way; the page was built
    text: str = ""                    # repaired text
    offsets: list[int] = field(default_factory=list)   # text index → raw index, len(text)+1 entries
    articles: list[Article] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)
    declared: tuple[tuple[str, str], ...] = ()   # (name, type) a corrections file says to recognise (kg/correct)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for a in self.articles for s in a.sentences]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original file that a span of the repaired text came from."""
        if not self.offsets:
            return start, end
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1 if end > start else self.offsets[start]

    def entity(self, name: str, type_: str | None = None) -> Entity | None:
        key = name_key(name)
        for e in self.entities:
            if (type_ is None or e.type == type_) and (name_key(e.name) == key
                                                     or key in {name_key(a) for a in e.aliases}):
                return e
        return None


@dataclass
class Node:
    """An entity merged across documents: one IRI in the graph."""
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    confidence: Decimal | None = None   # the highest of its entities' (kg.graph.merge)


def fact_key(t: Triple) -> tuple:
    """What makes two triples one fact: its two ends and post (a project's amounts are one fact)."""
    return t.subject.id, t.predicate, t.object.id if t.object else None, t.role


@dataclass
class KnowledgeGraph:
    nodes: dict[str, Node] = field(default_factory=dict)    # by Node.id
    triples: list[Triple] = field(default_factory=list)     # a fact once for each sentence that says it
    documents: list[str] = field(default_factory=list)
    articles: int = 0
    dates: dict[str, str] = field(default_factory=dict)     # document id → Document.date, when known

    def facts(self) -> dict[tuple, Triple]:
        """Each fact once, however many sentences say it: what every output counts (an edge of the
        property graph or a project's amount, a fact triple of the RDF), keyed by its two ends and post
        (fact_key). Each is the first triple that says it, with the highest confidence of all that do:
        a fact is as sure as its surest sentence, whatever order the sentences came in."""
        found: dict[tuple, Triple] = {}
        for t in self.triples:
            key = fact_key(t)
            first = found.setdefault(key, t)
            if first is not t and surest(first.confidence, t.confidence) != first.confidence:
                found[key] = replace(first, confidence=t.confidence)    # a copy: the triple itself stays as read
        return found
