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
from kg.train.gold import page_of
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
