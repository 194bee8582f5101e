"""Corrections applied to the extraction record of a real page (seeds/001, as tests/conftest.py annotates it)."""
from kg.correct.apply import Book
from kg.correct.read import parse_corrections
from kg.graph.merge import merge
from kg.model import Entity, Triple
from kg.rdf.terms import entity_iri
from kg.rdf.graph import statement_iri
from kg.write.jsonl import records


def corrected(doc, text: str) -> tuple[list[dict], Book]:
    book = Book(parse_corrections(text))
    return book.correct(list(records(doc))), book


def facts(lines: list[dict]) -> set[tuple]:
    return {(r["subject"], r["predicate"], r.get("object"), r.get("reviewer")) for r in lines if r["kind"] == "triple"}


def test_the_last_decision_on_a_fact_stands(weifang):
    lines, book = corrected(weifang, """
- reject: {subject: 韩滨, relation: holdsRole, object: 潍坊高新区经济发展局}
- accept: {subject: 韩滨 (Person), relation: holdsRole, object: 潍坊高新区经济发展局, role: 党委书记、局长}
  by: 王芳
- reject: {subject: 潍坊高新区, relation: locatedIn, object: 潍坊市}
- accept: {subject: 潍坊高新区, relation: locatedIn, object: 潍坊市}
  by: 李明
- reject: {subject: 潍坊高新区, relation: locatedIn, object: 潍坊市}
""")
    assert ("韩滨", "holdsRole", "潍坊高新区经济发展局", "王芳") in facts(lines)
    assert not {f for f in facts(lines) if f[:3] == ("潍坊高新区", "locatedIn", "潍坊市")}
    assert list(book.matched.values()) == [1] * 5


def test_a_fact_is_named_by_the_statement_graph_ttl_gives_it(weifang):
    (fact,) = [t for t in weifang.triples if t.predicate == "partOf"]
    statement = statement_iri(fact)
    assert statement.startswith("https://w3id.org/kg-hz/id/statement/")
    lines, book = corrected(weifang, f"- reject: {{fact: 'statement:{statement[-16:]}'}}\n")
    assert ("潍坊高新区经济发展局", "partOf", "潍坊高新区", None) not in facts(lines) and book.matched[0] == 1
    assert len(facts(lines)) == len(weifang.triples) - 1


def test_a_fact_whose_end_a_retype_made_unfit_is_dropped_and_counted(weifang):
    lines, book = corrected(weifang, "- retype: 潍坊高新区经济发展局 (GovernmentAgency)\n  to: Industry\n")
    assert {f[:3] for f in facts(lines)} == {("潍坊高新区", "locatedIn", "潍坊市"),
                                            ("磁悬浮智能制造产业化项目", "locatedIn", "潍坊高新区"),
                                            ("磁悬浮智能制造产业化项目", "totalInvestment", None)}
    assert book.unfit == 2, "a person does not hold a post in an industry, nor is an industry part of a zone"


def test_merged_entities_are_one_line_with_every_name_and_mention(weifang, weifang_000):
    lines, book = corrected(weifang_000, "- merge: 磁悬浮项目 (Project)\n  into: 潍坊高新区 (Zone)\n"
                                         "- merge: 磁悬浮智能制造产业化项目 (Project)\n  into: 潍坊高新区 (Zone)\n")
    zone = [r for r in lines if r["kind"] == "entity" and r["name"] == "潍坊高新区"]
    assert len(zone) == 1 and zone[0]["aliases"] == ["潍坊国家高新区", "磁悬浮智能制造产业化项目", "磁悬浮项目"]
    before = {r["name"]: r["mentions"] for r in records(weifang_000) if r["kind"] == "entity"}
    assert zone[0]["mentions"] == sorted(before["潍坊高新区"] + before["磁悬浮智能制造产业化项目"])
    assert zone[0]["source"] == ["reviewer"]
    assert not [r for r in lines if r["kind"] == "triple" and r["predicate"] == "locatedIn"], "the loop is dropped"
    graph = merge([weifang])
    assert book.report(graph).unmatched[0].startswith(
        "corrections.yaml:1: merge 磁悬浮项目 (Project) into 潍坊高新区 (Zone): matches nothing in the graph; "
        "no entity is called 磁悬浮项目; nearest names: 磁悬浮智能制造产业化项目"), \
        "the first names an alias, not an entity"



def test_a_body_named_by_its_level_alone_has_its_pages_id_and_statements(weifang):
    # 市发改委 says not whose it is: its id, and the id of a statement about it, are its page's, as graph.ttl has them
    fact = Triple(Entity("韩滨", "Person"), "holdsRole", Entity("市发改委", "GovernmentAgency", page=weifang.id),
                  role="主任")
    weifang.entities.append(fact.object)
    weifang.triples.append(fact)
    lines, book = corrected(weifang, f"- reject: {{fact: 'statement:{statement_iri(fact)[-16:]}'}}\n")
    assert ("韩滨", "holdsRole", "市发改委", None) not in facts(lines) and book.matched[0] == 1
    (added,) = Book(parse_corrections("""
- add: {subject: 韩滨 (Person), relation: holdsRole, object: 市发改委 (GovernmentAgency), role: 主任}
  note: 某市政府网站，2024-03-01
""", "added.yaml")).added()
    (line,) = [r for r in added[1] if r["kind"] == "entity" and r["name"] == "市发改委"]
    assert line["id"] == str(entity_iri("GovernmentAgency", Entity("市发改委", "GovernmentAgency", page=added[0]).id))
