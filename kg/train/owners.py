"""Training the split of a project's name into its company and the rest (kg/derive/owners.py).

Each gold project's names, split at every place kg/derive/owners.py considers: the
split is right where a gold company or organisation of the page is the name's
front part, and no split is right for a project named after none. A logistic
regression (scikit-learn), its classes balanced, since a name has one right split
among several; the weights go into the recogniser's archive.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from kg.derive.owners import splits
from kg.train.gold import gold_files, name_forms, page_of, read_page
from kg.text.simplify import to_simplified

C = 0.3     # C 1 and 3 split held-out names no better (F1 0.563 and 0.557 against 0.581 at 0.3)
_BODIES = ("Company", "Organization")


def examples(gold_folders: Iterable[Path], text_folders: Iterable[Path], exclude: Iterable[str] = ()) \
        -> list[tuple[list[str], bool]]:
    """(features, whether the split is the owner's) of every split of every gold project's names."""
    text_folders, left_out = list(text_folders), set(exclude)
    found = []
    for path in gold_files(gold_folders):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["doc"] in left_out:
            continue
        page = read_page(page_of(gold["doc"], text_folders), gold["doc"]).text
        bodies = {to_simplified(form) for e in gold["entities"] if e["type"] in _BODIES
                  for form in name_forms(e) if len(form) >= 2}
        for e in gold["entities"]:
            if e["type"] != "Project":
                continue
            for name in sorted({to_simplified(form) for form in name_forms(e)}):
                owner = max((len(b) for b in bodies if name.startswith(b) and len(b) < len(name)), default=0)
                found += [(features, end == owner) for end, features in splits(name, page)]
    return found


def fit(found: list[tuple[list[str], bool]]) -> dict[str, np.ndarray]:
    """The arrays kg/derive/owners.py reads: each feature's weight (the intercept is the "bias" feature's)."""
    if len({right for _, right in found}) < 2:      # no gold, or none named after its company: no split
        return {}
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectors = DictVectorizer(sort=True)
    x = vectors.fit_transform([dict.fromkeys(f, 1) for f, _ in found])
    model = LogisticRegression(C=C, class_weight="balanced", fit_intercept=False, max_iter=5000)
    model.fit(x, [right for _, right in found])
    return {"owner_features": np.array([str(n) for n in vectors.get_feature_names_out()]),
            "owner_weights": model.coef_[0].astype(np.float32)}
