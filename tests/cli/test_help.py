"""Every command's --help ends with examples that the parser accepts, and the README shows every command.

The commands are read from the parser, so a new one is held to the same rule.
"""
import argparse
import re
import shlex
from pathlib import Path

import pytest

from kg.cli import main, parser

README = Path(__file__).resolve().parents[2] / "README.md"


def commands() -> list[str]:
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def help_text(command: str, capsys) -> str:
    with pytest.raises(SystemExit) as exit:
        main([command, "--help"])
    assert exit.value.code == 0
    return capsys.readouterr().out


def test_the_parser_has_the_commands_a_user_knows():
    assert {"build", "extract", "query", "view"} <= set(commands())


@pytest.mark.parametrize("command", commands())
def test_help_describes_the_command_and_gives_examples_the_parser_accepts(command, capsys):
    text = help_text(command, capsys)
    usage, description = text.split("\n\n")[:2]
    assert usage.startswith(f"usage: kg {command}")
    assert not description.startswith(("positional arguments", "options")), "a description before the options"
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith(f"kg {command} ")]
    assert examples, f"kg {command} --help shows no example"
    for example in examples:
        # what the reader would type: no redirection, nor a remark after it, "# …" or "  (…)"
        typed = re.sub(r"\s{2,}\(.*\)$", "", example.split(" > ")[0])
        argv = shlex.split(typed, comments=True)
        assert parser().parse_args(argv[1:]).command == command, example


def readme_commands() -> set[str]:
    """The kg commands in the README's code: fenced blocks and indented lines."""
    text = README.read_text(encoding="utf-8")
    code = [*re.findall(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M),
            *re.findall(r"^(?: {4}|\t)(.*)$", text, re.M)]
    lines = (line.strip().removeprefix("$ ") for block in code for line in block.splitlines())
    return {m.group(1) for line in lines if (m := re.match(r"kg ([a-z]+)\b", line))}


@pytest.mark.parametrize("command", commands())
def test_the_readme_shows_the_command(command):
    assert command in readme_commands(), f"README.md has no example of kg {command} in a code block"
