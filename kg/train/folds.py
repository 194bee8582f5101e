"""The folds of cross-validation by document, shared by `kg train` and `kg eval --folds`.

The gold documents, in name order, are dealt to the folds in turn (the first to
fold 1, the second to fold 2 …). Each fold's recogniser is trained without the
fold's documents, and reads them: what the relation model learns from, and what
cross-validation scores.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from kg.progress import Show
from kg.recognize import learned
from kg.train import PARAMS, Sources, train
from kg.train.gold import gold_spans, page_of
from kg.train.relations import Page, gold_of, page


def deal(docs: list[str], folds: int) -> list[list[str]]:
    """The documents of each fold: the n-th document (in name order) goes to fold n mod folds."""
    ordered = sorted(docs)
    return [ordered[k::folds] for k in range(folds)]


def recognisers(sources: Sources, dealt: list[list[str]], folder: Path, params: dict | None = None,
                progress: Show | None = None) -> list[Path]:
    """Each fold's recogniser, trained without the fold's documents, in `folder` (fold1.npz …); one that is
    already there is used as it is."""
    show = progress or (lambda done, total, what: None)
    steps = {**PARAMS, **(params or {})}["max_iterations"]
    models = []
    for k, held in enumerate(dealt, 1):
        model = Path(folder) / f"fold{k}.npz"
        if not model.exists():
            train(sources, model, exclude=held, params=params,
                  progress=lambda done, _, k=k: show((k - 1) * steps + done, len(dealt) * steps,
                                                     f"fold {k}: training the recogniser"))
        models.append(model)
    return models


def pages(sources: Sources, dealt: list[list[str]], models: list[Path]) -> dict[str, Page]:
    """Every gold page as the recogniser of its fold (which never saw it) reads it, up to its relations."""
    from kg.model import Document
    from kg.pipeline import process
    from kg.read import read_file
    from kg.relate import relate

    gold = gold_of(sources.gold)
    found = {}
    for held, model in zip(dealt, models):
        with learned.using(model):
            for doc_id in held:
                for doc in read_file(page_of(doc_id, sources.pages)):
                    if isinstance(doc, Document):
                        found[doc_id] = page(process(doc, until=relate), gold[doc_id])
    return found


def named(sources: Sources) -> dict[str, Page]:
    """Every gold page with the gold's own names as its mentions, as a recogniser that missed none would read it,
    up to its relations: more examples of how a fact is said than the folds' readings alone give."""
    from kg.derive import derive
    from kg.model import Document
    from kg.pipeline import process
    from kg.read import read_file
    from kg.recognize import recognise
    from kg.resolve import resolve

    found = {}
    for doc_id, gold in gold_of(sources.gold).items():
        for doc in read_file(page_of(doc_id, sources.pages)):
            if isinstance(doc, Document):
                doc = process(doc, until=recognise)
                doc.mentions = _gold_mentions(doc, gold)
                found[doc_id] = page(derive(resolve(doc)), gold)
    return found


GOLD = "gold"


def _gold_mentions(doc, gold: dict) -> list:
    """The gold's names where the page says them, each within one sentence."""
    from kg.model import Mention

    starts = [s.start for s in doc.sentences]
    found = []
    for a, b, kind in gold_spans(doc, gold):
        s = doc.sentences[bisect_right(starts, a) - 1] if starts else None
        if kind != "POST" and s is not None and s.start <= a and b <= s.end:
            found.append(Mention(doc.text[a:b], kind, a, b, s.index, source=GOLD))
    return found
