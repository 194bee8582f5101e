"""kg export graphml|gexf: files that networkx (as Gephi and Cytoscape do) reads back whole."""
import networkx as nx
import pytest

from kg.export import export
from kg.export.graphml import write_network
from kg.graph.load import load_graph
from kg.graph.network import to_networkx
from kg.read import InputError


@pytest.fixture(scope="module")
def graph(seeds_build):
    return to_networkx(load_graph(seeds_build))


@pytest.mark.parametrize("format, read", [("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
                                          ("gexf", nx.read_gexf)])
def test_read_back_with_types_labels_and_evidence(tmp_path, seeds_build, graph, format, read):
    (path,) = export(seeds_build, format, tmp_path)
    assert path == tmp_path / f"graph.{format}"
    back = read(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["label"] == data["label"] and back.nodes[node]["type"] == data["type"]
        assert back.nodes[node]["aliases"] == "；".join(data["aliases"])
        if "totalInvestment" in data:
            assert back.nodes[node]["totalInvestment"] == data["totalInvestment"]
    posts = [(s, o, d) for s, o, d in back.edges(data=True) if d["predicate"] == "holdsRole"]
    assert posts
    for start, end, data in posts:
        original = [e for e in graph.get_edge_data(start, end).values() if e["role"] == data["role"]]
        assert data["label"] == f"holdsRole（{data['role']}）"
        assert data["evidence"] == "\n".join(original[0]["evidence"])


def test_format_from_the_suffix(tmp_path, graph):
    write_network(graph, tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()
    with pytest.raises(InputError, match="name the file .graphml or .gexf"):
        write_network(graph, tmp_path / "g.txt")
