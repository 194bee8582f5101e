"""Score an extraction record against gold annotations, and show what it misses.

    from kg.eval import evaluate
    result = evaluate("../shared/gold/dev")               # extracts seeds/ first
    print(result.table)
    print(result.summary["triple_f1"])

`score.py` beside this file is the project's scorer, copied unchanged from
shared/eval/score.py (a test keeps the two identical), so that `kg eval` works
from an installed package and scores exactly as the published figures do.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kg.eval import score as scorer
from kg.read import InputError


@dataclass
class Evaluation:
    table: str          # the scorer's per-type and per-relation table
    misses: list[str]   # missed and extra entities and triples, document by document
    summary: dict       # entity_f1, triple_f1, … as the scorer's summary line has them
    skipped: list[str] = field(default_factory=list)   # pages that could not be extracted, and why

    @property
    def summary_line(self) -> str:
        return " ".join(f"{k}={v}" for k, v in self.summary.items())


def evaluate(gold: str | Path, pred: str | Path | None = None, pages: str | Path = "seeds") -> Evaluation:
    """Score `pred` (an extraction record), or the record extracted from `pages`, against `gold`."""
    files = scorer.gold_files([str(gold)])
    if not files:
        raise InputError(f"{gold}: no gold .json files there; give a folder of gold annotations")
    gold_docs = scorer.load_gold(files)
    if pred is None:
        with tempfile.TemporaryDirectory() as tmp:
            record, skipped = _extract(pages, Path(tmp) / "extraction.jsonl")
            result = _score(gold_docs, record)
            result.skipped = skipped
            return result
    if not Path(pred).is_file():
        raise InputError(f"{pred}: no such extraction record; run `kg build` first or leave out --pred")
    return _score(gold_docs, pred)


def _extract(pages: str | Path, path: Path) -> tuple[Path, list[str]]:
    from kg.pipeline import extract_all
    from kg.relate.confidence import confident
    from kg.write.jsonl import write_jsonl

    run = extract_all(pages)
    write_jsonl(map(confident, run.documents), path)       # the facts a build keeps by default
    return path, [f"{f.path}: {f.reason}" for f in run.problems]


def _score(gold_docs: dict, pred: str | Path) -> Evaluation:
    try:
        pred_entities, pred_triples = scorer.load_pred(str(pred), set(gold_docs))
    except SystemExit as exc:   # the scorer stops on a line that is not JSON
        raise InputError(f"{exc}; is this an extraction record written by kg?") from None
    except (UnicodeDecodeError, TypeError, AttributeError, KeyError, ValueError) as exc:
        # the scorer is the project's, unchanged: a record edited by hand breaks it where it breaks
        reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else f"{type(exc).__name__}: {exc}"
        raise InputError(f"{pred}: not an extraction record the scorer can read ({reason}); "
                         "is this an extraction record written by kg?") from None
    if not pred_entities and not pred_triples:
        raise InputError(f"{pred}: none of the gold documents ({', '.join(sorted(gold_docs))}) is in it; "
                         "extract the pages the gold was made from")
    misses: list[str] = []
    result = scorer.score(gold_docs, pred_entities, pred_triples, misses)
    lines, summary = scorer.report(result, len(gold_docs))
    return Evaluation("\n".join(lines), misses, summary)
