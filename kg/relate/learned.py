"""The relation model: which relation, if any, joins the two ends of each candidate, and how sure it is.

One logistic regression for each relation and direction (a pair may be joined by
two: a zone signs a project that lies in it) over the features of
kg/relate/candidates.py, the rules' facts among them. `kg train` fits it
(kg/train/relations.py) on the gold pages as the recogniser of another fold reads
them, so that it learns from mentions as imperfect as those it will meet.

A relation whose facts no rule read were seldom right on held-out folds (a zone
signing a project, bodies working together) is made only where a rule read it.
Its probabilities are calibrated on held-out folds (Beta calibration, a scaling for
each relation and whether a rule read the fact too): a fact at 0.8 was right about
8 times in 10 there. A fact said in several sentences takes the
highest confidence of any. Facts under FLOOR are not kept at all; the graph keeps
those at or above `threshold` unless told otherwise (the one that gave the best F1
in cross-validation).
"""
from __future__ import annotations

import math
import zipfile
from decimal import Decimal
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from kg.model import Entity, Triple
from kg.models import FOLDER, InUse
from kg.read import InputError
from kg.relate.candidates import Candidate, candidates, entity_keys
from kg.relate.context import Context

MODEL = FOLDER / "relations.npz"
SOURCE = "model"
FLOOR = 0.05        # below this raw probability a fact is noise: not worth a line of any output


class ModelError(InputError):
    """The model file is missing or cannot be read."""


class RelationModel:
    def __init__(self, arrays, path: Path | None = None):
        self.path = path
        self._masks: dict[tuple[str, ...], np.ndarray] = {}
        self.labels = [str(x) for x in arrays["labels"]]
        self.index = {str(f): i for i, f in enumerate(arrays["features"])}
        self.weights = np.vstack([np.asarray(arrays["weights"], np.float64), np.zeros(len(self.labels))])
        self.bias = np.asarray(arrays["bias"], np.float64)
        self.calibration = Calibration(arrays["calibration_kinds"] if "calibration_kinds" in arrays else [""],
                                       arrays["calibration"])
        self.threshold = float(arrays["threshold"])
        self.entities = dict(zip((str(k) for k in arrays["entity_keys"]),
                                 np.asarray(arrays["entity_confidence"], np.float64)))
        # the labels only a rule's reading makes a fact of (kg/train/relations.py: rule_only)
        self.rule_only = frozenset(str(x) for x in arrays["rule_only"]) if "rule_only" in arrays else frozenset()

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
        # every candidate's features looked up in one pass; one it never saw weighs nothing (the last row)
        counts = np.fromiter(map(len, (c.features for c in found)), np.intp, len(found))
        rows = np.fromiter(map(self.index.get, chain.from_iterable(c.features for c in found),
                               repeat(len(self.weights) - 1)), np.intp, int(counts.sum()))
        scores = np.tile(self.bias, (len(found), 1))
        has = counts > 0
        if has.any():
            scores[has] += np.add.reduceat(self.weights[rows], (np.cumsum(counts) - counts)[has], axis=0)
        scores[~np.array([self._allowed(c.labels) for c in found])] = -np.inf
        return 1 / (1 + np.exp(-scores))

    def _allowed(self, labels: tuple[str, ...]) -> np.ndarray:
        if labels not in self._masks:
            self._masks[labels] = np.array([label in labels for label in self.labels])
        return self._masks[labels]

    def allows(self, c: Candidate, label: str) -> bool:
        """Whether the text says all a fact of `label` needs, and a rule read it where only a rule's reading
        makes one."""
        return c.stated(label) and (label not in self.rule_only or label in c.rules)

    def calibrate(self, raw: float, label: str = "", ruled: bool = False) -> float:
        return self.calibration(raw, label, ruled)

    def entity_confidence(self, e: Entity) -> float:
        """How often held-out entities of its type, found by the same components, as often named, were right."""
        for key in entity_keys(e):
            if key in self.entities:
                return self.entities[key]
        return self.entities.get("", 0.5)


def kind(label: str, ruled: bool) -> str:
    """The kind of fact a scaling of its own calibrates: a rule's fact by its relation (the rules of one relation
    are surer than another's), the model's alone all as one. A scaling for each relation of the model's alone
    too followed the folds' noise: its worst band of 30 facts or more was 0.119 off, against 0.080."""
    return f"{label[:-1]}|rule" if ruled else "model"


class Calibration:
    """Beta calibration (Kull, Silva Filho and Flach, 2017), a kind of fact at a time: a logistic function of
    the log of the raw probability and of the log of its complement, fitted to what was right on held-out
    folds. A relation's facts that only the model read are right less often at the same raw probability than
    those a rule read too, and some relations' less than others'; a kind the folds did not see takes the
    scaling of all facts (the kind ""). A row of two numbers is Platt's scaling, a slope on the log-odds and
    an intercept, as models before 2026-12 kept it."""

    def __init__(self, kinds, table):
        table = np.atleast_2d(np.asarray(table, np.float64))
        if table.shape[1] == 2:
            table = table[:, [0, 0, 1]]
        self.table = {str(k): tuple(float(x) for x in row) for k, row in zip(kinds, table)}

    def __call__(self, raw: float, label: str = "", ruled: bool = False) -> float:
        a, b, c = self.table.get(kind(label, ruled) if label else "", self.table[""])
        raw = min(max(float(raw), 1e-6), 1 - 1e-6)
        return 1 / (1 + math.exp(-(a * math.log(raw) - b * math.log(1 - raw) + c)))

    @classmethod
    def none(cls) -> "Calibration":
        """The raw probability as it is: what a model whose folds taught it no scaling keeps."""
        return cls([""], [[1.0, 1.0, 0.0]])

    def arrays(self) -> dict[str, np.ndarray]:
        return {"calibration_kinds": np.array(list(self.table), dtype=str),
                "calibration": np.array(list(self.table.values()))}


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
    best: dict[tuple, tuple[float, Triple]] = {}
    for c, row in zip(found, raw):
        for j in np.flatnonzero(row >= FLOOR):
            label = model.labels[j]
            if not model.allows(c, label):
                continue
            fact = _fact(ctx, c, label)
            sure = model.calibrate(row[j], label, label in c.rules)
            key = (fact.subject.id, fact.predicate, fact.object.id if fact.object else fact.value, fact.role)
            if key not in best or sure > best[key][0]:
                fact.confidence = decimal(sure)
                best[key] = (sure, fact)
    return [fact for _, fact in best.values()]


def _fact(ctx: Context, c: Candidate, label: str) -> Triple:
    predicate, forward = label[:-1], label.endswith(">")
    subject, obj = (c.first, c.second) if forward else (c.second, c.first)
    ruled = c.rules.get(label)
    role = c.role_in(label) if predicate == "holdsRole" else ""
    return Triple(subject, predicate, obj, value=c.value, role=role, provenance=ctx.provenance(c.sentence),
                  source=ruled.source if ruled else SOURCE)


_IN_USE = InUse(MODEL, "KG_RELATIONS", RelationModel.load)
model_path = _IN_USE.path          # the model in use: `using`'s, else $KG_RELATIONS, else kg/models/relations.npz
relations = _IN_USE.model          # … loaded once a process
using = _IN_USE.using              # within a block, another model (cross-validation trains one a fold)
