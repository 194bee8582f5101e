"""Read news pages: a file, or every .txt and .md file under a folder.

A page that cannot be read comes back as a `DocumentError` in its place, so the
caller reports it and goes on with the others.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.model import Document

SUFFIXES = (".txt", ".md")


class InputError(Exception):
    """The input as a whole cannot be used (a missing path, an empty folder)."""


@dataclass
class DocumentError:
    path: str
    reason: str


def page_paths(source: str | Path) -> list[Path]:
    path = Path(source)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; give a news page or a folder of .txt/.md pages")
    if path.is_file():
        return [path]
    pages = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not pages:
        raise InputError(f"{path}: no .txt or .md pages in this folder")
    return pages


def read_page(path: Path) -> Document | DocumentError:
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return DocumentError(str(path), f"not UTF-8 text (byte {exc.start}); convert it with iconv -t UTF-8")
    except OSError as exc:
        return DocumentError(str(path), f"cannot be read: {exc.strerror or exc}")
    if not raw.strip():
        return DocumentError(str(path), "empty file")
    return Document(id=path.stem, raw=raw.lstrip("\ufeff"), path=str(path))


def read_documents(source: str | Path) -> Iterator[Document | DocumentError]:
    for path in page_paths(source):
        yield read_page(path)
