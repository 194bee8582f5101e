"""What a folder holds besides pages: links, FIFOs, folders that cannot be read, hostile JSON and HTML.

Each is a problem line, never silence and never an abort: the pages beside it are built."""
import json
import os

import pytest

from kg.model import Document, Problem
from kg.read import read_documents, scan, terminal
from kg.read.formats import html_page
from kg.read.walk import OUTPUT_MARKER

PAGE = "潍坊高新区经济发展局党委书记、局长韩滨说。"


def _read(folder, **how):
    items = list(read_documents(folder, **how))
    return ({d.id: d for d in items if isinstance(d, Document)},
            {os.path.basename(p.path): p for p in items if isinstance(p, Problem)})


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(PAGE, encoding="utf-8")
    return folder


def test_a_dangling_link_and_a_fifo_are_reported(news):
    (news / "gone.txt").symlink_to(news / "deleted.txt")
    (news / "gone-folder").symlink_to(news / "deleted")        # may have led to a folder of pages
    (news / "notes.doc").symlink_to(news / "deleted.doc")     # no page: no word
    os.mkfifo(news / "pipe.txt")            # opened, it would wait for a writer for ever
    docs, problems = _read(news)
    assert set(docs) == {"good"}
    assert set(problems) == {"gone.txt", "gone-folder", "pipe.txt"}
    assert "which does not exist" in problems["gone.txt"].reason and "deleted.txt" in problems["gone.txt"].reason
    assert "a FIFO" in problems["pipe.txt"].reason
    assert all(p.skipped for p in problems.values())


def test_an_unreadable_folder_is_reported(news, monkeypatch):
    locked = news / "locked"
    locked.mkdir()
    (locked / "page.txt").write_text(PAGE, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:       # root reads it all the same: make scandir fail as it does for anyone else
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(locked))
            return real(path)
        monkeypatch.setattr(os, "scandir", scandir)
    try:
        docs, problems = _read(news)
    finally:
        locked.chmod(0o755)
    assert set(docs) == {"good"}
    assert "a folder that cannot be read (Permission denied)" in problems["locked"].reason


def test_links_out_of_the_input_are_not_followed_unless_asked(tmp_path, news):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密：某某有限公司董事长王明。", encoding="utf-8")
    (news / "passwd.txt").symlink_to(outside / "secret.txt")
    (news / "more").symlink_to(outside, target_is_directory=True)
    (news / "inside.txt").symlink_to(news / "good.txt")          # within the input: read
    docs, problems = _read(news)
    assert set(docs) == {"good", "inside"}
    assert "outside the input" in problems["passwd.txt"].reason and "--follow-links" in problems["passwd.txt"].reason
    assert "a link to a folder outside the input" in problems["more"].reason
    docs, problems = _read(news, follow_links=True)
    assert set(docs) == {"good", "inside", "passwd", "secret"} and not problems


def test_a_link_loop_is_walked_once(news):
    (news / "sub").mkdir()
    (news / "sub" / "page.txt").write_text(PAGE, encoding="utf-8")
    (news / "sub" / "up").symlink_to(news, target_is_directory=True)
    docs, problems = _read(news, follow_links=True)
    assert set(docs) == {"good", "page"} and not problems


def test_a_folder_kg_wrote_is_not_news(news):
    old = news / "graph-2023"
    old.mkdir()
    (old / OUTPUT_MARKER).write_text("written by kg build")
    (old / "extraction.jsonl").write_text('{"kind": "entity", "doc": "a", "text": "x"}\n')
    (old / "index.html").write_text("<p>潍坊高新区</p>")
    assert scan(news) == [news / "good.txt"]


def test_a_folder_with_nothing_but_problems_is_no_usage_error(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (item,) = scan(tmp_path)
    assert isinstance(item, Problem) and "does not exist" in item.reason


def _archive(folder, *lines: str):
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _read(folder)


def test_a_line_of_nested_brackets_skips_that_article_only(news):
    docs, problems = _archive(news, json.dumps({"id": "ok", "text": PAGE}, ensure_ascii=False),
                              "[" * 10_000 + "]" * 10_000, '{"text": "x", "meta": ' + "[" * 40 + "]" * 40 + "}",
                              '{"text": "x", "n": ' + "9" * 5000 + "}")
    assert set(docs) == {"good", "ok"}
    reasons = [p.reason for p in read_documents(news) if isinstance(p, Problem)]
    assert reasons[0].startswith("line 2: not JSON that can be read: maximum recursion depth")
    assert reasons[1] == "line 3: nested deeper than 32 levels; an article is an object of plain values"
    assert reasons[2].startswith("line 4: not JSON that can be read: Exceeds the limit")


def test_nan_and_infinity_in_metadata_are_read_as_null(news):
    docs, _ = _archive(news, '{"id": "n", "text": "%s", "score": NaN, "big": 1e400, "low": -Infinity, "ok": 1.5}'
                       % PAGE)
    assert docs["n"].meta == {"score": None, "big": None, "low": None, "ok": 1.5}
    (warning,) = docs["n"].problems
    assert not warning.skipped and "3 NaN or Infinity value(s)" in warning.reason


def test_an_unclosed_tail_of_tags_reads_as_text():
    # html.parser before 3.13.4 took hours on a megabyte of this; the text it gives is the same as before
    assert html_page("<p>正文</p><a<a x<b").text == "正文\n<a<a x<b"
    assert html_page("<p>正文</p><script>if (a < b) {}</script><!-- <p>隐藏</p> -->").text == "正文"


def test_a_web_page_html_parser_cannot_take_is_a_problem(news):
    (news / "bad.html").write_text("<p>一段正文。</p><![foo[ x ]]>", encoding="utf-8")
    docs, problems = _read(news)
    assert set(docs) == {"good"}
    assert problems["bad.html"].reason.startswith("the web page cannot be parsed: AssertionError")


def test_terminal_escapes_controls_and_invisible_characters():
    assert terminal("名\x1b[31m红\u202e反\u200b") == "名\\x1b[31m红\\u202e反\\u200b"
    assert terminal("一\n二", lines=True) == "一\n二" and terminal("一\n二") == "一\\x0a二"


def test_files_kg_does_not_read_are_each_a_problem_saying_what_to_do(news):
    for name in ("report.docx", "scan.JPG", "issue-2024.zip", "index.csv", "README", "layout.ofd"):
        (news / name).write_bytes(b"PK\x03\x04" + bytes(64))
    (news / "notes.doc").symlink_to(news / "report.docx")     # a link to a file kg does not read is one too
    docs, problems = _read(news)
    assert set(docs) == {"good"}
    assert set(problems) == {"report.docx", "scan.JPG", "issue-2024.zip", "index.csv", "README", "layout.ofd",
                             "notes.doc"}
    assert problems["report.docx"].reason.startswith("a word-processor document, which kg does not read: save it "
                                                     "as PDF or as text (.txt)")
    assert "OCR" in problems["scan.JPG"].reason and "unpack it" in problems["issue-2024.zip"].reason
    assert problems["index.csv"].reason == problems["README"].reason == (
        "not a kind of file kg reads (.txt, .md, .html, .htm, .jsonl, .pdf): convert it to text or PDF")
    assert "export it as PDF" in problems["layout.ofd"].reason
    assert all(p.skipped and "\n" not in p.reason for p in problems.values())


def test_a_file_kg_does_not_read_given_alone_is_a_problem(tmp_path):
    from kg.read import read_file

    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04" + bytes(64))
    (problem,) = read_file(tmp_path / "report.docx")
    assert isinstance(problem, Problem) and problem.reason.startswith("a word-processor document")


def test_the_pictures_and_scripts_saved_with_a_web_page_are_part_of_it(news):
    (news / "article.html").write_text(f"<html><body><p>{PAGE}</p></body></html>", encoding="utf-8")
    for name in ("article_files/logo.png", "article_files/jquery.js", "article_files/ad.htm", "other_files/a.png"):
        (news / name).parent.mkdir(exist_ok=True)
        (news / name).write_bytes(b"\x89PNG" + bytes(16))
    docs, problems = _read(news)
    # other_files/ is no page's: its picture is reported
    assert set(docs) == {"good", "article"} and set(problems) == {"a.png"}
