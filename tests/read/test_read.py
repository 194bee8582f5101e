"""Files and folders in, Documents and Problems out: the pages of real archives and hostile files."""
import json
import os
from collections.abc import Iterator

import pytest

from kg.model import Document, Problem
from kg.read import MAX_PAGE_BYTES, InputError, expected_documents, page_paths, read_documents, read_file

PAGE = "001_473abfdb58def16d"


def _read(folder) -> tuple[dict[str, Document], list[Problem]]:
    items = list(read_documents(folder))
    return ({d.id: d for d in items if isinstance(d, Document)}, [p for p in items if isinstance(p, Problem)])


def test_every_format_and_encoding_of_one_page_reads_to_the_same_text(tmp_path, seeds):
    text = seeds[PAGE]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_bytes(text.encode("gb18030"))
    (tmp_path / "c.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d-1", "text": text}, ensure_ascii=False) + "\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    (tmp_path / "e.html").write_bytes(f"<html><body>{paragraphs}</body></html>".encode("gb18030"))
    docs, problems = _read(tmp_path)
    assert not problems and set(docs) == {"a", "b", "c", "d-1", "e"}
    assert docs["a"].raw == docs["b"].raw == docs["c"].raw == docs["d-1"].raw == text
    # a web page has its blocks, not its blank lines
    assert docs["e"].raw.splitlines() == [line.strip() for line in text.splitlines() if line.strip()]


def test_read_documents_is_lazy(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "一。"}\n{"text": "二。"}\n', encoding="utf-8")
    items = read_documents(tmp_path)
    assert isinstance(items, Iterator)
    assert next(items).raw == "一。"


def test_hostile_files_are_problems_not_crashes(tmp_path, seeds):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\u3000\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with open(tmp_path / "huge.txt", "wb") as f:        # 100 MB, sparse: it must not be read at all
        f.truncate(100 * 2**20)
    (tmp_path / "controls.txt").write_text("潍坊高新区\x07经济发展局\x1b党委书记、局长韩滨说。" + seeds[PAGE])
    (tmp_path / "nobody.html").write_text("<html><head><title>空页</title></head><body> </body></html>")
    docs, problems = _read(tmp_path)
    why = {p.path.rsplit("/", 1)[-1]: p for p in problems}
    assert set(docs) == {"controls"}
    assert why["empty.txt"].reason == why["blank.md"].reason == "empty"
    assert "binary" in why["image.txt"].reason
    assert "too large" in why["huge.txt"].reason and "100.0 MiB" in why["huge.txt"].reason
    assert "no text" in why["nobody.html"].reason
    assert all(p.skipped for p in why.values() if p.path.endswith(("empty.txt", "image.txt", "huge.txt")))
    (warning,) = docs["controls"].problems
    assert not warning.skipped and "2 control character(s)" in warning.reason and "U+0007 at character 5" in warning.reason
    assert docs["controls"].raw[5] == "\x07"        # kept: offsets into the page stay true


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not(tmp_path):
    (tmp_path / "at.txt").write_bytes(b"a" * MAX_PAGE_BYTES)
    (tmp_path / "over.txt").write_bytes(b"a" * (MAX_PAGE_BYTES + 1))
    assert isinstance(next(read_file(tmp_path / "at.txt")), Document)
    assert "too large" in next(read_file(tmp_path / "over.txt")).reason


def test_odd_file_names(tmp_path, seeds):
    text = seeds[PAGE]
    names = [b"with space.txt", b"-dash.txt", b"line\nbreak.txt", b"\xff\xfe not utf8.txt", "潍坊（1）.TXT".encode(),
             b"x" * 250 + b".txt", b"dots.in.name.md"]
    for name in names:
        with open(os.path.join(os.fsencode(tmp_path), name), "w", encoding="utf-8") as f:
            f.write(text)
    docs, problems = _read(tmp_path)
    assert not problems and len(docs) == len(names)
    escaped = {doc.id for doc in docs.values() if doc.problems}
    assert escaped == {"line\\x0abreak", "\\xff\\xfe not utf8"}     # told, since the name is not the file's
    assert {"with space", "-dash", "line\\x0abreak", "\\xff\\xfe not utf8", "潍坊（1）", "x" * 250,
            "dots.in.name"} == set(docs)
    for doc in docs.values():       # printable, and writable as UTF-8
        assert doc.path.encode("utf-8") and doc.id.encode("utf-8")
        assert "\n" not in doc.path


def test_two_pages_with_one_name_get_two_ids(tmp_path, seeds):
    (tmp_path / "sub").mkdir()
    for path in ("a.txt", "a.md", "sub/a.txt"):
        (tmp_path / path).write_text(seeds[PAGE], encoding="utf-8")
    docs, _ = _read(tmp_path)
    assert set(docs) == {"a", "a~2", "a~3"}
    assert not docs["a"].problems and "also named 'a'" in docs["a~2"].problems[0].reason


def test_hidden_and_excluded_folders_are_not_pages(tmp_path, seeds):
    for path in ("page.txt", ".hidden.txt", ".git/x.txt", "out/graph.html", "out/extraction.jsonl"):
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_text(seeds[PAGE], encoding="utf-8")
    assert [p.name for p in page_paths(tmp_path, exclude=[tmp_path / "out"])] == ["page.txt"]


def test_the_input_as_a_whole_is_refused_with_what_to_do(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        page_paths(tmp_path / "nowhere")
    (tmp_path / "notes.doc").write_text("x")
    with pytest.raises(InputError, match=r"no pages in this folder \(.txt, .md, .html, .htm, .jsonl, .pdf\); "
                                         r"notes.doc: a word-processor document, which kg does not read: save it "
                                         r"as PDF or as text"):
        page_paths(tmp_path)
    os.mkfifo(tmp_path / "fifo")         # reading it would wait for a writer for ever
    with pytest.raises(InputError, match="neither a file nor a folder"):
        page_paths(tmp_path / "fifo")


def test_expected_documents_counts_articles_of_archives(tmp_path):
    (tmp_path / "a.txt").write_text("一。")
    (tmp_path / "b.jsonl").write_text('{"text": "一。"}\n{"text": "二。"}\n{"text": "三。"}')    # no last line end
    assert expected_documents(page_paths(tmp_path)) == 4
