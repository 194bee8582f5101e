from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS

from kg.model import ENTITY_TYPES, PREDICATES
from kg.rdf.ontology import ONTOLOGY, SHAPES, example_queries
from kg.rdf.terms import HZ, document_iri, entity_iri, sentence_iri

TOP = Path(__file__).resolve().parents[2] / "ontology"


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


def test_ontology_parses_in_pyoxigraph_too(ontology):
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(ontology)


def test_ontology_is_versioned(ontology):
    (onto,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert ontology.value(onto, OWL.versionInfo) is not None


def test_every_term_of_the_namespace_is_declared_and_labelled(ontology):
    for name in HZ.__annotations__:
        term = HZ[name]
        assert (term, RDF.type, None) in ontology, name
        assert {label.language for label in ontology.objects(term, RDFS.label)} == {"zh", "en"}, name
        assert ontology.value(term, RDFS.comment) is not None, name


def test_schema_types_are_classes_and_relations_are_properties(ontology):
    for type_ in ENTITY_TYPES:
        assert (HZ[type_], RDF.type, OWL.Class) in ontology
    for predicate in PREDICATES:
        kind = OWL.DatatypeProperty if predicate == "totalInvestment" else OWL.ObjectProperty
        assert (HZ[predicate], RDF.type, kind) in ontology
    assert (HZ.cooperatesWith, RDF.type, OWL.SymmetricProperty) in ontology


def test_the_namespace_is_closed():
    with pytest.raises(AttributeError):
        HZ.locatedin


def test_minted_iris_are_https_and_ascii():
    for iri in (entity_iri("GovernmentAgency", "0123456789abcdef"),
                document_iri("潍坊 日报(1)"), sentence_iri("潍坊 日报(1)", 3)):
        assert iri.startswith("https://w3id.org/kg-hz/id/") and iri.isascii()
        assert not set(" ()<>\"{}|\\^`") & set(iri)
    assert entity_iri("GovernmentAgency", "0123456789abcdef").endswith("/governmentagency/0123456789abcdef")


def test_the_package_ships_the_ontology_of_the_repository():
    # kg/ontology links to ontology/: one copy, read from the package at run time
    assert ONTOLOGY.read_bytes() == (TOP / "hz.ttl").read_bytes()
    assert SHAPES.read_bytes() == (TOP / "shapes.ttl").read_bytes()
    assert set(example_queries()) == {p.stem for p in (TOP / "queries").glob("*.rq")}
    assert len(example_queries()) >= 8


def test_the_shapes_use_only_declared_terms_of_the_ontology(ontology):
    shapes = rdflib.Graph().parse(SHAPES)
    used = {term for triple in shapes for term in triple
            if isinstance(term, rdflib.URIRef) and term.startswith(HZ._NS)}
    assert used and all((term, RDF.type, None) in ontology for term in used), used
