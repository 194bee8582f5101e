"""kg view as a user runs it."""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


def labels(page: Path) -> set[str]:
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    return {n["label"] for n in data["nodes"]}


def test_a_neighbourhood_from_a_build_folder(seeds_build, tmp_path):
    page = tmp_path / "weifang.html"
    run = kg("view", str(seeds_build), "--entity", "潍坊高新区", "--hops", "1", "--out", str(page))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{page}: 潍坊高新区（1 跳以内）, ")
    shown = labels(page)
    assert {"潍坊高新区", "潍坊市", "磁悬浮智能制造产业化项目"} <= shown
    assert "韩滨" not in shown        # two links away: he holds a post in a bureau of the zone


def test_the_whole_graph_from_the_turtle_capped(seeds_build, tmp_path):
    page = tmp_path / "top.html"
    run = kg("view", str(seeds_build / "graph.ttl"), "--max-nodes", "25", "--out", str(page))
    assert run.returncode == 0, run.stderr
    assert len(labels(page)) == 25 and "只显示连接最多的 25 个" in run.stdout


def test_bad_input_is_one_line_and_exit_2(seeds_build, tmp_path):
    for args in (["view", str(tmp_path / "missing")],
                 ["view", str(seeds_build), "--entity", "不存在的高新区"],
                 ["view", str(seeds_build), "--entity", "潍坊高新区", "--hops", "-1"]):
        run = kg(*args, "--out", str(tmp_path / "x.html"))
        assert run.returncode == 2 and run.stderr.startswith("kg: error: ") and run.stderr.count("\n") == 1, run.stderr
    assert not (tmp_path / "x.html").exists()
