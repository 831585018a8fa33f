"""The SHA-256 of the files a build reads, remembered between builds so that a
rebuild does not read a gigabyte of photos again to learn they are the same.

A digest is remembered with what the file system says of the file and
trusted only while the file is the one it was read from, by the package's
one rule for that (`book.files.seen`, `book.files.observe`: size,
modification and change times and inode, and a file that had not settled
when it was read is not remembered). The memo lives in
``.cache/digests.json``; a missing or damaged memo means reading every file
again, never a wrong digest.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from book.caches import DIGESTS, notice_damaged
from book.files import is_signature, observe, seen, sha256_file, signature, write_atomic

__all__ = ["Digests", "file_digest", "read_digest", "signature"]

MEMO_REL = DIGESTS.rel
MEMO_VERSION = 1


def read_digest(path: Path) -> tuple[bytes, str, list[int] | None]:
    """(the bytes of ``path``, their SHA-256, and the signature to remember
    the digest by, None when it may not be remembered): for the image
    workers, which read the photos anyway."""
    data, sig = observe(path, Path.read_bytes)
    return data, hashlib.sha256(data).hexdigest(), sig


def file_digest(path: Path) -> tuple[str, list[int] | None]:
    """(SHA-256 of ``path``, the signature to remember it by or None), reading it in blocks."""
    return observe(path, sha256_file)


class Digests:
    """The memo of one project (see the module's text)."""

    def __init__(self, root: Path):
        self.path = root / MEMO_REL
        self.entries: dict[str, list] = {}
        self.taken: dict[str, str] = {}  # this build's: the digest of the bytes it read of each file
        self.changed = False
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return  # no memo: every file is read
        except (OSError, ValueError):
            data = None
        files = data.get("files") if isinstance(data, dict) else None
        if isinstance(files, dict) and data.get("version") == MEMO_VERSION:
            self.entries = {k: v for k, v in files.items() if isinstance(v, list) and len(v) == 5 and isinstance(v[4], str)
                            and is_signature(v[:4])}
        elif not isinstance(data, dict) or data.get("version") == MEMO_VERSION:
            notice_damaged(MEMO_REL, "list of file digests")  # every file is read

    def known(self, path: Path) -> str | None:
        """The remembered digest of ``path`` if the file is still the one it was taken of."""
        entry = self.entries.get(str(path))
        return entry[4] if entry is not None and seen(path, entry[:4]) else None

    def note(self, path: Path, digest: str, sig: list[int] | None) -> None:
        """Remember ``digest`` for ``path`` as it was when read (``sig`` from
        `file_digest` or `read_digest`); for the rest of this build even when
        the file had not settled (the build used those bytes)."""
        self.taken[str(path)] = digest
        if sig is not None and self.entries.get(str(path)) != [*sig, digest]:
            self.entries[str(path)] = [*sig, digest]
            self.changed = True

    def get(self, path: Path) -> str:
        """The SHA-256 of ``path``, read only if neither this build nor the memo knows it."""
        digest = self.taken.get(str(path)) or self.known(path)
        if digest is None:
            digest, sig = file_digest(path)
            self.note(path, digest, sig)
        return digest

    def save(self) -> None:
        """Write the memo if it learnt anything, forgetting files that are gone."""
        if not self.changed:
            return
        files = {k: v for k, v in sorted(self.entries.items()) if os.path.exists(k)}
        write_atomic(self.path, json.dumps({"version": MEMO_VERSION, "files": files}, indent=0) + "\n")
        self.changed = False
