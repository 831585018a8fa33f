"""Where photos may come from: content/photos/ and the folders book.yaml
declares under ``photo_dirs:``. A photo path that leads anywhere else (``..``,
an absolute path, a symlink out of the folder) is refused, so that a build
embeds only files the project says it owns."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

PHOTOS_REL = "content/photos"


def photo_roots(root: Path, declared: list[str]) -> list[Path]:
    """content/photos/ first, then each declared folder (relative to the project root)."""
    roots = [root / PHOTOS_REL]
    for folder in declared:
        path = Path(os.path.expanduser(folder))
        roots.append(path if path.is_absolute() else root / path)
    return roots


def shown(root: Path, path: Path) -> str:
    """``path`` as an editor reads it: relative to the project when inside it."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive
        return str(path)
    return str(path) if rel.startswith("..") else Path(rel).as_posix()


def resolve_photo(root: Path, file: str, roots: list[Path]) -> tuple[Path, str, str | None]:
    """The photo's path, how messages name it, and why it is refused (None when allowed).

    ``file`` is read relative to content/photos/; it may also be absolute or
    lead into a declared folder. The real location (symlinks followed) must lie
    inside one of ``roots``."""
    roots = roots or [root / PHOTOS_REL]
    path = Path(file) if Path(file).is_absolute() else roots[0] / file
    lexical = Path(os.path.normpath(path))
    real = Path(os.path.realpath(path))
    rel = shown(root, lexical)
    for folder in roots:
        base = Path(os.path.realpath(folder))
        if real == base or base in real.parents:
            return lexical, rel, None
    return lexical, rel, (f"{file} lies outside {PHOTOS_REL}/ and the folders in photo_dirs; "
                          f"move it into {PHOTOS_REL}/ or declare its folder in content/book.yaml (photo_dirs: [{real.parent}])")


def other_normal_form(path: Path) -> str | None:
    """A hint when ``path`` is missing but its folder holds the same name in
    another Unicode form (macOS and some archives write accents decomposed,
    NFD, where the YAML's name is composed, NFC): the names look the same."""
    want = unicodedata.normalize("NFC", path.name)
    try:
        names = os.listdir(path.parent)
    except OSError:
        return None
    for name in names:
        if name != path.name and unicodedata.normalize("NFC", name) == want:
            form = "decomposed (NFD)" if name == unicodedata.normalize("NFD", name) else "another Unicode form"
            return (f"; the folder has '{name}' with its accents {form}, which looks the same: rename the file to the "
                    f"composed form (NFC), e.g. with 'convmv -f utf8 -t utf8 --nfc --notest'")
    return None
