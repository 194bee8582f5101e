"""How long kg build takes on hostile files, each alone in a folder of its own.

    python benchmarks/hostile.py [--only NAME ...]

Each file is written afresh into a temporary folder and built with
`kg build` as a user runs it (a subprocess); the table gives its size, the
wall-clock seconds of one run, the exit code and the problem reported. The
seeds are the material of the realistic cases, with their punctuation taken
out where a case says so.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _seed_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def _one_line_without_punctuation() -> bytes:
    text = "".join(ch for ch in _seed_text() if ch not in "。！？!?…，,；;、：:\n\r \u3000")
    return (text * (MB // len(text.encode()) + 1)).encode()[:MB // 3 * 3]     # whole characters


def _random_latin_line() -> bytes:
    rng = random.Random(8)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(MB)).encode()


CASES = {
    "seeds (5 pages, for scale)": lambda folder: [(folder / p.name).write_bytes(p.read_bytes())
                                                  for p in (ROOT / "seeds").glob("*.txt")],
    "1 MB line, seed text, no punctuation": lambda folder: (folder / "line.txt").write_bytes(_one_line_without_punctuation()),
    "1 MB line of random Latin letters": lambda folder: (folder / "latin.txt").write_bytes(_random_latin_line()),
    "1 MB of spaces between two characters": lambda folder: (folder / "spaces.txt").write_bytes(
        "潍".encode() + b" " * (MB - 6) + "坊".encode()),
    "100 MB file": lambda folder: open(folder / "huge.txt", "wb").truncate(100 * MB),
    "100 MB .jsonl, one 100 MB line": lambda folder: (folder / "huge.jsonl").write_bytes(
        b'{"text": "' + b"a" * (100 * MB) + b'"}\n'),
    "binary (1 MB of random bytes)": lambda folder: (folder / "random.txt").write_bytes(random.Random(8).randbytes(MB)),
    "the seeds x12 as one GB18030 page": lambda folder: (folder / "gb.txt").write_bytes(
        (_seed_text() * 12).encode("gb18030")),
}


def run(name: str, make) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        make(folder)
        size = sum(p.stat().st_size for p in folder.iterdir())
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(Path(tmp) / "out"),
                               "--quiet"], capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        problem = next((line for line in done.stderr.splitlines() if line.startswith("kg:")), "")
        return {"case": name, "bytes": size, "seconds": round(seconds, 1), "exit": done.returncode,
                "reported": problem.split(": ", 2)[-1][:90]}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", nargs="+", help="run only the cases whose name contains one of these")
    args = p.parse_args()
    for name, make in CASES.items():
        if args.only and not any(word in name for word in args.only):
            continue
        print(json.dumps(run(name, make), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
