"""The reproductions of issue 18 as a user meets them: hostile folders, values and records, one line each."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PAGE = SEEDS / "001_473abfdb58def16d.txt"


def kg(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, **(env or {})})


def _one_line_error(run, *words):
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.stderr.startswith("kg: error: ")
    for word in words:
        assert word in run.stderr


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(PAGE, folder)
    (folder / "index.html").write_text("<p>潍坊高新区的新闻汇总，我自己写的。</p>", encoding="utf-8")
    return folder


def _files(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_out_that_is_the_input_is_refused_and_the_input_untouched(news):
    before = _files(news)
    _one_line_error(kg("build", "news", "--out", "news", cwd=news.parent), "this is the input")
    assert _files(news) == before


def test_out_that_is_the_home_folder_is_refused(news, tmp_path):
    home = tmp_path / "home"
    (home / "views").mkdir(parents=True)
    (home / "index.html").write_text("mine")
    before = _files(home)
    _one_line_error(kg("build", str(news), "--out", str(home), cwd="/", env={"HOME": str(home)}), "home folder")
    assert _files(home) == before


def test_one_archive_line_of_nested_brackets_skips_that_article(news):
    (news / "archive.jsonl").write_text(json.dumps({"id": "ok", "text": PAGE.read_text(encoding="utf-8")},
                                                   ensure_ascii=False) + "\n" + "[" * 10_000 + "\n", encoding="utf-8")
    run = kg("build", str(news), "--out", str(news.parent / "out"), "--quiet")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "archive.jsonl (archive_2): line 2: not JSON that can be read" in run.stderr
    docs = {json.loads(line)["doc"] for line in (news.parent / "out" / "extraction.jsonl").open(encoding="utf-8")}
    assert {"ok", "001_473abfdb58def16d", "index"} <= docs


def test_links_fifos_and_dangling_links_are_problem_lines(news, tmp_path):
    (tmp_path / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (news / "passwd.txt").symlink_to(tmp_path / "passwd")
    (news / "gone.txt").symlink_to(news / "deleted.txt")
    os.mkfifo(news / "pipe.txt")
    run = kg("build", str(news), "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert [line.split(": ")[1].rsplit("/", 1)[-1] for line in lines] == ["gone.txt", "passwd.txt", "pipe.txt"]
    assert "root:x" not in (tmp_path / "out" / "extraction.jsonl").read_text(encoding="utf-8")
    run = kg("build", str(news), "--out", str(tmp_path / "out"), "--quiet", "--follow-links")
    assert "passwd.txt" not in run.stderr


@pytest.mark.parametrize("args, words", [
    (["build", "--jobs", "0"], ["--jobs 0"]),
    (["build", "--jobs", "100000"], ["--jobs 100000", "at most"]),
    (["build", "--dask", "scheduler"], ["not a scheduler's address"]),
    (["build", "--dask", "tcp://kg:hunter2@10.0.0.5:8786"], ["not a scheduler's address"]),
    (["view", "OUT", "--max-nodes", "-1"], ["max_nodes must be 0"]),
    (["view", "OUT", "--hops", "-1", "--entity", "潍坊高新区"], ["hops must be 0 or more"]),
    (["stats", "OUT", "--top", "-1"], ["top must be 0 or more"]),
    (["build", "--min-confidence", "1.5"], ["--min-confidence 1.5", "from 0 to 1"]),
    (["build", "--min-confidence=-0.1"], ["--min-confidence -0.1", "from 0 to 1"]),
    (["build", "--min-confidence", "half"], ["--min-confidence half", "from 0 to 1"]),
    (["build", "--min-confidence", "nan"], ["--min-confidence nan", "from 0 to 1"]),
])
def test_values_out_of_range_are_one_line(seeds_build, tmp_path, args, words):
    args = [str(seeds_build) if a == "OUT" else a for a in args]
    if args[0] == "build":
        args += [str(PAGE), "--out", str(tmp_path / "out")]
    else:
        args += ["--out", str(tmp_path / "v.html")] if args[0] == "view" else []
    run = kg(*args)
    _one_line_error(run, *words)
    assert "hunter2" not in run.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("line, words", [
    ('{"kind": "entity", "doc": "a", "name": "甲高新区", "type": 7}', ['"type"']),
    ('{"kind": "triple", "doc": "a", "subject": "甲高新区", "predicate": "", "object": "甲高新区"}', ['"predicate"']),
    ('{"kind": "entity", "doc": "a", "name": "甲高新区", "type": "Zone", "aliases": "甲区"}', ['"aliases"']),
    ('{"kind": "entity", "doc": ["a"], "name": "甲高新区", "type": "Zone"}', ['"doc"']),
    ('{"kind": "triple", "doc": "a", "subject": "甲高新区", "predicate": "locatedIn", "object": "甲高新区", '
     '"span": [9]}', ['"span"']),
    ('{"kind": "triple", "doc": "a", "subject": "甲高新区", "predicate": "totalInvestment", "value": "lots"}',
     ["not an amount"]),
    ('{"kind": "entiti", "doc": "a"}', ['"kind"']),
    ('{"kind": "triple", "doc": "a", "subject": "甲高新区", "predicate": "locatedIn", "object": "甲高新区", '
     '"confidence": 83}', ['"confidence" is a number from 0 to 1']),
])
@pytest.mark.parametrize("command", ["stats", "view"])
def test_a_hand_edited_record_is_one_line(tmp_path, command, line, words):
    entity = '{"kind": "entity", "doc": "a", "name": "甲高新区", "type": "Zone"}\n'
    (tmp_path / "extraction.jsonl").write_text(entity + line + "\n", encoding="utf-8")
    args = ["--out", str(tmp_path / "v.html")] if command == "view" else []
    _one_line_error(kg(command, str(tmp_path), *args), "extraction.jsonl:2", *words)


@pytest.mark.parametrize("command", ["stats", "view"])
def test_a_type_and_a_relation_of_ones_own_are_read(tmp_path, command):
    (tmp_path / "extraction.jsonl").write_text(
        '{"kind": "entity", "doc": "a", "name": "天宫", "type": "Spaceport"}\n'
        '{"kind": "entity", "doc": "a", "name": "甲高新区", "type": "Zone"}\n'
        '{"kind": "triple", "doc": "a", "subject": "天宫", "predicate": "orbits", "object": "甲高新区"}\n',
        encoding="utf-8")
    args = ["--out", str(tmp_path / "v.html")] if command == "view" else []
    run = kg(command, str(tmp_path), *args)
    assert run.returncode == 0, run.stderr


def test_a_record_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "extraction.jsonl").write_bytes('{"kind": "entity", "doc": "a", "name": "甲"}\n'.encode("gb18030"))
    _one_line_error(kg("stats", str(tmp_path)), "not UTF-8")


def test_nan_in_archive_metadata_gives_a_record_kg_reads_back(tmp_path):
    (tmp_path / "news").mkdir()
    text = json.dumps(PAGE.read_text(encoding="utf-8"), ensure_ascii=False)
    (tmp_path / "news" / "a.jsonl").write_text(
        '{"id": "n1", "text": %s, "score": NaN, "views": 1e999, "big": %d}\n' % (text, 2 ** 70), encoding="utf-8")
    built = kg("build", str(tmp_path / "news"), "--out", str(tmp_path / "out"), "--quiet")
    assert built.returncode == 1 and "NaN or Infinity" in built.stderr
    assert kg("stats", str(tmp_path / "out")).returncode == 0
    viewed = kg("view", str(tmp_path / "out"), "--out", str(tmp_path / "v.html"))
    assert viewed.returncode == 0, viewed.stderr


def test_no_terminal_escape_from_a_page_reaches_the_terminal(tmp_path):
    (tmp_path / "news").mkdir()
    page = "潍坊高新区某某科技有限公司发布了“\x1b[31m兆言\x1b[0m”大语言模型。\n" + PAGE.read_text(encoding="utf-8")
    (tmp_path / "news" / "red\x1b[31m.txt").write_text(page, encoding="utf-8")
    (tmp_path / "news" / "a.jsonl").write_text('{"id": "\\u001b]0;owned\\u0007", "text": "x", "date": "\\u001b[2J"}\n')
    built = kg("build", str(tmp_path / "news"), "--out", str(tmp_path / "out"))
    assert built.returncode == 1
    assert "\x1b" not in built.stdout + built.stderr and "\x07" not in built.stdout + built.stderr
    assert "red\\x1b[31m.txt" in built.stderr and "\\x1b]0;owned\\x07" in built.stderr


def test_names_with_escapes_are_printed_escaped(tmp_path):
    (tmp_path / "extraction.jsonl").write_text(
        '{"kind": "entity", "doc": "a", "name": "\\u001b[2J甲高新区", "type": "Zone"}\n'
        '{"kind": "entity", "doc": "a", "name": "乙市", "type": "Place"}\n'
        '{"kind": "triple", "doc": "a", "subject": "\\u001b[2J甲高新区", "predicate": "locatedIn", "object": "乙市"}\n',
        encoding="utf-8")
    stats = kg("stats", str(tmp_path))
    viewed = kg("view", str(tmp_path), "--entity", "\x1b[2J甲高新区", "--out", str(tmp_path / "v.html"))
    missing = kg("view", str(tmp_path), "--entity", "甲高新区", "--out", str(tmp_path / "v.html"))
    assert stats.returncode == viewed.returncode == 0 and missing.returncode == 2
    for stream in (stats.stdout, viewed.stdout, missing.stderr):
        assert "\x1b" not in stream and "\\x1b[2J甲高新区" in stream
