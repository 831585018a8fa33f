"""`book clean`: empty output/ (every output, review sheet, preview and the
build's records) and, when asked, the project's caches in .cache/. Nothing
of the sources is touched. It refuses while a build holds the project lock
(`book.lock`): that build's outputs and caches are in use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from book.caches import LOCK
from book.errors import BookError
from book.lock import LockBusy, project_lock

OUTPUT = "output"
CACHE = ".cache"


@dataclass(frozen=True)
class Cleaned:
    """What `clean` removed: the folders emptied, the files and their bytes."""

    folders: tuple[str, ...]
    files: int
    size: int

    def line(self) -> str:
        """The one line `book clean` prints.

        >>> Cleaned(("output/", ".cache/"), 12, 3_400_000).line()
        'removed output/ and .cache/ (12 files, 3.4 MB freed)'
        >>> Cleaned(("output/",), 0, 0).line()
        'nothing to remove: output/ is empty'
        """
        names = " and ".join(self.folders)
        if not self.files:
            return f"nothing to remove: {names} {'is' if len(self.folders) == 1 else 'are'} empty"
        return f"removed {names} ({self.files} file{'s' if self.files != 1 else ''}, {size_text(self.size)} freed)"


def size_text(size: int) -> str:
    """A size as a reader says it.

    >>> size_text(900), size_text(12_345), size_text(3_400_000), size_text(2_500_000_000)
    ('900 bytes', '12 kB', '3.4 MB', '2.5 GB')
    """
    if size < 1000:
        return f"{size} bytes"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < scale * 1000 or unit == "GB":
            return f"{size / scale:.0f} {unit}" if unit == "kB" else f"{size / scale:.1f} {unit}"
    raise AssertionError("unreachable")


def clean(root: Path, caches: bool = False) -> Cleaned:
    """Empty output/ (and .cache/ when ``caches``) under the project lock,
    taken without waiting: a build holding it is running, and a BookError
    says so. The lock file itself stays (it is held)."""
    try:
        with project_lock(root, wait=False):
            folders = [OUTPUT] + ([CACHE] if caches else [])
            files = size = 0
            for name in folders:
                removed, freed = empty_folder(root / name, keep={LOCK.path(root)})
                files, size = files + removed, size + freed
            return Cleaned(tuple(f"{name}/" for name in folders), files, size)
    except LockBusy as busy:
        raise BookError(f"a build of this project is running (process {busy.holder}); run 'book clean' when it has finished") from None


def empty_folder(folder: Path, keep: set[Path]) -> tuple[int, int]:
    """Remove everything in ``folder`` but the files ``keep``; (files, bytes) removed.
    A symbolic link is removed as a link: what it points to is not followed."""
    if not folder.is_dir() or folder.is_symlink():
        return 0, 0
    files = size = 0
    for entry in sorted(folder.iterdir()):
        if entry in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            removed, freed = empty_folder(entry, keep)
            files, size = files + removed, size + freed
            if not any(entry.iterdir()):
                entry.rmdir()
            continue
        files, size = files + 1, size + entry.lstat().st_size
        entry.unlink()
    return files, size

