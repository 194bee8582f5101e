"""The bodies a name is built on (ANNOTATION.md): a group's subsidiary names the group, a group's own registered
name does not."""
from kg.pipeline import extract


def _companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "Company"}


def test_a_subsidiary_names_its_group():
    assert {"健民集团", "健民集团叶开泰国药（随州）有限公司"} <= _companies("健民集团叶开泰国药（随州）有限公司正式投产。")


def test_a_groups_registered_name_is_the_group_itself():
    found = _companies("宁波拓普集团股份有限公司在湘潭经开区投资建设生产基地。拓普集团董事长表示。")
    assert "宁波拓普集团股份有限公司" in found and "宁波拓普集团" not in found


def test_a_group_named_in_brackets_before_its_legal_tail_is_the_company_itself():
    found = _companies("区政府与长春星辉工业（集团）股份有限公司签订了框架合作协议。")
    assert "长春星辉工业（集团）股份有限公司" in found
    assert not any(name.endswith("（集团") for name in found)     # no half-bracketed parent


def _zones(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "Zone"}


def test_the_committee_that_runs_a_zone_names_the_zone_though_no_lexicon_does():
    assert "星湖经开区" in _zones("星湖经开区管委会主任王明出席。")
    assert "星海综合实验区" in _zones("星海综合实验区管委会主任王明出席。")
    assert "澜经开区" in _zones("澜经开区管委会主任王明出席。")       # one character before the zone's tail
    # the short form of one lexicon zone (its city's first character and its kind) names that zone
    assert "哈尔滨经开区" in _zones("哈经开区管委会主任王明出席。")
    assert _zones("高新区管委会主任王明出席。") == set()              # the tail alone names no zone


def test_a_body_named_right_before_项目_names_a_project_it_builds():
    from kg.model import Document, Entity, Mention
    from kg.derive import derive

    text = "星河大学研究院项目开工。"
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.entities = [Entity("星河大学研究院", "Organization", mentions=[Mention("星河大学研究院", "Organization", 0, 7, 0)])]
    derived = {(e.type, e.name) for e in derive(doc).entities}
    assert {("Project", "星河大学研究院项目"), ("Organization", "星河大学研究院")} <= derived


def _facts(text: str) -> set[tuple[str, str, str]]:
    doc = extract(text)
    return {(t.subject.name, t.predicate, t.object.name) for t in doc.triples if t.object is not None}


def test_a_body_named_after_an_academys_short_name_belongs_to_the_academy():
    doc = extract("项目将推动中科院地质地球所深部资源探测成果产业转化。")
    academy = next(e for e in doc.entities if e.type == "Organization" and e.name == "中国科学院")
    assert "中科院" in academy.aliases      # one entity by either name
    assert ("中科院地质地球所", "partOf", "中国科学院") in _facts("项目将推动中科院地质地球所深部资源探测成果产业转化。")


def test_a_foreign_company_is_in_its_country_and_known_without_it():
    doc = extract("冰岛安沃泰克公司与长春新区签约。")
    company = next(e for e in doc.entities if e.type == "Company")
    assert "安沃泰克公司" in company.aliases | {company.name}
    assert any(e.type == "Place" and e.name == "冰岛" for e in doc.entities)
    assert (company.name, "locatedIn", "冰岛") in _facts("冰岛安沃泰克公司与长春新区签约。")
    assert not any(e.type == "Place" and e.name == "中国" for e in extract("中国银行与长春新区签约。").entities)


def test_a_committee_read_from_its_posts_is_named_after_its_zone_as_the_page_and_the_lexicon_name_it():
    doc = extract("武汉东湖新技术开发区党工委副书记、管委会主任夏明出席。")
    committees = [e for e in doc.entities if e.type == "GovernmentAgency"]
    assert [e.name for e in committees] == ["东湖高新区管委会"]     # the zone as the lexicon names it (lexicon_names)
    assert "武汉东湖新技术开发区管委会" in committees[0].aliases      # and as the page does
    assert ("夏明", "holdsRole", "东湖高新区管委会") in {(t.subject.name, t.predicate, t.object.name)
                                                   for t in doc.triples}


def test_a_committee_named_without_its_zone_is_the_committee_of_the_zone_the_article_is_about():
    doc = extract("金义新区与星海集团签约。新区党工委副书记、管委会常务副主任王力代表双方签约。")
    committee = next(e for e in doc.entities if e.type == "GovernmentAgency")
    assert (committee.name, committee.aliases) == ("金义新区管委会", {"管委会"})
    assert ("王力", "holdsRole", "金义新区管委会") in _facts(doc.raw)
    text = "怀柔科学城举行授牌仪式。当天，星海大学和科学城管委会、蓝田汽车公司签署了共建平台框架合作协议。"
    assert ("星海大学", "cooperatesWith", "怀柔科学城管委会") in _facts(text)


def test_a_committee_after_a_name_the_model_did_not_read_is_no_bare_committee():
    names = {e.name for e in extract("怀柔科学城举行授牌仪式。星海产业园区管委会与蓝田汽车公司签约。").entities}
    assert "怀柔科学城管委会" not in names


def test_an_academys_short_name_is_the_academys_not_its_institutes():
    from kg.recognize.short_forms import is_short_form
    assert not is_short_form("中科院", "中国科学院海西研究院")
    assert is_short_form("中科院", "中国科学院") or "中国科学院" in next(
        e for e in extract("中科院院士张三出席。").entities if e.name == "中科院").aliases


def test_a_parent_the_page_names_by_its_abbreviation_is_that_body():
    doc = extract("宁海高新区与中国科学技术大学先进技术研究院签约。中国科技大学将派出团队。")
    universities = [(e.name, e.aliases) for e in doc.entities if e.type == "Organization" and e.name.endswith("大学")]
    assert universities == [("中国科技大学", {"中国科学技术大学"})]



def _agencies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "GovernmentAgency"}


def test_a_body_or_a_document_named_after_a_body_of_the_state_council_names_it():
    assert "商务部" in _agencies("商务部国际贸易经济合作研究院与星湖高新区签署合作协议。")
    assert "国务院" in _agencies("星湖高新区认真贯彻《国务院关于推动外贸稳规模优结构的意见》。")


def test_a_bureau_of_a_zones_committee_names_the_committee():
    assert "星海新区管委会" in _agencies("在星海新区管委会航空产业发展局副局长陈明看来，产业发展势头良好。")


def test_a_subsidiary_named_after_its_group_names_the_group_not_the_word_for_subsidiary():
    found = _companies("海川医药子公司苏州海瑞生物医药有限公司研发的新药获批。")
    assert "海川医药" in found and not any(name.endswith("子公司") for name in found)


def test_a_policys_title_names_the_lexicons_zone_in_it():
    doc = extract("会议解读了《西安高新技术产业开发区促进人工智能产业发展若干措施》。")
    assert any(e.type == "Policy" for e in doc.entities)
    zone = next(e for e in doc.entities if e.type == "Zone")
    assert "西安高新技术产业开发区" in {zone.name, *zone.aliases}
    # a two-character short form inside a title is left alone: it names a place as often
    assert not any(e.type == "Zone" for e in extract("会议解读了《关于支持西安发展的若干意见》。").entities)


def test_a_banks_sub_branch_names_the_branch_it_is_one_of():
    found = _companies("中国建设银行星湖分行城南支行为企业发放贷款3000万元。")
    assert {"中国建设银行星湖分行城南支行", "中国建设银行星湖分行"} <= found


def test_a_parents_tail_ends_a_word_of_the_name():
    from kg.model import Document, Entity, Mention
    from kg.derive import derive

    def parents(name: str, type_: str = "Organization") -> set[str]:
        doc = Document(id="t", raw=name + "成立。")
        doc.text = doc.raw
        doc.entities = [Entity(name, type_, mentions=[Mention(name, type_, 0, len(name), 0)])]
        return {e.name for e in derive(doc).entities} - {name}

    assert parents("临江理工大学校企合作联盟") == {"临江理工大学"}       # 大学, not 学校 of 大学|校企
    assert parents("星海党委会集中学习小组") == set()                   # no 中学 in 集中学习
    assert parents("临江大学生创业联合会") == set()                     # nor 大学 in 大学生


def test_a_committee_read_from_its_posts_is_the_one_the_page_names_in_full():
    doc = extract("近日，星湖新区管理委员会与蓝田汽车公司签约。星湖新区党工委书记、管委会主任王力出席。")
    committees = [e for e in doc.entities if e.type == "GovernmentAgency"]
    assert [e.name for e in committees] == ["星湖新区管理委员会"]      # 管委会 is its short form
    assert "星湖新区管委会" in committees[0].aliases


def test_a_bare_committee_is_the_one_the_page_names_by_another_of_its_zones_names():
    # the page calls its zone 光谷 most often, and names the committee by the zone's longer name; the model read
    # these names as below (the shipped model reads this short page otherwise)
    from kg.derive import derive
    from kg.model import Document, Mention
    from kg.pipeline import process
    from kg.recognize import recognise
    from kg.relate import read_by_rules
    from kg.resolve import resolve
    text = "光谷企业众多，东湖高新区发展迅速。湖北省武汉市东湖高新区管委会与星河科技签约。管委会主任王明出席。"
    doc = process(Document(id="t", raw=text), until=recognise)
    read = [("光谷", "Zone"), ("东湖高新区", "Zone"), ("湖北省武汉市东湖高新区管委会", "GovernmentAgency"),
            ("星河科技", "Company"), ("王明", "Person")]
    sentence = {s.index: s for s in doc.sentences}
    doc.mentions = [Mention(name, kind, text.index(name), text.index(name) + len(name),
                            next(k for k, s in sentence.items() if s.start <= text.index(name) < s.end), source="model")
                    for name, kind in read]
    doc = derive(resolve(doc))
    assert [e.name for e in doc.entities if e.type == "GovernmentAgency"] == ["湖北省武汉市东湖高新区管委会"]
    assert ("王明", "湖北省武汉市东湖高新区管委会") in {(t.subject.name, t.object.name)
                                                  for t in read_by_rules(doc).triples.values()
                                                  if t.predicate == "holdsRole"}


def test_a_park_named_after_its_zone_is_known_by_its_own_name_too():
    entities = {e.name: e for e in extract("近日，襄阳高新区星河园区举行项目签约仪式。").entities}
    assert "星河园区" in entities["襄阳高新区星河园区"].aliases
    assert "襄阳高新区" in entities
