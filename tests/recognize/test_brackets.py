"""A name the model read short of its brackets is made whole: 某某（天津）有限公司, 某某（集团）股份有限公司."""
from one_sentence import one_sentence_page
from kg.model import Article, Document, Mention, Sentence
from kg.recognize.brackets import listed, mend


def _mended(text: str, read: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
    mentions = [Mention(name, kind, text.index(name), text.index(name) + len(name), 0, source="model")
                for name, kind in read]
    return [(m.text, m.type) for m in mend(doc, mentions)]


def test_the_two_halves_of_a_name_split_at_its_brackets_are_one_name():
    text = "由星河高新技术产业（集团）股份有限公司和海川公司共同投资"
    read = [("星河高新技术产业（集团", "Company"), ("（集团）股份有限公司", "Company"), ("海川公司", "Company")]
    assert _mended(text, read) == [("星河高新技术产业（集团）股份有限公司", "Company"), ("海川公司", "Company")]


def test_the_tail_after_the_brackets_decides_the_type_of_the_whole():
    text = "走进星辰（东海）医学科技有限公司展厅"
    read = [("星辰", "Person"), ("东海）医学科技有限公司", "Company")]
    assert _mended(text, read) == [("星辰（东海）医学科技有限公司", "Company")]


def test_with_no_mention_before_the_bracket_the_words_back_to_the_clause_are_the_front():
    text = "医药健康产业园、先锋（东海）新材料科技产业园、滇南新区"
    read = [("医药健康产业园", "Project"), ("东海）新材料科技产业园", "Project"), ("滇南新区", "Zone")]
    assert _mended(text, read)[1] == ("先锋（东海）新材料科技产业园", "Project")


def test_a_name_cut_at_its_opening_bracket_runs_on_to_the_closing_one():
    assert _mended("台湾星泓（TPK）集团宣布", [("台湾星泓（TPK", "Company")]) == [("台湾星泓（TPK）", "Company")]


def test_an_opening_bracket_with_no_closing_one_near_is_left_out():
    assert _mended("海川材料（正在筹建中的工厂将于明年投产", [("海川材料（", "Company")]) == [("海川材料", "Company")]


def test_quotation_marks_at_a_names_edge_that_pair_with_none_inside_are_left_out():
    text = "「国际光电子博览会项目，“星辰麓谷工业园”项目和产业园”"
    read = [("「国际光电子博览会项目", "Project"), ("“星辰麓谷工业园”项目", "Project"), ("产业园”", "Project")]
    assert _mended(text, read) == [("国际光电子博览会项目", "Project"), ("“星辰麓谷工业园”项目", "Project"),
                                   ("产业园", "Project")]


def test_a_closing_bracket_that_ends_the_page_with_no_opening_one_near_leaves_no_name():
    # the model read the source line's paper and its bracket (绵阳日报）) as a company: nothing follows it
    assert _mended("（文章来源：东海日报）", [("东海日报）", "Company")]) == []


def test_a_name_read_from_its_bracket_on_joins_the_name_read_before_it():
    text = "产业园由长春星瑞生物产业（集团）股份有限公司建设"
    read = [("长春星瑞生物产业", "Company"), ("（集团）股份有限公司", "Company")]
    assert _mended(text, read) == [("长春星瑞生物产业（集团）股份有限公司", "Company")]


def test_a_short_form_all_in_brackets_is_the_name_within_them_not_joined_to_the_one_before():
    text = "双方将实现资源共享。星湖区经济发展局（经发局）"
    read = [("星湖区经济发展局", "GovernmentAgency"), ("（经发局）", "GovernmentAgency")]
    assert _mended(text, read) == [("星湖区经济发展局", "GovernmentAgency"), ("经发局", "GovernmentAgency")]


def test_a_name_before_a_stock_code_is_a_listed_company():
    text = "星帆科技（300999）晚间公告，公司拟投资建设生产基地。"
    doc = one_sentence_page(text)
    assert [(m.text, m.type) for m in listed(doc, [])] == [("星帆科技", "Company")]
    read = [Mention("星帆科技", "Person", 0, 4, 0, source="model")]
    assert [(m.text, m.type, m.source) for m in listed(doc, read)] == [("星帆科技", "Company", "stock-code")]
    plain = text.replace("（300999）", "（2024）")     # a year is no stock code
    doc.text = plain
    assert listed(doc, []) == []
