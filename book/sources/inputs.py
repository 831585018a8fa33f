"""The files an edition is made from, and one digest of their bytes. The
manifest records it beside each PDF, so a command that reads built PDFs
(`book preview`) can tell a stale build from a fresh one."""

from __future__ import annotations

import hashlib
from pathlib import Path

from book.files import sha256_file
from book.languages import catalog_rel

SOURCE_DIRS = ("content", "layouts", "presets")  # presets/: the project's own printer presets
SOURCE_FILES = ("fonts/fonts.yaml",)


def input_files(root: Path, lang: str) -> list[str]:
    """The sources of ``lang``'s edition, relative to ``root``, sorted: every file
    under content/, layouts/ and presets/, the font table and the edition's catalog."""
    found = []
    for folder in SOURCE_DIRS:
        base = root / folder
        if base.is_dir():
            found += [p.relative_to(root).as_posix() for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")]
    for rel in (*SOURCE_FILES, catalog_rel(lang)):
        if (root / rel).is_file():
            found.append(rel)
    return sorted(found)


def inputs_digest(root: Path, lang: str, file_digest=sha256_file) -> str:
    """SHA-256 over the names and bytes of ``lang``'s sources, each file's
    digest from ``file_digest(path)``: a build passes its remembered digests
    (`book.digests`), since the photos are most of the bytes."""
    digest = hashlib.sha256()
    for rel in input_files(root, lang):
        digest.update(f"{rel}\0{file_digest(root / rel)}\n".encode())
    return digest.hexdigest()
