"""Pages extracted in this process, or in N worker processes."""
from __future__ import annotations

import multiprocessing


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
        self._pool = multiprocessing.get_context("fork").Pool(self.jobs)

        def submit(doc):
            return self._pool.apply_async(extract_one, (doc,)).get
        return submit

    def __exit__(self, *exc):
        if exc[0] is None:
            self._pool.close()
        else:
            self._pool.terminate()      # Ctrl-C, or a failure: no worker outlives the build
        self._pool.join()
        return False
