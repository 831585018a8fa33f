"""A caption's measure and its credit line.

Captions have two measures, whatever the trim and the frame: a style's
``measure_chars`` caps the text block at that many characters a line, so a
caption is set to the narrower of its frame and that measure. Latin and
Vietnamese count every character, spaces too, at the caption's own average
width (shaped in its face and size); Korean counts syllables, spaces aside;
Chinese and Japanese count ems, so their measure is a whole number of
characters on the grid.

The credit line (``caption-meta``) has one form in every caption and card of
every edition: place and date on one line, the photographer on the next
(`book.text.frames`), never the two run together on one line with a
separator between them, however much room the measure leaves. So no line
ends or starts with a separator, and no credit is squeezed to fit one line.

A caption hung from a frame's edge (a side caption beside its picture's top,
a caption under its picture on the row line below it, an opener's caption on
the label's line) has its type's top on that edge: its first baseline is the
frame's top plus the cap height of a Latin face, or the ideographic em box's
top in a Chinese, Japanese or Korean face (`type_drop`), not a whole line's
size below it, which would leave the caps 2.6 pt low at 9 pt.

A Chinese or Japanese caption takes its frame's measure in whole ems (or
its style's ``measure_chars``, if fewer), whatever its text: one measure
for every frame of a width, so captions under pictures of one width end
on one edge (the sixth proofs set 30, 32 and 33 em under identical
283.5 pt pictures, each caption narrowed to dodge a break). The composer
solves the breaks at that measure (`book.text.cjk_breaks` prices them).

A caption is set at its style's size and never smaller, whatever the style's
``min_size``: a caption that does not fit its frame is an overflow, to be
shortened or given a template with a deeper caption zone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from fontTools.ttLib import TTFont

from book.languages import language
from book.model import MM
from book.text.cjk_grid import FLAW
from book.text.fonts import EditionFonts
from book.text.typeset import Block, Line, Part, break_paragraph, set_block

META_STYLE = "caption-meta"
NARROWER = 3  # ems: the most a Chinese or Japanese caption is set narrower than its measure to set it soundly
CJK_PROBES = (0x4E00, 0x3042, 0xAC00)  # 一, あ, 가: a face with any of them is set on the em box


@dataclass(frozen=True)
class FaceMetrics:
    """A face's cap height, ascender and descender (em, the descender below
    the baseline as a positive figure), and whether it is a CJK face."""

    cap: float
    ascender: float
    descender: float
    cjk: bool


@lru_cache(maxsize=64)
def face_metrics(path: str, index: int) -> FaceMetrics:
    font = TTFont(path, fontNumber=index, lazy=True)
    upem = font["head"].unitsPerEm
    os2 = font["OS/2"]
    cmap = font.getBestCmap() or {}
    cap = getattr(os2, "sCapHeight", 0) or os2.sTypoAscender
    return FaceMetrics(cap / upem, os2.sTypoAscender / upem, -os2.sTypoDescender / upem, any(c in cmap for c in CJK_PROBES))


def piece_metrics(fonts: EditionFonts, font: str) -> FaceMetrics:
    path, index = fonts.files.get(font, (None, 0))
    return face_metrics(path, index) if path else FaceMetrics(0.72, 0.95, 0.25, False)


def line_rise(fonts: EditionFonts, line: Line) -> float:
    """How far (pt) the line's letters rise above its baseline: the cap height
    of a Latin face (accents above it do not count), the em box's top in a CJK face."""
    tops = [(m.ascender if m.cjk else m.cap) for m in (piece_metrics(fonts, p.font) for p in line.pieces if p.text.strip())]
    return max(tops, default=0.72) * line.size


def line_fall(fonts: EditionFonts, line: Line) -> float:
    """How far (pt) the line's descenders reach below its baseline: the deepest of its faces'."""
    falls = [piece_metrics(fonts, p.font).descender for p in line.pieces if p.text.strip()]
    return max(falls, default=0.25) * line.size


def text_drop(fonts: EditionFonts, block: Block) -> float:
    """From the top a block is placed at to its first line's cap height, mm."""
    if not block.lines:
        return 0.0
    first = block.lines[0]
    return (first.size - line_rise(fonts, first)) / MM


def part_measure(fonts: EditionFonts, part: Part, lang: str) -> float | None:
    """The widest line ``part``'s style allows, mm; None when it sets no measure."""
    style = part.style
    if not style.measure_chars:
        return None
    facts = language(lang)
    if facts.breaking == "characters":  # Chinese, Japanese: whole ems on the character grid
        return style.measure_chars * style.size / MM
    text = " ".join(part.text.split())
    counted = sum(1 for ch in text if not ch.isspace()) if facts.wide_faces else len(text)
    if not counted:
        return None
    lines = break_paragraph(fonts, text, style, lang, style.size, 1e6, indent=False, draw=False)
    width = max((line.width for line in lines), default=0.0)
    return style.measure_chars * width / counted / MM


def caption_measure(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float) -> float:
    """The measure a caption of ``parts`` is set to in a frame ``width_mm`` wide, mm."""
    measures = [m for m in (part_measure(fonts, part, lang) for part in parts) if m]
    measure = min([width_mm, *measures])
    if measures and language(lang).breaking == "characters":  # whole characters on the grid
        em = parts[0].style.size / MM
        measure = max(em, int(measure / em + 1e-6) * em)
    return measure


def at_own_size(part: Part) -> Part:
    """``part`` with its style's minimum raised to its size: a caption never shrinks to fit."""
    return replace(part, style=replace(part.style, min_size=part.style.size))


def whole_ems(parts: list[Part], lang: str, measure_mm: float) -> float:
    """``measure_mm`` as a Chinese or Japanese caption takes it, a whole number
    of its ems on the character grid; any other script's measure as it is."""
    if language(lang).breaking != "characters" or not parts:
        return measure_mm
    em = parts[0].style.size / MM
    return max(em, int(measure_mm / em + 1e-6) * em)


def caption_in_frame(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float,
                     height_mm: float) -> tuple[Block, float]:
    """A caption set in its frame with its type's top on the frame's edge (its first
    line's cap height): the block, set again with the room that rise gives back
    where it overflows, and the rise (mm) the frame's top moves up by."""
    block = set_caption(fonts, parts, lang, width_mm, height_mm)
    drop = text_drop(fonts, block)
    if not block.fits:
        block = set_caption(fonts, parts, lang, width_mm, height_mm + drop)
    return block, drop


def set_caption(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float, height_mm: float,
                exact: bool = False) -> Block:
    """A caption set in a frame of ``width_mm`` × ``height_mm``, at its measure
    and at its style's size: one caption size holds throughout the book, so a
    caption too long for its frame is an overflow (an error in print, marked on
    the proof), never set smaller. ``exact`` (a card's text): set to
    ``width_mm`` itself (in whole ems in Chinese and Japanese). A Chinese or
    Japanese caption the composer sets at its measure only with a flaw
    (`book.text.card_fit.FLAW`: a name parted, a line past about 0.08 em) is
    set up to three ems narrower where that sets it soundly, its lines still
    whole ems on the grid; a Latin or Vietnamese one whose line parts a word
    or a date likewise, in no more lines."""
    parts = [at_own_size(part) for part in parts]
    measure = whole_ems(parts, lang, width_mm) if exact else caption_measure(fonts, parts, lang, width_mm)
    block = set_block(fonts, parts, lang, measure, height_mm)
    if exact or block_cost(block) < FLAW:
        return block
    # The composer parts a name ("…あふれるハイ|フォンの人々", p9 of the eighth ja proof) or opens a line past
    # about 0.08 em at the frame's measure, or a Latin line parts a word ("bến / cảng", the tenth vi proof):
    # up to `NARROWER` ems less, the first measure it sets soundly; a Latin caption in as many lines.
    em = parts[0].style.size / MM
    grid = language(lang).breaking == "characters"
    for ems in range(1, NARROWER + 1):
        other = set_block(fonts, parts, lang, measure - ems * em, height_mm)
        if other.fits and block_cost(other) < FLAW and (grid or len(other.lines) <= len(block.lines)):
            return other
    return block


def block_cost(block: Block) -> float:
    """What the composer's lines of ``block`` cost (`book.text.cjk.line_cost`; a Latin line parting a word or a date: `FLAW`)."""
    return sum(line.cost for line in block.lines)

