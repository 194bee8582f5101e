"""LadybugDB, the embedded openCypher database the tests load ladybug.cypher into (a dev dependency)."""
from pathlib import Path

import ladybug
import pytest


class Loaded:
    def __init__(self, conn: ladybug.Connection):
        self.conn = conn

    def rows(self, query: str) -> list[list]:
        result, rows = self.conn.execute(query), []
        while result.has_next():
            rows.append(result.get_next())
        return rows


@pytest.fixture(scope="session")
def load_ladybug(tmp_path_factory):
    """Run the ladybug.cypher of an export folder in a fresh database."""
    def load(exported: Path) -> Loaded:
        conn = ladybug.Connection(ladybug.Database(str(tmp_path_factory.mktemp("ladybug") / "db")))
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(exported)      # the script names its CSVs relative to its folder
            conn.execute((exported / "ladybug.cypher").read_text(encoding="utf-8"))
        return Loaded(conn)
    return load
