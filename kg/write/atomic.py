"""Write a file, or a folder of files, so that readers see the old content or the new, never half of it."""
from __future__ import annotations

import contextlib
import ctypes
import errno
import glob
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.write.output import mount_points


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside `path`; on a clean exit it replaces `path`.

    If the block raises, the temporary file is removed and `path` is untouched.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes a whole file: mode must be 'w' or 'wb', not {mode!r}")
    path = Path(path)
    # Same directory, so os.replace is a rename within one file system.
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666 lets the umask decide permissions, as a plain open()
    # would; tempfile's 0o600 would make outputs private to their writer.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        text = {"encoding": encoding, "newline": "\n"} if mode == "w" else {}
        with os.fdopen(fd, mode, **text) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))   # keep a replaced file's mode
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not every platform lets a directory be opened.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike, replaces: Iterable[str] = (), in_place: bool = False) -> Iterator[Path]:
    """A new folder beside `path` to write into; on a clean exit it takes `path`'s place in one step.

    Readers, and a process killed at any moment, see the old folder whole or
    the new one whole, never some files of each. What else the old folder held
    (entries that are neither written anew nor named in `replaces`) is carried
    into the new one, as hard links, so that nothing of the user's is lost;
    what is saved into the old folder while the new one takes its place is
    moved over after. Nothing is deleted across a mount point.

    in_place: `path` cannot be swapped (a mount point): the new folder is made
    inside it, and each entry written replaces its namesake in one step.
    """
    path = Path(path)
    if in_place:
        with _entries_replaced(path, set(replaces)) as staging:
            yield staging
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(path)
    staging = path.with_name(f".{path.name}.kg-new-{os.getpid()}-{secrets.token_hex(4)}")
    staging.mkdir()
    try:
        if path.is_dir():
            os.chmod(staging, stat.S_IMODE(path.stat().st_mode))
        yield staging
        existed = path.is_dir()
        if existed:
            _carry_over(path, staging, set(replaces))
        _fsync_dir(staging)
        _swap(staging, path)
        if existed:
            _rescue(staging, path, set(replaces))
    except BaseException:
        remove_tree(staging)
        raise
    remove_tree(staging)     # the old folder, after the swap
    _fsync_dir(path.parent)


@contextlib.contextmanager
def _entries_replaced(path: Path, replaces: set[str]) -> Iterator[Path]:
    for leftover in path.glob(".kg-new-*"):
        if not _alive_owner(leftover):
            remove_tree(leftover)
    staging = path / f".kg-new-{os.getpid()}-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        yield staging
        _fsync_dir(staging)
        written = sorted(os.listdir(staging))
        for name in written:
            _replace(staging / name, path / name)
        for name in sorted(replaces - set(written)):       # stale outputs: views of an older graph
            remove_tree(path / name)
    finally:
        remove_tree(staging)
    _fsync_dir(path)


def _replace(new: Path, old: Path) -> None:
    if new.is_dir() and old.is_dir() and not old.is_symlink():
        _swap(new, old)         # the old folder is now at `new`, and goes with the staging folder
    else:
        if old.is_dir() and not old.is_symlink():
            remove_tree(old)
        os.replace(new, old)


def remove_tree(path: str | os.PathLike) -> None:
    """Remove `path` and all it holds, as far as it can; a mount point within, and what it holds, are left."""
    path = Path(os.path.realpath(Path(path).parent)) / Path(path).name      # a link itself, never its target
    try:
        top = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(top.st_mode):
        os.unlink(path)
        return
    mounts = mount_points()
    stack: list[tuple[str, bool]] = [(str(path), False)]
    while stack:        # not recursive: a folder may nest deeper than Python's stack
        folder, emptied = stack.pop()
        if emptied:
            with contextlib.suppress(OSError):
                os.rmdir(folder)
            continue
        stack.append((folder, True))
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if not entry.is_dir(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                elif entry.stat(follow_symlinks=False).st_dev == top.st_dev and Path(entry.path) not in mounts:
                    stack.append((entry.path, False))


def _rescue(old: Path, new: Path, replaced: set[str]) -> None:
    """Move into the new folder what was saved into the old one after it was carried over."""
    stack = [(old, new, replaced)]
    while stack:
        source, target, skip = stack.pop()
        with os.scandir(source) as entries:
            for entry in entries:
                there = target / entry.name
                if entry.name in skip:
                    continue
                with contextlib.suppress(OSError):      # a mount point cannot move; it is left, and not deleted
                    if not os.path.lexists(there):
                        os.rename(entry.path, there)
                    elif entry.is_dir(follow_symlinks=False) and there.is_dir() and not there.is_symlink():
                        stack.append((Path(entry.path), there, set()))
                    elif entry.is_file(follow_symlinks=False) and not os.path.samestat(
                            entry.stat(follow_symlinks=False), there.lstat()):
                        os.replace(entry.path, there)       # replaced after it was carried: this one is newer


def _carry_over(old: Path, new: Path, replaced: set[str]) -> None:
    for entry in old.iterdir():
        if entry.name in replaced or (new / entry.name).exists() or (new / entry.name).is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, new / entry.name, symlinks=True, copy_function=_link)
        else:
            _link(entry, new / entry.name)


def _link(src: str | os.PathLike, dst: str | os.PathLike) -> None:
    if os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return
    try:
        os.link(src, dst)
    except OSError:         # a file system without hard links
        shutil.copy2(src, dst)


# renameat2(2) with RENAME_EXCHANGE swaps two paths in one step (Linux 3.15, glibc 2.28).
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if sys.platform == "linux" else None


def _swap(new: Path, path: Path) -> None:
    if not path.exists():
        os.rename(new, path)
        return
    if _renameat2 is not None:
        if _renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(path), _RENAME_EXCHANGE) == 0:
            return
        error = ctypes.get_errno()
        if error not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(error, os.strerror(error), str(path))
    # Elsewhere two renames, with a moment between them when `path` is missing;
    # a process killed then leaves the old folder aside, which the next run puts back.
    old = path.with_name(f".{path.name}.kg-old-{os.getpid()}-{secrets.token_hex(4)}")
    os.rename(path, old)
    os.rename(new, path)
    os.rename(old, new)


def _clear_leftovers(path: Path) -> None:
    """Remove what killed runs left beside `path`; put back an old folder a run had set aside."""
    for kind in ("old", "new"):
        for leftover in sorted(path.parent.glob(f".{glob.escape(path.name)}.kg-{kind}-*")):
            if _alive_owner(leftover):
                continue
            if kind == "old" and not path.exists():
                os.rename(leftover, path)
            else:
                remove_tree(leftover)


def _alive_owner(leftover: Path) -> bool:
    """Whether the process that made `leftover` (….kg-new-PID-xxxx) still runs."""
    pid = leftover.name.rsplit("-", 2)[-2]
    return pid.isdigit() and _alive(int(pid))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
