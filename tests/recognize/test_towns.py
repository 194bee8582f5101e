"""Towns below a county, which no lexicon lists: named after their county, or in a list after such a town; and
counties named short in a list."""
from kg.model import Article, Document, Mention, Sentence
from kg.recognize.towns import counties, towns


def _doc(text: str) -> Document:
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
    return doc


def _towns(text: str, county: str) -> list[str]:
    doc = _doc(text)
    at = text.index(county)
    found = towns(doc, [Mention(county, "Place", at, at + len(county), 0, source="model")])
    return [m.text for m in found if m.source == "town"]


def test_the_towns_after_a_county_and_in_a_list_after_them_are_places():
    assert _towns("范围包括邻水县高滩镇、坛同镇和新桥乡的部分区域。", "邻水县") == ["高滩镇", "坛同镇", "新桥乡"]
    assert _towns("润州区城东街道办事处", "润州区") == ["城东街道"]


def test_a_towns_government_or_a_common_word_before_its_tail_is_no_town():
    assert _towns("邻水县城乡建设加快推进。", "邻水县") == []
    assert _towns("邻水县高滩镇政府组织会议。", "邻水县") == []


def test_a_town_after_a_city_is_a_place_too():
    assert _towns("该项目位于舟山市东港镇，总投资60亿元。", "舟山市") == ["东港镇"]


def _counties(text: str) -> list[tuple[str, int]]:
    return [(m.text, m.start) for m in counties(_doc(text), [])]


def test_counties_a_list_names_short_are_places_where_the_page_names_their_city():
    text = "成都市推动锦江、青羊和金牛三区协同发展。"
    assert _counties(text) == [("锦江", 5), ("青羊", 8), ("金牛", 11)]


def test_short_names_of_counties_of_a_place_the_page_does_not_name_are_left_alone():
    assert _counties("推动锦江、青羊和金牛三区协同发展。") == []
    assert _counties("成都市推动锦江新城建设。") == []       # one is no list


def test_a_listed_county_the_model_read_as_a_firm_is_the_county():
    text = "成都市推动锦江、青羊和金牛三区协同发展。"
    firm = Mention("青羊", "Company", 8, 10, 0, source="model")
    read = counties(_doc(text), [firm])
    assert [(m.text, m.type) for m in read] == [("锦江", "Place"), ("青羊", "Place"), ("金牛", "Place")]


def test_towns_a_list_names_on_their_own_are_places_the_first_where_a_word_begins():
    text = "新区下辖云岭镇、石湾镇和城北街道，面积120平方公里。"
    assert [m.text for m in towns(_doc(text), []) if m.source == "town"] == ["云岭镇", "石湾镇", "城北街道"]


def test_a_listed_town_the_model_read_as_a_person_is_the_town():
    text = "新区下辖云岭镇、石湾镇和城北街道。"
    at = text.index("石湾镇")
    read = towns(_doc(text), [Mention("石湾镇", "Person", at, at + 3, 0, source="model")])
    assert [(m.text, m.type) for m in read] == [("云岭镇", "Place"), ("石湾镇", "Place"), ("城北街道", "Place")]


def test_common_words_before_a_towns_tail_make_no_list_of_towns():
    assert towns(_doc("推进小城镇、特色小镇建设。"), []) == []
