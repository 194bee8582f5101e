"""Which folder a build may write into: kg's alone, never the input, the home folder or a whole file system.

    folder = output_folder("out", inputs=["news"])     # where out/ really is, or InputError saying why not

A build replaces its output folder as a whole (kg/write/atomic.py), so the
folder must hold nothing that a build could destroy or read back as news. It
is refused when it is, holds or lies inside an input; when it is the home
folder, holds it, or is the root of the file system; when it holds the current
folder or a mount point (whose files a swap would carry off and delete); when
it cannot be written; and when it holds files that kg did not write — unless
an earlier build left its mark there (OUTPUT_MARKER), it holds nothing but
what a build writes (an earlier kg left no mark), or `force` is given.

A folder that is itself a mount point cannot be swapped (rename(2) says EBUSY):
its outputs are replaced one by one, inside it (`in_place`).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from kg.read import InputError, printable
from kg.read.walk import OUTPUT_MARKER

MARKER_TEXT = ("This folder was written by kg build. A new kg build into it replaces graph.*, extraction.jsonl,\n"
               "graph.html, views/, index.html and problems.jsonl, and keeps every other file.\n")
# Kept in a folder kg writes into without its mark: an empty repository's placeholder.
HARMLESS = {OUTPUT_MARKER, ".gitkeep"}


def output_folder(out: str | os.PathLike, inputs: Iterable[str | os.PathLike] = (), force: bool = False,
                  written: Iterable[str] = ()) -> Path:
    """Where `out` really is (a link to a folder is followed), if a build may replace it; else InputError.

    written: the names a build writes (kg.build.WRITTEN)."""
    shown = printable(out)
    folder = Path(os.path.realpath(out))
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{shown}: a file, not a folder; give a folder to write into")
    for reason in (_overlap(folder, inputs), _protected(folder), _holds_mount(folder), _unwritable(folder),
                   None if force else _foreign(folder, set(written))):
        if reason:
            raise InputError(f"{shown}: {reason}")
    return folder


def in_place(folder: Path) -> bool:
    """Whether the outputs are replaced inside `folder` rather than the folder swapped whole."""
    return folder.is_dir() and (is_mount(folder) or not os.access(folder.parent, os.W_OK | os.X_OK))


def is_mount(folder: Path) -> bool:
    return os.path.ismount(folder) or folder in mount_points()


def mount_points() -> set[Path]:
    """Every mount point of this system; bind mounts too, which share a device with their parent."""
    try:
        with open("/proc/self/mountinfo", "rb") as f:
            fields = [line.split()[4] for line in f if len(line.split()) > 4]
    except OSError:     # not Linux: os.path.ismount, which compares devices, is what there is
        return set()
    # spaces and the like are written as octal escapes (\040)
    return {Path(os.fsdecode(_OCTAL.sub(lambda m: bytes([int(m.group(1), 8)]), field))) for field in fields}


_OCTAL = re.compile(rb"\\([0-7]{3})")


def _overlap(folder: Path, inputs: Iterable[str | os.PathLike]) -> str | None:
    for source in inputs:
        real = Path(os.path.realpath(source))
        if real == folder:
            return "this is the input; kg build would read its own outputs as news and replace your pages. " \
                   "Give the output a folder of its own (e.g. --out out)"
        if real.is_relative_to(folder):
            return f"holds the input {printable(source)}; give the output a folder of its own beside it"
        if folder.is_relative_to(real):
            return f"lies inside the input {printable(source)}; give the output a folder outside it"
    return None


def _protected(folder: Path) -> str | None:
    try:
        home = Path(os.path.realpath(Path.home()))
    except RuntimeError:        # no HOME, and no entry in the password database
        home = None
    if folder == Path(folder.anchor):
        return "the root of the file system; give a folder of its own (e.g. out)"
    if home is not None and home.is_relative_to(folder):
        return "the home folder, or holds it; give a folder of its own (e.g. ~/kg-out)"
    if Path.cwd().resolve().is_relative_to(folder):
        return "the build replaces this folder as a whole, and it holds the current folder; " \
               "give the output a folder of its own (e.g. out)"
    return None


def _holds_mount(folder: Path) -> str | None:
    inside = sorted(m for m in mount_points() if m != folder and m.is_relative_to(folder))
    if not inside and folder.is_dir():      # without /proc: a folder on another device than its parent
        inside = [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and os.path.ismount(p)]
    if inside:
        return f"holds a mount point ({printable(inside[0])}), which a build would move and delete; " \
               "give a folder that holds none"
    return None


def _unwritable(folder: Path) -> str | None:
    # the nearest folder that exists: the new one is made beside or inside it
    there = folder if in_place(folder) else next(p for p in folder.parents if p.exists())
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        there = folder      # the old outputs are removed from it
    if not os.access(there, os.W_OK | os.X_OK):
        return f"cannot be written ({printable(there)} is not writable); give a folder you can write to"
    return None


def _foreign(folder: Path, written: set[str]) -> str | None:
    if not folder.is_dir() or (folder / OUTPUT_MARKER).exists():
        return None
    others = sorted(name for name in os.listdir(folder) if name not in HARMLESS)
    if not others or "extraction.jsonl" in others and set(others) <= written:
        return None
    shown = ", ".join(printable(name) for name in others[:3]) + (", …" if len(others) > 3 else "")
    return f"holds files that kg did not write ({shown}); give a new or empty folder, or --force to build " \
           "there all the same (graph.*, extraction.jsonl, graph.html, views/, index.html and problems.jsonl " \
           "are replaced, other files kept)"
