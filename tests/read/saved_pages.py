"""Saved news pages: a real article amid what news sites put around it, as the tests and benchmarks need them.

    page = saved_page(article, template=2)      # the HTML, as a browser saves it
    page.html, page.article.lines, page.boilerplate

Each page wraps an article of shared/corpus/dev2 in one of five sites' layouts
— a zone's government site, a news portal, an old site of tables in GB18030, a
newspaper's digital edition, an article as a messaging app shows it — with
their navigation, breadcrumbs ending in 正文, lists of other articles, comment
boxes, share buttons and footers. What is around the article names zones,
companies, agencies and people, so that any of it read as news shows up in
the graph.
"""
from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

DEV2 = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev2"
SOURCES = DEV2.parent / "dev2-SOURCES.tsv"

# Other articles' titles, as related lists, rankings and previous/next links show them.
OTHER_TITLES = [
    "镇江高新区西理（镇江）智造园项目开工建设",
    "苏州工业园区与新加坡国立大学签署战略合作协议",
    "合肥高新区出台《关于支持量子信息产业发展的若干政策》",
    "武汉东湖高新区光谷科技创新大走廊建设提速",
    "成都高新区管委会主任王立新调研重点企业",
    "长沙高新区麓谷小镇项目总投资50亿元",
    "杭州高新区与华为技术有限公司深化合作",
    "宁波高新区新材料产业园二期项目签约落地",
    "南京江北新区管委会发布人才安居新政",
    "济南高新区齐鲁软件园获评国家级科技企业孵化器",
]
COMMENTS = [
    ("高新人", "青岛高新区的营商环境越来越好了，点赞！"),
    ("李建国", "希望烟台高新区多引进新能源汽车项目，比亚迪股份有限公司就很不错。"),
    ("游客8812", "厦门火炬高新区的政策什么时候出台？"),
]
CITIES = ["潍坊", "泰安", "盐城", "洛阳", "绵阳"]


@dataclass
class Article:
    name: str           # the file's stem
    title: str
    date: str           # 2022-07-11, or "" when the source gives none
    lines: list[str]    # the paragraphs, as the page shows them

    @property
    def text(self) -> str:
        return "\n".join([self.title, *self.lines])


@dataclass
class SavedPage:
    article: Article
    template: str
    html: str
    encoding: str = "utf-8"
    boilerplate: list[str] = field(default_factory=list)      # every text of the page outside the article

    @property
    def data(self) -> bytes:
        return self.html.encode(self.encoding)


def articles(count: int = 20) -> list[Article]:
    """The first `count` articles of dev2, each with its title and date."""
    with SOURCES.open(encoding="utf-8") as f:
        dates = {row["file"]: row["date"] for row in csv.DictReader(f, delimiter="\t")}
    found = []
    for path in sorted(DEV2.glob("*.txt"))[:count]:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        title = lines.pop(0) if not re.search(r"[。！？]$", lines[0]) and len(lines[0]) < 50 else _title(lines[0])
        date = dates.get(path.name, "")
        found.append(Article(path.stem, title, date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else "", lines))
    return found


def _title(lead: str) -> str:
    """A headline made of the lead's first clause, as a site with no title of its own would show it."""
    clause = re.sub(r"^本报讯\s*[（(][^）)]*[）)]\s*|^本报讯\s*", "", lead)
    return re.split(r"[，,。；]", clause)[0][:30]


def saved_page(article: Article, template: int) -> SavedPage:
    kind = TEMPLATES[template % len(TEMPLATES)]
    city = CITIES[template % len(CITIES)]
    others = OTHER_TITLES[template % 3:] + OTHER_TITLES[:template % 3]
    page = SavedPage(article, kind.__name__.lstrip("_"), "")
    page.html = kind(article, city, others, page.boilerplate)
    page.encoding = "gb18030" if page.template == "tables" else "utf-8"
    return page


def _said(boilerplate: list[str], text: str) -> str:
    """The text, escaped for the page, noted as boilerplate."""
    boilerplate.append(text)
    return html.escape(text)


def _e(text: str) -> str:
    return html.escape(text)


def _government(a: Article, city: str, others: list[str], bp: list[str]) -> str:
    nav = "".join(f'<li><a href="/{i}/">{_said(bp, n)}</a></li>'
                  for i, n in enumerate(["首页", "新闻中心", "园区动态", "政务公开", "招商引资", "投资指南"]))
    related = "".join(f'<li><a href="/n/{i}.html">{_said(bp, t)}</a><span>{_said(bp, "2024-05-0" + str(i + 1))}'
                      f"</span></li>" for i, t in enumerate(others[:6]))
    paragraphs = "".join(f'<p style="text-indent:2em">{_e(line)}</p>' for line in a.lines)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(a.title)}_{city}高新技术产业开发区管理委员会</title>
{f'<meta name="PubDate" content="{a.date} 09:30">' if a.date else ""}<meta name="ColumnName" content="园区动态">
<link rel="stylesheet" href="/css/main.css"><script src="/js/jquery.min.js"></script></head>
<body><div class="top"><div class="logo">{_said(bp, f"{city}高新技术产业开发区管理委员会")}</div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>{_said(bp, "搜索")}</button></div></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="position">{_said(bp, "当前位置：")}<a href="/">{_said(bp, "首页")}</a> &gt; <a href="/2/">{_said(bp, "园区动态")}</a>
 &gt; {_said(bp, "正文")}</div>
<div class="main"><div class="article"><h1>{_e(a.title)}</h1>
<div class="info">{_said(bp, f"发布时间：{a.date}") if a.date else ""}　{_said(bp, f"来源：{city}日报")}
　{_said(bp, "浏览次数：1024")}　{_said(bp, "【字体：大 中 小】")}</div>
<div class="TRS_Editor">{paragraphs}</div>
<div class="share">{_said(bp, "分享到：")}<a>{_said(bp, "微信")}</a><a>{_said(bp, "微博")}</a></div>
<div class="prevnext"><p>{_said(bp, "上一篇：" + others[7])}</p><p>{_said(bp, "下一篇：" + others[8])}</p></div>
<div class="tools"><a href="javascript:window.print()">{_said(bp, "【打印本页】")}</a>
<a href="javascript:window.close()">{_said(bp, "【关闭窗口】")}</a></div></div>
<div class="related"><h3>{_said(bp, "相关新闻")}</h3><ul>{related}</ul></div></div>
<div class="footer"><p>{_said(bp, f"主办：{city}市高新区管委会　承办：{city}高新区党政办公室")}</p>
<p>{_said(bp, f"地址：{city}市高新区创新大道88号　电话：0536-8888888")}</p>
<p>{_said(bp, "ICP备案号：鲁ICP备05012345号　网站标识码：3707000001")}</p></div>
<script>var _hmt = _hmt || []; document.write("访问量统计");</script></body></html>"""


def _portal(a: Article, city: str, others: list[str], bp: list[str]) -> str:
    ranking = "".join(f"<li><em>{i + 1}</em><a href='/a/{i}'>{_said(bp, t)}</a></li>"
                      for i, t in enumerate(others[:5]))
    comments = "".join(f'<div class="comment"><span class="user">{_said(bp, user)}</span>'
                       f"<p>{_said(bp, said)}</p><span>{_said(bp, '回复')}</span></div>" for user, said in COMMENTS)
    paragraphs = "".join(f"<p>{_e(line)}</p>" for line in a.lines)
    time = f'<time datetime="{a.date}T08:00:00+08:00">{a.date}</time>' if a.date else ""
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>{_e(a.title)} - 高新区新闻网</title>
<meta property="og:title" content="{_e(a.title)}"><meta name="description" content="{_e(a.lines[0][:60])}">
</head><body>
<header class="site-header"><a class="brand" href="/">{_said(bp, "高新区新闻网")}</a>
<nav><a href="/">{_said(bp, "首页")}</a> | <a href="/news">{_said(bp, "新闻中心")}</a> |
<a href="/parks">{_said(bp, "园区动态")}</a> |
<a href="/invest">{_said(bp, "招商")}</a> | <a href="/login">{_said(bp, "登录")}</a></nav></header>
<div class="crumbs"><a href="/">{_said(bp, "首页")}</a> › <a href="/parks">{_said(bp, "园区动态")}</a> ›
<span>{_said(bp, "正文")}</span></div>
<main><article><h1>{_e(a.title)}</h1>
<div class="byline">{time} <span class="source">{_said(bp, "来源：高新区新闻网")}</span></div>
{paragraphs}
<div class="editor">{_said(bp, "【责任编辑：张晓燕】")}</div></article>
<section class="comments"><h2>{_said(bp, "网友评论")}</h2>{comments}
<form><textarea placeholder="文明上网，理性发言"></textarea><button>{_said(bp, "发表评论")}</button></form></section>
</main>
<aside><h2>{_said(bp, "热点排行")}</h2><ol>{ranking}</ol>
<div class="ad">{_said(bp, "广告：深圳市腾讯计算机系统有限公司 云服务限时特惠")}</div></aside>
<footer><p>{_said(bp, "关于我们 | 联系我们 | 网站地图 | 免责声明")}</p>
<p>{_said(bp, f"主办：{city}市高新区管委会 版权所有 © 2024 高新区新闻网")}</p></footer></body></html>"""


def _tables(a: Article, city: str, others: list[str], bp: list[str]) -> str:
    links = "".join(f"<tr><td>·<a href='/n{i}.htm'>{_said(bp, t)}</a></td></tr>" for i, t in enumerate(others[:4]))
    text = "<br>".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{_e(line)}" for line in a.lines)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{_e(a.title)}</title></head>
<body topmargin="0"><table width="980" align="center" border="0">
<tr><td colspan="2" class="banner">{_said(bp, f"{city}国家高新技术产业开发区")}</td></tr>
<tr><td colspan="2" class="menu"><a href="/">{_said(bp, "网站首页")}</a>&nbsp;|&nbsp;<a href="/zx">{_said(bp, "新闻资讯")}</a>
&nbsp;|&nbsp;<a href="/zs">{_said(bp, "招商引资")}</a>&nbsp;|&nbsp;<a href="/fw">{_said(bp, "企业服务")}</a></td></tr>
<tr><td width="220" valign="top"><table><tr><td class="t">{_said(bp, "最新动态")}</td></tr>{links}</table>
<table><tr><td>{_said(bp, f"{city}高新区科技创新局")}</td></tr><tr><td>{_said(bp, "咨询电话：0535-6666666")}</td></tr></table></td>
<td valign="top"><table width="100%"><tr><td>{_said(bp, "您现在的位置：")}<a href="/">{_said(bp, "首页")}</a>&gt;&gt;
<a href="/zx">{_said(bp, "新闻资讯")}</a>&gt;&gt;{_said(bp, "正文")}</td></tr>
<tr><td align="center"><font size="5"><b>{_e(a.title)}</b></font></td></tr>
<tr><td align="center">{_said(bp, f"日期：{a.date}") if a.date else ""}&nbsp;&nbsp;{_said(bp, "点击：356次")}</td></tr>
<tr><td class="content">{text}</td></tr>
<tr><td align="right"><a href="javascript:window.close()">{_said(bp, "[关闭窗口]")}</a></td></tr></table></td></tr>
<tr><td colspan="2" align="center" class="foot">{_said(bp, f"版权所有：{city}国家高新技术产业开发区管理委员会")}<br>
{_said(bp, f"技术支持：{city}市信息中心")}</td></tr></table></body></html>"""


def _epaper(a: Article, city: str, others: list[str], bp: list[str]) -> str:
    page_list = "".join(f'<li><a href="content_{i}.html">{_said(bp, t)}</a></li>' for i, t in enumerate(others[:6]))
    paragraphs = "".join(f"<P>{_e(line)}</P>" for line in a.lines)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>中国高新技术产业导报</title>
<meta name="publishdate" content="{a.date}" /></head>
<body><div id="top">{_said(bp, "中国高新技术产业导报")}<span>{_said(bp, f"{a.date} 第05版：园区".strip())}</span>
<a href="../node_1.html">{_said(bp, "上一版")}</a> <a href="../node_3.html">{_said(bp, "下一版")}</a>
<a href="/pc/layout/">{_said(bp, "往期回顾")}</a></div>
<div id="left"><h4>{_said(bp, "本版新闻")}</h4><ul>{page_list}</ul>
<div class="pdf"><a href="page.pdf">{_said(bp, "PDF版下载")}</a></div></div>
<div id="main"><h1>{_e(a.title)}</h1><div id="ozoom">{paragraphs}</div></div>
<div id="foot">{_said(bp, "中国高新技术产业导报社 版权所有 未经书面授权 不得复制或建立镜像")}<br/>
{_said(bp, "地址：北京市海淀区复兴路33号")}</div></body></html>"""


def _message_app(a: Article, city: str, others: list[str], bp: list[str]) -> str:
    paragraphs = "".join(f'<section><span style="font-size:15px">{_e(line)}</span></section>' for line in a.lines)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{_e(a.title)}</title><meta property="og:title" content="{_e(a.title)}"></head>
<body><div id="js_article" class="rich_media"><h1 class="rich_media_title">{_e(a.title)}</h1>
<div class="rich_media_meta_list"><span>{_said(bp, "原创")}</span> <a id="js_name">{_said(bp, f"{city}高新发布")}</a>
<em id="publish_time">{_e(a.date)}</em></div>
<div class="rich_media_content" id="js_content">{paragraphs}
<p style="text-align:center">{_said(bp, f"来源：{city}高新区融媒体中心")}</p></div>
<div class="qr">{_said(bp, "长按识别二维码关注我们")}</div>
<div class="more"><h3>{_said(bp, "往期推荐")}</h3>{"".join(f"<p><a>{_said(bp, t)}</a></p>" for t in others[:3])}</div>
<div class="tool">{_said(bp, "阅读原文")} {_said(bp, "阅读 10万+")} {_said(bp, "在看")} {_said(bp, "点赞")}</div>
<div class="comment"><p>{_said(bp, "写留言")}</p><p>{_said(bp, COMMENTS[1][0] + "：" + COMMENTS[1][1])}</p></div>
</div></body></html>"""


TEMPLATES = [_government, _portal, _tables, _epaper, _message_app]
