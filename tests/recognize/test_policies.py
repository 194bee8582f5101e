"""Named policies: a document's title in 《》 that ends as an official document's does, and a quoted
slogan with its kind (SCHEMA.md: 《某某行动计划》, “某某”人才政策)."""
from kg.pipeline import extract
from kg.recognize.policies import _in_sentence


def _policies(text: str) -> list[str]:
    return [m.text for m in _in_sentence(text, 0, 0)]


def test_a_title_that_ends_as_an_official_document_does_is_a_policy():
    text = "市政府印发《关于促进开发区改革和创新发展的若干意见（试行）》和《某某产业发展三年行动计划（2025-2027年）》。"
    assert _policies(text) == ["《关于促进开发区改革和创新发展的若干意见（试行）》",
                               "《某某产业发展三年行动计划（2025-2027年）》"]


def test_the_titles_of_papers_books_and_films_are_no_policy():
    assert _policies("《东海日报》报道，《长河》一书和《星海2》上映。") == []


def test_a_quoted_slogan_and_its_kind_within_four_characters_is_a_policy():
    text = "实施“金凤凰”人才政策，推进“一区多园”发展战略和“企业满园”行动计划，深化「两创一促」工程。"
    assert _policies(text) == ["“金凤凰”人才政策", "“一区多园”发展战略", "“企业满园”行动计划", "「两创一促」工程"]


def test_a_slogan_named_by_two_kinds_in_a_row_is_named_with_both():
    assert _policies("推进“三个全面”战略布局在本市实施。") == ["“三个全面”战略布局"]


def test_a_quotation_with_no_kind_after_it_or_a_kind_inside_a_longer_word_is_no_policy():
    assert _policies("他说“要跑出加速度”，全力冲刺“开门红”。") == []
    assert _policies("打造“智慧园区”工程师团队。") == []      # 工程师: an engineer, not a programme


def test_a_quoted_slogan_that_counts_its_points_is_a_policy_where_it_is_coined_or_a_set_phrase():
    text = "全面落实“三减一优”要求，推行“一网通办”，打好「三张牌」，坚持“一国两制”，对接“3+1”产业。"
    assert _policies(text) == ["“三减一优”", "“一网通办”", "「三张牌」", "“一国两制”", "“3+1”"]


def test_what_a_counting_slogan_lays_out_is_named_with_it():
    text = "构建“4+3”现代产业集群，形成「2+2」产业格局，壮大“1+2”主导产业。"
    assert _policies(text) == ["“4+3”现代产业集群", "「2+2」产业格局", "“1+2”主导产业"]


def test_a_years_campaign_in_quotes_is_a_policy():
    text = "以“营商环境优化年”为契机，落实「招商攻坚年」要求，迎接“新的一年”。"
    assert _policies(text)[:2] == ["“营商环境优化年”", "「招商攻坚年」"]
    assert _policies("迎接“新的一年”，回顾“2023年”。").count("“新的一年”") <= 1


def test_a_quoted_ordinal_numeral_word_or_attribute_is_no_policy():
    assert _policies("跑好“第一棒”，提供“一站式”服务，冲在“一线”，当好“一把手”，力争“开门红”。") == []


def test_a_title_is_one_policy_whatever_the_model_read_in_it_and_the_body_named_inside_stays():
    doc = extract("国务院办公厅印发《国务院办公厅关于促进开发区改革和创新发展的若干意见》。")
    found = {(e.type, e.name) for e in doc.entities}
    assert ("Policy", "《国务院办公厅关于促进开发区改革和创新发展的若干意见》") in found
    assert ("GovernmentAgency", "国务院办公厅") in found
    assert [e.name for e in doc.entities if e.type == "Policy"] == ["《国务院办公厅关于促进开发区改革和创新发展的若干意见》"]


def test_an_unquoted_programme_is_named_by_what_launches_it_or_by_a_list_of_programmes():
    text = "全区启动青年人才安居计划，聚力推进制造业数字赋能工程、中小企业梯度培育工程、园区亩均提效工程等三大工程。"
    assert _policies(text) == ["青年人才安居计划", "制造业数字赋能工程", "中小企业梯度培育工程", "园区亩均提效工程"]
    # a list ending in its count (三大工程) does not say where its last item ends
    assert _policies("实施科技成果转化工程、园区亩均提效工程三大工程；") == ["科技成果转化工程"]


def test_a_works_project_or_a_lone_item_ending_in_gongcheng_is_no_programme():
    assert _policies("项目涉及绿色算力、污水管网改造工程等领域，对外承包工程、劳务合作稳步增长。") == []


def test_the_points_a_counting_slogan_counts_are_no_policies_of_their_own():
    doc = extract("星湖区开展“四个一批”项目推进活动，做到“洽谈一批”、“落地一批”、“达产一批”。"
                  "全区深化“一次办好一件事”改革，推出“审批一件事”和“一件事”专窗。")
    found = [e.name for e in doc.entities if e.type == "Policy"]
    assert "“四个一批”项目推进活动" in found and "“一次办好一件事”" in found
    assert not any(name in found for name in ("“洽谈一批”", "“落地一批”", "“达产一批”", "“审批一件事”", "“一件事”"))
