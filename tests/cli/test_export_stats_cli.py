"""kg export and kg stats as a user runs them."""
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


def test_export_neo4j(seeds_build, tmp_path):
    run = kg("export", "neo4j", str(seeds_build), "--out", str(tmp_path / "neo4j"))
    assert run.returncode == 0, run.stderr
    written = {p.name for p in (tmp_path / "neo4j").iterdir()}
    assert {"load.cypher", "ladybug.cypher", "nodes_Zone.csv", "relationships_HOLDS_ROLE.csv"} <= written
    assert "load.cypher" in run.stdout


def test_export_gexf_from_the_turtle(seeds_build, tmp_path):
    run = kg("export", "gexf", str(seeds_build / "graph.ttl"), "--out", str(tmp_path / "g.gexf"))
    assert run.returncode == 0, run.stderr
    assert "潍坊高新区" in (tmp_path / "g.gexf").read_text(encoding="utf-8")


def test_stats(seeds_build):
    run = kg("stats", str(seeds_build), "--top", "3")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("entities: ") and "documents: 5" in lines[0]
    zones = lines[lines.index("most connected Zone: degree, betweenness, name") + 1:][:3]
    assert zones[0].split()[-1] == "潍坊高新区" and len(zones) == 3


def test_stats_counts_facts_by_confidence_band_alike_from_the_folder_and_its_turtle(hashed_builds):
    report, out = hashed_builds["all"]
    bands = {}
    for source in (out, out / "graph.ttl"):
        run = kg("stats", str(source), "--top", "1")
        assert run.returncode == 0, run.stderr
        (line,) = [line for line in run.stdout.splitlines() if line.startswith("facts by confidence: ")]
        bands[source.name] = line
    assert bands["out"] == bands["graph.ttl"]
    counted = dict(band.rsplit(" ", 1) for band in bands["out"].removeprefix("facts by confidence: ").split(", "))
    assert list(counted) == ["0.0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1.0"]
    facts = report.graph.facts().values()
    assert int(counted["0.0–0.2"]) == sum(t.confidence < Decimal("0.2") for t in facts) > 0
    assert int(counted["0.8–1.0"]) == sum(t.confidence >= Decimal("0.8") for t in facts) > 0
    assert sum(map(int, counted.values())) == len(facts)


def test_bad_graph_is_one_line(tmp_path):
    for args in (["stats", str(tmp_path / "nowhere")], ["export", "neo4j", str(tmp_path), "--out", str(tmp_path / "x")]):
        run = kg(*args)
        assert run.returncode == 2 and "Traceback" not in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1 and run.stderr.startswith("kg: error: ")
