"""A place followed by the short name of its government body is that body: 某县委, 某市政协, 某区人大常委会."""
from kg.model import Mention
from one_sentence import one_sentence_page, read_at
from kg.pipeline import extract
from kg.recognize.governments import governments


def _at(text: str, name: str, kind: str, source: str = "gazetteer") -> Mention:
    return read_at(text, name, kind, source)


def _found(text: str, mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in governments(one_sentence_page(text), mentions)}


def test_a_place_and_its_party_committee_congress_government_and_conference_are_bodies():
    text = "开化县委、镇江市政协、润州区人大常委会和黔西南州人民政府联合召开会议。"
    places = [_at(text, name, "Place") for name in ("开化县", "镇江市", "润州区", "黔西南州")]
    assert _found(text, places) == {("开化县委", "GovernmentAgency"), ("镇江市政协", "GovernmentAgency"),
                                     ("润州区人大常委会", "GovernmentAgency"),
                                     ("黔西南州人民政府", "GovernmentAgency")}


def test_what_the_model_read_of_the_body_joins_the_body():
    text = "镇江市政协主席出席。"
    given = [_at(text, "镇江市", "Place"), _at(text, "政协", "GovernmentAgency", "model")]
    assert _found(text, given) == {("镇江市政协", "GovernmentAgency")}


def test_entrusting_is_no_committee_and_a_place_without_its_level_is_left():
    text = "滨海新区委托第三方评估，上海政府网发布。"
    given = [_at(text, "滨海新区", "Place"), _at(text, "上海", "Place")]
    assert _found(text, given) == {("滨海新区", "Place"), ("上海", "Place")}


def test_a_department_a_place_or_a_zone_names_after_it_is_that_department():
    text = "材料报送至山西省科技厅、福州市发改委和潍坊高新区投促中心，省科技厅负责审核。"
    given = [_at(text, "山西省", "Place"), _at(text, "福州市", "Place"), _at(text, "潍坊高新区", "Zone")]
    assert _found(text, given) == {("山西省科技厅", "GovernmentAgency"), ("福州市发改委", "GovernmentAgency"),
                                    ("潍坊高新区投促中心", "GovernmentAgency"), ("省科技厅", "GovernmentAgency")}


def test_what_the_model_read_of_the_department_joins_the_department():
    text = "申报材料报送至山西省科技厅。"
    given = [_at(text, "山西省", "Place"), _at(text, "科技厅", "GovernmentAgency", "model")]
    assert _found(text, given) == {("山西省科技厅", "GovernmentAgency")}


def test_a_department_named_by_its_level_alone_is_that_of_the_place_of_its_level():
    text = "贵州省黔西南州召开会议。省编委办、州科技局和市发改委负责人出席，福建省发改委也派员参加。"
    mentions = [_at(text, "贵州省", "Place"), _at(text, "黔西南州", "Place"), _at(text, "福建省", "Place")]
    found = {(m.text, m.name) for m in governments(one_sentence_page(text), mentions) if m.type == "GovernmentAgency"}
    assert found == {("省编委办", "贵州省编委办"), ("州科技局", "黔西南布依族苗族自治州科技局"),
                     ("福建省发改委", "福建省发改委")}      # no city named: 市发改委 is left


def test_the_department_the_model_read_without_its_level_is_the_whole_department():
    text = "临江市举行签约仪式，市发改委、市经信委负责人出席。"
    mentions = [_at(text, "临江市", "Place"), _at(text, "发改委", "GovernmentAgency", "model"),
                _at(text, "市经信委", "GovernmentAgency", "model")]
    found = {(m.text, m.name) for m in governments(one_sentence_page(text), mentions) if m.type == "GovernmentAgency"}
    assert found == {("市发改委", "临江市发改委"), ("市经信委", "临江市经信委")}


def test_the_body_lies_in_its_place_which_is_an_entity_of_the_page():
    doc = extract("近日，开化县委召开专题会议，研究部署数字经济发展工作。")
    assert ("开化县委", "GovernmentAgency") in {(e.name, e.type) for e in doc.entities}
    assert ("开化县委", "locatedIn", "开化县") in {(t.subject.name, t.predicate, t.object.name)
                                                for t in doc.triples if t.object}


def test_a_body_named_by_its_level_alone_is_that_of_the_last_place_of_its_level_named_before():
    text = "芜湖市召开大会。市委书记讲话，市政协副主席出席；宣城市和泾县代表发言，区委书记主持。会后市委常委视察。"
    mentions = [_at(text, "芜湖市", "Place"), _at(text, "宣城市", "Place"), _at(text, "泾县", "Place"),
                _at(text, "市政协", "GovernmentAgency", "model")]
    named = {(m.start, m.name) for m in governments(one_sentence_page(text), mentions) if m.type == "GovernmentAgency"}
    assert named == {(text.index("市委"), "芜湖市委"), (text.index("市政协"), "芜湖市政协"),
                     (text.rindex("市委"), "宣城市委")}      # no district named before 区委: left alone


def test_a_page_names_its_city_committee_by_市委():
    doc = extract("镇江市举行签约仪式。会上，市委书记马明龙讲话。")
    assert ("马明龙", "holdsRole", "镇江市委") in {(t.subject.name, t.predicate, t.object.name) for t in doc.triples}


def test_a_committee_and_a_government_named_as_one_are_two_bodies_of_the_place():
    text = "在绍兴市委市政府的大力支持下，项目加快建设。"
    found = governments(one_sentence_page(text), [_at(text, "绍兴市委市政府", "GovernmentAgency", "model")])
    assert [(m.text, m.name) for m in found] == [("绍兴市委", "绍兴市委"), ("市政府", "绍兴市政府")]


def test_a_body_named_by_its_level_after_a_places_body_is_that_places():
    text = "金华市委书记出席，市政府负责同志介绍情况。"
    found = governments(one_sentence_page(text), [_at(text, "金华市委", "GovernmentAgency", "model"),
                                      _at(text, "市政府", "GovernmentAgency", "model")])
    assert [m.name for m in found] == ["金华市委", "金华市政府"]


def test_a_body_named_by_its_level_is_that_of_the_place_named_short_before_it_or_else_after_it():
    text = "湖州举行签约仪式，市政协主席出席。"
    named = {m.name for m in governments(one_sentence_page(text), [_at(text, "湖州", "Place")])
             if m.type == "GovernmentAgency"}
    assert named == {"湖州市政协"}
    lead = "县委书记出席签约仪式，德清县与企业代表签约。"
    named = {m.name for m in governments(one_sentence_page(lead), [_at(lead, "德清县", "Place")])
             if m.type == "GovernmentAgency"}
    assert named == {"德清县委"}
    department = "湖州举行签约仪式，市委组织部负责同志出席。"
    named = {m.name for m in governments(one_sentence_page(department), [_at(department, "湖州", "Place")])
             if m.type == "GovernmentAgency"}
    assert named == {"湖州市委组织部"}       # the committee's department, named after the place as it is


def test_a_province_names_its_committee_and_government_by_their_level():
    text = "贵州举行揭牌仪式，省委常委出席，省政府负责同志讲话。"
    named = {m.name for m in governments(one_sentence_page(text), [_at(text, "贵州", "Place")])
             if m.type == "GovernmentAgency"}
    assert named == {"贵州省委", "贵州省政府"}
