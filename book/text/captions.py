"""A caption's measure and its credit line.

Captions have two measures, whatever the trim and the frame: a style's
``measure_chars`` caps the text block at that many characters a line, so a
caption is set to the narrower of its frame and that measure. Latin and
Vietnamese count every character, spaces too, at the caption's own average
width (shaped in its face and size); Korean counts syllables, spaces aside;
Chinese and Japanese count ems, so their measure is a whole number of
characters on the grid.

The credit line (``caption-meta``: place and date, then the photographer)
takes one line when it fits the measure, and otherwise a fixed two-line form:
place and date, then the photographer, the separator between them dropped.
So it never breaks at its separator, and no separator ends a line. The form
is one per page and the same in every edition: when the credit of any
caption on a page needs the two-line form in any edition (`two_line_credits`,
decided from all editions before any is set), every caption on that page
takes it. Each credit follows its own caption directly: captions side by
side in a row share their top line and rag at the foot, never a credit set
down to its neighbour's baseline, away from the caption it belongs to.

A Chinese or Japanese caption whose paragraph would end on fewer than four
characters at its measure (a line of "てきた。" after three full ones) is set
an em narrower, up to ``NARROWER`` ems, when that ends it on four or more and
still fits its frame: on a narrow frame the grid composer has no other way
but gaps opened past their limit. So is one whose gaps open past
``EVEN_ENOUGH`` (a glossary name or a katakana word that cannot break
leaving a line short), when a narrower grid sets it more evenly; and one
that breaks inside a katakana word, at a name's middle dot, or before a
last line of five characters or fewer starting inside a phrase
("基|盤である。"), or parts a word ("半|島"), when a narrower grid does
without and sets no line looser.

A caption is set at its style's size and never smaller, whatever the style's
``min_size``: a caption that does not fit its frame is an overflow, to be
shortened or given a template with a deeper caption zone."""

from __future__ import annotations

from dataclasses import replace

from book.languages import language
from book.model import MM
from book.text.cjk_breaks import forced_breaks, word_breaks
from book.text.cjk_grid import EVEN_ENOUGH, loosest_gap
from book.text.fonts import EditionFonts
from book.text.linebreak import NO_START
from book.text.typeset import Block, Part, break_paragraph, set_block

META_STYLE = "caption-meta"
SHORT_END = 4  # characters, punctuation aside, that a CJK paragraph's last line keeps
NARROWER = 3  # ems a CJK caption's measure gives up at most to keep them


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


def credit_form(fonts: EditionFonts, part: Part, lang: str, measure_mm: float, two_line: bool = False) -> Part:
    """The credit line in one line when it fits ``measure_mm`` and ``two_line``
    does not ask otherwise, else in its two-line form."""
    join = language(lang).meta_join
    if part.style.name != META_STYLE or join not in part.text:
        return part
    if not two_line:
        style = part.style
        lines = break_paragraph(fonts, part.text, style, lang, style.size, measure_mm * MM, keep=part.keep, draw=False)
        if len(lines) <= 1:
            return part
    where_when, _, credit = part.text.rpartition(join)
    return replace(part, text=f"{where_when}\n{credit}")


def caption_parts(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float,
                  two_line: bool = False) -> tuple[list[Part], float]:
    """``parts`` with the credit line in its form, and the measure they are set to (mm)."""
    measure = caption_measure(fonts, parts, lang, width_mm)
    return [credit_form(fonts, part, lang, measure, two_line) for part in parts], measure


def has_credit(parts: list[Part]) -> bool:
    return any(part.style.name == META_STYLE for part in parts)


def needs_two_lines(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float) -> bool:
    """Whether the caption's credit line takes its two-line form at the caption's measure in a frame ``width_mm`` wide."""
    formed, _ = caption_parts(fonts, [at_own_size(part) for part in parts], lang, width_mm)
    return any(new.text != old.text for new, old in zip(formed, parts, strict=True))


def two_line_credits(fonts: EditionFonts, frames, lang: str) -> set[str]:
    """The captions (their first message's ctx) among ``frames`` (`FrameText`s
    of one edition) whose credit needs the two-line form in this edition; the
    union over all editions decides each page's form. Cards (a frame with a
    ``panel``) are sized from their text and keep their own form."""
    found = set()
    for item in frames:
        placed = item.placed
        if placed.frame.kind == "caption" and not placed.frame.panel and has_credit(item.parts) and \
                needs_two_lines(fonts, item.parts, lang, placed.box[2]):
            found.add(item.messages[0].ctx)
    return found


def two_line_pages(frames, two_line: set[str]) -> set[int]:
    """The pages whose captions all take the credit's two-line form: those with
    a caption (among ``frames``) that needs it in some edition (``two_line``)."""
    return {item.page.number for item in frames if item.placed.frame.kind == "caption" and not item.placed.frame.panel
            and item.messages and item.messages[0].ctx in two_line}


def at_own_size(part: Part) -> Part:
    """``part`` with its style's minimum raised to its size: a caption never shrinks to fit."""
    return replace(part, style=replace(part.style, min_size=part.style.size))


def set_caption(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float, height_mm: float,
                two_line: bool = False) -> Block:
    """A caption set in a frame of ``width_mm`` × ``height_mm``, at its measure
    and at its style's size: one caption size holds throughout the book, so a
    caption too long for its frame is an overflow (an error in print, marked on
    the proof), never set smaller."""
    parts, measure = caption_parts(fonts, [at_own_size(part) for part in parts], lang, width_mm, two_line)
    block = set_block(fonts, parts, lang, measure, height_mm)
    if language(lang).breaking != "characters" or not block.fits or not (short_end(block) or uneven(block)
                                                                           or any(forced(block, lang))):
        return block
    em = parts[0].style.size / MM
    tried = [(0, block)] + [(ems, set_block(fonts, parts, lang, measure - ems * em, height_mm)) for ems in range(1, NARROWER + 1)]
    # No short last line first, then gaps no wider than needed (any under EVEN_ENOUGH alike), then no forced
    # break, then the fewest words parted, then the widest measure.
    return min(((short_end(b), max(round(loosest_gap(b.lines), 3), EVEN_ENOUGH), *forced(b, lang), ems, b)
                for ems, b in tried if b.fits), key=lambda t: t[:5])[5]


def forced(block: Block, lang: str) -> tuple[int, int]:
    """How many of the block's line ends fall inside a katakana word, at a
    name's dot or before a short last line starting inside a phrase, and how
    many part a word (`book.text.cjk_breaks`)."""
    lines = [("".join(piece.text for piece in line.pieces), line.last) for line in block.lines]
    return forced_breaks(lines, lang), word_breaks(lines, lang)


def uneven(block: Block) -> bool:
    """Whether a line of the block opens its gaps past ``EVEN_ENOUGH`` (a
    name or a katakana word that could not break left it short)."""
    return loosest_gap(block.lines) > EVEN_ENOUGH + 1e-3


def short_end(block: Block) -> bool:
    """Whether a paragraph of more than one line ends on fewer than
    ``SHORT_END`` characters besides its punctuation, as the grid composer counts them."""
    for before, line in zip(block.lines, block.lines[1:], strict=False):
        text = "".join(piece.text for piece in line.pieces)
        if line.last and not before.last and sum(1 for ch in text if ch not in NO_START and not ch.isspace()) < SHORT_END:
            return True
    return False
