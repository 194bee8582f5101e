"""Processes besides the build's: a task run alongside it, and workers that die; the collector's pace."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.run.local import WorkerDied, alongside


def _write_pid(path: Path):
    path.write_text(str(os.getpid()))


def test_the_task_runs_in_another_process_while_the_block_runs(tmp_path):
    done = tmp_path / "pid"
    with alongside(lambda: _write_pid(done)):
        block = os.getpid()
    assert done.read_text() != str(block)       # written by another process, and finished when the block ends


def test_without_fork_the_task_runs_here_before_the_block(tmp_path):
    done = tmp_path / "pid"
    with alongside(lambda: _write_pid(done), fork=False):
        assert done.read_text() == str(os.getpid())


def test_a_failing_task_is_raised_here_with_its_own_message():
    def broken():
        raise ValueError("no such zone: 示例高新区")

    with pytest.raises(ValueError, match="no such zone: 示例高新区"):
        with alongside(broken):
            pass


def test_a_task_that_dies_without_a_word_is_an_error():
    with pytest.raises(WorkerDied, match="ended with code 3"):
        with alongside(lambda: os._exit(3)):
            pass


def test_a_failing_block_stops_the_task(tmp_path):
    done = tmp_path / "pid"

    def slow():
        import time
        time.sleep(30)
        _write_pid(done)

    with pytest.raises(KeyError):
        with alongside(slow):
            raise KeyError("the graph could not be written")
    assert not done.exists()


def _die(doc):
    os._exit(9)     # as the out-of-memory killer would end it


def test_a_worker_that_dies_stops_the_build_with_a_clear_error_and_changes_nothing(tmp_path, monkeypatch):
    import kg.run
    from kg.build import build

    pages = tmp_path / "pages"
    pages.mkdir()
    for k in range(3):
        (pages / f"{k}.txt").write_text("示例高新区管委会主任王明说，示例高新区签约10个项目。", encoding="utf-8")
    monkeypatch.setattr(kg.run, "extract_one", _die)
    with pytest.raises(WorkerDied, match="died while extracting"):
        build(pages, tmp_path / "out", jobs=2)
    assert not (tmp_path / "out").exists()


def test_a_build_runs_the_collector_less_often_and_puts_its_pace_back(tmp_path):
    import gc

    from kg.run import fewer_collections

    before = gc.get_threshold()
    with pytest.raises(KeyError):
        with fewer_collections():
            assert gc.get_threshold()[0] > before[0]
            raise KeyError("the build failed")
    assert gc.get_threshold() == before
