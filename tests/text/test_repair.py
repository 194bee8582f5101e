"""Repair on the seeds' real damage: each case is a line of a seed and what it must become."""
import pytest

from kg.model import Document
from kg.text.repair import Line, repair, undouble


def repaired(seed_text: str) -> Document:
    return repair(Document(id="t", raw=seed_text))


@pytest.mark.parametrize("stem, expected", [
    # a sentence broken over PDF lines, inside a word (医疗器械 / 检验研究院)
    ("000_6c1ec9c07335c472", "近日，北京市医疗器械检验研究院（海南）服务工作站成立大会暨医疗器械检验技术交流会在海口药谷生物医药创新综合体举办。"),
    # letter-spaced text
    ("000_6c1ec9c07335c472", "同时推动海南生物医药产业蓬勃发展。"),
    # doubled heading characters
    ("001_473abfdb58def16d", "统筹推进总投资额1561亿元项目"),
    ("001_473abfdb58def16d", "“高效办成一件事”到一线问需于企"),
    # an image caption dropped in the middle of a sentence is removed and the sentence joined
    ("003_a47ea2bfe5e6e35c", "另一方面充分发挥财政资金的引领作用和社会资金的协同作用"),
    # half-width punctuation in Chinese text becomes full-width
    ("002_c1e7ce0b8b09919e", "作为济南市对外开放的主阵地、先锋军，济南高新区坚定不移地"),
    # a number split from its unit by the column
    ("001_473abfdb58def16d", "力争2024年产值超过10亿元。"),
])
def test_repairs_seed_damage(seeds, stem, expected):
    assert expected in repaired(seeds[stem]).text


@pytest.mark.parametrize("stem, absent", [
    ("001_473abfdb58def16d", "15611561"),
    ("001_473abfdb58def16d", "图片来源"),
    ("003_a47ea2bfe5e6e35c", "图片来源"),
    ("004_a30f9cb8c58a19bd", "#"),
    ("000_6c1ec9c07335c472", "推 动"),
])
def test_leaves_no_damage_behind(seeds, stem, absent):
    assert absent not in repaired(seeds[stem]).text


def test_headings_and_bylines_stay_on_lines_of_their_own(seeds):
    lines = repaired(seeds["001_473abfdb58def16d"]).text.split("\n")
    assert "冯玉诚 郑晓光" in lines
    assert "潍坊高新区：" in lines
    assert "▶ 郭雨嫣" in lines
    assert any(line.endswith("。 钟克波") for line in lines)


def test_every_character_maps_back_to_the_original(seeds):
    for stem, raw in seeds.items():
        doc = repaired(raw)
        assert len(doc.offsets) == len(doc.text) + 1
        for i, ch in enumerate(doc.text):
            if ch != "\n" and ch not in "，：；（）？！":      # punctuation is made full-width
                assert raw[doc.offsets[i]] == ch, (stem, i)
        assert doc.offsets[:-1] == sorted(doc.offsets[:-1])


def test_original_span_of_a_name_broken_over_lines(seeds):
    raw = seeds["000_6c1ec9c07335c472"]
    doc = repaired(raw)
    start = doc.text.index("北京市医疗器械检验研究院")
    a, b = doc.original_span(start, start + len("北京市医疗器械检验研究院"))
    assert raw[a:b].replace("\n", "") == "北京市医疗器械检验研究院"


def test_undouble_only_undoes_wholly_doubled_lines():
    line = lambda s: Line(s, range(len(s)))
    heading = undouble(line("北京器检院北京器检院（（海南海南））"))
    assert heading.text == "北京器检院（海南）"
    assert list(heading.offsets) == [0, 1, 2, 3, 4, 10, 12, 13, 16]
    assert undouble(line("常常来看看")).text == "常常来看看"
    assert undouble(line("常常 看看")).text == "常 看"


def test_invisible_characters_are_dropped_and_offsets_still_point_into_the_page():
    raw = "潍坊\u200b高新区经济发展局\u202e党委书记、局长韩\u2066滨\u2069说。\n\ufeff\u200d\n"
    doc = repaired(raw)
    assert doc.text == "潍坊高新区经济发展局党委书记、局长韩滨说。"      # the line of nothing visible is gone too
    start = doc.text.index("韩滨")
    s, e = doc.original_span(start, start + 2)
    assert raw[s:e] == "韩\u2066滨"


def test_a_name_split_by_a_zero_width_space_is_one_name():
    from kg.pipeline import extract
    from kg.write.jsonl import records

    raw = "潍坊\u200b高新区经济发展局党委书记、局长韩\u200d滨说。"
    found = {(r["name"], r["type"]): r["mentions"] for r in records(extract(raw)) if r["kind"] == "entity"}
    assert ("潍坊高新区经济发展局", "GovernmentAgency") in found and ("韩滨", "Person") in found
    start, end = found[("韩滨", "Person")][0]
    assert raw[start:end] == "韩\u200d滨"


def test_a_bracket_closes_as_wide_as_it_opened():
    # the code in brackets after a listed company's name sits between digits, where a comma would stay narrow
    assert repaired("星帆科技(300999)1月12日晚间公告,公司拟投资。").text.startswith("星帆科技（300999）1月12日晚间公告，")
    assert "f(x)" in repaired("函数f(x)的值。").text


def test_a_title_above_a_blank_line_is_not_joined_to_the_line_below_it():
    """A web page's paragraphs are long lines between blank lines; its title, short beside them, ends there
    though it ends in no full stop. A double-spaced PDF's column lines go on across their blank lines."""
    title, lead = "星海高新区与临江大学签署合作协议，共建研究院", "日前，星海高新区与临江大学在星海签署合作协议。"
    paragraph = ("星海高新区近日举行重点项目集中签约仪式，共签约项目十二个，总投资约八十亿元，涵盖新材料、生物医药等领域。"
                 "签约项目中，制造业项目九个，占总数的四分之三，其中多数项目计划于今年年内开工建设。")
    web = f"{title}\n\n{lead}\n\n{paragraph}\n\n{paragraph}\n"
    assert repaired(web).text.split("\n")[:2] == [title, lead]
    column = "星海高新区近日举行重点项目\n\n集中签约仪式，共签约项目十\n\n二个，总投资约八十亿元。\n"
    assert repaired(column).text == "星海高新区近日举行重点项目集中签约仪式，共签约项目十二个，总投资约八十亿元。"


def test_a_byline_or_a_documents_number_on_a_line_of_its_own_ends_the_title_above_it():
    page = "临江高新区加快培育新材料产业\n临江日报记者 王明 通讯员 李强\n近日，临江高新区召开新材料产业发展大会，发布一批支持政策。\n"
    assert repaired(page).text.split("\n")[:2] == ["临江高新区加快培育新材料产业", "临江日报记者 王明 通讯员 李强"]
    # nor does a document's number run on into a title, or a title into it
    notice = "临江市人民政府关于支持星海高新区发展的意见\n临政发〔2024〕12号\n各区人民政府，市政府各部门：\n"
    assert repaired(notice).text.split("\n")[:2] == ["临江市人民政府关于支持星海高新区发展的意见", "临政发〔2024〕12号"]
    # 记者 in a sentence that a column broke off is no byline
    column = "据介绍，今年以来该区已签约项目三十余个，\n记者从临江高新区获悉，这些项目多数已开工。\n"
    assert "\n" not in repaired(column).text
    column = "今年以来该区已签约新材料、\n人工智能等领域记者从会上\n获悉的项目三十余个。\n"
    assert "\n" not in repaired(column).text


def test_a_web_pages_original_title_and_digest_open_lines_of_their_own():
    page = "星海高新区十个项目集中签约\n原标题：星海“国际客厅”开门迎客\n导读：近日，星海高新区举行重点项目集中签约仪式，签约项目十个。\n"
    assert repaired(page).text.split("\n") == ["星海高新区十个项目集中签约", "原标题：星海“国际客厅”开门迎客",
                                              "导读：近日，星海高新区举行重点项目集中签约仪式，签约项目十个。"]
