"""The shipped model on real sentences it never saw: seeds/003 and seeds/004 are pages of the same
newspaper as the dev gold, with no gold of their own, so no training file holds them. Each row is a
sentence as kg reads it and the people, companies and zones a careful reader finds in it."""
from pathlib import Path

from kg.model import Document
from kg.pipeline import STAGES, extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KOMATSU = ("小松（山东）工程机械公司是济宁高新区一家日本独资企业，自小松在济宁高新区建立生产基地以来，先后吸引了胜代机械、"
           "大京机械、东洋热交换器、兴和机械、共和机械、高周波热炼、乡商事等12家日资外协企业前来投资，并培育了济宁锐博"
           "工程机械有限公司、山东松岳工程机械有限公司、山东东宇工程机械有限公司等一批工程机械零部件配套企业，让济宁地区"
           "能成为全国配套能力最强的工程机械生产基地之一，产业集聚效应初步显现。")
TABLE = [
    ("近日，位于济宁高新区的海富电子服务机器人项目已建设完成，进入试生产阶段，海富电子服务机器人项目是济宁市海富电子科技"
     "有限公司打造的重点项目。", {("Zone", "济宁高新区"), ("Company", "济宁市海富电子科技有限公司")}),
    ("海富电子服务机器人项目经理刘盛楠介绍。", {("Person", "刘盛楠")}),
    (KOMATSU, {("Company", "小松（山东）工程机械公司"), ("Zone", "济宁高新区"), ("Company", "大京机械"),
               ("Company", "东洋热交换器"), ("Company", "兴和机械"), ("Company", "共和机械"),
               ("Company", "济宁锐博工程机械有限公司"), ("Company", "山东松岳工程机械有限公司"),
               ("Company", "山东东宇工程机械有限公司")}),
    ("潍柴集团党委副书记、副董事长、潍柴动力党委书记、CEO王德成说。",
     {("Company", "潍柴集团"), ("Company", "潍柴动力"), ("Person", "王德成")}),
    ("作为昆明市中老铁路沿线产业工人技能人才培养基地，昆明电缆集团勇担重任，积极发挥示范引领作用，为电线电缆行业选拔输送"
     "大量高素质技能人才。", {("Company", "昆明电缆集团")}),
    ("本次培训吸引了昆电工、明超电缆等8家电线电缆生产企业的100余名职工参与，开设《电线电缆基础知识》《电线电缆制造工艺学》"
     "《电线电缆挤塑工艺学》等核心课程，以及高级工、中级工的实操与理论课程。", {("Company", "昆电工"), ("Company", "明超电缆")}),
    ("比如，专注新材料、高端制造业等行业投资的联合资本，其设立的基金投资了凌阳华芯、明晟鑫邦、星宸科技等本地优质企业，"
     "2019年联和基金所投资企业为厦门贡献了近10亿元产值。", {("Company", "凌阳华芯"), ("Company", "星宸科技")}),
    ("15分钟工作生活圈、30分钟创新创业带、一小时企业互动群、方圆500米内创业服务速达...一张厦门火炬高新区的服务流动图在"
     "各个园区点缀铺开。", {("Zone", "厦门火炬高新区")}),
    ("本报讯 为全面做好石嘴山高新区双创升级工作，熟练掌握各双创特色载体2020年上半年工作成效和下半年重点项目活动计划，近日，"
     "由石嘴山高新区管委会牵头，会同园区7家双创特色载体负责人召开工作推进会。",
     {("Zone", "石嘴山高新区"), ("GovernmentAgency", "石嘴山高新区管委会")}),
    ("本报讯 近日，西安高新区行政审批服务局表示，从9月7日起，西安城南雁塔区、长安区、鄠邑区、曲江新区、航天基地的企业、"
     "群众办理知识产权、公积金、贸易促进等相关业务时，都可以就近到西安高新区办理了。",
     {("Zone", "西安高新区"), ("GovernmentAgency", "西安高新区行政审批服务局")}),
    ("新余高新区全力打造的碳纤维产业园目前已招引碳纤维企业30家，其中有15家已经投产，15家正在建设和装修厂房，还有正在对接"
     "洽谈项目7个。", {("Zone", "新余高新区")}),
    ("支持天津滨海高新区内骨干企业与高校共同建立高端人才培养机制，实现定向定点就业、校企共赢。", {("Zone", "天津滨海高新区")}),
]


def unseen_sentences() -> set[str]:
    found = set()
    for stem in ("003_a47ea2bfe5e6e35c", "004_a30f9cb8c58a19bd"):
        doc = Document(id=stem, raw=(SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))
        for stage in STAGES[:3]:        # simplify, repair, segment: the sentences as kg reads them
            doc = stage(doc)
        found |= {s.text for s in doc.sentences}
    return found


def test_every_sentence_of_the_table_is_one_of_the_unseen_pages():
    assert {sentence for sentence, _ in TABLE} <= unseen_sentences()


def test_the_shipped_model_finds_nine_in_ten_of_the_people_companies_and_zones_of_unseen_sentences():
    """A statistical model misses some names (潍柴动力 after 潍柴集团's posts); nine in ten it must find."""
    missed = [name for sentence, expected in TABLE
              for name in sorted(expected - {(e.type, e.name) for e in extract(sentence).entities})]
    wanted = sum(len(expected) for _, expected in TABLE)
    assert len(missed) <= wanted // 10, f"missed {len(missed)} of {wanted}: {missed}"
