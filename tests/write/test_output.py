"""The output folder is kg's alone: what --out is refused, mount points, and files saved there during a build.

The mount point cases mount a tmpfs for real, in a mount namespace of the test's
own (`unshare -m`), so nothing outside the test ever sees it."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg.write.atomic
from kg.build import build
from kg.read import InputError
from kg.read.walk import OUTPUT_MARKER
from kg.write.atomic import atomic_folder
from kg.write.output import output_folder

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "seeds" / "001_473abfdb58def16d.txt"


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(PAGE, folder)
    (folder / "index.html").write_text("<p>my own page</p>")
    return folder


@pytest.mark.parametrize("out, reason", [
    (".", "this is the input"),
    ("graph", "lies inside the input"),
    ("..", "holds the input"),
])
def test_an_output_that_is_holds_or_lies_in_the_input_is_refused(news, out, reason, monkeypatch):
    monkeypatch.chdir("/")
    before = sorted(p.name for p in news.iterdir())
    with pytest.raises(InputError, match=reason):
        build(news, news / out)
    assert sorted(p.name for p in news.iterdir()) == before


def test_the_home_folder_and_the_root_are_refused(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "mine").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir("/")
    for out in (home, tmp_path):
        with pytest.raises(InputError, match="the home folder, or holds it"):
            build(PAGE, out)
    with pytest.raises(InputError, match="the root of the file system"):
        output_folder("/")
    assert [p.name for p in home.iterdir()] == ["mine"]


def test_a_folder_of_other_files_needs_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("my home page")
    (out / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match=r"holds files that kg did not write \(index.html, notes.txt\).*--force"):
        build(PAGE, out)
    assert build(PAGE, out, force=True).exit_code == 0
    assert (out / OUTPUT_MARKER).exists() and (out / "notes.txt").read_text() == "mine"
    assert build(PAGE, out).exit_code == 0, "kg's mark is now there"


def test_an_empty_folder_or_a_repositorys_placeholder_needs_no_force(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".gitkeep").write_text("")
    assert build(PAGE, tmp_path / "out").exit_code == 0


def test_files_saved_in_the_output_folder_during_a_build_are_kept(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(PAGE, out)
    saved = []

    def save_while_extracting(done, total, page):
        (out / "during.txt").write_text("saved while pages were read")
    swap = kg.write.atomic._swap

    def save_then_swap(new, path):
        # the moment after what the old folder holds is carried into the new one
        (path / "late.txt").write_text("saved as the folders were swapped")
        (path / "neo4j").mkdir(exist_ok=True)
        (path / "neo4j" / "nodes.csv").write_text("id\n")
        saved.append(path)
        swap(new, path)
    monkeypatch.setattr(kg.write.atomic, "_swap", save_then_swap)
    assert build(PAGE, out, progress=save_while_extracting).exit_code == 0
    assert saved and (out / "during.txt").exists() and (out / "late.txt").exists()
    assert (out / "neo4j" / "nodes.csv").read_text() == "id\n"
    assert (out / "graph.ttl").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_output_folder_that_cannot_be_written_is_refused_before_extracting(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != locked and real(path, mode, **kw))
    read = []
    with pytest.raises(InputError, match="cannot be written"):
        build(PAGE, locked / "out", progress=lambda *a: read.append(a))
    assert not read


# ---- mount points, for real --------------------------------------------------

def _in_own_mounts(code: str, *args: str) -> dict:
    """Run Python `code` in a mount namespace of its own; what it prints as JSON."""
    done = subprocess.run(["unshare", "-m", "--propagation", "private", sys.executable, "-c", code, *args],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    done = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                           "d=$(mktemp -d) && mount -t tmpfs tmpfs $d && umount $d && rmdir $d"], capture_output=True)
    return done.returncode == 0


mounting = pytest.mark.skipif(not _can_mount(), reason="mounting needs root and unshare -m")
PRELUDE = """
import json, os, subprocess, sys
def mount(path, *options):
    subprocess.run(["mount", "-t", "tmpfs", *options, "tmpfs", path], check=True)
def kg(*args):
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", *args, "--no-cache"], capture_output=True,
                          text=True)
    return {"code": done.returncode, "stderr": done.stderr}
"""


@mounting
def test_a_mount_point_as_output_has_its_contents_replaced(tmp_path):
    code = PRELUDE + """
out = sys.argv[1]
mount(out)
open(os.path.join(out, "notes.txt"), "w").write("mine")
first = kg(sys.argv[2], "--out", out, "--force", "--quiet")
second = kg(sys.argv[2], "--out", out, "--format", "nt", "--quiet")
print(json.dumps({"first": first, "second": second, "mounted": os.path.ismount(out),
                  "names": sorted(os.listdir(out)), "notes": open(os.path.join(out, "notes.txt")).read()}))
"""
    (tmp_path / "out").mkdir()
    seen = _in_own_mounts(code, str(tmp_path / "out"), str(PAGE))
    assert seen["first"]["code"] == seen["second"]["code"] == 0, seen
    assert seen["mounted"] and seen["notes"] == "mine"
    assert seen["names"] == [OUTPUT_MARKER, "extraction.jsonl", "graph.html", "graph.nt", "index.html", "notes.txt",
                             "problems.jsonl", "views"], "graph.ttl of the first build is gone, nothing left over"


@mounting
def test_an_output_folder_holding_a_mount_point_is_refused(tmp_path):
    code = PRELUDE + """
out = sys.argv[1]
os.makedirs(os.path.join(out, "disk"))
open(os.path.join(out, OUTPUT_MARKER), "w").write("")
mount(os.path.join(out, "disk"))
open(os.path.join(out, "disk", "precious"), "w").write("kept")
run = kg(sys.argv[2], "--out", out)
print(json.dumps({"run": run, "precious": open(os.path.join(out, "disk", "precious")).read()}))
""".replace("OUTPUT_MARKER", repr(OUTPUT_MARKER))
    seen = _in_own_mounts(code, str(tmp_path / "out"), str(PAGE))
    assert seen["run"]["code"] == 2 and seen["precious"] == "kept"
    assert seen["run"]["stderr"].startswith("kg: error: ") and "holds a mount point" in seen["run"]["stderr"]
    assert len(seen["run"]["stderr"].splitlines()) == 1, "refused before a page was read"


@mounting
def test_nothing_is_deleted_across_a_mount_point(tmp_path):
    code = PRELUDE + """
from kg.write.atomic import remove_tree
old = sys.argv[1]
os.makedirs(os.path.join(old, "disk"))
open(os.path.join(old, "mine.txt"), "w").write("")
mount(os.path.join(old, "disk"))
open(os.path.join(old, "disk", "precious"), "w").write("kept")
remove_tree(old)
print(json.dumps({"left": sorted(os.listdir(old)), "precious": open(os.path.join(old, "disk", "precious")).read()}))
"""
    seen = _in_own_mounts(code, str(tmp_path / "old"))
    assert seen == {"left": ["disk"], "precious": "kept"}


@mounting
def test_a_read_only_file_system_is_refused_before_extracting(tmp_path):
    code = PRELUDE + """
mount(sys.argv[1], "-o", "ro")
print(json.dumps(kg(sys.argv[2], "--out", os.path.join(sys.argv[1], "out"))))
"""
    (tmp_path / "ro").mkdir()
    seen = _in_own_mounts(code, str(tmp_path / "ro"), str(PAGE))
    assert seen["code"] == 2 and "cannot be written" in seen["stderr"]
    assert len(seen["stderr"].splitlines()) == 1, "no page was read: no progress line"


def test_a_folder_swapped_in_place_keeps_what_it_does_not_write(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "views").mkdir()
    (out / "views" / "old.html").write_text("stale")
    (out / "graph.nt").write_text("stale")
    inode = out.stat().st_ino
    with atomic_folder(out, {"views", "graph.nt", "graph.ttl"}, in_place=True) as new:
        (new / "graph.ttl").write_text("new")
        (new / "views").mkdir()
        (new / "views" / "zone.html").write_text("new")
    assert out.stat().st_ino == inode
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "notes.txt", "views"]
    assert [p.name for p in (out / "views").iterdir()] == ["zone.html"]


def test_the_output_of_a_kg_that_left_no_mark_is_taken_as_kgs(tmp_path):
    out = tmp_path / "out"
    build(PAGE, out)
    (out / OUTPUT_MARKER).unlink()
    assert build(PAGE, out).exit_code == 0
    (out / OUTPUT_MARKER).unlink()
    (out / "extraction.jsonl").unlink()      # index.html and views/ alone could be anyone's web site
    with pytest.raises(InputError, match="holds files that kg did not write"):
        build(PAGE, out)
