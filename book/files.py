"""Small file helpers shared by the stages: content digests, the one rule
for "is this the file seen before", atomic writes and moves, a full disk
reported as such, and the leftovers of killed processes.

A file is the one seen before when its size, modification and change times
and inode are all as they were (`signature`, `seen`). The change time cannot
be set back by any program, so a file rewritten in place, even with its
length and modification time kept, is seen as changed. What is read from a
file is remembered only when the file had not changed for `SETTLED_NS`
before it was read (`observe`): two writes within one tick of the clock
leave the same times, and the second could pass for the first."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

from book.errors import BookError, Problem, Where

TEMP_NAME = re.compile(r"\.tmp-(\d+)$")
SETTLED_NS = 2_000_000_000  # a file must have been still this long before it was read
T = TypeVar("T")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def signature(path: Path) -> list[int] | None:
    """What says ``path`` is the file it was, without reading it: size,
    modification and change times and inode; None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def is_signature(value) -> bool:
    """Whether ``value`` is a signature as `book.files.signature` gives it.

    >>> is_signature([1, 2, 3, 4]), is_signature([1, "2", 3, 4]), is_signature("abcd")
    (True, False, False)
    """
    return isinstance(value, list) and len(value) == 4 and all(isinstance(n, int) and not isinstance(n, bool) for n in value)


def settled(sig: list[int] | None, read_at_ns: int) -> list[int] | None:
    """``sig`` when the file had been still for `SETTLED_NS` when read at ``read_at_ns``."""
    return sig if sig is not None and read_at_ns - sig[2] >= SETTLED_NS else None


def seen(path: Path, remembered: list[int] | tuple[int, ...] | None) -> bool:
    """Whether ``path`` is still the file whose signature was ``remembered``
    (by `observe`): the one test every memo of this package makes."""
    return remembered is not None and signature(path) == list(remembered)


def observe(path: Path, read: Callable[[Path], T]) -> tuple[T, list[int] | None]:
    """``read(path)``, and the signature to remember the result by: None when
    the file changed while it was read or had not settled before (see the
    module's text), so that the result is used once and not remembered."""
    sig, read_at = signature(path), time.time_ns()
    value = read(path)
    return value, settled(sig, read_at) if sig == signature(path) else None


class FileMemo(Generic[T]):
    """This process's memo of what ``read`` gives for a file, trusted while the
    file is the one it was read from (`seen`); unlike ``functools.cache``, a
    file rewritten during a long run is read again."""

    def __init__(self, read: Callable[[Path], T]):
        self.read = read
        self.entries: dict[str, tuple[list[int], T]] = {}

    def __call__(self, path: Path) -> T:
        entry = self.entries.get(str(path))
        if entry is not None and seen(path, entry[0]):
            return entry[1]
        value, sig = observe(path, self.read)
        if sig is not None:
            self.entries[str(path)] = (sig, value)
        return value


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


def temp_path(path: Path) -> Path:
    """The temporary name a write to ``path`` goes to first, ``.NAME.tmp-PID``:
    hidden from globs of the real names, and its writer's process named so
    that `remove_stale_temps` knows when it is a leftover.

    >>> temp_path(Path("out/a.pdf")).name.startswith(".a.pdf.tmp-")
    True
    """
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


def remove_stale_temps(folder: Path) -> int:
    """Delete the temporary files (`temp_path`) left in ``folder`` by
    processes that died before renaming them into place. This is the one
    rule for leftovers: a file whose writer is alive is being written, one
    whose writer is gone never will be, whatever its age."""
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


def move_into_place(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, over whatever was there: a reader sees
    the old file or the new one, never half of one, and never neither."""
    os.replace(source, target)


@contextmanager
def atomic_path(path: Path, durable: bool = True, needed: int | None = None) -> Iterator[Path]:
    """A temporary name beside ``path`` to write to; renamed into place when
    the block ends, removed if it fails (a full disk raises `DiskFull`, with
    the ``needed`` bytes when known). ``durable`` flushes the file to the
    disk before the rename, so that a power cut cannot leave an empty file
    under the name; a cache whose reader checks what it finds can do without."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        yield tmp
        if durable:
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        move_into_place(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise DiskFull(path, exc, needed) from exc
        raise


def write_atomic(path: Path, text: str | bytes, durable: bool = True) -> None:
    """Write ``text`` to ``path`` through `atomic_path`: a reader never sees
    half a file, and a failure leaves the old one and no temporary file."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    with atomic_path(path, durable, len(data)) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
