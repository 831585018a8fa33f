"""The help and the usage errors as people expect them.

typer shows a positional argument with its Python type (``PDF... <list[Path]>``)
and its usage as ``{PDF...}...``; here an argument shows its metavar alone, as
an option does (``PDF...``, ``FOLDER``, ``[vi|en|zh|ko|ja]``). A usage error
typer itself finds (an unknown option, a bad choice, a missing argument) is
one line on stderr, or with ``--json`` the one JSON document on stdout
(docs/json.md), and exit 2 either way."""

from __future__ import annotations

import sys

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from book.cli.report import FIELDS, emit
from book.errors import ExitCode, Problem

try:  # typer 0.29 carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
except ImportError:  # older typer uses click itself
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError


class PlainArgument(TyperArgument):
    """A positional argument shown by its metavar, without a Python type."""

    def shown(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return name if self.nargs == 1 or name.endswith("...") else f"{name}..."

    def get_help_record(self, ctx):
        record = super().get_help_record(ctx)
        return None if record is None else (self.shown(), record[1])

    def get_usage_pieces(self, ctx) -> list[str]:
        return [self.shown() if self.required else f"[{self.shown()}]"]


class BookCommand(TyperCommand):
    """A command whose arguments are `PlainArgument`s."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:  # typer makes them; only how they are shown changes
                param.__class__ = PlainArgument


class BookTyper(typer.Typer):
    """A typer app whose commands are `BookCommand`s."""

    def command(self, name: str | None = None, *, cls=None, **kwargs):
        return super().command(name, cls=cls or BookCommand, **kwargs)


class BookGroup(TyperGroup):
    """The root command: a usage error becomes one line, or the JSON document with ``--json``."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        args = list(sys.argv[1:] if args is None else args)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:  # `book`, `book i18n`: the help itself
            exc.show()
            sys.exit(int(ExitCode.USAGE))
        except UsageError as exc:
            report_usage(exc, "--json" in args)
            sys.exit(int(ExitCode.USAGE))
        except ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def command_of(exc: UsageError) -> str:
    """The command the error is about, as typed (``i18n status``), or "" for `book` itself."""
    names, ctx = [], exc.ctx
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def usage_line(exc: UsageError) -> str:
    """The one line: what is wrong, and where the help is."""
    command = command_of(exc)
    message = exc.format_message().rstrip(".")
    return f"{message}; see 'book {command + ' ' if command else ''}-h'"


def report_usage(exc: UsageError, as_json: bool) -> None:
    command = command_of(exc)
    line = usage_line(exc)
    if as_json and command in FIELDS:
        emit(command, False, [Problem("usage", line)], line)
    else:
        print(f"error: {line}", file=sys.stderr)
