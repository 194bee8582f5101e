"""A person's name ends before the word that follows it in news (王某表示, 李某出席, 张某任局长); a company's begins
before its trade and tail."""
from kg.model import Mention
from kg.pipeline import extract
from kg.recognize import _name_bounds


def _person(text: str) -> Mention:
    return Mention(text, "Person", 10, 10 + len(text), 0, source="model")


def test_a_run_over_the_word_after_a_name_ends_before_it():
    for read, name in [("陆雷出", "陆雷"), ("张东任", "张东"), ("秦健率", "秦健"), ("欧阳明表", "欧阳明")]:
        m = _name_bounds(_person(read))
        assert (m.text, m.start, m.end, m.source) == (name, 10, 10 + len(name), "model")


def test_names_that_end_in_such_characters_or_are_too_short_are_kept():
    for name in ("张永和", "谭大为", "李任", "王出"):
        assert _name_bounds(_person(name)).text == name
    company = Mention("某某及", "Company", 0, 3, 0)
    assert _name_bounds(company) is company


def test_a_name_never_runs_over_a_clauses_end():
    from kg.recognize import _last_clause
    read = Mention("某某材料科技中心；星河移动破碎机制造项目", "Project", 10, 30, 0, source="model")
    m = _last_clause(read)
    assert (m.text, m.start, m.end, m.source) == ("星河移动破碎机制造项目", 19, 30, "model")
    whole = Mention("星河移动破碎机制造项目", "Project", 0, 11, 0)
    assert _last_clause(whole) is whole


def test_a_name_never_begins_inside_a_number():
    from kg.recognize import _whole_number
    text = "建设4000万吨炼化一体化项目"
    m = _whole_number(Mention("000万吨炼化一体化项目", "Project", 3, len(text), 0, source="model"), text)
    assert (m.text, m.start, m.source) == ("4000万吨炼化一体化项目", 2, "model")
    whole = Mention("炼化一体化项目", "Project", 9, len(text), 0)
    assert _whole_number(whole, text) is whole


def test_a_company_read_as_its_trade_and_tail_alone_begins_where_its_list_item_does():
    from kg.recognize import _whole_company
    text = "签约企业包括星河股份有限公司、成都东创科技园投资有限公司和贵安新区开发投资有限公司、临江大学科技园管理有限责任公司。"
    for name, read in [("成都东创科技园投资有限公司", "投资有限公司"), ("贵安新区开发投资有限公司", "投资有限公司"),
                       ("临江大学科技园管理有限责任公司", "管理有限责任公司")]:
        end = text.index(name) + len(name)
        assert _whole_company(Mention(read, "Company", end - len(read), end, 0, source="model"), text).text == name
    whole = Mention("星河股份有限公司", "Company", 6, 14, 0)
    assert _whole_company(whole, text) is whole         # a name before the tail: the model's bounds stand


def test_what_the_model_read_inside_a_mended_name_goes():
    from kg.recognize import _outermost
    park = Mention("临江大学科技园", "Project", 0, 7, 0, source="model")
    firm = Mention("临江大学科技园管理有限责任公司", "Company", 0, 15, 0, source="model")
    after = Mention("张三", "Person", 16, 18, 0, source="model")
    assert _outermost([park, firm, after]) == [firm, after]


def test_a_registered_name_read_late_begins_after_the_words_that_lead_into_it():
    from kg.recognize import _whole_company
    for text, name in [("作为观察员,星湖海丰实业有限公司副总经理王明表示", "星湖海丰实业有限公司"),
                       ("走进诺安迈克（山东）医学科技有限公司展厅", "诺安迈克（山东）医学科技有限公司")]:
        end = text.index("有限公司") + 4
        start = text.index(name) + 2
        m = _whole_company(Mention(text[start:end], "Company", start, end, 0, source="model"), text)
        assert (m.text, m.end, m.source) == (name, end, "model")
    for text in ("园区龙头企业星河科技有限公司投资建设", "其全资子公司星河科技有限公司签约"):
        start = text.index("星河")
        read = Mention("星河科技有限公司", "Company", start, start + 8, 0)
        assert _whole_company(read, text) is read       # a kind of firm before the name is none of it
    short = Mention("中国公司", "Company", 5, 9, 0)      # no registered name: the model's bounds stand
    assert _whole_company(short, "时任SMC中国公司总裁") is short


def test_bodies_of_a_kind_in_general_name_no_body():
    from kg.recognize import _bodies_in_general
    general = ["市相关部门", "省直部门", "中央部委", "省政府各委", "地方政府", "有关部门及管理委员会", "海关", "税务"]
    particular = ["星湖市发改委", "地方金融监督管理局", "规划发展部", "市委组织部", "省经信厅", "市委", "县委"]
    assert all(_bodies_in_general(Mention(name, "GovernmentAgency", 0, len(name), 0)) for name in general)
    assert not any(_bodies_in_general(Mention(name, "GovernmentAgency", 0, len(name), 0)) for name in particular)
    assert not _bodies_in_general(Mention("市场部门", "Industry", 0, 4, 0))


def test_the_zones_of_a_level_name_no_zone():
    from kg.recognize import _bodies_in_general
    general = ["国家高新技术产业开发区", "国家级经济技术开发区", "省级开发区"]
    particular = ["星湖高新技术产业开发区", "国家级星湖新区", "高新区"]
    assert all(_bodies_in_general(Mention(name, "Zone", 0, len(name), 0)) for name in general)
    assert not any(_bodies_in_general(Mention(name, "Zone", 0, len(name), 0)) for name in particular)


def test_a_companys_subsidiary_read_as_a_name_is_the_companys_name():
    from kg.recognize import _of_subsidiary
    m = _of_subsidiary(Mention("星河药业子公司", "Company", 4, 11, 0, source="model"))
    assert (m.text, m.start, m.end) == ("星河药业", 4, 8)
    kept = Mention("子公司", "Company", 0, 3, 0)
    assert _of_subsidiary(kept) is kept


def test_a_name_read_short_of_a_rare_last_character_before_a_comma_is_whole():
    from kg.recognize import _whole_given_name
    text = "副局长周文炜，总经理李海说，主任陈平和王强出席。"
    m = _whole_given_name(Mention("周文", "Person", 3, 5, 0, source="model"), text)
    assert (m.text, m.end) == ("周文炜", 6)
    for name in ("李海", "陈平"):        # 说 and 和 are words, not a name's last character
        start = text.index(name)
        read = Mention(name, "Person", start, start + 2, 0, source="model")
        assert _whole_given_name(read, text) is read


def test_a_name_begun_inside_a_common_word_is_a_piece_of_a_longer_run():
    from kg.model import Document
    from kg.pipeline import process
    from kg.recognize import _begins_in_a_word, recognise

    def begins_inside(text, name, kind):
        doc = process(Document(id="t", raw=text), until=recognise)
        at = doc.text.index(name)
        return _begins_in_a_word(Mention(name, kind, at, at + len(name), 0, source="model"), doc)

    assert begins_inside("园区规划建设千万平方米综合产业园区。", "米综合产业园区", "Zone")
    assert begins_inside("园区共谋划星海集团科技新城产业园。", "划星海集团", "Company")
    assert not begins_inside("园区规划建设千万平方米综合产业园区。", "综合产业园区", "Zone")
    assert not begins_inside("他现任中共天津市委常委。", "天津市委", "GovernmentAgency")    # inside a name


def test_names_in_quotes_side_by_side_are_each_a_name():
    from kg.recognize import _quoted_apart
    read = Mention("“星河研究中心贵州分中心”“星河大数据产业园”、“星河西南中心”", "Project", 5, 38, 2, source="model")
    parts = _quoted_apart(read)
    assert [(p.text, p.type, p.sentence, p.source) for p in parts] == [
        ("星河研究中心贵州分中心", "Project", 2, "model"), ("星河大数据产业园", "Project", 2, "model"),
        ("星河西南中心", "Project", 2, "model")]
    assert [read.text[p.start - 5:p.end - 5] for p in parts] == [p.text for p in parts]
    for one in ("“星河大数据产业园”", "星河“国际客厅”", "“星河”大数据产业园"):
        m = Mention(one, "Project", 0, len(one), 0)
        assert _quoted_apart(m) == [m]


def test_a_zone_before_a_body_with_only_words_of_what_it_does_between_begins_its_name():
    from kg.recognize import _bodies_with_their_zone
    from one_sentence import one_sentence_page, read_at

    text = "星湖高新区行政审批服务局走访企业，星湖高新区联合市场监管局检查，星湖高新区经济发展局出席"
    page = one_sentence_page(text)
    read = [read_at(text, "星湖高新区", "Zone"), read_at(text, "服务局", "GovernmentAgency")]
    assert [(m.text, m.type, m.start) for m in _bodies_with_their_zone(page, read)] == [
        ("星湖高新区行政审批服务局", "GovernmentAgency", 0)]
    at = text.index("星湖高新区联合")
    zone = Mention("星湖高新区", "Zone", at, at + 5, 0)
    read = [zone, read_at(text, "市场监管局", "GovernmentAgency")]
    assert [m.text for m in _bodies_with_their_zone(page, read)] == ["星湖高新区", "市场监管局"]   # 联合: a clause
    at = text.index("星湖高新区经济")
    read = [Mention("星湖高新区", "Zone", at, at + 5, 0), read_at(text, "经济发展局", "GovernmentAgency")]
    assert [m.text for m in _bodies_with_their_zone(page, read)] == ["星湖高新区经济发展局"]


def test_a_bodys_name_never_holds_a_verb_of_a_clause():
    from kg.recognize import _before_a_verb
    read = Mention("星湖学院共建研究院", "Organization", 3, 12, 0, source="model")
    m = _before_a_verb(read)
    assert (m.text, m.start, m.end, m.source) == ("星湖学院", 3, 7, "model")
    for name in ("中国建设银行", "星湖国际经济合作区管委会"):     # 建设, 合作: words names hold
        body = Mention(name, "Organization", 0, len(name), 0)
        assert _before_a_verb(body) is body


def test_an_industrys_name_never_holds_the_count_that_ends_its_list():
    from kg.recognize import _before_a_count
    read = Mention("食品医药6条制造业", "Industry", 20, 29, 0, source="model")     # …、食品医药6条制造业重点产业链
    m = _before_a_count(read)
    assert (m.text, m.start, m.end, m.source) == ("食品医药", 20, 24, "model")
    for name, type_ in (("第三代半导体", "Industry"), ("5G通信", "Industry"), ("十大工程项目", "Project")):
        kept = Mention(name, type_, 0, len(name), 0)
        assert _before_a_count(kept) is kept


def test_a_zones_name_never_begins_inside_its_kind():
    from kg.recognize import _whole_kind
    text = "星湖经开区（星河区）区委书记"
    m = _whole_kind(Mention("开区（星河区）", "Zone", 3, 10, 0, source="model"), text)
    assert (m.text, m.start, m.source) == ("经开区（星河区）", 2, "model")
    kind = Mention("新区", "Zone", 3, 5, 0)              # 新区 is a kind of its own, as well as the end of 高新区
    assert _whole_kind(kind, "星湖高新区") is kind


def test_a_place_and_the_verb_of_its_clause_are_no_bodys_nor_projects_name():
    from kg.recognize import _a_place_doing
    for read, kind in [("临江市优化", "GovernmentAgency"), ("长春市朝阳区组织", "GovernmentAgency"),
                       ("潍坊高新区积极推进", "Organization"), ("桂林市七星区还", "Project")]:
        assert _a_place_doing(Mention(read, kind, 0, len(read), 0, source="model"))
    for name, kind in [("临江市政府", "GovernmentAgency"), ("潍坊高新区管委会", "GovernmentAgency"),
                       ("临江市优化营商环境服务中心", "Organization"), ("临江市", "Place"), ("星河组织", "Organization"),
                       ("临江市星河产业园", "Project")]:
        assert not _a_place_doing(Mention(name, kind, 0, len(name), 0, source="model"))


def test_a_projects_name_never_holds_the_verb_of_a_clause():
    from kg.recognize import _project_beside_a_verb
    cases = [("星海炼化以星河新材料项目", "星河新材料项目", 5),          # the project follows the verb
             ("星湖科创谷全力发展", "星湖科创谷", 0),                   # no name after it
             ("星湖中小企业孵化园是利用星湖机械厂", "星湖中小企业孵化园", 0)]   # a park's name before it
    for read, name, start in cases:
        m = _project_beside_a_verb(Mention(read, "Project", 10, 10 + len(read), 0, source="model"))
        assert (m.text, m.start, m.end, m.source) == (name, 10 + start, 10 + start + len(name), "model")
    project = Mention("星湖再生资源回收利用项目", "Project", 0, 12, 0)        # 利用: a word names hold
    assert _project_beside_a_verb(project) is project


def test_a_body_and_its_partner_read_as_one_name_are_the_partner():
    from kg.recognize import _partner_apart
    m = _partner_apart(Mention("星河控股与黔江区政府", "GovernmentAgency", 0, 10, 0, source="model"))
    assert (m.text, m.start, m.end, m.type) == ("黔江区政府", 5, 10, "GovernmentAgency")
    # a place before the 与: 某市与某大学签署合作协议
    m = _partner_apart(Mention("资阳市与星河理工大学", "Organization", 0, 10, 0))
    assert m.text == "星河理工大学"
    # a body that joins two fields with 与 is one name
    field = Mention("星河大学材料科学与工程研究院", "Organization", 0, 14, 0)
    assert _partner_apart(field) is field


def test_a_name_the_model_reads_holds_its_quotes_whole():
    from kg.recognize.brackets import quoted_whole

    def mend(page, read, kind="Project"):
        at = page.index(read)
        m = quoted_whole(Mention(read, kind, at, at + len(read), 0, source="model"), page)
        return m.text, m.start, m.end

    page = "作为“星河汽车城”汽车零部件产业重要区域，「星湖光谷」国际博览会与星湖“药谷”建设。"
    assert mend(page, "星河汽车城”汽车零部件产业") == ("星河汽车城", 3, 8)           # the name within the quotes
    assert mend(page, "星湖光谷」国际博览会", "Organization")[0] == "星湖光谷"
    assert mend(page, "星湖“药谷")[0] == "星湖“药谷”"                                # ended before its closing quote
    whole = Mention("星湖“药谷”", "Project", page.index("星湖“药谷”"), page.index("星湖“药谷”") + 6, 0)
    assert quoted_whole(whole, page) is whole


def test_a_government_body_ends_as_a_bodys_name_does():
    from kg.recognize import _no_agency

    def agency(name):
        return Mention(name, "GovernmentAgency", 0, len(name), 0, source="model")

    for phrase in ("公共财政", "海关监管", "星河战区陆军", "中国前驻星河国大使", "星湖新区（新市区）独立法人"):
        assert _no_agency(agency(phrase)), phrase
    for body in ("星湖市发展和改革委员会", "星湖省科技厅", "海关总署", "星湖市政协", "国务院", "星湖高新区管委",
                 "星湖区人大", "星湖市招商局"):
        assert not _no_agency(agency(body)), body
    assert not _no_agency(Mention("公共财政", "Policy", 0, 4, 0))       # only a body of government is looked at


def test_a_common_word_or_a_place_and_gongsi_is_no_firms_name():
    from kg.recognize import _firm_of_a_kind

    def company(name):
        return Mention(name, "Company", 0, len(name), 0, source="model")

    for kind in ("贸易公司", "招商公司", "深圳公司"):
        assert _firm_of_a_kind(company(kind)), kind
    for firm in ("星湖公司", "星湖贸易公司", "时尚集团", "科技有限公司"):
        assert not _firm_of_a_kind(company(firm)), firm


def test_a_firm_named_after_its_parent_is_two_firms_and_part_of_it():
    from kg.recognize import _parent_apart

    page = "恒星医药子公司星海生物医药有限公司自主研发的新药获批。"
    read = Mention("恒星医药子公司星海生物医药有限公司", "Company", 0, 17, 0, source="model")
    assert [(m.text, m.start, m.end) for m in _parent_apart(read)] == \
        [("恒星医药", 0, 4), ("星海生物医药有限公司", 7, 17)]
    assert _parent_apart(Mention("星河集团旗下公司", "Company", 0, 8, 0)) == [Mention("星河集团旗下公司", "Company", 0, 8, 0)]
    doc = extract(page)
    assert {e.name for e in doc.entities if e.type == "Company"} == {"恒星医药", "星海生物医药有限公司"}
    assert ("星海生物医药有限公司", "partOf", "恒星医药") in {(t.subject.name, t.predicate, t.object.name)
                                                         for t in doc.triples}


def test_a_party_committee_named_with_zhonggong_keeps_it():
    from kg.recognize import _whole_party
    text = "本次活动由中共江南省委、江南省人民政府主办。"
    late = Mention("江南省委", "GovernmentAgency", 7, 11, 0, source="model")
    assert _whole_party(late, text).text == "中共江南省委"
    government = Mention("江南省人民政府", "GovernmentAgency", 12, 19, 0, source="model")
    assert _whole_party(government, text) is government        # no party's committee


def test_a_body_named_by_common_words_and_its_tail_ends_the_name_read_before_it():
    from kg.recognize import _with_their_fronts
    front = Mention("星海半导体", "Company", 2, 7, 0, source="model")
    body = Mention("行业协会", "Organization", 7, 11, 0, source="model")
    assert [(m.text, m.type, m.start) for m in _with_their_fronts([front, body])] == \
        [("星海半导体行业协会", "Organization", 2)]
    named = Mention("星海研究院", "Organization", 7, 12, 0, source="model")      # a name of its own stays apart
    assert _with_their_fronts([front, named]) == [front, named]
    apart = Mention("行业协会", "Organization", 8, 12, 0, source="model")       # not right after it
    assert _with_their_fronts([front, apart]) == [front, apart]


def test_a_zone_read_with_the_party_before_it_is_what_follows():
    from kg.recognize import _zone_after_party
    read = Mention("任中共星海经济技术开发区", "Zone", 2, 14, 0, source="model")
    m = _zone_after_party(read)
    assert (m.text, m.start, m.end) == ("星海经济技术开发区", 5, 14)
    committee = Mention("中共星海经济技术开发区工委", "GovernmentAgency", 0, 13, 0, source="model")
    assert _zone_after_party(committee) is committee      # the committee is named with 中共


def test_a_body_whose_first_name_is_common_words_and_a_tail_ends_the_name_before_it():
    from kg.recognize import _with_their_fronts
    front = Mention("星海总局", "GovernmentAgency", 0, 4, 0, source="model")
    unit = Mention("信息研究院东川研发中心", "Organization", 4, 15, 0, source="model")
    assert [(m.text, m.type) for m in _with_their_fronts([front, unit])] == \
        [("星海总局信息研究院东川研发中心", "Organization")]


def test_a_centre_named_after_a_research_body_or_a_university_is_an_organisation():
    from kg.recognize import _unit_of_an_institution

    def typed(name, read):
        return _unit_of_an_institution(Mention(name, read, 0, len(name), 0, source="model")).type

    assert typed("星海电子集团第十研究所东川研发中心", "Project") == "Organization"
    assert typed("东川大学新材料工程中心", "GovernmentAgency") == "Organization"
    assert typed("中国林科院东川综合试验中心", "GovernmentAgency") == "Organization"      # an academy's short name
    assert typed("星海电子东川研发中心", "Project") == "Project"        # a firm's centre is no institution's
    assert typed("东川市政务服务中心", "GovernmentAgency") == "GovernmentAgency"


def test_a_firm_named_after_its_parent_is_two_firms_when_the_model_cut_it_at_its_bracket(monkeypatch):
    import kg.recognize as recognize

    text = "空客与中航星飞旗下星飞国际航空制造（天津）有限公司正式合作。"
    cut = text.index("（") + 1      # the model read 中航星飞旗下星飞国际航空制造（ as a project, the rest as a firm
    read = [Mention(text[3:cut], "Project", 3, cut, 0, source="model"),
            Mention(text[cut:text.index("正")], "Company", cut, text.index("正"), 0, source="model")]
    monkeypatch.setattr(recognize.learned, "find", lambda sentences: read)
    companies = {e.name for e in extract(text).entities if e.type == "Company"}
    assert companies == {"中航星飞", "星飞国际航空制造（天津）有限公司"}
