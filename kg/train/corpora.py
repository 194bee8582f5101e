"""The public NER corpora, read into kg's types: what people, companies, bodies and places look like in ordinary text.

    for text, spans in cluener(Path("../shared/data/ner/cluener/train.json")):
        ...                           # spans: (start, end, type), type one of kg's or POST / ADDR

CLUENER2020 names only some kinds of thing, in its own terms; the mapping is a choice:
name → Person, company → Company, government → GovernmentAgency, organization →
Organization, position → POST, address → Place where it is one of China's divisions (北京, 海淀区),
else ADDR (a street, a building: not a place of the graph); game, book, movie and scene are none of ours.
A country or world region is ADDR too: CLUENER calls one an address in about 180 sentences, an
organisation (a national team) in 50, and leaves it unlabelled in some 760, so its countries teach
nothing consistent. Mapped to Place, once kg/data/world_places.txt had grown by 76 countries and
regions, they cost the domain's cross-validated typed F1 a point (folds 1 and 3: 0.777 and 0.720
against 0.786 and 0.730 with them ADDR).

Its training set is split by a fixed rule (every tenth sentence held out) so that its
held-out tenth measures the model on text it never saw.

People's Daily and Resume NER are not read: with People's Daily (its places are the divisions
alone where CLUENER's are streets as well, it names no posts, and its ORG is no type of ours) a model
read CLUENER's held-out tenth worse (micro F1 0.705 against 0.727), and the domain no better; Resume
NER's résumé lines added nothing to either (0.727 against 0.730 without).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.lexicon import DIVISIONS, load

Span = tuple[int, int, str]
_CLUENER = {"name": "Person", "company": "Company", "government": "GovernmentAgency",
            "organization": "Organization", "position": "POST", "address": "Place"}


def held_out(index: int) -> bool:
    """Whether CLUENER's training sentence number `index` is kept for evaluation."""
    return index % 10 == 0


def cluener(path: Path, held: bool = False) -> Iterator[tuple[str, list[Span]]]:
    """CLUENER2020's sentences: those held out for evaluation, or the others."""
    divisions = {name for name, place in load().places.items() if place.level in DIVISIONS}
    with open(path, encoding="utf-8") as f:
        for index, line in enumerate(f):
            if held_out(index) != held:
                continue
            record = json.loads(line)
            text, spans = record["text"], []
            for label, mentions in record["label"].items():
                kind = _CLUENER.get(label)
                for start, last in (s for where in (mentions or {}).values() for s in where):
                    if kind:
                        name = text[start:last + 1]
                        spans.append((start, last + 1, "ADDR" if kind == "Place" and name not in divisions else kind))
            yield text, sorted(spans)
