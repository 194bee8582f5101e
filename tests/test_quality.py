"""The extractor's quality on the hand-made dev gold, scored by the project's own scorer.

The floor here is the first landing's (issue 2); it guards against regressions.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared with the scorer and gold")
def test_dev_gold_scores(tmp_path):
    build = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "--out", str(tmp_path),
                            "--quiet"], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "gold" / "dev"),
                            "--pred", str(tmp_path / "extraction.jsonl"), "--json"], capture_output=True, text=True)
    summary = json.loads(score.stdout)
    assert summary["entity_f1"] >= 0.70
    assert summary["triple_f1"] >= 0.50
