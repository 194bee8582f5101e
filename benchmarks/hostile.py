"""How long kg build takes on hostile files, each alone in a folder of its own.

    python benchmarks/hostile.py [--only NAME ...]

Each file is written afresh into a temporary folder and built with
`kg build` as a user runs it (a subprocess); the table gives its size, the
wall-clock seconds of one run, the exit code and the problem reported. The
seeds are the material of the realistic cases, with their punctuation taken
out where a case says so. A case may also make links, FIFOs and folders
beside its files, and give kg build more arguments.

The export and endpoint cases come after: the seeds with escapes, backticks,
quotes and NULs strewn through them, built, then exported in every format; a
runaway query on a file and at kg serve, each with a 5 s limit, and a
cross-origin DROP ALL at kg serve. Their seconds are those of the exports, and
of the query until its one-line error.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.sparql.serve import free_port

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _seed_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def _one_line_without_punctuation() -> bytes:
    text = "".join(ch for ch in _seed_text() if ch not in "。！？!?…，,；;、：:\n\r \u3000")
    return (text * (MB // len(text.encode()) + 1)).encode()[:MB // 3 * 3]     # whole characters


def _seed_pages(folder: Path) -> None:
    for p in (ROOT / "seeds").glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())


def _invisible_page() -> bytes:
    """The seeds with a zero-width space between every two characters and bidi controls around every line."""
    text = "\n".join("\u2066" + "\u200b".join(line) + "\u2069" for line in (_seed_text() * 6).splitlines())
    return text.encode()[:MB].decode("utf-8", "ignore").encode()      # whole characters


def _special_files(folder: Path) -> None:
    """One page, and beside it everything a folder holds that is no page."""
    _seed_pages(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "locked").mkdir()
    (folder / "locked").chmod(0)


def _special_files_followed(folder: Path) -> list[str]:
    _special_files(folder)
    return ["--follow-links"]


def _out_is_the_input(folder: Path) -> list[str]:
    _seed_pages(folder)
    return ["--out", str(folder)]


def _short_names() -> bytes:
    """A company named in full once, then by its short name and its abbreviation on every line, to 1 MiB:
    the short forms were once sought name by name over the page, in time that grew with its square."""
    text = "山东华远重工有限公司与北京市医疗器械检验研究院签约。\n"
    line = "华远重工与北京器检院共建实验室，华远重工董事长王明说。\n"
    return (text + line * ((1 << 20) // len(line.encode()))).encode()[:1 << 20].decode("utf-8", "ignore").encode()


def _random_latin_line() -> bytes:
    rng = random.Random(8)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(MB)).encode()


CASES = {
    "seeds (5 pages, for scale)": _seed_pages,
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
    "1 MB web page: one paragraph, then unclosed tags (<a<a<a…)": lambda folder: (folder / "tags.html").write_bytes(
        "<p>潍坊高新区经济发展局党委书记、局长韩滨说。</p>".encode() + b"<a" * (MB // 2 - 40)),
    "1 MB .jsonl line of nested brackets": lambda folder: (folder / "nested.jsonl").write_bytes(
        b'{"text": "x"}\n' + b"[" * MB + b"\n"),
    "1 MB of seed text, zero-width spaces between characters": lambda folder: (folder / "zw.txt").write_bytes(
        _invisible_page()),
    "a FIFO, a dangling link, a link out, a link loop, an unreadable folder": _special_files,
    "--follow-links on the same": _special_files_followed,
    "--out the input folder (refused)": _out_is_the_input,
    "1 MiB page: one full name, then its short forms on every line": lambda folder: (folder / "short.txt").write_bytes(
        _short_names()),
}


def run(name: str, make) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        args = make(folder)
        args = args if isinstance(args, list) else []
        size = sum(p.lstat().st_size for p in folder.iterdir() if p.is_file() and not p.is_symlink())
        out = [] if "--out" in args else ["--out", str(Path(tmp) / "out")]
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), *out, "--quiet", *args],
                              capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        if (folder / "locked").exists():
            (folder / "locked").chmod(0o755)        # for the temporary folder's removal
        problem = next((line for line in done.stderr.splitlines() if line.startswith("kg:")), "")
        return {"case": name, "bytes": size, "seconds": round(seconds, 1), "exit": done.returncode,
                "reported": problem.split(": ", 2)[-1][:90]}


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


def _hostile_seeds(folder: Path) -> None:
    for page in (ROOT / "seeds").glob("*.txt"):
        text = page.read_text(encoding="utf-8")
        # after every 40th character: an escape, a backtick, a quote, a NUL, in turn
        marks = "\x1b`\"\x00"
        (folder / page.name).write_text("".join(ch + (marks[i // 40 % 4] if i % 40 == 39 else "")
                                                for i, ch in enumerate(text)), encoding="utf-8")


def _report(case: str, size: int, seconds: float, runs: list[subprocess.CompletedProcess]) -> dict:
    said = [line.split(": ", 2)[-1][:90] for r in runs for line in r.stderr.splitlines() if line.startswith("kg:")]
    return {"case": case, "bytes": size, "seconds": round(seconds, 1), "exit": max(r.returncode for r in runs),
            "reported": " | ".join(said)}


def exports(tmp: Path) -> dict:
    (pages := tmp / "pages").mkdir()
    _hostile_seeds(pages)
    _kg("build", str(pages), "--out", str(tmp / "out"), "--quiet", "--no-cache")
    started = time.perf_counter()
    runs = [_kg("export", fmt, str(tmp / "out"), "--out", str(tmp / fmt)) for fmt in ("neo4j", "graphml", "gexf")]
    return _report("seeds with escapes, backticks, quotes, NULs: kg export neo4j, graphml, gexf",
                   sum(p.stat().st_size for p in pages.iterdir()), time.perf_counter() - started, runs)


def runaway_on_a_file(tmp: Path) -> dict:
    _kg("build", str(ROOT / "seeds"), "--out", str(tmp / "out"), "--quiet")
    started = time.perf_counter()
    run = _kg("query", str(tmp / "out" / "graph.ttl"), RUNAWAY, "--timeout", "5")
    return _report("runaway kg query on graph.ttl, --timeout 5", 0, time.perf_counter() - started, [run])


def runaway_at_kg_serve(tmp: Path) -> dict:
    _kg("build", str(ROOT / "seeds"), "--out", str(tmp / "out"), "--quiet")
    port = str(free_port())
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(tmp / "out" / "graph.ttl"),
                               "--port", port, "--timeout", "5"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        server.stdout.readline()
        started = time.perf_counter()
        run = _kg("query", f"http://127.0.0.1:{port}/query", RUNAWAY)
        seconds = time.perf_counter() - started
        run.stderr += "\n" + _cross_origin_drop_all(port)
    finally:
        server.terminate()
        server.wait()
    return _report("runaway query at kg serve --timeout 5, then a cross-origin DROP ALL", 0, seconds, [run])


def _cross_origin_drop_all(port: str) -> str:
    drop = urllib.request.Request(f"http://127.0.0.1:{port}/update", data=b"update=DROP+ALL",
                                  headers={"Origin": "http://evil.example"})
    try:
        urllib.request.urlopen(drop, timeout=30)
    except urllib.error.HTTPError as exc:
        return f"kg: serve: DROP ALL from another origin: HTTP {exc.code}"
    return "kg: serve: DROP ALL from another origin: let through"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--only", nargs="+", help="run only the cases whose name contains one of these")
    args = p.parse_args()
    for name, make in CASES.items():
        if args.only and not any(word in name for word in args.only):
            continue
        print(json.dumps(run(name, make), ensure_ascii=False), flush=True)
    for case in (exports, runaway_on_a_file, runaway_at_kg_serve):
        if args.only and not any(word in case.__name__ for word in args.only):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(case(Path(tmp)), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
