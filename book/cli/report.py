"""The one JSON document every command prints with ``--json`` (docs/json.md):
the same keys on success and on failure, including a failure before the
command could start, so that CI reads one shape.

    {"version": 1, "command": "check", "ok": true, "message": null,
     "problems": [{file, line, key, code, severity, lang, page, photo, message}],
     ...the command's own fields}
"""

from __future__ import annotations

import json

from book.errors import BookError, ExitCode, Problem

JSON_VERSION = 1

# Each command's own fields, as they read when the command failed before it had any.
FIELDS: dict[str, dict] = {
    "check": {"langs": None, "errors": 0, "warnings": 0},
    "build": {"profile": None, "editions": [], "shared_warnings": 0, "seconds": 0.0, "removed": []},
    "preflight": {"files": [], "plates": None},
    "review": {"path": None, "written": False, "texts": 0, "photos": 0, "pages": 0, "counts": {}},
    "preview": {"pages": {}, "sheets": []},
    "i18n status": {"languages": []},
}


class UsageError(BookError):
    """Wrong command-line usage: one line, exit 2."""

    exit_code = ExitCode.USAGE


def envelope(command: str, ok: bool, problems: list[Problem] | list[dict], message: str | None = None, **fields) -> dict:
    """The document for ``command``; ``fields`` are its own (missing ones take their empty values)."""
    listed = [p.as_json() if isinstance(p, Problem) else p for p in problems]
    own = {**FIELDS.get(command, {}), **fields}
    return {"version": JSON_VERSION, "command": command, "ok": ok, "message": message, "problems": listed, **own}


def emit(command: str, ok: bool, problems, message: str | None = None, **fields) -> None:
    print(json.dumps(envelope(command, ok, problems, message, **fields), ensure_ascii=False, indent=2))


def emit_failure(command: str, exc: BookError) -> None:
    """A command that stopped on ``exc``: its problems, or the one line as a problem."""
    problems = exc.problems or [Problem(failure_code(exc), exc.message)]
    emit(command, False, problems, exc.message)


def failure_code(exc: BookError) -> str:
    return "usage" if exc.exit_code == ExitCode.USAGE else "error"


def command_name(function) -> str:
    """``i18n_status`` -> ``i18n status``: the command as it is typed."""
    return function.__name__.replace("_", " ")
