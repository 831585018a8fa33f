"""The help and the usage errors of every command (issue #29, item 7 and 6):
`-h` and `--help` show the allowed values (metavars, choices) and never a
Python type; a usage error typer itself finds (an unknown option, a bad
value, a missing argument) is one line on stderr, or with --json the one
JSON document on stdout, and exit 2 either way."""

from __future__ import annotations

import json
import re

import pytest
import typer
from test_json_shape import SCHEMA, errors_of
from typer.testing import CliRunner

from book.cli import app

ROOT = typer.main.get_command(app)
PYTHON_TYPES = re.compile(r"<(?:bool|str|int|float|path|Path|list|tuple|dict|datetime|uuid|choice|file)\b[^>]*>"
                          r"|\b(?:list|tuple|dict|Optional)\[|NoneType|typing\.|pathlib\.")


def commands(group=ROOT, path=()):
    """Every command and group as typed: (), ('build',), ('i18n',), ('i18n', 'status'), …"""
    yield path
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, (*path, name))


def command_at(path):
    command = ROOT
    for name in path:
        command = command.commands[name]
    return command


def option_names(path) -> set[str]:
    return {opt for param in command_at(path).params for opt in getattr(param, "opts", [])}


ALL = list(commands())
LEAVES = [path for path in ALL if not hasattr(command_at(path), "commands")]
WITH_JSON = [path for path in LEAVES if "--json" in option_names(path)]


def test_every_command_is_reached():
    assert {("build",), ("check",), ("preflight",), ("init",), ("i18n", "status"), ("i18n", "init")} <= set(ALL)
    assert {" ".join(path) for path in WITH_JSON} == {"check", "build", "preflight", "review", "preview", "i18n status"}


@pytest.mark.parametrize("path", ALL, ids=lambda path: " ".join(path) or "book")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_shows_values_not_python_types(path, flag):
    result = CliRunner().invoke(app, [*path, flag], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ") and " ".join(path) in result.output.splitlines()[0]
    assert not PYTHON_TYPES.findall(result.output), (path, PYTHON_TYPES.findall(result.output), result.output)
    assert "{" not in result.output.splitlines()[0], result.output  # no typer-style {ARG} in the usage line


def test_arguments_show_their_metavar():
    text = CliRunner().invoke(app, ["preflight", "-h"], env={"COLUMNS": "80"}).output
    assert text.splitlines()[0].endswith("preflight [OPTIONS] FILE...")
    assert re.search(r"^  FILE\.\.\.  The PDFs and EPUBs to check\.  \[required\]$", text, re.M), text
    text = CliRunner().invoke(app, ["init", "-h"], env={"COLUMNS": "80"}).output
    assert text.splitlines()[0].endswith("init [OPTIONS] FOLDER") and "--source-language [vi|en|zh|ko|ja]" in text
    assert "--profile [print|screen|proof]" in CliRunner().invoke(app, ["preview", "-h"]).output


def usage_cases(path):
    """(what, extra arguments) typer or the command refuses for ``path``: an
    unknown option always, a missing argument, a bad choice where it has one."""
    command = command_at(path)
    required = [param for param in command.params if getattr(param, "required", False) and param.param_type_name == "argument"]
    given = {"preflight": ["nothing-here.pdf"], "init": ["somewhere"], "i18n init": ["en"]}.get(" ".join(path), [])
    yield "unknown option", [*given, "--no-such-option"]
    if required:
        yield "missing argument", []
    options = option_names(path)
    if "--lang" in options:
        yield "bad language", [*given, "--lang", "xx"]
    if "--profile" in options:
        yield "bad profile", [*given, "--profile", "nope"]
    if "--jobs" in options:
        yield "bad number", [*given, "--jobs", "zero"]
    if path == ("preflight",):
        yield "missing file", ["nothing-here.pdf"]


CASES = [(path, what, extra) for path in LEAVES for what, extra in usage_cases(path)]


@pytest.mark.parametrize(("path", "what", "extra"), CASES, ids=[f"{' '.join(p)}: {w}" for p, w, _ in CASES])
def test_usage_error_is_one_line_and_exit_2(path, what, extra, tmp_path):
    result = CliRunner().invoke(app, ["--project", str(tmp_path), *path, *extra])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("path", "what", "extra"), [c for c in CASES if c[0] in WITH_JSON],
                         ids=[f"{' '.join(p)}: {w}" for p, w, _ in CASES if p in WITH_JSON])
def test_usage_error_with_json_is_the_one_document(path, what, extra, tmp_path):
    result = CliRunner().invoke(app, ["--project", str(tmp_path), *path, "--json", *extra])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stderr == ""
    data = json.loads(result.stdout)  # one document and nothing else
    command = " ".join(path)
    assert not errors_of(data, SCHEMA) + errors_of(data, SCHEMA["$defs"][command])
    assert data["command"] == command and data["ok"] is False and data["message"]
    (problem,) = data["problems"]
    assert problem["code"] == "usage" and problem["severity"] == "error" and problem["message"] == data["message"]


def test_a_usage_line_names_the_option_and_the_help():
    result = CliRunner().invoke(app, ["build", "--jobs", "zero"])
    assert result.stderr.startswith("error: Invalid value for '--jobs'") and result.stderr.rstrip().endswith("see 'book build -h'")
    result = CliRunner().invoke(app, ["i18n", "init"])
    assert result.stderr == "error: Missing argument 'LANG'; see 'book i18n init -h'\n"
    result = CliRunner().invoke(app, ["frobnicate", "--json"])  # no command, so no command's document
    assert result.exit_code == 2 and result.stdout == "" and result.stderr == "error: No such command 'frobnicate'; see 'book -h'\n"
