"""Articles and sentences of real pages."""
from kg.model import Document
from kg.text.repair import repair
from kg.text.segment import segment


def segmented(raw: str) -> Document:
    return segment(repair(Document(id="t", raw=raw)))


def test_articles_start_at_leads_and_end_at_bylines(seeds):
    doc = segmented(seeds["001_473abfdb58def16d"])
    bylines = [[name for name, *_ in a.bylines] for a in doc.articles]
    assert ["钟克波"] in bylines
    assert ["袁立明", "钟蕾"] in bylines
    assert ["冯玉诚", "郑晓光"] in bylines
    assert ["郭雨嫣"] in bylines
    leads = [a for a in doc.articles if a.sentences and a.sentences[0].text.startswith("本报讯")]
    assert len(leads) == 5


def test_byline_in_the_lead_brackets(seeds):
    doc = segmented(seeds["000_6c1ec9c07335c472"])
    assert any(name == "郭星" for a in doc.articles for name, *_ in a.bylines)


def test_byline_spans_point_at_the_names(seeds):
    doc = segmented(seeds["001_473abfdb58def16d"])
    for article in doc.articles:
        for name, start, end in article.bylines:
            assert doc.text[start:end] == name


def test_headline_and_arrow_byline_open_an_article(seeds):
    doc = segmented(seeds["002_c1e7ce0b8b09919e"])
    first = doc.articles[0]
    assert first.title == "国家高新区忙开局奋力“开门红”"
    assert [name for name, *_ in first.bylines] == ["刘琴"]


def test_sentences_end_at_sentence_punctuation(seeds):
    doc = segmented(seeds["001_473abfdb58def16d"])
    texts = [s.text for s in doc.sentences]
    assert "潍坊高新区经济发展局党委书记、局长韩滨说。" in texts[texts.index(next(t for t in texts if t.startswith("“我们创新项目"))) + 1]
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))


def test_a_datelines_reporters_and_a_web_articles_bracketed_reporter_are_bylines():
    raw = ("厦门讯 （星湖日报记者 廖丽星 林世星 通讯员 许建星）记者16日从星湖片区获悉，航空维修项目落地，"
           "为全省航空产业发展注入新动能。\n\n星湖区推进改革，持续优化营商环境，加快构建现代化产业体系，为企业"
           "上市做好服务。（申屠青星）")
    doc = segmented(raw)
    assert [name for a in doc.articles for name, *_ in a.bylines] == ["廖丽星", "林世星", "许建星", "申屠青星"]
    for article in doc.articles:
        for name, start, end in article.bylines:
            assert doc.text[start:end] == name
    credit = segmented("星湖区经济发展局推进改革，持续优化营商环境，加快构建现代化产业体系，实现资源共享。（经发局）")
    assert credit.sentences[-1].text.endswith("（经发局）")        # a body's credit stays in its sentence
    assert not any(a.bylines for a in credit.articles)
