"""A build with workers stopped from outside: no worker outlives it, and the output folder is as it was."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """Enough pages to keep two workers busy for a while."""
    folder = tmp_path_factory.mktemp("pages")
    for copy in range(30):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"{copy}-{seed.name}")
    return folder


def _build_with_workers(pages: Path, out: Path) -> tuple[subprocess.Popen, list[psutil.Process]]:
    """A `kg build --jobs 2` that has started extracting, and its worker processes."""
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(pages), "--out", str(out), "--jobs", "2",
                                "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               start_new_session=True)
    for line in process.stderr:
        if line.startswith("[1/"):
            break
    workers = psutil.Process(process.pid).children(recursive=True)
    assert len(workers) >= 2
    return process, workers


def _gone(workers: list[psutil.Process]) -> bool:
    _, alive = psutil.wait_procs(workers, timeout=20)
    return not alive


def test_sigterm_stops_the_build_and_its_workers(pages, tmp_path):
    process, workers = _build_with_workers(pages, tmp_path / "out")
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr and "kg: interrupted" in stderr
    assert _gone(workers)
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "nothing written, nothing left beside"


def test_workers_end_when_the_build_is_killed(pages, tmp_path):
    process, workers = _build_with_workers(pages, tmp_path / "out")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=20)
    assert _gone(workers)


def test_ctrl_c_to_the_whole_group_stops_it_without_a_traceback(pages, tmp_path):
    process, workers = _build_with_workers(pages, tmp_path / "out")
    os.killpg(process.pid, signal.SIGINT)      # what a terminal does: SIGINT to its foreground process group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr
    assert _gone(workers)
