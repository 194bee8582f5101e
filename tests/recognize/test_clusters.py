"""Industries named as a zone's clusters (以某某为龙头的工程机械集群): the name between 的 and 集群."""
from one_sentence import one_sentence_page, read_at
from kg.recognize.clusters import clusters



def test_the_industry_of_a_cluster_is_named_between_de_and_jiqun_without_chanye():
    text = "形成了以星河重工为龙头的起重装备集群，以及以海川电器等企业组成的输变电和储能设备产业集群。"
    read = [read_at(text, "星河重工", "Company"), read_at(text, "储能设备", "Industry")]
    found = {(m.text, m.type) for m in clusters(one_sentence_page(text), read)}
    assert {("起重装备", "Industry"), ("输变电和储能设备", "Industry"), ("星河重工", "Company")} <= found
    assert ("储能设备", "Industry") not in found       # read short inside the whole name


def test_a_cluster_named_by_its_kind_alone_or_over_another_name_names_no_industry():
    text = "培育壮大区内的特色产业集群和重点产业集群，打造园区的产业集群。"
    assert clusters(one_sentence_page(text), []) == []
    text = "建成以龙头企业为核心的星河集团集群。"
    company = read_at(text, "星河集团", "Company")
    assert clusters(one_sentence_page(text), [company]) == [company]
