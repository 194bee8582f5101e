"""The pages under a folder, and each file that looks like a page but cannot be one, with the reason.

Nothing is passed over without a word: a folder that cannot be opened, a link
to nothing, a FIFO or a device with a page's name, a link that leads out of
the folder, and a file of a kind kg does not read (a Word document, a picture,
an archive: with what to do about it) are each reported. A web page's folder
of pictures and scripts, saved beside it (page_files/ for page.html), is part
of the page and not walked. A link out is not followed unless asked: a page
that is a link to /etc/passwd would otherwise be quoted as evidence. A link to
a folder within is not walked, its pages being read where they are.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".pdf")
_AS_PDF = "save it as PDF or as text (.txt), e.g. libreoffice --headless --convert-to pdf FILE"
_PICTURE = ("a picture, which kg does not read (it does no OCR): run OCR on it and give the text, or a PDF with a "
            "text layer (ocrmypdf)")
_ARCHIVE = "an archive, which kg does not open: unpack it into the input folder"
# The kinds of file news archives hold that kg does not read, and what to do with each.
KINDS = {
    **dict.fromkeys((".doc", ".docx", ".odt", ".rtf", ".wps", ".pages"), f"a word-processor document, which kg "
                                                                        f"does not read: {_AS_PDF}"),
    **dict.fromkeys((".xls", ".xlsx", ".et", ".ods", ".ppt", ".pptx", ".dps", ".odp", ".key"),
                    f"a spreadsheet or slides, which kg does not read: {_AS_PDF}"),
    ".ofd": "an OFD document, which kg does not read: export it as PDF",
    ".caj": "a CAJ document (CNKI), which kg does not read: save it as PDF in CAJViewer",
    ".epub": "an e-book, which kg does not read: convert it to text or PDF (ebook-convert FILE out.txt)",
    **dict.fromkeys((".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".jp2"), _PICTURE),
    **dict.fromkeys((".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst"), _ARCHIVE),
    **dict.fromkeys((".mht", ".mhtml", ".webarchive"), "a web archive, which kg does not read: save the page as "
                                                       "HTML (\"Web page, HTML only\")"),
}
OTHER = f"not a kind of file kg reads ({', '.join(SUFFIXES)}): convert it to text or PDF"
# The file kg build leaves in its output folder (kg/write/output.py). Defined
# here because the reader is what must know it: a folder holding it is kg's
# output (graph.html, extraction.jsonl), not news.
OUTPUT_MARKER = ".kg-output"

Entry = tuple[Path, str]        # a path, and why it is no page ("" when it is one)


def not_read(path: Path) -> str:
    """Why kg does not read a file of this kind, and what to do; "" when it may read it as text."""
    return KINDS.get(path.suffix.lower(), "")


def is_not_read(reason: str) -> bool:
    """Whether a reason walk() gives is that of a file kg does not read, rather than of a page it cannot."""
    return reason == OTHER or reason in KINDS.values()


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
        if path.name.startswith(".") or real in self.skip or (path / OUTPUT_MARKER).exists() or _resources(path):
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
        if path.name.startswith(".") or (self.skip and Path(os.path.realpath(path)) in self.skip):
            return
        reason = self._why_not(path, path.suffix.lower() in SUFFIXES)
        if reason is not None:
            self.found.append((path, reason))

    def _why_not(self, path: Path, page: bool) -> str | None:
        """Why a file is no page; "" when it is one, None when it is no page and needs no word."""
        if path.is_symlink():
            real = Path(os.path.realpath(path))
            if not os.path.exists(path):
                # a link without a suffix may have led to a folder of pages
                return f"a link to {real}, which does not exist" if page or not path.suffix else None
            if page and not self.follow_links and not real.is_relative_to(self.root):
                return f"a link to a file outside the input ({real}); not followed (--follow-links reads it)"
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            return f"cannot be read: {exc.strerror}"
        if not page:
            return (not_read(path) or OTHER) if stat.S_ISREG(mode) else None
        return "" if stat.S_ISREG(mode) else f"not a regular file but {_kind(mode)}; not read"


def _resources(folder: Path) -> bool:
    """Whether the folder holds the pictures and scripts of a web page saved beside it (page_files/)."""
    for end in ("_files", ".files"):
        stem = folder.name[:-len(end)] if folder.name.endswith(end) else ""
        if stem and any(folder.with_name(stem + suffix).is_file() for suffix in (".html", ".htm")):
            return True
    return False


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
