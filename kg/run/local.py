"""Pages extracted in this process, or in N worker processes; and a task run alongside the build."""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager


class WorkerDied(Exception):
    """A worker process ended before it finished its task: killed, or out of memory."""


class InlineMapper:
    """One page at a time, here: what a build with --jobs 1 does."""
    window = 0

    def __enter__(self):
        from kg.run import extract_one

        def submit(doc):
            done = extract_one(doc)
            return lambda: done
        return submit

    def __exit__(self, *exc):
        return False


class ProcessMapper:
    """N worker processes, each page sent to the next free one; results come back in reading order."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.window = jobs * 8        # pages in flight: enough to keep every worker busy, few enough to hold
        self._pool = None

    def __enter__(self):
        from kg.run import extract_one, prepare

        prepare()       # the lexicons loaded once here, and shared with the workers by fork, not built in each
        # concurrent.futures rather than multiprocessing.Pool, whose worker-minding thread spins
        # while a result waits in the pipe (CPU the workers need), and which hangs if a worker dies
        self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                         initializer=die_with, initargs=(os.getpid(),))

        def submit(doc):
            future = self._pool.submit(extract_one, doc)

            def result():
                try:
                    return future.result()
                except BrokenProcessPool:
                    raise WorkerDied(f"a worker process died while extracting {doc.id} (out of memory, or "
                                     f"killed); nothing was changed: run the build again, with fewer --jobs if "
                                     f"memory is short") from None
            return result
        return submit

    def __exit__(self, *exc):
        # Ctrl-C, SIGTERM, or a failure: the pages not yet begun are dropped, and no worker outlives the build.
        # Each finishes the page it holds: a worker stopped while it sends its result back leaves half a
        # message in the pipe, and the pool's thread waits for the rest for ever.
        self._pool.shutdown(wait=True, cancel_futures=exc[0] is not None)
        return False


def die_with(parent: int) -> None:
    """In a worker: end with the build, never outlive it.

    Ctrl-C reaches the whole process group; the build stops its workers itself,
    so they ignore it (else each prints a traceback). SIGTERM ends a worker, not
    the handler inherited from kg's command. And on Linux the kernel sends it
    SIGTERM when the build dies, even by kill -9."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:      # it died before the line above
        os._exit(1)


_PR_SET_PDEATHSIG = 1


@contextmanager
def alongside(task: Callable[[], object], fork: bool = True):
    """Run `task` in a process of its own while the with-block runs in this one.

    The forked process sees this one's memory as it is, so nothing is pickled
    on the way there. A failure of the task is raised here when the block ends;
    with `fork` False the task simply runs here, before the block."""
    if not fork or "fork" not in multiprocessing.get_all_start_methods():
        task()
        yield
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_report, args=(task, send, os.getpid()), daemon=True)
    with _terminable_child():
        process.start()
    send.close()
    try:
        yield
        try:
            failure = receive.recv()
        except EOFError:        # it ended without a word: killed
            failure = None
    except BaseException:
        process.terminate()     # Ctrl-C, or the block failed: the task is not wanted any more
        raise
    finally:
        process.join()
        receive.close()
    if failure is not None:
        raise failure
    if process.exitcode:
        raise WorkerDied(f"a worker process ended with code {process.exitcode} before finishing its task; "
                         "nothing was changed: run the build again")


@contextmanager
def _terminable_child():
    """Fork with SIGTERM's default action: a child inherits the handler kg's command sets (SIGTERM as
    Ctrl-C) until it sets its own, and a terminate() in between raised KeyboardInterrupt in its start-up,
    which multiprocessing let pass, and the task ran on."""
    try:
        previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:      # not the main thread, where no handler can have been set
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _report(task: Callable[[], object], send, parent: int) -> None:
    """In the forked process: run the task, and send back None, or what went wrong."""
    die_with(parent)
    try:
        task()
        send.send(None)
    except BaseException as exc:        # noqa: BLE001 — whatever it is, the parent raises it
        try:
            send.send(exc)
        except Exception:       # an exception that does not pickle still gets its message across
            send.send(RuntimeError(f"{type(exc).__name__}: {exc}"))
