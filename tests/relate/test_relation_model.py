"""The relation model on sentences no training file holds, and the confidence on every fact.

The sentences below were written for this test in the style of zone news; none of
them is in the gold pages the model learned from (test_sentences_are_unseen checks it).
"""
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from kg.pipeline import extract
from kg.relate.candidates import allowed
from kg.relate.confidence import confident, default_min_confidence
from kg.relate.learned import ModelError, RelationModel

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SIGNED = "东莞松山湖高新区签约引进智能终端研发生产基地项目，总投资20亿元。"
SENTENCES = [
    ("昨日，合肥高新区与中国科学技术大学签署战略合作协议，双方将共建量子信息产业研究院。",
     {("合肥高新区", "cooperatesWith", "中国科学技术大学", None), ("合肥高新区", "locatedIn", "合肥市", None)},
     set()),
    ("成都高新区管委会主任李晓峰表示，将全力打造电子信息和生物医药两大主导产业。",
     {("李晓峰", "holdsRole", "成都高新区管委会", "主任"), ("成都高新区管委会", "partOf", "成都高新区", None)},
     set()),
    ("总投资50亿元的华东新能源电池材料项目落户常州高新区。",
     {("华东新能源电池材料项目", "locatedIn", "常州高新区", None),
      ("华东新能源电池材料项目", "totalInvestment", Decimal(5000000000), None)},
     set()),
    ("青岛高新区出台《关于支持海洋经济高质量发展的若干措施》。",
     {("青岛高新区", "issues", "《关于支持海洋经济高质量发展的若干措施》", None)}, set()),
    ("深圳市华星光电技术有限公司董事长王强介绍，公司今年研发投入增长两成。",
     {("王强", "holdsRole", "深圳市华星光电技术有限公司", "董事长")}, set()),
    ("西安高新区位于陕西省西安市，是首批国家级高新区之一。",
     {("西安高新区", "locatedIn", "西安市", None)}, set()),
    ("长沙高新区与湖南大学联合成立智能制造研究院。",
     {("长沙高新区", "cooperatesWith", "湖南大学", None)},
     {("湖南大学", "locatedIn", "长沙高新区", None)}),     # a university that works with a zone is not in it
    ("甘肃兰州新区今年新签约项目32个，总投资达120亿元。",        # a zone lies in every place its name carries
     {("兰州新区", "locatedIn", "甘肃省", None), ("兰州新区", "locatedIn", "兰州市", None)}, set()),
    (SIGNED, {("智能终端研发生产基地项目", "locatedIn", "松山湖高新区", None)}, set()),    # the lexicon's name
]


def kept(text: str) -> set[tuple]:
    doc = confident(extract(text))
    return {(t.subject.name, t.predicate, t.object.name if t.object else t.value.amount, t.role or None)
            for t in doc.triples}


@pytest.mark.parametrize("text, expected, absent", SENTENCES)
def test_reads_the_facts_of_unseen_sentences(text, expected, absent):
    found = kept(text)
    assert expected <= found
    assert not absent & found


def test_a_signing_in_a_lone_sentence_is_read_though_not_surely_enough_to_keep():
    # a page of one sentence names its zone once, which the model takes as weak evidence: the signing is read,
    # at 0.24 when this was written, below the threshold the folds chose (0.27)
    doc = extract(SIGNED)
    signed = [t for t in doc.triples if t.predicate == "signs"]
    assert [(t.subject.name, t.object.name) for t in signed] == [("松山湖高新区", "智能终端研发生产基地项目")]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared with the gold pages")
def test_sentences_are_unseen():
    pages = [p.read_text(encoding="utf-8") for folder in (SHARED / "corpus", SHARED / "seeds")
             for p in folder.rglob("*.txt")]
    for text, _, _ in SENTENCES:
        assert not any(text[:12] in page for page in pages), text


def test_every_entity_and_fact_has_a_confidence_of_two_places():
    doc = extract("东莞松山湖高新区签约引进智能终端研发生产基地项目，总投资20亿元。长沙高新区与湖南大学联合成立智能制造研究院。")
    assert doc.triples and doc.entities
    for thing in doc.triples + doc.entities:
        assert isinstance(thing.confidence, Decimal)
        assert Decimal(0) <= thing.confidence <= Decimal(1)
        assert thing.confidence == thing.confidence.quantize(Decimal("0.01"))


def test_a_threshold_keeps_the_facts_at_or_above_it():
    text = (SEEDS / "003_a47ea2bfe5e6e35c.txt").read_text(encoding="utf-8")
    every = extract(text).triples
    assert min(t.confidence for t in every) < default_min_confidence()     # the model says what it doubts
    for at in (Decimal("0"), default_min_confidence(), Decimal("0.5"), Decimal("0.8")):
        left = confident(extract(text), at).triples
        assert {(t.subject.name, t.predicate, t.object.name if t.object else None) for t in left} == \
            {(t.subject.name, t.predicate, t.object.name if t.object else None) for t in every if t.confidence >= at}
    assert confident(extract(text), Decimal("1.01")).triples == []


def test_relations_follow_the_schema():
    assert "holdsRole>" in allowed("Person", "Company") and "holdsRole<" not in allowed("Person", "Company")
    assert "holdsRole<" in allowed("Company", "Person")
    assert allowed("Industry", "Industry") == ("none",)
    assert "cooperatesWith<" not in allowed("Zone", "Company")      # symmetric: one direction is enough


@pytest.mark.parametrize("content", [None, b"not a zip", b""])
def test_a_missing_or_broken_model_says_so_in_one_line(tmp_path, content):
    path = tmp_path / "relations.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelError) as raised:
        RelationModel.load(path)
    message = str(raised.value)
    assert "\n" not in message and str(path) in message and "kg train" in message


def test_kg_extract_with_a_broken_relation_model_exits_with_one_line(tmp_path):
    path = tmp_path / "relations.npz"
    path.write_bytes(b"broken")
    run = subprocess.run([sys.executable, "-m", "kg.cli", "extract", "-"], input="西安高新区位于陕西省西安市。",
                         capture_output=True, text=True, env={**__import__("os").environ, "KG_RELATIONS": str(path)})
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "kg train" in run.stderr


def test_a_place_beside_a_zone_is_told_as_its_city_its_province_or_neither():
    from kg.model import Entity
    from kg.relate.candidates import _geography

    zone = Entity("潍坊高新区", "Zone")
    assert "geo=its-city|zp" in _geography(zone, Entity("潍坊市", "Place"))
    # the province its name carries, or one the page names elsewhere, which the gold seldom puts it in
    assert "geo=its-province-unnamed|pz" in _geography(Entity("山东省", "Place"), zone)
    assert "geo=its-province|zp" in _geography(Entity("潍坊高新区", "Zone", aliases={"山东潍坊高新区"}),
                                                Entity("山东省", "Place"))
    assert "level=world|zp" in _geography(zone, Entity("中国", "Place"))
    assert "geo=other|zp" in _geography(zone, Entity("苏州市", "Place"))
    assert _geography(Entity("某某科技有限公司", "Company"), zone) == []


def test_no_fact_places_a_zone_of_the_lexicon_in_another_city_or_province():
    from kg.model import Entity
    from kg.relate.candidates import Candidate, _outside

    zone = Entity("合肥高新区", "Zone")
    assert _outside(zone, Entity("武汉市", "Place")) and _outside(Entity("浙江省", "Place"), zone)
    assert not _outside(zone, Entity("合肥市", "Place")) and not _outside(zone, Entity("安徽省", "Place"))
    assert not _outside(zone, Entity("蜀山区", "Place"))            # a county: the lexicon does not say
    assert not _outside(Entity("星湖新区", "Zone"), Entity("武汉市", "Place"))     # no lexicon zone
    assert _outside(Entity("武汉东湖高新区", "Zone"), zone)                     # two zones of two cities
    assert not _outside(Entity("合肥经开区", "Zone"), zone) and not _outside(Entity("星湖新区", "Zone"), zone)
    # a zone of a city that is a province as well (天津市) lies in no other city
    assert _outside(Entity("天津滨海高新区", "Zone"), Entity("武汉市", "Place"))
    assert not _outside(Entity("天津滨海高新区", "Zone"), Entity("天津市", "Place"))
    c = Candidate(zone, Entity("武汉市", "Place"), 0, elsewhere=True)
    assert not c.stated("locatedIn>")


def test_a_body_a_clauses_end_parts_from_a_person_gives_them_no_post_unless_a_rule_read_one():
    from kg.model import Document
    from kg.pipeline import process
    from kg.relate import relate
    from kg.relate.candidates import candidates
    from kg.relate.context import Context

    doc = process(Document(id="t", raw="潍坊市委常委、潍坊高新区党工委书记王明，管委会副主任李强出席。"), until=relate)
    found = {(c.first.name, c.second.name): c for c in candidates(Context(doc), []) if c.second is not None}
    assert not found["潍坊高新区", "李强"].stated("holdsRole<")       # the person, named second, holds it
    assert found["潍坊高新区", "王明"].stated("holdsRole<")


def test_a_relation_whose_facts_no_rule_read_were_seldom_right_is_made_by_rules_alone():
    import copy

    from kg.model import Entity, Triple
    from kg.relate.candidates import Candidate
    from kg.relate.learned import relations
    from kg.train.relations import Scored, rule_only

    signs = [Scored("d", ("zone", f"project{i}", "signs>"), 0.3, i == 0) for i in range(25)]
    located = [Scored("d", (f"company{i}", "zone", "locatedIn>"), 0.3, i % 2 == 0) for i in range(25)]
    ruled = [Scored("d", ("zone", "project", "signs>"), 0.9, True, ruled=True)]
    assert rule_only(signs + located + ruled) == ["signs>", "signs<"]

    model = copy.copy(relations())      # the process's model stays as it is
    model.rule_only = frozenset({"signs>", "signs<"})
    zone, project = Entity("潍坊高新区", "Zone"), Entity("星河电子生产基地项目", "Project")
    alone = Candidate(zone, project, 0)
    assert not model.allows(alone, "signs>") and model.allows(alone, "locatedIn<")
    read = Candidate(zone, project, 0, rules={"signs>": Triple(zone, "signs", project)})
    assert model.allows(read, "signs>")


def test_a_zone_and_every_item_of_a_long_list_running_toward_it_are_candidates():
    from kg.model import Document
    from kg.pipeline import process
    from kg.relate import relate
    from kg.relate.candidates import candidates
    from kg.relate.context import Context

    items = ["星河智能装备产业园", "云帆生物医药产业园", "北辰新材料产业园", "天枢数据中心", "青禾食品加工基地",
             "南湖物流园", "东岭科技孵化器", "西岸研发中心"]
    doc = process(Document(id="t", raw="宁海高新区全面启动" + "、".join(items) + "等一批重点项目。"), until=relate)
    pairs = {(c.first.name, c.second.name) for c in candidates(Context(doc), []) if c.second is not None}
    listed = [m.name for m in doc.mentions if m.type != "Zone"]
    assert len(listed) > 7, listed      # more items than the reach, for the test to mean something
    assert all(("宁海高新区", name) in pairs for name in listed)


def _main_zone_features(text: str) -> dict[tuple[str, str], list[str]]:
    from kg.model import Document
    from kg.pipeline import process
    from kg.relate import relate
    from kg.relate.candidates import candidates
    from kg.relate.context import Context

    doc = process(Document(id="t", raw=text), until=relate)
    return {(c.first.name, c.second.name): c.features for c in candidates(Context(doc), [])
            if c.second is not None and "main-zone" in c.features}


def test_a_main_zone_candidate_says_which_bodies_stand_before_the_name_in_its_sentence():
    # the industries of a body the sentence names are seldom its article's zone's (该研究院确定微电子、新能源)
    features = _main_zone_features("宁海高新区举办产业推介会。宁海星河研究院重点发展微电子、新能源。"
                                   "今年主导产业为生物医药、集成电路。")
    assert "before=Organization|main|Zone|Industry" in features["宁海高新区", "微电子"]
    assert "before=none|main|Zone|Industry" in features["宁海高新区", "生物医药"]


def test_a_main_zone_candidate_says_whether_its_sentence_calls_a_zone_by_its_kind_alone():
    features = _main_zone_features("宁海高新区举办产业推介会。全区企业数量增长迅速，星海材料有限公司营收破亿。"
                                   "星河研究院院长张明出席。")
    assert "bare-zone=True|main|Zone|Company" in features["宁海高新区", "星海材料有限公司"]
    assert "bare-zone=False|main|Zone|Organization" in features["宁海高新区", "星河研究院"]
    assert "title-zone=True|main|Zone|Company" in features["宁海高新区", "星海材料有限公司"]   # named first


def test_a_main_zone_candidate_says_whether_its_article_names_the_zone_first_and_how_many_it_names():
    features = _main_zone_features("产业推介会昨日举行。宁海高新区负责人介绍了园区情况。星海材料有限公司营收破亿。")
    assert "title-zone=False|main|Zone|Company" in features["宁海高新区", "星海材料有限公司"]
    assert "zones=1|main|Zone|Company" in features["宁海高新区", "星海材料有限公司"]   # and names no other zone


def test_a_government_named_after_a_place_is_no_part_of_a_zone_it_does_not_name():
    from kg.model import Entity
    from kg.relate.candidates import _a_places

    zone = Entity("芜湖经开区", "Zone")
    assert _a_places(Entity("芜湖市委", "GovernmentAgency"), zone)
    assert _a_places(zone, Entity("长春市朝阳区政府", "GovernmentAgency"))
    assert not _a_places(Entity("芜湖经开区管委会", "GovernmentAgency"), zone)     # the zone's own committee
    assert not _a_places(Entity("财政局", "GovernmentAgency"), zone)
    from kg.relate.candidates import Candidate

    placed = Candidate(zone, Entity("芜湖市委", "GovernmentAgency"), 0, placed=True)
    assert not placed.stated("partOf<") and placed.stated("cooperatesWith>")


def test_a_candidate_says_what_made_each_end_and_how_often_the_page_names_it():
    from kg.model import Document
    from kg.pipeline import process
    from kg.relate import relate
    from kg.relate.candidates import candidates, entity_keys
    from kg.relate.context import Context

    doc = process(Document(id="t", raw="星海材料有限公司落户宁海高新区。星海材料有限公司营收破亿。"), until=relate)
    pair = next(c for c in candidates(Context(doc), []) if {c.first.type, c.second.type} == {"Company", "Zone"}
                and "main-zone" not in c.features)
    company = pair.first if pair.first.type == "Company" else pair.second
    assert entity_keys(company)[0].endswith("|many")                   # named twice
    ends = [f for f in pair.features if f.startswith(("end1=", "end2="))]
    assert any(f"={entity_keys(company)[0]}|" in f for f in ends), ends
    assert any(f.split("=")[1].startswith("Zone|") for f in ends), ends


def test_a_rules_cooperation_is_kept_whichever_of_its_ends_the_sentence_names_first():
    from kg.model import Document
    from kg.pipeline import process
    from kg.relate import read_by_rules, relate
    from kg.relate.candidates import candidates

    # 临江大学 stands first in the sentence, though the rule reads 宁海高新区 as the one that works with it
    doc = process(Document(id="t", raw="对接大会在临江大学举行，宁海高新区携手临江大学共建研究院。"), until=relate)
    ctx = read_by_rules(doc)
    ruled = [t for t in ctx.triples.values() if t.predicate == "cooperatesWith"]
    assert [(t.subject.name, t.object.name) for t in ruled] == [("宁海高新区", "临江大学")]
    pair = next(c for c in candidates(ctx, ruled) if "cooperatesWith>" in c.rules)
    assert pair.first.name == "临江大学" and "cooperatesWith>" in pair.labels      # a label the model can give


def test_a_set_phrase_of_the_language_in_quotes_is_a_policy_no_body_of_the_page_issues():
    doc = extract("临江高新区坚持“一国两制”，推出“五位一体”总体布局和「三步走」战略。")
    policies = {e.name for e in doc.entities if e.type == "Policy"}
    assert {"“一国两制”", "“五位一体”总体布局"} <= policies          # still policies
    assert not [t for t in doc.triples if t.predicate == "issues"]      # but the nation's, not the zone's
