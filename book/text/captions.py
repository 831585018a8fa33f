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
takes it, and captions side by side in a row set their credit's first
baseline on one line (`align_credits`).

A Chinese or Japanese caption whose paragraph would end on fewer than four
characters at its measure (a line of "てきた。" after three full ones) is set
an em narrower, up to ``NARROWER`` ems, when that ends it on four or more and
still fits its frame: on a narrow frame the grid composer has no other way
but gaps opened past their limit. So is one whose gaps open past
``EVEN_ENOUGH`` (a glossary name or a katakana word that cannot break
leaving a line short), when a narrower grid sets it more evenly.

A caption is set at its style's size and never smaller, whatever the style's
``min_size``: a caption that does not fit its frame is an overflow, to be
shortened or given a template with a deeper caption zone."""

from __future__ import annotations

from dataclasses import replace

from book.languages import language
from book.model import MM
from book.text.cjk_grid import EVEN_ENOUGH, loosest_gap
from book.text.fonts import EditionFonts
from book.text.linebreak import NO_START
from book.text.typeset import Block, Line, Part, break_paragraph, set_block

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
    if language(lang).breaking != "characters" or not block.fits or not (short_end(block) or uneven(block)):
        return block
    em = parts[0].style.size / MM
    tried = [(0, block)] + [(ems, set_block(fonts, parts, lang, measure - ems * em, height_mm)) for ems in range(1, NARROWER + 1)]
    # No short last line first, then gaps no wider than needed, then the widest measure.
    return min(((short_end(b), max(loosest_gap(b.lines), EVEN_ENOUGH), ems, b) for ems, b in tried if b.fits),
               key=lambda t: t[:3])[3]


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


def credit_start(block_lines: list[Line], meta_size: float, body_size: float) -> int | None:
    """The index of a caption's first credit line: the first of its trailing
    lines at the credit's size; None when the caption has no credit or its
    credit is not told from its text by size."""
    if abs(meta_size - body_size) < 0.01 or not block_lines or abs(block_lines[-1].size - meta_size) > 0.01:
        return None
    index = len(block_lines)
    while index and abs(block_lines[index - 1].size - meta_size) < 0.01:
        index -= 1
    return index or None


def first_baseline(lines: list[Line], upto: int) -> float:
    """How far (pt) below the block's top the baseline of line ``upto`` falls."""
    return sum(line.gap + (line.leading if index else line.size) for index, line in enumerate(lines[:upto + 1]))


def align_credits(pagination, frames: dict, meta_size: float, body_size: float) -> None:
    """Captions side by side in a row (frames of kind caption whose text starts
    on one line) set their credit's first baseline on the lowest of theirs:
    the space above a higher credit grows, when its frame has the room.
    ``frames`` maps (page, frame name) to `book.text.setting.FrameSetting`."""
    for page in pagination.pages:
        rows: list[list] = []
        for placed in page.placed:
            setting = frames.get((page.number, placed.frame.name))
            if placed.frame.kind != "caption" or placed.frame.panel or setting is None or len(setting.placements) != 1:
                continue
            placement = setting.placements[0]
            start = credit_start(placement.lines, meta_size, body_size)
            if start is None:
                continue
            row = next((row for row in rows if abs(row[0][1].top - placement.top) < 0.5), None)
            if row is None:
                rows.append(row := [])
            row.append((placed, placement, start))
        for row in (row for row in rows if len(row) > 1):
            target = max(first_baseline(placement.lines, start) for _, placement, start in row)
            for placed, placement, start in row:
                delta = target - first_baseline(placement.lines, start)
                if delta < 0.01 or (first_baseline(placement.lines, len(placement.lines) - 1) + delta) / MM > placed.box[3]:
                    continue
                lines = list(placement.lines)
                lines[start] = replace(lines[start], gap=lines[start].gap + delta)
                placement.lines = lines
