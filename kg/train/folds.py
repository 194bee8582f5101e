"""The folds of cross-validation by document, shared by `kg train` and `kg eval --folds`.

The gold documents, in name order, are dealt to the folds in turn (the first to
fold 1, the second to fold 2 …). Each fold's recogniser is trained without the
fold's documents, and reads them: what the relation model learns from, and what
cross-validation scores.
"""
from __future__ import annotations

from pathlib import Path

from kg.progress import Show
from kg.recognize import learned
from kg.train import PARAMS, Sources, train
from kg.train.gold import gold_mentions, page_of
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
    from kg.pipeline import process
    from kg.relate import relate

    gold = gold_of(sources.gold)
    found = {}
    for held, model in zip(dealt, models):
        with learned.using(model):
            for doc_id in held:
                for doc in _documents(sources, doc_id):
                    found[doc_id] = page(process(doc, until=relate), gold[doc_id])
    return found


def named(sources: Sources) -> dict[str, Page]:
    """Every gold page with the gold's own names as its mentions, as a recogniser that missed none would read it,
    up to its relations: more examples of how a fact is said than the folds' readings alone give."""
    from kg.derive import derive
    from kg.pipeline import process
    from kg.recognize import recognise
    from kg.resolve import resolve

    found = {}
    for doc_id, gold in gold_of(sources.gold).items():
        for doc in _documents(sources, doc_id):
            doc = process(doc, until=recognise)
            doc.mentions = gold_mentions(doc, gold)
            found[doc_id] = page(derive(resolve(doc)), gold)
    return found


def _documents(sources: Sources, doc_id: str):
    """The documents of a gold page's text."""
    from kg.model import Document
    from kg.read import read_file

    return [doc for doc in read_file(page_of(doc_id, sources.pages)) if isinstance(doc, Document)]
