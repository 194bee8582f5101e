"""Builds at scale give the very output of a plain build: in N processes, from the cache, on a Dask cluster."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.graph.merge import EVIDENCE_PER_FACT, Merger
from kg.model import Document
from kg.pipeline import extract
from kg.progress import progress_display
from kg.read import read_documents
from kg.run import Extracted, extract_one, extract_stream
from kg.run.cache import Cache

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COMPARED = ("graph.ttl", "extraction.jsonl", "problems.jsonl", "index.html", "graph.html")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The seeds, an article archive and a page that cannot be read."""
    folder = tmp_path_factory.mktemp("pages")
    for page in SEEDS.glob("*.txt"):
        shutil.copy(page, folder)
    (folder / "archive.jsonl").write_text(
        '{"id": "a-1", "date": "2024-03-01", "text": "示例高新区管委会主任王明说，示例高新区签约10个项目，总投资50亿元。"}\n'
        'not json\n', encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50)
    return folder


@pytest.fixture(scope="module")
def plain(pages, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plain") / "out"
    assert build(pages, out).exit_code == 1         # built, with the two bad inputs reported
    return out


def same_output(a: Path, b: Path):
    for name in COMPARED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    views = sorted(p.name for p in (a / "views").iterdir())
    assert views == sorted(p.name for p in (b / "views").iterdir()) and views
    for name in views:
        assert (a / "views" / name).read_bytes() == (b / "views" / name).read_bytes(), name


def test_two_processes_build_what_one_builds(pages, plain, tmp_path):
    report = build(pages, tmp_path / "out", jobs=2)
    same_output(plain, tmp_path / "out")
    assert report.extracted == 6 and report.reused == 0


def test_a_second_build_takes_every_page_from_the_cache(pages, plain, tmp_path):
    cache = Cache(tmp_path / "cache")
    first = build(pages, tmp_path / "first", cache=cache)
    second = build(pages, tmp_path / "second", cache=cache)
    assert (first.extracted, first.reused) == (6, 0)
    assert (second.extracted, second.reused) == (0, 6)
    same_output(plain, tmp_path / "second")
    assert "pages extracted: 0   reused from the cache: 6" in second.summary()


def test_only_new_and_changed_pages_are_extracted_again(pages, tmp_path):
    folder = tmp_path / "pages"
    shutil.copytree(pages, folder)
    cache = Cache(tmp_path / "cache")
    build(folder, tmp_path / "out", cache=cache)
    (folder / "new.txt").write_text("示例高新区管委会主任王明调研示例科技有限公司。", encoding="utf-8")
    seed = next(folder.glob("000_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\n示例高新区新签约项目3个。\n", encoding="utf-8")
    report = build(folder, tmp_path / "out", cache=cache)
    assert (report.extracted, report.reused) == (2, 5)
    fresh = build(folder, tmp_path / "fresh")
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    assert "王明" in {n.name for n in report.graph.nodes.values()}


def test_what_another_kg_extracted_is_dropped_and_the_file_shrinks(pages, tmp_path, monkeypatch):
    import kg.run.cache

    def size() -> int:
        return sum(f.stat().st_size for f in (tmp_path / "cache").iterdir())

    monkeypatch.setattr(kg.run.cache, "extractor_version", lambda: "an older kg")
    build(pages, tmp_path / "old", cache=Cache(tmp_path / "cache"))
    before = size()
    monkeypatch.undo()
    cache = Cache(tmp_path / "cache")       # this kg opens it
    assert size() < before / 4
    report = build(pages, tmp_path / "new", cache=cache)
    assert (report.extracted, report.reused) == (6, 0)
    assert build(pages, tmp_path / "again", cache=Cache(tmp_path / "cache")).reused == 6     # its own it keeps


def test_the_cache_key_follows_the_content():
    cache = Cache(None)
    page = Document(id="p", raw="示例高新区签约项目。")
    assert cache.key(page) == cache.key(Document(id="p", raw="示例高新区签约项目。"))
    assert cache.key(page) != cache.key(Document(id="p", raw="示例高新区签约两个项目。"))
    assert cache.key(page) != cache.key(Document(id="q", raw="示例高新区签约项目。"))
    assert cache.key(page) != cache.key(Document(id="p", raw="示例高新区签约项目。", date="2024-01-05"))


def test_pages_are_read_only_as_workers_need_them(pages):
    pulled = []

    def documents():
        for item in read_documents(pages):
            pulled.append(item)
            yield item

    for jobs, window in ((1, 0), (2, 16)):
        pulled.clear()
        stream = extract_stream(documents(), jobs=jobs)
        next(stream)
        assert len(pulled) <= window + 1
        stream.close()


def test_the_graph_keeps_a_few_sentences_of_a_fact_said_a_thousand_times():
    said = extract("潍坊高新区管委会主任王明说，潍坊高新区位于潍坊市。")
    merger = Merger()
    for n in range(EVIDENCE_PER_FACT * 3):
        said.id = f"page-{n}"
        merger.add(said)
    graph = merger.graph()
    facts = {(t.subject.id, t.predicate, t.object.id if t.object else None) for t in said.triples}
    assert facts and len(graph.triples) == len(facts) * EVIDENCE_PER_FACT
    assert len(graph.documents) == EVIDENCE_PER_FACT * 3


def test_a_dask_cluster_builds_what_one_process_builds(pages, plain, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build(pages, tmp_path / "out", dask=cluster.scheduler_address)
    same_output(plain, tmp_path / "out")
    assert report.extracted == 6


def kg(*args: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300,
                          stdin=stdin)


def test_no_scheduler_at_the_address_is_one_line_and_exit_2(tmp_path):
    run = kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--dask", "tcp://127.0.0.1:9", "--quiet")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "Dask scheduler" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_jobs_below_one_is_a_usage_error(tmp_path):
    run = kg("build", str(SEEDS), "--out", str(tmp_path / "out"), "--jobs", "0")
    assert run.returncode == 2 and run.stderr.startswith("kg: error: --jobs 0")


def test_progress_in_a_log_is_plain_lines_and_quiet_is_silent(tmp_path):
    logged = kg("build", str(SEEDS), "--out", str(tmp_path / "a"), "--no-cache")
    lines = logged.stderr.splitlines()
    assert lines and all(line.startswith("[") for line in lines)
    assert lines[-1].startswith("[5/5] ") and "pages/s" in lines[-1] and "left" in lines[-1]
    quiet = kg("build", str(SEEDS), "--out", str(tmp_path / "b"), "--quiet", "--no-cache")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_progress_on_a_terminal_is_a_bar(tmp_path):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    with progress_display(screen) as show:
        build(SEEDS, tmp_path / "out", progress=show)
    assert "5/5" in screen.getvalue() and "pages/s" in screen.getvalue()


def test_what_a_worker_reads_back_is_what_the_lines_say():
    # the graph is merged from the worker's read-back; a page from the cache is read from its lines
    for doc in read_documents(SEEDS):
        extracted = extract_one(doc)
        from_lines = Extracted(extracted.doc, extracted.lines).document()
        assert extracted.read is not None and extracted.read.entities
        assert _facts(extracted.read) == _facts(from_lines)


def _facts(doc: Document) -> tuple:
    entities = sorted((e.name, e.type, tuple(sorted(e.aliases)), e.byline) for e in doc.entities)
    triples = [(t.subject.name, t.subject.type, t.predicate, t.object and (t.object.name, t.object.type), t.value,
                t.role, t.provenance) for t in doc.triples]
    return entities, triples
