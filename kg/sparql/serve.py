"""A real SPARQL 1.1 endpoint on localhost: Oxigraph's server (the `oxigraph` package), loaded with a graph file.

    from kg.sparql.serve import serve
    with serve("out/graph.ttl", port=7878) as endpoint:
        print(endpoint.query_url)       # http://127.0.0.1:7878/query

It keeps the graph in memory and stops with the process that started it.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sysconfig
import tempfile
import time
from pathlib import Path

from kg.rdf.load import load_store
from kg.read import InputError
from kg.sparql.http import request
from kg.sparql.push import push

HOST = "127.0.0.1"


class Endpoint:
    def __init__(self, process: subprocess.Popen, port: int):
        self.process, self.port = process, port
        self.url = f"http://{HOST}:{port}"
        self.query_url = f"{self.url}/query"        # SPARQL 1.1 Protocol, queries
        self.update_url = f"{self.url}/update"      # SPARQL 1.1 Protocol, updates
        self.store_url = f"{self.url}/store"        # SPARQL 1.1 Graph Store HTTP Protocol

    def wait(self) -> int:
        return self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(graph: str | Path, port: int = 7878) -> Endpoint:
    """Start the server (port 0: any free port) and load `graph` into its default graph."""
    load_store(graph)               # a file that does not parse stops here, before a server starts
    endpoint = start(port)
    try:
        push(str(graph), endpoint.store_url, replace=True)
    except BaseException:
        endpoint.stop()
        raise
    return endpoint


def start(port: int = 7878, timeout: float = 30) -> Endpoint:
    # Checked first: otherwise a server already on the port would answer the
    # readiness probe for the one that failed to bind.
    port = port or free_port()
    if not _is_free(port):
        raise InputError(f"port {port} is in use; stop what listens there or give another --port")
    log = tempfile.TemporaryFile()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"{HOST}:{port}"],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    endpoint = Endpoint(process, port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            said = log.read().decode("utf-8", "replace").strip().splitlines()
            raise InputError(f"the SPARQL server did not start on port {port}: {said[-1] if said else 'it exited'}")
        try:
            request(f"{endpoint.query_url}?query=ASK%7B%7D", timeout=2)
        except InputError:
            time.sleep(0.1)
            continue
        return endpoint
    endpoint.stop()
    raise InputError(f"the SPARQL server did not answer on port {port} within {timeout:.0f} s")


def oxigraph_binary() -> str:
    # The `oxigraph` wheel puts its binary beside this interpreter's scripts,
    # which need not be on PATH (a virtual environment not activated).
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise InputError("the oxigraph server is not installed; run pip install oxigraph")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _is_free(port: int) -> bool:
    with socket.socket() as s:
        # as servers bind: connections of an earlier server still closing (TIME_WAIT) do not count
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True
