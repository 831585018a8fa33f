"""One build of a project at a time, and the leftovers of killed builds.

The lock is an advisory ``flock`` on .cache/build.lock, released by the
kernel when its holder dies, so a killed build never leaves the project
locked. A second build waits for it with one line saying so. Under the lock
no other build runs, so every ``output/.build-*`` folder older than ours was
left by a build that died, and is removed."""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from book.caches import KEPT, LOCK
from book.files import remove_stale_temps

STAGING_PREFIX = ".build-"


def lock_path(root: Path) -> Path:
    return LOCK.path(root)


class LockBusy(Exception):
    """The project's lock is held by another process (``holder``, its id as it wrote it)."""

    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


@contextmanager
def project_lock(root: Path, notify: Callable[[str], None] | None = None, wait: bool = True) -> Iterator[None]:
    """Hold the project's build lock; ``notify`` hears once if we must wait.
    With ``wait`` False, a lock another process holds raises `LockBusy` at once."""
    path = lock_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            if not wait:
                raise LockBusy(holder) from None
            if notify:
                notify(f"another build of this project is running (process {holder}); waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)  # a build that starts meanwhile waits, naming us
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_leftovers(root: Path, started: float) -> list[str]:
    """Delete what killed builds left: staging folders older than ``started``
    and the temporary files of dead processes (`book.files.remove_stale_temps`)
    in the outputs, the translations and every cache folder. Call it under the lock."""
    removed = []
    output = root / "output"
    if output.is_dir():
        for entry in sorted(output.iterdir()):
            if entry.name.startswith(STAGING_PREFIX) and entry.is_dir() and entry.stat().st_mtime < started:
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry.name)
    caches = dict.fromkeys(kept.path(root) for kept in KEPT if kept.files and "*" not in kept.rel)
    folders = [output, root / "translations", *caches]
    folders += [p for p in output.glob("*/*") if p.is_dir()] if output.is_dir() else []
    for folder in folders:
        remove_stale_temps(folder)
    return removed


def staging_folder(root: Path) -> Path:
    """A new, empty folder for one build's PDFs, on the outputs' file system so
    that moving them into place is a rename."""
    output = root / "output"
    output.mkdir(exist_ok=True)
    stamp = f"{STAGING_PREFIX}{os.getpid()}-{time.time_ns()}"
    path = output / stamp
    path.mkdir()
    return path
