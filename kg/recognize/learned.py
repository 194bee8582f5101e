"""The learned recogniser: a linear-chain CRF over the features of kg/recognize/features.py.

`kg train` (kg/train) fits it with crfsuite, on the annotated pages about
high-tech zones and on nine tenths of CLUENER2020's ordinary news, and keeps
its weights here as numpy arrays (kg/models/README.md says what it learned
from and how well it does).

Tagging is a sum of weights and a Viterbi search, in numpy, over every sentence
of a page at once: crfsuite's own tagger reads each feature as a string it
copies, and would take several times the whole rest of a build.
tests/recognize/test_learned.py checks the two agree. A name of a type the model
reads least surely is weighed too: the probability of its run, from the forward
and backward sums over all label paths, keeps it or leaves it out (`find`).

Each character is labelled B-<type> (a name begins), I-<type> (it goes on) or
O; a run of one type is a mention. Besides the ten entity types the model knows
POST (董事长, 局长) and ADDR (a street address): the corpora it learned from name
them, and knowing them keeps them apart from the names around them; they are
not entities of the graph.
"""
from __future__ import annotations

import zipfile
from functools import cache
from itertools import repeat
from pathlib import Path

import numpy as np

from kg.lexicon import ZONE_TAILS, load
from kg.model import ENTITY_TYPES, Mention
from kg.models import FOLDER, InUse
from kg.read import InputError
from kg.recognize.features import AFTER, BEFORE, TEMPLATES, Template, lexicon_digest, lexicons, sequences

MODEL = FOLDER / "recogniser.npz"
_REACH = max(abs(off) for t in TEMPLATES for off in t.offsets)     # the farthest any template looks
SOURCE = "model"
_PLACES = ("xS", "xB", "xM", "xE", ">", "<")      # a character's place in, or beside, a lexicon name


class ModelError(InputError):
    """The model file is missing or cannot be read."""


def stale(path: str | Path) -> bool:
    """Whether the recogniser at `path` was trained on other lexicons than kg reads now (or does not say on
    which): its figures are not those `kg train` or `kg eval --folds` would give today. An archive that cannot
    be read is not called stale: reading it for its weights says what is wrong."""
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return "lexicons" not in arrays.files or str(arrays["lexicons"]) != lexicon_digest()
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        return False


class Recogniser:
    """A CRF's weights: a row of label scores for each feature, and a score for each pair of labels.

    A feature is looked up by number: each item of a sequence (a character, a word …) has an id, and
    each template a table from its items' ids to a row of weights."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            with np.load(self.path, allow_pickle=False) as arrays:
                self.labels = [str(x) for x in arrays["labels"]]
                features = [str(x) for x in arrays["features"]]
                self.weights = np.zeros((len(features) + 1, len(self.labels)), np.float32)  # last row: unknown
                np.add.at(self.weights, (arrays["feature"], arrays["label"]), arrays["weight"])
                self.transitions = arrays["transitions"].astype(np.float32)
                names = {str(x) for x in arrays["templates"]}
        except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile) as exc:
            problem = "is missing" if not self.path.exists() else f"cannot be read ({type(exc).__name__})"
            raise ModelError(f"{self.path}: the recogniser's model {problem}; "
                             "rebuild it with `kg train` (pip install -e '.[train]' first)") from None
        self.templates = [t for t in TEMPLATES if t.name in names]
        self._index(features)
        self._by_kinds: np.ndarray | None = None

    def _index(self, features: list[str]):
        unknown = len(features)
        by_template = {t.name: {} for t in self.templates}
        self._marks: dict[str, int] = {}
        for row, feature in enumerate(features):
            name, eq, value = feature.partition("=")
            if eq and name in by_template:
                by_template[name][value] = row
            else:
                self._marks[feature] = row
        self._ids: dict[str, dict[str | None, int]] = {}       # sequence → item → id
        for t in self.templates:
            ids = self._ids.setdefault(t.sequence, {BEFORE: 0, AFTER: 1})
            for value in by_template[t.name]:
                for item in (value if len(t.offsets) > 1 else [value]):    # a pair joins two characters
                    ids.setdefault(item, len(ids))
        self._tables = []       # per template: (its ids → rows), or for a pair (sorted codes, their rows)
        for t in self.templates:
            ids, found = self._ids[t.sequence], by_template[t.name]
            if len(t.offsets) == 1:
                table = np.full(len(ids) + 1, unknown, np.intp)     # id len(ids): an item the model never saw
                table[[ids[v] for v in found]] = list(found.values())
                self._tables.append(table)
            else:
                codes = np.array([ids[v[0]] * (len(ids) + 1) + ids[v[1]] for v in found], np.intp)
                order = np.argsort(codes)
                self._tables.append((codes[order], np.array(list(found.values()), np.intp)[order]))
        self.unknown = unknown
        # a character's id by its code point: a text's characters are looked up at once, not one by one
        chars = self._ids.get("char", {})
        self._char_ids = np.full(0x110000, len(chars), np.int32)
        self._char_ids[[ord(ch) for ch in chars]] = list(chars.values())

    def scores(self, reading: Reading) -> list[np.ndarray]:
        """Each character's score for each label, the sum of its features' weights, for every text at once."""
        ids = {name: self._char_ids[np.frombuffer(reading.items[name].encode("utf-32-le"), np.uint32)]
               if name == "char" else
               np.fromiter(map(known.get, reading.items[name], repeat(len(known))), np.intp, len(reading.items[name]))
               for name, known in self._ids.items()}
        scores = np.zeros((len(reading.at), len(self.labels)), np.float32)
        for t, table in zip(self.templates, self._tables):      # template by template: one slab in memory
            scores += self.weights[self._rows(t, table, ids[t.sequence], reading.at)]
        self._add_marks(scores, reading)
        return np.split(scores, np.cumsum(reading.lengths[:-1]))

    def _add_marks(self, scores: np.ndarray, reading: Reading) -> None:
        """The weights of the lexicon marks (features.Lexicons.marks), added name by name: a name's weights
        at its first, middle and last characters and beside it depend only on the kinds of name it is."""
        if self._by_kinds is None:
            self._by_kinds = self._weigh_kindsets()
        begin, end, lo, hi = reading.begins, reading.ends, reading.lo, reading.hi
        weights = self._by_kinds[lexicons().kindset_of[reading.words]]      # [name, place, label]
        one = end - begin == 1
        places = [(begin, np.where(one, 0, 1)),             # alone, or first
                  (end - 1, np.where(one, -1, 3)),          # last, of a name of two or more
                  (begin - 1, np.full_like(begin, 4)),      # the character before
                  (end, np.full_like(begin, 5))]            # the character after
        for at, place in places:
            keep = (lo <= at) & (at < hi) & (place >= 0)
            np.add.at(scores, at[keep], weights[keep, place[keep]])
        middle = np.maximum(end - begin - 2, 0)
        named = np.repeat(np.arange(len(begin)), middle)
        at = begin[named] + 1 + np.arange(len(named)) - np.repeat(np.cumsum(middle) - middle, middle)
        np.add.at(scores, at, weights[named, 2])

    def _weigh_kindsets(self) -> np.ndarray:
        """For each set of kinds a lexicon name may have, the summed weights of its marks at each place:
        alone (xS), first (xB), middle (xM), last (xE), the character before it (>) and after it (<)."""
        kindsets = lexicons().kindsets
        summed = np.zeros((len(kindsets), len(_PLACES), len(self.labels)), np.float32)
        for k, kinds in enumerate(kindsets):
            for place, prefix in enumerate(_PLACES):
                for kind in kinds:
                    row = self._marks.get(prefix + kind)
                    if row is not None:
                        summed[k, place] += self.weights[row]
        return summed

    def _rows(self, t: Template, table, ids: np.ndarray, at: np.ndarray) -> np.ndarray:
        """The weight row of template `t`'s feature at each character."""
        if len(t.offsets) == 1:
            return table[ids[at + t.offsets[0]]]
        codes, rows = table
        code = ids[at + t.offsets[0]] * (len(self._ids[t.sequence]) + 1) + ids[at + t.offsets[1]]
        where = np.minimum(np.searchsorted(codes, code), len(codes) - 1)
        return np.where(codes[where] == code, rows[where], self.unknown)

    def tag(self, reading: Reading) -> list[list[str]]:
        """The best sequence of labels (a type, or O) of each text, one label a character."""
        paths = viterbi(self.scores(reading), self.transitions) if reading.lengths else []
        return [[self.labels[k] for k in path] for path in paths]

    def mentions(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, type) of each run of one type in the labels of each text."""
        return self.read(texts)[0]

    def read(self, texts: list[str], weigh: tuple[str, ...] = ()) \
            -> tuple[list[list[tuple[int, int, str]]], list[list[float]]]:
        """mentions() of each text, and the probability of each run of a type in `weigh` (run_probabilities; 1.0
        for the others)."""
        reading = Reading(texts)
        scores = self.scores(reading) if reading.lengths else []
        paths = viterbi(scores, self.transitions) if scores else []
        runs = _runs(paths, self.labels)
        asked = [[run for run in text_runs if run[2] in weigh] for text_runs in runs]
        probabilities = run_probabilities(scores, self.transitions, paths, asked, self.labels)
        weighed = [[next(found) if kind in weigh else 1.0 for _, _, kind in text_runs]
                   for text_runs, found in zip(runs, map(iter, probabilities))]
        return runs, weighed

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        return self.mentions([text])[0]


class Reading:
    """A batch of texts as the model sees them: each sequence's items for all the texts end to end,
    and the lexicon marks by character."""

    def __init__(self, texts: list[str]):
        self.lengths = [len(t) for t in texts]
        starts = np.cumsum([0] + [n + 2 * _REACH for n in self.lengths])
        self.at = np.concatenate([np.arange(n) + s + _REACH for n, s in zip(self.lengths, starts)]
                                 or [np.zeros(0)]).astype(np.intp)      # each character's place among the items
        self.items = {name: _padded(per_text) for name, per_text in _transposed([sequences(t) for t in texts]).items()}
        self._find_names(texts)

    def _find_names(self, texts: list[str]) -> None:
        """The lexicon names of all the texts, found at once in the texts joined by line breaks (which no
        name holds): each name's lexicon word, its first and end character among all the texts' characters,
        and the bounds of its text."""
        found = np.array(lexicons().matches("\n".join(texts)), np.intp).reshape(-1, 3)
        offsets = np.cumsum([0] + self.lengths)
        text = np.searchsorted(offsets[:-1] + np.arange(len(texts)), found[:, 1], side="right") - 1
        self.words, self.begins, self.ends = found[:, 0], found[:, 1] - text, found[:, 2] - text
        self.lo, self.hi = offsets[text], offsets[text + 1]


def _padded(per_text: list) -> list | str:
    """One sequence's items of every text end to end, each text between _REACH items of padding;
    characters as one string."""
    if per_text and isinstance(per_text[0], str):
        return "".join(BEFORE * _REACH + text + AFTER * _REACH for text in per_text)
    items = []
    for text_items in per_text:
        items += [BEFORE] * _REACH
        items += text_items
        items += [AFTER] * _REACH
    return items


def _transposed(read: list[dict]) -> dict[str, list[list]]:
    return {name: [r[name] for r in read] for name in (read[0] if read else {})}


def viterbi(scores: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The best label path of each score matrix (characters × labels), as crfsuite's CRF defines it:
    the sum of the characters' label scores and of the transitions between consecutive labels.

    All paths are searched together, one character a step: the sentences sorted longest first,
    so that those still going at a step are the first ones."""
    paths = [np.zeros(0, np.intp)] * len(scores)
    order = sorted((k for k in range(len(scores)) if len(scores[k])), key=lambda k: -len(scores[k]))
    if not order:
        return paths
    lengths = np.array([len(scores[k]) for k in order])
    width, labels, count = int(lengths[0]), transitions.shape[0], len(order)
    # sentences on the last axis: a step reduces over the previous label, slab by slab of all sentences
    padded = np.zeros((width, labels, count), np.float32)       # [step, label, sentence]
    for row, k in enumerate(order):
        padded[:lengths[row], :, row] = scores[k]
    going = np.searchsorted(-lengths, -np.arange(width), side="left")     # how many sentences outlast t
    into = transitions[:, :, None]                                      # [previous label, label, 1]
    best = np.empty((width, labels, count), np.float32)                 # the best score of a path to each label
    best[0] = padded[0]
    for t in range(1, width):
        n = going[t]
        best[t, :, :n] = (best[t - 1, :, None, :n] + into).max(axis=0) + padded[t, :, :n]
    # back from each sentence's best last label: the previous label is the one its best path came from,
    # found for the labels the paths take rather than kept for every label at every step
    rows = np.arange(count)
    path = np.zeros((count, width), np.intp)
    path[rows, lengths - 1] = best[lengths - 1, :, rows].argmax(axis=1)
    for t in range(width - 1, 0, -1):
        n = going[t]
        path[:n, t - 1] = (best[t - 1, :, :n].T + transitions[:, path[:n, t]].T).argmax(axis=1)
    for row, k in enumerate(order):
        paths[k] = path[row, :lengths[row]]
    return paths


def run_probabilities(scores: list[np.ndarray], transitions: np.ndarray, paths: list[np.ndarray],
                      runs: list[list[tuple[int, int, str]]], labels: list[str]) -> list[list[float]]:
    """The probability of each of `runs` (one list a text): of all the label paths of its text, weighed as the CRF
    weighs them, the share that label its characters as the best path does and end the run where it ends.
    The texts that have runs to weigh are summed over together, forward and backward, as viterbi searches."""
    order = sorted((k for k in range(len(runs)) if runs[k]), key=lambda k: -len(scores[k]))
    if not order:
        return [[] for _ in runs]
    lengths = np.array([len(scores[k]) for k in order])
    width, count = int(lengths[0]), len(order)
    padded = np.zeros((width, len(labels), count), np.float32)         # [step, label, text]
    best = np.zeros((width, count), np.intp)                            # [step, text]: the best path's labels
    for row, k in enumerate(order):
        padded[:lengths[row], :, row] = scores[k]
        best[:lengths[row], row] = paths[k]
    going = np.searchsorted(-lengths, -np.arange(width), side="left")
    forward, backward = _forward(padded, transitions, going), _backward(padded, transitions, going)
    texts = np.arange(count)
    total = _logsumexp(forward[lengths - 1, :, texts], axis=1)
    # the best path's weight step by step: each label's score and the transition into it, summed along
    steps = padded[np.arange(width)[:, None], best, texts[None, :]]
    steps[1:] += transitions[best[:-1], best[1:]]
    along = np.cumsum(steps, axis=0)
    row, start, end, kinds = map(np.array, zip(*[(row, a, b, kind) for row, k in enumerate(order)
                                                 for a, b, kind in runs[k]]))
    first, last = best[start, row], best[end - 1, row]
    inside = along[end - 1, row] - along[start, row] + padded[start, first, row]
    into = np.where(start > 0, _logsumexp(forward[start - 1, :, row] + transitions[:, first].T, axis=1), 0.0)
    # a run stops at any label but one that goes on with it
    stops = np.array([[label != "I-" + kind for label in labels] for kind in kinds])
    after = np.minimum(end, width - 1)
    leaving = np.where(stops, transitions[last] + padded[after, :, row] + backward[after, :, row], -np.inf)
    out = np.where(end < lengths[row], _logsumexp(leaving, axis=1), 0.0)
    found = iter(np.exp(inside + into + out - total[row]).tolist())
    probabilities = [[] for _ in runs]
    for k in order:
        probabilities[k] = [next(found) for _ in runs[k]]
    return probabilities


def _forward(padded: np.ndarray, transitions: np.ndarray, going: np.ndarray) -> np.ndarray:
    """The log of the summed weights of the paths to each label at each step (crfsuite's alpha)."""
    into = np.exp(transitions).T                                        # [label, previous label]
    forward = np.zeros_like(padded)
    forward[0] = padded[0]
    for t in range(1, len(padded)):
        n = going[t]
        top = forward[t - 1, :, :n].max(axis=0)
        forward[t, :, :n] = np.log(into @ np.exp(forward[t - 1, :, :n] - top)) + top + padded[t, :, :n]
    return forward


def _backward(padded: np.ndarray, transitions: np.ndarray, going: np.ndarray) -> np.ndarray:
    """The log of the summed weights of the paths from each label at each step to the text's end (beta)."""
    out = np.exp(transitions)                                           # [label, next label]
    backward = np.zeros_like(padded)
    for t in range(len(padded) - 2, -1, -1):
        n = going[t + 1]            # the texts that go on past t; the others end at t, with nothing after
        ahead = backward[t + 1, :, :n] + padded[t + 1, :, :n]
        top = ahead.max(axis=0)
        backward[t, :, :n] = np.log(out @ np.exp(ahead - top)) + top
    return backward


def _logsumexp(x: np.ndarray, axis: int | None = None):
    top = np.max(x, axis=axis, keepdims=True)
    return np.squeeze(top, axis=axis) + np.log(np.exp(x - top).sum(axis=axis))


def spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each run of characters of one type: B-<type> begins a run, I-<type> goes
    on with it (or begins one after another type), O is none."""
    names = sorted(set(labels))
    return _runs([np.array([names.index(label) for label in labels], np.intp)], names)[0]


def _runs(paths: list[np.ndarray], labels: list[str]) -> list[list[tuple[int, int, str]]]:
    """spans() of label paths (each label a number of `labels`), found for all the paths at once."""
    kinds = sorted({label[2:] for label in labels if label != "O"})
    kind = np.array([kinds.index(label[2:]) if label != "O" else -1 for label in labels], np.intp)[
        np.concatenate(paths) if paths else np.zeros(0, np.intp)]
    begins = np.array([label.startswith("B-") for label in labels], bool)[
        np.concatenate(paths) if paths else np.zeros(0, np.intp)]
    offsets = np.cumsum([0] + [len(p) for p in paths])
    first = np.zeros(len(kind) + 1, bool)
    first[offsets] = True                     # a text's first character, and the end of the last
    same = np.r_[kind[1:] == kind[:-1], False]
    starts = np.flatnonzero((kind >= 0) & (begins | first[:-1] | np.r_[True, ~same[:-1]]))
    goes_on = same & ~np.r_[begins[1:], True] & ~first[1:]
    ends = np.flatnonzero((kind >= 0) & ~goes_on) + 1
    text = np.searchsorted(offsets, starts, side="right") - 1
    found: list[list[tuple[int, int, str]]] = [[] for _ in paths]
    for t, start, end, k in zip(text.tolist(), (starts - offsets[text]).tolist(), (ends - offsets[text]).tolist(),
                                kind[starts].tolist()):
        found[t].append((start, end, kinds[k]))
    return found


_IN_USE = InUse(MODEL, "KG_MODEL", Recogniser)
model_path = _IN_USE.path          # the model in use: `using`'s, else $KG_MODEL, else kg/models/recogniser.npz
recogniser = _IN_USE.model         # … loaded once a process
using = _IN_USE.using              # within a block, another model (cross-validation trains one a fold)


# A name the model read is kept where the page reads it at SURE_ENOUGH once at least: the share of all label paths
# that read it so. First for the types it reads least surely on pages it never saw (the share right of its own
# readings over the folds: Organization 0.65, Industry 0.77, Policy 0.41, Product 0.14) at 0.5: typed entities
# 0.7852 → 0.7883 over the folds, triples 0.6084 → 0.6106. Since, each measured on the kept folds: industries and
# products at 0.6 (typed 0.8237 → 0.8253, Industry 0.769 → 0.779; at 0.7 and 0.8: 0.8246, 0.8242); a name whose
# tail decides its type (某某大学, 某某有限公司: kg/data/org_suffixes.csv; 某某工业园区) kept however unsure the
# model was (0.8260, Organization 0.807 → 0.820); companies at 0.4 (0.8274; at 0.5 triples fell, 0.6748 →
# 0.6709); people, places and zones at 0.4 (工程硕士, 东江 gone: 0.8283, triples 0.6742 → 0.6774); organisations at
# 0.6, the names their tails decide being kept (金超, 著科创中心 gone: 0.8288, triples 0.6779; at 0.7, 0.8287).
# Projects at 0.4 read Project 0.747 → 0.738, policies at 0.6 no better; government bodies, read surely, are left
# alone.
SURE_ENOUGH = {"Organization": 0.6, "Industry": 0.6, "Policy": 0.5, "Product": 0.6, "Company": 0.4,
               "Person": 0.4, "Place": 0.4, "Zone": 0.4}
UNSURE = tuple(SURE_ENOUGH)


def find(sentences) -> list[Mention]:
    """The mentions the model reads in `sentences` (a page's, tagged together), but those of a name of an UNSURE
    type that the page nowhere reads at SURE_ENOUGH, unless its tail decides its type."""
    read, probabilities = recogniser().read([s.text for s in sentences], UNSURE)
    found, surest = [], {}
    for s, runs, sure in zip(sentences, read, probabilities):
        for (a, b, kind), p in zip(runs, sure):
            if kind in ENTITY_TYPES:
                found.append(Mention(s.text[a:b], kind, s.start + a, s.start + b, s.index, source=SOURCE))
                surest[s.text[a:b], kind] = max(p, surest.get((s.text[a:b], kind), 0.0))
    return [m for m in found
            if m.type not in UNSURE or _decided(m.text) or surest[m.text, m.type] >= SURE_ENOUGH[m.type]]


def _decided(name: str) -> bool:
    """Whether `name` is a name before a tail that decides its type (某某大学) or a zone's kind (某某工业园区), not
    the tail alone (联盟)."""
    return any(name.endswith(tail) and len(name) - len(tail) >= 2 for tail in _deciding_tails())


@cache
def _deciding_tails() -> tuple[str, ...]:
    return (*(tail for tail, _ in load().deciding), *ZONE_TAILS)
