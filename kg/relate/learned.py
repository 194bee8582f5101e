"""The relation model: which relation, if any, joins the two ends of each candidate, and how sure it is.

One logistic regression for each relation and direction (a pair may be joined by
two: a zone signs a project that lies in it) over the features of
kg/relate/candidates.py, the rules' facts among them. `kg train` fits it
(kg/train/relations.py) on the gold pages as the recogniser of another fold reads
them, so that it learns from mentions as imperfect as those it will meet.

Its probabilities are calibrated on held-out folds (Platt's scaling): a fact at
0.8 was right about 8 times in 10 there. A fact said in several sentences takes the
highest confidence of any. Facts under FLOOR are not kept at all; the graph keeps
those at or above `threshold` unless told otherwise (the one that gave the best F1
in cross-validation).
"""
from __future__ import annotations

import os
import zipfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import numpy as np

from kg.model import Entity, Triple
from kg.read import InputError
from kg.relate.candidates import Candidate, candidates
from kg.relate.context import Context

MODEL = Path(__file__).resolve().parent.parent / "models" / "relations.npz"
SOURCE = "model"
FLOOR = 0.05        # below this raw probability a fact is noise: not worth a line of any output


class ModelError(InputError):
    """The model file is missing or cannot be read."""


class RelationModel:
    def __init__(self, arrays, path: Path | None = None):
        self.path = path
        self.labels = [str(x) for x in arrays["labels"]]
        self.index = {str(f): i for i, f in enumerate(arrays["features"])}
        self.weights = np.asarray(arrays["weights"], np.float64)
        self.bias = np.asarray(arrays["bias"], np.float64)
        self.calibration = np.asarray(arrays["calibration"], np.float64)     # (slope, intercept) on the log-odds
        self.threshold = float(arrays["threshold"])
        self.entities = dict(zip((str(k) for k in arrays["entity_keys"]),
                                 np.asarray(arrays["entity_confidence"], np.float64)))

    @classmethod
    def load(cls, path: str | Path) -> "RelationModel":
        path = Path(path)
        try:
            with np.load(path, allow_pickle=False) as arrays:
                return cls(arrays, path)
        except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile) as exc:
            problem = "is missing" if not path.exists() else f"cannot be read ({type(exc).__name__})"
            raise ModelError(f"{path}: the relation model {problem}; "
                             "rebuild it with `kg train` (pip install -e '.[train]' first)") from None

    def probabilities(self, found: list[Candidate]) -> np.ndarray:
        """Each candidate's raw probability of each label; 0 where SCHEMA.md does not allow the label."""
        scores = np.tile(self.bias, (len(found), 1))
        for row, c in enumerate(found):
            ids = [self.index[f] for f in c.features if f in self.index]
            if ids:
                scores[row] += self.weights[ids].sum(axis=0)
            scores[row, [j for j, label in enumerate(self.labels) if label not in c.labels]] = -np.inf
        return 1 / (1 + np.exp(-scores))

    def calibrate(self, raw: np.ndarray) -> np.ndarray:
        return calibrated(raw, self.calibration)

    def entity_confidence(self, e: Entity) -> float:
        """How often held-out entities of its type, found by the same components, as often named, were right."""
        for key in entity_keys(e):
            if key in self.entities:
                return self.entities[key]
        return self.entities.get("", 0.5)


def calibrated(raw, calibration: np.ndarray) -> np.ndarray:
    """Platt's scaling: a logistic function of the raw log-odds, fitted to what was right on held-out folds."""
    odds = np.log(np.clip(raw, 1e-6, 1 - 1e-6) / (1 - np.clip(raw, 1e-6, 1 - 1e-6)))
    return 1 / (1 + np.exp(-(calibration[0] * odds + calibration[1])))


def entity_keys(e: Entity) -> list[str]:
    """The rows of the entity table that speak of `e`, the most particular first."""
    sources = "+".join(sorted({m.source for m in e.mentions if m.source}))
    many = "many" if len(e.mentions) > 1 else "once"
    return [f"{e.type}|{sources}|{many}", f"{e.type}|{sources}", e.type]


def decimal(x: float) -> Decimal:
    """Two places, as every output writes it."""
    return Decimal(f"{min(max(x, 0.0), 1.0):.2f}")


def facts(ctx: Context, ruled: list[Triple], model: RelationModel | None = None) -> list[Triple]:
    """The document's facts: each candidate's relations at FLOOR or above, with their confidence."""
    model = model or relations()
    found = candidates(ctx, ruled)
    if not found:
        return []
    raw = model.probabilities(found)
    confidence = model.calibrate(raw)
    best: dict[tuple, tuple[float, Triple]] = {}
    for c, row, odds in zip(found, confidence, raw):
        for j in np.flatnonzero(odds >= FLOOR):
            fact = _fact(ctx, c, model.labels[j])
            key = (fact.subject.id, fact.predicate, fact.object.id if fact.object else fact.value, fact.role)
            if key not in best or row[j] > best[key][0]:
                fact.confidence = decimal(row[j])
                best[key] = (row[j], fact)
    return [fact for _, fact in best.values()]


def _fact(ctx: Context, c: Candidate, label: str) -> Triple:
    predicate, forward = label[:-1], label.endswith(">")
    subject, obj = (c.first, c.second) if forward else (c.second, c.first)
    ruled = c.rules.get(label)
    role = (ruled.role if ruled else c.role) if predicate == "holdsRole" else ""
    return Triple(subject, predicate, obj, value=c.value, role=role, provenance=ctx.provenance(c.sentence),
                  source=ruled.source if ruled else SOURCE)


_loaded: dict[Path, RelationModel] = {}
_in_use: list[Path] = []


def model_path() -> Path:
    """The model in use: the one `using` gives, else $KG_RELATIONS (to try another), else kg/models/relations.npz."""
    return _in_use[-1] if _in_use else Path(os.environ.get("KG_RELATIONS") or MODEL)


def relations() -> RelationModel:
    """The model in use, loaded once a process."""
    path = model_path()
    if path not in _loaded:
        _loaded[path] = RelationModel.load(path)
    return _loaded[path]


@contextmanager
def using(path: str | Path):
    """Within the block, the model at `path` (cross-validation trains one a fold)."""
    _in_use.append(Path(path))
    try:
        yield relations()
    finally:
        _loaded.pop(_in_use.pop(), None)
