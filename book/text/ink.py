"""Where a text's ink lies, read from its glyphs' outlines: the spine's
clearance from the folds is a matter of the ink (stacked Vietnamese accents,
descenders), not of a font's nominal ascent and descent."""

from __future__ import annotations

import os
from functools import lru_cache

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics


@lru_cache(maxsize=16)
def _face(path: str, index: int, stamp: tuple[int, int]) -> tuple[dict[int, str], object, int]:
    """A face's cmap, glyph set and units per em, read once per file as it is (``stamp``: its mtime and size,
    so a subset rewritten in the same process is read again): decompiling a CJK face's cmap takes about half
    a second, and the spine asks for its ink many times."""
    font = TTFont(path, fontNumber=index, lazy=True)
    return font.getBestCmap(), font.getGlyphSet(), font["head"].unitsPerEm


@lru_cache(maxsize=8192)
def _char_box(path: str, index: int, stamp: tuple[int, int], ch: str) -> tuple[float, float, float, float] | None:
    cmap, glyphs, em = _face(path, index, stamp)
    name = cmap.get(ord(ch))
    if name is None:
        return None
    pen = BoundsPen(glyphs)
    glyphs[name].draw(pen)
    return tuple(v / em for v in pen.bounds) if pen.bounds else None


def char_box(path, index: int, ch: str) -> tuple[float, float, float, float] | None:
    """The box (x_min, y_min, x_max, y_max, em from the origin on the baseline) of ``ch``'s glyph in the
    face at ``path``/``index``, or None when the face has no glyph for it or the glyph draws nothing."""
    return _char_box(str(path), index, stamp(path), ch)


def stamp(path) -> tuple[int, int]:
    """A font file as it is now: its mtime and size (a subset rewritten in the same process reads anew)."""
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


def glyph_boxes(fonts, text: str, role: str) -> list[tuple[str, str, tuple[float, float, float, float] | None]]:
    """Each character of ``text`` set in ``role``: (character, reportlab font,
    its glyph's box x_min, y_min, x_max, y_max in em from its origin on the
    baseline, or None when it draws nothing)."""
    found = []
    for run in fonts.runs(text, role):
        path, index = fonts.files[run.font]
        now = stamp(path)  # once a run, not once a character
        found += [(ch, run.font, _char_box(str(path), index, now, ch)) for ch in run.text]
    return found


def ink_height(fonts, text: str, role: str) -> tuple[float, float]:
    """The lowest and highest ink of ``text`` set in ``role``, em from the
    baseline: about (-0.24, 0.89) for a Vietnamese title in Noto Sans Bold,
    its descenders and its stacked accents ("Sách mẫu")."""
    boxes = [box for _, _, box in glyph_boxes(fonts, text, role) if box]
    return min([0.0] + [box[1] for box in boxes]), max([0.0] + [box[3] for box in boxes])


def ink_across(fonts, text: str, role: str) -> tuple[float, float]:
    """The leftmost and rightmost ink of ``text`` set upright in ``role``, em
    from the middle of its advance (a character, or a number set across a
    vertical column, is centred on the column by its advance)."""
    chars = glyph_boxes(fonts, text, role)
    x = -sum(pdfmetrics.stringWidth(ch, font, 1.0) for ch, font, _ in chars) / 2
    left, right = 0.0, 0.0
    for ch, font, box in chars:
        if box is not None:
            left, right = min(left, x + box[0]), max(right, x + box[2])
        x += pdfmetrics.stringWidth(ch, font, 1.0)
    return left, right
