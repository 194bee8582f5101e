"""Which PDF library keeps a newspaper page's columns, and what reading PDF costs kg.

    python benchmarks/pdf_readers.py                 (the five seed pages, in 4, 5 and 6 columns)
    python benchmarks/pdf_readers.py --repeat 3

The seed pages are typeset as a newspaper sets them (tests/read/newspaper_pdf.py:
articles side by side under their headlines, frames drawn out of reading order)
and read back by each library found installed — pdfminer.six (what kg uses),
pdfplumber, pypdf, PyMuPDF, pypdfium2 — and by kg itself. For each:

- sentences: the share of the seed pages' sentences that come out whole, which
  they do only when a column's lines follow one another;
- order: the share of those sentences that come after the one before them;
- headlines: the share of headlines that are a line of their own (a headline that
  wraps over two lines is one only when the reader joins them, as kg does);
- ms/page: the best of --repeat runs, the file opened afresh each time.

Then kg build over the seed pages as .pdf and as .txt, for what reading PDF adds to a build.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "read"))
from newspaper_pdf import stories, typeset  # noqa: E402

from kg.model import Document  # noqa: E402
from kg.text.repair import repair  # noqa: E402
from kg.text.segment import segment  # noqa: E402
from kg.text.simplify import simplify  # noqa: E402


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def _kg(path: Path) -> str:
    from kg.read import read_file
    return next(iter(read_file(path))).raw


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(path)


def _pdfplumber(path: Path) -> str:
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pypdf(path: Path) -> str:
    import pypdf
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _pymupdf(path: Path) -> str:
    import pymupdf
    with pymupdf.open(path) as pdf:
        return "\n".join(page.get_text(sort=False) for page in pdf)


def _pypdfium2(path: Path) -> str:
    import pypdfium2
    pdf = pypdfium2.PdfDocument(path)
    return "\n".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))


READERS = {"kg (pdfminer.six, headlines placed)": (_kg, "kg"), "pdfminer.six extract_text": (_pdfminer, "pdfminer"),
           "pdfplumber extract_text": (_pdfplumber, "pdfplumber"), "pypdf extract_text": (_pypdf, "pypdf"),
           "PyMuPDF get_text (AGPL)": (_pymupdf, "pymupdf"), "pypdfium2 get_text_range": (_pypdfium2, "pypdfium2")}


def score(text: str, sentences: list[str], headlines: list[str]) -> tuple[float, float, float]:
    flat = _flat(text)
    found = [at for at in (flat.find(s) for s in sentences) if at >= 0]
    lines = {_flat(line.removeprefix("# ")) for line in text.splitlines()}
    return (len(found) / len(sentences), sum(b > a for a, b in zip(found, found[1:])) / max(1, len(found) - 1),
            sum(_flat(h) in lines for h in headlines) / len(headlines))


def compare(folder: Path, texts: dict[str, str], repeat: int) -> None:
    import importlib.util

    pdfs = sorted(folder.glob("*.pdf"))
    pages = sum(_pages(p) for p in pdfs)
    sentences = [_flat(s.text) for text in texts.values() for s in _sentences(text) if len(s.text) >= 8]
    headlines = [h for text in texts.values() for story in stories(text) for h in story.headline]
    print(f"{len(pdfs)} PDFs, {pages} pages, {len(sentences)} sentences, {len(headlines)} headlines\n")
    print(f"{'reader':38}{'sentences':>10}{'order':>8}{'headlines':>11}{'ms/page':>9}")
    for name, (read, module) in READERS.items():
        if module != "kg" and importlib.util.find_spec(module) is None:
            print(f"{name:38}{'not installed':>38}")
            continue
        best, text = float("inf"), ""
        for _ in range(repeat):
            started = time.perf_counter()
            text = "\n".join(read(p) for p in pdfs)
            best = min(best, time.perf_counter() - started)
        whole, order, heads = score(text, sentences, headlines)
        print(f"{name:38}{whole:>10.3f}{order:>8.3f}{heads:>11.3f}{1000 * best / pages:>9.0f}")


def _sentences(text: str):
    return segment(repair(simplify(Document(id="page", raw=text)))).sentences


def _pages(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage
    with path.open("rb") as f:
        return sum(1 for _ in PDFPage.get_pages(f))


def builds(folder: Path, texts: dict[str, str], repeat: int) -> None:
    text_folder = folder / "text"
    text_folder.mkdir()
    for stem, text in texts.items():
        (text_folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    pdf_folder = folder / "pdf"
    pdf_folder.mkdir()
    for pdf in folder.glob("*.pdf"):
        shutil.copy(pdf, pdf_folder / pdf.name)
    print()
    for name, source in (("kg build of the seed pages as .txt", text_folder), ("as .pdf", pdf_folder)):
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(["kg", "build", str(source), "--out", str(folder / "out"), "--no-cache", "--quiet",
                            "--force"], check=False)       # 1: built, with warnings
            best = min(best, time.perf_counter() - started)
        print(f"{name:38}{best:>8.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for k, (stem, text) in enumerate(texts.items()):
            typeset([text], folder / f"{stem}.pdf", columns=4 + k % 3, seed=k)
        compare(folder, texts, args.repeat)
        builds(folder, texts, args.repeat)


if __name__ == "__main__":
    main()
