"""A corpus of N MB made from the seeds' own sentences, sampled and shuffled.

    python benchmarks/corpus.py 50 /tmp/corpus50     (50 MB of pages in /tmp/corpus50)

Every generated page is different text, so a cache keyed by content never
flatters a measurement; the sentences are real news, cut into the short lines
of a newspaper column as the seeds are, so every stage does the work it does
on real pages. Each page holds a few articles, each a headline and
a lead followed by sentences drawn mostly from one seed article and shuffled.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from kg.model import Document
from kg.read import read_documents
from kg.text.repair import repair
from kg.text.segment import segment
from kg.text.simplify import simplify

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGE_BYTES = 20_000


def seed_articles(seeds: Path = SEEDS) -> list[tuple[str, list[str]]]:
    """(headline, sentences) of every article of the seed pages."""
    articles = []
    for doc in read_documents(seeds):
        if not isinstance(doc, Document):
            continue
        doc = segment(repair(simplify(doc)))
        for article in doc.articles:
            sentences = [s.text for s in article.sentences if s.text != article.title]
            if len(sentences) >= 3:
                articles.append((article.title or "", sentences))
    return articles


def page(rng: random.Random, articles: list[tuple[str, list[str]]]) -> str:
    parts, size = [], 0
    while size < PAGE_BYTES:
        title, sentences = rng.choice(articles)
        body = rng.sample(sentences, k=max(3, len(sentences) * 2 // 3))
        body += [rng.choice(rng.choice(articles)[1]) for _ in range(2)]     # a little from elsewhere
        rng.shuffle(body)
        paragraphs = ["".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        text = (f"{title}\n\n" if title else "") + "\n\n".join(_column(p) for p in [f"本报讯 {paragraphs[0]}", *paragraphs[1:]]) + "\n\n"
        parts.append(text)
        size += len(text.encode())
    return "\n".join(parts)


def _column(paragraph: str, width: int = 15) -> str:
    """A paragraph as a newspaper PDF gives it: cut every `width` characters, a blank line after each."""
    return "\n\n".join(paragraph[i:i + width] for i in range(0, len(paragraph), width))


def generate(megabytes: float, folder: Path, seed: int = 7) -> tuple[int, int]:
    """Write pages until `megabytes` MB are written; returns (pages, characters)."""
    rng = random.Random(seed)
    articles = seed_articles()
    folder.mkdir(parents=True, exist_ok=True)
    total, chars, n = 0, 0, 0
    while total < megabytes * 1_000_000:
        text = page(rng, articles)
        (folder / f"page_{n:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        chars += len(text)
        n += 1
    return n, chars


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("megabytes", type=float)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7, help="the random seed (default 7)")
    args = parser.parse_args()
    pages, chars = generate(args.megabytes, args.folder, args.seed)
    print(f"{pages} pages, {chars:,} characters in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
