"""Pages extracted on a Dask distributed cluster, in batches, each a Dask bag; results come back to the client.

Every worker of the cluster needs kg installed (pip install kg's folder, or its
wheel); the client sends pages and gets their records back, so the workers
need no access to the input or the output.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from kg.read import InputError, terminal

BATCH = 256      # pages sent at once: enough to spread over the workers, few enough to hold on the client
SCHEMES = ("tcp", "tls", "ucx", "ws", "wss")     # Dask's transports that take host:port


def check_address(address: str) -> None:
    """InputError unless `address` is a scheduler's address (tcp://host:8786, host:8786), checked before
    Dask is asked: given anything else, Dask waits its whole timeout and prints a traceback as it exits."""
    try:
        url = urlsplit(address if "://" in address else f"tcp://{address}")
        port = url.port
    except ValueError:
        url, port = None, None
    if url is None or url.scheme not in SCHEMES or not url.hostname or not port or url.path not in ("", "/") \
            or url.username is not None:
        shown = terminal(address.rpartition("@")[2])     # never a password
        raise InputError(f"--dask {shown!r}: not a scheduler's address; give it as tcp://HOST:PORT "
                         "(the dask scheduler prints it, e.g. tcp://10.0.0.5:8786)")


class DaskMapper:
    window = BATCH

    def __init__(self, address: str):
        self.address = address
        self._client = None
        self._batch: list = []
        self._results: dict[int, object] = {}
        self._sent = 0

    def __enter__(self):
        try:
            from dask.distributed import Client
        except ImportError:
            raise InputError("kg build --dask needs Dask: pip install 'dask[distributed]'") from None
        try:
            self._client = Client(self.address, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(f"no Dask scheduler answers at {self.address} ({type(exc).__name__}); "
                             "start one (dask scheduler) or check the address") from None
        return self._submit

    def _submit(self, doc):
        number = self._sent + len(self._batch)
        self._batch.append(doc)

        def result():
            if number not in self._results:
                self._run_batch()
            return self._results.pop(number)
        return result

    def _run_batch(self):
        import dask.bag as db

        from kg.run import extract_one

        batch, self._batch = self._batch, []
        workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        bag = db.from_sequence(batch, npartitions=min(len(batch), workers * 4))
        for k, extracted in enumerate(bag.map(extract_one).compute(scheduler=self._client.get)):
            self._results[self._sent + k] = extracted
        self._sent += len(batch)

    def __exit__(self, *exc):
        self._client.close()
        return False
