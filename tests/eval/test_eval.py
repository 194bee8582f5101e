"""`kg eval`: the project's scorer on the hand-made dev gold, and what it lists as missed."""
import filecmp
import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.eval import evaluate

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "dev"
needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="needs ../shared with the dev gold")


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval/score.py")
def test_the_packaged_scorer_is_the_published_one():
    assert filecmp.cmp(ROOT / "kg" / "eval" / "score.py", SHARED / "eval" / "score.py", shallow=False)


@pytest.fixture(scope="module")
def dev():
    return evaluate(GOLD, pages=ROOT / "seeds")


@needs_gold
def test_dev_gold_scores_stay_above_the_floor(dev):
    # the level reached so far, less a margin: a drop below it is a regression
    assert dev.summary["entity_f1"] >= 0.91
    assert dev.summary["entity_f1_typed"] >= 0.90
    assert dev.summary["triple_f1"] >= 0.85
    assert dev.summary["role_accuracy"] >= 0.90


@needs_gold
def test_misses_name_documents_and_facts(dev):
    assert sum(line.startswith("== ") for line in dev.misses) == 3
    assert any(line.lstrip().startswith(("missed", "extra")) for line in dev.misses)
    assert "all, typed" in dev.table


@needs_gold
def test_a_record_on_file_scores_as_the_fresh_extraction(dev, tmp_path, capsys):
    assert main(["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--quiet"]) == 0
    assert main(["eval", "--gold", str(GOLD), "--pred", str(tmp_path / "extraction.jsonl"), "--summary"]) == 0
    assert capsys.readouterr().out.strip() == dev.summary_line


@needs_gold
def test_a_record_without_the_gold_documents_is_an_error(tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"doc": "elsewhere", "kind": "entity", "name": "甲", "type": "Zone"}) + "\n",
                     encoding="utf-8")
    assert main(["eval", "--gold", str(GOLD), "--pred", str(other)]) == 2
    assert "none of the gold documents" in capsys.readouterr().err


def test_a_folder_without_gold_is_an_error(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path)]) == 2
    assert "no gold .json files" in capsys.readouterr().err


@needs_gold
@pytest.mark.parametrize("content", [
    '{"kind": "entity", "doc": ["a"], "name": "甲高新区", "type": "Zone"}\n'.encode(),     # a list for a name
    '{"kind": "entity", "doc": "a", "name": "甲"}\n'.encode("gb18030"),                  # not UTF-8
])
def test_a_record_edited_by_hand_is_one_line(tmp_path, capsys, content):
    (tmp_path / "edited.jsonl").write_bytes(content)
    assert main(["eval", "--gold", str(GOLD), "--pred", str(tmp_path / "edited.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and len(err.splitlines()) == 1 and "edited.jsonl" in err
