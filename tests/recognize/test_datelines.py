"""News outlets named in datelines are organisations, whatever the model read there (ANNOTATION.md)."""
from kg.pipeline import extract
from kg.recognize.datelines import _in_sentence


def _outlets(text: str) -> list[str]:
    return [m.text for m in _in_sentence(text, 0, 0)]


def test_the_wording_of_a_dateline_says_where_the_outlet_ends():
    assert _outlets("新华网北京3月5日电（记者 张三）") == ["新华网"]
    assert _outlets("江南日报讯（通讯员 李四）近日，某某高新区举行签约仪式。") == ["江南日报"]
    assert _outlets("（东海晨报记者 王五）") == ["东海晨报"]
    assert _outlets("据西山晚报报道，项目已开工。") == ["西山晚报"]
    assert _outlets("据某某网记者了解，园区已有企业入驻。") == ["某某网"]
    assert _outlets("【东海商报网讯】3月22日上午，某地举行会议。") == ["东海商报网"]
    assert _outlets("（来源：西山晚报）") == ["西山晚报"]
    assert _outlets("(文章来源:某某网)") == ["某某网"]
    assert _outlets("（来源：《东海商报》）") == ["东海商报"]      # the paper's name in book marks
    assert _outlets("据《西山晚报》报道，项目已开工。") == ["西山晚报"]
    assert sorted(_outlets("东海日报·东海新闻网记者 王五")) == ["东海新闻网", "东海日报"]


def test_a_byline_after_xun_says_a_dateline_whatever_the_outlets_name_ends_in():
    assert _outlets("南山讯 记者陈明 有“湾区窗口”之称的前海") == ["南山"]
    assert _outlets("中国视点讯(通讯员 王磊)5月11日") == ["中国视点"]
    assert _outlets("（《东海商报》快讯中心）") == ["东海商报"]
    assert _outlets("项目现场再传喜讯 记者获悉") == []      # 喜讯 is a word: good news, no outlet


def test_the_papers_own_bylines_and_lines_of_a_column_that_only_look_like_one_are_no_outlet():
    assert _outlets("本报讯（记者 张三 通讯员 李四）") == []
    assert _outlets("（全媒体记者 王五）") == []
    assert _outlets("企业负责人告诉记者\n传来喜讯") == []


def test_an_outlet_the_model_reads_as_a_company_is_an_organisation_with_no_facts():
    doc = extract("东南网3月2日讯 近日，厦门火炬高新区与某某科技有限公司签约。")
    outlet = [e for e in doc.entities if e.name == "东南网"]
    assert [(e.type, [m.source for m in e.mentions]) for e in outlet] == [("Organization", ["dateline"])]
    assert not [t for t in doc.triples if "东南网" in (t.subject.name, t.object.name if t.object else "")]
