"""The SHA-256 of the files a build reads, remembered between builds so that a
rebuild does not read a gigabyte of photos again to learn they are the same.

A digest is remembered with what the file system says of the file (size,
modification and change times, inode) and trusted only while all four are as
they were. The change time cannot be set back by any program, so a file
rewritten in place is seen as changed; and a digest is remembered only when
the file had not changed for two seconds before it was read, so that two
writes within one tick of the clock cannot pass for one. The memo lives in
``.cache/digests.json``; a missing or damaged memo means reading every file
again, never a wrong digest.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from book.files import sha256_file, write_atomic

MEMO_REL = ".cache/digests.json"
MEMO_VERSION = 1
SETTLED_NS = 2_000_000_000  # a file must have been still this long before it was read


def signature(path: Path) -> list[int] | None:
    """What says ``path`` is the file it was, without reading it."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def settled(sig: list[int] | None, read_at_ns: int) -> list[int] | None:
    """``sig`` when the file had been still for `SETTLED_NS` when read at ``read_at_ns``."""
    return sig if sig is not None and read_at_ns - sig[2] >= SETTLED_NS else None


def read_digest(path: Path) -> tuple[bytes, str, list[int] | None]:
    """(the bytes of ``path``, their SHA-256, and the signature to remember
    the digest by, None when it may not be remembered): for the image
    workers, which read the photos anyway."""
    sig, read_at = signature(path), time.time_ns()
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    return data, digest, settled(sig, read_at) if sig == signature(path) else None


def file_digest(path: Path) -> tuple[str, list[int] | None]:
    """(SHA-256 of ``path``, the signature to remember it by or None), reading it in blocks."""
    sig, read_at = signature(path), time.time_ns()
    digest = sha256_file(path)
    return digest, settled(sig, read_at) if sig == signature(path) else None


class Digests:
    """The memo of one project (see the module's text)."""

    def __init__(self, root: Path):
        self.path = root / MEMO_REL
        self.entries: dict[str, list] = {}
        self.taken: dict[str, str] = {}  # this build's: the digest of the bytes it read of each file
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == MEMO_VERSION:
                self.entries = {k: v for k, v in data["files"].items()
                                if isinstance(v, list) and len(v) == 5 and isinstance(v[4], str)}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no memo or a damaged one: every file is read

    def known(self, path: Path) -> str | None:
        """The remembered digest of ``path`` if the file is still the one it was taken of."""
        entry = self.entries.get(str(path))
        if entry is None or signature(path) != entry[:4]:
            return None
        return entry[4]

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
