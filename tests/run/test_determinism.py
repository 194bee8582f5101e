"""Same input, same bytes: the build of 120 articles from many outlets under five hash seeds, with two
worker processes and on a Dask cluster (whose workers each draw their own hash seed)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build

DEV2 = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev2"
needs_dev2 = pytest.mark.skipif(not DEV2.is_dir(), reason="needs ../shared/corpus/dev2")
COMPARED = ("extraction.jsonl", "graph.ttl", "graph.html")


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in COMPARED}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> list[dict[str, bytes]]:
    built = []
    for seed in ("0", "1", "2", "3", "4"):
        out = tmp_path_factory.mktemp(f"seed{seed}") / "out"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(DEV2), "--out", str(out), "--no-cache", "--quiet"],
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=600)
        built.append(outputs(out))
    return built


@needs_dev2
def test_five_hash_seeds_build_the_same_bytes(seeded):
    assert all(b == seeded[0] for b in seeded[1:])
    assert seeded[0]["extraction.jsonl"].count(b'"kind":"triple"') > 500


@needs_dev2
def test_two_processes_build_the_same_bytes(seeded, tmp_path):
    build(DEV2, tmp_path / "out", jobs=2)
    assert outputs(tmp_path / "out") == seeded[0]


@needs_dev2
def test_a_dask_cluster_builds_the_same_bytes(seeded, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build(DEV2, tmp_path / "out", dask=cluster.scheduler_address)
    assert outputs(tmp_path / "out") == seeded[0]
