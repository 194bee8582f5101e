"""Short names, abbreviations, coreference and a zone's city."""
from pathlib import Path

import pytest

from kg.model import Entity
from kg.pipeline import extract
from kg.recognize.short_forms import is_short_form
from kg.resolve import (_Candidates, _family, _merge_cut_names, _merge_short_forms, _same_policy, _same_project,
                        carried_places, zone_city, zone_record)


@pytest.mark.parametrize("short, long", [
    ("北京器检院", "北京市医疗器械检验研究院"),
    ("天瑞重工", "山东天瑞重工有限公司"),
    ("诺一迈尔", "诺一迈尔（山东）医学科技有限公司"),
    ("武汉星科集团", "武汉星科国有控股集团有限公司"),       # the words before 集团 left out
    ("城关区政府", "城关区人民政府"),                       # the same kind of body, shortened
])
def test_short_forms(short, long):
    assert is_short_form(short, long)


@pytest.mark.parametrize("short, long", [
    ("北京市", "北京航空航天大学"),
    ("中国工程院", "中国科学院"),
    ("星湖学院", "星湖学院G60产业与创新研究院"),       # the body it belongs to, named whole
    ("星湖市委", "星湖市委组织部"),
    ("陕星集团", "陕星新疆汽车有限公司"),                 # a firm of the group, no group
    ("星科集团", "武汉星科国有控股集团有限公司"),
    ("潍坊大学", "潍坊星河理工大学"),                   # a place and a kind: a name of its own
    ("潍坊银行", "潍坊银行城关支行"),                   # the bank a branch belongs to
    ("星河", "星河天津公司"),                           # the firm whose arm in a city the longer name is
])
def test_not_short_forms(short, long):
    assert not is_short_form(short, long)


@pytest.mark.parametrize("zone, city", [("潍坊高新区", "潍坊市"), ("江阴高新区", "江阴市"),
                                        ("西部（重庆）科学城", "重庆市"), ("天津滨海高新区", "天津市")])
def test_zone_city(zone, city):
    assert zone_city(zone) == city


def test_该企业_takes_the_name_of_the_company_before_it():
    doc = extract("健民集团叶开泰国药（随州）有限公司成为国家高新技术企业。该企业董事长布忠江表示，将扩大生产规模。")
    roles = [(t.subject.name, t.object.name, t.role) for t in doc.triples if t.predicate == "holdsRole"]
    assert ("布忠江", "健民集团叶开泰国药（随州）有限公司", "董事长") in roles


def test_我校_of_a_universitys_news_is_the_university_named_before_it():
    doc = extract("星湖学院与星湖经开区签署合作协议。经开区管委会副主任朱海荣，我校党委书记黄文华、副校长胡志云出席。")
    school = doc.entity("星湖学院", "Organization")
    assert school is not None and len(school.mentions) == 2
    roles = {(t.subject.name, t.object.name, t.role) for t in doc.triples if t.predicate == "holdsRole"}
    assert {("黄文华", "星湖学院", "党委书记"), ("胡志云", "星湖学院", "副校长")} <= roles
    alone = extract("我校党委书记黄文华出席。")         # no university named: 我校 names none
    assert all(e.type != "Organization" for e in alone.entities)


def test_我校_named_before_the_university_is_the_one_at_the_head_of_its_bodys_name():
    doc = extract("我校与星湖经开区共建星湖学院智能制造产业研究院。我校党委书记黄文华、副校长胡志云出席签约仪式。")
    roles = {(t.subject.name, t.object.name, t.role) for t in doc.triples if t.predicate == "holdsRole"}
    assert {("黄文华", "星湖学院", "党委书记"), ("胡志云", "星湖学院", "副校长")} <= roles


def test_a_bare_研究院_opening_a_clause_is_the_institute_the_page_named():
    doc = extract("星河大学与临江新区共建星河交叉科学创新研究院。根据合作协议，研究院将重点围绕科学仪器、医疗器械等方向开展研发。")
    institute = doc.entity("星河交叉科学创新研究院", "Organization")
    assert institute is not None and len(institute.mentions) == 2 and "研究院" not in institute.aliases
    fields = {t.object.name for t in doc.triples if t.predicate == "focusesOn" and t.subject is institute}
    assert fields == {"科学仪器", "医疗器械"}


def test_the_bare_公司_of_an_announcement_is_the_company_that_announces():
    doc = extract("星帆科技（300999）晚间公告，公司于近日与东湖高新区管委会签署项目合作协议。")
    company = doc.entity("星帆科技", "Company")
    assert company is not None and len(company.mentions) == 2 and "公司" not in company.aliases
    partners = {(t.subject.name, t.object.name) for t in doc.triples if t.predicate == "cooperatesWith"}
    assert ("星帆科技", "东湖高新区管委会") in partners


def test_an_announcement_that_calls_its_firm_公司_means_the_firm_wherever_it_says_公司():
    doc = extract("星帆科技股份有限公司（以下简称“公司”）拟在临江高新区建设新项目。根据公司业务发展需要，为提升"
                  "密封系统及传动系统产品的生产能力，公司将扩建厂房。其子公司不参与。")
    company = doc.entity("星帆科技股份有限公司", "Company")
    assert company is not None and len(company.mentions) == 3      # 子公司 is another firm's word
    assert "公司" not in company.aliases


def test_abbreviation_becomes_an_alias():
    doc = extract("北京市医疗器械检验研究院在海口举办交流会。据了解，北京器检院是全国十大综合性医疗器械检验机构之一。")
    org = doc.entity("北京市医疗器械检验研究院", "Organization")
    assert org is not None and "北京器检院" in org.aliases


def test_same_entity_same_id_on_every_run():
    a = extract("潍坊高新区集中开工重点项目。").entity("潍坊高新区").id
    b = extract("这是潍坊高新区。").entity("潍坊高新区").id
    assert a == b


SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def test_the_candidates_of_a_short_form_hold_every_name_it_is_short_for():
    # the names the seeds' pages yield, with the short forms the test cases above name
    names: dict[str, set[str]] = {}
    for page in SEEDS:
        for m in extract(page.read_text(encoding="utf-8")).mentions:
            names.setdefault(_family(m.type), set()).add(m.name)
    names["org"] |= {"北京器检院", "北京市医疗器械检验研究院", "天瑞重工", "山东天瑞重工有限公司", "诺一迈尔", "诺一迈尔（山东）医学科技有限公司"}
    names["Policy"] |= {"“遍访企业”", "“遍访企业”行动", "就业见习计划", "高校毕业生就业见习计划", "双招双引", "“双招双引”行动"}
    pairs = 0
    for family, found in names.items():
        members = [Entity(name, "Company" if family == "org" else family) for name in sorted(found)]
        candidates = _Candidates(family, members)
        for short in members:
            same = {"org": is_short_form, "Policy": _same_policy, "Project": _same_project}.get(family, is_short_form)
            expected = [e.name for e in members if e is not short and same(short.name, e.name)]
            assert [e.name for e in candidates.of(short.name) if e.name in expected] == expected
            pairs += len(expected)
    assert pairs >= 4


def test_a_government_body_carries_the_places_it_is_named_after_and_one_named_after_a_zone_none():
    assert carried_places(Entity("天津市宝坻区政府", "GovernmentAgency")) == ["天津市", "宝坻区"]
    assert carried_places(Entity("贵州省委", "GovernmentAgency")) == ["贵州省"]
    assert carried_places(Entity("中共贵州省委", "GovernmentAgency")) == ["贵州省"]     # the party's, named with 中共
    assert carried_places(Entity("潍坊高新区经济发展局", "GovernmentAgency")) == []
    assert carried_places(Entity("国家发展和改革委员会", "GovernmentAgency")) == []
    assert carried_places(Entity("潍坊市某某机械有限公司", "Company")) == []


@pytest.mark.parametrize("zone, places", [
    ("天津市滨海新区", ["天津市"]), ("滨海新区", ["天津市"]),         # a district's name is the zone: in its city
    ("绍兴滨海新区", ["绍兴市"]),                                  # not Tianjin's 滨海新区
    ("上海浦东新区", ["上海市"]), ("潍坊高新区", ["潍坊市"]),
    ("安化经开区", ["安化县"]), ("南京浦口经济开发区", ["南京市", "浦口区"]),   # a county by its stem, before a tail
    ("天津滨海高新区", ["天津市"]), ("武汉东湖高新区", ["武汉市"]),              # not Jiangsu's 滨海县, Nanchang's 东湖区
    ("黔西南高新技术产业开发区", ["黔西南布依族苗族自治州"])])      # an autonomous prefecture by its stem
def test_a_zone_lies_in_the_places_its_name_carries(zone, places):
    assert carried_places(Entity(zone, "Zone")) == places


@pytest.mark.parametrize("name, official", [
    ("武汉东湖高新区", "武汉东湖新技术开发区"), ("中国光谷", "武汉东湖新技术开发区"),
    ("湖北省武汉市东湖高新区", "武汉东湖新技术开发区"), ("贵阳国家高新区", "贵阳高新技术产业开发区"),
    ("襄阳市高新区", "襄阳高新技术产业开发区"), ("襄阳高新技术开发区", "襄阳高新技术产业开发区"),
    ("安徽芜湖经济技术开发区", "芜湖经济技术开发区"), ("某某高新区", ""),
    ("乌鲁木齐经济技术开发区（头屯河区）", "乌鲁木齐经济技术开发区"),     # the district it is run with
    ("襄阳高新区·樊城区", "襄阳高新技术产业开发区"),
    ("齐齐哈尔市高新区", "齐齐哈尔高新技术产业开发区")])       # a city of more than two characters, with 市
def test_the_forms_news_gives_a_zone_lead_to_its_lexicon_record(name, official):
    assert zone_record(name) == official


def test_a_bodys_name_names_the_zone_after_the_broader_places_before_it():
    from kg.resolve import zone_in_name

    assert zone_in_name("湖南株洲醴陵高新区创业服务中心") == zone_in_name("醴陵高新区创业服务中心") == "醴陵高新区"
    assert zone_in_name("湖南株洲某某有限公司") == ""


def test_the_names_of_one_zone_and_of_its_committee_are_one_entity_each():
    doc = extract("近日，武汉东湖高新区举行签约仪式，东湖高新区管委会主任出席。湖北省武汉市东湖高新区党工委书记、"
                  "管委会主任张三表示，中国光谷将加快发展。")
    zones = [e for e in doc.entities if e.type == "Zone"]
    assert [e.name for e in zones] == ["东湖高新区"]       # as the lexicon names it
    assert {"武汉东湖高新区", "中国光谷"} <= zones[0].aliases
    assert [e.name for e in doc.entities if e.type == "GovernmentAgency"] == ["东湖高新区管委会"]


def test_a_lexicon_zone_takes_the_lexicons_name_so_that_pages_naming_it_differently_meet_in_one_node():
    from kg.graph.merge import merge

    pages = [extract("湖南长沙高新区新签约项目12个，总投资50亿元。", "a"), extract("长沙高新区举行招商推介会。", "b"),
             extract("中国光谷新签约项目8个。", "c"), extract("武汉东湖新技术开发区管委会举行推介会。", "d")]
    zones = {n.name: n.aliases for n in merge(pages).nodes.values() if n.type == "Zone"}
    assert set(zones) == {"长沙高新区", "东湖高新区"}
    assert "湖南长沙高新区" in zones["长沙高新区"] and "中国光谷" in zones["东湖高新区"]
    bodies = [e.name for page in pages for e in page.entities if e.type == "GovernmentAgency"]
    assert bodies == ["东湖高新区管委会"]          # a body named after the zone, with the zone as the lexicon names it
    academies = [e.name for e in extract("中科院派驻团队。", "e").entities if e.type == "Organization"]
    assert academies == ["中国科学院"]              # a national academy by its official name (academies.txt)
    # a zone of another city whose name ends as a lexicon zone's is not that zone
    assert [e.name for e in extract("绍兴滨海新区新签约项目12个。").entities if e.type == "Zone"] == ["绍兴滨海新区"]


def test_a_body_named_by_its_level_alone_is_the_one_named_with_its_place():
    doc = extract("安徽省委高度重视开发区建设。省委主要负责同志表示支持。长春市朝阳区政府与企业签约，区政府负责人出席。")
    assert "省委" in doc.entity("安徽省委", "GovernmentAgency").aliases
    assert "区政府" in doc.entity("长春市朝阳区政府", "GovernmentAgency").aliases


def test_a_body_named_with_its_front_cut_off_is_the_body_whose_name_it_ends():
    names = [("Company", "星海海川电机公司"), ("Company", "海川电机公司"), ("Company", "临江发展集团"),
             ("Company", "蓝田发展集团"), ("Company", "发展集团"), ("GovernmentAgency", "国家科技部"),
             ("GovernmentAgency", "科技部")]
    entities = {(t, n): Entity(n, t) for t, n in names}
    _merge_cut_names(entities)
    assert entities[("Company", "星海海川电机公司")].aliases == {"海川电机公司"}
    # 发展集团 ends two names, and 科技部 is too short to tell: each stays an entity of its own
    assert set(entities) == set(names) - {("Company", "海川电机公司")}


def test_a_body_named_with_its_front_cut_off_is_the_body_one_of_whose_names_it_ends():
    full = Entity("临江高新技术产业开发区管委会", "GovernmentAgency")
    full.aliases.add("临江高开区管委会")
    entities = {("GovernmentAgency", full.name): full,
                ("GovernmentAgency", "高开区管委会"): Entity("高开区管委会", "GovernmentAgency")}
    _merge_cut_names(entities)
    assert list(entities) == [("GovernmentAgency", full.name)]
    assert full.aliases == {"临江高开区管委会", "高开区管委会"}


def test_a_peoples_government_is_the_government_named_by_its_level():
    doc = extract("青海省人民政府印发实施意见。省政府要求各地抓好落实。")
    assert "省政府" in doc.entity("青海省人民政府", "GovernmentAgency").aliases


def test_a_quoted_slogan_and_its_campaign_are_one_policy():
    assert _same_policy("双招双引", "“双招双引”行动") and _same_policy("“双招双引”", "“双招双引”行动")


def test_a_project_named_with_and_without_xiangmu_is_one():
    assert _same_project("星辰电子智能传感器生产基地", "星辰电子智能传感器生产基地项目")
    assert _same_project("星辰电子智能传感器生产基地项目", "星辰电子智能传感器生产基地")
    assert not _same_project("星辰电子智能传感器生产基地项目", "星辰电子智能传感器生产基地项目")
    assert not _same_project("传感器项目", "传感器")


def test_a_company_named_without_its_one_trade_word_is_the_company():
    names = [("Company", "星跃医疗"), ("Company", "星跃"), ("Company", "蓝田药业有限公司"), ("Company", "蓝田"),
             ("Industry", "新能源汽车"), ("Industry", "新能源")]
    entities = {(t, n): Entity(n, t) for t, n in names}
    _merge_short_forms(entities)
    assert entities[("Company", "星跃医疗")].aliases == {"星跃"}
    assert entities[("Company", "蓝田药业有限公司")].aliases == {"蓝田"}
    assert ("Industry", "新能源") in entities        # an industry is no firm: 新能源 stays an industry of its own


def test_a_project_named_without_its_company_in_front_is_the_one_whose_name_it_ends():
    assert _same_project("新型材料项目", "星海集团新型材料项目")          # its core four characters
    assert not _same_project("材料项目", "星海集团新型材料项目")          # two: any project's
    assert not _same_project("新型材料项目", "新型材料项目二期")


def test_a_project_named_again_with_words_left_out_is_one():
    assert _same_project("星导新材料产业园", "星导（昆明）新材料科技产业园")
    assert _same_project("金星国际医药产业园项目", "金星药业国际医药产业园")
    assert not _same_project("星导新材料产业园", "海川（昆明）新材料科技产业园")     # another firm's
    assert not _same_project("智能制造园", "智能装备制造园")                          # five characters say little
    assert _same_project("“一站式”星河维修基地", "全球一站式星河维修基地")            # quotation marks aside


def test_a_project_named_by_its_builder_and_xiangmu_is_the_builders_one_project():
    names = [("Project", "欧星光项目"), ("Project", "欧星光光学光电产业园项目"), ("Project", "华川星项目"),
             ("Project", "华川星研发中心"), ("Project", "华川星生产基地")]
    entities = {(t, n): Entity(n, t) for t, n in names}
    _merge_short_forms(entities)
    assert entities[("Project", "欧星光光学光电产业园项目")].aliases == {"欧星光项目"}
    assert ("Project", "华川星项目") in entities          # two projects of 华川星: which, the page does not say


def test_a_government_body_is_known_by_its_shorter_names_too():
    from kg.resolve import _inner_names

    assert _inner_names(Entity("中共湖南省委", "GovernmentAgency")) == {"湖南省委"}
    assert _inner_names(Entity("深圳市宝安区委", "GovernmentAgency")) == {"宝安区委"}
    assert "东湖高新区管委会" in _inner_names(Entity("湖北省武汉市东湖高新区管委会", "GovernmentAgency"))
    assert _inner_names(Entity("潍坊高新区科技局", "GovernmentAgency")) == set()
    assert _inner_names(Entity("深圳市宝安区投资有限公司", "Company")) == set()
    doc = extract("深圳市宝安区委书记张明出席活动。")
    assert "宝安区委" in next(e for e in doc.entities if e.name == "深圳市宝安区委").aliases


@pytest.mark.parametrize("text", [
    "为贯彻落实《关于推动园区高质量发展的若干意见》（宁政发〔2023〕12号），制定本方案。按宁政发〔2023〕12号要求执行。",
    "宁政发〔2023〕12号《关于推动园区高质量发展的若干意见》印发。按宁政发〔2023〕12号要求执行。",
])
def test_a_documents_number_beside_its_title_names_the_same_policy(text):
    from kg.model import Document, Mention
    from kg.pipeline import process
    from kg.resolve import resolve

    doc = process(Document(id="text", raw=text), until=resolve)
    doc.mentions = sorted((Mention(name, "Policy", at, at + len(name), s.index) for s in doc.sentences
                           for name in ("《关于推动园区高质量发展的若干意见》", "宁政发〔2023〕12号")
                           for at in [s.start + k for k in range(len(s.text)) if s.text.startswith(name, k)]),
                          key=lambda m: m.start)
    policies = [e for e in resolve(doc).entities if e.type == "Policy"]
    assert [(e.name, e.aliases, len(e.mentions)) for e in policies] == [
        ("《关于推动园区高质量发展的若干意见》", {"宁政发〔2023〕12号"}, 3)]


def test_a_zone_called_by_its_first_word_and_kind_is_the_zone():
    zones = [(e.name, e.aliases) for e in extract("前海合作区发布新政。前海将吸引更多港资企业。").entities
             if e.type == "Zone"]
    assert zones == [("前海合作区", {"前海"})]


def test_a_zones_first_word_is_not_the_name_of_its_park():
    zones = {e.name: e.aliases for e in extract("中关村延庆园举办推介会。中关村将新增企业300家。").entities
             if e.type == "Zone"}
    assert zones == {"中关村延庆园": {"延庆园"}, "中关村": set()}      # the park known by its own name too


def test_a_park_the_page_names_as_a_project_too_is_that_project():
    from kg.model import Document, Mention
    from kg.resolve import resolve

    text = "星湖产业园项目签约。星湖产业园总投资20亿元。东湖高新区项目签约，东湖高新区表示欢迎。"
    spans = [("星湖产业园项目", "Project", 0), ("星湖产业园", "Zone", 10), ("东湖高新区项目", "Project", 23),
             ("东湖高新区", "Zone", 33)]
    mentions = [Mention(n, t, at, at + len(n), 0, source="model") for n, t, at in spans]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    doc = resolve(Document(id="t", raw=text, text=text, mentions=mentions))
    found = {(e.name, e.type): e for e in doc.entities}
    # a zone of the lexicon is a zone of its own, whatever project the page names after it
    assert set(found) == {("星湖产业园项目", "Project"), ("东湖高新区项目", "Project"), ("东湖高新区", "Zone")}
    project = found["星湖产业园项目", "Project"]
    assert "星湖产业园" in project.aliases and len(project.mentions) == 2
    assert all(m.type == "Project" for m in project.mentions)


def test_a_zone_named_by_its_kind_and_its_district_is_the_zone_of_that_kind():
    from kg.model import Document, Mention
    from kg.resolve import resolve

    text = "星湖经济技术开发区（星河区）举行签约。开发区（星河区）引进企业。"
    spans = [("星湖经济技术开发区（星河区）", 0), ("开发区（星河区）", 19)]
    mentions = [Mention(n, "Zone", at, at + len(n), 0, source="model") for n, at in spans]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    doc = resolve(Document(id="t", raw=text, text=text, mentions=mentions))
    assert [(e.name, len(e.mentions)) for e in doc.entities] == [("星湖经济技术开发区（星河区）", 2)]


def test_a_zone_carries_the_places_of_its_other_names_only_where_they_agree_with_its_own():
    zone = Entity("雄安新区", "Zone")
    zone.aliases.add("河北雄安新区")
    assert carried_places(zone) == ["河北省"]
    # 滨海新区 is Tianjin's in the lexicon, but the page uses it short for a zone its own name puts in 宁波市
    zone = Entity("宁波滨海新区", "Zone")
    zone.aliases.add("滨海新区")
    assert carried_places(zone) == ["宁波市"]


def test_a_zone_with_its_district_in_brackets_is_no_park_of_the_zone():
    from kg.resolve import zone_of_park
    assert zone_of_park("兰州高新区星河园区") == "兰州高新区"
    assert zone_of_park("乌鲁木齐经开区（头屯河区）") == ""


def test_the_name_a_page_says_it_calls_a_thing_by_is_one_of_its_names():
    doc = extract("星海医药自主研发的1类创新药星瑞普α注射液（商品名：艾泽星）获批上市。中国（星湖）自由贸易试验区"
                  "（以下简称“星湖自贸区”）油气全产业链对接会举行。星湖股份有限公司（以下简称“公司”）拟投资。")
    assert "艾泽星" in doc.entity("星瑞普α注射液", "Product").aliases       # a brand, not a person
    assert not any(e.name == "艾泽星" for e in doc.entities)
    assert "星湖自贸区" in doc.entity("中国（星湖）自由贸易试验区", "Zone").aliases
    assert "公司" not in doc.entity("星湖股份有限公司", "Company").aliases    # a word for its kind names none


def test_an_abbreviation_in_latin_letters_in_brackets_after_a_name_is_one_of_its_names_not_part_of_it():
    doc = extract("全球触控面板龙头企业、台湾星泓(TPK)日前宣布投资4亿美元进军临江高新区。")
    assert "TPK" in doc.entity("台湾星泓", "Company").aliases          # read whole with its brackets
    doc = extract("临江国际光学学会（ILS）在临江高新区揭牌。")
    assert "ILS" in doc.entity("临江国际光学学会", "Organization").aliases
    assert not any(e.name in ("TPK", "ILS") for e in doc.entities)
