"""A company's department stands for the company; a government's departments are bodies of their own."""
from kg.recognize.departments import departments
from one_sentence import one_sentence_page, read_at


def _read(text: str, names: list[tuple[str, str]]) -> list[tuple[str, str, int, str]]:
    found = departments(one_sentence_page(text), [read_at(text, name, kind) for name, kind in names])
    return [(m.text, m.type, m.start, m.source) for m in found]


def test_a_department_the_model_read_with_its_company_is_the_company():
    text = "星易科制造与物流部高级经理王明说"
    assert _read(text, [("星易科制造与物流部", "Company"), ("王明", "Person")]) == [
        ("星易科", "Company", 0, "model"), ("王明", "Person", 13, "model")]


def test_a_department_read_as_a_body_is_the_company_the_page_names():
    text = "星智电子（南通）有限公司主营元器件，星智电子行政处处长李强介绍"
    found = _read(text, [("星智电子（南通）有限公司", "Company"), ("星智电子行政处", "GovernmentAgency")])
    assert found[1] == ("星智电子", "Company", 18, "model")       # the firm's trade stays in its name


def test_a_department_read_apart_after_its_company_is_dropped():
    text = "江西星喆精密技术有限公司人力资源部总监王芳告诉记者"
    assert [m[0] for m in _read(text, [("江西星喆精密技术有限公司", "Company"), ("人力资源部", "GovernmentAgency")])] \
        == ["江西星喆精密技术有限公司"]


def test_a_governments_departments_and_a_firms_head_office_stay_what_they_are():
    text = "星湖市委组织部、星湖高新区经济发展部和星河集团总部"
    names = [("星湖市委组织部", "GovernmentAgency"), ("星湖高新区经济发展部", "GovernmentAgency"), ("星河集团总部", "Company")]
    assert [(m[0], m[1]) for m in _read(text, names)] == names
