"""What every command of the `book` command line shares: the typer app,
the error console, the global options' state, and `guarded`, which turns
every error into one line and an exit code."""

from __future__ import annotations

import functools
import json
import traceback
from pathlib import Path

import typer
from rich.console import Console

from book import __version__
from book.errors import BookError, ExitCode, Problem
from book.files import is_disk_full
from book.languages import known
from book.project import find_project

app = typer.Typer(help="Lay out one set of photos and captions as print-ready editions in five languages.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, emoji=False)  # "file.yaml:100:" is a place, not the emoji code :100:
state = {"project": None, "debug": False}


def show_problems(exc: BookError) -> None:
    for problem in exc.problems:
        if not problem.warning and str(problem) != exc.message:
            err.print(str(problem), markup=False, soft_wrap=True)
    err.print(f"error: {exc.message}", markup=False, soft_wrap=True)


def guarded(command):
    """Turn our errors into one line each and exit 1; Ctrl-C into 130."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BookError as exc:
            if state["debug"]:
                traceback.print_exc()
            show_problems(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            err.print("interrupted; the previous outputs are as they were")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug of ours: say so in one line, details with --debug
            if state["debug"]:
                raise
            if is_disk_full(exc):
                err.print(f"error: {exc.filename or 'a file'}: could not be written: no space left on the device; free some space and run again",
                          markup=False, soft_wrap=True)
                raise typer.Exit(int(ExitCode.PROBLEM)) from None
            err.print(f"error: internal error ({type(exc).__name__}: {exc}); run again with --debug and report it", markup=False, soft_wrap=True)
            raise typer.Exit(int(ExitCode.PROBLEM)) from None
    return wrapper


def project_root() -> Path:
    return find_project(state["project"])


def version_callback(value: bool) -> None:
    if value:
        print(f"book {__version__}")
        raise typer.Exit()


def check_langs(langs: list[str] | None) -> list[str] | None:
    for lang in langs or []:
        if lang not in known():
            err.print(f"error: --lang {lang}: unknown language; use one of {', '.join(known())}")
            raise typer.Exit(int(ExitCode.USAGE))
    return langs or None


def print_warnings(warnings) -> None:
    for warning in warnings:
        err.print(f"warning: {warning}", markup=False, soft_wrap=True)


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def fail_as_json(exc: BookError) -> None:
    """--json: a failure's problems as objects on stdout, and its exit code."""
    problems = exc.problems or [Problem("error", exc.message)]
    print_json({"ok": False, "message": exc.message, "problems": [p.as_json() for p in problems]})
    raise typer.Exit(int(exc.exit_code))


def stdout_console() -> Console:
    out = Console(highlight=False, emoji=False)
    return out if out.is_terminal else Console(highlight=False, emoji=False, width=160)


