"""Training the relation model: the candidates of gold pages, labelled from the gold's facts.

    from kg.train import Sources
    from kg.train.relations import train_relations
    train_relations(Sources.under("../shared"), keep=Path("/tmp/folds"))   # writes kg/models/relations.npz

Each gold page is read by a recogniser trained without it (the folds of
kg/eval/folds.py), so the model learns from mentions as imperfect as those of
unseen pages. A candidate's labels are the relations the gold states between its
two entities (an entity is the gold's when one of its names is one of the gold
entity's, as the scorer matches them), with their direction.

The same pages, scored fold by fold by models trained without them, give the
calibration (Beta calibration of the raw probability to the share right), the threshold
that maximises F1, and the share of right entities by kind; the shipped model is
then fitted on all of them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.eval import score as scorer
from kg.eval.score import norm
from kg.model import SYMMETRIC, Document, Entity, name_key
from kg.relate import read_by_rules
from kg.relate.candidates import LABELS, NONE, Candidate, candidates
from kg.relate.context import Context
from kg.relate.learned import FLOOR, MODEL, Calibration, RelationModel, entity_keys, kind
from kg.train import save
from kg.write.atomic import atomic_open

C = 0.4                 # inverse L2 strength: with 75,000 features, 0.2, 0.3, 0.6 and 1 read the folds 0.6932, 0.6952, 0.6924 and 0.6913 against 0.6948
RELATIONS = [label for label in LABELS if label != NONE]
MIN_POSITIVES = 3       # a label seen fewer times than this is left to the rules alone
# a label whose facts that no rule read were right less often than this on held-out folds (of 20 or more) is
# made only by a rule's reading: a zone signing a project, bodies working together, a body's parent
RULE_ONLY_BELOW, RULE_ONLY_FACTS = 0.1, 20
# the folds' worst band 0.069 off, with a rule's facts scaled by relation (0.107 at 1, 0.092 at 2, 0.082 at 3,
# 0.090 at 10); triples alike
CALIBRATION_C = 5.0
_NEVER = 30.0           # a logit that no sum of weights outweighs
_SMOOTHING = 10         # an entity row of few examples leans this many examples' weight toward its broader row


class GoldFacts:
    """One gold file's entities and facts, looked up by name."""

    def __init__(self, gold: dict):
        self.ids = defaultdict(set)      # a name's key → the gold entities it names
        self.types = {e["id"]: e["type"] for e in gold["entities"]}
        for e in gold["entities"]:
            for name in [e["name"], *e.get("aliases", [])]:
                self.ids[norm(name)].add(e["id"])
        self.facts = defaultdict(set)    # (subject id, object id) → relations
        self.amounts = defaultdict(list)
        self.count = len(gold["triples"])
        for t in gold["triples"]:
            if t["p"] == "totalInvestment":
                self.amounts[t["s"]].append(float(t["value"]))
            else:
                self.facts[t["s"], t["o"]].add(t["p"])

    def of(self, e: Entity) -> set[str]:
        return set().union(*(self.ids.get(norm(n), set()) for n in [e.name, *e.aliases]))

    def right(self, e: Entity) -> bool:
        return any(self.types[i] == e.type for i in self.of(e))

    def labels(self, c: Candidate) -> set[str]:
        """What the gold says of a candidate: every relation it states between the two ends, with its direction."""
        first = self.of(c.first)
        if c.second is None:
            amount = float(c.value.amount)
            right = any(abs(amount - v) <= 0.01 * abs(v) for s in first for v in self.amounts.get(s, ()))
            return {"totalInvestment>"} if right else set()
        second = self.of(c.second)
        stated = {p + ">" for s in first for o in second for p in self.facts.get((s, o), ())}
        stated |= {p + "<" for s in second for o in first for p in self.facts.get((s, o), ())}
        stated = {p[:-1] + ">" if p[:-1] in SYMMETRIC else p for p in stated}     # one direction says it
        return stated & set(c.labels)


@dataclass
class Page:
    """A gold page as a fold's recogniser read it, its candidates and what the gold says of each; or a page a
    person reviewed (`kg review`), and what the corrections say of some of its candidates."""
    doc: Document
    context: Context
    candidates: list[Candidate]
    labels: list[set[str]]               # the relations each candidate's two ends have
    gold: GoldFacts | None = None
    known: list[set[str]] | None = None  # the labels the corrections decide, each candidate's; None: all (gold)


def page(doc: Document, gold: dict) -> Page:
    """`doc` recognised, resolved and derived (not yet related)."""
    ctx = read_by_rules(doc)
    found = candidates(ctx, list(ctx.triples.values()))
    facts = GoldFacts(gold)
    return Page(doc, ctx, found, [facts.labels(c) for c in found], facts)


def fit(pages: list[Page], c: float = C) -> dict[str, np.ndarray]:
    """One logistic regression a label over the pages' candidates: the arrays RelationModel reads."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    found = [(cand, labels, known) for p in pages
             for cand, labels, known in zip(p.candidates, p.labels, p.known or [None] * len(p.candidates))]
    vectors = DictVectorizer(sort=True)
    x = vectors.fit_transform([dict.fromkeys(cand.features, 1) for cand, _, _ in found])
    names = list(vectors.get_feature_names_out())
    labels, weights, bias = [], [], []
    for label in RELATIONS:
        rows = [i for i, (cand, _, known) in enumerate(found)
                if label in cand.labels and (known is None or label in known)]
        y = np.array([label in found[i][1] for i in rows])
        if y.sum() >= MIN_POSITIVES and not y.all():
            model = LogisticRegression(C=c, max_iter=5000).fit(x[rows], y)
            coef, intercept = model.coef_[0], model.intercept_[0]
        else:
            coef, intercept = _rule_alone(label, found, names)
            if coef is None:
                continue
        labels.append(label)
        weights.append(coef)
        bias.append(intercept)
    return {"labels": np.array(labels), "features": np.array(names), "weights": np.array(weights).T.astype(np.float32),
            "bias": np.array(bias), **Calibration.none().arrays(), "threshold": np.array(0.5),
            "rule_only": np.array([], dtype=str), "entity_keys": np.array([""]), "entity_confidence": np.array([0.5])}


def _rule_alone(label: str, found: list, names: list[str]):
    """Too few examples to learn from: a fact a rule reads is as likely right as the rule's facts were (Laplace's
    rule of succession), and no other candidate is one."""
    fired = [labels for cand, labels, known in found if label in cand.rules and (known is None or label in known)]
    if not fired:
        return None, None
    share = (sum(label in labels for labels in fired) + 1) / (len(fired) + 2)
    coef = np.zeros(len(names))
    coef[names.index(f"rule={label}")] = _NEVER + np.log(share / (1 - share))
    return coef, -_NEVER


@dataclass
class Scored:
    """A fact a model read on a page it was not trained on: its raw probability, and whether the gold says it."""
    doc: str
    key: tuple
    raw: float
    right: bool
    ruled: bool = False     # a rule read it too

    @property
    def label(self) -> str:
        return self.key[2]


def held_out(pages: dict[str, Page], folds: list[list[str]], c: float = C, decided: list[Page] = (),
             named: dict[str, Page] | None = None) -> dict[str, RelationModel]:
    """For each page, the model trained without its fold, on the other folds' pages as read and as `named` with
    the gold's own names (kg/train/folds.py, `named`), and on every `decided` page."""
    models = {}
    for held in folds:
        others = [p for found in (pages, named or {}) for d, p in sorted(found.items()) if d not in held]
        models.update(dict.fromkeys(held, RelationModel(fit(others + list(decided), c))))
    return models


def scored(pages: dict[str, Page], models: dict[str, RelationModel]) -> list[Scored]:
    """Every fact at FLOOR or above (raw), each once with its highest probability, of every page."""
    found = []
    for d, p in sorted(pages.items()):
        if not p.candidates:
            continue
        raw = models[d].probabilities(p.candidates)
        best: dict[tuple, Scored] = {}
        for cand, labels, row in zip(p.candidates, p.labels, raw):
            for j in np.flatnonzero(row >= FLOOR):
                label = models[d].labels[j]
                if not cand.stated(label):
                    continue
                key = (cand.first.id, cand.second.id if cand.second else cand.value, label)
                if key not in best or row[j] > best[key].raw:
                    best[key] = Scored(d, key, float(row[j]), label in labels, label in cand.rules)
        found += best.values()
    return found


def rule_only(facts: list[Scored]) -> list[str]:
    """The labels (both directions of a relation) whose held-out facts that no rule read were right less than
    RULE_ONLY_BELOW of the time."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in facts:
        if not f.ruled:
            counts[f.label[:-1]][0] += f.right
            counts[f.label[:-1]][1] += 1
    return [p + d for p, (right, n) in sorted(counts.items()) if n >= RULE_ONLY_FACTS and right < RULE_ONLY_BELOW * n
            for d in "><"]


def kept(facts: list[Scored], only: list[str]) -> list[Scored]:
    """The facts a model whose `only` labels are made by rules alone keeps."""
    return [f for f in facts if f.ruled or f.label not in only]


def calibration(facts: list[Scored], c: float = CALIBRATION_C) -> Calibration:
    """Beta calibration of the raw probabilities to the share right, a kind of fact at a time (kind()): one
    logistic regression over the logs of the raw probability and of its complement, each kind's own intercept
    and slopes added to all facts', those of a kind of few facts held near nought by the L2 penalty. A rule's
    facts the model doubts are right more often than a slope on the log-odds says, its surest less often:
    Platt's scaling was 0.112 off in its worst band of 30 facts or more, Beta's 0.071; isotonic regression
    followed the folds' noise (0.16). A kind's slopes may fall below nought, so that its confidence falls
    where the raw probability rises (what a company makes, read by a rule: the few such facts the model was
    surest of were wrong); held at nought or above, the worst band was 0.111 off."""
    from sklearn.linear_model import LogisticRegression

    if len({f.right for f in facts}) < 2:       # too few pages to say: the raw probability as it is
        return Calibration.none()
    kinds = sorted({kind(f.label, f.ruled) for f in facts})
    raw = np.clip([f.raw for f in facts], 1e-6, 1 - 1e-6)
    logs = np.column_stack([np.log(raw), -np.log(1 - raw)])
    which = np.zeros((len(facts), len(kinds)))
    which[np.arange(len(facts)), [kinds.index(kind(f.label, f.ruled)) for f in facts]] = 1
    fit = LogisticRegression(C=c, max_iter=5000).fit(
        np.hstack([logs, which, which * logs[:, :1], which * logs[:, 1:]]), [f.right for f in facts])
    w, b, n = fit.coef_[0], fit.intercept_[0], len(kinds)
    return Calibration(["", *kinds], [[w[0], w[1], b], *([w[0] + w[2 + n + k], w[1] + w[2 + 2 * n + k], b + w[2 + k]]
                                                           for k in range(n))])


def taught(facts: list[Scored], gold: int) -> tuple[list[str], Calibration, float]:
    """What facts read on held-out pages teach a model: the labels only a rule's reading makes (rule_only), the
    scalings of the rest (calibration), and the confidence above which they give the best F1 against `gold`
    facts in all."""
    only = rule_only(facts)
    facts = kept(facts, only)
    platt = calibration(facts)
    confidences = [platt(f.raw, f.label, f.ruled) for f in facts]
    return only, platt, best_threshold(confidences, [f.right for f in facts], gold)


def best_threshold(confidences: list[float], right: list[bool], gold: int) -> float:
    """The confidence above which the facts kept give the highest F1 against `gold` facts in all."""
    if not confidences:
        return FLOOR
    order = np.argsort(confidences, kind="stable")[::-1]
    tp = np.cumsum(np.array(right)[order])
    kept = np.arange(1, len(order) + 1)
    f1 = 2 * tp / (kept + gold)
    return float(np.array(confidences)[order][int(np.argmax(f1))])


def entity_table(pages: dict[str, Page]) -> dict[str, float]:
    """The share of right entities of each kind, each row leaning toward its broader one where it has few."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for p in pages.values():
        for e in p.doc.entities:
            for key in [*entity_keys(e), ""]:
                counts[key][0] += p.gold.right(e)
                counts[key][1] += 1
    table = {"": counts[""][0] / max(counts[""][1], 1)}
    for key in sorted(counts, key=lambda k: (k.count("|"), k)):
        if key:
            broader = table[key.rsplit("|", 1)[0] if "|" in key else ""]
            right, n = counts[key]
            table[key] = (right + _SMOOTHING * broader) / (n + _SMOOTHING)
    return table


def train_relations(pages: dict[str, Page], folds: list[list[str]], path: str | Path = MODEL,
                    progress: Callable[[str], None] | None = None, decided: list[Page] = (),
                    named: dict[str, Page] | None = None) -> Path:
    """Calibrate on the folds, fit on every page, and write the model (atomically). The pages `named` with the
    gold's names and the `decided` pages, reviewed by a person, teach every fold's model and the shipped one;
    only the pages as read score them."""
    show = progress or (lambda what: None)
    show("relations: held-out folds")
    facts = scored(pages, held_out(pages, folds, decided=decided, named=named))
    only, platt, threshold = taught(facts, sum(p.gold.count for p in pages.values()))
    show("relations: the shipped model")
    arrays = fit([*pages.values(), *(named or {}).values(), *decided])
    table = entity_table(pages)
    arrays.update(**platt.arrays(), rule_only=np.array(only, dtype=str), threshold=np.array(threshold),
                  entity_keys=np.array(list(table)), entity_confidence=np.array(list(table.values())))
    with atomic_open(Path(path), "wb") as out:
        save(out, arrays)
    return Path(path)


def decided_pages(files: list[Path]) -> list[Page]:
    """The pages beside each corrections file, as the shipped recogniser reads them, with what its accepted
    and rejected facts say of their candidates: an accepted fact is a positive example in each sentence that
    names its two ends, a rejected one a negative."""
    from kg.correct import read_corrections
    from kg.pipeline import process
    from kg.read import read_documents
    from kg.relate import relate

    found = []
    for file in map(Path, files):
        decisions = [(c.fact, c.action == "accept") for c in read_corrections(file)
                     if c.action in ("accept", "reject") and c.fact.object is not None and not c.fact.id]
        for doc in read_documents(file.parent):
            if not isinstance(doc, Document):
                continue
            ctx = read_by_rules(process(doc, until=relate))
            cands = candidates(ctx, list(ctx.triples.values()))
            decided = [_decided(c, decisions) for c in cands]
            if any(known for known, _ in decided):
                found.append(Page(doc, ctx, cands, [right for _, right in decided], known=[k for k, _ in decided]))
    return found


def _decided(c: Candidate, decisions: list) -> tuple[set[str], set[str]]:
    """The labels of a candidate the decisions speak of, and those of them accepted."""
    known, right = set(), set()
    if c.second is None:
        return known, right
    for fact, accepted in decisions:
        for direction, (subject, obj) in ((">", (c.first, c.second)), ("<", (c.second, c.first))):
            label = fact.relation + (">" if fact.relation in SYMMETRIC else direction)
            if label in c.labels and _names(fact.subject, subject) and _names(fact.object, obj):
                known.add(label)
                if accepted:
                    right.add(label)
    return known, right


def _names(ref, e: Entity) -> bool:
    """Whether a correction's entity (a name, and a type where given) is `e`."""
    return (ref.type is None or ref.type == e.type) and \
        name_key(ref.name) in {name_key(n) for n in [e.name, *e.aliases]}


def gold_of(folders) -> dict[str, dict]:
    """Each gold document's annotations, by document."""
    import json

    return {json.loads(p.read_text(encoding="utf-8"))["doc"]: json.loads(p.read_text(encoding="utf-8"))
            for p in map(Path, scorer.gold_files([str(f) for f in folders]))}
