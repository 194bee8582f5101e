"""Training the recogniser: `kg train` rebuilds kg/models/recogniser.npz from annotated text.

    from kg.train import Sources, train
    sources = Sources.under("../shared")      # data/ner, gold/dev, gold/dev2 and their pages
    train(sources)                            # writes kg/models/recogniser.npz

The model learns from the domain gold (kg/train/gold.py), each of its sentences
GOLD_COPIES times, and from nine tenths of CLUENER2020 (kg/train/corpora.py).
Training is deterministic: the same sources give the same bytes. `exclude`
leaves gold documents out, for cross-validation.
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kg.read import InputError
from kg.recognize.features import TEMPLATES, attributes, lexicon_digest
from kg.recognize.learned import MODEL
from kg.train import owners
from kg.train.corpora import Span, cluener
from kg.train.gold import gold_examples
from kg.write.atomic import atomic_open

# L-BFGS with elastic-net regularisation: c1 (L1) drops features that say little, which keeps the model small.
# c1 0.02, c2 0.05 read the held-out folds better than c1 0.05, c2 0.01 (typed entity F1 0.681 against 0.675,
# CLUENER's held-out tenth 0.729 against 0.722, both of the first fold's model).
PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}
# CLUENER's 9,000 sentences outnumber the gold's 2,000 four to one; each gold sentence three times keeps the
# domain's cross-validated F1 at that of a model of the gold alone, and CLUENER's held-out F1 above 0.72.
GOLD_COPIES = 3
Progress = Callable[[int, int], None]      # (iterations done, in all)


@dataclass
class Sources:
    """Where the annotated text is: the public corpora, the gold folders and the pages they annotate."""
    public: Path | None
    gold: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)

    @classmethod
    def under(cls, shared: str | os.PathLike) -> "Sources":
        """The layout of the project's shared folder: data/ner, gold/*, seeds and corpus/*."""
        root = Path(shared)
        if not (root / "data" / "ner").is_dir():
            raise InputError(f"{root}: no data/ner folder there; give the folder that holds the annotated "
                             "corpora (data/ner, gold/, corpus/), e.g. --shared ../shared")
        return cls(root / "data" / "ner", sorted(p for p in (root / "gold").glob("*") if p.is_dir()),
                   [root / "seeds", *sorted(p for p in (root / "corpus").glob("*") if p.is_dir())])


def examples(sources: Sources, exclude: Iterable[str] = ()) -> list[tuple[str, list[Span]]]:
    """The training sentences with their spans: the gold documents' (but the `exclude`d), GOLD_COPIES
    times, and CLUENER's (but its held-out tenth)."""
    left_out = set(exclude)
    gold = [s for doc, sentences in gold_examples(sources.gold, sources.pages) if doc not in left_out
            for s in sentences]
    public = list(cluener(sources.public / "cluener" / "train.json")) if sources.public is not None else []
    return gold * GOLD_COPIES + public


def labels(text: str, spans: list[Span]) -> list[str]:
    """Each character's label: B-<type> where a name begins, I-<type> inside it, else O. Labels of the type
    alone (IO) tag in a quarter of the time, but read the domain's held-out pages worse (0.675 against 0.69
    on two folds) and CLUENER's (0.709 against 0.727)."""
    tags = ["O"] * len(text)
    for start, end, kind in spans:
        tags[start:end] = [f"B-{kind}", *[f"I-{kind}"] * (end - start - 1)]
    return tags


def fit(sentences: Iterable[tuple[str, list[Span]]], path: str | os.PathLike, params: dict | None = None,
        on_iteration: Progress | None = None, more: dict[str, np.ndarray] | None = None) -> Path:
    """Train a CRF on `sentences` and write its weights to `path`, with the arrays `more` (atomically: a failed
    run leaves the old model)."""
    try:
        import pycrfsuite
    except ImportError:
        raise InputError("training needs python-crfsuite: pip install -e '.[train]'") from None
    settings = {**PARAMS, **(params or {})}

    class Trainer(pycrfsuite.Trainer):
        def message(self, message):     # crfsuite's log, parsed for the iterations alone
            if self.logparser.feed(message) == "iteration" and on_iteration:
                on_iteration(self.logparser.last_iteration["num"], settings["max_iterations"])

    trainer = Trainer()
    for text, spans in sentences:
        if text:
            trainer.append(attributes(text), labels(text, spans))
    trainer.set_params(settings)
    with tempfile.TemporaryDirectory() as tmp:
        model = str(Path(tmp) / "model.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        arrays = weights(tagger.info()) | {"templates": np.array([t.name for t in TEMPLATES]),
                                           "lexicons": np.array(lexicon_digest())} | (more or {})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path, "wb") as f:
        save(f, arrays)
    return path


def weights(info) -> dict[str, np.ndarray]:
    """A crfsuite model's labels, state features and transitions as the arrays kg/recognize/learned.py reads."""
    labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
    label_of = {label: k for k, label in enumerate(labels)}
    state = sorted(info.state_features.items())
    features = sorted({feature for (feature, _), _ in state})
    row_of = {feature: k for k, feature in enumerate(features)}
    transitions = np.zeros((len(labels), len(labels)), np.float32)
    for (a, b), weight in info.transitions.items():
        transitions[label_of[a], label_of[b]] = weight
    return {"labels": np.array(labels), "features": np.array(features),
            "feature": np.array([row_of[f] for (f, _), _ in state], np.int32),
            "label": np.array([label_of[lab] for (_, lab), _ in state], np.int16),
            "weight": np.array([w for _, w in state], np.float32), "transitions": transitions}


def save(f, arrays: dict[str, np.ndarray]) -> None:
    """np.savez_compressed's format, with every file of the archive dated 1980: the same weights, the same bytes."""
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as entry:
                np.lib.format.write_array(entry, np.asanyarray(array), allow_pickle=False)


def train(sources: Sources, path: str | os.PathLike = MODEL, exclude: Iterable[str] = (),
          params: dict | None = None, progress: Progress | None = None) -> Path:
    """Rebuild the model at `path` from `sources`, without the gold documents `exclude` names: the CRF, and
    the split of projects' names into their companies (kg/train/owners.py)."""
    if sources.public is None and not sources.gold:
        raise InputError("nothing to learn from: give a folder with data/ner or gold")
    split = owners.fit(owners.examples(sources.gold, sources.pages, exclude))
    return fit(examples(sources, exclude), path, params, progress, more=split)


FOLDS = 5       # the relation model learns from each gold page as a recogniser of another fold reads it
PARTS = ("recogniser", "relations")
Steps = Callable[[int, int, str], None]     # (steps done, in all, what is being done)


def train_all(sources: Sources, recogniser: str | os.PathLike = MODEL, relations: str | os.PathLike | None = None,
              parts: Iterable[str] = PARTS, keep: Path | None = None, params: dict | None = None,
              progress: Steps | None = None, corrections: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """`kg train`: the recogniser from all the annotated text, then the relation model from the gold pages as
    the recognisers of FOLDS folds read them (trained into `keep`, or reused from there), and from the facts
    that `corrections` files accept or reject in the pages beside them."""
    from kg.relate.learned import MODEL as RELATIONS
    from kg.train.folds import deal, named, pages, recognisers
    from kg.train.relations import decided_pages, gold_of, train_relations

    parts = set(parts)
    show = progress or (lambda done, total, what: None)
    iterations = {**PARAMS, **(params or {})}["max_iterations"]
    total = iterations * (("recogniser" in parts) + FOLDS * ("relations" in parts)) + 2
    written = []
    if "recogniser" in parts:
        written.append(train(sources, recogniser, params=params,
                             progress=lambda done, _: show(done, total, "the recogniser")))
    if "relations" in parts:
        base = total - 2 - FOLDS * iterations
        dealt = deal(list(gold_of(sources.gold)), FOLDS)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(keep or tmp)
            folder.mkdir(parents=True, exist_ok=True)
            models = recognisers(sources, dealt, folder, params,
                                 lambda done, _, what: show(base + done, total, what))
            read = pages(sources, dealt, models)
        steps = iter(range(total - 2, total))
        written.append(train_relations(read, dealt, relations or RELATIONS,
                                       progress=lambda what: show(next(steps), total, what),
                                       decided=decided_pages(list(corrections)), named=named(sources)))
        show(total, total, "done")
    return written
