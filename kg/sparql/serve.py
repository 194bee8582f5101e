"""A real SPARQL 1.1 endpoint on localhost: Oxigraph's server (the `oxigraph` package), loaded with a graph file.

    from kg.sparql.serve import serve
    with serve("out/graph.ttl", port=7878) as endpoint:
        print(endpoint.query_url)       # http://127.0.0.1:7878/query

The port given is kg's own (kg.sparql.gate), which checks each request and
passes it on to Oxigraph. Oxigraph itself listens on a port browsers will not
connect to (one of the Fetch standard's "bad ports"), so that no web page can
go around the checks. It keeps the graph in memory, stops each query at the
time limit, and stops with kg, even a kg killed with SIGKILL (kg.sparql.watchdog).
"""
from __future__ import annotations

import math
import re
import secrets
import shutil
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

from kg.rdf.load import load_store
from kg.read import InputError
from kg.sparql.gate import Gate, Policy
from kg.sparql.http import request
from kg.sparql.push import push
from kg.sparql.query import TIMEOUT

HOST = "127.0.0.1"
# Ports that browsers refuse to fetch from (https://fetch.spec.whatwg.org/#bad-port), above the privileged ones.
BACKEND_PORTS = (6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080, 4190, 3659, 4045, 1719, 1720, 1723, 2049,
                 5060, 5061, 6000, 6566)


class Endpoint:
    def __init__(self, gate: Gate, backend: subprocess.Popen, backend_port: int, token: str | None):
        self.gate, self.process, self.token = gate, backend, token
        self.port = gate.server_address[1]
        self.url = f"http://{HOST}:{self.port}"
        self.query_url = f"{self.url}/query"        # SPARQL 1.1 Protocol, queries
        self.update_url = f"{self.url}/update"      # SPARQL 1.1 Protocol, updates
        self.store_url = f"{self.url}/store"        # SPARQL 1.1 Graph Store HTTP Protocol
        self.backend_store_url = f"http://{HOST}:{backend_port}/store"     # kg's own way in, to load the graph
        threading.Thread(target=gate.serve_forever, daemon=True).start()

    def wait(self) -> int:
        return self.process.wait()

    def stop(self) -> None:
        self.gate.shutdown()
        self.gate.server_close()
        if self.process.poll() is None:
            self.process.stdin.close()      # the watchdog stops the server
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(graph: str | Path, port: int = 7878, timeout: float = TIMEOUT, writable: bool = False,
          remote: frozenset[str] = frozenset()) -> Endpoint:
    """Start the server (port 0: any free port) and load `graph` into its default graph."""
    load_store(graph)               # a file that does not parse stops here, before a server starts
    endpoint = start(port, timeout, writable, remote)
    try:
        push(str(graph), endpoint.backend_store_url, replace=True)
    except BaseException:
        endpoint.stop()
        raise
    return endpoint


def new_token() -> str:
    """A write token of 192 random bits in hex: never beginning with '-', which `kg push --token` would read as
    an option (token_urlsafe's alphabet has '-', so one token in 64 began with it)."""
    return secrets.token_hex(24)


def start(port: int = 7878, timeout: float = TIMEOUT, writable: bool = False,
          remote: frozenset[str] = frozenset()) -> Endpoint:
    """An empty server: read-only unless `writable`, and then updates need the endpoint's token."""
    port = port or free_port()
    _check_free(port)
    backend, backend_port = _backend(timeout)
    token = new_token() if writable else None
    try:
        gate = Gate((HOST, port), backend_port, Policy(writable, token, frozenset(remote)), timeout)
    except OSError as exc:
        backend.stdin.close()
        backend.wait()
        raise InputError(f"cannot listen on port {port}: {exc.strerror}; give another --port") from None
    return Endpoint(gate, backend, backend_port, token)


def _backend(timeout: float) -> tuple[subprocess.Popen, int]:
    """Oxigraph's server on the first free port of BACKEND_PORTS, under a watchdog."""
    binary, said = oxigraph_binary(), "every port it may use is taken"
    for port in BACKEND_PORTS:
        if not _is_free(port):
            continue
        log = tempfile.TemporaryFile()
        process = subprocess.Popen([sys.executable, "-m", "kg.sparql.watchdog", binary, "serve",
                                    "--bind", f"{HOST}:{port}", "--timeout-s", str(math.ceil(timeout))],
                                   stdin=subprocess.PIPE, stdout=log, stderr=log)
        said = _ready(process, port, log)
        if said is None:
            return process, port
    raise InputError(f"the SPARQL server did not start: {said}")


def _ready(process: subprocess.Popen, port: int, log, wait: float = 30) -> str | None:
    """None once the server answers; else what it said before it stopped (another may have taken the port)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            said = log.read().decode("utf-8", "replace").strip().splitlines()
            return said[-1] if said else f"it exited with code {process.returncode}"
        try:
            request(f"http://{HOST}:{port}/query?query=ASK%7B%7D", timeout=2)
        except InputError:
            time.sleep(0.1)
            continue
        return None
    process.stdin.close()
    process.wait()
    return f"it did not answer within {wait:.0f} s"


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


def _check_free(port: int) -> None:
    # Checked before Oxigraph starts, so that a port in use costs no wait.
    try:
        taken = not _is_free(port, strict=True)
    except PermissionError:
        raise InputError(f"port {port} needs administrator rights; give a --port from 1024 up, "
                         f"or 0 for any free port") from None
    if taken:
        raise InputError(f"port {port} is in use; stop what listens there or give another --port")


def _is_free(port: int, strict: bool = False) -> bool:
    with socket.socket() as s:
        # as servers bind: connections of an earlier server still closing (TIME_WAIT) do not count
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except PermissionError:
            if strict:
                raise
            return False
        except OSError:
            return False
    return True


def remote_hosts(names: list[str]) -> frozenset[str]:
    """--allow-remote as given: host names, as LOAD and SERVICE IRIs name them."""
    for name in names:
        if not re.fullmatch(r"[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]", name):
            raise InputError(f"--allow-remote {name}: not a host name; give one like query.wikidata.org")
    return frozenset(name.strip("[]").lower() for name in names)


def port_number(text: str) -> int:
    """--port as given: a number from 0 (any free port) to 65535."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise InputError(f"--port {text}: not a port; give a number from 1024 to 65535, or 0 for any free port")
    return port
