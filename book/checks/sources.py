"""`book check`: everything a build would refuse or warn about, without writing PDFs."""

from __future__ import annotations

from pathlib import Path

from book.errors import BookError, Problem
from book.gather import gather
from book.outputs import OUTPUTS


def run_check(root: Path, langs: list[str] | None, strict: bool = False) -> list[Problem]:
    """Every problem a print build would report."""
    try:
        return gather(root, langs, OUTPUTS["print"], strict).problems.items
    except BookError as exc:
        return exc.problems or [Problem("error", exc.message)]
