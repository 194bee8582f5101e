"""A zone's parks and areas, named after the zone: a zone of their own, in the zone they are named after."""
from one_sentence import one_sentence_page, read_at
from kg.model import Article, Document, Mention, Sentence
from kg.recognize.parks import hosts, misread_people, parks


def _parks(text: str, zone: str, others: tuple[Mention, ...] = ()) -> list[str]:
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
    at = text.index(zone)
    found = parks(doc, sorted([Mention(zone, "Zone", at, at + len(zone), 0, source="gazetteer"), *others],
                              key=lambda m: m.start))
    return [m.text for m in found if m.source == "park"]


def test_a_zone_and_the_name_of_its_park_or_area_after_it_are_the_park():
    assert _parks("该项目在兰州高新区定连园区开工。", "兰州高新区") == ["兰州高新区定连园区"]
    assert _parks("位于成都高新区南部园区的科技园", "成都高新区") == ["成都高新区南部园区"]
    assert _parks("以重庆高新区直管园为核心", "重庆高新区") == ["重庆高新区直管园"]
    assert _parks("福建自贸试验区厦门片区挂牌。", "福建自贸试验区") == ["福建自贸试验区厦门片区"]


def test_a_park_is_none_where_a_noun_goes_on_or_a_name_runs_past_its_end():
    assert _parks("石家庄高新区科技创业园区产业赋能中心项目开工", "石家庄高新区") == []     # a project's name
    assert _parks("襄阳科技城在襄阳高新区开园。", "襄阳高新区") == []                     # 开园 opens, names nothing
    assert _parks("合肥高新区兴园产业园最后一栋高层完成封顶。", "合肥高新区") == []        # built as a project
    project = Mention("定连园区产业化项目", "Project", 5, 14, 0, source="model")
    assert _parks("兰州高新区定连园区产业化项目开工", "兰州高新区", (project,)) == []


def test_a_park_named_once_after_its_zone_is_the_park_where_its_own_name_stands_alone():
    text = "兰州高新区定连园区举行推介会。定连园区出台了支持资金办法，企业与定连园区洽商。"
    doc = one_sentence_page(text)
    at = text.index("兰州高新区")
    found = parks(doc, [Mention("兰州高新区", "Zone", at, at + 5, 0, source="gazetteer")])
    assert [(m.text, m.name, m.start) for m in found] == [
        ("兰州高新区定连园区", "兰州高新区定连园区", 0), ("定连园区", "兰州高新区定连园区", 15),
        ("定连园区", "兰州高新区定连园区", 32)]


def test_a_mention_inside_the_park_gives_way_to_it():
    inner = Mention("定连园区", "Zone", 5, 9, 0, source="model")
    assert _parks("兰州高新区定连园区开工。", "兰州高新区", (inner,)) == ["兰州高新区定连园区"]


def test_a_park_that_projects_settle_in_is_a_zone_wherever_it_is_named():
    text = "星光科技园四大项目集中签约。两个生物医药项目签约落户星光科技园。"
    doc = Document(id="t", raw=text)
    doc.text = text
    read = [Mention("星光科技园", "Project", at, at + 5, 0, source="model") for at in (0, text.rindex("星光科技园"))]
    assert [(m.text, m.type) for m in hosts(doc, read)] == [("星光科技园", "Zone")] * 2
    built = "星光科技园一期开工建设。"      # nothing settles in it: a project it stays
    doc.text = built
    assert hosts(doc, read[:1]) == read[:1]


def test_a_park_something_is_built_or_held_in_is_a_zone_where_nothing_was_read():
    text = "省科学院在云岭中园区投资建设新材料产业化项目。"
    doc = one_sentence_page(text)
    assert [(m.text, m.type) for m in hosts(doc, [])] == [("云岭中园区", "Zone")]
    read = [Mention("云岭中园区", "Organization", 5, 10, 0, source="model")]
    assert hosts(doc, read) == read       # read already: left as read


def test_a_name_read_as_a_persons_before_a_zones_kind_is_the_zones():
    text = "截至目前，青禾湾新区已累计实施亿元以上项目三百个，主任林晓出席。"
    found = misread_people(one_sentence_page(text), [read_at(text, "青禾湾", "Person"), read_at(text, "林晓", "Person")])
    assert [(m.text, m.type) for m in found] == [("青禾湾新区", "Zone"), ("林晓", "Person")]
