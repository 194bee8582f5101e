"""What a user types into kg serve, query, push and export, wrong: one line `kg: error: …` that says what to
give, exit code 2, no traceback, and never the password of an --endpoint."""
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "hunter2"


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def one_line_error(run, *says: str) -> str:
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.stderr.startswith("kg: error: ") and SECRET not in run.stderr + run.stdout
    for words in says:
        assert words in run.stderr, run.stderr
    return run.stderr


class _Page(BaseHTTPRequestHandler):
    """A web site, not an endpoint: every request is answered with a page."""

    def do_GET(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<!DOCTYPE html><html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def website():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://admin:{SECRET}@127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def graph(seeds_build) -> str:
    return str(seeds_build / "graph.ttl")


@pytest.mark.parametrize("port", ["abc", "70000", "-5", "80.5"])
def test_a_bad_port(graph, port):
    one_line_error(kg("serve", graph, "--port", port), f"--port {port}: not a port", "or 0 for any free port")


@pytest.mark.parametrize("timeout", ["soon", "0", "-1", "nan", "inf"])
def test_a_bad_timeout(graph, timeout):
    for command in ("serve", "query"):
        args = [graph, "ASK {}"] if command == "query" else [graph]
        one_line_error(kg(command, *args, "--timeout", timeout), f"--timeout {timeout}", "a number above 0")


def test_a_bad_remote_host(graph):
    one_line_error(kg("serve", graph, "--allow-remote", "http://evil.example/"), "not a host name")


@pytest.mark.parametrize("url, says", [
    (f"http://admin:{SECRET}@[::1/store", "not a valid URL"),
    (f"http://admin:{SECRET}@127.0.0.1:99999/store", "the port is not a number"),
    (f"ftp://admin:{SECRET}@127.0.0.1/store", "not an endpoint URL"),
    (f"http://admin:{SECRET}@127.0.0.1:{9}/store", "cannot reach http://admin:***@127.0.0.1:9/store"),
])
def test_a_bad_endpoint_never_shows_its_password(graph, url, says):
    one_line_error(kg("push", graph, "--endpoint", url), says, "admin:***@")
    one_line_error(kg("query", url.replace("/store", "/query"), "ASK {}"), says.replace("/store", "/query"))


def test_an_endpoint_that_answers_with_a_web_page(graph, website):
    one_line_error(kg("query", f"{website}/sparql", "ASK {}"), "answered with an HTML page, not SPARQL results",
                   "query URL")
    one_line_error(kg("push", graph, "--endpoint", f"{website}/store"), "answered with an HTML page",
                   "graph store URL")


def test_argument_errors_of_export_serve_query_push_are_one_line(graph, tmp_path):
    one_line_error(kg("export", "csv", graph, "--out", str(tmp_path)), "invalid choice: 'csv'", "kg export --help")
    one_line_error(kg("export", "gexf", graph), "--out", "kg export --help")
    (tmp_path / "a file").write_text("mine", encoding="utf-8")
    one_line_error(kg("export", "neo4j", graph, "--out", str(tmp_path / "a file")), "cannot write",
                   "give --out a folder you can write to")
    one_line_error(kg("push", graph), "--endpoint", "kg push --help")
    one_line_error(kg("serve"), "graph", "kg serve --help")
    one_line_error(kg("query", graph, "ASK {}", "--format", "xml"), "invalid choice: 'xml'")
    one_line_error(kg("query", graph, "--file", str(tmp_path / "none.rq")), "none.rq: cannot read the query")
