import os
import stat

import pytest

from kg.write.atomic import atomic_open, atomic_write


def test_text_and_bytes_are_written_as_given(tmp_path):
    atomic_write(tmp_path / "a.txt", "潍坊高新区\n")
    atomic_write(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "a.txt").read_bytes() == "潍坊高新区\n".encode()
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"


def test_a_writer_that_fails_midway_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(path) as f:
            f.write("new, half")
            f.flush()
            raise RuntimeError("the serializer broke")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_a_failed_first_write_creates_nothing(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(tmp_path / "new.jsonl") as f:
            f.write("{}")
            raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_a_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "graph.html"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "new"


def test_text_mode_does_not_translate_newlines(tmp_path):
    atomic_write(tmp_path / "a.jsonl", "{}\n{}\n")
    assert (tmp_path / "a.jsonl").read_bytes() == b"{}\n{}\n"


@pytest.mark.parametrize("mode", ["a", "r+", "x"])
def test_only_whole_file_modes_are_accepted(tmp_path, mode):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "a.txt", mode):
            pass
