"""Pages already extracted, kept by the hash of their content and of the extractor.

Adding ten pages to ten thousand re-extracts those ten. A change to any code
or data file of kg changes the extractor's hash, so a cache never hands back
what an older kg made, and drops it when this kg first opens it. The cache is
one SQLite file, in ~/.cache/kg unless XDG_CACHE_HOME or `kg build
--cache-dir` says otherwise.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from kg.model import Document, Problem
from kg.read import InputError

_PACKAGE = Path(__file__).resolve().parent.parent


# code, lexicons and the models' weights
_MADE_OF = (".py", ".csv", ".txt", ".json", ".npz")


def extractor_files() -> list[Path]:
    """Every file the extraction is made of: kg's code, its lexicons and the models in use."""
    from kg.recognize.learned import model_path
    from kg.relate.learned import model_path as relations_path

    files = [p for p in sorted(_PACKAGE.rglob("*"))
             if p.is_file() and p.suffix in _MADE_OF and "__pycache__" not in p.parts]
    return files + [m for m in (model_path().resolve(), relations_path().resolve()) if m not in files]


@cache
def extractor_version() -> str:
    """A hash of the files the extraction is made of: a cache keeps nothing across a change to any of them."""
    digest = hashlib.sha256()
    for path in extractor_files():
        name = str(path.relative_to(_PACKAGE)) if path.is_relative_to(_PACKAGE) else str(path)
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()


def default_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


class Cache:
    """folder None: a cache that keeps nothing (kg build --no-cache).

    A cache that cannot be used — not a database, read-only, on a full disk —
    is an InputError naming its file and saying what to do, when it is opened
    or at any later step; an entry that does not read back is extracted anew."""

    def __init__(self, folder: str | os.PathLike | None):
        self._db = None
        self.path = None if folder is None else Path(folder) / "extractions.sqlite"
        if folder is not None:
            with self._errors():
                Path(folder).mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, isolation_level=None)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._drop_stale()

    @contextmanager
    def _errors(self):
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise InputError(f"{self.path}: the cache cannot be used ({reason}); delete it or make it "
                             "writable, or build with --no-cache (or --cache-dir DIR elsewhere)") from None

    def _drop_stale(self) -> None:
        """Forget what another kg extracted: no build of this one can use it, and across
        upgrades a cache of years of news would otherwise grow by a copy each time."""
        old_layout = self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'extracted'").fetchone()
        self._db.execute("DROP TABLE IF EXISTS extracted")      # kept no version (kg before 2026-11)
        self._db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, version TEXT, value TEXT)")
        dropped = self._db.execute("DELETE FROM pages WHERE version != ?", (extractor_version(),)).rowcount
        if old_layout or dropped:       # the files shrink to what is kept
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @classmethod
    def default(cls) -> Cache:
        return cls(default_folder())

    @property
    def keeps(self) -> bool:
        return self._db is not None

    def key(self, doc: Document) -> str:
        # everything that goes into a page's record: its id and path (in problems), text, date and metadata,
        # and the names a corrections file declares (left out when there are none, as before they were)
        declared = [[list(pair) for pair in doc.declared]] if doc.declared else []
        content = json.dumps([extractor_version(), doc.id, doc.path, doc.raw, doc.date, doc.meta,
                              [dataclasses.asdict(p) for p in doc.problems], *declared],
                             ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str):
        if self._db is None:
            return None
        with self._errors():
            row = self._db.execute("SELECT value FROM pages WHERE key = ?", (key,)).fetchone()
        return None if row is None else _extracted(row[0])

    def put(self, key: str, extracted) -> None:
        if self._db is None:
            return
        value = {"doc": extracted.doc, "lines": extracted.lines, "articles": extracted.articles,
                 "problems": [dataclasses.asdict(p) for p in extracted.problems]}
        with self._errors():
            self._db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)",
                             (key, extractor_version(), json.dumps(value, ensure_ascii=False)))


def _extracted(stored: str):
    """A cache entry back as an Extracted; None, so that the page is extracted anew, if it does not read."""
    from kg.run import Extracted

    try:
        value = json.loads(stored)
        lines = value["lines"]
        if not (isinstance(lines, list) and all(isinstance(line, str) for line in lines)):
            return None
        return Extracted(str(value["doc"]), lines, int(value["articles"]),
                         [Problem(**p) for p in value["problems"]], reused=True)
    except (ValueError, TypeError, KeyError):
        return None
