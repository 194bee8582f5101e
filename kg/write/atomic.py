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
def atomic_folder(path: str | os.PathLike, replaces: Iterable[str] = ()) -> Iterator[Path]:
    """A new folder beside `path` to write into; on a clean exit it takes `path`'s place in one step.

    Readers, and a process killed at any moment, see the old folder whole or
    the new one whole, never some files of each. What else the old folder held
    (entries that are neither written anew nor named in `replaces`) is carried
    into the new one, as hard links, so that nothing of the user's is lost.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(path)
    staging = path.with_name(f".{path.name}.kg-new-{os.getpid()}-{secrets.token_hex(4)}")
    staging.mkdir()
    try:
        if path.is_dir():
            os.chmod(staging, stat.S_IMODE(path.stat().st_mode))
        yield staging
        if path.is_dir():
            _carry_over(path, staging, set(replaces))
        _fsync_dir(staging)
        _swap(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)     # the old folder, after the swap
    _fsync_dir(path.parent)


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
            pid = leftover.name.rsplit("-", 2)[-2]
            if pid.isdigit() and _alive(int(pid)):
                continue
            if kind == "old" and not path.exists():
                os.rename(leftover, path)
            else:
                shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
