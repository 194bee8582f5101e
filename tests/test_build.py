"""kg build on a real archive: every page read or reported, problems.jsonl, exit codes, and nothing lost."""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import opencc
import pytest
import rdflib
from rdflib.namespace import DCTERMS, XSD

from kg.build import build
from kg.rdf.terms import document_iri
from kg.rdf.validate import validate
from kg.read import InputError
from kg.read.walk import OUTPUT_MARKER

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Good pages in every form and encoding, and hostile files beside them."""
    pages = tmp_path_factory.mktemp("archive")
    seed = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    (pages / "gb18030.txt").write_bytes(seed["001_473abfdb58def16d"].encode("gb18030"))
    traditional = opencc.OpenCC("s2t").convert(seed["000_6c1ec9c07335c472"])
    (pages / "big5 page.md").write_bytes(traditional.encode("big5", errors="ignore"))
    body = "".join(f"<p>{line}</p>" for line in seed["002_c1e7ce0b8b09919e"].splitlines())
    (pages / "web.html").write_text(f'<html><head><meta name="pubdate" content="2024年3月5日"></head>'
                                    f"<body>{body}</body></html>", encoding="utf-8")
    articles = [{"id": "a-1", "title": "示例", "date": "2024-01-05", "text": seed["003_a47ea2bfe5e6e35c"],
                 "url": "https://example.org/a-1"},
                {"id": "a-2", "date": "last week", "text": seed["004_a30f9cb8c58a19bd"]}]
    lines = [json.dumps(a, ensure_ascii=False) for a in articles] + ["{broken", '{"id": "a-4", "text": ""}']
    (pages / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (pages / "empty.txt").write_bytes(b"")
    (pages / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    with open(pages / "huge.txt", "wb") as f:
        f.truncate(100 * 2**20)
    (pages / "bell\x07.txt").write_text("潍坊高新区\x07经济发展局党委书记、局长韩滨说。", encoding="utf-8")
    (pages / "one line.txt").write_text("示例高新区推动产业发展" * 5000, encoding="utf-8")   # 55,000 characters
    return pages


@pytest.fixture(scope="module")
def built(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "out"
    return build(archive, out), out


def test_every_page_is_built_or_reported(built):
    report, out = built
    assert set(report.graph.documents) == {"gb18030", "big5 page", "web", "a-1", "a-2", "bell\\x07", "one line"}
    problems = [json.loads(line) for line in (out / "problems.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(problems) == len(report.problems)
    by_file = {}
    for p in problems:
        by_file.setdefault(Path(p["path"]).name, []).append(p)
    assert {name: sorted(p["skipped"] for p in found) for name, found in by_file.items()} == {
        "archive.jsonl": [False, True, True],      # a date that is none; a broken line, an empty article
        "empty.txt": [True], "image.txt": [True], "huge.txt": [True],
        "bell\\x07.txt": [False, False],            # a control character in its text, and in its name
        "one line.txt": [False]}
    broken = next(p for p in by_file["archive.jsonl"] if "not JSON" in p["reason"])
    assert broken["line"] == 3 and broken["byte"] > 0 and broken["doc"] == "archive_3"
    assert report.exit_code == 1
    skipped = sum(p["skipped"] for p in problems)
    assert f"problems: {len(problems)} ({skipped} skipped, {len(problems) - skipped} built with a warning)" \
        in report.summary() and str(out / "problems.jsonl") in report.summary()


def test_pages_in_other_encodings_and_scripts_give_their_facts(built):
    report, out = built
    record = [json.loads(line) for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()]
    facts = {(r["doc"], r["subject"], r["predicate"], r.get("object")) for r in record if r["kind"] == "triple"}
    assert ("gb18030", "韩滨", "holdsRole", "潍坊高新区经济发展局") in facts
    # the traditional page: matched in simplified characters, quoted in its own
    big5 = [r for r in record if r["doc"] == "big5 page" and r["kind"] == "triple"]
    assert any(r["subject"] == "磁悬浮智能制造产业化项目" for r in big5)
    assert all("磁懸浮" in r["evidence"] for r in big5 if r["subject"] == "磁悬浮智能制造产业化项目")


def test_a_date_in_the_input_is_the_documents_date(built):
    report, out = built
    record = [json.loads(line) for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()]
    documents = {r["doc"]: r for r in record if r["kind"] == "document"}
    assert documents["a-1"] == {"kind": "document", "doc": "a-1", "date": "2024-01-05",
                                "meta": {"title": "示例", "url": "https://example.org/a-1"}}
    assert documents["web"]["date"] == "2024-03-05" and "a-2" not in documents
    graph = rdflib.Graph().parse(out / "graph.ttl")
    assert graph.value(document_iri("a-1"), DCTERMS.date) == rdflib.Literal("2024-01-05", datatype=XSD.date)
    assert graph.value(document_iri("a-2"), DCTERMS.date) is None
    assert validate(graph).conforms
    graph.add((document_iri("a-1"), DCTERMS.date, rdflib.Literal("2024-01-06", datatype=XSD.date)))
    assert "at most one dcterms:date" in "\n".join(validate(graph).explain())


def test_nothing_built_writes_nothing(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "empty.txt").write_bytes(b"")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / OUTPUT_MARKER).write_text("")
    (tmp_path / "out" / "graph.ttl").write_text("kept")
    report = build(tmp_path / "pages", tmp_path / "out")
    assert report.exit_code == 2 and len(report.problems) == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [OUTPUT_MARKER, "graph.ttl"]
    assert (tmp_path / "out" / "graph.ttl").read_text() == "kept"


def test_a_rebuild_replaces_its_own_files_and_keeps_the_users(tmp_path):
    page, out = SEEDS / "001_473abfdb58def16d.txt", tmp_path / "out"
    build(page, out, rdf_format="nt")
    (out / "neo4j").mkdir()
    (out / "neo4j" / "nodes.csv").write_text("id\n")
    (out / "notes.txt").write_text("mine")
    (out / "views" / "stale.html").write_text("from a graph long gone")
    report = build(page, out)
    assert report.exit_code == 0
    names = {p.name for p in out.iterdir()}
    assert {"graph.ttl", "extraction.jsonl", "problems.jsonl", "neo4j", "notes.txt"} <= names
    assert "graph.nt" not in names and not (out / "views" / "stale.html").exists()
    assert (out / "neo4j" / "nodes.csv").read_text() == "id\n" and (out / "notes.txt").read_text() == "mine"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "nothing is left beside out/"


def test_an_earlier_output_moved_into_the_input_is_not_read_as_pages(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(SEEDS / "001_473abfdb58def16d.txt", news)
    build(news, tmp_path / "out")
    (tmp_path / "out").rename(news / "graph-2024")      # graph.html, index.html and extraction.jsonl are there
    report = build(news, tmp_path / "out")
    assert report.graph.documents == ["001_473abfdb58def16d"] and not report.problems


def test_an_output_folder_that_holds_the_current_one_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="holds the current folder"):
        build(SEEDS / "001_473abfdb58def16d.txt", ".")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="a file, not a folder"):
        build(SEEDS / "001_473abfdb58def16d.txt", tmp_path / "file")


# ---- interrupted builds: a real process, killed while it works ----------------

def _state(out: Path) -> tuple:
    """What a reader of out/ sees: every file's name, and the bytes of the graph and the record."""
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    digests = [hashlib.sha1((out / name).read_bytes()).hexdigest() for name in ("graph.ttl", "extraction.jsonl")]
    return names, digests


def _start(source: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(source), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _wait_for(process: subprocess.Popen, progress: str) -> None:
    for line in process.stderr:
        if line.startswith(progress):
            return
    raise AssertionError(f"the build ended before {progress}")


def test_a_build_killed_at_any_moment_leaves_the_previous_output_whole(tmp_path):
    small, out, reference = SEEDS / "000_6c1ec9c07335c472.txt", tmp_path / "out", tmp_path / "reference"
    assert build(small, out).exit_code == 0
    before = _state(out)
    build(SEEDS, reference)
    after = _state(reference)
    assert before != after
    caught_writing = 0
    # while it extracts, once it has extracted everything (it merges and writes), and a moment later
    for progress, delay in [("[1/5]", 0), ("[5/5]", 0), ("[5/5]", 0.5)]:
        process = _start(SEEDS, out)
        _wait_for(process, progress)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = _state(out)
        assert state in (before, after), "never a mix of two builds"
        if state == before:
            caught_writing += any(p.name.startswith(".out.kg-new-") for p in tmp_path.iterdir())
    assert caught_writing, "at least one kill came while the new output was being written"
    # run again: it finishes the work and clears what the killed runs left
    process = _start(SEEDS, out)
    process.communicate()
    assert process.returncode == 0 and _state(out) == after
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reference"]


def test_ctrl_c_stops_the_build_and_leaves_the_output_as_it_was(tmp_path):
    out = tmp_path / "out"
    build(SEEDS / "000_6c1ec9c07335c472.txt", out)
    before = _state(out)
    process = _start(SEEDS, out)
    _wait_for(process, "[1/5]")
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate()
    assert process.returncode == 130 and "Traceback" not in stderr
    assert "kg: interrupted" in stderr and _state(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
