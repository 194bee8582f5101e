"""Cross-validation by document: a model scored only on pages it was not trained on.

    from kg.eval.folds import cross_validate
    from kg.train import Sources
    result = cross_validate(Sources.under("../shared"), folds=5)
    print(result.table)                 # every document scored by the model that never saw it
    print(result.fold_summaries)        # each fold's summary line

The gold documents, in name order, are dealt to the folds in turn (the first to
fold 1, the second to fold 2 …). For each fold a model is trained as `kg train` trains
the shipped one, but without the fold's documents, and the fold's pages are
extracted with it by the whole pipeline. The records of all folds together are scored at
once, so the figures are micro averages over every gold document, as the
scorer's are; each fold's own summary is kept beside them.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval import Evaluation, _score
from kg.eval import score as scorer
from kg.progress import Show
from kg.read import InputError
from kg.train import PARAMS, Sources, train
from kg.train.gold import gold_files, page_of


@dataclass
class CrossValidation:
    pooled: Evaluation                       # all folds' records scored together
    folds: list[Evaluation] = field(default_factory=list)

    @property
    def table(self) -> str:
        return self.pooled.table

    @property
    def fold_summaries(self) -> list[str]:
        return [f.summary_line for f in self.folds]

    def mean(self, key: str) -> float:
        """The mean over the folds of one summary figure (entity_f1_typed, triple_f1 …)."""
        return round(sum(f.summary[key] for f in self.folds) / len(self.folds), 4)


def deal(docs: list[str], folds: int) -> list[list[str]]:
    """The documents of each fold: the n-th document (in name order) goes to fold n mod folds."""
    ordered = sorted(docs)
    return [ordered[k::folds] for k in range(folds)]


def cross_validate(sources: Sources, folds: int = 5, params: dict | None = None,
                   progress: Show | None = None, keep: Path | None = None) -> CrossValidation:
    """Train and score `folds` models; `progress` is told of every training iteration and every fold's extraction.

    keep: a folder to keep each fold's model in (fold1.npz …); where one is already there, it is
    used rather than trained anew, so that a change after recognition is scored in a minute."""
    from kg.recognize import learned

    files = {scorer.load_gold([str(p)]).popitem()[0]: p for p in gold_files(sources.gold)}
    if folds < 2 or folds > len(files):
        raise InputError(f"--folds {folds}: give from 2 to {len(files)} folds, one document at least in each")
    steps = {**PARAMS, **(params or {})}["max_iterations"] + 1      # a fold's iterations, then its extraction
    show = progress or (lambda done, total, what: None)
    if keep is not None:
        Path(keep).mkdir(parents=True, exist_ok=True)
    records = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, held in enumerate(deal(list(files), folds), 1):
            model = Path(keep or tmp) / f"fold{k}.npz"
            if not model.exists():
                train(sources, model, exclude=held, params=params,
                      progress=lambda done, _, k=k: show((k - 1) * steps + done, folds * steps, f"fold {k}: training"))
            show(k * steps - 1, folds * steps, f"fold {k}: extracting {len(held)} pages")
            with learned.using(model):
                record = _extract(held, sources.pages, Path(tmp) / f"fold{k}.jsonl")
            records.append((held, record))
            show(k * steps, folds * steps, f"fold {k}: done")
        pooled = Path(tmp) / "all.jsonl"
        pooled.write_text("".join(r.read_text(encoding="utf-8") for _, r in records), encoding="utf-8")
        gold = scorer.load_gold([str(p) for p in files.values()])
        return CrossValidation(_score(gold, pooled), [_score({d: gold[d] for d in held}, record)
                                                      for held, record in records])


def _extract(docs: list[str], pages: list[Path], record: Path) -> Path:
    from kg.model import Document
    from kg.pipeline import process_page
    from kg.read import read_file
    from kg.write.jsonl import write_jsonl

    pages_read = (item for doc in docs for item in read_file(page_of(doc, pages)) if isinstance(item, Document))
    write_jsonl(filter(None, map(process_page, pages_read)), record)
    return record
