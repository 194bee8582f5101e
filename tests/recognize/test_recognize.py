"""Sentences of the seeds, and the entities kg must find in them."""
import pytest

from kg.pipeline import extract


def entities(sentence: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in extract(sentence).entities}


@pytest.mark.parametrize("sentence, expected", [
    ("湖北犇星新材料股份有限公司董事长戴百雄表示，新的一年将推行“赛马机制”。",
     {("Company", "湖北犇星新材料股份有限公司"), ("Person", "戴百雄")}),
    ("相继吸引了石药巨石、药明生物、绿叶制药、华普生物等高科技企业入驻。",
     {("Company", "石药巨石"), ("Company", "药明生物"), ("Company", "绿叶制药"), ("Company", "华普生物")}),
    ("保定高新区党群部联合保定市公安局高新区分局网安大队走进保定高新区实验学校开展宣传活动。",
     {("GovernmentAgency", "保定高新区党群部"), ("GovernmentAgency", "保定市公安局高新区分局网安大队"),
      ("Organization", "保定高新区实验学校"), ("Zone", "保定高新区"), ("Place", "保定市"),
      ("GovernmentAgency", "保定市公安局高新区分局"), ("GovernmentAgency", "保定市公安局")}),
    ("近日，魔方卫星柔性化卫星研发及制造基地项目签约仪式在江阴高新区举行。",
     {("Project", "魔方卫星柔性化卫星研发及制造基地项目"), ("Zone", "江阴高新区"), ("Place", "江阴市")}),
    ("江阴高新区把商业航天、低空经济作为抢占未来产业新赛道的主攻方向。",
     {("Industry", "商业航天"), ("Industry", "低空经济")}),
    ("中国科学院院士卞修武、中国工程院院士李克强等顶尖人才7名。",
     {("Organization", "中国科学院"), ("Organization", "中国工程院"), ("Person", "卞修武"), ("Person", "李克强")}),
    ("景德镇高新区出台《景德镇高新区重点产业目标化清单化精准招商工作方案》。",
     {("Policy", "《景德镇高新区重点产业目标化清单化精准招商工作方案》")}),
    ("聚力打造智能网联新能源汽车及核心器件、软件和信息服务、新型智能终端3个主导产业。",
     {("Industry", "智能网联新能源汽车及核心器件"), ("Industry", "软件和信息服务"), ("Industry", "新型智能终端")}),
    ("沪渝人工智能研究院顶尖人才金石带领团队发布了重庆首款大语言模型“兆言”。",
     {("Organization", "沪渝人工智能研究院"), ("Product", "兆言")}),
    ("成都倍特药业股份有限公司自主研发的1类新药——BPR-30221616注射液获得批准。",
     {("Company", "成都倍特药业股份有限公司"), ("Product", "BPR-30221616注射液")}),
    ("企业家们表示，随州高新区将聚力实施产业建群强链工程、项目招引落地工程、企业技改扶强工程三大工程。",
     {("Policy", "产业建群强链工程"), ("Policy", "项目招引落地工程"), ("Policy", "企业技改扶强工程")}),
    ("潍坊高新区还配套推行工程建设项目审批服务“一窗通办”，多部门多事项统一办理。",
     {("Policy", "“一窗通办”")}),
    # 站旁 says where the park is; it is no part of its name
    ("魔方卫星在高铁站旁绮山湖科创谷空天产业园落地。", {("Project", "绮山湖科创谷空天产业园")}),
    ("江阴高新区南菁高中漪山湖校区建设工地打下第一根工程桩。", {("Project", "南菁高中漪山湖校区")}),
    ("共谋划宝钛集团科技新城产业园、合力叉车宝鸡制造工业园等重点项目214个。",
     {("Project", "合力叉车宝鸡制造工业园")}),
    ("近日，武汉市新型显示产业创新联合实验室在武汉东湖高新区启用。",
     {("Organization", "武汉市新型显示产业创新联合实验室")}),
    # the tagger glued 胜 to 了; a short name before a post and a person is a company's
    ("先后吸引了胜代机械、大京机械、东洋热交换器等12家日资外协企业前来投资。",
     {("Company", "胜代机械"), ("Company", "大京机械"), ("Company", "东洋热交换器")}),
    ("金石带领团队发布了大语言模型；联芯致康杰出人才郭劲宏带领团队成功研制了纳米马达驱动的光学生物传感器件。",
     {("Company", "联芯致康"), ("Person", "郭劲宏")}),
    # a unit of a body is of the body's kind; a public body may serve enterprises
    ("成都倍特药业股份有限公司的新药已获得国家药品监督管理局药品审评中心（CDE）批准。",
     {("GovernmentAgency", "国家药品监督管理局药品审评中心"), ("GovernmentAgency", "国家药品监督管理局")}),
    ("中国未来研究会营商环境与企业法治工作委员会主任黄开堂表示，可以看到。",
     {("Organization", "中国未来研究会营商环境与企业法治工作委员会"), ("Organization", "中国未来研究会"),
      ("Person", "黄开堂")}),
    ("昆明高新区举办新一期活动，由企业综合服务部“坐诊”。", {("GovernmentAgency", "企业综合服务部")}),
    # products by a plant's yearly output and as one new product
    ("魔方卫星具备年产200颗卫星核心部组件的配套能力。", {("Product", "卫星核心部组件")}),
    ("该企业最新开发的一款新型贴片电阻产品即将投入量产。", {("Product", "新型贴片电阻")}),
    ("根据烟台高新区2024年产业重点项目清单，烟台高新区行政审批服务局主动调研。",
     {("Policy", "烟台高新区2024年产业重点项目清单")}),
    # lists ending in 新模式, 行业 and N个方向 are lists of industries too
    ("围绕跨境电商、外贸综合服务、海外仓等新模式，济南高新区与当地电子信息、智能装备、生物医药等传统优势行业结合。",
     {("Industry", "跨境电商"), ("Industry", "外贸综合服务"), ("Industry", "海外仓"), ("Industry", "电子信息"),
      ("Industry", "智能装备")}),
    ("该联合实验室将围绕未来显示器件、新材料、检测设备、车载显示屏4个方向，突破一批关键核心技术。",
     {("Industry", "未来显示器件"), ("Industry", "车载显示屏")}),
    # a zone or a place, then 与: two parties, not one company's name
    ("2023年淄博高新区与山东恒达机械有限公司签约。", {("Zone", "淄博高新区"), ("Company", "山东恒达机械有限公司")}),
    ("潍坊市与山东恒达机械有限公司签约。", {("Place", "潍坊市"), ("Company", "山东恒达机械有限公司")}),
])
def test_finds_entities(sentence, expected):
    assert expected <= entities(sentence)


@pytest.mark.parametrize("sentence, not_expected", [
    # 布局 and 格局 end like a bureau (局) but are not one
    ("形成了新的产业布局和发展格局。", {"GovernmentAgency"}),
    # generic projects are no project's name
    ("潍坊高新区集中开工重点项目20个。", {"Project"}),
    # a verb takes 项目 as its object; a count makes a kind of project; an honour is no project
    ("据悉，宝鸡高新区今年集中精力抓项目、促投资。", {"Project"}),
    ("广泛开展项目建设劳动竞赛。", {"Project"}),
    ("济南高新区已集聚重点培育的20余个外贸新业态项目。", {"Project"}),
    ("济南高新区连续2年入选山东省外贸新业态特色园区。", {"Project"}),
    # a manner of service, a company's strategy and the first blow of a project are no policies
    ("成立服务项目工作室，围绕重点项目提供“保姆”式服务。", {"Policy"}),
    ("湖北犇星新材料股份有限公司董事长戴百雄表示，新的一年将推行“赛马机制”、实施“分兵战术”。", {"Policy"}),
    ("正式打响项目建设坚实的“第一锤”。", {"Policy"}),
    # 年产值 and 2019年产业 are no yearly output
    ("2019年产业体系先进性指数显示，年产值超过10亿元。", {"Product"}),
    ("重点在平台经济等领域发掘一批掌握行业技术、市场等话语权的“独角兽企业”。", {"Company"}),
    # 技术成果产业化 makes results into products; a list of works is no list of industries
    ("鼓励企业将奖励资金用于创新和研发投入、技术成果产业化应用。", {"Industry"}),
    # 高新区 before a post names the zone the post is in, not a company
    ("高新区管委会主任王明表示，将继续优化营商环境。", {"Company"}),
])
def test_does_not_take_words_for_names(sentence, not_expected):
    assert not {t for t, _ in entities(sentence)} & not_expected


@pytest.mark.parametrize("sentence, not_expected", [
    ("西部科学城拿出真金白银支持人才。", ("Place", "白银市")),
    # a kind of platform, idle plants and 各项目 name no project
    ("积极搭建创新创业服务平台、公共检测服务平台。", ("Project", "创新创业服务平台")),
    ("全面开展闲置工业厂房调查摸底。", ("Project", "闲置工业厂房")),
    # words that name a kind of institution name no institution
    ("新政提出要积极引进技术创新中心、国家重点实验室。", ("Organization", "国家重点实验室")),
    ("这一刻标志着一座高品质学校即将从图纸变为现实。", ("Organization", "高品质学校")),
    # 领域新、潜力大 are verdicts on the firms, not industries
    ("加快培育一批成长速度快、创新能力强、专业领域新、发展潜力大的企业。", ("Industry", "速度快")),
    ("天津滨海高新区建设市级产业创新中心。", ("Organization", "天津滨海高新区建设市级产业创新中心")),
    # 建设 before a place is a verb whose object the name is
    ("金凤实验室正加快建设重庆实验室“新样板”。", ("Organization", "建设重庆实验室")),
    # a list of works is no list of industries, though its last item is one
    ("下一步将做好高新技术企业培育申报、景德镇航空制造创新中心建设、航空产业集群数字化转型建设等重点工作。",
     ("Industry", "申报")),
])
def test_words_are_not_names(sentence, not_expected):
    assert not_expected not in entities(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("景德镇高新区成立科技创新与人才服务中心筹建领导小组，旨在打造孵化器。",
     ("GovernmentAgency", "科技创新与人才服务中心筹建领导小组")),
    ("近期，石家庄市重点建设领导小组办公室发布2024年重点建设项目。",
     ("GovernmentAgency", "石家庄市重点建设领导小组办公室")),
])
def test_names_that_hold_verbs(sentence, expected):
    assert expected in entities(sentence)


def test_industry_drops_its_trailing_产业_and_keeps_it_as_alias():
    doc = extract("石家庄高新区高度重视生物医药和新一代电子信息产业的发展。")
    bio = doc.entity("生物医药", "Industry")
    assert bio is not None
    assert doc.entity("新一代电子信息产业", "Industry").name == "新一代电子信息"


def test_one_policy_under_its_quoted_name_and_its_longer_forms():
    doc = extract("石家庄高新区开展了‘遍访企业’服务活动。石家庄高新区开展“遍访企业”“遍访项目”行动。")
    policies = [e for e in doc.entities if e.type == "Policy"]
    assert len([e for e in policies if "遍访企业" in e.name + "".join(e.aliases)]) == 1


def test_place_short_form_is_an_alias_of_the_full_name():
    doc = extract("助力推动海南省生物医药产业聚集和发展，推动海南生物医药产业蓬勃发展。")
    hainan = doc.entity("海南省", "Place")
    assert hainan is not None and "海南" in hainan.aliases


def test_an_adverb_the_tagger_calls_a_noun_is_no_part_of_a_name():
    assert ("Company", "昆明电缆集团") in entities("充分发挥昆明电缆集团作为考试站的平台作用。")
