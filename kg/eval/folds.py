"""Cross-validation by document: models scored only on pages they were not trained on.

    from kg.eval.folds import cross_validate
    from kg.train import Sources
    result = cross_validate(Sources.under("../shared"), folds=5)
    print(result.table)                 # every document scored by the models that never saw it
    print(result.reliability_table)     # for each band of confidence, the share of facts right
    print(result.fold_summaries)        # each fold's summary line

The gold documents are dealt to the folds (kg/train/folds.py). For each fold a
recogniser is trained as `kg train` trains the shipped one, but without the fold's
documents, and reads them; a relation model is trained on the other folds' pages
(as their own folds' recognisers read them), scaled and given its threshold by what
the other folds' models got right, and keeps the fold's facts. The records of all
folds together are scored at once, so the figures are micro averages over every
gold document, as the scorer's are; each fold's own summary is kept beside them.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kg.eval import Evaluation, _score
from kg.eval import score as scorer
from kg.progress import Show
from kg.read import InputError
from kg.relate.learned import RelationModel, decimal
from kg.relate.learned import facts as rel_facts
from kg.train import PARAMS, Sources
from kg.train.folds import deal, named, pages, recognisers
from kg.train.gold import gold_files
from kg.train.relations import Page, held_out, scored, taught


@dataclass
class CrossValidation:
    pooled: Evaluation                       # all folds' records scored together
    folds: list[Evaluation] = field(default_factory=list)
    bands: list["Band"] = field(default_factory=list)   # the facts of every confidence, by band, and how many right

    @property
    def reliability_table(self) -> str:
        lines = [f"{'confidence':<14}{'mean':>7}{'facts':>7}{'right':>7}{'share':>7}"]
        lines += [f"  {b.low:.1f}–{b.high:.1f}{'':<5}{b.mean:7.3f}{b.facts:7d}{b.right:7d}{b.share:7.3f}"
                  for b in self.bands]
        return "\n".join(lines)

    @property
    def table(self) -> str:
        return self.pooled.table

    @property
    def fold_summaries(self) -> list[str]:
        return [f.summary_line for f in self.folds]

    def mean(self, key: str) -> float:
        """The mean over the folds of one summary figure (entity_f1_typed, triple_f1 …)."""
        return round(sum(f.summary[key] for f in self.folds) / len(self.folds), 4)


def cross_validate(sources: Sources, folds: int = 5, params: dict | None = None,
                   progress: Show | None = None, keep: Path | None = None) -> CrossValidation:
    """Train and score `folds` models; `progress` is told of every training iteration and every fold's extraction.

    keep: a folder to keep each fold's recogniser in (fold1.npz …); where one is already there, it is
    used rather than trained anew, so that a change after recognition is scored in a minute.

    The relation model of a fold is trained on the other folds' pages, and calibrated, with its threshold
    chosen, on what the other folds' models read of pages they did not see."""
    files = {scorer.load_gold([str(p)]).popitem()[0]: p for p in gold_files(sources.gold)}
    if folds < 2 or folds > len(files):
        raise InputError(f"--folds {folds}: give from 2 to {len(files)} folds, one document at least in each")
    dealt = deal(list(files), folds)
    show = progress or (lambda done, total, what: None)
    steps = folds * {**PARAMS, **(params or {})}["max_iterations"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        read = pages(sources, dealt, recognisers(sources, dealt, folder, params, show))
        show(steps, steps + 2, "relations: training a model a fold")
        models = held_out(read, dealt, named=named(sources))
        facts = scored(read, models)
        for held in dealt:
            _calibrate(models[held[0]], [f for f in facts if f.doc not in held],
                       sum(read[d].gold.count for d in read if d not in held))
        show(steps + 1, steps + 2, "extracting the held-out pages")
        records = [(held, _record(read, held, models, Path(tmp) / f"fold{k}.jsonl"))
                   for k, held in enumerate(dealt, 1)]
        pooled = Path(tmp) / "all.jsonl"
        pooled.write_text("".join(r.read_text(encoding="utf-8") for _, r in records), encoding="utf-8")
        gold = scorer.load_gold([str(p) for p in files.values()])
        bands = reliability([(models[f.doc].calibrate(f.raw, f.label, f.ruled), f.right) for f in facts
                             if f.ruled or f.label not in models[f.doc].rule_only])
        return CrossValidation(_score(gold, pooled), [_score({d: gold[d] for d in held}, record)
                                                      for held, record in records], bands)


def _calibrate(model: RelationModel, facts: list, gold: int):
    only, model.calibration, model.threshold = taught(facts, gold)
    model.rule_only = frozenset(only)


def _record(read: dict[str, Page], held: list[str], models: dict, path: Path) -> Path:
    """The fold's pages with the facts its relation model keeps, written as `kg build` writes them."""
    from kg.pipeline import STAGES
    from kg.relate import relate
    from kg.relate.confidence import confident
    from kg.write.jsonl import write_jsonl

    docs = []
    for doc_id in held:
        p, model = read[doc_id], models[doc_id]
        p.doc.triples = rel_facts(p.context, list(p.context.triples.values()), model)
        doc = confident(p.doc, decimal(model.threshold))
        for stage in STAGES[STAGES.index(relate) + 1:]:        # as kg build ends a page
            doc = stage(doc)
        docs.append(doc)
    write_jsonl(docs, path)
    return path


@dataclass
class Band:
    low: float
    high: float
    facts: int = 0
    right: int = 0
    total: float = 0.0      # the facts' confidences summed

    @property
    def share(self) -> float:
        return self.right / self.facts if self.facts else 0.0

    @property
    def mean(self) -> float:
        return self.total / self.facts if self.facts else 0.0


def reliability(facts: list[tuple[float, bool]], width: float = 0.1) -> list[Band]:
    """For each band of confidence, how many facts fell in it and how many of them were right."""
    bands = [Band(round(k * width, 2), round((k + 1) * width, 2)) for k in range(round(1 / width))]
    for confidence, right in facts:
        band = bands[min(int(confidence / width), len(bands) - 1)]
        band.facts += 1
        band.right += right
        band.total += confidence
    return bands
