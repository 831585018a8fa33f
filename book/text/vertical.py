"""Vertical setting for a Chinese or Japanese spine: ideographs and kana stand
upright one under the other, one em apart; runs of Latin letters and digits
are turned a quarter clockwise and read top to bottom, as vertical CJK
typesetting does; punctuation takes its vertical presentation form."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from book.model import MM
from book.text.fonts import EditionFonts

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
LATIN_OFFSET = 0.38  # a turned Latin run is centred on the column: its band spans about -0.22 to 0.98 em
# Small kana sit in the upper right of their em in a vertical column (JIS X 4051); Unicode has no
# vertical forms for them, so they are moved by as much as the face's `vert` alternates are.
SMALL_KANA = frozenset("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")


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


@lru_cache(maxsize=256)
def small_kana_shift(path: str, index: int, ch: str) -> tuple[float, float]:
    """How far (em, right and up) the face's vertical alternate of a small
    kana ``ch`` has its ink from the upright glyph's: nothing for any other
    character, or a face without one."""
    if ch not in SMALL_KANA or not path:
        return 0.0, 0.0
    from book.text.shaping import hb_font

    font = hb_font(path, index)
    centres = []
    for features in ({}, {"vert": True}):
        buffer = hb.Buffer()
        buffer.add_str(ch)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, features)
        extents = font.get_glyph_extents(buffer.glyph_infos[0].codepoint)
        if not extents:
            return 0.0, 0.0
        centres.append((extents.x_bearing + extents.width / 2, extents.y_bearing + extents.height / 2))
    upem = font.face.upem
    return (centres[1][0] - centres[0][0]) / upem, (centres[1][1] - centres[0][1]) / upem


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
            right, up = small_kana_shift(*fonts.sources.get(run.font, fonts.files.get(run.font, ("", 0))), chunk) if (
                chunk in SMALL_KANA) else (0.0, 0.0)
            placed.append(Glyphs(centre_x + (right * size - width / 2) / MM, (y + size * (1 - CJK_DESCENT - up)) / MM,
                                 chunk, run.font, size, 0))
            y += size
            continue
        for run in fonts.runs(chunk.strip(), role):
            placed.append(Glyphs(centre_x - LATIN_OFFSET * size / MM, y / MM, run.text, run.font, size, -90))
            y += pdfmetrics.stringWidth(run.text, run.font, size)
    return placed
