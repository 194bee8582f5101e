"""What every relation finder needs to know about a document, computed once."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import NamedTuple

from kg.lexicon import load, post_run
from kg.model import Article, Document, Entity, Mention, Provenance, Sentence, Triple, name_key
from kg.resolve import carried_places, main_zone


class ArticleZone(NamedTuple):
    zone: Entity | None     # the zone the article is about
    named: int              # how many zones it names
    first: bool             # whether its first sentence (its title or lead) names that zone


class Context:
    def __init__(self, doc: Document):
        self.doc = doc
        self.sentences: dict[int, Sentence] = {s.index: s for s in doc.sentences}
        self.article_of = {s.index: a for a in doc.articles for s in a.sentences}
        self.by_key = {(e.type, name_key(e.name)): e for e in doc.entities}
        for e in doc.entities:      # an entity is found by its aliases too, where no other has that name
            for alias in sorted(e.aliases):
                self.by_key.setdefault((e.type, name_key(alias)), e)
        self.in_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in doc.mentions:
            self.in_sentence[m.sentence].append(m)
        for m in _standing_alone(doc, self.in_sentence):
            self.in_sentence[m.sentence].append(m)
            self.in_sentence[m.sentence].sort(key=lambda m: (m.start, m.end))
        # what a sentence names, without the names inside longer ones (a company at the front of its project's
        # name): a rule that reads the words between two names reads them between whole names
        self.outermost: dict[int, list[Mention]] = {
            sentence: [m for m in mentions if not any(m.within(o) and (o.start, o.end) != (m.start, m.end)
                                                       for o in mentions)]
            for sentence, mentions in self.in_sentence.items()}
        self.triples: dict[tuple, Triple] = {}
        self._article_zones: dict[int, ArticleZone] = {}
        self.source = ""        # the rule at work, which every fact it adds names

    def entity(self, m: Mention) -> Entity | None:
        found = self.by_key.get((m.type, name_key(m.name)))
        if found is None:   # merged into a longer name by resolve
            found = next((e for e in self.doc.entities if e.type == m.type and m in e.mentions), None)
        return found

    def named(self, type_: str, name: str) -> Entity | None:
        return self.by_key.get((type_, name_key(name)))

    def main_zone(self, sentence: int) -> Entity | None:
        """The zone an article is about: the one it names most often; none in a county's article (_about_a_county,
        _districts_own)."""
        return self.article_zone(sentence).zone

    def article_zone(self, sentence: int) -> ArticleZone:
        """What the article of `sentence` says of zones, counted once an article."""
        article = self.article_of.get(sentence)
        if article is None:
            return ArticleZone(None, 0, False)
        if article.index not in self._article_zones:
            named = [m for s in article.sentences for m in self.in_sentence.get(s.index, ()) if m.type == "Zone"]
            text = self.doc.text[article.start:article.end]
            zone = self.named("Zone", main_zone(named, text, article.start)) if named else None
            own = [m for m in named if self.entity(m) is zone]
            if zone is not None and (self._about_a_county(article, zone, len(own), text)
                                     or _districts_own(text, article.start, own)):
                zone = None
            first = article.sentences[0].index
            self._article_zones[article.index] = ArticleZone(
                zone, len({m.name for m in named}),
                zone is not None and any(m.sentence == first and self.entity(m) is zone for m in named))
        return self._article_zones[article.index]

    def _about_a_county(self, article: Article, zone: Entity, zone_named: int, text: str) -> bool:
        """Whether the article names a county or district more often than its zone: the county's article
        (某某区举办推介会…某某区向客商推荐了…), whose signings and industries are the county's, the zone one of
        its places. A district the zone is named with in brackets (高新区（某某区）), or whose name the zone's
        carries, is the zone under another name. `zone_named`: how often the article names the zone; `text`: the
        article's."""
        counties = Counter(m.name for s in article.sentences for m in self.in_sentence.get(s.index, ())
                           if m.type == "Place" and _county(m.name))
        own = set(carried_places(zone))
        return any(n > zone_named and county not in own and not _bracketed(county, text)
                   for county, n in counties.items())

    def about_hiring(self, sentence: int) -> bool:
        """Whether a sentence is about hiring (招聘岗位涉及A、B等行业): the fields it lists are the posts', not the
        industries of the zone the article is about."""
        s = self.sentences.get(sentence)
        return s is not None and _HIRING.search(s.text) is not None

    def add(self, subject: Entity | None, predicate: str, obj: Entity | None, sentence: int, **extra):
        if subject is None or (obj is None and "value" not in extra) or subject is obj:
            return
        key = (subject.id, predicate, obj.id if obj else extra["value"])
        if key in self.triples:
            return
        self.triples[key] = Triple(subject, predicate, obj, provenance=self.provenance(sentence), source=self.source,
                                   **extra)

    def provenance(self, sentence: int) -> Provenance | None:
        s = self.sentences.get(sentence)
        if s is None:
            return None
        start, end = self.doc.original_span(s.start, s.end)
        return Provenance(self.doc.id, self.article_of[s.index].index, s.index, s.text, start, end)


def _standing_alone(doc: Document, read: dict[int, list[Mention]]) -> list[Mention]:
    """The mentions derive made where nothing was `read` (a bare 科学城管委会 beside the bodies it signs with):
    names of the sentence like the others. Those derived inside a longer name stay the name's, and a
    committee a post follows (管委会主任) is the post's."""
    return [m for e in doc.entities for m in e.mentions if m.source.startswith("derived:")
            and not any(m.overlaps(o) for o in read.get(m.sentence, ())) and not post_run().match(doc.text, m.end)]


_HIRING = re.compile(r"招聘|应聘|求职|岗位需求|用工需求")     # a job fair's or a firm's
# a district's organs named bare, as its own paper names them: 区委书记某某, 区长某某, 区人大常委会主任某某
_DISTRICT_ORGANS = re.compile(r"(?:^|(?<=[，。；、\n]))区(?:委|政府|长|人大|政协)")


def _districts_own(text: str, at: int, zone_named: list[Mention]) -> bool:
    """Whether an article (its `text`, beginning at `at` in its page) is a district's own (区委书记某某出席…区长某某
    致辞…我区将围绕…), which names its zone only in a post of someone's (`zone_named`: 高新区党工委书记某某): a zone
    has no 区委, 区长, 区人大 or 区政协 of its own, and the district's plans are not the zone's."""
    return _DISTRICT_ORGANS.search(text) is not None and \
        all(post_run().match(text, m.end - at) for m in zone_named)


def _county(name: str) -> bool:
    place = load().places.get(name)
    return place is not None and place.level == "county"


def _bracketed(county: str, text: str) -> bool:
    """Whether `text` names the county in brackets, as a zone's other name (高新区（新市区）, 开发区(某某区))."""
    return re.search(rf"[（(]{re.escape(county[:-1])}[区县]?[）)]", text) is not None
