"""The posts a person holds, as news strings them: several bodies before the name, several names after one
post, an academic title after the name."""
import pytest

from kg.model import Document
from kg.pipeline import extract, process
from kg.relate import read_by_rules, relate


def _roles(text: str) -> set[tuple[str, str, str]]:
    return {(t.subject.name, t.role, t.object.name) for t in extract(text).triples if t.predicate == "holdsRole"}


@pytest.mark.parametrize("text, expected", [
    ("潍坊市委常委、潍坊高新区党工委书记王明出席。",
     {("王明", "常委", "潍坊市委"), ("王明", "党工委书记", "潍坊高新区")}),
    ("潍坊市政府副市长、潍坊高新区党工委书记、西山区委书记周七主持。",
     {("周七", "副市长", "潍坊市政府"), ("周七", "党工委书记", "潍坊高新区"), ("周七", "书记", "西山区委")}),
    # a post of the zone's committee named with the committee (管委会专职副主任), not a post of its own
    ("宁海高新区党工委委员、管委会专职副主任王力出席。",
     {("王力", "党工委委员", "宁海高新区"), ("王力", "专职副主任", "宁海高新区管委会")}),
])
def test_each_body_before_a_name_goes_with_the_posts_after_it(text, expected):
    assert expected <= _roles(text)


def test_several_people_named_after_one_post_each_hold_it():
    assert {("张三", "院士", "中国科学院"), ("李四", "院士", "中国科学院")} <= _roles("中科院院士张三、李四参加会议。")
    # 领导: the people who lead a body, named without their posts
    assert {("张伟", "领导", "星河集团"), ("李明", "领导", "星河集团")} <= _roles("星河集团领导张伟、李明出席签约仪式。")


def test_an_academic_title_after_a_name_is_held_in_the_body_before_it():
    assert ("赵六", "教授", "北京航空航天大学") in _roles("北京航空航天大学赵六教授介绍了项目进展。")
    assert not any(role.startswith("博士") for _, role, _ in _roles("北京航空航天大学赵六博士生导师团队到访。"))


def test_posts_after_a_zones_bare_name_are_held_in_the_zone_the_article_is_about():
    assert ("王明", "党工委书记", "潍坊高新区") in _roles("潍坊高新区召开会议。高新区党工委书记王明出席。")


def test_the_bodies_named_before_a_zones_bare_name_go_with_the_posts_after_them():
    doc = process(Document(id="text", raw="潍坊高新区举行签约仪式。潍坊市委常委、高新区党工委书记王明出席。"),
                  until=relate)
    ruled = {(t.subject.name, t.role, t.object.name) for t in read_by_rules(doc).triples.values()
             if t.predicate == "holdsRole"}
    assert {("王明", "常委", "潍坊市委"), ("王明", "党工委书记", "潍坊高新区")} <= ruled


def test_a_zone_committees_posts_opening_a_clause_are_held_in_the_zone_the_article_is_about():
    roles = _roles("潍坊高新区举行签约仪式。区党工委书记王明致辞，区党工委副书记、管委会主任李强主持。")
    assert {("王明", "党工委书记", "潍坊高新区"), ("李强", "党工委副书记", "潍坊高新区")} <= roles
    # a city's committee is named by its level: no rule gives its posts to the zone, but to the committee
    # of the city the zone's name carries
    ruled = {(t.subject.name, t.object.name) for t in extract("潍坊高新区举行签约仪式，市委书记张三出席。").triples
             if t.predicate == "holdsRole" and "rule:roles" in t.source}
    assert ruled == {("张三", "潍坊市委")}


def test_a_zones_committee_called_工委_gives_its_posts_as_党工委_does():
    assert ("王明", "工委书记", "天津滨海高新区") in _roles("天津高新区召开大会。高新区工委书记王明出席。")


def test_the_body_and_posts_a_person_is_appointed_to_after_the_name():
    found = _roles("罗明于2021年任星湖新区党工委副书记、管委会主任。")
    assert {("罗明", "党工委副书记", "星湖新区"), ("罗明", "主任", "星湖新区管委会")} <= found
    assert ("田七", "党组书记", "星海管理局") in _roles("田七兼任星海管理局党组书记。")
    # each body and its posts that 、 or a comma adds; 担任过, and 任中共 before the committee's body
    found = _roles("许明担任过杭州市科协副主席、市国资委党委副书记等职。")
    assert {("许明", "副主席", "杭州市科协"), ("许明", "党委副书记", "市国资委")} <= found
    found = _roles("张明同志任中共芜湖经济技术开发区工委书记、管委会主任，芜湖综合保税区管委会主任。")
    assert ("张明", "主任", "芜湖综保区管委会") in found     # the zone as the lexicon names it
    # the body named after 在, the posts after 任
    assert ("李明", "副总裁", "星河集团") in _roles("李明曾在星河集团担任副总裁。")
    assert ("张伟", "副主任", "临江市发改委") in _roles("张伟在临江市发改委任副主任时，推动了多个项目落地。")


def test_a_governments_head_and_deputies_after_a_comma_are_all_its():
    found = _roles("临江区政府区长王明、副区长李强出席活动。")
    assert {("王明", "区长", "临江区政府"), ("李强", "副区长", "临江区政府")} <= found


def test_executive_and_full_time_deputies_are_posts():
    assert ("樊明", "常委、常务副县长", "开化县委") in _roles("开化县委常委、常务副县长樊明出席。")
    # any deputy's post may say the deputy is the executive one, or in charge
    assert ("郑强", "常务副部长", "市委组织部") in _roles("市委组织部常务副部长郑强参加会议。")
    assert ("王明", "副局长（主持工作）", "临江市科技局") in _roles("临江市科技局副局长（主持工作）王明出席。")


def test_a_heads_post_after_a_place_or_its_committee_goes_to_the_government_the_page_names():
    assert _roles("西山区委副书记、区长周七出席。西山区人民政府承办此次活动。") >= \
        {("周七", "副书记", "西山区委"), ("周七", "区长", "西山区人民政府")}
    assert ("吴九", "区长", "东港区政府") in _roles("东港区区长吴九率东港区政府考察团到访。")


def test_a_heads_post_where_the_page_names_no_government_stays_with_the_committee():
    assert _roles("西山区委副书记、区长周七出席。") == {("周七", "副书记、区长", "西山区委")}
    assert _roles("东港区区长吴九到访。") == set()      # a place holds no post


def _ruled(text: str) -> set[tuple[str, str, str]]:
    from kg.model import Document
    from kg.pipeline import process
    from kg.relate import read_by_rules, relate
    doc = read_by_rules(process(Document(id="t", raw=text), until=relate))
    return {(t.subject.name, t.role, t.object.name) for t in doc.triples.values() if t.predicate == "holdsRole"}


def test_posts_after_a_comma_go_on_with_the_body_named_before():
    found = _ruled("中科院星城分院党组书记、常务副院长王学远，副院长陈立锋，分党组副书记王嘉明等出席。")
    assert {("陈立锋", "副院长", "中科院星城分院"), ("王嘉明", "分党组副书记", "中科院星城分院")} <= found
    found = _ruled("星湖大学党委书记王明远、校长陈立国出席签约仪式。")
    assert ("陈立国", "校长", "星湖大学") in found


def test_a_places_or_a_zones_committees_posts_after_a_comma_name_their_own_body():
    found = _ruled("星湖大学党委书记王明远，区长周强，管委会副主任李海出席签约仪式。")
    assert {person for person, _, body in found if body == "星湖大学"} == {"王明远"}


def test_a_post_after_a_comma_that_heads_a_kind_of_body_is_held_in_the_body_of_that_kind():
    found = _ruled("星湖研究所、中科院院士张三丰,所长李明远,党委书记王海涛等出席奠基仪式。")
    assert {("李明远", "所长", "星湖研究所"), ("王海涛", "党委书记", "星湖研究所")} <= found
    assert ("李明远", "所长", "中科院") not in found
