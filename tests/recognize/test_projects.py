"""A company's mention that 项目 follows within the clause is the front of its project's name; an industry's
that a facility's word follows (生物医药中试楼) is the front of the facility's."""
from kg.model import Mention
from kg.pipeline import extract


def _projects(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "Project"}


def test_a_company_and_what_it_builds_up_to_its_project_is_one_project_and_the_company_invests():
    doc = extract("星辰新能源科技有限公司动力锂电池生产线技改及扩能项目在东海高新区开工。")
    assert "星辰新能源科技有限公司动力锂电池生产线技改及扩能项目" in {e.name for e in doc.entities if e.type == "Project"}
    assert any(t.predicate == "investsIn" and t.subject.name == "星辰新能源科技有限公司" for t in doc.triples)


def test_a_clause_between_the_company_and_a_project_is_no_name():
    assert not any(name.startswith("星辰集团") for name in _projects("星辰集团等一批重点项目落地。"))
    assert not any(name.startswith("星辰集团") for name in _projects("星辰集团投资5亿元的触摸屏项目开工。"))
    assert not any(name.startswith("星辰集团") for name in _projects("星辰集团相关项目进展顺利。"))


def test_the_signing_that_counts_a_firms_projects_names_none_of_them():
    found = _projects("星辰集团现场签约项目2个，分别为云帆总部基地、海川新材料项目。")
    assert not any(name.startswith("星辰集团") for name in found)


def _built(text: str, industries: list[str]) -> list[tuple[str, str]]:
    """What built_for_industries makes of `industries`, read by the model where they first stand in `text`."""
    from kg.model import Document
    from kg.recognize.projects import built_for_industries

    doc = Document(id="t", raw=text)
    doc.text = text
    read = [Mention(name, "Industry", text.index(name), text.index(name) + len(name), 0) for name in industries]
    return [(m.text, m.type) for m in built_for_industries(doc, read)]


def test_an_industry_and_the_facility_built_for_it_is_one_project():
    text = "园区规划建设电子信息中试楼、生物医药产业园和综合配套用房。"      # the model stopped before the building
    assert _built(text, ["电子信息", "生物医药"]) == [("电子信息中试楼", "Project"), ("生物医药产业园", "Project")]


def test_an_industry_read_with_chanye_and_the_base_built_for_it_is_one_project():
    text = "该项目将建设新材料产业基地和电子信息产业链基地。"
    assert _built(text, ["新材料产业", "电子信息产业"]) == [("新材料产业基地", "Project"),
                                                          ("电子信息产业链基地", "Project")]


def test_a_project_of_two_facilities_joined_by_he_is_one_project():
    from kg.model import Document
    from kg.recognize.projects import joined_facilities

    text = "签约项目包括星湖生物南方基地和创新中心、云帆医药研发中心及星河科技总部。"
    doc = Document(id="t", raw=text)
    doc.text = text
    first, second = text.index("星湖生物"), text.index("云帆医药")
    read = [Mention("星湖生物南方基地", "Project", first, first + 8, 0),          # the model stopped at 和
            Mention("云帆医药研发中心", "Project", second, second + 8, 0),
            Mention("星河科技总部", "Project", text.index("星河科技"), text.index("星河科技") + 6, 0)]
    assert [m.text for m in joined_facilities(doc, read)] == ["星湖生物南方基地和创新中心", "云帆医药研发中心",
                                                            "星河科技总部"]      # 及 before another name: two


def test_the_project_an_investment_describes_is_named_from_de_to_xiangmu():
    from one_sentence import one_sentence_page, read_at
    from kg.recognize.projects import described

    text = "其中，投资19.6亿元的星湖食品深加工产业项目已开工，总投资14.85亿元的临江市政配套工程项目和投资5亿元的18个重大项目同步签约。"
    read = [read_at(text, "深加工", "Industry")]       # the model read a piece of it
    found = {(m.text, m.type) for m in described(one_sentence_page(text), read)}
    assert found == {("星湖食品深加工产业项目", "Project"), ("临江市政配套工程项目", "Project")}    # not a count


def test_a_name_in_quotes_before_xiangmu_is_a_project_and_a_slogan_or_nickname_is_not():
    found = _projects("星湖集团投资建设“高纯石英砂提纯及深加工”项目，另有“三个一批”项目和“大块头”项目。")
    assert "“高纯石英砂提纯及深加工”项目" in found
    assert not any("三个一批" in name or "大块头" in name for name in found)


def test_a_project_read_on_past_its_name_ends_at_xiangmu_and_its_phase():
    from kg.recognize.projects import ended

    def cut(text):
        return ended([Mention(text, "Project", 0, len(text), 0, source="model")])[0].text

    assert cut("星河新材料研发基地暨海川研究院项目利用自主研发催化剂") == "星河新材料研发基地暨海川研究院项目"
    assert cut("云杉智能装备产业园项目（二期）为全市重点工程") == "云杉智能装备产业园项目（二期）"
    assert cut("暨海川精细化工产业园") == "海川精细化工产业园"
    assert cut("蓝田烟辅材料项目一期工程") == "蓝田烟辅材料项目一期工程"       # the phase is the name's


def test_a_project_named_only_by_words_for_a_kind_of_project_names_none():
    from kg.recognize.projects import named

    def kept(name):
        return [m.text for m in named([Mention(name, "Project", 0, len(name), 0, source="model")])]

    for generic in ("总部项目", "研发中心", "二期工厂项目", "科技孵化器", "装备制造项目"):
        assert kept(generic) == [], generic
    for name in ("星辰集团总部项目", "东湖光电研发中心", "新能源汽车产业园项目", "国家大学科技园"):
        assert kept(name) == [name], name


def test_a_base_that_is_an_honour_a_zone_holds_is_no_project():
    from kg.model import Document
    from kg.recognize.projects import designated

    def kept(text, name):
        at = text.index(name)
        found = [Mention(name, "Project", at, at + len(name), 0, source="model")]
        return [m.text for m in designated(Document(id="t", raw=text, text=text), found)]

    assert kept("星海国家生物产业基地挂牌后，一批企业落户。", "国家生物产业基地") == []
    text = "近年来，东川高新区先后被认定为国家级的科技兴贸创新基地、光伏装备产业化基地。"
    assert kept(text, "科技兴贸创新基地") == [] and kept(text, "光伏装备产业化基地") == []
    # a base built is a project, and so is one named in a clause that awards nothing
    assert kept("星辰集团新能源汽车生产基地在东川高新区开工。", "星辰集团新能源汽车生产基地") == ["星辰集团新能源汽车生产基地"]
    assert kept("东川高新区被认定为国家级孵化器，星辰光电产业基地开工。", "星辰光电产业基地") == ["星辰光电产业基地"]
