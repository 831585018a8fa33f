"""Find the book project a command works on."""

from __future__ import annotations

from pathlib import Path

from book.errors import ConfigError


def find_project(start: Path | None = None) -> Path:
    """The nearest folder upwards from ``start`` that holds content/book.yaml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "content" / "book.yaml").is_file():
            return folder
    raise ConfigError(f"no book project here: no content/book.yaml in {here} or above; run inside a project or pass --project DIR")
