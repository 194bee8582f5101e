"""Short forms: a body named in full once and by its short name after is one entity, mentioned at
every short name, however long the page (the search is one pass over it, not one per name)."""
from kg.pipeline import extract
from kg.recognize.short_forms import is_short_form, name_core, repeated, short_forms
from one_sentence import one_sentence_page, read_at


def test_the_core_of_a_company_name_is_without_its_place_region_and_tail():
    assert name_core("山东华远重工有限公司") == "华远重工"
    assert is_short_form("华远重工", "山东华远重工有限公司")
    assert is_short_form("北京器检院", "北京市医疗器械检验研究院")
    assert not is_short_form("华远", "山东华远重工有限公司")


def test_a_city_body_is_no_abbreviation_of_the_body_of_a_district_within():
    assert not is_short_form("杭州市委", "杭州市西湖区委")
    assert is_short_form("西湖区委", "杭州市西湖区委")


def test_a_places_committee_is_no_abbreviation_of_a_department_of_the_place():
    assert not is_short_form("上海市委", "上海市经信委")
    assert not is_short_form("某县政府", "某县发改局")
    assert is_short_form("上海市政府", "上海市人民政府")


def test_a_firm_named_after_its_groups_brand_is_called_by_its_own_name():
    text = "星河汽车旗下的星河爱思科在潍坊布局电池项目，爱思科已实现电驱的自主量产。"
    firms = [read_at(text, name, "Company") for name in ("星河汽车", "星河爱思科")]
    found = short_forms(one_sentence_page(text), firms)
    assert ("爱思科", "星河爱思科") in {(m.text, m.name) for m in found}


def test_a_group_is_no_short_form_of_a_firm_named_after_it():
    assert not is_short_form("澜沣集团", "澜沣集团启曜药业（随州）有限公司")
    assert not is_short_form("澜沣集团", "中国澜沣集团翊晟仪表六厂")
    assert is_short_form("澜沣集团", "澜沣集团股份有限公司")        # the group itself, registered


def test_every_short_form_on_a_long_page_is_a_mention_of_the_full_name():
    lines = 2000
    doc = extract("山东华远重工有限公司在潍坊高新区投资建厂。\n" + "华远重工表示，将加大研发投入。\n" * lines)
    company = next(e for e in doc.entities if e.name == "山东华远重工有限公司")
    assert "华远重工" in company.aliases
    assert len(company.mentions) == lines + 1


def test_a_short_form_ends_where_a_word_ends():
    doc = extract("星河科学院海西研究院今天成立。星科院院士王明出席，星科院表示支持。")
    names = {m.text for m in doc.mentions}
    assert "星科院院" not in names         # its last 院 begins 院士
    institute = next(e for e in doc.entities if e.name == "星河科学院海西研究院")
    assert "星科院" in institute.aliases


def _owners(text: str, project: str) -> list[str]:
    from kg.model import Article, Document, Mention, Sentence
    from kg.recognize.short_forms import OWNER, owners
    doc = Document(id="t", raw=text)
    doc.text = text
    cut = text.index("。") + 1
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, cut, text[:cut]),
                                                        Sentence(1, cut, len(text), text[cut:])])]
    at = text.index(project)
    found = owners(doc, [Mention(project, "Project", at, at + len(project), 0, source="model")])
    return [m.text for m in found if m.source == OWNER]


def test_the_name_a_project_begins_with_that_opens_a_clause_of_its_own_is_its_owner():
    assert _owners("星图航天柔性化卫星制造基地项目签约。星图航天致力于研制卫星。",
                   "星图航天柔性化卫星制造基地项目") == ["星图航天"]


def test_the_project_named_again_or_a_quoted_name_is_no_owners_clause():
    project = "东算西储青湖新区算力配套项目"
    assert _owners(f"{project}开工。{project}一期建设现场。", project) == []
    assert _owners("“青药”产业基地项目开工。“青药”产业基地建成后将投产。", "“青药”产业基地项目") == []


def test_a_name_read_once_is_a_name_wherever_the_page_repeats_it_as_a_word():
    text = "星铂新材计划建设高端合金软磁项目，星铂新材表示将尽快投产，星铂新材料行业协会到场。"
    found = repeated(one_sentence_page(text), [read_at(text, "星铂新材", "Company")])
    assert [(m.text, m.start) for m in found] == [("星铂新材", 0), ("星铂新材", 17)]    # not inside 星铂新材料
    assert found[1].type == "Company" and found[1].source == "repeated"


def test_a_name_read_as_two_types_or_short_or_pointing_back_is_not_repeated():
    text = "星铂科技与星铂科技合作，医药企业与医药企业，该企业与该企业。"
    both = [read_at(text, "星铂科技", "Company"), read_at(text, "星铂科技", "Organization")]
    both[1].start, both[1].end = 5, 9
    assert len(repeated(one_sentence_page(text), both)) == 2
    assert len(repeated(one_sentence_page(text), [read_at(text, "医药", "Industry")])) == 1
    assert len(repeated(one_sentence_page(text), [read_at(text, "该企业", "Company", source="coreference")])) == 1
