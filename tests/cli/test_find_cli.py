"""The command line a newcomer meets first: kg alone, --version, kg show and kg search, any graph source,
and one-line errors for what does not parse or make sense."""
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from kg.build import build
from kg.graph.load import load_graph
from kg.graph.network import to_networkx

ROOT = Path(__file__).resolve().parents[2]
# a graph file that breaks off inside a string on its third line
BROKEN_TURTLE = '@prefix hz: <https://w3id.org/kg-hz/ontology#> .\nhz:a hz:b hz:c .\nhz:a hz:b "unterminated .\n'


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


def one_line_error(run) -> str:
    assert run.returncode == 2 and run.stderr.startswith("kg: error: ") and run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in run.stderr and "b'" not in run.stderr
    return run.stderr


@pytest.fixture(params=["folder", "extraction.jsonl", "graph.ttl"])
def source(request, seeds_build) -> str:
    return str(seeds_build if request.param == "folder" else seeds_build / request.param)


def test_kg_alone_prints_the_help_and_version_says_which_kg():
    run = kg()
    assert run.returncode == 0 and run.stdout.startswith("usage: kg") and "show" in run.stdout and not run.stderr
    run = kg("--version")
    assert run.returncode == 0 and run.stdout.strip() == f"kg {version('kg')}"


def test_show_prints_an_entity_with_its_facts_and_sentences_on_one_line(seeds_build):
    run = kg("show", str(seeds_build), "韩滨")
    assert run.returncode == 0, run.stderr
    g = to_networkx(load_graph(seeds_build))
    (han,) = [d for _, d in g.nodes(data=True) if d["label"] == "韩滨"]
    (post,) = [d for _, _, d in g.edges(data=True) if d["role"] == "党委书记、局长"]
    assert run.stdout.splitlines()[0] == f"韩滨 (Person, confidence {han['confidence']})"
    assert f"  韩滨 holdsRole（党委书记、局长） 潍坊高新区经济发展局  (confidence {post['confidence']})\n" in run.stdout
    # the page breaks this sentence over two lines (kg export's CSV shows the break as spaces)
    assert "“潍坊高新区经济发展局党委书记、局长韩滨说。” (001_473abfdb58def16d)" in run.stdout


def test_show_names_the_nearest_when_no_entity_has_the_name(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "wuhan.txt").write_text("东湖高新区位于武汉市。近日，东湖高新区召开大会。", encoding="utf-8")
    build(pages, tmp_path / "out", cache=None)
    error = one_line_error(kg("show", str(tmp_path / "out"), "武汉东湖高新区"))
    assert "no entity is called '武汉东湖高新区'; did you mean 东湖高新区" in error


def test_search_lists_the_names_that_hold_the_text_best_first(seeds_build):
    run = kg("search", str(seeds_build), "高新区", "--limit", "3")
    lines = run.stdout.splitlines()
    assert run.returncode == 0 and len(lines) == 3 and all("高新区" in line for line in lines)
    assert lines[0].split()[0] == "Zone"
    nothing = kg("search", str(seeds_build), "没有这个名字")
    assert nothing.returncode == 1 and not nothing.stdout and "没有这个名字" in nothing.stderr


def test_every_command_that_reads_a_graph_takes_a_folder_its_record_or_its_rdf(source, tmp_path):
    assert kg("stats", source).stdout.startswith("entities: ")
    assert kg("show", source, "潍坊高新区").stdout.startswith("潍坊高新区 (Zone, confidence ")   # from the RDF too
    assert "潍坊高新区" in kg("search", source, "潍坊").stdout
    zones = kg("query", source, "SELECT (COUNT(DISTINCT ?z) AS ?n) WHERE { ?z a hz:Zone }", "--format", "csv")
    assert zones.returncode == 0 and int(zones.stdout.split()[1]) > 30, zones.stderr
    assert kg("export", "graphml", source, "--out", str(tmp_path / "g.graphml")).returncode == 0
    assert kg("view", source, "--entity", "潍坊高新区", "--out", str(tmp_path / "v.html")).returncode == 0


@pytest.mark.parametrize("command", [["stats"], ["view", "--out", "/dev/null"], ["show", "潍坊高新区"],
                                     ["search", "潍坊"], ["export", "gexf", "--out", "/dev/null"],
                                     ["query", "SELECT * WHERE { ?s ?p ?o }"], ["validate"]])
def test_a_broken_graph_file_is_one_line_with_its_line_and_column(command, tmp_path):
    broken = tmp_path / "graph.ttl"
    broken.write_text(BROKEN_TURTLE, encoding="utf-8")
    argv = [*command[:2], str(broken), *command[2:]] if command[0] == "export" else \
        [command[0], str(broken), *command[1:]]
    error = one_line_error(kg(*argv))
    assert f"{broken}: not valid Turtle at line 3, column 11: " in error


def test_a_query_that_does_not_parse_is_one_line_with_its_line_and_column(seeds_build):
    error = one_line_error(kg("query", str(seeds_build), "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }"))
    assert "the query does not parse at line 3, column " in error and "FILTER(?s = )" in error
    assert "expected one of" not in error


@pytest.mark.parametrize("args", [["view", "--max-nodes", "-5"], ["view", "--entity", "潍坊高新区", "--hops", "-1"],
                                  ["search", "潍坊", "--limit", "-5"], ["stats", "--top", "-5"]])
def test_a_negative_count_is_refused(seeds_build, args, tmp_path):
    one_line_error(kg(args[0], str(seeds_build), *args[1:]))
