"""A tail that names one kind of body decides the type of the name it ends (kg/data/org_suffixes.csv)."""
import pytest

from kg.model import Mention
from kg.recognize import _typed_by_tail


@pytest.mark.parametrize("name, read, kind", [
    ("星海材料研究院", "Project", "Organization"), ("东川大学", "Company", "Organization"),
    ("星海材料研究院有限公司", "Organization", "Company"),
    ("星海创新中心", "Project", "Project"),             # 中心 ends projects and bodies alike
    ("星海大学", "Person", "Person"),                   # only a body's or a project's type is mended
    # a newspaper's or a news site's name is an organisation's, read as a company's; 网 alone is a grid's too
    ("星海日报", "Company", "Organization"), ("星海新闻", "Company", "Organization"),
    ("星海新闻网", "Company", "Organization"), ("星海电网", "Company", "Company"),
    ("星海证券交易所", "Company", "Organization"),    # an exchange is an organisation, not a firm
    # a zone's committee and a place's government or Party committee are government bodies
    ("星海新技术开发区管委会", "Organization", "GovernmentAgency"),
    ("星海经济技术开发区管理委员会", "Organization", "GovernmentAgency"),
    ("临江县人民政府", "Company", "GovernmentAgency"), ("临江市委", "Organization", "GovernmentAgency"),
])
def test_the_tail_decides(name, read, kind):
    assert _typed_by_tail(Mention(name, read, 0, len(name), 0, source="model")).type == kind
