"""Web pages and archives: the text the pipeline reads, and the date and metadata the input gives."""
import io
import json

import pytest

from kg.read.formats import articles, html_page, iso_date

HTML = """<!DOCTYPE html>
<html><head><title>示例高新区 新闻</title>
<meta charset="utf-8"><meta property="article:published_time" content="2024-03-05T08:00:00+08:00">
<style>p { color: red }</style><script>var s = "潍坊高新区 in a script";</script></head>
<body><nav>首页 | 新闻</nav>
<article><h1>示例高新区集中开工&nbsp;20个项目</h1>
<p>本报讯 示例高新区今年集中开工
   重点项目20个，总投资额&amp;规模居全市前列。</p>
<p>示例高新区经济发展局局长王明说。<br>下一步将继续推进。</p></article>
<!-- 注释里的文字 --></body></html>"""


def test_a_web_page_gives_its_body_text_one_block_a_line():
    page = html_page(HTML)
    assert page.text.splitlines() == [
        "首页 | 新闻",
        "示例高新区集中开工\xa020个项目",
        "本报讯 示例高新区今年集中开工 重点项目20个，总投资额&规模居全市前列。",
        "示例高新区经济发展局局长王明说。",
        "下一步将继续推进。"]
    assert "script" not in page.text and "color" not in page.text and "注释" not in page.text


def test_a_web_page_gives_its_date_and_title():
    page = html_page(HTML)
    assert page.date == "2024-03-05" and page.meta == {"title": "示例高新区 新闻"}


def test_a_date_in_a_time_element_when_the_head_has_none():
    page = html_page('<p>发布于<time datetime="2023-12-01">12月1日</time></p>')
    assert page.date == "2023-12-01" and page.text == "发布于12月1日"


@pytest.mark.parametrize("value, date", [
    ("2024-01-05", "2024-01-05"), ("2024/1/5", "2024-01-05"), ("2024.01.05 08:30", "2024-01-05"),
    ("2024年1月5日", "2024-01-05"), ("2024-01-05T08:00:00Z", "2024-01-05"),
    ("2024-02-30", None), ("yesterday", None), (20240105, None)])
def test_dates_in_the_forms_archives_write_them(value, date):
    assert iso_date(value) == date


def _archive(*lines: str | bytes) -> io.BytesIO:
    return io.BytesIO(b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines))


def test_an_archive_gives_one_article_a_line_with_its_keys():
    good = {"id": "a-1", "title": "示例高新区", "date": "2024/3/5", "text": "示例高新区集中开工。",
            "url": "https://example.org/1", "section": "要闻"}
    (line,) = articles(_archive(json.dumps(good, ensure_ascii=False)), limit=10_000)
    assert (line.number, line.id, line.page.text, line.page.date) == (1, "a-1", "示例高新区集中开工。", "2024-03-05")
    assert line.page.meta == {"title": "示例高新区", "url": "https://example.org/1", "section": "要闻"}


def test_bad_lines_of_an_archive_are_reported_with_line_and_byte():
    first = json.dumps({"id": 1, "text": "第一篇。"}, ensure_ascii=False)
    f = _archive(first, "", "{not json", '{"title": "no text"}', b'{"text": "\xff"}', '{"text": "好", "date": "soon"}')
    found = list(articles(f, limit=10_000))
    assert [(x.number, bool(x.page), bool(x.error)) for x in found] == [
        (1, True, False), (3, False, True), (4, False, True), (5, False, True), (6, True, False)]
    assert "not JSON" in found[1].error and '"text"' in found[2].error
    start = len(first.encode()) + 1 + 1 + len(b"{not json\n") + len(b'{"title": "no text"}\n')
    assert found[3].error_byte == start + len(b'{"text": "')
    assert found[4].page.warnings and "soon" in found[4].page.warnings[0] and found[4].page.date == ""


def test_an_overlong_line_is_skipped_without_being_held_and_the_next_is_read():
    huge = json.dumps({"text": "字" * 50_000})
    found = list(articles(_archive(huge, '{"text": "下一篇。"}'), limit=1000))
    assert "longer than 1,000 bytes" in found[0].error
    assert found[1].number == 2 and found[1].byte == len(huge) + 1 and found[1].page.text == "下一篇。"


def test_a_byte_order_mark_and_unpaired_surrogates():
    f = io.BytesIO(b'\xef\xbb\xbf{"id": "x", "text": "\\ud800\xe5\xa5\xbd"}\n')
    (line,) = articles(f, limit=1000)
    assert line.page.text == "\ufffd好" and "surrogate" in line.page.warnings[0]
