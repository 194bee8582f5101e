"""Every format kg build writes holds the same triples, and the same bytes on every run."""
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import rdflib

from kg.rdf.formats import FORMATS
from kg.rdf.terms import GRAPH

TESTS = Path(__file__).resolve().parents[1]


def _triples(path: Path) -> set:
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.from_extension(path.suffix[1:]))
    return {q.triple for q in store}


def test_every_format_holds_the_same_triples_in_pyoxigraph_and_rdflib(seeds_files):
    turtle = _triples(seeds_files["turtle"])
    assert len(turtle) > 4000
    for name, path in seeds_files.items():
        assert _triples(path) == turtle, name
        parsed = rdflib.Dataset().parse(path, format=FORMATS[name].rdflib)
        assert len(parsed) == len(turtle), name


def test_trig_puts_the_graph_in_one_named_graph(seeds_files):
    store = pyoxigraph.Store()
    store.load(path=str(seeds_files["trig"]), format=pyoxigraph.RdfFormat.TRIG)
    assert list(store.named_graphs()) == [pyoxigraph.NamedNode(str(GRAPH))]
    assert not list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))


SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from conftest import doc_000, doc_001
from kg.graph.merge import merge
from kg.write.rdf import write_rdf
write_rdf(merge([doc_001(), doc_000()]), sys.argv[2], sys.argv[3])
"""


def test_the_bytes_of_every_format_do_not_depend_on_the_hash_seed(tmp_path):
    for name, fmt in FORMATS.items():
        written = []
        for seed in ("1", "2"):
            path = tmp_path / f"{seed}{fmt.suffix}"
            subprocess.run([sys.executable, "-c", SCRIPT, str(TESTS), str(path), name],
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
            written.append(path.read_bytes())
        assert written[0] == written[1], name
