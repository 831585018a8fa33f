"""The sample's photo files: a painted scene (render) stored as its spec
entry's variant, with the entry's fingerprint, by the one placeholder writer
(`book.placeholder_photos`: variants, ICC profiles, atomic writing)."""

from __future__ import annotations

from pathlib import Path

from book.placeholder_photos import (
    ADOBE_RGB_ICC,
    apply_variant,
    cmyk_icc_path,
    displayed_size,
    save,
    srgb_icc,
)
from book.placeholder_photos import is_current as file_is_current

from .render import render_photo
from .spec import Entry

__all__ = ["ADOBE_RGB_ICC", "apply_variant", "cmyk_icc_path", "displayed_size", "is_current", "srgb_icc", "write_photo"]


def write_photo(entry: Entry, out_dir: Path) -> Path:
    """Render one entry and move it into place atomically."""
    return save(out_dir / entry.file, render_photo(entry), entry.variant, entry.fingerprint())


def is_current(entry: Entry, path: Path) -> bool:
    """Whether an existing file can stay: a placeholder made from the same
    entry, or a foreign image (a real photo) of the right displayed size."""
    return file_is_current(path, entry.fingerprint(), entry.size)
