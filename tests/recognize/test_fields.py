"""Industries of the lexicon that the words after them say are fields, where nothing else was read."""
from one_sentence import one_sentence_page, read_at
from kg.recognize.fields import fields


def _industries(text, given=()):
    return {m.text for m in fields(one_sentence_page(text), list(given)) if m.source == "field"}


def test_a_lexicon_industry_before_a_fields_word_is_an_industry():
    assert _industries("园区发力低空经济新赛道，打造生物医药产业  平台。") == {"低空经济", "生物医药"}
    assert _industries("储备了5个电子信息类项目。") == {"电子信息"}
    assert _industries("在新型储能领域，团队跻身国内前沿。") == {"新型储能"}
    assert _industries("涵盖油气储运、石化运维、先进制造等，夯实产业基础。") == {"先进制造"}


def test_a_park_a_firms_name_or_a_name_read_already_is_left_as_it_is():
    assert not _industries("生物医药产业园投入运营。")
    assert not _industries("集聚了星河半导体、云帆电子等企业。")       # 等 after a firm's name, not an item
    text = "星河生物医药科技有限公司深耕生物医药领域。"
    firm = read_at(text, "星河生物医药科技有限公司", "Company")
    assert _industries(text, [firm]) == {"生物医药"}        # its second occurrence, read by nothing
    assert _industries("打造生物医药产业集群。", [read_at("打造生物医药产业集群。", "生物医药", "Industry")]) == set()


def test_a_sector_is_an_industry_only_where_a_fields_word_follows_it_and_it_is_the_fields_whole_name():
    assert _industries("突出移动电子商务和服务外包产业，提升四川康养产业发展水平。") == {"服务外包", "康养"}
    assert _industries("服务全市汽车产业高质量发展。") == {"汽车"}
    assert not _industries("建成了餐饮、会议、住宿等配套服务设施。")       # 等 ends a list of much else
    assert not _industries("发展职业教育产业和数字金融产业。")             # fields of their own, not 教育 or 金融
