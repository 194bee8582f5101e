"""How a long build shows how far it is: a bar on a terminal, a line now and then in a log, nothing when quiet.

    with progress_display(sys.stderr) as show:
        build("news/", "out", progress=show)
"""
from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

Show = Callable[[int, int, str], None]      # (pages done, pages in all, the page just done), or other units
LOG_EVERY = 5.0                             # seconds between lines when the output is a log, not a terminal


@contextlib.contextmanager
def progress_display(stream: TextIO = sys.stderr, quiet: bool = False, doing: str = "building",
                     unit: str = "pages") -> Iterator[Show | None]:
    """A `Show` for work counted in `unit`s (pages, iterations), described as `doing`."""
    if quiet:
        yield None
    elif stream.isatty():
        with _bar(stream, doing, unit) as show:
            yield show
    else:
        yield _lines(stream, unit)


@contextlib.contextmanager
def _bar(stream: TextIO, doing: str, unit: str) -> Iterator[Show]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn(doing, markup=False), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                   TextColumn("{task.fields[page]}", markup=False),     # [/b].txt is no markup
                   console=Console(file=stream))
    task = bar.add_task(doing, total=None, rate="", page="")
    started = time.monotonic()

    def show(done: int, total: int, page: str):
        bar.update(task, completed=done, total=total, page=page, rate=_rate(done, started, unit))
    with bar:
        yield show


def _lines(stream: TextIO, unit: str) -> Show:
    started = time.monotonic()
    last = [float("-inf")]

    def show(done: int, total: int, page: str):
        now = time.monotonic()
        if now - last[0] < LOG_EVERY and done < total:
            return
        last[0] = now
        left = (total - done) * (now - started) / done if done else 0
        print(f"[{done}/{total}] {_rate(done, started, unit)}, {_clock(left)} left: {page}", file=stream, flush=True)
    return show


def _rate(done: int, started: float, unit: str = "pages") -> str:
    return f"{done / max(time.monotonic() - started, 1e-6):.1f} {unit}/s"


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}"
