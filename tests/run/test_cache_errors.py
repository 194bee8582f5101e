"""A cache that cannot be used is one line naming its file and --no-cache; an entry that does not read is re-extracted."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.read import InputError
from kg.run.cache import Cache

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "seeds" / "001_473abfdb58def16d.txt"


def test_a_corrupt_cache_is_one_line_naming_it(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "extractions.sqlite").write_bytes(b"not a database, half a page of something else" * 100)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(PAGE), "--out", str(tmp_path / "out"),
                          "--cache-dir", str(tmp_path / "cache")], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "Traceback" not in run.stderr and len(run.stderr.splitlines()) == 1
    assert str(tmp_path / "cache" / "extractions.sqlite") in run.stderr and "--no-cache" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_cache_folder_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "cache").write_text("")
    with pytest.raises(InputError, match=r"extractions.sqlite: the cache cannot be used \(.*--no-cache"):
        Cache(tmp_path / "cache")


def test_a_read_only_cache_is_an_error_naming_it(tmp_path, monkeypatch):
    Cache(tmp_path)     # made, and then opened as a user without write access would open it
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda path, **kw: connect(f"file:{path}?mode=ro", uri=True, **kw))
    with pytest.raises(InputError, match="readonly database.*--no-cache"):
        build(PAGE, tmp_path / "out", cache=Cache(tmp_path))


def test_an_entry_that_does_not_read_back_is_extracted_anew(tmp_path):
    cache = Cache(tmp_path / "cache")
    first = build(PAGE, tmp_path / "a", cache=cache)
    db = sqlite3.connect(tmp_path / "cache" / "extractions.sqlite")
    with db:
        db.execute("UPDATE pages SET value = '{\"doc\": 1, \"lines\": 7}'")
    again = build(PAGE, tmp_path / "b", cache=Cache(tmp_path / "cache"))
    assert (first.extracted, again.reused, again.extracted) == (1, 0, 1)
    assert (tmp_path / "a" / "extraction.jsonl").read_bytes() == (tmp_path / "b" / "extraction.jsonl").read_bytes()
