"""`book check`: everything a build would refuse or warn about, without writing PDFs."""

from __future__ import annotations

from pathlib import Path

from book.build import PROFILES, prepare
from book.errors import BookError, Problem


def run_check(root: Path, langs: list[str] | None, strict: bool = False) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) for the print profile."""
    try:
        prepared = prepare(root, langs, PROFILES["print"], strict)
    except BookError as exc:
        return [p for p in exc.problems if not p.warning] or [Problem(None, exc.message)], [p for p in exc.problems if p.warning]
    return prepared.errors, prepared.warnings
