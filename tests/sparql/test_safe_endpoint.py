"""kg serve against the attacks of a web page and a careless client, over loopback only.

Each request is sent as a browser would send it from another site (its
Origin, its Sec-Fetch-Site), or as a page reaching the server through DNS
rebinding would (a foreign Host); the graph's triples are counted after each
to show nothing changed. No request leaves this machine: the LOAD and SERVICE
that must be refused name hosts that are never contacted.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import pytest

from kg.read import InputError
from kg.sparql.gate import Policy, Refused, Request, check, fetches
from kg.sparql.query import query, render
from kg.sparql.serve import BACKEND_PORTS, free_port, serve

ROOT = Path(__file__).resolve().parents[2]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
EVIL = "http://evil.example"


@pytest.fixture(scope="module")
def graph(seeds_build) -> str:
    return str(seeds_build / "graph.ttl")


@pytest.fixture(scope="module")
def readonly(graph):
    with serve(graph, port=0, timeout=2) as endpoint:
        yield endpoint


@pytest.fixture(scope="module")
def writable(graph):
    with serve(graph, port=0, writable=True) as endpoint:
        yield endpoint


def send(url: str, form: dict | None = None, headers: dict | None = None, method: str | None = None,
         data: bytes | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(form).encode() if form is not None else data
    req = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def count(endpoint) -> int:
    return int(json.loads(render(query(endpoint.query_url, COUNT), "json"))["results"]["bindings"][0]["n"]["value"])


def test_read_only_by_default(readonly):
    before = count(readonly)
    assert before > 4000
    status, said = send(readonly.update_url, {"update": "DROP ALL"})
    assert status == 403 and "read-only" in said and "--writable" in said
    status, _ = send(f"{readonly.store_url}?default", method="PUT", data=b"",
                     headers={"Content-Type": "text/turtle"})
    assert status == 403
    assert readonly.token is None and count(readonly) == before


def test_a_cross_origin_drop_all_is_refused_even_with_the_token(writable):
    before = count(writable)
    token = {"Authorization": f"Bearer {writable.token}"}
    for browser in ({"Origin": EVIL}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        status, said = send(writable.update_url, {"update": "DROP ALL"}, {**browser, **token})
        assert status == 403 and "other sites" in said
    status, said = send(writable.update_url, {"update": "DROP ALL"}, {"Authorization": "Bearer guessed"})
    assert status == 401 and "token" in said
    assert count(writable) == before


def test_the_token_allows_updates_from_this_machine(writable):
    insert = 'INSERT DATA { GRAPH <urn:t> { <urn:a> <urn:b> "c" } }'
    before = count(writable)
    status, _ = send(writable.update_url, {"update": insert},
                     {"Authorization": f"Bearer {writable.token}", "Origin": f"http://localhost:{free_port()}"})
    assert status == 204
    in_graph = render(query(writable.query_url, "ASK { GRAPH <urn:t> { <urn:a> <urn:b> \"c\" } }"))
    status, _ = send(writable.update_url, {"update": "DROP GRAPH <urn:t>"}, {"Authorization": f"Bearer {writable.token}"})
    assert in_graph == "true" and status == 204 and count(writable) == before


def test_a_foreign_host_is_refused(readonly):
    ask = f"{readonly.query_url}?{urllib.parse.urlencode({'query': 'ASK { ?s ?p ?o }'})}"
    for host in (f"evil.example:{readonly.port}", "127.0.0.1.evil.example", ""):
        status, said = send(ask, headers={"Host": host, "Accept": "application/sparql-results+json"})
        assert status == 403 and "not this machine" in said and "boolean" not in said
    status, said = send(ask, headers={"Host": f"localhost:{readonly.port}",
                                      "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(said)["boolean"] is True


def test_a_runaway_query_is_stopped_and_the_server_goes_on(readonly):
    with pytest.raises(InputError, match="breaks off.*cancelled"):
        render(query(readonly.query_url, RUNAWAY))
    assert count(readonly) > 4000


def test_load_and_service_to_other_hosts_are_refused(writable):
    token = {"Authorization": f"Bearer {writable.token}"}
    status, said = send(writable.update_url, {"update": "LOAD <http://evil.example/graph.ttl>"}, token)
    assert status == 403 and "LOAD <http://evil.example/graph.ttl>" in said and "--allow-remote" in said
    for sparql in ("SELECT * WHERE { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }",
                   "PREFIX e: <http://evil.example/> SELECT * WHERE { SERVICE SILENT e:sparql { ?s ?p ?o } }",
                   "SELECT * WHERE { VALUES ?x { <http://evil.example/> } SERVICE ?x { ?s ?p ?o } }",
                   "SELECT * WHERE { \\u0053ERVICE <http://evil.example/sparql> { ?s ?p ?o } }"):
        status, said = send(writable.query_url, {"query": sparql})
        assert status == 403 and "SERVICE" in said, sparql
    # this machine is no other host: a SERVICE back to the endpoint itself is answered
    itself = f"SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{writable.query_url}> {{ ?s a ?t }} }}"
    status, said = send(writable.query_url, {"query": itself}, {"Accept": "application/sparql-results+json"})
    assert status == 200 and int(json.loads(said)["results"]["bindings"][0]["n"]["value"]) > 400


def test_hosts_allowed_by_name_and_what_is_checked():
    allowed = Policy(remote=frozenset({"query.wikidata.org"}))

    def asks(sparql: str, policy: Policy = Policy()) -> None:
        check(Request("POST", "/query", "", {"host": "127.0.0.1:7878", "content-type": "application/sparql-query"},
                      sparql.encode()), policy)

    wikidata = "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    asks(wikidata, allowed)
    with pytest.raises(Refused, match="query.wikidata.org"):
        asks(wikidata)
    with pytest.raises(Refused, match="file:///etc/passwd"):
        asks("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }", allowed)
    with pytest.raises(Refused, match="cannot tell where"):
        asks("SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o }")
    evil = "SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }"
    form = {"host": "localhost", "content-type": "application/x-www-form-urlencoded"}
    with pytest.raises(Refused, match="evil.example"):     # in the URL, with a harmless query in the body
        check(Request("POST", "/query", urllib.parse.urlencode({"query": evil}), form, b"query=ASK%7B%7D"), Policy())
    with pytest.raises(Refused, match="send the query as") as refused:
        check(Request("POST", "/query", "", {"host": "localhost", "content-type": "text/plain"}, evil.encode()),
              Policy())
    assert refused.value.status == 415
    # a query that only mentions the words is read and let through
    asks('SELECT ?loaded WHERE { ?s <urn:service> ?loaded FILTER(?loaded != "LOAD") }')
    assert fetches("ASK { ?s ?p ?o }", update=False) == []


def _serve(graph: str, port: int) -> subprocess.Popen:
    # a session of its own, as a terminal starts a command: Ctrl-C goes to its whole process group
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", graph, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                              start_new_session=True)
    assert f":{port}/query" in server.stdout.readline(), server.stderr.read()
    return server


def _oxigraph_of(server: subprocess.Popen) -> psutil.Process:
    (found,) = [p for p in psutil.Process(server.pid).children(recursive=True) if p.name() == "oxigraph"]
    bound = {c.laddr.port for c in found.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN}
    assert bound and bound <= set(BACKEND_PORTS), "Oxigraph listens only where browsers do not connect"
    return found


def test_kill_9_of_kg_serve_stops_the_oxigraph_server(graph):
    server = _serve(graph, free_port())
    oxigraph = _oxigraph_of(server)
    server.kill()
    server.wait()
    gone, alive = psutil.wait_procs([oxigraph], timeout=20)
    assert oxigraph in gone and not alive


def test_ctrl_c_stops_kg_serve_and_its_server(graph):
    server = _serve(graph, free_port())
    oxigraph = _oxigraph_of(server)
    os.killpg(server.pid, signal.SIGINT)
    assert server.wait(timeout=30) == 0 and "stopped" in server.stderr.read()
    gone, alive = psutil.wait_procs([oxigraph], timeout=20)
    assert oxigraph in gone and not alive


def test_kg_query_on_a_file_times_out_and_stops_on_ctrl_c(graph):
    run = subprocess.run([sys.executable, "-m", "kg.cli", "query", graph, RUNAWAY, "--timeout", "1"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and run.stderr.startswith("kg: error: the query ran past 1 s")
    assert len(run.stderr.splitlines()) == 1
    running = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", graph, RUNAWAY],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               start_new_session=True)
    kg = psutil.Process(running.pid)
    deadline = time.monotonic() + 30
    while not kg.children(recursive=True) and time.monotonic() < deadline:
        time.sleep(0.1)
    children = kg.children(recursive=True)
    assert children, "the query runs in a process of its own"
    time.sleep(1)       # most likely into the query by now, past the loading; either way Ctrl-C must stop it
    os.killpg(running.pid, signal.SIGINT)
    assert running.wait(timeout=30) == 130
    assert "Traceback" not in running.stderr.read()
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive
