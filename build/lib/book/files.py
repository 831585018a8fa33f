"""Small file helpers shared by the stages: content digests, atomic writes,
a full disk reported as such, and the leftovers of killed processes."""

from __future__ import annotations

import errno
import hashlib
import os
import re
from pathlib import Path

from book.errors import BookError, Problem, Where

TEMP_NAME = re.compile(r"\.tmp-(\d+)$")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


class DiskFull(BookError):
    """A write failed for want of space: name the file and, when the build
    knows it, how much room it needs."""

    def __init__(self, path: Path | str, exc: OSError | None = None, needed: int | None = None, shown: str | None = None):
        self.path = Path(path)
        self.shown = shown or str(path)
        need = f"; the build needs about {needed / 1e6:,.0f} MB free there" if needed else ""
        message = f"could not be written: no space left on the device{need}; free some space and run again (the previous outputs are as they were)"
        problem = Problem("disk-full", message, Where(self.shown))
        super().__init__(str(problem), [problem])


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def remove_stale_temps(folder: Path) -> int:
    """Delete ``*.tmp-PID`` files left in ``folder`` by processes that died
    before renaming them into place; a live writer's file is left alone."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        match = TEMP_NAME.search(name)
        if match and not pid_alive(int(match[1])):
            try:
                (folder / name).unlink()
                removed += 1
            except OSError:
                pass
    return removed


def write_atomic(path: Path, text: str | bytes, durable: bool = True) -> None:
    """Write ``text`` to a temporary name beside ``path``, then rename it into
    place: a reader never sees half a file, and a failure (a full disk) leaves
    the old one and no temporary file. ``durable`` flushes it to the disk
    before the rename, so that a power cut cannot leave an empty file under
    the name; a cache whose reader checks what it finds can do without."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise DiskFull(path, exc, len(data)) from exc
        raise
