"""The shipped models (their card is README.md beside this file), and which model file a process uses."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

FOLDER = Path(__file__).resolve().parent
Model = TypeVar("Model")


class InUse(Generic[Model]):
    """A model file, loaded once a process: the one `using` gives, else $<env> (to try another), else the shipped."""

    def __init__(self, shipped: Path, env: str, load: Callable[[Path], Model]):
        self.shipped, self.env, self.load = shipped, env, load
        self._loaded: dict[Path, Model] = {}
        self._stack: list[Path] = []

    def path(self) -> Path:
        return self._stack[-1] if self._stack else Path(os.environ.get(self.env) or self.shipped)

    def model(self) -> Model:
        path = self.path()
        if path not in self._loaded:
            self._loaded[path] = self.load(path)
        return self._loaded[path]

    @contextmanager
    def using(self, path: str | Path) -> Iterator[Model]:
        """Within the block, the model at `path` (cross-validation trains one a fold)."""
        self._stack.append(Path(path))
        try:
            yield self.model()
        finally:
            self._loaded.pop(self._stack.pop(), None)
