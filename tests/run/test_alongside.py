"""A task run alongside the build: in a process of its own, its failure raised in the build's."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.run.local import alongside


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
    with pytest.raises(RuntimeError, match="ended with code 3"):
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
