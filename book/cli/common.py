"""What every command of the `book` command line shares: the typer app,
the error console, the global options' state, and `guarded`, which turns
every error into one line and an exit code."""

from __future__ import annotations

import errno
import functools
import json
import os
import traceback
from pathlib import Path

import typer
from rich.console import Console

from book import __version__
from book.cli.report import UsageError, command_name, emit, emit_failure
from book.cli.signals import Interrupted, stopped_by, told
from book.cli.usage import BookGroup, BookTyper
from book.errors import BookError, ExitCode, Problem
from book.files import is_disk_full
from book.languages import known
from book.lock import STAGING_PREFIX
from book.project import find_project

# Plain help (click's): it wraps to the terminal, shows each option's and argument's values
# (metavar) rather than Python types (`book.cli.usage`), and -h works as --help everywhere.
HELP = {"help_option_names": ["-h", "--help"]}
LANGS = f"[{'|'.join(known())}]"
app = BookTyper(help="Lay out one set of photos and captions as print-ready editions in five languages.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  context_settings=HELP, cls=BookGroup)
err = Console(stderr=True, highlight=False, emoji=False)  # "file.yaml:100:" is a place, not the emoji code :100:
state = {"project": None, "debug": False}


def show_problems(exc: BookError) -> None:
    """Each error of a failed command as `book check` prints it ("error: file:line: …"), then the verdict."""
    for problem in exc.problems:
        if not problem.warning and str(problem) != exc.message:
            err.print(f"error: {problem}", markup=False, soft_wrap=True)
    err.print(f"error: {exc.message}", markup=False, soft_wrap=True)


def guarded(command):
    """Turn our errors into one line each and exit 1; Ctrl-C into 130."""
    name = command_name(command)

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        as_json = bool(kwargs.get("as_json"))
        try:
            try:
                return command(*args, **kwargs)
            except Exception as exc:
                if stopped_by():  # stopping by a signal: the workers' absence is no error of its own
                    raise Interrupted(stopped_by()) from exc
                raise
        except BookError as exc:
            if state["debug"]:
                traceback.print_exc()
            if as_json:  # the same document as on success, on stdout
                emit_failure(name, exc)
            else:
                show_problems(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM and SIGHUP (`book.cli.signals`)
            told()
            err.print("interrupted; the previous outputs are as they were")
            raise typer.Exit(getattr(exc, "exit_code", int(ExitCode.INTERRUPTED))) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug of ours: say so in one line, details with --debug
            if state["debug"]:
                raise
            line, code = environment_line(exc), "environment"
            if line is None and is_disk_full(exc):
                line, code = f"{exc.filename or 'a file'}: could not be written: no space left on the device; free some space and run again", "disk-full"
            if line is None:
                line, code = f"internal error ({type(exc).__name__}: {exc}); run again with --debug and report it", "internal-error"
            if as_json:
                emit(name, False, [Problem(code, line)], line)
            else:
                err.print(f"error: {line}", markup=False, soft_wrap=True)
            raise typer.Exit(int(ExitCode.PROBLEM)) from None
    return wrapper


def environment_line(exc: BaseException) -> str | None:
    """The one line for a file or folder in the way, or not writable (an
    output/ that is a file, a read-only folder), or None for any other error."""
    if not isinstance(exc, OSError) or exc.errno not in IN_THE_WAY or not exc.filename:
        return None
    path = Path(os.fsdecode(exc.filename))
    if exc.errno == errno.ENOTDIR:
        path = next((p for p in [path, *path.parents] if p.exists() and not p.is_dir()), path)
    if path.name.startswith(STAGING_PREFIX):  # a build's own staging folder: the folder it is made in is the user's
        path = path.parent
    return f"{shown_path(path)}: {IN_THE_WAY[exc.errno]}; nothing was changed"


def shown_path(path: Path) -> str:
    """``path`` relative to the working folder, or to the --project folder, or whole."""
    for base in (Path.cwd(), state["project"]):
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except (TypeError, ValueError):
            continue
    return str(path)


IN_THE_WAY = {
    errno.EEXIST: "is a file where book needs a folder; move or rename it and run again",
    errno.ENOTDIR: "is a file where book needs a folder; move or rename it and run again",
    errno.EISDIR: "is a folder where book writes a file; move or rename it and run again",
    errno.EACCES: "permission denied; make it writable (chmod u+w) or work in a folder you can write to",
    errno.EPERM: "permission denied; make it writable (chmod u+w) or work in a folder you can write to",
    errno.EROFS: "is on a read-only file system; work on a copy in a writable folder",
}


def project_root() -> Path:
    return find_project(state["project"])


def version_callback(value: bool) -> None:
    if value:
        print(f"book {__version__}")
        raise typer.Exit()


def check_langs(langs: list[str] | None) -> list[str] | None:
    for lang in langs or []:
        if lang not in known():
            raise UsageError(f"--lang {lang}: unknown language; use one of {', '.join(known())}")
    return langs or None


def print_warnings(warnings) -> None:
    for warning in warnings:
        err.print(f"warning: {warning}", markup=False, soft_wrap=True)


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def stdout_console() -> Console:
    out = Console(highlight=False, emoji=False)
    return out if out.is_terminal else Console(highlight=False, emoji=False, width=160)


