"""National research bases named field first (某某国家重点实验室): read whole, over what was read inside."""
from kg.model import Article, Document, Mention, Sentence
from kg.recognize.labs import labs


def _doc(text: str) -> Document:
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
    return doc


def _read(text: str, *read: tuple[str, str]) -> list[tuple[str, str]]:
    mentions = [Mention(name, type_, text.index(name), text.index(name) + len(name), 0, source="model")
                for name, type_ in read]
    return [(m.text, m.type) for m in labs(_doc(text), mentions)]


def test_a_base_begins_at_its_field_after_the_verb_that_sets_it_up():
    text = "两校共建青禾农药创制与应用全国重点实验室，设立转化基金。"
    assert _read(text) == [("青禾农药创制与应用全国重点实验室", "Organization")]


def test_what_the_model_read_inside_the_name_gives_way_to_it():
    text = "两校共建青禾农药创制与应用全国重点实验室，设立转化基金。"
    assert _read(text, ("青禾农药", "Company")) == [("青禾农药创制与应用全国重点实验室", "Organization")]


def test_a_unit_read_from_the_programmes_name_on_is_named_with_the_field():
    text = "团队已建立快速成形国家工程研究中心华中创新中心；"
    read = _read(text, ("国家工程研究中心华中创新中心", "Organization"))
    assert read == [("快速成形国家工程研究中心华中创新中心", "Organization")]


def test_the_field_ends_at_de_and_a_programme_named_alone_is_no_base():
    assert _read("两校共同设立的药材质量研究国家重点实验室分部") == [("药材质量研究国家重点实验室", "Organization")]
    text = "建成技术创新中心、国家重点实验室等国家创新平台。"
    assert _read(text, ("国家重点实验室", "Organization")) == []


def test_a_kind_of_platform_named_alone_at_a_level_or_none_is_no_body_nor_project():
    text = "支持园区建设市级产业创新中心、制造业创新中心、技术创新中心等市级创新平台，青禾技术创新中心揭牌。"
    read = _read(text, ("市级产业创新中心", "Project"), ("制造业创新中心", "Organization"),
                 ("技术创新中心", "Project"), ("青禾技术创新中心", "Organization"))
    assert read == [("青禾技术创新中心", "Organization")]       # one named by its own


def test_a_base_the_model_read_whole_stays_as_read():
    text = "团队已建立快速成形国家工程研究中心华中创新中心；"
    whole = "快速成形国家工程研究中心华中创新中心"
    assert _read(text, (whole, "Organization")) == [(whole, "Organization")]
