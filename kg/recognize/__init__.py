"""Recognise: find the mentions of the ten entity types in every sentence.

Each recogniser proposes mentions; where two overlap, the longer one stays,
since a longer name holds the shorter (石家庄高新区科技局 holds 石家庄高新区).
"""
from __future__ import annotations

from kg.lexicon import is_plain_word
from kg.model import Document, Mention
from kg.recognize import coreference, industries, organisations, people, places, policies, products, projects
from kg.recognize.tokens import LazyTokens

# on equal spans, the more specific reading wins
_PRIORITY = ["Person", "Zone", "Company", "GovernmentAgency", "Organization", "Product", "Policy", "Project",
             "Industry", "Place"]


def _proposals(doc: Document):
    for sentence in doc.sentences:
        text, at, n = sentence.text, sentence.start, sentence.index
        tokens = LazyTokens(text)
        yield from places.find(text, at, n, tokens)
        yield from organisations.find(text, at, n, tokens)
        yield from people.find(text, at, n, tokens)
        yield from projects.find(text, at, n, tokens)
        yield from industries.find(text, at, n, tokens)
        yield from policies.find(text, at, n)
        yield from products.find(text, at, n)
        yield from coreference.find(text, at, n)
    for article in doc.articles:
        for name, start, end in article.bylines:
            if is_plain_word(name, min_freq=1):
                continue        # 绪言 before the reporters' names is a word, not a name
            first = article.sentences[0].index if article.sentences else -1
            yield Mention(name, "Person", start, end, first, name=name)


def _keep(mentions: list[Mention]) -> list[Mention]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    return sorted((m for group in by_sentence.values() for m in _keep_in_sentence(group)), key=lambda m: m.start)


def _keep_in_sentence(mentions: list[Mention]) -> list[Mention]:
    anchors = [m for m in mentions if m.type in ("Zone", "Place")]
    trimmed = [t for t in (_trimmed(m, anchors) for m in mentions) if t]
    ranked = sorted(trimmed, key=lambda m: (-(m.end - m.start), _PRIORITY.index(m.type), m.start))
    taken: list[Mention] = []
    for m in ranked:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return taken


def _trimmed(m: Mention, anchors: list[Mention]) -> Mention | None:
    """A description whose left edge runs into a zone or place starts after it:
    西部（重庆）科学城智能网联新能源汽车 → 智能网联新能源汽车."""
    crossing = [a for a in anchors if a.start < m.start < a.end < m.end]
    if not crossing or m.type not in ("Industry", "Project", "Policy"):
        return m
    cut = max(a.end for a in crossing)
    if m.end - cut < 2:
        return None
    head = m.text[:cut - m.start]
    name = m.name[len(head):] if m.name.startswith(head) else m.name
    return Mention(m.text[len(head):], m.type, cut, m.end, m.sentence, name=name)


def _public(mentions: list[Mention]) -> list[Mention]:
    """A policy is a public body's: a slogan quoted after a company's name is the company's strategy."""
    kept, last_actor = [], {}      # sentence → the type of the last zone, agency or company named in it
    for m in mentions:
        if m.type == "Policy" and m.text.startswith("“") and last_actor.get(m.sentence) == "Company":
            continue
        if m.type in ("Zone", "GovernmentAgency", "Company"):
            last_actor[m.sentence] = m.type
        kept.append(m)
    return kept


def recognise(doc: Document) -> Document:
    doc.mentions = _public(_keep(list(_proposals(doc))))
    return doc
