"""The company a project is named after, split off its name by a model that learned where such names split."""
import json
from pathlib import Path

import numpy as np
import pytest

from kg.derive.owners import Owners, splits
from kg.pipeline import extract
from kg.train import owners as training

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "gold" / "dev2").is_dir(), reason="needs ../shared with the gold")


def test_a_name_splits_only_after_a_word_leaving_two_characters_either_side():
    name = "星辰电子智能传感器生产基地项目"
    ends = [end for end, _ in splits(name, name)]
    assert ends and all(2 <= end <= len(name) - 2 for end in ends)
    assert name.index("智能") in ends         # 星辰电子 | 智能传感器…


def test_the_page_naming_the_front_part_on_its_own_is_a_feature():
    name = "星辰电子智能传感器生产基地项目"

    def at_4(page):
        return dict(splits(name, page))[4]
    assert "elsewhere=1" in at_4(f"{name}开工。星辰电子表示……") and "elsewhere=0" in at_4(f"{name}开工。")


def test_the_page_listing_the_name_among_others_is_a_feature():
    """A signing's list names most of its projects after their firms; a project named alone, less often."""
    name = "星辰光电产业园"

    def listed(page):
        return "listed" in dict(splits(name, page))[4]
    assert listed(f"签约项目包括{name}、海川汽车电子生产基地等。")            # an item before 、
    assert listed(f"签约项目包括海川汽车电子生产基地、{name}等。")            # the last, before 等
    assert listed(f"签约项目包括海川汽车电子生产基地和{name}。")              # after 和
    assert not listed(f"{name}正式开工。")


def test_a_front_that_ends_in_a_trade_after_a_name_is_a_feature():
    """字号 + 行业 is how a company's short name is made (《企业名称登记管理规定》): 星辰电子, 海川药业."""
    name = "星辰电子智能传感器生产基地项目"
    at = dict(splits(name, name))
    assert "front-trade" in at[4]                  # 星辰电子
    assert "front-trade" not in at[2]              # 星辰: no trade
    assert "front-trade" not in dict(splits("电子科技产业园项目", ""))[4]     # two trades name no company


@needs_shared
def test_a_model_learns_from_the_gold_where_names_split():
    found = training.examples([SHARED / "gold" / "dev"], [ROOT / "seeds"])
    assert sum(right for _, right in found) >= 5         # the seed pages' projects named after their companies
    arrays = training.fit(found)
    model = Owners(arrays["owner_features"], arrays["owner_weights"])
    name = "魔方卫星柔性化卫星研发及制造基地项目"      # taught: the seed pages name it, and 魔方卫星 on its own
    assert model.owner(name, f"{name}落户。魔方卫星致力于……") == "魔方卫星"


def test_the_shipped_model_splits_an_unseen_project_and_builds_the_fact():
    doc = extract("近日，星辰电子智能传感器生产基地项目在常州高新区开工，项目总投资12亿元。")
    owner = next(e for e in doc.entities if e.name == "星辰电子")
    assert owner.type == "Company" and {m.source for m in owner.mentions} == {"derived:owner"}
    assert any(t.subject is owner and t.predicate == "investsIn" for t in doc.triples)


def test_the_shipped_model_splits_the_projects_a_signing_lists_by_their_firms():
    doc = extract("近日，临江高新区举行项目集中签约仪式，签约项目包括明远精密模具产业园、凌峰光电显示模组项目、"
                  "博雅智能装备制造基地等。")
    invests = {(t.subject.name, t.object.name) for t in doc.triples if t.predicate == "investsIn"}
    assert {("明远精密", "明远精密模具产业园"), ("凌峰", "凌峰光电显示模组项目")} <= invests


def test_no_owner_is_split_off_before_the_word_that_makes_its_front_a_parks_name():
    weights = Owners(["bias"], [5.0])           # a model sure of every split
    name = "星湖园先进制造产业园"                   # 星湖园: a park, and the project a new one in it
    assert weights.owner(name, name) != "星湖"
    assert weights.owner("星湖城二期项目", "") == "星湖"      # a developer names its towns after itself
    assert weights.owner("星辰电子智能传感器生产基地项目", "") == "星辰"


def test_a_project_named_after_no_company_keeps_whole():
    doc = extract("常州高新区新能源汽车零部件产业园项目正式开工。")
    assert not any(m.source == "derived:owner" for e in doc.entities for m in e.mentions)


def test_an_archive_without_the_split_derives_no_owner(tmp_path, monkeypatch):
    from kg.derive.owners import owners_in
    path = tmp_path / "r.npz"
    np.savez(path, labels=np.array(["O"]))
    assert owners_in(path, path.stat().st_mtime_ns) is None


def _builders(monkeypatch, text: str, named: list[tuple[str, str]], front: int) -> set[str]:
    """The companies derive makes of a page's `named` entities, with a split model that puts the owner after
    the first `front` characters of any name."""
    from kg import derive
    from kg.model import Document, Entity, Mention

    class Splits:
        def owner(self, name, page):
            return name[:front]

    monkeypatch.setattr(derive.owners, "owners_in", lambda path, stamp: Splits())
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.entities = [Entity(name, kind, mentions=[Mention(name, kind, text.index(name), text.index(name) + len(name), 0)])
                    for name, kind in named]
    return {e.name for e in derive.derive(doc).entities if e.type == "Company"}


def test_an_industry_or_a_park_a_project_is_for_is_not_its_builder(monkeypatch):
    text = "石油化工类产业园项目、星辰电子股传感器项目、海川软件园孵化基地开工，石油化工类是主导产业，海川软件园在城东。"
    named = [("石油化工类产业园项目", "Project"), ("星辰电子股传感器项目", "Project"), ("海川软件园孵化基地", "Project"),
             ("石油化工类", "Industry"), ("海川软件园", "Zone")]
    assert _builders(monkeypatch, text, named, 5) == {"星辰电子股"}


def test_a_kind_of_body_named_by_its_tail_alone_is_no_builder(monkeypatch):
    text = "各共建研究院总部项目将集中入驻，星辰科新材料项目开工。"
    named = [("研究院总部项目", "Project"), ("星辰科新材料项目", "Project")]
    assert _builders(monkeypatch, text, named, 3) == {"星辰科"}


def test_a_place_of_nature_a_project_is_named_after_is_no_builder(monkeypatch):
    text = "青屿岛化工新材料中试基地、星辰科新材料项目开工，青屿湖科创谷产业园加快建设。"
    named = [("青屿岛化工新材料中试基地", "Project"), ("星辰科新材料项目", "Project"), ("青屿湖科创谷产业园", "Project")]
    assert _builders(monkeypatch, text, named, 3) == {"星辰科"}       # not 青屿岛, nor 青屿 cut before its 湖


def test_a_project_named_after_a_company_the_page_names_in_full_is_that_companys():
    doc = extract("宁海高新区引进宁波华瑞金属有限公司。总投资30亿元的华瑞金属大交通轻量化项目开工建设。")
    companies = [e for e in doc.entities if e.type == "Company"]
    assert [(e.name, e.aliases) for e in companies] == [("宁波华瑞金属有限公司", {"华瑞金属"})]
    assert ("宁波华瑞金属有限公司", "华瑞金属大交通轻量化项目") in {
        (t.subject.name, t.object.name) for t in doc.triples if t.predicate == "investsIn"}


def test_a_builder_named_short_is_the_company_the_page_names_in_full(monkeypatch):
    text = "星海中烟工业公司投资10亿元的星海中烟烟辅材料项目开工。"
    named = [("星海中烟工业公司", "Company"), ("星海中烟烟辅材料项目", "Project")]
    assert _builders(monkeypatch, text, named, 4) == {"星海中烟工业公司"}


def test_a_builder_read_as_a_person_is_a_company(monkeypatch):
    text = "海川无锡物联生态网基地项目落户。海川将建设研发中心。"
    named = [("海川无锡物联生态网基地项目", "Project"), ("海川", "Person")]
    assert _builders(monkeypatch, text, named, 2) == {"海川"}


def test_a_person_whose_name_begins_a_project_named_after_a_body_stays_a_person(monkeypatch):
    text = "迈川（山东）医学科技有限公司展厅开放，迈川说。"
    named = [("迈川（山东）医学科技有限公司展厅", "Project"), ("迈川（山东）医学科技有限公司", "Company"),
             ("迈川", "Person")]
    assert _builders(monkeypatch, text, named, 2) == {"迈川（山东）医学科技有限公司"}


def test_a_project_a_person_leads_keeps_the_person(monkeypatch):
    text = "卢星恒团队增材制造项目落户。卢星恒介绍了项目情况。"
    named = [("卢星恒团队增材制造项目", "Project"), ("卢星恒", "Person")]
    assert _builders(monkeypatch, text, named, 3) == set()
