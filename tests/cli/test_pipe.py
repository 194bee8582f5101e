"""kg's output piped into a reader that stops early (head) ends quietly."""
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_reader_that_stops_early_is_no_error():
    # more output than a pipe holds, so that kg writes after the reader has gone
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    kg = subprocess.Popen([sys.executable, "-m", "kg.cli", "extract", "-"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    kg.stdin.write(text.encode())
    kg.stdin.close()
    kg.stdout.readline()
    kg.stdout.close()       # as head -1 does
    err = kg.stderr.read().decode()
    assert kg.wait() == 0
    assert "Broken pipe" not in err and "Traceback" not in err
