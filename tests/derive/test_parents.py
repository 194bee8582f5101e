"""The bodies a name is built on (ANNOTATION.md): a group's subsidiary names the group, a group's own registered
name does not."""
from kg.pipeline import extract


def _companies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "Company"}


def test_a_subsidiary_names_its_group():
    assert {"健民集团", "健民集团叶开泰国药（随州）有限公司"} <= _companies("健民集团叶开泰国药（随州）有限公司正式投产。")


def test_a_groups_registered_name_is_the_group_itself():
    found = _companies("宁波拓普集团股份有限公司在湘潭经开区投资建设生产基地。拓普集团董事长表示。")
    assert "宁波拓普集团股份有限公司" in found and "宁波拓普集团" not in found


def test_a_group_named_in_brackets_before_its_legal_tail_is_the_company_itself():
    found = _companies("区政府与长春星辉工业（集团）股份有限公司签订了框架合作协议。")
    assert "长春星辉工业（集团）股份有限公司" in found
    assert not any(name.endswith("（集团") for name in found)     # no half-bracketed parent


def _zones(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "Zone"}


def test_the_committee_that_runs_a_zone_names_the_zone_though_no_lexicon_does():
    assert "星湖经开区" in _zones("星湖经开区管委会主任王明出席。")
    assert "哈经开区" in _zones("哈经开区管委会主任王明出席。")       # one character before the zone's tail
    assert _zones("高新区管委会主任王明出席。") == set()              # the tail alone names no zone


def test_a_body_named_right_before_项目_names_a_project_it_builds():
    from kg.model import Document, Entity, Mention
    from kg.derive import derive

    text = "星河大学研究院项目开工。"
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.entities = [Entity("星河大学研究院", "Organization", mentions=[Mention("星河大学研究院", "Organization", 0, 7, 0)])]
    derived = {(e.type, e.name) for e in derive(doc).entities}
    assert {("Project", "星河大学研究院项目"), ("Organization", "星河大学研究院")} <= derived
