"""Where a text's ink lies, read from its glyphs' outlines: the spine's
clearance from the folds is a matter of the ink (stacked Vietnamese accents,
descenders), not of a font's nominal ascent and descent."""

from __future__ import annotations

from functools import lru_cache

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics


@lru_cache(maxsize=16)
def open_font(path: str, index: int) -> TTFont:
    return TTFont(path, fontNumber=index, lazy=True)


@lru_cache(maxsize=4096)
def char_ink(path: str, index: int, ch: str) -> tuple[float, float, float, float] | None:
    """The box (x_min, y_min, x_max, y_max) of ``ch``'s glyph in em from its
    origin on the baseline, or None when it draws nothing (a space)."""
    font = open_font(path, index)
    name = font.getBestCmap().get(ord(ch))
    if name is None:
        return None
    glyphs = font.getGlyphSet()
    pen = BoundsPen(glyphs)
    glyphs[name].draw(pen)
    if pen.bounds is None:
        return None
    em = font["head"].unitsPerEm
    x0, y0, x1, y1 = pen.bounds
    return (x0 / em, y0 / em, x1 / em, y1 / em)


def ink_height(fonts, text: str, role: str) -> tuple[float, float]:
    """The lowest and highest ink of ``text`` set in ``role``, em from the
    baseline: about (-0.24, 0.89) for "Sách mẫu Hải Phòng" in Noto Sans Bold,
    its descender and its stacked accents."""
    low, high = 0.0, 0.0
    for run in fonts.runs(text, role):
        path, index = fonts.files[run.font]
        for ch in run.text:
            box = char_ink(path, index, ch)
            if box is not None:
                low, high = min(low, box[1]), max(high, box[3])
    return low, high


def ink_across(fonts, text: str, role: str) -> tuple[float, float]:
    """The leftmost and rightmost ink of ``text`` set upright in ``role``, em
    from the middle of its advance (a character, or a number set across a
    vertical column, is centred on the column by its advance)."""
    runs = fonts.runs(text, role)
    x = -sum(pdfmetrics.stringWidth(run.text, run.font, 1.0) for run in runs) / 2
    left, right = 0.0, 0.0
    for run in runs:
        path, index = fonts.files[run.font]
        for ch in run.text:
            box = char_ink(path, index, ch)
            if box is not None:
                left, right = min(left, x + box[0]), max(right, x + box[2])
            x += pdfmetrics.stringWidth(ch, run.font, 1.0)
    return left, right
