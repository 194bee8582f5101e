"""Names a corrections file declares are recognised where the model and the lexicons read nothing, and win
where they read otherwise; relations are then found for them as for any name."""
from kg.model import Document
from kg.pipeline import process

SENTENCE = "当天，未来科学城与北汽集团签署战略合作协议。"


def read(text: str, declared=()) -> tuple[set, set]:
    doc = process(Document(id="page", raw=text, declared=tuple(declared)))
    return ({(e.name, e.type) for e in doc.entities},
            {(t.subject.name, t.predicate, t.object.name) for t in doc.triples if t.object})


def test_a_declared_zone_is_a_mention_and_its_cooperation_is_found():
    entities, facts = read(SENTENCE)
    assert ("未来科学城", "Zone") not in entities and not facts
    entities, facts = read(SENTENCE, [("未来科学城", "Zone")])
    assert {("未来科学城", "Zone"), ("北汽集团", "Company")} <= entities
    assert facts == {("未来科学城", "cooperatesWith", "北汽集团")}


def test_a_declared_name_takes_its_declared_type_and_a_longer_name_around_it_stays_whole():
    entities, _ = read("据了解，犇犇智造将在园区建设研发中心。", [("犇犇智造", "Company")])
    assert ("犇犇智造", "Company") in entities
    entities, _ = read("九章量子计算原型机由中国科学技术大学研制。", [("九章", "Product")])
    assert ("九章", "Product") in entities
    # the model reads the bureau whole around a declared zone's name: the bureau stays, the zone is derived from it
    entities, _ = read("潍坊高新区经济发展局党委书记、局长韩滨说。", [("潍坊高新区", "Zone")])
    assert {("潍坊高新区经济发展局", "GovernmentAgency"), ("潍坊高新区", "Zone")} <= entities
