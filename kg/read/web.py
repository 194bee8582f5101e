"""A saved news page: its article, not the page around it.

readability-lxml finds the element that holds the article — scoring blocks by
their text and commas, and by class names such as nav, footer, comment, share
— so that navigation, breadcrumbs, related articles, comment boxes and footers
are left out. What it keeps of the page's furniture inside the article's own
element (上一篇：…, 责任编辑：…, 来源：…, 发布时间：… 浏览次数：…, 分享到：, 【打印本
页】, 阅读原文) is dropped line by line: those lines name sites, zones and
people that the article does not. A page in which no main content is found is
read whole, as kg read every page before, with a warning (none for a page of
one block, a paragraph too short to score, which has nothing around it).

The title is the page's og:title, or the article's headline, or its <title>;
the date the page's metadata, or else the article's dateline (发布时间：2024-01-05).
"""
from __future__ import annotations

import logging
import re

from kg.read.formats import DATE, Page, dated, html_page, html_parts

# readability logs a page it cannot parse with its traceback, through Python's
# last-resort handler on standard error: kg says it in one problem line instead.
logging.getLogger("readability").addHandler(logging.NullHandler())
logging.getLogger("readability").propagate = False

# A candidate inside the best one that scores this share of it is the article rather than its page.
TIED = 0.9
# The labels that begin a line of page furniture on Chinese news sites, before a colon.
LABELS = ("上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "责任编辑", "编辑", "审核", "校对", "责编",
          "来源", "作者", "发布时间", "发布日期", "发布者", "发布单位", "时间", "日期", "浏览", "浏览次数", "阅读次数",
          "访问量", "点击", "点击数", "点击量", "分享", "分享到", "字体", "字号", "打印", "关闭", "相关新闻",
          "相关阅读", "相关链接", "推荐阅读", "往期推荐", "当前位置", "您现在的位置", "您的位置", "版权所有", "主办",
          "承办", "协办", "技术支持", "联系电话", "咨询电话", "服务热线", "电话", "地址", "备案号", "网站标识码")
# The phrases that begin one without a colon.
PHRASES = ("长按识别", "长按二维码", "扫一扫", "扫描二维码", "识别二维码", "版权所有", "Copyright", "©")
FURNITURE = re.compile(r"^[【\[（(]?\s*(?:(?:" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")\s*[：:】\]]|"
                       + "|".join(map(re.escape, PHRASES)) + r"|原创\s)", re.I)      # 原创 绵阳高新发布: an account's name
# The words of a line of buttons (阅读原文 阅读 10万+ 在看 点赞, 【打印本页】【关闭窗口】).
BUTTONS = re.compile(r"阅读原文|打印本页|关闭窗口|返回顶部|返回列表|收藏本页|加入收藏|在看|点赞|收藏|转发|分享|"
                     r"阅读|打印|关闭|字体|大|中|小|[\d\s万+|｜/【】\[\]（）()·•:：]")
# A dateline is short, and ends no sentence: 2024-08-12 来源：高新区新闻网.
DATELINE = 40
DATE_LABEL = re.compile(r"^[【\[（(]?\s*(?:发布时间|发布日期|日期|时间)\s*[：:]")
SENTENCE_END = re.compile(r"[。！？!?]")
NO_CONTENT = ("no main content found (no block of the page reads as an article); the whole body was read, "
              "navigation and footers too")


def web_page(source: str) -> Page:
    """The article of a web page, with its title and date; the whole body with a warning when none is found."""
    whole, meta, headline = html_parts(source)
    content = _main_content(source)
    kept, furniture = _split(content.text.split("\n")) if content else ([], [])
    if not kept:
        if "\n" in whole.text:        # a page of one block has nothing around it to leave out
            whole.warnings.append(NO_CONTENT)
        return whole
    page = Page("\n".join(kept), whole.date, dict(whole.meta), list(whole.warnings))
    title = meta.get("og:title") or headline or whole.meta.get("title")
    if title:
        page.meta["title"] = " ".join(title.split())
    if not page.date:
        # the article's dateline, or one labelled as such elsewhere on the page (a row above the article)
        labelled = (line for line in whole.text.split("\n") if DATE_LABEL.match(line))
        page = dated(page, next((m.group() for line in (*filter(_dateline, furniture), *labelled)
                                 if (m := DATE.search(line))), None))
    return page


def _main_content(source: str) -> Page | None:
    """The text of the element readability-lxml takes for the article; None when it finds none."""
    from readability import Document       # with lxml, only when a web page comes, not for every kg command

    class Article(Document):
        found = False

        def select_best_candidate(self, candidates):
            # summary() tries strictly, then leniently, then gives the whole body: the last try tells
            best = super().select_best_candidate(candidates)
            self.found = best is not None
            return best and _innermost(best, candidates)

    try:
        article = Article(source)
        summary = article.summary(html_partial=True)
    except Exception:       # noqa: BLE001 — lxml's and readability's failures: the page is read whole instead
        return None
    return html_page(summary) if article.found else None


def _innermost(best: dict, candidates: dict) -> dict:
    """Of the candidates inside `best` that score nearly as well, the innermost.

    In a page laid out in tables every cell is scored as a paragraph, so the row
    that holds the whole page, sidebar and all, scores about as well as the row
    that holds the article: the article is the one inside."""
    inner = [c for element, c in candidates.items() if c is not best and c["content_score"] >= TIED * best[
        "content_score"] and best["elem"] in element.iterancestors()]
    return max(inner, key=lambda c: len(list(c["elem"].iterancestors())), default=best)


def _split(lines: list[str]) -> tuple[list[str], list[str]]:
    """The article's lines, and the lines of page furniture among them."""
    kept, furniture = [], []
    for line in lines:
        (furniture if _is_furniture(line) else kept).append(line)
    return kept, furniture


def _is_furniture(line: str) -> bool:
    return bool(FURNITURE.match(line)) or not BUTTONS.sub("", line) or _dateline(line)


def _dateline(line: str) -> bool:
    short = len(line) <= DATELINE and not SENTENCE_END.search(line)
    return bool(DATE_LABEL.match(line)) or short and bool(DATE.search(line))
