"""Which main-content library reads a saved news page's article and nothing else, and what it costs kg.

    python benchmarks/web_pages.py                (twenty saved pages of shared/corpus/dev2 articles)
    python benchmarks/web_pages.py --pages 60 --repeat 3

Each page wraps a real article in one of five sites' layouts, with navigation,
breadcrumbs, lists of other articles, comment boxes and footers
(tests/read/saved_pages.py). Each reader found installed — the whole body, as
kg read pages before; readability-lxml and trafilatura as they come; kg's
reading (readability-lxml, its innermost tied candidate, furniture lines
dropped) — is scored on:

- kept: the share of the articles' lines it gives;
- leaking: the pages from which it gives any text of the page around the article;
- title, date: the pages whose title and date it gets right;
- ms/page: the best of --repeat runs.

Then kg build over the pages as .html and over their articles as .txt.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "read"))
from saved_pages import articles, saved_page  # noqa: E402

from kg.read.decode import decode  # noqa: E402
from kg.read.formats import html_page  # noqa: E402


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def _whole(source: str) -> tuple[str, str, str]:
    page = html_page(source)
    return page.text, page.meta.get("title", ""), page.date


def _readability(source: str) -> tuple[str, str, str]:
    from readability import Document
    document = Document(source)
    return html_page(document.summary(html_partial=True)).text, document.short_title(), html_page(source).date


def _trafilatura(source: str) -> tuple[str, str, str]:
    import trafilatura
    found = trafilatura.bare_extraction(source, include_comments=False, with_metadata=True)
    return (found.text or "", found.title or "", found.date or "") if found else ("", "", "")


def _kg(source: str) -> tuple[str, str, str]:
    from kg.read.web import web_page
    page = web_page(source)
    return page.text, page.meta.get("title", ""), page.date


READERS = {"whole body (kg before)": (_whole, "kg"), "readability-lxml": (_readability, "readability"),
           "trafilatura": (_trafilatura, "trafilatura"), "kg (readability-lxml, furniture out)": (_kg, "kg")}


def compare(pages: list, repeat: int) -> None:
    sources = [decode(page.data).text for page in pages]
    print(f"{len(pages)} pages\n\n{'reader':38}{'kept':>7}{'leaking':>9}{'title':>7}{'date':>6}{'ms/page':>9}")
    for name, (read, module) in READERS.items():
        if module != "kg" and importlib.util.find_spec(module) is None:
            print(f"{name:38}{'not installed':>38}")
            continue
        best, found = float("inf"), []
        for _ in range(repeat):
            started = time.perf_counter()
            found = [read(source) for source in sources]
            best = min(best, time.perf_counter() - started)
        kept, leaking, titles, dates, leaks = 0.0, 0, 0, 0, Counter()
        for page, (text, title, date) in zip(pages, found):
            flat, article = _flat(text), _flat(page.article.text)
            kept += sum(_flat(line) in flat for line in page.article.lines) / len(page.article.lines)
            leaked = [b for b in page.boilerplate if _flat(b) in flat and _flat(b) not in article]
            leaking += bool(leaked)
            leaks[page.template] += len(leaked)
            titles += _flat(title) == _flat(page.article.title)
            dates += date[:10] == page.article.date
        n = len(pages)
        print(f"{name:38}{kept / n:>7.3f}{leaking:>6}/{n:<4}{titles:>4}/{n:<4}{dates:>4}/{n:<4}"
              f"{1000 * best / n:>7.1f}   {dict(leaks) or ''}")


def builds(pages: list, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        web, text = Path(tmp, "web"), Path(tmp, "text")
        web.mkdir()
        text.mkdir()
        for page in pages:
            (web / f"{page.article.name}.html").write_bytes(page.data)
            (text / f"{page.article.name}.txt").write_text(page.article.text, encoding="utf-8")
        print()
        for name, source in (("kg build of the articles as .txt", text), ("of the saved pages as .html", web)):
            best = float("inf")
            for _ in range(repeat):
                started = time.perf_counter()
                subprocess.run(["kg", "build", str(source), "--out", str(Path(tmp, "out")), "--no-cache", "--quiet",
                                "--force"], check=False)       # 1: built, with warnings
                best = min(best, time.perf_counter() - started)
            print(f"{name:38}{best:>8.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20, help="how many dev2 articles (120 at most)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    pages = [saved_page(article, k) for k, article in enumerate(articles(args.pages))]
    compare(pages, args.repeat)
    builds(pages, args.repeat)


if __name__ == "__main__":
    main()
