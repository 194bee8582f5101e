"""Products, read in the three frames news names them in: a list before 等产品, 的研发 or 产品的生产, a drug's
form, 年产."""
from kg.model import Article, Document, Mention, Sentence
from kg.recognize.products import products


def _doc(text: str) -> Document:
    doc = Document(id="t", raw=text)
    doc.text = text
    doc.articles = [Article(0, 0, len(text), sentences=[Sentence(0, 0, len(text), text)])]
    return doc


def _products(text: str, read: list[tuple[str, str]] = ()) -> list[str]:
    mentions = [Mention(name, kind, text.index(name), text.index(name) + len(name), 0, source="model")
                for name, kind in read]
    return [m.text for m in products(_doc(text), mentions) if m.type == "Product"]


def test_what_a_company_makes_before_its_kind_or_its_research_is_a_product():
    assert _products("公司主要研发、生产锂电隔膜和陶瓷涂覆膜等产品，是国内少数掌握该技术的企业。") == \
        ["锂电隔膜", "陶瓷涂覆膜"]
    assert _products("项目投资2亿元，主要开展碳纤维复合材料、智能防护装备的研发与生产。") == \
        ["碳纤维复合材料", "智能防护装备"]
    assert _products("企业已实现电动尾门撑杆、座舱域控制器和热泵空调的自主量产。") == \
        ["电动尾门撑杆", "座舱域控制器", "热泵空调"]
    # a verb jieba tags as a noun too begins or ends a product's name (驱动 of 驱动电源, 电控 of 储能电控)
    assert _products("目前已实现驱动电源、储能电控的自主量产。") == ["驱动电源", "储能电控"]


def test_a_list_counted_in_kinds_after_what_a_body_makes_lists_products_whatever_word_begins_them():
    text = "该基地主要生产密封胶条及橡胶软管、隔音棉、防尘罩等6类汽车配件，并研发、生产超滤亲水膜等产品。"
    assert _products(text) == ["密封胶条", "橡胶软管", "隔音棉", "防尘罩", "超滤亲水膜"]


def test_a_list_before_chanpin_de_shengchan_begins_after_the_clauses_last_verb():
    assert _products("为进一步提升电子水泵、智能座舱系统及车载充电机产品的生产能力，公司拟投资建设基地。") == \
        ["电子水泵", "智能座舱系统", "车载充电机"]


def test_a_name_the_model_read_across_two_items_of_a_list_of_products_gives_way_to_them():
    text = "该项目主要研发、生产石墨烯导热膜及石墨烯散热片等产品。"
    assert _products(text, [("石墨烯导热膜及石墨烯散热片", "Project")]) == ["石墨烯导热膜", "石墨烯散热片"]


def test_a_drug_is_named_by_its_form_from_the_word_that_introduces_it():
    assert _products("该公司自主研发的1类创新药星瑞α注射液日前获批上市。") == ["星瑞α注射液"]
    assert _products("乳腺癌创新药XR0270胶囊、与某医院合作的康拜单抗均进入临床。") == ["XR0270胶囊", "康拜单抗"]


def test_a_plants_output_after_its_amount_is_a_product():
    assert _products("项目建成后可形成年产5万吨高纯石英砂生产能力。") == ["高纯石英砂"]
    assert _products("项目达产后，具备年产高端轴承500万套的生产能力。") == ["高端轴承"]     # or before it
    assert _products("年产50万吨的星河系列饮料项目落户我市。") == []       # a project's name


def test_a_projects_name_gives_what_it_makes_after_its_capacity():
    from kg.recognize.products import outputs

    assert outputs("10GWh储能锂电池生产基地") == ["储能锂电池"]
    assert outputs("瑞星有限公司年产1500万双皮鞋深加工项目（一期）") == ["皮鞋"]
    assert outputs("4000万吨炼化一体化项目") == []            # an activity, no thing
    assert outputs("星河新材料产业园项目") == []              # no capacity


def test_a_projects_name_gives_what_its_plant_makes_before_the_making():
    from kg.recognize.products import made

    assert made("涂料生产基地") == ["涂料"]
    assert made("叶轮制造及装备项目") == ["叶轮"]
    assert made("净水滤芯系列产品研发及生产基地项目") == ["净水滤芯系列产品"]
    assert made("医疗器械生产基地项目") == []                 # an industry
    assert made("汽车零部件数字化智能制造项目") == []          # how it is made
    assert made("梓星PET特纤汽车零部件生产基地项目") == []     # a firm's name no dictionary knows before it
    assert made("星河新材料产业园项目") == []                  # no plant's making


def test_the_builder_of_a_project_makes_what_its_name_says_it_makes():
    from kg.pipeline import extract

    doc = extract("4个项目投产，包含瑞星有限公司年产1500万双皮鞋深加工项目（一期）、星城智联网产业园（一期）。")
    assert ("瑞星有限公司", "produces", "皮鞋") in {
        (t.subject.name, t.predicate, t.object.name) for t in doc.triples if t.object}
    doc = extract("星河高新区与临江星瑞科技有限公司签约，该公司将投资5亿元建设临江星瑞科技有限公司叶轮制造项目。")
    assert ("临江星瑞科技有限公司", "produces", "叶轮") in {
        (t.subject.name, t.predicate, t.object.name) for t in doc.triples if t.object}


def test_an_activity_or_a_clause_in_those_frames_is_no_product():
    assert _products("该企业致力于打造国际标准的生产企业。") == []
    assert _products("这是国内规模最大、生产效率最高的生产基地。") == []
    assert _products("新区将重点开展关键技术的研发。") == []
    assert _products("企业年产120万套135kg的研发设备。") == []
    assert _products("基地将提升衡水高新区卫星产品的研制能力。") == []     # a place's, not a product's name


def test_the_frame_decides_over_an_industry_and_a_drug_over_a_name_inside_it():
    assert _products("主要生产储能电池和动力电池等产品。", [("动力电池", "Industry")]) == ["储能电池", "动力电池"]
    assert _products("合作的星玛佐瑞韦单抗注射液获批。", [("星玛佐瑞", "Person")]) == ["星玛佐瑞韦单抗注射液"]
    # a name another component read over the product's, of another kind, stays, unless the items are made
    assert _products("主要开展智能网联汽车的研发。", [("智能网联汽车", "Industry")]) == []
    assert _products("主要开展新能源电动车、智能防护平台的研发与生产。", [("新能源电动车", "Industry")]) == \
        ["新能源电动车", "智能防护平台"]
    assert _products("目前已实现动力电池、启动电源的自主量产。", [("动力电池", "Industry")]) == ["动力电池", "启动电源"]
