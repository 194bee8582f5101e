"""Saved news pages: the article is read, not the page around it.

Twenty pages made of real articles (shared/corpus/dev2) in five sites' layouts
(tests/read/saved_pages.py), each with navigation, breadcrumbs, lists of other
articles naming other zones, comment boxes and footers naming agencies."""
import re

import pytest

from kg.model import Document, Problem
from kg.read import read_documents
from kg.read.web import web_page
from saved_pages import DEV2, articles, saved_page

pytestmark = pytest.mark.skipif(not DEV2.is_dir(), reason="shared/corpus/dev2 is not beside the repository")


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def pages():
    return [saved_page(article, k) for k, article in enumerate(articles(20))]


def test_twenty_saved_pages_give_their_articles_and_nothing_else(pages):
    for page in pages:
        read = web_page(page.data.decode(page.encoding))
        article = _flat(page.article.text)
        assert all(_flat(line) in article for line in read.text.split("\n")), page.template
        kept = sum(_flat(line) in _flat(read.text) for line in page.article.lines)
        # a one-line caption in a messaging app's article (来源：…, a subhead) may go; the text never does
        assert kept >= len(page.article.lines) - 1 and kept >= 0.75 * len(page.article.lines), page.template
        assert read.meta["title"] == page.article.title and read.date == page.article.date, page.template
        assert not read.warnings


def test_the_graph_of_saved_pages_holds_only_what_their_articles_say(tmp_path, pages):
    import json

    from kg.build import build
    from kg.text.simplify import to_simplified

    (tmp_path / "web").mkdir()
    (tmp_path / "text").mkdir()
    for page in pages:
        (tmp_path / "web" / f"{page.article.name}.html").write_bytes(page.data)
        (tmp_path / "text" / f"{page.article.name}.txt").write_text(page.article.text, encoding="utf-8")
    web, text = build(tmp_path / "web", tmp_path / "out-web"), build(tmp_path / "text", tmp_path / "out-text")
    assert not web.problems and web.graph.documents == text.graph.documents
    entities = {(n.type, n.name, d) for n in web.graph.nodes.values() for d in n.docs}
    alone = {(n.type, n.name, d) for n in text.graph.nodes.values() for d in n.docs}
    assert entities and entities <= alone
    said = {page.article.name: _flat(to_simplified(page.article.text)) for page in pages}
    with (tmp_path / "out-web" / "extraction.jsonl").open(encoding="utf-8") as f:
        triples = [line for line in map(json.loads, f) if line["kind"] == "triple"]
    assert len(triples) > 100
    for triple in triples:
        assert _flat(to_simplified(triple["evidence"])) in said[triple["doc"]], triple


NAVIGATION = "<body><div><a href='/'>首页</a> | <a href='/n'>新闻</a></div><div>主办：潍坊高新区管委会</div></body>"


def test_a_page_with_no_main_content_is_read_whole_with_a_warning():
    page = web_page(f"<html><head><title>导航</title></head>{NAVIGATION}</html>")
    assert page.text == "首页 | 新闻\n主办：潍坊高新区管委会"
    assert page.warnings == ["no main content found (no block of the page reads as an article); the whole body "
                             "was read, navigation and footers too"]


def test_a_page_of_one_short_paragraph_is_read_without_a_warning():
    page = web_page("<p>潍坊高新区的新闻汇总，我自己写的。</p>")
    assert page.text == "潍坊高新区的新闻汇总，我自己写的。" and not page.warnings


def test_the_warning_reaches_the_problems_and_the_page_is_built(tmp_path):
    (tmp_path / "nav.html").write_text(NAVIGATION, encoding="utf-8")
    (doc,) = read_documents(tmp_path)
    assert isinstance(doc, Document) and [p.reason[:24] for p in doc.problems] == ["no main content found (n"]
    assert not doc.problems[0].skipped


@pytest.mark.parametrize("line", [
    "上一篇：宁波高新区新材料产业园二期项目签约落地", "【责任编辑：张晓燕】", "来源：潍坊日报", "发布时间：2022-07-11　浏览次数：1024",
    "分享到：微信 微博", "【打印本页】 【关闭窗口】", "阅读原文 阅读 10万+ 在看 点赞", "长按识别二维码关注我们",
    "2024-08-12 来源：高新区新闻网", "原创 绵阳高新发布 2020-03-22", "原创 绵阳高新发布", "版权所有：盐城国家高新技术产业开发区管理委员会"])
def test_page_furniture_inside_the_article_is_dropped(line):
    html = f"<html><body><article><h1>标题</h1><p>{ARTICLE}</p><p>{line}</p></article></body></html>"
    assert web_page(html).text == f"标题\n{ARTICLE}"


ARTICLE = ("本报讯 近年来，兰州高新区深入实施创新驱动发展战略，创新推出科技金融“一站式”服务，引导和支持银行机构面向"
           "高新区600余家科技型中小微企业和40余家专精特新企业投放科技金融贷款2亿元。")


def test_no_line_of_a_real_article_is_taken_for_furniture(seeds):
    from kg.read.web import _is_furniture
    from kg.text.repair import repair

    lines = [line for path in sorted(DEV2.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += [line for text in seeds.values() for line in repair(Document(id="s", raw=text)).text.split("\n")]
    taken = [line for line in lines if line.strip() and _is_furniture(line.strip())]
    # of 1,155 lines, one: a dateline closing an article, which states no fact
    assert len(lines) > 1000 and taken == ["2017年10月9日"]


def test_the_title_is_the_pages_own_before_its_headline_and_its_title_element():
    body = f"<body><h1>兰州高新区科技金融服务</h1><p>{ARTICLE}</p></body>"
    assert web_page(f"<html><head><title>新闻_兰州高新区</title></head>{body}</html>").meta["title"] == \
        "兰州高新区科技金融服务"
    og = '<meta property="og:title" content="兰州高新区推出科技金融一站式服务">'
    assert web_page(f"<html><head>{og}<title>x</title></head>{body}</html>").meta["title"] == "兰州高新区推出科技金融一站式服务"


def test_a_date_from_the_articles_dateline_when_the_page_gives_none():
    html = f"<body><article><h1>标题</h1><p>发布时间：2024年8月12日 10:30</p><p>{ARTICLE}</p></article></body>"
    page = web_page(html)
    assert page.date == "2024-08-12" and "发布时间" not in page.text


def test_a_broken_page_is_a_problem_not_a_traceback(tmp_path):
    (tmp_path / "bad.html").write_text("<p>一段正文。</p><![foo[ x ]]>", encoding="utf-8")
    (problem,) = read_documents(tmp_path)
    assert isinstance(problem, Problem) and problem.reason.startswith("the web page cannot be parsed")
