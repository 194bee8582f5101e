"""Towns below a county, which no lexicon lists: named after their county, or in a list after such a town."""
from kg.model import Article, Document, Mention, Sentence
from kg.recognize.towns import towns


def _towns(text: str, county: str) -> list[str]:
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
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
