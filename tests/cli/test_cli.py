"""The `kg` command as a user runs it: real processes, real files, exit codes and one-line errors."""
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import rdflib

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def kg(*args, stdin=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd or ROOT)


def test_build_writes_the_three_outputs_and_a_summary(tmp_path):
    run = kg("build", str(SEEDS), "--out", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    assert {"graph.ttl", "extraction.jsonl", "graph.html"} <= {p.name for p in out.iterdir()}
    assert "documents: 5" in run.stdout and "entities by type" in run.stdout and "seconds" in run.stdout
    assert not list(out.glob(".*tmp*")), "no temporary file is left behind"
    # the Turtle parses in both rdflib and pyoxigraph
    g = rdflib.Graph().parse(out / "graph.ttl")
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(g) == len(store) > 1000
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    assert "潍坊高新区" in labels
    # every record line is JSON, and every triple names entities of its own document
    lines = [json.loads(line) for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()]
    names = {(r["doc"], n) for r in lines if r["kind"] == "entity" for n in [r["name"], *r["aliases"]]}
    for r in lines:
        if r["kind"] == "triple":
            assert (r["doc"], r["subject"]) in names
            assert "object" not in r or (r["doc"], r["object"]) in names
            assert r["evidence"] and len(r["span"]) == 2
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "潍坊高新区" in html and 'src="http' not in html


def test_min_confidence_keeps_the_surer_facts_and_says_how_many_it_left_out(tmp_path):
    page = SEEDS / "001_473abfdb58def16d.txt"

    def triples(out):
        return [json.loads(line) for line in (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
                if '"kind":"triple"' in line]

    everything = kg("build", str(page), "--out", str(tmp_path / "all"), "--min-confidence", "0")
    assert everything.returncode == 0, everything.stderr
    assert "min confidence" not in everything.stdout      # 0 leaves nothing out, and says nothing of it
    facts: dict[tuple, Decimal] = {}       # each fact as sure as its surest sentence
    for t in triples(tmp_path / "all"):
        fact = (t["subject"], t["predicate"], t.get("object"), t.get("role"))
        facts[fact] = max(facts.get(fact, Decimal(0)), Decimal(str(t["confidence"])))
    # just above the least sure: at least those are left out, whatever the model gives
    threshold = min(facts.values()) + Decimal("0.01")
    sure = kg("build", str(page), "--out", str(tmp_path / "sure"), "--min-confidence", str(threshold))
    assert sure.returncode == 0, sure.stderr
    kept = {(t["subject"], t["predicate"], t.get("object"), t.get("role")) for t in triples(tmp_path / "sure")}
    assert kept == {fact for fact, c in facts.items() if c >= threshold}
    count = int(sure.stdout.split("facts: ")[1].split()[0])
    left_out = int(sure.stdout.split(f"min confidence: {threshold}   facts left out below it: ")[1].split()[0])
    assert count + left_out == int(everything.stdout.split("facts: ")[1].split()[0])
    assert left_out == len(facts.keys() - kept) > 0


def test_same_input_gives_the_same_graph(tmp_path):
    page = SEEDS / "001_473abfdb58def16d.txt"
    kg("build", str(page), "--out", str(tmp_path / "a"), "--quiet")
    kg("build", str(page), "--out", str(tmp_path / "b"), "--quiet")
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def _one_line_error(run):
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_missing_path(tmp_path):
    run = kg("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    _one_line_error(run)
    assert "nowhere" in run.stderr


def test_empty_folder(tmp_path):
    (tmp_path / "pages").mkdir()
    run = kg("build", str(tmp_path / "pages"), "--out", str(tmp_path / "out"))
    _one_line_error(run)
    assert "no pages in this folder" in run.stderr


def test_one_bad_page_is_reported_and_the_others_are_built(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEEDS / "000_6c1ec9c07335c472.txt", pages)
    (pages / "latin1.txt").write_bytes("Café au lait, résumé".encode("latin-1"))
    run = kg("build", str(pages), "--out", str(tmp_path / "out"), "--quiet")
    _one_line_error(run)
    assert "latin1.txt" in run.stderr and "UTF-8" in run.stderr
    lines = (tmp_path / "out" / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc"] for line in lines} == {"000_6c1ec9c07335c472"}


def test_extract_reads_standard_input_line_by_line():
    text = "湖北犇星新材料股份有限公司董事长戴百雄表示。\n潍坊高新区经济发展局党委书记、局长韩滨说。\n"
    run = kg("extract", "-", "--lines", stdin=text)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert {r["doc"] for r in records} == {"1", "2"}
    roles = {(r["doc"], r["subject"], r["object"], r["role"]) for r in records if r.get("predicate") == "holdsRole"}
    assert ("1", "戴百雄", "湖北犇星新材料股份有限公司", "董事长") in roles
    assert ("2", "韩滨", "潍坊高新区经济发展局", "党委书记、局长") in roles
    entity = next(r for r in records if r["kind"] == "entity" and r["name"] == "戴百雄")
    start, end = entity["mentions"][0]
    assert text.splitlines()[0][start:end] == "戴百雄"


def test_exit_codes_are_in_the_help():
    for args in (["--help"], ["build", "--help"]):
        run = kg(*args)
        help_text = " ".join(run.stdout.split())
        assert run.returncode == 0 and "exit codes" in help_text
        assert "0 every page was built" in help_text and "1 built, with problems" in help_text
        assert "2 a usage error, no page could be built, or a worker process died" in help_text


def test_nothing_built_is_exit_code_2_with_each_reason(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.txt").write_bytes(b"")
    (pages / "image.txt").write_bytes(bytes(range(256)) * 4)
    run = kg("build", str(pages), "--out", str(tmp_path / "out"), "--quiet")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert [line.split(":")[0:2] for line in lines[:2]] == [["kg", " skipped " + str(pages / "empty.txt")],
                                                            ["kg", " skipped " + str(pages / "image.txt")]]
    assert lines[-1].startswith("kg: error: no page could be built") and not (tmp_path / "out").exists()


def test_extract_reads_an_archive_with_its_dates(tmp_path):
    archive = tmp_path / "news.jsonl"
    archive.write_text(json.dumps({"id": "n1", "date": "2024/5/6", "text": "潍坊高新区经济发展局党委书记、局长韩滨说。"},
                                  ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    run = kg("extract", str(archive))
    assert run.returncode == 1 and "line 2: not JSON" in run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert records[0] == {"kind": "document", "doc": "n1", "date": "2024-05-06"}
    assert any(r.get("predicate") == "holdsRole" and r["doc"] == "n1" for r in records)
