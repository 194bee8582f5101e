import pytest

from kg.graph.load import load_graph
from kg.graph.network import to_networkx


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    """The networkx graph of what `kg build seeds/` wrote."""
    return to_networkx(load_graph(seeds_build))


@pytest.fixture(scope="session")
def node_named(seeds_graph):
    """The id of the one node of the seeds' graph with this name."""
    def named(name: str) -> str:
        (node,) = [n for n, d in seeds_graph.nodes(data=True) if d["label"] == name]
        return node
    return named
