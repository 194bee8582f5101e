"""A real Oxigraph server on a free port: kg serve loads it, kg push uploads by the Graph Store Protocol,
queries go over HTTP, and an endpoint that refuses or is not there gives a one-line error."""
import json
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.read import InputError
from kg.sparql.push import push
from kg.sparql.query import query, render
from kg.sparql.serve import free_port, new_token, serve, start

ROOT = Path(__file__).resolve().parents[2]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def graph(seeds_build) -> str:
    return str(seeds_build / "graph.ttl")


def _count(rendered_json: str) -> int:
    return int(json.loads(rendered_json)["results"]["bindings"][0]["n"]["value"])


def test_serve_loads_the_graph_and_answers_over_http(graph):
    local = _count(render(query(graph, COUNT), "json"))
    with serve(graph, port=0) as endpoint:
        assert _count(render(query(endpoint.query_url, COUNT), "json")) == local
        # a plain SPARQL 1.1 Protocol GET, as any client would send it
        sparql = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ASK { ?z rdfs:label "潍坊高新区"@zh }'
        url = f"{endpoint.query_url}?{urllib.parse.urlencode({'query': sparql})}"
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.load(response)["boolean"] is True
    assert endpoint.process.poll() is not None, "the server stops with the block"


def test_push_into_a_named_graph_then_replace_it(graph, tmp_path):
    with start(port=0, writable=True) as endpoint:
        news = "https://example.org/graphs/news"
        pushed = push(graph, endpoint.store_url, graph=news, token=endpoint.token)
        assert pushed.graphs == [news] and pushed.triples > 4000
        in_graph = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{news}> {{ ?s ?p ?o }} }}"
        assert _count(render(query(endpoint.query_url, in_graph), "json")) == pushed.triples
        push(graph, endpoint.store_url, graph=news, token=endpoint.token)    # POST adds: the same triples, no more
        assert _count(render(query(endpoint.query_url, in_graph), "json")) == pushed.triples
        small = tmp_path / "small.nt"
        small.write_text('<https://w3id.org/kg-hz/id/zone/0> <http://www.w3.org/2000/01/rdf-schema#label> "某高新区"@zh .\n',
                         encoding="utf-8")
        push(str(small), endpoint.store_url, graph=news, replace=True, token=endpoint.token)   # PUT replaces
        assert _count(render(query(endpoint.query_url, in_graph), "json")) == 1
        assert _count(render(query(endpoint.query_url, COUNT), "json")) == 0, "the default graph is untouched"


def test_a_refusing_endpoint_and_an_absent_one(graph):
    with start(port=0) as endpoint:
        # the query URL takes no Graph Store uploads: the server refuses with a status
        with pytest.raises(InputError, match=r"refused the request: HTTP 4\d\d"):
            push(graph, endpoint.query_url)
    with pytest.raises(InputError, match="cannot reach .*is the endpoint running"):
        push(graph, endpoint.store_url)


def test_kg_serve_and_kg_push_as_commands(graph):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", graph, "--port", str(port), "--writable"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        banner = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in banner, server.stderr.read() if server.poll() is not None else banner
        token = server.stdout.readline().split("Authorization: Bearer ")[1].strip()
        push_args = [sys.executable, "-m", "kg.cli", "push", graph, "--endpoint", f"http://127.0.0.1:{port}/store",
                     "--graph", "https://example.org/graphs/news"]
        run = subprocess.run(push_args, capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 2 and "HTTP 401" in run.stderr and "Authorization: Bearer" in run.stderr
        run = subprocess.run([*push_args, "--token", token], capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        assert "into https://example.org/graphs/news" in run.stdout
        again = subprocess.run([sys.executable, "-m", "kg.cli", "serve", graph, "--port", str(port)],
                               capture_output=True, text=True, cwd=ROOT)
        assert again.returncode == 2 and again.stderr.strip() == \
            f"kg: error: port {port} is in use; stop what listens there or give another --port"
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "stopped" in server.stderr.read()
    refused = subprocess.run([sys.executable, "-m", "kg.cli", "push", graph, "--endpoint",
                              f"http://127.0.0.1:{port}/store"], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.stderr and "Connection refused" in refused.stderr


def test_a_write_token_can_be_given_on_the_command_line():
    # one token_urlsafe token in 64 began with '-', which `kg push --token` read as an option
    from kg.cli import parser
    tokens = [new_token() for _ in range(500)]
    assert len(set(tokens)) == 500 and all(len(t) >= 32 for t in tokens)
    for token in tokens:
        args = parser().parse_args(["push", "g.ttl", "--endpoint", "http://127.0.0.1:1/store", "--token", token])
        assert args.token == token
