"""Every file the toolchain keeps beside a project's sources and outputs,
declared once: the caches and memos under ``.cache/``, the hidden records
in ``output/``, and the one cache every project on the machine shares (the
press profile, under ``$XDG_CACHE_HOME/book``: it depends on no project,
and is slow to make). The code takes their paths from here, and
DEVELOPERS.md ("Caches") has a row for each, saying what it holds, its key
and what invalidates it; a test holds the two together and checks that a
build leaves no file that none of them owns.

A cache is only ever a shortcut: deleting any of them costs time, never a
wrong output."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

MACHINE = "$XDG_CACHE_HOME/book"  # how a machine-wide location's ``rel`` begins


def machine_folder() -> Path:
    """The folder of the caches every project on this machine shares:
    ``$XDG_CACHE_HOME/book``, or ``~/.cache/book`` when that variable is
    unset or not an absolute path (the XDG Base Directory rule)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "book"


@dataclass(frozen=True)
class Kept:
    """One kept file, or one folder of them (``files``: the patterns of the
    names it holds there)."""

    name: str
    rel: str  # relative to the project root, or beginning with MACHINE
    files: tuple[str, ...] = ()

    @property
    def machine(self) -> bool:
        """Whether every project on the machine shares it (it lives outside the project)."""
        return self.rel.startswith(MACHINE + "/")

    def path(self, root: Path) -> Path:
        return machine_folder() / self.rel.removeprefix(MACHINE + "/") if self.machine else root / self.rel

    @property
    def leaf(self) -> str:
        """The last part of ``rel``: for code that is given the cache folder and not the project."""
        return PurePosixPath(self.rel).name

    def owns(self, rel: str) -> bool:
        """Whether the file at ``rel`` (relative to the project) belongs here."""
        if self.machine:
            return False
        if not self.files:
            return fnmatch(rel, self.rel)
        folder, _, name = rel.rpartition("/")
        return fnmatch(folder, self.rel) and any(fnmatch(name, pattern) for pattern in self.files)


DIGESTS = Kept("digests", ".cache/digests.json")
MEASURES = Kept("measures", ".cache/measures.json")
SETTING = Kept("setting", ".cache/setting", ("*-*.json",))
IMAGES = Kept("images", ".cache/images", ("*.jpg", "*.txt"))
SIZES = Kept("sizes", ".cache/images/sizes.json")
DETAIL = Kept("detail", ".cache/images/detail.json")
FONTS = Kept("fonts", ".cache/fonts", ("*-*.ttf",))
CMAPS = Kept("cmaps", ".cache/fonts", ("cmap-*-*.txt",))
EPUB_FONTS = Kept("epub-fonts", ".cache/epub-fonts", ("*-*.otf", "*-*.ttf", "*-*.txt"))
COLOUR = Kept("colour", f"{MACHINE}/colour", ("*.icc", "*.sha256", "*.lock"))
THUMBS = Kept("thumbs", ".cache/thumbs", ("*.jpg",))
BENCH_PHOTOS = Kept("bench-photos", ".cache/bench-photos/*", ("*",))
RECORD = Kept("record", "output/.record.json")
# Not caches, but kept in the same places:
LOCK = Kept("lock", ".cache/build.lock")
JOURNAL = Kept("journal", "output/.commit.json")

KEPT = (DIGESTS, MEASURES, SETTING, IMAGES, SIZES, DETAIL, FONTS, CMAPS, EPUB_FONTS, COLOUR, THUMBS, BENCH_PHOTOS, RECORD, LOCK, JOURNAL)


def owner(rel: str) -> Kept | None:
    """The declared file or folder that ``rel`` belongs to, if any.

    >>> owner(".cache/images/sizes.json").name, owner(".cache/fonts/cmap-ab-0.txt").name
    ('sizes', 'cmaps')
    >>> owner(".cache/stray.txt") is None
    True
    """
    exact = [kept for kept in KEPT if not kept.files and kept.owns(rel)]
    return exact[0] if exact else next((kept for kept in KEPT if kept.owns(rel)), None)


def damage_line(path: Path | str, what: str) -> str:
    """The one line that says a cached file was found damaged.

    >>> damage_line(".cache/fonts/cmap-ab-0.txt", "cmap")
    'notice: .cache/fonts/cmap-ab-0.txt: the cached cmap was damaged; it is made again'
    """
    return f"notice: {path}: the cached {what} was damaged; it is made again"


def notice_damaged(path: Path | str, what: str) -> None:
    """Say on stderr that the cached ``what`` at ``path`` was damaged and is
    made again: damage costs time, never a wrong output (the caller makes
    the file again, the bytes a clean build makes)."""
    print(damage_line(path, what), file=sys.stderr, flush=True)
