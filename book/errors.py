"""The exception family and exit codes. Every message a user sees is one line
that names the file (and line where known) and says what to do.

typer carries its own copy of click, so the family is rooted in Exception and
the CLI turns it into the message and exit code (see ``cli.guarded``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    OK = 0
    PROBLEM = 1  # the user's content, translations or outputs
    USAGE = 2
    INTERRUPTED = 130


@dataclass(frozen=True)
class Where:
    """A place in a source file, printed as ``path:line``."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in the sources."""

    where: Where | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return prefix + self.message


class BookError(Exception):
    exit_code = ExitCode.PROBLEM

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class ConfigError(BookError):
    pass


class TranslationError(BookError):
    pass


class ImageError(BookError):
    pass


class FontError(BookError):
    pass


class RenderError(BookError):
    pass
