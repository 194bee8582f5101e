"""List completion: an item of a list whose other items are names of one type is a name of that type."""
from one_sentence import one_sentence_page, read_at
from kg.recognize.lists import complete

TEXT = "园区围绕磁悬浮、氢能装备、精密铸造、海洋牧场等领域招引项目，并与甲、乙两地合作。"



def _found(mentions):
    return {(m.text, m.type, m.source) for m in mentions}


def test_an_item_between_two_found_items_takes_their_type():
    given = [read_at(TEXT, "磁悬浮", "Industry"), read_at(TEXT, "氢能装备", "Industry"), read_at(TEXT, "海洋牧场", "Industry")]
    assert ("精密铸造", "Industry", "list") in _found(complete(one_sentence_page(TEXT), given))


def test_the_last_item_ends_where_deng_ends_the_list():
    given = [read_at(TEXT, "磁悬浮", "Industry"), read_at(TEXT, "氢能装备", "Industry"), read_at(TEXT, "精密铸造", "Industry")]
    assert ("海洋牧场", "Industry", "list") in _found(complete(one_sentence_page(TEXT), given))


def test_an_ellipsis_ends_a_list_as_deng_does():
    text = "星湖燃气锅炉项目、云帆商业综合体项目、北辰垃圾焚烧处理项目……一个个项目签约落地。"
    given = [read_at(text, "星湖燃气锅炉项目", "Project"), read_at(text, "云帆商业综合体项目", "Project")]
    assert ("北辰垃圾焚烧处理项目", "Project", "list") in _found(complete(one_sentence_page(text), given))


def test_the_first_industry_begins_after_the_words_that_lead_into_the_list():
    given = [read_at(TEXT, "氢能装备", "Industry"), read_at(TEXT, "精密铸造", "Industry"), read_at(TEXT, "海洋牧场", "Industry")]
    assert ("磁悬浮", "Industry", "list") in _found(complete(one_sentence_page(TEXT), given))
    text = "该联合实验室将围绕未来显示器件、新材料、检测设备、车载显示屏4个方向。"
    given = [read_at(text, "新材料", "Industry"), read_at(text, "检测设备", "Industry"), read_at(text, "车载显示屏", "Industry")]
    assert ("未来显示器件", "Industry", "list") in _found(complete(one_sentence_page(text), given))


def test_an_item_read_as_a_project_of_a_list_of_industries_that_names_no_facility_is_an_industry():
    text = "做强硅材料、高端轴承、钛（钼钨）材料、节能减排装备制造四大产业集群。"
    given = [read_at(text, "钛（钼钨）材料", "Project")]
    found = _found(complete(one_sentence_page(text), given))
    assert {("硅材料", "Industry", "list"), ("钛（钼钨）材料", "Industry", "list")} <= found
    assert ("钛（钼钨）材料", "Project", "model") not in found
    text = "做强硅材料、高端轴承、钛材料生产基地、节能减排装备制造四大产业集群。"        # a base is built: left as read
    given = [read_at(text, "钛材料生产基地", "Project")]
    assert ("钛材料生产基地", "Project", "model") in _found(complete(one_sentence_page(text), given))


def test_the_first_item_of_a_list_of_firms_begins_after_the_clauses_last_leading_word():
    text = "本次签约项目包括星河电子、临江科技、东湖信息等企业。"
    given = [read_at(text, "临江科技", "Company"), read_at(text, "东湖信息", "Company")]
    assert ("星河电子", "Company", "list") in _found(complete(one_sentence_page(text), given))
    # a trade word alone left after the words that lead into it is no firm's name
    text = "园区引进了精工、临江科技等企业。"
    assert "精工" not in {m.text for m in complete(one_sentence_page(text), [read_at(text, "临江科技", "Company")])}


def test_a_list_mostly_unfound_or_of_mixed_types_adds_nothing():
    plain = "园区把磁悬浮、氢能装备、精密铸造、海洋牧场等写入规划。"
    one = [read_at(plain, "氢能装备", "Industry")]
    assert complete(one_sentence_page(plain), one) == one
    mixed = [read_at(TEXT, "磁悬浮", "Industry"), read_at(TEXT, "氢能装备", "Product"), read_at(TEXT, "海洋牧场", "Company")]
    assert not any(m.source == "list" for m in complete(one_sentence_page(TEXT), mixed))


def test_an_item_part_of_which_is_a_name_already_is_not_read_again():
    given = [read_at(TEXT, "磁悬浮", "Industry"), read_at(TEXT, "氢能装备", "Industry"), read_at(TEXT, "海洋牧场", "Industry"),
             read_at(TEXT, "铸造", "Product")]
    assert _found(complete(one_sentence_page(TEXT), given)) == _found(given)


def test_a_clause_a_word_for_projects_leads_into_lists_projects():
    text = "园区新签约总部项目5个，包括星河科技华东总部、海川生物研发中心、蓝田能源区域总部等。"
    found = _found(complete(one_sentence_page(text), [read_at(text, "海川生物研发中心", "Project")]))
    assert {("星河科技华东总部", "Project", "list"), ("蓝田能源区域总部", "Project", "list")} <= found
    counted = "签约项目包括：10亿元以上项目6个、5亿至10亿元项目9个。"
    assert not [m for m in complete(one_sentence_page(counted), []) if m.type == "Project"]


def test_a_list_whose_items_say_they_are_projects_lists_projects():
    text = "园区3个项目在本次活动中签约，其中包括星河激光产业合作项目、海川节能装备制造项目、蓝田防护用品生产项目等。"
    found = _found(complete(one_sentence_page(text), []))
    assert {("星河激光产业合作项目", "Project", "list"), ("海川节能装备制造项目", "Project", "list"),
            ("蓝田防护用品生产项目", "Project", "list")} <= found
    fields = "园区产业门类齐全，其中包括电子信息、生物医药、新材料等。"          # items that say nothing of projects
    assert not [m for m in complete(one_sentence_page(fields), []) if m.type == "Project"]


def test_a_list_a_signing_leads_into_and_projects_end_lists_projects():
    text = "推介会上，园区签约了海川智能仓储中心、蓝田冷链物流基地等重点项目。"
    found = _found(complete(one_sentence_page(text), []))
    assert {("海川智能仓储中心", "Project", "list"), ("蓝田冷链物流基地", "Project", "list")} <= found


def test_the_items_of_a_list_of_firms_are_companies_whatever_they_were_read_as():
    text = "园区已汇聚星河微电、蓝鲸传感、青禾科技、远帆智能等20余家企业。"
    given = [read_at(text, "已汇聚星河微电", "Company"), read_at(text, "蓝鲸传感", "Industry"), read_at(text, "青禾科技", "Project")]
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), given)}
    assert {("星河微电", "Company"), ("蓝鲸传感", "Company"), ("青禾科技", "Company"), ("远帆智能", "Company")} <= found
    assert not {("已汇聚星河微电", "Company"), ("蓝鲸传感", "Industry"), ("青禾科技", "Project")} & found
    text = "海川、云杉、北辰等一批行业龙头企业先后入驻。"
    assert {"海川", "云杉", "北辰"} <= {m.text for m in complete(one_sentence_page(text), []) if m.type == "Company"}


def test_a_list_of_places_institutes_industries_or_projects_is_no_list_of_firms():
    for text, given in [("向来自佛山、广州、东莞等60余家企业推介。", [("广州", "Place"), ("东莞", "Place")]),
                        ("星湖所、云岭所、海川中心等8家院所入驻。", [("星湖所", "Organization")]),
                        ("引进了航空、航天、盐化等一批产业项目。", [])]:
        mentions = [read_at(text, name, kind) for name, kind in given]
        assert not [m for m in complete(one_sentence_page(text), mentions) if m.type == "Company"]


def test_a_list_of_firms_may_say_only_what_kind_of_firms_it_lists():
    text = "蓝鲸传感、青禾精工等外资企业相继落户园区。"
    given = [read_at(text, "青禾精工", "Person")]
    assert {"蓝鲸传感", "青禾精工"} == {m.text for m in complete(one_sentence_page(text), given) if m.type == "Company"}
    # the first item, not read, begins after the words that lead into it
    led = "项目开工，以及蓝鲸传感、青禾精工等外资企业进驻。"
    assert {"蓝鲸传感", "青禾精工"} == {m.text for m in complete(one_sentence_page(led), []) if m.type == "Company"}
    far = "片区聚集了星河药业、海川生物等在国际上有较大影响力的企业。"      # however much is said of them
    assert {"星河药业", "海川生物"} <= {m.text for m in complete(one_sentence_page(far), []) if m.type == "Company"}
    fields = "已有光伏、文旅、无人机等领域共8家企业落户。"     # what the firms work in, not the firms
    assert not [m for m in complete(one_sentence_page(fields), [read_at(fields, "文旅", "Industry")])
                if m.type == "Company"]


def test_a_list_of_firms_begins_after_a_list_its_clause_ends_before_it():
    text = "重点在云计算、数字文创、低空飞行等领域发掘一批蓝鲸传感、青禾精工等龙头企业。"
    given = [read_at(text, "数字文创", "Industry"), read_at(text, "低空飞行", "Industry")]
    found = complete(one_sentence_page(text), given)
    assert {"蓝鲸传感", "青禾精工"} == {m.text for m in found if m.type == "Company"}
    assert {"云计算", "数字文创", "低空飞行"} <= {m.text for m in found if m.type == "Industry"}


def test_a_list_that_says_it_lists_industries_needs_only_one_found():
    text = "基地将围绕工业软件、数据安全、传感芯片、整机装配、存储设备等领域招引企业。"
    found = _found(complete(one_sentence_page(text), [read_at(text, "传感芯片", "Industry")]))
    assert {(name, "Industry", "list") for name in ("工业软件", "数据安全", "整机装配", "存储设备")} <= found
    bodies = "组织外贸公司、报关企业、金融机构、担保机构等产业链各方对接。"    # the bodies of a chain
    assert not [m for m in complete(one_sentence_page(bodies), [read_at(bodies, "金融", "Industry")])
                if m.source == "list"]


def test_a_list_its_count_or_frame_says_is_of_industries_needs_none_found():
    framed = "形成以乳品、织造、瓷器为支柱的消费品集群。"
    assert {("乳品", "Industry", "list"), ("织造", "Industry", "list"), ("瓷器", "Industry", "list")} \
        <= _found(complete(one_sentence_page(framed), []))
    counted = "中心将围绕柔性屏幕、光学薄膜、检测仪表、车载显示4个方向开展攻关。"
    assert {"柔性屏幕", "光学薄膜", "检测仪表", "车载显示"} <= {m.text for m in complete(one_sentence_page(counted), [])}
    chains = "园区重点围绕乳品加工、织造印染、瓷器烧制3条重点产业链精准招商。"        # chains counted in 条
    assert {"乳品加工", "织造印染", "瓷器烧制"} <= {m.text for m in complete(one_sentence_page(chains), [])}
    fields = "推动模型在公安、政务服务、城市精准管理等领域的示范应用。"       # fields of use, as often as industries
    assert complete(one_sentence_page(fields), []) == []


def test_two_industries_an_item_of_a_list_joins_are_one_industry():
    text = "培育壮大车载电子、功率器件及第三代半导体、智慧医疗和康复器械、前沿新材料等产业。"
    given = [read_at(text, name, "Industry") for name in ("车载电子", "功率器件", "第三代半导体", "智慧医疗", "康复器械")]
    found = {m.text for m in complete(one_sentence_page(text), given) if m.type == "Industry"}
    assert {"功率器件及第三代半导体", "智慧医疗和康复器械", "车载电子"} <= found
    assert not {"功率器件", "第三代半导体", "智慧医疗", "康复器械"} & found
    last = "重点发展电子信息、智能装备和现代物流等三大产业。"     # 和 before the last item joins the list
    given = [read_at(last, name, "Industry") for name in ("电子信息", "智能装备", "现代物流")]
    assert {"智能装备", "现代物流"} <= {m.text for m in complete(one_sentence_page(last), given)}


def test_the_last_two_items_joined_by_he_are_two_items():
    text = "园区重点发展智能网联、工业软件、低空物流和城市更新等四大产业。"
    given = [read_at(text, "智能网联", "Industry"), read_at(text, "工业软件", "Industry")]
    found = _found(complete(one_sentence_page(text), given))
    assert {("低空物流", "Industry", "list"), ("城市更新", "Industry", "list")} <= found
    assert not any(m[0] == "低空物流和城市更新" for m in found)


def test_a_list_that_says_it_lists_projects_needs_none_found():
    text = "滨江大道、星光谷等12个重大基础设施项目加快推进。"
    assert {("滨江大道", "Project", "list"), ("星光谷", "Project", "list")} <= _found(complete(one_sentence_page(text), []))
    place = [read_at(text, "滨江大道", "Place")]         # an item read as another type: no list of projects
    assert not [m for m in complete(one_sentence_page(text), place) if m.type == "Project"]


def test_a_firms_name_that_opens_with_a_verbs_word_keeps_it_before_a_trade_word():
    text = "园区培育形成了如意电子、海川股份等百亿级企业。"
    given = [read_at(text, "如意电子", "Company"), read_at(text, "海川股份", "Company")]
    assert {"如意电子", "海川股份"} == {m.text for m in complete(one_sentence_page(text), given) if m.type == "Company"}


def test_a_list_may_end_at_the_count_of_its_items_or_the_frame_that_holds_it():
    counted = "做强硅材料、高端轴承、钛合金材料、节能装备制造四大产业集群。"
    found = _found(complete(one_sentence_page(counted), [read_at(counted, "高端轴承", "Industry")]))
    assert {(name, "Industry", "list") for name in ("硅材料", "钛合金材料", "节能装备制造")} <= found
    framed = "形成以食品、服饰、陶瓷为支柱的消费品工业集群。"
    found = _found(complete(one_sentence_page(framed), [read_at(framed, "服饰", "Industry")]))
    assert {("食品", "Industry", "list"), ("陶瓷", "Industry", "list")} <= found


def test_a_list_ends_at_its_ending_and_the_words_after_it_begin_another():
    text = "研究院将围绕科学仪器、医疗器械、高端材料等方向开展技术研发、中试验证、成果转化等工作。"
    found = _found(complete(one_sentence_page(text), [read_at(text, "医疗器械", "Industry")]))
    assert {("科学仪器", "Industry", "list"), ("高端材料", "Industry", "list")} <= found
    assert not {name for name, _, _ in found} & {"中试验证", "成果转化", "技术研发"}


def test_a_count_says_a_list_is_of_projects_only_after_deng():
    text = "新区将从政策倾斜、工作支持、做好服务三个方面对学校项目给予支持。"
    assert not complete(one_sentence_page(text), [])


def test_a_list_joined_by_ji_to_what_it_counts_ends_before_ji():
    text = "高新区办公室、发改局、财政局、科创局、金融办及八大园区办相关负责同志参加。"
    given = [read_at(text, name, "GovernmentAgency") for name in ("高新区办公室", "发改局", "财政局", "科创局")]
    found = {m.text for m in complete(one_sentence_page(text), given)}
    assert "金融办" in found and "金融办及" not in found


def test_a_list_of_institutes_short_names_lists_organisations():
    text = "星湖纳米中心、空天院、微电子所、自动化所、长春应化所等8家直属单位均在该区设立了研究院。"
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), [])}
    assert {(name, "Organization") for name in ("空天院", "微电子所", "自动化所", "长春应化所")} <= found
    courts = "市法院、市检察院、区法院等单位参加。"
    assert not complete(one_sentence_page(courts), [])


def test_a_place_read_at_the_head_of_a_listed_institutes_name_is_part_of_it():
    text = "空天院、微电子所、长春应化所、沈阳金属所等8家直属单位均在该区设立了研究院。"
    given = [read_at(text, "长春", "Place"), read_at(text, "沈阳", "Place")]
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), given)}
    assert {("长春应化所", "Organization"), ("沈阳金属所", "Organization")} <= found
    assert not {("长春", "Place"), ("沈阳", "Place")} & found


def test_a_count_of_projects_may_name_them_by_their_firms_alone():
    text = "园区举行重点项目签约仪式，澜沣、启曜科技、沃澜精密、翊晟等45个重点项目集中签约。"
    given = [read_at(text, "翊晟", "Person")]
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), given)}
    assert {("澜沣", "Company"), ("启曜科技", "Company"), ("沃澜精密", "Company"), ("翊晟", "Company")} <= found
    led = "去年引建了沃澜电子、启曜科技等一批产业龙头项目。"     # the first item after the words leading into it
    assert {"沃澜电子", "启曜科技"} == {m.text for m in complete(one_sentence_page(led), []) if m.type == "Company"}


def test_things_amounts_and_facilities_in_a_count_of_projects_name_no_firm():
    for text in ["来自园区企业的无人机、智慧篮球等一批项目亮相。",
                 "引建了启曜产业园、年产30万吨乙二醇、沃澜二期等一批产业龙头项目。",
                 "签约了一批涵盖高端制造、电子信息、新能源新材料等多个领域的项目。"]:
        assert not [m for m in complete(one_sentence_page(text), []) if m.type == "Company"], text


def test_a_firm_first_in_a_list_keeps_a_first_word_that_reads_as_a_verb():
    for text in ["园区已新引进启为股份、沃澜电子等一批优质项目。", "园区已新引进启为股份、沃澜电子等12家企业。"]:
        assert {"启为股份", "沃澜电子"} == {m.text for m in complete(one_sentence_page(text), []) if m.type == "Company"}


def test_a_list_of_brands_in_quotes_names_firms():
    text = "重点培育“澜沣药业”、“启曜”、“翊晟生物”等为代表的、在全国有一定影响力的品牌。"
    given = [read_at(text, "澜沣药业", "Company"), read_at(text, "“翊晟生物”", "Project")]
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), given)}
    assert {("澜沣药业", "Company"), ("启曜", "Company"), ("翊晟生物", "Company")} <= found
    assert ("“翊晟生物”", "Project") not in found
    unquoted = "重点培育澜沣药业、启曜等品牌。"       # quotes say the items are names; without them, a list of things
    assert not [m for m in complete(one_sentence_page(unquoted), []) if m.type == "Company"]


def test_a_listed_project_misread_inside_its_name_is_the_project():
    text = "总部项目，包括澜沣全球供应链总部、启曜生物总部、翊晟医学总部、沃澜能源总部等。"
    given = [read_at(text, "澜沣", "Person"), read_at(text, "启曜生物总部", "GovernmentAgency"),
             read_at(text, "医学总部", "Project"), read_at(text, "沃澜能源总部", "Project")]
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), given)}
    assert {("澜沣全球供应链总部", "Project"), ("启曜生物总部", "Project"), ("翊晟医学总部", "Project"),
            ("沃澜能源总部", "Project")} <= found
    assert not {("澜沣", "Person"), ("启曜生物总部", "GovernmentAgency"), ("医学总部", "Project")} & found
    described = "签约项目，包括总投资30亿元的澜沣产业基地项目、启曜生物总部等。"     # named after its 的, as read
    given = [read_at(described, "澜沣产业基地项目", "Project"), read_at(described, "启曜生物总部", "Project")]
    assert ("澜沣产业基地项目", "Project") in {(m.text, m.type) for m in complete(one_sentence_page(described), given)}


def test_a_count_of_projects_lists_projects_misread_as_a_firm_or_inside():
    text = "沃澜钢铁厂、启曜电厂、翊晟重工、澜沣海湾生产支持基地等一大批项目建成投产。"
    given = [read_at(text, "沃澜钢铁厂", "Company"), read_at(text, "启曜电厂", "Company"), read_at(text, "翊晟重工", "Company"),
             read_at(text, "澜沣", "Company"), read_at(text, "海湾", "Place")]
    found = {(m.text, m.type) for m in complete(one_sentence_page(text), given)}
    assert {("沃澜钢铁厂", "Project"), ("启曜电厂", "Project"), ("翊晟重工", "Company"),
            ("澜沣海湾生产支持基地", "Project"), ("澜沣", "Company")} <= found      # the firm it begins with builds it
    assert not {("沃澜钢铁厂", "Company"), ("启曜电厂", "Company"), ("海湾", "Place")} & found
    led = "沃澜控股星河有限公司生产基地、启曜电厂等一批项目集中开工。"      # 控股 reads as a verb, but begins a name read
    given = [read_at(led, "沃澜控股星河有限公司", "Company"), read_at(led, "启曜电厂", "Company")]
    assert ("沃澜控股星河有限公司生产基地", "Project") in {(m.text, m.type) for m in complete(one_sentence_page(led), given)}


def test_a_facility_read_as_an_industry_in_a_count_of_projects_is_a_project_and_so_is_its_first_item():
    text = "会上重点推荐了云岭通用机场、星湖医药产业园、新材料产业园和翠峰温泉度假村等4个项目。"
    given = [read_at(text, "新材料产业园", "Industry")]      # 某某产业园 misread as its industry
    found = _found(complete(one_sentence_page(text), given))
    assert {("新材料产业园", "Project", "list"), ("翠峰温泉度假村", "Project", "list")} <= found
    # after 了 the verb is done: 通用 (a verb to jieba) begins the first item, it leads into nothing
    assert ("云岭通用机场", "Project", "list") in found
    assert not any(name == "新材料产业园" and kind == "Industry" for name, kind, _ in found)
