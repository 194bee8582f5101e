"""How fast `kg build` reads news, against bare jieba.posseg on the same text.

    python benchmarks/throughput.py --mb 20               (a 20 MB corpus; --jobs 1 and 2)
    python benchmarks/throughput.py --mb 1000 --jobs 2    (the 1 GB build)

It generates a corpus of N MB from the seeds' sentences (benchmarks/corpus.py),
tags it with jieba.posseg, the reference, then times `kg build --no-cache
--quiet` over it with each number of worker processes, in a process of its own,
and samples the resident memory of that process and its workers. The
reference tags the corpus' first 5 MB: its speed per character does not depend
on how much it reads.

Each measurement is made --repeat times (default 2) and the best is kept, as
timeit does: a shared machine's speed swings by a third from minute to minute,
and the best run is the one least slowed by its neighbours.
"""
from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

REFERENCE_MB = 5


def posseg_rate(folder: Path) -> tuple[float, int]:
    """(characters a second, characters tagged) of bare jieba.posseg over the corpus' first pages."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    list(jieba.posseg.cut("预热"))        # the dictionary is loaded before the clock starts
    chars, seconds = 0, 0.0
    for page in sorted(folder.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        started = time.perf_counter()
        list(jieba.posseg.cut(text))
        seconds += time.perf_counter() - started
        chars += len(text)
        if chars * 3 > REFERENCE_MB * 1_000_000:
            break
    return chars / seconds, chars


def timed_build(folder: Path, out: Path, jobs: int) -> tuple[float, int]:
    """(seconds, peak resident bytes of kg build and its workers together)."""
    command = ["kg", "build", str(folder), "--out", str(out), "--jobs", str(jobs), "--no-cache", "--quiet"]
    started = time.perf_counter()
    process = psutil.Popen(command)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass        # a worker ended between listing and measuring
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        sys.exit(f"kg build exited with {process.returncode}")
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20, help="the corpus' size in MB (default 20)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker processes to try (default 1 2)")
    parser.add_argument("--corpus", type=Path, help="keep the corpus in this folder (default: a temporary one)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement, the best kept (default 2)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-throughput-"))
    folder = args.corpus or work / "corpus"
    try:
        if not any(folder.glob("*.txt")):
            generate(args.mb, folder)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))
        pages = len(list(folder.glob("*.txt")))
        print(f"corpus: {pages} pages, {chars:,} characters, "
              f"{sum(p.stat().st_size for p in folder.glob('*.txt')) / 1e6:.1f} MB")
        reference, tagged = max(posseg_rate(folder) for _ in range(args.repeat))
        print(f"bare jieba.posseg: {reference:,.0f} characters/s (over {tagged:,} characters, best of {args.repeat})")
        print("\n| kg build | seconds | characters/s | × jieba.posseg | peak memory |\n|---|---|---|---|---|")
        for jobs in args.jobs:
            runs = [timed_build(folder, work / f"out{jobs}", jobs) for _ in range(args.repeat)]
            seconds, peak = min(seconds for seconds, _ in runs), max(peak for _, peak in runs)
            print(f"| --jobs {jobs} | {seconds:.1f} | {chars / seconds:,.0f} | {chars / seconds / reference:.1f}× "
                  f"| {peak / 2**20:,.0f} MiB |", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
