import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import rdflib

from kg.graph.merge import merge
from kg.write.turtle import write_turtle


def test_written_turtle_parses_in_rdflib_and_pyoxigraph(tmp_path, weifang):
    path = tmp_path / "graph.ttl"
    write_turtle(merge([weifang]), path)
    graph = rdflib.Graph().parse(path, format="turtle")
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 0
    assert path.read_text(encoding="utf-8").startswith("@prefix")


def test_the_same_input_gives_the_same_bytes(tmp_path, weifang, weifang_000):
    write_turtle(merge([weifang, weifang_000]), tmp_path / "a.ttl")
    write_turtle(merge([weifang_000, weifang]), tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from conftest import doc_000, doc_001
from kg.graph.merge import merge
from kg.write.turtle import write_turtle
write_turtle(merge([doc_001(), doc_000()]), sys.argv[2])
"""


def test_the_bytes_do_not_depend_on_the_hash_seed(tmp_path):
    # Sets of aliases and documents iterate in hash order, which differs per process.
    tests = Path(__file__).resolve().parents[1]
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", SCRIPT, str(tests), str(tmp_path / f"{seed}.ttl")],
                       env=env, check=True)
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()
