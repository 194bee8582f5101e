"""People's names: whole where the page gives them whole, and a byline only where it begins with a surname."""
from kg.model import Document, Mention
from kg.pipeline import process
from kg.recognize import _bylines, _whole_names, recognise


def _page(text: str) -> Document:
    return process(Document(id="t", raw=text), until=recognise)


def test_a_name_cut_short_where_the_page_names_it_whole_elsewhere_is_the_whole_name():
    doc = _page("郜益农在签约仪式上表示。润州区委书记郜益农出席。")
    cut = Mention("郜益", "Person", 0, 2, 0, source="model")
    whole = Mention("郜益农", "Person", 17, 20, 1, source="model")
    assert [(m.text, m.start, m.end) for m in _whole_names(doc, [cut, whole])] == [("郜益农", 0, 3), ("郜益农", 17, 20)]


def test_names_run_together_are_each_a_name_where_the_page_names_each():
    doc = _page("王明远李海波出席签约仪式。会上，王明远致辞，李海波介绍项目。")
    read = [Mention("王明远李海波", "Person", 0, 6, 0, source="model"),
            Mention("王明远", "Person", 16, 19, 1, source="model"), Mention("李海波", "Person", 22, 25, 1, source="model")]
    assert [(m.text, m.start) for m in _whole_names(doc, read)][:2] == [("王明远", 0), ("李海波", 3)]


def test_a_persons_name_of_one_character_is_none():
    doc = _page("张备主事前海管理局。")
    assert _whole_names(doc, [Mention("张", "Person", 0, 1, 0, source="model")]) == []


def test_a_line_that_only_looks_like_a_byline_is_no_one():
    doc = _page("项目建设吹响冲刺号角。\n看项目\n瞄准细分领域，推动产业发展。\n王明")
    assert ("看项目", 12, 15) in doc.articles[0].bylines        # segment takes a short line for names
    assert [m.text for m in _bylines(doc)] == ["王明"]


def test_a_name_inside_a_zones_name_on_the_page_is_no_person():
    doc = _page("南京徐庄高新区迎来丰收季。徐庄集聚了一批企业。")
    zone = Mention("南京徐庄高新区", "Zone", 0, 7, 0, source="model")
    read = Mention("徐庄", "Person", 13, 15, 1, source="model")
    assert _whole_names(doc, [zone, read]) == [zone]
