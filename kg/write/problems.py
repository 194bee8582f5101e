"""problems.jsonl: what could not be read or was read with a warning, one JSON object a line.

    {"path": "archive/2024.jsonl", "doc": "a-17", "line": 17, "byte": 40211, "skipped": true,
     "reason": "line 17: not JSON (Expecting value at column 1)"}

An empty file says that every page was built without a problem.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable

from kg.model import Problem
from kg.write.atomic import atomic_open


def record(problem: Problem) -> dict:
    return {k: v for k, v in dataclasses.asdict(problem).items() if v not in (None, "")}


def write_problems(problems: Iterable[Problem], path: str | os.PathLike) -> None:
    with atomic_open(path, "w") as f:
        for problem in problems:
            f.write(json.dumps(record(problem), ensure_ascii=False) + "\n")
