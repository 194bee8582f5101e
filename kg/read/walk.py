"""The pages under a folder, and each file that looks like a page but cannot be one, with the reason.

Nothing is passed over without a word: a folder that cannot be opened, a link
to nothing, a FIFO or a device with a page's name, and a link that leads out of
the folder are each reported. A link out is not followed unless asked: a page
that is a link to /etc/passwd would otherwise be quoted as evidence. A link to
a folder within is not walked, its pages being read where they are.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
# The file kg build leaves in its output folder (kg/write/output.py). Defined
# here because the reader is what must know it: a folder holding it is kg's
# output (graph.html, extraction.jsonl), not news.
OUTPUT_MARKER = ".kg-output"

Entry = tuple[Path, str]        # a path, and why it is no page ("" when it is one)


def walk(folder: Path, skip: Iterable[Path] = (), follow_links: bool = False) -> list[Entry]:
    """Every page under `folder` and every would-be page that is none, in name order; hidden entries left out."""
    walker = _Walker(Path(os.path.realpath(folder)), {Path(os.path.realpath(p)) for p in skip}, follow_links)
    for top, dirs, files in os.walk(folder, onerror=walker.unreadable, followlinks=follow_links):
        dirs[:] = [d for d in dirs if walker.enters(Path(top, d))]
        for name in files:
            walker.file(Path(top, name))
    return sorted(walker.found)


class _Walker:
    def __init__(self, root: Path, skip: set[Path], follow_links: bool):
        self.root, self.skip, self.follow_links = root, skip, follow_links
        self.found: list[Entry] = []
        self.seen = {_identity(root)}       # folders walked, so that links cannot make a loop

    def unreadable(self, exc: OSError) -> None:
        self.found.append((Path(exc.filename), f"a folder that cannot be read ({exc.strerror}); "
                                               "its pages were not read"))

    def enters(self, path: Path) -> bool:
        real = Path(os.path.realpath(path))
        if path.name.startswith(".") or real in self.skip or (path / OUTPUT_MARKER).exists():
            return False
        if path.is_symlink() and not self.follow_links:
            if not real.is_relative_to(self.root):
                self.found.append((path, f"a link to a folder outside the input ({real}); not followed "
                                         "(--follow-links follows it)"))
            return False
        identity = _identity(path)
        if identity in self.seen:
            return False
        self.seen.add(identity)
        return True

    def file(self, path: Path) -> None:
        page = path.suffix.lower() in SUFFIXES
        if path.name.startswith(".") or not (page or path.is_symlink()):
            return
        reason = self._why_not(path, page)
        if reason is not None:
            self.found.append((path, reason))

    def _why_not(self, path: Path, page: bool) -> str | None:
        """Why a file is no page; "" when it is one, None when it is no page and needs no word."""
        if path.is_symlink():
            real = Path(os.path.realpath(path))
            if not os.path.exists(path):
                # a link without a suffix may have led to a folder of pages
                return f"a link to {real}, which does not exist" if page or not path.suffix else None
            if not page:
                return None
            if not self.follow_links and not real.is_relative_to(self.root):
                return f"a link to a file outside the input ({real}); not followed (--follow-links reads it)"
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            return f"cannot be read: {exc.strerror}"
        return "" if stat.S_ISREG(mode) else f"not a regular file but {_kind(mode)}; not read"


def _identity(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, hash(path))
    return st.st_dev, st.st_ino


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "something else"
