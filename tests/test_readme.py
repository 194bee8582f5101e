"""The README's printed examples are what the code prints (docs/examples.py regenerates them), and it
points to no file outside the repository."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))
import examples  # noqa: E402


def test_every_printed_example_is_what_its_command_prints_now():
    text = examples.README.read_text(encoding="utf-8")
    assert len(examples.EXAMPLE.findall(text)) >= 4
    assert examples.differences(text, examples.regenerated(text)) == [], "run python docs/examples.py"


def test_the_readme_names_no_path_outside_the_repository():
    text = examples.README.read_text(encoding="utf-8")
    assert not re.search(r"\.\./", text)
