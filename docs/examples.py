"""The README's printed examples, made by the code they show: run this after a change that alters them.

    python docs/examples.py            # rewrites README.md's example outputs in place
    python docs/examples.py --check    # exit 1, naming each, where one differs (tests/test_readme.py)

An example is the output of a command, between two marks in README.md:

    <!-- output of: kg stats out/ --top 3 -->
    ```
    entities: …
    ```
    <!-- end of output -->

The commands run, in the order the README gives them, in a scratch folder
holding a copy of seeds/ and docs/corrections.yaml, each through a shell with `kg` the kg of this tree
and an empty cache, as on a fresh machine; `| head -N` keeps the first N lines. A fenced block keeps its fence, an
indented one its indent. The seconds a build took are no part of the
comparison: they are the machine's, not the code's.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
EXAMPLE = re.compile(r"(<!-- output of: (?P<command>.+?) -->\n)(?P<body>.*?)(<!-- end of output -->)", re.S)
_SECONDS = re.compile(r"seconds: [0-9.]+")


def run(command: str, folder: Path) -> str:
    """The standard output of `command`, run in `folder` with this tree's kg."""
    kg = f"{sys.executable} -m kg.cli"
    shell = re.sub(r"(^|\|\s*)kg ", lambda m: m.group(1) + kg + " ", command)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0", "COLUMNS": "120",
           "XDG_CACHE_HOME": str(folder / "cache")}
    done = subprocess.run(shell, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"docs/examples.py: `{command}` failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def framed(body: str, output: str) -> str:
    """`output` in the frame `body` has: its fence and language, or its indent."""
    lines = output.rstrip("\n").splitlines()
    if body.startswith("```"):
        fence = body.splitlines()[0]
        return "\n".join([fence, *lines, "```"]) + "\n"
    return "\n".join(f"    {line}" if line else "" for line in lines) + "\n"


def regenerated(text: str) -> str:
    """README.md's text with every example's output made afresh."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(ROOT / "seeds", folder / "seeds")
        (folder / "docs").mkdir()
        shutil.copy(ROOT / "docs" / "corrections.yaml", folder / "docs")     # the worked example of corrections

        def fresh(m: re.Match) -> str:
            return m.group(1) + framed(m.group("body"), run(m.group("command"), folder)) + m.group(4)
        return EXAMPLE.sub(fresh, text)


def differences(old: str, new: str) -> list[str]:
    """The commands whose output in `old` is not that in `new`, the seconds aside."""
    return [a.group("command") for a, b in zip(EXAMPLE.finditer(old), EXAMPLE.finditer(new))
            if _SECONDS.sub("seconds: …", a.group("body")) != _SECONDS.sub("seconds: …", b.group("body"))]


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--check", action="store_true", help="change nothing; exit 1 where an example differs")
    check = args.parse_args(argv).check
    old = README.read_text(encoding="utf-8")
    new = regenerated(old)
    stale = differences(old, new)
    if check:
        for command in stale:
            print(f"README.md: the output of `{command}` is not what it prints now; run python docs/examples.py")
        return 1 if stale else 0
    README.write_text(new, encoding="utf-8")
    print(f"README.md: {len(EXAMPLE.findall(new))} examples, {len(stale)} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
