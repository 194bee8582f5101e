"""Bodies named with their place in front, where the gazetteer read the place and the model missed the rest."""
from kg.model import Document, Mention
from kg.pipeline import process
from kg.recognize import recognise
from kg.recognize.bodies import bodies


def _read(text: str, places: list[str], kind: str = "Place") -> list[tuple[str, str]]:
    doc = process(Document(id="t", raw=text), until=recognise)
    found = []
    for place in places:
        at = doc.text.find(place)
        found.append(Mention(place, kind, at, at + len(place), 0, source="gazetteer"))
    return [(m.text, m.type) for m in bodies(doc, found)]


def test_a_place_and_the_name_of_a_body_after_it_are_that_body():
    assert _read("中国工程院院士张三出席。", ["中国"]) == [("中国工程院", "Organization")]
    assert _read("临江星河电子有限公司投产。", ["临江"]) == [("临江星河电子有限公司", "Company")]


def test_the_places_before_it_are_its_name_too():
    assert _read("广东粤港澳大湾区国家纳米科技创新研究院揭牌。", ["广东", "粤港澳大湾区"]) == \
        [("广东粤港澳大湾区国家纳米科技创新研究院", "Organization")]


def test_a_clause_between_the_place_and_a_tail_is_no_name():
    assert _read("颍上县与星河大学共建研究院。", ["颍上县"]) == [("颍上县", "Place")]
    assert _read("临江县在北京举行招商会。", ["北京"]) == [("北京", "Place")]     # a meeting held, no 商会
    # a place's government follows it at once (kg/recognize/governments.py); over a run, its tail ends a clause
    assert _read("临江区区长张三率临江区政府考察团来访。", ["临江区"]) == [("临江区", "Place")]


def test_a_body_and_the_name_of_one_of_its_units_after_it_are_that_unit():
    assert _read("星河科学院软件研究所、东海大学共建平台。", ["星河科学院"], "Organization") == \
        [("星河科学院软件研究所", "Organization")]
    assert _read("临江市人民政府办公厅印发通知。", ["临江市人民政府"], "GovernmentAgency") == \
        [("临江市人民政府办公厅", "GovernmentAgency")]
    assert _read("星河科学院各研究所参加。", ["星河科学院"], "Organization") == [("星河科学院", "Organization")]
    # a firm's laboratory or institute is an organisation; its branch is the firm's
    assert _read("星河长三角人工智能共创实验室启动。", ["星河"], "Company") == \
        [("星河长三角人工智能共创实验室", "Organization")]
    assert _read("星河银行临江分行签约。", ["星河银行"], "Company") == [("星河银行临江分行", "Company")]


def test_a_particle_an_adverb_or_a_pronoun_before_the_tail_is_a_clause_not_a_name():
    assert _read("星河通讯股份有限公司的国家重点实验室落成。", ["星河通讯股份有限公司"], "Company") == \
        [("星河通讯股份有限公司", "Company")]
    assert _read("星河科技股份有限公司正式登陆上海证券交易所。", ["星河科技股份有限公司"], "Company") == \
        [("星河科技股份有限公司", "Company")]


def test_a_generic_mention_heads_no_body():
    doc = process(Document(id="t", raw="该企业致力于藏系药材研究。"), until=recognise)
    reference = Mention("该企业", "Company", 0, 3, 0, name="?")
    assert [(m.text, m.type) for m in bodies(doc, [reference])] == [("该企业", "Company")]
