"""The zones of GB/T 37028 under the names news gives them, and the arbiter that keeps lexicon zones whole."""
import pytest

from kg.lexicon import load, zone_short_forms
from kg.model import Mention
from kg.pipeline import extract
from kg.recognize.gazetteer import abbreviated
from one_sentence import one_sentence_page
from kg.recognize import arbitrate


@pytest.mark.parametrize("official, province, forms", [
    ("西安高新技术产业开发区", "陕西省", ["西安高新区"]),
    ("河北滦县经济开发区", "河北省", ["滦县经开区", "河北滦县经开区", "滦县经济开发区"]),
    ("中国（福建）自由贸易试验区", "福建省", ["福建自贸区", "福建自贸试验区", "福建自由贸易试验区"]),
    ("湖南湘江新区", "湖南省", ["湘江新区"]),
    ("舟山港综合保税区", "浙江省", ["舟山港综保区"]),
])
def test_short_names_are_derived_from_the_official_ones(official, province, forms):
    assert set(forms) <= set(zone_short_forms(official, province))


def test_a_city_before_a_name_of_its_own_is_dropped_and_a_development_zone_is_called_a_kaifaqu():
    forms = zone_short_forms("唐山曹妃甸经济技术开发区", "河北省", "唐山市")
    assert {"曹妃甸经开区", "曹妃甸开发区", "唐山曹妃甸开发区"} <= set(forms)
    assert forms[0] == "唐山曹妃甸经开区"       # the name it is called by first keeps its city
    assert "漕河泾开发区" in zone_short_forms("漕河泾新兴技术开发区", "上海市")


@pytest.mark.parametrize("written, official", [
    ("海口国家高新区", "海口高新技术产业开发区"), ("无锡国家高新技术产业开发区", "无锡高新技术产业开发区"),
    ("遵义国家经济技术开发区", "遵义经济技术开发区"), ("曹妃甸国家级经济技术开发区", "唐山曹妃甸经济技术开发区"),
])
def test_a_national_zone_is_known_with_guojia_before_its_tail(written, official):
    assert load().zones[written].official == official


def test_zhongguancun_and_its_national_innovation_demonstration_zone_are_one_zone():
    assert {load().zones[written].official for written in ("中关村", "中关村国家自主创新示范区", "中关村自创区")} \
        == {"中关村科技园区"}       # the State Council made the park the demonstration zone (国函〔2009〕28号)


def test_guojia_is_put_only_into_the_names_of_national_zones():
    assert "株洲国家级经济技术开发区" not in load().zones        # 株洲经济开发区 is a provincial zone


def test_a_province_is_dropped_only_where_a_name_is_left_before_the_tail():
    assert "港保税区" not in zone_short_forms("天津港保税区", "天津市")


@pytest.mark.parametrize("written, official", [
    ("长沙经开区", "长沙经济技术开发区"), ("长沙经济技术开发区", "长沙经济技术开发区"), ("雄安新区", "河北雄安新区"),
    ("潍坊高新区", "潍坊高新技术产业开发区"), ("株洲经开区", "株洲经济开发区"),
])
def test_the_lexicon_knows_every_economic_function_zone_by_its_news_names(written, official):
    assert load().zones[written].official == official


def test_a_lexicon_zone_wins_over_a_model_mention_it_does_not_lie_inside():
    zone = Mention("潍坊高新区", "Zone", 0, 5, 0, source="gazetteer")
    cut = Mention("潍坊", "Place", 0, 2, 0, source="model")
    longer = Mention("潍坊高新区经济发展局", "GovernmentAgency", 0, 10, 0, source="model")
    assert arbitrate([cut], [zone], []) == [zone]
    assert arbitrate([longer], [zone], []) == [longer]


def test_a_lexicon_place_wins_over_a_shorter_model_place_inside_it():
    county = Mention("当雄县", "Place", 2, 5, 0, source="gazetteer")
    cut = Mention("雄县", "Place", 3, 5, 0, source="model")
    assert arbitrate([cut], [county], []) == [county]
    city = Mention("星城", "Place", 2, 4, 0, source="gazetteer")
    whole = Mention("星城市", "Place", 2, 5, 0, source="model")
    assert arbitrate([whole], [city], []) == [whole]


@pytest.mark.parametrize("text, place", [
    ("建设成渝腹心现代化新兴城市。", None),              # 兴城市 inside 新兴城市
    ("实现与东部沿海城市优势互补。", None),              # 海城市 inside 沿海城市
    ("欧阳修在此任县令时描写宜昌。", "宜昌"),            # 任县 inside 此任县令
    ("是乌鲁木齐市四大中心城区之一。", "乌鲁木齐市"),    # 城区 is a word, not the district
    ("开化县委书记鲁霞光致辞。", "开化县"),              # a full name begins the body's name
    ("企业沿万源街布局，宜宾大道两侧开工。", None),       # a short form before 街 or 大道 names a street
])
def test_a_place_name_inside_a_word_is_no_place(text, place):
    from kg.recognize.gazetteer import find
    from kg.recognize.tokens import word_edges
    places = [m.text for m in find(text, 0, 0, word_edges(text)) if m.type == "Place"]
    assert places == ([place] if place else [])


def test_world_regions_and_the_seas_and_regions_china_plans_name_are_places():
    from kg.recognize.gazetteer import find
    from kg.recognize.tokens import word_edges
    text = "产品销往欧洲和东北亚，助力环渤海地区发展。"
    assert [m.text for m in find(text, 0, 0, word_edges(text)) if m.type == "Place"] == ["欧洲", "东北亚", "环渤海"]
    # China's geographic regions and the plans' city clusters by their short names
    text = "园区成为西南地区对外开放的门户，辐射粤港澳及成渝地区，共建大湾区。"
    assert [m.text for m in find(text, 0, 0, word_edges(text)) if m.type == "Place"] == \
        ["西南地区", "粤港澳", "成渝地区", "大湾区"]


@pytest.mark.parametrize("text, zone", [
    ("近日，星城综合保税区获批设立。", ""),                      # no place of China's divisions before the tail
    ("近日，荆州综合保税区获批设立。", "荆州综合保税区"),
    ("天水经济开发区今年签约项目12个。", "天水经济开发区"),
    ("岳阳新区将加快建设。", "岳阳新区"),
    ("截至目前，曹妃甸新区已实施项目352个。", "曹妃甸新区"),    # a district's name without its 区 (曹妃甸区)
    ("记者从安化经开区了解到。", "安化经开区"),                # a county's without its 县 (安化县)
])
def test_a_place_then_a_zones_tail_is_a_zone_shaped_name(text, zone):
    from kg.recognize.gazetteer import zone_shapes
    assert [text[a:b] for a, b in zone_shapes(text)] == ([zone] if zone else [])


@pytest.mark.parametrize("written, official, city", [
    ("南堡经开区", "河北唐山南堡经济开发区", "唐山市"),        # the city after the province
    ("曹妃甸综保区", "曹妃甸综合保税区", "唐山市"),            # one of the city's districts
    ("石龙经开区", "北京石龙经济开发区", "北京市"),            # a municipality's zone
])
def test_a_zone_given_no_city_code_lies_in_the_city_its_name_carries(written, official, city):
    from kg.resolve import zone_places
    assert load().zones[written].official == official
    assert zone_places(written) == (city,)       # ANNOTATION.md: a zone is in its city, named or not


def test_a_short_name_several_zones_could_take_goes_to_the_one_national_zone_among_them():
    # Shanghai's national 金桥经济技术开发区 beside Hohhot's and Tongling's provincial 金桥经济开发区
    assert load().zones["金桥开发区"].official == "上海金桥经济技术开发区"
    assert "清河开发区" not in load().zones          # two provincial zones: neither


def test_a_kind_of_zone_left_after_its_city_is_no_zones_name():
    assert "产业集聚区" not in load().zones          # of 安阳市产业集聚区


def test_a_zone_named_by_its_citys_first_character_on_a_page_about_the_city():
    doc = extract("苏州举行签约仪式。苏高新区星河园区与企业签约。")
    zones = {e.name: e for e in doc.entities if e.type == "Zone"}
    assert "苏高新区" in zones["苏州高新区"].aliases and "苏州高新区星河园区" not in zones
    assert "苏高新区星河园区" in zones
    # the gazetteer reads such a short form only on a page that names the city, and only where it begins a word
    assert not abbreviated(one_sentence_page("苏高新区与企业签约。"))
    assert not abbreviated(one_sentence_page("保定举行签约仪式，确保经开区项目落地。"))
    assert [m.text for m in abbreviated(one_sentence_page("保定举行签约仪式，保经开区项目落地。"))] == ["保经开区"]


def test_an_autonomous_prefecture_is_known_by_its_name_without_its_peoples():
    places = load().places
    assert places["黔西南州"].name == "黔西南布依族苗族自治州"
    assert places["博尔塔拉州"].name == "博尔塔拉蒙古自治州"      # a people named without its 族
    assert places["海西州"].name == "海西蒙古族藏族自治州" and places["海南"].name == "海南省"
    assert "河南县" not in places       # an autonomous county keeps its whole name: 河南县域 is no county
