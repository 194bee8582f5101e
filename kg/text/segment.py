"""Split a repaired page into articles, and articles into sentences.

A page holds several articles. One begins at 本报讯, at a headline followed by a
lead or byline, or at a ►/▶ byline; one ends with its reporters' names, on
the last line of its text (…发展。 王明, or in brackets on the web: …服务。（王明）) or
on a line of their own. The reporters a dateline names after 记者 or 通讯员, each
after a space (（某某日报记者 王明 李强）), are its bylines too.
"""
from __future__ import annotations

import re

from kg.lexicon import has_surname, load
from kg.model import Article, Document, Sentence

LEAD = re.compile(r"^本报讯")
ARROW = re.compile(r"^[►▶]\s*")
NAMES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){0,4}$")
LEAD_BYLINE = re.compile(r"^本报讯\s*（(?:特约)?(?:通讯员|记者)\s*([^）]+)）")
TRAILING_NAMES = re.compile(r"(?<=[。！？”…])\s+([\u4e00-\u9fff]{2,3}(?: [\u4e00-\u9fff]{2,3}){0,3})$")
# a dateline's reporters, each name after a space: （某某日报记者 张三 李四 通讯员 王五）, 某某网记者 张三
_REPORTER = r"[ 　]+(?!记者|通讯员|摄影)[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])"
REPORTERS = re.compile(rf"(?:记者|通讯员)((?:{_REPORTER})+)")
# a web article's last words: its reporter in brackets, （张三）
TRAILING_BRACKETED = re.compile(r"(?<=[。！？”…])\s*[（(]([\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){0,3})[）)]\s*$")
SENTENCE = re.compile(r".+?(?:[。！？!?]+|……|$)[”’」』）)]*", re.S)


def _blocks(text: str):
    pos = 0
    for line in text.split("\n"):
        yield line, pos
        pos += len(line) + 1


def _kind(line: str) -> str:
    if LEAD.match(line):
        return "lead"
    if ARROW.match(line):
        return "arrow"
    if NAMES.match(line) and (" " in line or len(line) <= 3):
        return "names"
    if not line.rstrip("”’」』）)").endswith(tuple("。！？!?…")) and len(line) < 40:
        return "heading"
    return "body"


def _bracketed_reporters(line: str) -> re.Match | None:
    """The reporters in brackets that end a web article's text (……服务。（张三）), not the body that a credit
    in brackets names (（经发局）, whose name ends as a body's does)."""
    tail = TRAILING_BRACKETED.search(line)
    names = tail.group(1).split() if tail else []
    return tail if names and all(has_surname(n) and not n.endswith(load().agency_ends) for n in names) else None


def _names(line: str, start: int):
    """(name, start, end) for each space-separated name in a byline."""
    for m in re.finditer(r"[\u4e00-\u9fff]{2,4}", line):
        yield m.group(), start + m.start(), start + m.end()


def segment(doc: Document) -> Document:
    blocks = [(line, pos, _kind(line)) for line, pos in _blocks(doc.text) if line.strip()]
    articles: list[Article] = []
    current, has_body, closed = None, False, False
    for k, (line, pos, kind) in enumerate(blocks):
        starts = current is None or closed or (
            has_body and (kind in ("lead", "arrow") or kind == "heading" and _heads_article(blocks, k)))
        if starts:
            current = Article(index=len(articles), start=pos, end=pos + len(line))
            articles.append(current)
            has_body = closed = False
        current.end = pos + len(line)
        if kind == "arrow":
            body = ARROW.sub("", line)
            current.bylines += _names(body, pos + len(line) - len(body))
        elif kind == "names":
            current.bylines += _names(line, pos)
            closed = has_body
        elif kind == "heading":
            current.title = current.title or line
            _sentences(current, line, pos, articles)
        else:
            lead = LEAD_BYLINE.match(line)
            if lead:       # 本报讯（特约通讯员 郭星）
                current.bylines += _names(lead.group(1), pos + lead.start(1))
            else:
                for reporters in REPORTERS.finditer(line):
                    current.bylines += _names(reporters.group(1), pos + reporters.start(1))
            tail = TRAILING_NAMES.search(line) or _bracketed_reporters(line)
            if tail:
                current.bylines += _names(tail.group(1), pos + tail.start(1))
                line = line[:tail.start()]
                closed = True
            _sentences(current, line, pos, articles)
            has_body = True
    doc.articles = articles
    return doc


def _heads_article(blocks, k: int) -> bool:
    """A run of headings that leads into a 本报讯 lead or a byline is a new article's headline."""
    for _, _, kind in blocks[k:]:
        if kind != "heading":
            return kind in ("lead", "arrow", "names")
    return False


def _sentences(article: Article, line: str, pos: int, articles: list[Article]):
    """Add the sentences of one line; a sentence's index counts over the whole page."""
    index = sum(len(a.sentences) for a in articles)
    for m in SENTENCE.finditer(line):
        text = m.group()
        stripped = text.strip()
        if not stripped:
            continue
        start = pos + m.start() + (len(text) - len(text.lstrip()))
        article.sentences.append(Sentence(index=index, start=start, end=start + len(stripped), text=stripped))
        index += 1
