"""Read news pages: a file, or every page under a folder, one `Document` at a time.

    for item in read_documents("archive/"):     # Document, or Problem for what cannot be read
        ...

Pages are .txt, .md, .html (the article: kg/read/web.py), .pdf
(kg/read/pdf.py) and .jsonl archives (kg/read/formats.py), in any of the
encodings of kg/read/decode.py; a file of another kind is a problem line
saying what to do with it (kg/read/walk.py). What cannot be read comes back as a
`Problem` in its place, so the caller reports it and goes on with the others;
what can be read with a warning (a few bad bytes, stray control characters)
carries the warning in `Document.problems`. Documents are made as they are
asked for, so an archive of any size is never held whole.
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Document, Problem
from kg.read.decode import CONTROLS, Undecodable, decode
from kg.read.formats import Page, articles
from kg.read.pdf import Unreadable, pdf_page
from kg.read.walk import SUFFIXES, is_not_read, not_read, walk
from kg.read.web import web_page
from kg.text.repair import INVISIBLE

# A page is a newspaper page or a web article, tens of kilobytes. A file past
# this is an archive in one piece, and would take the pipeline minutes; it is
# reported rather than read. An article of a .jsonl archive has the same limit.
MAX_PAGE_BYTES = 1024 * 1024
# A newspaper's PDF carries its pictures: a page is a few megabytes, an issue
# tens. Its text is read page by page, never the file whole.
MAX_PDF_BYTES = 256 * 1024 * 1024
PDF = b"%PDF-"


class InputError(Exception):
    """The input as a whole cannot be used (a missing path, an empty folder)."""


def page_paths(source: str | Path, exclude: Iterable[str | Path] = (), follow_links: bool = False) -> list[Path]:
    """The pages under `source`, in name order; hidden files and folders, and `exclude`, left out."""
    return [item for item in scan(source, exclude, follow_links) if isinstance(item, Path)]


def scan(source: str | Path, exclude: Iterable[str | Path] = (), follow_links: bool = False) -> list[Path | Problem]:
    """The pages under `source`, and a Problem for each file or folder that looks like news but cannot be read."""
    path = Path(source)
    if not path.exists():
        dangling = f" (a link to {printable(os.path.realpath(path))})" if path.is_symlink() else ""
        raise InputError(f"{printable(path)}: no such file or folder{dangling}; give a news page or a folder of "
                         f"pages ({', '.join(SUFFIXES)})")
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{printable(path)}: neither a file nor a folder; give a news page or a folder of pages")
    found = walk(path, [Path(p) for p in exclude], follow_links)
    if all(reason and is_not_read(reason) for _, reason in found):
        raise InputError(f"{printable(path)}: no pages in this folder ({', '.join(SUFFIXES)})" + _others(found))
    return [Problem(printable(p), reason) if reason else p for p, reason in found]


def _others(found: list) -> str:
    if not found:
        return ""
    first, reason = found[0]
    more = f" (and {len(found) - 1} other file(s) kg does not read)" if len(found) > 1 else ""
    return f"; {printable(first.name)}{more}: {reason}"


def read_documents(source: str | Path, exclude: Iterable[str | Path] = (),
                   follow_links: bool = False) -> Iterator[Document | Problem]:
    """Every page under `source`, as it is read; two pages with one name get distinct ids.

    follow_links: read the pages that links lead to outside `source` too (by default each is reported)."""
    seen: set[str] = set()
    for path in scan(source, exclude, follow_links):
        for item in read_file(path) if isinstance(path, Path) else [path]:
            if isinstance(item, Document):
                _distinct(item, seen)
            yield item


def read_file(path: Path) -> Iterator[Document | Problem]:
    """The documents of one file: one for a page, one an article for a .jsonl archive."""
    shown = printable(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):      # a FIFO would wait for a writer for ever
            yield Problem(shown, "not a regular file; not read")
        elif path.suffix.lower() == ".jsonl":
            with path.open("rb") as f:
                yield from _archive(f, path, shown)
        elif path.suffix.lower() == ".pdf" or _starts_pdf(path):
            yield _pdf(path, shown)
        elif not_read(path):
            yield Problem(shown, not_read(path))
        else:
            yield _page(path, shown)
    except OSError as exc:
        yield Problem(shown, f"cannot be read: {exc.strerror or exc}")


def _page(path: Path, shown: str) -> Document | Problem:
    with path.open("rb") as f:
        data = f.read(MAX_PAGE_BYTES + 1)       # at most: a file may be larger than it said it was
        if len(data) > MAX_PAGE_BYTES:
            size = max(os.fstat(f.fileno()).st_size, len(data))
            return Problem(shown, f"too large for one page ({size / 2**20:.1f} MiB, the limit is "
                                  f"{MAX_PAGE_BYTES / 2**20:g} MiB): split it into pages, or into a .jsonl archive "
                                  "with one article a line")
    try:
        decoded = decode(data)
    except Undecodable as exc:
        return Problem(shown, exc.reason, byte=exc.byte)
    web = path.suffix.lower() in (".html", ".htm")
    try:
        page = web_page(decoded.text) if web else Page(decoded.text)
    except Exception as exc:        # noqa: BLE001 — html.parser's own failures: one page, never the build
        return Problem(shown, f"the web page cannot be parsed: {type(exc).__name__}: {exc}")
    warnings = _name_warnings(path, shown)
    if decoded.bad:
        warnings.append(Problem(shown, f"{decoded.bad} byte(s) are not {decoded.encoding}, the first at byte "
                                       f"{decoded.first_bad}; each was read as U+FFFD (�)", False,
                                byte=decoded.first_bad))
    return _document(page, printable(path.stem), shown, warnings,
                     empty="no text in the page's body" if web else "empty")


def _pdf(path: Path, shown: str) -> Document | Problem:
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        return Problem(shown, f"too large for a PDF kg reads ({size / 2**20:.0f} MiB, the limit is "
                              f"{MAX_PDF_BYTES / 2**20:g} MiB): split it into its pages (qpdf --split-pages)")
    with path.open("rb") as f:
        head = f.read(1024)
        if PDF not in head:     # the mark may follow a few bytes of junk, as readers allow
            return Problem(shown, f"not a PDF: it does not begin with %PDF- but with {head[:16]!r}")
        f.seek(0)
        try:
            page = pdf_page(f)
        except Unreadable as exc:
            return Problem(shown, str(exc))
    return _document(page, printable(path.stem), shown, _name_warnings(path, shown))


def _starts_pdf(path: Path) -> bool:
    """Whether a file with a page's name is a PDF (page.txt saved from a PDF viewer's "Save as")."""
    with path.open("rb") as f:
        return f.read(len(PDF)) == PDF


def _name_warnings(path: Path, shown: str) -> list[Problem]:
    if shown == str(path):
        return []
    return [Problem(shown, "the file name holds bytes that are not UTF-8, or control characters; they are "
                           "written as escapes (\\xff)", False)]


def _archive(f, path: Path, shown: str) -> Iterator[Document | Problem]:
    for line in articles(f, MAX_PAGE_BYTES):
        doc_id = printable(line.id) if line.id else f"{printable(path.stem)}_{line.number}"
        if line.error:
            yield Problem(shown, f"line {line.number}: {line.error}", doc=doc_id, line=line.number,
                          byte=line.error_byte if line.error_byte is not None else line.byte)
        else:
            yield _document(line.page, doc_id, shown, [], line.number)


def _document(page: Page, doc_id: str, shown: str, problems: list[Problem],
              line: int | None = None, empty: str = "empty") -> Document | Problem:
    where = f"line {line}: " if line else ""
    if not page.text.strip():
        return Problem(shown, where + empty, doc=doc_id, line=line)
    problems += [Problem(shown, where + w, False, doc_id, line) for w in page.warnings]
    controls = CONTROLS.findall(page.text)
    if controls:
        first = CONTROLS.search(page.text).start()
        problems.append(Problem(shown, f"{where}{len(controls)} control character(s), the first "
                                       f"U+{ord(controls[0]):04X} at character {first}; kept as they are",
                                False, doc_id, line))
    return Document(id=doc_id, raw=page.text, path=shown, date=page.date, meta=page.meta, problems=problems)


def _distinct(doc: Document, seen: set[str]) -> None:
    # Two files a.txt and a.md, or sub/a.txt, are both document "a"; the second
    # would merge its facts into the first's.
    doc_id, n = doc.id, 1
    while doc.id in seen:
        n += 1
        doc.id = f"{doc_id}~{n}"
    if n > 1:
        doc.problems.append(Problem(doc.path, f"another page is also named {doc_id!r}; this one is {doc.id!r}",
                                    False, doc.id))
    seen.add(doc.id)


# Controls, escapes (ESC starts a terminal's commands) and the characters that
# show nothing or turn the line's direction (U+202E would show a name reversed).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]|" + INVISIBLE.pattern)


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(name: str | os.PathLike) -> str:
    """A file name as a line of text can hold it: bytes that are not UTF-8, and controls, escaped."""
    return _UNPRINTABLE.sub(_escape, os.fsencode(name).decode("utf-8", errors="backslashreplace"))


def terminal(text: str, lines: bool = False) -> str:
    """`text` as a terminal shows it, letter for letter: controls and invisible characters escaped
    (\\x1b, \\u202e), line ends too unless `lines`, so a message of one line stays one."""
    if lines:
        return "\n".join(_UNPRINTABLE.sub(_escape, line) for line in text.split("\n"))
    return _UNPRINTABLE.sub(_escape, text)


def expected_documents(paths: Iterable[Path]) -> int:
    """How many documents the files hold, counted without reading them: a line of an archive is one."""
    total = 0
    for path in paths:
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        with contextlib.suppress(OSError), path.open("rb") as f:
            last = b"\n"
            for chunk in iter(lambda: f.read(1 << 20), b""):
                total, last = total + chunk.count(b"\n"), chunk[-1:]
            total += last != b"\n"     # a last line without its line end
    return total
