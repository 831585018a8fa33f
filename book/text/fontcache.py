"""The font caches checked when they are used (`book.text.fonts` makes
them): a face's cmap kept as ranges under the digest of those ranges, and
a converted face checked by the checksum every whole font file carries. A
cut cmap would give a face fewer characters than it has, so that another
face set them; a cut font would stop the build with advice that cannot
help. Either is made again instead, with one notice line."""

from __future__ import annotations

import array
import hashlib
import sys
from pathlib import Path

from book.caches import FONTS, notice_damaged

CMAP_FORMAT = "book-cmap-2"  # the first line: this, the outline kind, the SHA-256 of the ranges below it


def read_cmap(target: Path) -> tuple[frozenset[int], bool] | None:
    """The cmap kept at ``target``, when it is there and its ranges are the
    ones its first line's digest names (a cut file would give a face fewer
    characters than it has, and another face would set them)."""
    try:
        head, _, body = target.read_text(encoding="ascii").partition("\n")
        if head in ("cff", "glyf"):
            return None  # written before the digest was kept: made again, nothing damaged
        fmt, kind, digest = head.split()
        if fmt != CMAP_FORMAT:
            return None  # another version's: made again
        codes = set()
        if hashlib.sha256(body.encode()).hexdigest() == digest and kind in ("cff", "glyf"):
            for line in body.splitlines():
                start, end = line.split()
                codes.update(range(int(start), int(end) + 1))
            return frozenset(codes), kind == "cff"
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        pass
    notice_damaged(f"{FONTS.rel}/{target.name}", "cmap")
    return None


SFNT_MAGIC = 0xB1B0AFBA  # what a whole font file's 32-bit words add up to (head.checkSumAdjustment sees to it)


def whole_font(path: Path) -> bool:
    """Whether ``path`` is a whole font file as fontTools saved it: its
    32-bit words add up to `SFNT_MAGIC`, which a cut, garbled or emptied
    file does not."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    words = array.array("I", data + bytes(-len(data) % 4))
    if sys.byteorder == "little":
        words.byteswap()
    return bool(data) and sum(words) & 0xFFFFFFFF == SFNT_MAGIC
