"""Real inputs built by hand: sentences of seeds/*.txt, annotated as the extraction stages would.

The seeds are PDF text with line breaks inside words (潍坊\\n\\n市), so the
repaired text here simply drops the breaks and keeps the offset map that
`Document.original_span` reads. That is enough for the writers, which only
need real text and real offsets, and keeps these tests independent of kg.text.
"""
from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from pathlib import Path

import pytest

from kg.model import Article, Document, Entity, Mention, Money, Provenance, Sentence, Triple

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_document(stem: str, sentences: list[str], entities: list[tuple], triples: list[tuple]) -> Document:
    """entities: (name, type, aliases, byline); triples: (subject, predicate, object or Money, role, sentence)."""
    raw = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    keep = [i for i, ch in enumerate(raw) if ch != "\n"]
    doc = Document(id=stem, raw=raw, path=str(SEEDS / f"{stem}.txt"),
                   text="".join(raw[i] for i in keep), offsets=keep + [len(raw)])
    found = []
    for index, s in enumerate(sentences):
        start = doc.text.index(s)
        found.append(Sentence(index, start, start + len(s), s))
    doc.articles = [Article(0, 0, len(doc.text), sentences=found)]
    names = [name for name, *_ in entities]
    for name, type_, aliases, byline in entities:
        e = Entity(name, type_, set(aliases), byline=byline)
        if byline:      # a byline is no sentence: its mention is the name's last occurrence
            start = doc.text.rindex(name)
            e.mentions.append(Mention(name, type_, start, start + len(name), -1))
            doc.articles[0].bylines.append(name)
        for s in found:
            at = s.text.find(name)
            while at >= 0:
                # 潍坊高新区 inside 潍坊高新区经济发展局 is part of the longer name, not a mention
                if not any(len(n) > len(name) and s.text.startswith(n, at) for n in names):
                    e.mentions.append(Mention(name, type_, s.start + at, s.start + at + len(name), s.index))
                at = s.text.find(name, at + 1)
        doc.entities.append(e)
    for subject, predicate, obj, role, index in triples:
        s = found[index]
        doc.triples.append(Triple(
            doc.entity(subject), predicate,
            object=None if isinstance(obj, Money) else doc.entity(obj),
            value=obj if isinstance(obj, Money) else None, role=role,
            provenance=Provenance(doc.id, 0, index, s.text, *doc.original_span(s.start, s.end))))
    return doc


def doc_001() -> Document:
    """潍坊高新区 and its 35亿元 maglev project, and a bureau chief quoted."""
    return seed_document(
        "001_473abfdb58def16d",
        ["本报讯 在不久前召开的潍坊市高质量发展重大项目建设现场推进会上，潍坊高新区集中开工重点项目 20个，总投资额 197亿元。",
         "此次会议主会场所在地的潍坊高新区磁悬浮智能制造产业化项目，总投资额35亿元，是潍坊高新区培育新质生产力的引领性项目。",
         "潍坊高新区经济发展局党委书记、局长韩滨说。"],
        [("潍坊高新区", "Zone", {"潍坊高新技术产业开发区"}, False),
         ("潍坊市", "Place", set(), False),
         ("磁悬浮智能制造产业化项目", "Project", set(), False),
         ("潍坊高新区经济发展局", "GovernmentAgency", set(), False),
         ("韩滨", "Person", set(), False),
         ("冯玉诚", "Person", set(), True)],
        [("潍坊高新区", "locatedIn", "潍坊市", "", 0),
         ("磁悬浮智能制造产业化项目", "locatedIn", "潍坊高新区", "", 1),
         ("磁悬浮智能制造产业化项目", "totalInvestment", Money(3_500_000_000), "", 1),
         ("韩滨", "holdsRole", "潍坊高新区经济发展局", "党委书记、局长", 2),
         ("潍坊高新区经济发展局", "partOf", "潍坊高新区", "", 2)])


def doc_000() -> Document:
    """The same zone and project, told in another issue."""
    return seed_document(
        "000_6c1ec9c07335c472",
        ["今年伊始，潍坊高新区集中开工20个重点项目。",
         "其中，总投资额35亿元的磁悬浮智能制造产业化项目，是潍坊高新区抢抓“碳排放双控”机遇、培育新质生产力的引领性项目。"],
        [("潍坊高新区", "Zone", {"潍坊国家高新区"}, False),
         ("磁悬浮智能制造产业化项目", "Project", {"磁悬浮项目"}, False)],
        [("磁悬浮智能制造产业化项目", "locatedIn", "潍坊高新区", "", 1),
         ("磁悬浮智能制造产业化项目", "totalInvestment", Money(3_500_000_000), "", 1)])


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """kg build keeps extractions in the user's cache folder; the tests keep theirs apart from it."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


# Plain functions above, fixtures here: a subprocess (tests/write/test_turtle.py)
# builds the same documents without pytest.
@pytest.fixture
def weifang() -> Document:
    return doc_001()


@pytest.fixture
def weifang_000() -> Document:
    return doc_000()


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The five seed pages, by document id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """The folder `kg build seeds/` writes (graph.ttl, extraction.jsonl, …), built once per session."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds_build")
    report = build(SEEDS, out)
    assert not report.problems, report.problems
    return out


def hashed_confidence(doc: Document) -> Document:
    """A stage after relate: each fact and entity a confidence of its own from 0.00 to 1.00, whatever the
    relation model gives, so that a threshold has something to cut however that model scores the seeds.
    A hash of the fact and its sentence: a fact said twice is said at two confidences, the same on every run."""
    def hashed(*parts) -> Decimal:
        digest = hashlib.sha1("\t".join(map(str, parts)).encode()).hexdigest()
        return Decimal(int(digest[:8], 16) % 101) / 100

    for e in doc.entities:
        e.confidence = hashed(doc.id, e.type, e.name).quantize(Decimal("0.01"))
    for t in doc.triples:
        end = t.object.name if t.object else t.value
        t.confidence = hashed(doc.id, t.subject.name, t.predicate, end, t.role,
                              t.provenance.sentence if t.provenance else "").quantize(Decimal("0.01"))
    return doc


@pytest.fixture(scope="session")
def hashed_builds(tmp_path_factory) -> dict:
    """The seeds built with hashed_confidence, keeping every fact ("all", its report and folder) and only
    those at 0.5 or more ("0.5")."""
    from kg import pipeline
    from kg.build import build

    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "STAGES", (*pipeline.STAGES, hashed_confidence))
        for name, threshold in (("all", "0"), ("0.5", "0.5")):
            out = tmp_path_factory.mktemp("hashed") / "out"
            built[name] = (build(SEEDS, out, min_confidence=threshold), out)
    return built


@pytest.fixture
def trained_on_other_lexicons():
    """A function that rewrites a recogniser's archive as if trained on other lexicons (a digest), or as not
    saying on which (None)."""
    import numpy as np

    from kg.train import save

    def rewrite(model: Path, digest: str | None = "0" * 16) -> Path:
        with np.load(model) as arrays:
            kept = {name: arrays[name] for name in arrays.files if name != "lexicons"}
        with open(model, "wb") as f:
            save(f, kept if digest is None else kept | {"lexicons": np.array(digest)})
        return model
    return rewrite
