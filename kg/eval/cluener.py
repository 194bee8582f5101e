"""How well the shipped model reads ordinary news: CLUENER2020's held-out tenth, never trained on.

    from kg.eval.cluener import score_cluener
    result = score_cluener(Path("../shared/data/ner/cluener/train.json"))
    print(result.table, result.micro_f1)

The model was trained without every tenth sentence of CLUENER's training set
(kg/train/corpora.py); those sentences are tagged here, and a mention counts
when its span and type are CLUENER's, on the six types that map to kg's:
person, company, government, organization, address (a place or a street) and
position (a post).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.read import InputError
from kg.train.corpora import held_out

LABELS = {"name": "person", "company": "company", "government": "government", "organization": "organization",
          "address": "address", "position": "position"}
# the model's types, as CLUENER's labels
_AS_CLUENER = {"Person": "person", "Company": "company", "GovernmentAgency": "government",
               "Organization": "organization", "Place": "address", "ADDR": "address", "Zone": "address",
               "POST": "position"}


@dataclass
class Tally:
    right: Counter
    found: Counter
    gold: Counter

    def f1(self, label: str | None = None) -> float:
        right, found, gold = ((self.right[label], self.found[label], self.gold[label]) if label else
                              (sum(self.right.values()), sum(self.found.values()), sum(self.gold.values())))
        return round(2 * right / (found + gold), 4) if found + gold else 0.0

    @property
    def micro_f1(self) -> float:
        return self.f1()

    @property
    def table(self) -> str:
        lines = [f"{'CLUENER held out':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
        for label in [*LABELS.values(), None]:
            right, found, gold = ((self.right[label], self.found[label], self.gold[label]) if label else
                                  (sum(self.right.values()), sum(self.found.values()), sum(self.gold.values())))
            lines.append(f"  {label or 'micro':<16}{right / found if found else 0:>7.3f}"
                         f"{right / gold if gold else 0:>7.3f}{self.f1(label):>7.3f}{gold:>7}")
        return "\n".join(lines)


def held_out_sentences(path: Path):
    """(text, {(start, end, label)}) of CLUENER's held-out sentences, on the six labels."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the folder that holds data/ner/cluener/train.json")
    with open(path, encoding="utf-8") as f:
        for index, line in enumerate(f):
            if held_out(index):
                record = json.loads(line)
                yield record["text"], {(start, last + 1, LABELS[label])
                                       for label, mentions in record["label"].items() if label in LABELS
                                       for where in (mentions or {}).values() for start, last in where}


def score_cluener(path: Path) -> Tally:
    """The model in use (kg/recognize/learned.py) on the held-out sentences."""
    from kg.recognize.learned import recogniser

    sentences = list(held_out_sentences(path))
    right, found, gold = Counter(), Counter(), Counter()
    for (_, expected), runs in zip(sentences, recogniser().mentions([text for text, _ in sentences])):
        read = {(s, e, _AS_CLUENER[kind]) for s, e, kind in runs if kind in _AS_CLUENER}
        found.update(label for *_, label in read)
        gold.update(label for *_, label in expected)
        right.update(label for *_, label in read & expected)
    return Tally(right, found, gold)
