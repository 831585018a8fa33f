"""Vertical setting for a Chinese or Japanese spine: ideographs and kana stand
upright one under the other, one em apart; runs of Latin letters and digits
are turned a quarter clockwise and read top to bottom, as vertical CJK
typesetting does; punctuation takes its vertical presentation form, and a
small kana (ォ, ッ, ゃ…) the place of the face's `vert` glyph, read with
HarfBuzz: in a column it sits up and to the right in its em."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics

from book.model import MM
from book.text.fonts import EditionFonts
from book.text.shaping import hb_font

# Horizontal punctuation -> its vertical form (Unicode's CJK compatibility and vertical forms).
VERTICAL_FORMS = {
    "、": "︑", "。": "︒", "，": "︐", "：": "︓", "；": "︔", "！": "︕", "？": "︖", "…": "︙", "‥": "︰",
    "—": "︱", "―": "︱", "–": "︲", "（": "︵", "）": "︶", "(": "︵", ")": "︶", "「": "﹁", "」": "﹂", "『": "﹃", "』": "﹄",
    "《": "︽", "》": "︾", "〈": "︿", "〉": "﹀", "【": "︻", "】": "︼", "〔": "︹", "〕": "︺",
}
# A two-em dash (two dashes in a row) as one unbroken rule: U+2502 spans its whole em down
# the column with the dash's weight, where two vertical-form dashes (U+FE31) leave a gap.
TWO_EM_DASHES = ("——", "――")
RULE = "│"
CJK_DESCENT = 0.12  # ideographs sit from -0.12 to 0.88 em in Noto CJK's em box
MOVED = 0.05  # em up and to the right from which a vertical form is a moved glyph (a small kana), not a redrawn one
LATIN_OFFSET = 0.38  # a turned Latin run is centred on the column: its band spans about -0.22 to 0.98 em


@dataclass(frozen=True)
class Glyphs:
    """A run drawn from (x, y), mm from the spread's top-left trim corner, turned ``angle`` degrees
    (0 upright, -90 reading downwards)."""

    x: float
    y: float
    text: str
    font: str
    size: float
    angle: float
    tracking: float = 0.0  # pt after each letter (a spine's tracked Latin capitals)
    weight: float = 0.0  # pt of outline stroked round the glyphs: a dash drawn as heavy as the type's own strokes


def upright(ch: str) -> bool:
    """Whether a character stands upright in a vertical column.

    >>> [upright(c) for c in "海7A、ー"]
    [True, False, False, True, True]
    """
    if ch in VERTICAL_FORMS or ch in "ー〜・" + RULE:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def segments(text: str) -> list[tuple[bool, str]]:
    """Split into upright characters (one each) and turned runs. A number
    of one or two digits stands upright as one unit across the column
    (tate-chū-yoko), as a reader of vertical text expects "50年".

    >>> segments("岘港50年 Nẵng 1975")
    [(True, '岘'), (True, '港'), (True, '50'), (True, '年'), (False, ' Nẵng 1975')]
    """
    out: list[tuple[bool, str]] = []
    for ch in text:
        if upright(ch):
            out.append((True, ch))
        elif out and not out[-1][0]:
            out[-1] = (False, out[-1][1] + ch)
        else:
            out.append((False, ch))
    return [(True, run) if not is_upright and len(run) <= 2 and run.isascii() and run.isdigit() else (is_upright, run)
            for is_upright, run in out]


def vertical_text(fonts: EditionFonts, text: str, role: str = "sans") -> str:
    """The text with vertical punctuation wherever a face of ``role`` has it,
    a two-em dash as one unbroken rule."""
    if fonts.face_for(RULE, role):
        for dashes in TWO_EM_DASHES:
            text = text.replace(dashes, RULE * 2)
    return "".join(VERTICAL_FORMS[ch] if ch in VERTICAL_FORMS and fonts.face_for(VERTICAL_FORMS[ch], role) else ch for ch in text)


def vertical_forms(text: str) -> str:
    """``text`` with every vertical form it may be drawn with: what a subset
    of the spine's face must hold.

    >>> vertical_forms("岘港——50年、")
    '岘港︱︱50年︑││'
    """
    rules = RULE * 2 if any(dashes in text for dashes in TWO_EM_DASHES) else ""
    return "".join(VERTICAL_FORMS.get(ch, ch) for ch in text) + rules


@dataclass(frozen=True)
class VertFit:
    """Where a column draws a character whose vertical form the face redraws
    (a small kana): its own glyph at ``scale`` of the size, its origin moved
    ``dx`` right and ``dy`` up (em), so its ink covers the `vert` glyph's ink;
    ``left`` and ``right``: that ink across, em from the middle of the advance."""

    scale: float
    dx: float
    dy: float
    left: float
    right: float


@cache
def vert_fit(path: str, index: int, ch: str) -> VertFit | None:
    """The place of the face's vertical form of ``ch`` (OpenType `vert`, as
    HarfBuzz shapes a top-to-bottom run), when that form is the same letter
    moved up and right (and resized): a small kana (ォ, ッ, ゃ) stands in the
    upper right of its em in a column. None when the face has no such form,
    turns the glyph (ー) or redraws it in place (a full-size kana). The subset a PDF draws from holds the character's own glyph
    only, so the column sets that glyph on the vertical form's ink box.

    >>> fit = vert_fit("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0, "ォ")  # doctest: +SKIP
    >>> fit.dx > 0 and fit.dy > 0  # doctest: +SKIP
    True
    """
    import uharfbuzz as hb

    font = hb_font(path, index)
    shaped = []
    for direction in ("ltr", "ttb"):
        buffer = hb.Buffer()
        buffer.add_str(ch)
        buffer.guess_segment_properties()
        buffer.direction = direction
        hb.shape(font, buffer, {"vert": direction == "ttb"})
        shaped.append(buffer.glyph_infos)
    if len(shaped[0]) != 1 or len(shaped[1]) != 1 or shaped[0][0].codepoint == shaped[1][0].codepoint:
        return None
    plain, turned = (font.get_glyph_extents(infos[0].codepoint) for infos in shaped)
    if not plain or not turned or not plain.width or not plain.height or not turned.height:
        return None
    if abs(plain.width / plain.height - turned.width / turned.height) > 0.15 * abs(plain.width / plain.height):
        return None  # a turned glyph, not a moved one
    upem, advance = font.face.upem, font.get_glyph_h_advance(shaped[0][0].codepoint)
    scale = (turned.width / plain.width + turned.height / plain.height) / 2

    def centre(e):
        return e.x_bearing + e.width / 2, e.y_bearing + e.height / 2

    (px, py), (tx, ty) = centre(plain), centre(turned)
    dx, dy = (tx - scale * px) / upem, (ty - scale * py) / upem
    if dx < MOVED or dy < MOVED:  # a kana redrawn for columns in its own place: the horizontal glyph serves
        return None
    return VertFit(round(scale, 4), dx, dy,
                   (turned.x_bearing - advance / 2) / upem, (turned.x_bearing + turned.width - advance / 2) / upem)


def column_length(fonts: EditionFonts, text: str, role: str, size: float) -> float:
    """The length in pt that ``text`` takes down a column."""
    total = 0.0
    for is_upright, chunk in segments(vertical_text(fonts, text, role)):
        total += size if is_upright else sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in fonts.runs(chunk.strip(), role))
    return total


def set_column(fonts: EditionFonts, text: str, role: str, size: float, centre_x: float, top: float) -> list[Glyphs]:
    """Glyphs down a column centred on ``centre_x`` (mm), starting at ``top`` (mm)."""
    placed, y = [], top * MM
    for is_upright, chunk in segments(vertical_text(fonts, text, role)):
        if is_upright:
            run = fonts.runs(chunk, role)[0]
            width = pdfmetrics.stringWidth(chunk, run.font, size)
            fit = vert_fit(*fonts.sources[run.font], chunk) if len(chunk) == 1 and run.font in fonts.sources else None
            dx, dy, scale = (fit.dx, fit.dy, fit.scale) if fit else (0.0, 0.0, 1.0)
            placed.append(Glyphs(centre_x + (dx * size - width / 2) / MM, (y + size * (1 - CJK_DESCENT - dy)) / MM, chunk,
                                 run.font, round(size * scale, 3), 0))
            y += size
            continue
        for run in fonts.runs(chunk.strip(), role):
            placed.append(Glyphs(centre_x - LATIN_OFFSET * size / MM, y / MM, run.text, run.font, size, -90))
            y += pdfmetrics.stringWidth(run.text, run.font, size)
    return placed
