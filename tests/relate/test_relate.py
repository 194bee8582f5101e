"""Sentences of the seeds, and the facts the rules must read from them: the relation model
(tests/relate/test_learned.py) weighs what they read among its features."""
import pytest

from kg.model import Document
from kg.pipeline import extract, process
from kg.relate import read_by_rules, relate


def facts(text: str) -> set[tuple]:
    doc = Document(id="text", raw=text)
    doc = process(doc, until=relate)
    return {(t.subject.name, t.predicate, t.object.name if t.object else t.value.amount, t.role or None)
            for t in read_by_rules(doc).triples.values()}


@pytest.mark.parametrize("text, expected", [
    ("潍坊高新区经济发展局党委书记、局长韩滨说。",
     {("韩滨", "holdsRole", "潍坊高新区经济发展局", "党委书记、局长"),
      ("潍坊高新区经济发展局", "partOf", "潍坊高新区", None), ("潍坊高新区", "locatedIn", "潍坊市", None)}),
    ("随州高新区党工委书记、管委会主任郭晓东表示，将坚决扛起大旗。",
     {("郭晓东", "holdsRole", "随州高新区", "党工委书记"), ("郭晓东", "holdsRole", "随州高新区管委会", "主任"),
      ("随州高新区管委会", "partOf", "随州高新区", None)}),
    ("近日，魔方卫星柔性化卫星研发及制造基地项目签约仪式在江阴高新区举行。",
     {("江阴高新区", "signs", "魔方卫星柔性化卫星研发及制造基地项目", None),
      ("魔方卫星柔性化卫星研发及制造基地项目", "locatedIn", "江阴高新区", None)}),
    ("此次会议主会场所在地的潍坊高新区磁悬浮智能制造产业化项目，总投资额35亿元，是引领性项目。",
     {("磁悬浮智能制造产业化项目", "totalInvestment", 3.5e9, None)}),
    ("相继吸引了石药巨石、药明生物等高科技企业入驻石家庄高新区。",
     {("石药巨石", "locatedIn", "石家庄高新区", None), ("药明生物", "locatedIn", "石家庄高新区", None)}),
    ("江阴高新区把商业航天、低空经济作为抢占未来产业新赛道的主攻方向。",
     {("江阴高新区", "focusesOn", "商业航天", None), ("江阴高新区", "focusesOn", "低空经济", None)}),
    ("北京航空航天大学景德镇研究院研发的航空陶瓷刀具受到关注。",
     {("北京航空航天大学景德镇研究院", "partOf", "北京航空航天大学", None)}),
    ("景德镇高新区出台《景德镇高新区重点产业目标化清单化精准招商工作方案》。",
     {("景德镇高新区", "issues", "《景德镇高新区重点产业目标化清单化精准招商工作方案》", None)}),
    ("保定高新区党群部联合保定市公安局高新区分局网安大队开展宣传活动。",
     {("保定高新区党群部", "cooperatesWith", "保定市公安局高新区分局网安大队", None)}),
    ("北京航空航天大学景德镇研究院研发的航空陶瓷刀具，被央视新闻宣传推广。",
     {("北京航空航天大学景德镇研究院", "produces", "航空陶瓷刀具", None)}),
    ("景德镇高新区科技发展局局长陈君表示，下一步将做好工作。",
     {("陈君", "holdsRole", "景德镇高新区科技发展局", "局长"), ("景德镇高新区科技发展局", "partOf", "景德镇高新区", None)}),
    ("3月13日，石药集团欧意药业有限公司112车间内全自动包装生产线马力全开。",
     {("石药集团欧意药业有限公司", "partOf", "石药集团", None)}),
    ("烟台高新区行政审批服务局主动与烟台高新区经济发展部、综合行政执法局等部门建立会商联办制度。",
     {("烟台高新区行政审批服务局", "cooperatesWith", "烟台高新区经济发展部", None),
      ("烟台高新区行政审批服务局", "cooperatesWith", "综合行政执法局", None)}),
    ("景德镇高新区全面启动先进陶瓷产业园、南昌大学航空制造现代产业学院等一批重点项目。",
     {("南昌大学", "investsIn", "南昌大学航空制造现代产业学院", None),
      ("南昌大学航空制造现代产业学院", "locatedIn", "景德镇高新区", None)}),
    ("近日，成都高新区企业成都倍特药业股份有限公司自主研发的1类新药已获批准。",
     {("成都倍特药业股份有限公司", "locatedIn", "成都高新区", None)}),
    ("丽智电子（南通）有限公司是南通高新区电子元器件产业链龙头企业。",
     {("丽智电子（南通）有限公司", "locatedIn", "南通高新区", None)}),
    # 该联合实验室 is the laboratory named before, not any organisation
    ("近日，武汉市新型显示产业创新联合实验室在武汉东湖高新区启用。北京大学派员出席。该联合实验室将开展研发。",
     {("武汉市新型显示产业创新联合实验室", "locatedIn", "武汉东湖高新区", None)}),
    # a post in a unit of the body (规划发展部部长): the fact is about the body, the unit stays in the role
    ("南京市火炬中心规划发展部部长丁珩介绍，针对项目招引。",
     {("丁珩", "holdsRole", "南京市火炬中心", "规划发展部部长")}),
    # bureaus that name no place belong to the zone named before them
    ("烟台高新区行政审批服务局主动与烟台高新区经济发展部、综合行政执法局等部门建立会商联办制度。",
     {("综合行政执法局", "partOf", "烟台高新区", None)}),
    ("中国未来研究会营商环境与企业法治工作委员会主任黄开堂表示，可以看到。",
     {("中国未来研究会营商环境与企业法治工作委员会", "partOf", "中国未来研究会", None),
      ("黄开堂", "holdsRole", "中国未来研究会营商环境与企业法治工作委员会", "主任")}),
    # 常委 is a post, but not in 人大常委会: the post of the body's head follows it
    ("润州区人大常委会主任张三表示，将支持园区发展。",
     {("张三", "holdsRole", "润州区人大常委会", "主任"), ("润州区人大常委会", "locatedIn", "润州区", None)}),
    # what is said to lie (位于) in a zone or place, before it or after it and 的; a place right after the one it
    # lies in is one more place of the two
    ("走进位于临江高新区的江西星河精密技术有限公司生产车间。",
     {("江西星河精密技术有限公司", "locatedIn", "临江高新区", None), ("临江高新区", "locatedIn", "临江市", None)}),
    ("中科院星河研究中心位于临江科学城核心区。",
     {("中科院星河研究中心", "locatedIn", "临江科学城", None), ("中科院星河研究中心", "partOf", "中国科学院", None),
      ("临江科学城", "locatedIn", "临江市", None)}),
    ("临江自贸片区位于湖北省宜昌市，紧邻长江。",
     {("临江自贸片区", "locatedIn", "湖北省", None), ("临江自贸片区", "locatedIn", "宜昌市", None),
      ("宜昌市", "locatedIn", "湖北省", None), ("临江自贸片区", "locatedIn", "临江市", None)}),
    # the firms a cluster is built on, and those of a sentence that opens on a field, are of its industry
    ("形成了以星河电工、海川附件等企业组成的电力和电站装备集群。",
     {("星河电工", "focusesOn", "电力和电站装备", None), ("海川附件", "focusesOn", "电力和电站装备", None)}),
    ("在电子信息产业领域，园区聚集了星河集团、海川信息等一大批骨干龙头企业。",
     {("星河集团", "focusesOn", "电子信息", None), ("海川信息", "focusesOn", "电子信息", None)}),
    ("在生物医药领域，临江星河投资有限公司拟投资15亿元建设总部项目。",
     {("临江星河投资有限公司", "focusesOn", "生物医药", None)}),
    # places listed before 等 and a region are in the region
    ("苏州、无锡、常州等长三角城市的企业参加推介会。",
     {("苏州市", "locatedIn", "长三角", None), ("无锡市", "locatedIn", "长三角", None),
      ("常州市", "locatedIn", "长三角", None)}),
    # a place named right after the province or city it lies in, on its own or in a government's name
    ("河北唐山曹妃甸区是重要港区。", {("曹妃甸区", "locatedIn", "唐山市", None), ("唐山市", "locatedIn", "河北省", None)}),
    ("天津市宝坻区政府发布通知。", {("宝坻区", "locatedIn", "天津市", None)}),
    # of two districts of one name, the one in the city named before it (长春市朝阳区, not Beijing's)
    ("长春市朝阳区召开经济工作会议。", {("朝阳区", "locatedIn", "长春市", None)}),
    # each two of the bodies listed as one party to what they do together
    ("星海大学、东川农业大学和临江市科技局共同主办论坛。",
     {("星海大学", "cooperatesWith", "东川农业大学", None), ("星海大学", "cooperatesWith", "临江市科技局", None),
      ("东川农业大学", "cooperatesWith", "临江市科技局", None)}),
    # the bodies 由 leads into build the project a verb of building goes on to, or the one named before
    ("由星河科学院和海川数据中心（有限合伙）共同建设的“星海数据中心分中心”项目已开工。",
     {("星河科学院", "investsIn", "“星海数据中心分中心”项目", None),
      ("海川数据中心（有限合伙）", "investsIn", "“星海数据中心分中心”项目", None)}),
    ("星辰抗体药物项目由长春星辉生物集团股份有限公司和冰岛海克公司共同投资，致力于打造国际标准。",
     {("长春星辉生物集团股份有限公司", "investsIn", "星辰抗体药物项目", None),
      ("冰岛海克公司", "investsIn", "星辰抗体药物项目", None)}),
    # the hosts a 由 leads into host together
    ("论坛由星海大学、东川农业大学和临江市科技局主办。",
     {("星海大学", "cooperatesWith", "东川农业大学", None), ("东川农业大学", "cooperatesWith", "临江市科技局", None)}),
    # 对接 says they work together, and a short name declared between partners stands aside
    ("潍坊高新区管委会主动对接海川科技股份有限公司，帮助企业解决融资难题。",
     {("潍坊高新区管委会", "cooperatesWith", "海川科技股份有限公司", None)}),
    ("海川科技股份有限公司（以下简称“公司”）拟与潍坊高新区管委会签订投资合作协议。",
     {("海川科技股份有限公司", "cooperatesWith", "潍坊高新区管委会", None)}),
    # 携手 says they work together; 三方 that each two of them do
    ("星海大学携手东川农业大学、临江市科技局三方聚焦生物健康领域。",
     {("星海大学", "cooperatesWith", "东川农业大学", None), ("星海大学", "cooperatesWith", "临江市科技局", None),
      ("东川农业大学", "cooperatesWith", "临江市科技局", None)}),
    # 牵手 and 联手 say so as 携手 does
    ("星海大学牵手东川农业大学，聚焦生物健康领域。", {("星海大学", "cooperatesWith", "东川农业大学", None)}),
    # the bodies listed before a party the model did not read still host together
    ("临江市科技局、星海大学、东川农业大学及本地三家新闻媒体共同主办论坛。",
     {("临江市科技局", "cooperatesWith", "星海大学", None), ("星海大学", "cooperatesWith", "东川农业大学", None)}),
    # a committee named after a zone the page names, in the lexicon or not
    ("星湖新区管委会近日发布通知，星湖新区将扩大开放。", {("星湖新区管委会", "partOf", "星湖新区", None)}),
    # a school builds its new campus
    ("江阴高新区南菁高中漪山湖校区建设工地打下第一根工程桩。",
     {("南菁高中", "investsIn", "南菁高中漪山湖校区", None), ("南菁高中漪山湖校区", "locatedIn", "江阴高新区", None)}),
    # what a project will make is made by the company that builds it
    ("山东东皓机械科技有限公司高端智能装备制造项目开工。该项目建成后，具备年产制动器总成3万套的生产能力。",
     {("山东东皓机械科技有限公司", "produces", "制动器总成", None)}),
    # parties that go on to sign together, with a word between (还, 也)
    ("星海大学、东川农业大学、临江市科技局还签署了三方战略合作框架协议。",
     {("星海大学", "cooperatesWith", "东川农业大学", None), ("东川农业大学", "cooperatesWith", "临江市科技局", None)}),
    # a zone that, in a clause after its name, signs with several partners (分别与…签订)
    ("淄博高新区在北京召开项目对接会，分别与东川农业大学、海川科技股份有限公司签订项目合作协议书。",
     {("淄博高新区", "cooperatesWith", "东川农业大学", None),
      ("淄博高新区", "cooperatesWith", "海川科技股份有限公司", None)}),
    # the parties are whole names, not the zone a company's name begins with
    ("去年，数字产业园落户绍兴高新区，由中电光谷联合控股有限公司和绍兴高新区开发投资有限公司共同规划建设算力产业集群配套项目。",
     {("中电光谷联合控股有限公司", "cooperatesWith", "绍兴高新区开发投资有限公司", None)}),
    # a committee named by nothing but 管委会, derived as the article's zone's, is a party like any other
    ("绍兴高新区举行数字经济项目推介会。会上，管委会与浙江华瑞信息技术有限公司签署了战略合作协议。",
     {("绍兴高新区管委会", "cooperatesWith", "浙江华瑞信息技术有限公司", None)}),
    # the companies listed before their kind are of that industry
    ("产业园揭牌开园，星辰电子、海川科技、东湖信息等13家集成电路设计领域企业签约入驻。",
     {("星辰电子", "focusesOn", "集成电路设计", None), ("海川科技", "focusesOn", "集成电路设计", None),
      ("东湖信息", "focusesOn", "集成电路设计", None)}),
    # towns named after their county, and listed after such a town
    ("新区包括广安市邻水县高滩镇、坛同镇的部分行政区域。",
     {("高滩镇", "locatedIn", "邻水县", None), ("坛同镇", "locatedIn", "邻水县", None)}),
    # a project named, after a place, by the core of its builder's name (without its tail)
    ("昨日，海川重工集团有限公司在成都举行签约仪式，成都海川重工智能装备产业园项目正式落户。",
     {("海川重工集团有限公司", "investsIn", "成都海川重工智能装备产业园项目", None)}),
    # a body belongs to the longest zone or body its name begins with: the 片区 a committee runs, not the 试验区
    # of which it is a part; a bureau of the committee, the committee
    ("福建自贸试验区福州片区管委会与星海科技有限公司签约。",
     {("福建自贸试验区福州片区管委会", "partOf", "福建自贸试验区福州片区", None)}),
    ("临江经开区管委会主任张三出席。临江经开区管委会招商局局长李四介绍了项目情况。",
     {("临江经开区管委会招商局", "partOf", "临江经开区管委会", None)}),
    # a title that begins with the name of an agency of the page is the agency's, wherever else it is named
    ("临江市人民政府召开常务会议。会议审议通过《临江市人民政府关于加快园区高质量发展的意见》，临江高新区将抓好落实。",
     {("临江市人民政府", "issues", "《临江市人民政府关于加快园区高质量发展的意见》", None)}),
    # a firm named right after another and 子公司 or 旗下 is part of it
    ("园区企业海瑞医药子公司苏州盛海生物医药有限公司自主研发的1类创新药获批上市。",
     {("苏州盛海生物医药有限公司", "partOf", "海瑞医药", None)}),
    ("星河科技与中航东飞旗下东飞国际航空制造（天津）有限公司正式合作。",
     {("东飞国际航空制造（天津）有限公司", "partOf", "中航东飞", None)}),
    # a zone's park is in the zone it is named after
    ("该项目在兰州高新区定连园区开工建设。", {("兰州高新区定连园区", "locatedIn", "兰州高新区", None)}),
    # a clause that opens with 与 and its partners is said of the zone the article is about
    ("临江高新区招商团队赴深圳考察。在深圳期间，与星河集团就新能源投资项目进行深入洽谈；与海川集团就增资扩产计划进行了沟通。",
     {("临江高新区", "cooperatesWith", "星河集团", None), ("临江高新区", "cooperatesWith", "海川集团", None)}),
    # 其中 singles one project out of a group: its amount is its own
    ("临江新区共签约项目12个。其中，星海智能装备产业园项目签约额3亿元，投资方为星海科技有限公司。",
     {("星海智能装备产业园项目", "totalInvestment", 3e8, None)}),
    # products named without their maker are the company the sentence before speaks of
    ("星海新材料有限公司成立于2009年。主要生产高强度碳纤维板、耐腐蚀涂层等产品。",
     {("星海新材料有限公司", "produces", "高强度碳纤维板", None)}),
    # the firms a zone gathers, however long what is said of them, and the bodies a list says settle in it
    ("临江高新区发展势头强劲。目前，园区聚集了星海药业、蓝田生物等在国际上有较大影响力的企业。",
     {("星海药业", "locatedIn", "临江高新区", None), ("蓝田生物", "locatedIn", "临江高新区", None)}),
    ("临江高新区加快建设科创平台。星海大学、东川农业大学等高校及科研院所落户临江高新区。",
     {("星海大学", "locatedIn", "临江高新区", None), ("东川农业大学", "locatedIn", "临江高新区", None)}),
])
def test_reads_facts(text, expected):
    assert expected <= facts(text)


def test_a_body_of_the_central_government_or_of_a_city_is_no_part_of_the_zone_its_sentence_speaks_of():
    found = facts("潍坊高新区管委会与商务部、海关总署、市经信委、发改局等部门座谈。")
    parts = {(s, o) for s, p, o, _ in found if p == "partOf"}
    assert ("发改局", "潍坊高新区") in parts         # a bureau named by its work alone is the zone's
    assert not {("商务部", "潍坊高新区"), ("海关总署", "潍坊高新区"), ("市经信委", "潍坊高新区")} & parts
    # nor is a body of the Party's centre, named bare as news names it
    found = facts("潍坊高新区认真落实党中央、国务院决策部署，推动发改局、财政局加快项目建设。")
    parts = {(s, o) for s, p, o, _ in found if p == "partOf"}
    assert ("发改局", "潍坊高新区") in parts
    assert ("党中央", "潍坊高新区") not in parts


def test_a_total_for_a_group_of_projects_is_no_projects_investment():
    found = facts("石家庄高新区集中开工石家庄高新区科技创业园区产业赋能中心项目等项目31个、总投资额40.6亿元。")
    assert not [f for f in found if f[1] == "totalInvestment"]


def test_a_total_the_projects_listed_after_it_share_is_no_projects_investment():
    found = facts("新年伊始，潍坊高新区先后举行三次签约活动，总投资额超800亿元，包括星河功率半导体项目、临江芯片项目等。")
    assert not [f for f in found if f[1] == "totalInvestment"]


def test_a_total_for_the_projects_a_sentence_counts_before_it_is_no_projects_investment():
    found = facts("现场签约的星海智能装备产业园项目、蓝田新材料生产基地项目等6个重点项目，涵盖电子信息、新材料等领域，"
                  "总投资35亿元。")
    assert not [f for f in found if f[1] == "totalInvestment"]


def test_a_sum_its_parts_follow_after_qizhong_is_no_projects_investment():
    found = facts("蓝田新材料生产基地项目建设提速，总投资284亿元，其中亿元以上子项目35个。")
    assert not [f for f in found if f[1] == "totalInvestment"]


def test_an_amount_before_de_is_the_investment_of_the_project_it_describes_or_of_none():
    text = "园区先后引进总投资40亿元的星海智能装备产业园项目、总投资25亿元的蓝田新材料生产基地项目和总投资8000万元的数据服务平台。"
    assert {f for f in facts(text) if f[1] == "totalInvestment"} == {
        ("星海智能装备产业园项目", "totalInvestment", 4e9, None), ("蓝田新材料生产基地项目", "totalInvestment", 2.5e9, None)}


def test_an_amount_before_de_describes_its_project_even_where_a_group_is_spoken_of():
    text = "一批重大项目签约落地，其中，投资12亿元的星海智能装备产业园项目进展最快。"
    assert {f for f in facts(text) if f[1] == "totalInvestment"} == {
        ("星海智能装备产业园项目", "totalInvestment", 1.2e9, None)}


def test_an_amount_a_clause_gives_after_the_sentence_that_names_the_project_is_that_projects():
    text = "当日，还签约落地了星河创新技术研究所项目。该研究所由院士团队联合星河大学共同建设，计划总投资11亿元。"
    assert ("星河创新技术研究所项目", "totalInvestment", 1.1e9, None) in facts(text)
    text = "当日，还签约落地了星河创新技术研究所项目。全区全年完成投资11亿元。"      # not a clause about it
    assert not {f for f in facts(text) if f[1] == "totalInvestment"}


def test_an_amount_a_sentence_naming_nothing_gives_is_the_project_named_before_it():
    text = "当日，星河创新技术研究所项目签约落地。计划总投资11亿元，建设期两年。"     # the second names nothing
    assert ("星河创新技术研究所项目", "totalInvestment", 1.1e9, None) in facts(text)


def test_a_projects_signed_amount_is_its_investment():
    text = "蓝田新材料生产基地项目签约额6亿元，投资方为星河材料公司。"
    assert ("蓝田新材料生产基地项目", "totalInvestment", 6e8, None) in facts(text)


def test_a_title_that_names_its_issuer_is_that_bodys():
    found = facts("潍坊高新区认真学习《商务部关于推动外贸稳规模优结构的若干意见》，抓好落实。")
    issued = {(s, o) for s, p, o, _ in found if p == "issues"}
    assert issued == {("商务部", "《商务部关于推动外贸稳规模优结构的若干意见》")}


def test_a_policy_named_after_a_zone_or_a_body_of_the_page_is_theirs_the_longest_name_first():
    found = facts("东川高新区代表介绍经验。临江高新区学习《东川高新区实体经济高质量发展行动计划》。")
    assert {(s, o) for s, p, o, _ in found if p == "issues"} == {
        ("东川高新区", "《东川高新区实体经济高质量发展行动计划》")}         # not the zone named before it
    found = facts("国务院办公厅印发《国务院办公厅关于促进开发区改革和创新发展的若干意见》。国务院常务会议审议通过。")
    assert {(s, o) for s, p, o, _ in found if p == "issues"} == {
        ("国务院办公厅", "《国务院办公厅关于促进开发区改革和创新发展的若干意见》")}


def test_a_name_of_two_characters_before_a_policy_says_what_it_is_about_not_who_issued_it():
    from kg.model import Entity
    from kg.relate.titles import issuer_of
    zone = Entity("南湖", "Zone")
    assert issuer_of("《南湖高新区发展规划》", [("南湖高新区", zone)]) is zone
    assert issuer_of("《南湖高新区》", [("南湖高新区", zone)]) is None       # the name alone issues nothing
    committee = Entity("东川市委", "GovernmentAgency")       # the party's committee, with or without 中共
    assert issuer_of("《中共东川市委关于加快建设创新城市的若干意见》", [("东川市委", committee)]) is committee


def test_a_title_that_names_an_issuer_the_page_does_not_is_not_the_zones():
    found = facts("临江高新区认真贯彻《中共东川市委关于加快建设创新城市的若干意见》，抓好落实。")
    assert not {f for f in found if f[1] == "issues"}


def test_an_item_of_a_list_is_not_the_body_the_list_after_it_is_of():
    # 星辰电子 is one of the firms listed, not what the zone's industries belong to; nor is an industry of one
    text = "临江高新区已集聚星辰电子、海川科技等企业。园区聚集了星辰电子、海川科技、东湖信息，形成集成电路、新型显示产业集群。"
    found = {(s, o) for s, p, o, _ in facts(text) if p == "focusesOn"}
    assert ("临江高新区", "集成电路") in found
    assert not {(s, o) for s, o in found if s in ("星辰电子", "海川科技", "东湖信息", "集成电路")}
    # nor is the last item, which 等 ends the list with
    text = "临江高新区发展迅速。园区聚集了星辰电子、海川科技、东湖信息等骨干企业，已初步形成集成电路、新型显示等产业群。"
    found = {(s, o) for s, p, o, _ in facts(text) if p == "focusesOn"}
    assert ("临江高新区", "集成电路") in found
    assert not {(s, o) for s, o in found if s in ("星辰电子", "海川科技", "东湖信息")}


def test_a_zone_is_no_partner_of_its_own_committee():
    found = facts("临江经开区举行签约仪式。会后，与临江经开区管委会、星海科技有限公司签署合作协议。")
    assert ("临江经开区", "cooperatesWith", "临江经开区管委会", None) not in found


def test_what_bodies_build_together_is_no_partner_of_theirs():
    found = facts("星海先进技术研究所由院士团队联合东川农业大学、临江市科技局和临江高新区共同建设，落户科学城。")
    partners = {(s, o) for s, p, o, _ in found if p == "cooperatesWith"}
    assert not {(s, o) for s, o in partners if "星海先进技术研究所" in (s, o)}
    assert ("东川农业大学", "临江市科技局") in partners       # the builders named as one party work together


def test_hedged_amount_keeps_its_qualifier():
    doc = extract("潍坊高新区磁悬浮智能制造产业化项目总投资约35亿元。")
    money = next(t.value for t in doc.triples if t.predicate == "totalInvestment")
    assert (money.amount, money.currency, money.qualifier) == (3.5e9, "CNY", "约")


def test_every_fact_carries_its_sentence_and_span_in_the_original():
    raw = "潍坊高新区经济发展局党委书记、\n\n局长韩滨说。"
    doc = extract(raw)
    role = next(t for t in doc.triples if t.predicate == "holdsRole")
    p = role.provenance
    # the evidence is the page's own text, line break and all
    assert p.text == raw[p.start:p.end] == "潍坊高新区经济发展局党委书记、\n\n局长韩滨说。"


def test_a_project_named_after_its_zone_is_in_that_zone_not_the_articles():
    text = ("昆明高新区举办活动。昆明高新区服务企业。江阴高新区南菁高中漪山湖校区建设工地打下第一根工程桩。"
            "该项目建成后将招生。")
    located = {(s, o) for s, p, o, _ in facts(text) if p == "locatedIn"}
    assert ("南菁高中漪山湖校区", "江阴高新区") in located
    assert ("南菁高中漪山湖校区", "昆明高新区") not in located


def test_what_a_project_brings_in_is_not_its_zones_focus():
    text = ("合肥高新区兴园产业园最后一栋高层完成封顶。"
            "该项目建成后，计划引进公共安全、人工智能、文化创意等战略性新兴产业企业。")
    assert not {f for f in facts(text) if f[1] == "focusesOn"}


def test_the_name_a_project_begins_with_is_its_builder_when_it_stands_alone_elsewhere():
    text = ("近日，星图航天柔性化卫星研发及制造基地项目签约仪式在江阴高新区举行。"
            "星图航天致力于研制高性能的微小卫星。")
    assert ("星图航天", "investsIn", "星图航天柔性化卫星研发及制造基地项目", None) in facts(text)


def test_an_article_about_a_zones_park_is_about_the_zone_too():
    doc = process(Document(id="text", raw="兰州高新区定连园区今年新开工项目12个。兰州高新区定连园区建设提速，"
                                          "兰州高新区将加快发展。"), until=relate)
    ctx = read_by_rules(doc)
    assert ctx.main_zone(doc.sentences[0].index).name == "兰州高新区"


def test_an_article_is_about_the_zone_it_calls_by_its_kind_alone_too():
    doc = process(Document(id="text", raw="绵阳经开区精细化工产业园签约6个项目。精细化工产业园位于城南。"
                                          "经开区负责人表示，经开区将做好服务，精细化工产业园将加快建设。"), until=relate)
    ctx = read_by_rules(doc)
    assert ctx.main_zone(doc.sentences[0].index).name == "绵阳经开区"


def test_an_article_that_names_a_county_more_often_than_its_zone_is_the_countys():
    county = ("长丰县在杭州举办招商推介会。长丰县向客商重点推荐了合肥高新区星河产业园等项目。"
              "长丰县共签约项目8个，涵盖新材料、智能装备等领域。")
    doc = process(Document(id="text", raw=county), until=relate)
    assert read_by_rules(doc).main_zone(doc.sentences[0].index) is None
    # a district the zone is named with in brackets is the zone under another name
    same = ("宝鸡高新区（渭滨区）举办招商推介会。渭滨区向客商重点推荐了星河产业园等项目。"
            "渭滨区共签约项目8个，涵盖新材料、智能装备等领域。")
    doc = process(Document(id="text", raw=same), until=relate)
    assert read_by_rules(doc).main_zone(doc.sentences[0].index).name == "宝鸡高新区"


def test_the_fields_of_the_posts_a_job_fair_offers_are_not_the_zones_industries():
    text = ("云溪高新区重点发展新材料、生物医药等产业。云溪高新区举办就业招聘会。"
            "招聘岗位涉及行政管理、电子商务、机械制造、旅游服务等行业，吸引了大批高校毕业生。")
    industries = {o for s, p, o, _ in facts(text) if p == "focusesOn"}
    assert {"新材料", "生物医药"} <= industries
    assert not {"电子商务", "机械制造", "旅游服务"} & industries


def test_a_districts_own_article_naming_its_zone_only_in_a_post_has_no_zone():
    district = ("12月3日，我区举行招商引资项目集中签约活动。区委书记林青出席并讲话，区长王强致辞。"
                "区委常委、云溪高新区党工委书记李明主持。我区将围绕食品、陶瓷等产业，打造消费品工业集群。")
    doc = process(Document(id="text", raw=district), until=relate)
    assert read_by_rules(doc).main_zone(doc.sentences[0].index) is None
    assert not [f for f in facts(district) if f[1] == "focusesOn"]
    # the zone's own article names the zone beside its posts as well
    zone = district.replace("我区将围绕", "云溪高新区将围绕")
    doc = process(Document(id="text", raw=zone), until=relate)
    assert read_by_rules(doc).main_zone(doc.sentences[0].index).name == "云溪高新区"


def test_a_zones_bare_committee_is_the_zones_where_the_article_names_a_park_of_it_as_often():
    text = "9月5日，益阳高新区东部新区举行重大项目集中签约活动，区党工委书记王强出席并讲话。"
    assert ("王强", "holdsRole", "益阳高新区", "党工委书记") in facts(text)


def test_a_ceremony_signs_the_projects_named_in_the_sentences_after_it_and_no_later():
    text = ("论坛开幕前，芜湖高新区与多家企业举行合作项目签约仪式。"
            "根据合作协议，星河医药公共研发平台项目、临江医疗器械生产基地项目等12个项目落户。"
            "芜湖高新区规划建设了东湖生态科技新城项目。"
            "目前，芜湖高新区已聚集全市九成医药企业。"
            "去年开工的海川新材料项目已经投产。")
    signed = {o for s, p, o, _ in facts(text) if p == "signs"}
    assert {"星河医药公共研发平台项目", "临江医疗器械生产基地项目"} <= signed
    assert "海川新材料项目" not in signed      # three sentences on: the ceremony's report is over


def test_the_article_s_zone_signs_where_the_sentence_names_another_zone_first():
    text = ("芜湖高新区举行重点项目推介会。芜湖高新区负责人介绍了园区优势。"
            "在合肥高新区举行的推介会上，芜湖高新区现场签约星河医药公共研发平台项目。")
    signers = {s for s, p, o, _ in facts(text) if p == "signs" and o == "星河医药公共研发平台项目"}
    assert signers == {"芜湖高新区"}


def test_a_signing_is_not_of_projects_whose_own_clause_says_they_start_or_go_on():
    text = ("芜湖高新区今年以来，星河医药公共研发平台项目等35个产业项目签约落地，"
            "临江快速路项目、海川生态公园项目等84个重大基础设施项目加快推进。")
    signed = {o for s, p, o, _ in facts(text) if p == "signs"}
    assert "星河医药公共研发平台项目" in signed
    assert not {"临江快速路项目", "海川生态公园项目"} & signed
    # nor, after a ceremony, of those whose clause says they were talked over
    text = ("芜湖高新区举行重点项目签约仪式。"
            "会后，芜湖高新区邀请临江快速路项目、海川生态公园项目的负责人考察洽谈。")
    assert not {"临江快速路项目", "海川生态公园项目"} & {o for s, p, o, _ in facts(text) if p == "signs"}


def test_a_sentence_on_the_projects_named_before_it_that_says_they_were_signed_signs_them():
    text = ("芜湖高新区临江快速路项目、海川生态公园项目、星河医药公共研发平台项目……"
            "一个个项目的签约落地，预示着园区发展进入快车道。")
    signed = {o for s, p, o, _ in facts(text) if p == "signs"}
    assert {"临江快速路项目", "海川生态公园项目", "星河医药公共研发平台项目"} <= signed


def test_the_industries_a_city_is_said_to_seize_are_not_the_articles_zones():
    text = "芜湖高新区举行重点项目签约仪式。芜湖市正抢抓新能源汽车、新材料等产业风口，打造现代产业集群。"
    assert not {o for s, p, o, _ in facts(text) if p == "focusesOn" and s == "芜湖高新区"}
    text = "芜湖高新区举行重点项目签约仪式。园区正抢抓新能源汽车、新材料等产业风口，打造现代产业集群。"
    assert {"新能源汽车", "新材料"} <= {o for s, p, o, _ in facts(text) if p == "focusesOn" and s == "芜湖高新区"}


def test_posts_in_several_bodies_go_back_to_each_body_over_its_zone_and_a_post_ending_in_a_kind():
    text = "乌鲁木齐市委副书记、市政协党组书记、经开区(头屯河区)区委书记王建国出席。"
    held = {(o, r) for s, p, o, r in facts(text) if p == "holdsRole" and s == "王建国"}
    assert {("乌鲁木齐市委", "副书记"), ("乌鲁木齐市政协", "党组书记")} <= held
    # and over a post that ends with a body's kind (管委会主任), to the body before it
    text = "芜湖经开区管委会主任、镜湖区政府区长王建国出席。"
    held = {(o, r) for s, p, o, r in facts(text) if p == "holdsRole" and s == "王建国"}
    assert {("芜湖经开区管委会", "主任"), ("镜湖区政府", "区长")} <= held


def test_a_zone_named_right_after_its_province_is_in_it_though_the_model_read_the_zone_alone():
    from kg.derive import derive
    from kg.model import Mention
    from kg.recognize import recognise
    from kg.resolve import resolve
    text = "甘肃兰州新区、四川成都星湖新区召开大会。"
    doc = process(Document(id="text", raw=text), until=recognise)
    doc.mentions = [Mention(name, kind, text.index(name), text.index(name) + len(name), 0, source="model")
                    for name, kind in [("甘肃", "Place"), ("兰州新区", "Zone"), ("四川", "Place"), ("成都", "Place"),
                                       ("星湖新区", "Zone")]]
    found = {(t.subject.name, t.object.name) for t in read_by_rules(derive(resolve(doc))).triples.values()
             if t.predicate == "locatedIn"}
    assert {("兰州新区", "甘肃省"), ("星湖新区", "四川省"), ("星湖新区", "成都市")} <= found
    # a province the zone does not lie in is not its
    text = "四川兰州新区召开大会。"
    doc = process(Document(id="text", raw=text), until=recognise)
    doc.mentions = [Mention("四川", "Place", 0, 2, 0, source="model"), Mention("兰州新区", "Zone", 2, 6, 0, source="model")]
    assert ("兰州新区", "四川省") not in {(t.subject.name, t.object.name)
                                     for t in read_by_rules(derive(resolve(doc))).triples.values()}


def test_a_park_no_lexicon_holds_is_in_the_zone_its_article_is_about_unless_its_name_places_it_elsewhere():
    about = "潍坊高新区召开大会。潍坊高新区今年新开工项目30个。其中，"
    found = facts(about + "星河工业园区新增开工项目4个。")
    assert ("星河工业园区", "locatedIn", "潍坊高新区", None) in found
    # a park its name puts in another city (大兴区 is Beijing's) is no park of this zone
    assert not {f for f in facts(about + "大兴区星河工业园区新增开工项目4个。") if f[2] == "潍坊高新区"}


def test_a_park_named_after_its_zone_is_in_the_zone_and_not_on_its_own_in_the_zones_city():
    found = facts("兰州高新区星河园区新开工项目12个。")
    assert ("兰州高新区星河园区", "locatedIn", "兰州高新区", None) in found
    assert ("兰州高新区星河园区", "locatedIn", "兰州市", None) not in found
    # a zone and the district it is one with in brackets is no park: it lies where its name says
    assert ("乌鲁木齐经开区（头屯河区）", "locatedIn", "乌鲁木齐市", None) in facts("乌鲁木齐经开区（头屯河区）召开大会。")


def test_partners_each_named_with_whoever_stands_for_them_all_work_with_the_body():
    found = facts("区长王强代表临江区政府分别与星河工业股份有限公司董事长许明和海川新能源有限公司董事长张远签订了框架合作协议。")
    assert {("临江区政府", "cooperatesWith", "星河工业股份有限公司", None),
            ("临江区政府", "cooperatesWith", "海川新能源有限公司", None)} <= found


def test_bodies_listed_as_another_bodys_units_are_part_of_it():
    found = facts("星河纳米中心、临江微电子所、东川自动化所等8家中科院直属单位均在该区设立了研究院。")
    assert {("临江微电子所", "partOf", "中科院", None), ("东川自动化所", "partOf", "中科院", None)} <= found


def test_a_department_headed_by_a_member_of_a_party_committee_is_the_committees_not_the_zones():
    found = facts("临江高新区举行大会。临江市委常委、统战部部长王明出席。")
    assert ("统战部", "partOf", "临江市委", None) in found
    assert ("统战部", "partOf", "临江高新区", None) not in found


def test_a_park_whose_zone_is_named_only_in_its_name_is_the_articles_where_no_body_of_the_zone_acts():
    text = ("9月5日，市政府举行重大项目集中签约仪式，益阳高新区东部新区设置了分会场。"
            "星河医药公共研发平台项目、临江医疗器械生产基地项目等12个项目集中签约。")
    located = {(s, o) for s, p, o, _ in facts(text) if p == "locatedIn"}
    assert ("星河医药公共研发平台项目", "益阳高新区东部新区") in located
    assert ("星河医药公共研发平台项目", "益阳高新区") not in located
    acting = text.replace("设置了分会场。", "设置了分会场，区党工委书记王强出席。")      # the zone's own body acts
    assert ("星河医药公共研发平台项目", "益阳高新区") in {(s, o) for s, p, o, _ in facts(acting) if p == "locatedIn"}


def test_a_project_named_after_a_firm_is_built_by_the_firm_not_its_arm():
    from kg.model import Entity
    from kg.relate.projects import _named_whole

    assert _named_whole("星河研发创新中心", Entity("星河", "Company"))
    assert _named_whole("成都海川重工智能装备产业园项目", Entity("海川重工集团有限公司", "Company"))    # its core
    assert not _named_whole("星河研发创新中心", Entity("星河中国公司", "Company"))       # the core's first characters
